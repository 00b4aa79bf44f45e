"""Dishonest and honest handed-in notebooks, graded together in ONE sandboxed ``grade`` run (--jobs 2).

Every attack of ``attacks.ATTACKS`` gets its expected verdict, and afterwards nothing outside the
sandboxes changed (the course tree, the other submissions, the gradebook, the grader's working
folder and IPython profile) and no process of a notebook is left. Honest answers given as numpy,
pandas, Fraction, Decimal and dict views are judged exactly as the course's checker judges the
same values in this process; a repeated bank line is graded; deleted questions are "missing".
Expected answers come from the instructor-side ``questions.key``; nothing here repeats them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import resource
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from tests.grading.alone import grading_alone
from tests.grading.attacks import ATTACKS, BUSY
from warcourse import questions
from warcourse.__main__ import main
from warcourse.errors import CourseError
from warcourse.grading.sandbox import FIRST_UID, LIMITS, UIDS, require_bwrap
from warcourse.paths import ROOT


def _no_sandbox() -> str:
    """Why no sandbox can be made here ('' when one can)."""
    try:
        require_bwrap()
    except CourseError as exc:
        return str(exc)
    return ""


pytestmark = [pytest.mark.slow, pytest.mark.skipif(bool(_no_sandbox()), reason=_no_sandbox() or "")]

MARKER = "7.25"  # seconds a planted child sleeps: names it in the process list
TIMEOUT = "10"  # seconds per notebook: the others need 1 to 3 on a busy machine; the endless loop takes all 10
COURSE = ("warcourse", "data", "seeds", "notebooks")  # what a sandbox sees of the course (the rest is not there)


def tree_hash(*folders: Path) -> dict[str, str]:
    """Every file under ``folders`` (compiled files aside) with the hash of its bytes."""
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest() for folder in folders if folder.is_dir()
            for path in sorted(folder.rglob("*")) if path.is_file() and "__pycache__" not in path.parts}


def handin(cells: list[str], bank_line: str = "q = questions.air_practice()") -> nbformat.NotebookNode:
    head = [new_code_cell("show_solutions = False  # allowed: True, False", metadata={"tags": ["parameters"]}),
            new_code_cell("import io\nfrom decimal import Decimal\nfrom fractions import Fraction\n\n"
                          "from warcourse import questions\n" + bank_line)]
    return new_notebook(cells=head + [new_code_cell(source) for source in cells])


def honest_answers() -> dict[str, dict[str, str]]:
    """Per honest notebook, per question: an expression giving the right answer in another type."""
    bank = questions.air_practice()
    key = {name: questions.key(bank[name]).answer for name in bank}
    flights, order = sorted(key["flights"]), list(key["libya_order"])
    table = key["by_metric"].to_json(orient="table")
    return {
        "honest_numpy": {"after": f"np.array({key['after']!r})[()]", "rate": f"np.array({key['rate']!r})[()]",
                         "fits": f"np.str_({key['fits']!r})", "flights": f"np.array({flights!r})",
                         "libya_order": f"np.array({order!r})", "canada": f"np.array({key['canada']!r})[()]"},
        "honest_pandas": {"flights": f"pd.Series({flights!r})", "libya_order": f"pd.Index({order!r})",
                          "by_metric": f"pd.read_json(io.StringIO({table!r}), orient='table')",
                          "after": f"pd.Series([{key['after']!r}]).iloc[0]"},
        "honest_exact": {"after": f"Fraction({key['after']!r})", "canada": f"Decimal('{key['canada']}')",
                         "rate": f"Decimal({str(key['rate'])!r})", "flights": f"dict.fromkeys({flights!r}).keys()",
                         "libya_order": f"tuple({order!r})", "afghan": repr(key["afghan"])},
        "honest_values": {"flights": f"pd.Series({flights!r}, dtype='string').values",
                          "libya_order": f"pd.Series({order!r}).values",
                          "canada": f"pd.Series([{key['canada']!r}]).to_numpy()[0]"},
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("handins")
    outside = tmp_path_factory.mktemp("workdir")
    out = tmp_path_factory.mktemp("book") / "gradebook.csv"
    keep = tmp_path_factory.mktemp("kept")
    honest = honest_answers()
    victim = folder / "honest_numpy.ipynb"
    paths = {"ROOT": str(ROOT), "VICTIM": str(victim), "GRADEBOOK": str(out), "OUTSIDE": str(outside),
             "HOMEDIR": os.path.expanduser("~"), "MARKER": MARKER}
    for name, cells in ATTACKS.items():
        for token, value in paths.items():
            cells = [cell.replace(token, value) for cell in cells]
        nbformat.write(handin(cells), folder / f"{name}.ipynb")
    after = repr(questions.key(questions.air_practice().after).answer)
    for name, cells in BUSY.items():
        nbformat.write(handin([cell.replace("AFTER", after) for cell in cells]), folder / f"{name}.ipynb")
    for name, answers in honest.items():
        cells = [f"answer = {expression}\nq.{question}.check(answer)" for question, expression in answers.items()]
        bank_line = "q = questions.air_practice()\n" * (2 if name == "honest_numpy" else 1)
        nbformat.write(handin(["import numpy as np\nimport pandas as pd", *cells], bank_line.strip()),
                       folder / f"{name}.ipynb")
    startup = Path(os.path.expanduser("~/.ipython/profile_default/startup"))
    before = {"course": tree_hash(*(ROOT / name for name in COURSE)), "handins": tree_hash(folder),
              "profile": tree_hash(startup)}
    cwd = os.getcwd()
    with grading_alone(tmp_path_factory):  # the process list below is of this run only
        os.chdir(outside)
        try:
            status = main(["grade", *sorted(map(str, folder.glob("*.ipynb"))), "--out", str(out), "--jobs", "2",
                           "--timeout", TIMEOUT, "--keep", str(keep)])
        finally:
            os.chdir(cwd)
        processes = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
        users = {int(uid) for uid in subprocess.run(["ps", "-eo", "uid="], capture_output=True,
                                                    text=True).stdout.split()}
    after = {"course": tree_hash(*(ROOT / name for name in COURSE)), "handins": tree_hash(folder),
             "profile": tree_hash(startup)}
    book = list(csv.DictReader(out.open(encoding="utf-8")))
    return {"status": status, "book": book, "before": before, "after": after, "outside": outside,
            "processes": processes, "users": users, "keep": keep, "honest": honest, "out": out}


def rows(graded, student: str) -> dict[str, dict]:
    found = {row["question"].split(".")[-1]: row for row in graded["book"] if row["student"] == student}
    assert found, student
    return found


def test_the_class_is_graded_and_nothing_outside_the_sandboxes_changed(graded):
    assert graded["status"] == 0
    for part, files in graded["before"].items():
        changed = {name for name in files.keys() | graded["after"][part].keys()
                   if files.get(name) != graded["after"][part].get(name)}
        assert not changed, (part, sorted(changed)[:5])
    assert list(graded["outside"].iterdir()) == []  # no tqdm.py, sitecustomize.py in the working folder
    assert not (ROOT / "warcourse" / "planted.py").exists() and "warcourse.planted" not in sys.modules
    assert f"sleep {MARKER}" not in graded["processes"] and "warcourse.grading.runner" not in graded["processes"]
    assert not {uid for uid in graded["users"] if FIRST_UID <= uid < FIRST_UID + UIDS}  # no sandbox user left
    assert not any(row["student"] == "student" for row in graded["book"])  # no forged gradebook line
    assert {row["mode"] for row in graded["book"]} == {"sandbox"}


@pytest.mark.parametrize("student", ["key_attribute", "key_reload", "key_process"])
def test_no_copy_of_the_key_scores(graded, student):
    canada = rows(graded, student)["canada"]
    key = questions.key(questions.air_practice().canada).answer
    assert canada["result"] in ("unanswered", "wrong") and canada["answer"] != str(key), canada


def test_the_key_files_and_model_brief_are_not_in_the_sandbox(graded):
    seen = rows(graded, "key_process")["fits"]["answer"]
    assert seen.count("refused:") == 3 and "done:" not in seen, seen


@pytest.mark.parametrize("student", ["planted_module", "write_course", "write_others", "write_profile", "network"])
def test_writes_and_connections_outside_are_refused(graded, student):
    seen = rows(graded, student)["fits"]
    assert seen["result"] == "wrong" and "done:" not in seen["answer"] and "refused:" in seen["answer"], seen


def test_a_forged_report_counts_only_as_an_answer(graded):
    found = rows(graded, "forged_report")
    assert found["canada"]["result"] == "wrong" and found["canada"]["answer"] == "999999"
    assert not any(row["result"] == "right" for row in found.values())


def test_tries_cannot_be_reset(graded):
    canada = rows(graded, "reset_tries")["canada"]
    assert (canada["result"], canada["tries"], canada["answer"]) == ("wrong", "3", "3")


def test_a_memory_bomb_fails_its_cell_only(graded):
    found = rows(graded, "memory_bomb")
    assert found["canada"]["tries"] == "1" and found["after"]["answer"] == "6"
    assert "MemoryError" in found["canada"]["note"]


def test_a_fork_bomb_fails_its_cell_only(graded):
    """The process limit holds, also for a grader run as root (each sandbox is then a user of its own)."""
    found = rows(graded, "fork_bomb")
    seen = found["fits"]["answer"]
    assert seen.startswith("refused after ") and seen.endswith(": BlockingIOError"), seen
    assert int(seen.split()[2]) < LIMITS[resource.RLIMIT_NPROC], seen
    assert "cell 4 (`import os, signal, time`): BlockingIOError" in found["canada"]["note"], found["canada"]
    assert (found["canada"]["answer"], found["after"]["answer"]) == ("5", "6")
    assert {row["status"] for row in found.values()} == {"graded"}


def test_many_threads_and_processes_are_allowed(graded):
    assert rows(graded, "honest_threads")["after"]["result"] == "right"


def test_a_huge_print_is_cut_in_the_kept_notebook(graded):
    assert rows(graded, "huge_print")["canada"]["answer"] == "5"
    assert (graded["keep"] / "huge_print.ipynb").stat().st_size < 5_000_000


@pytest.mark.parametrize("student, cell, why", [("endless_loop", "cell 4 (`while True:`)", "time limit"),
                                                ("exit_call", "cell 4 (`exit()`)", "exit()")])
def test_a_stopped_notebook_keeps_the_answers_before_the_cell(graded, student, cell, why):
    found = rows(graded, student)
    assert found["canada"]["status"] == "stopped" and f"stopped in {cell}" in found["canada"]["note"]
    assert why in found["canada"]["note"]
    assert (found["canada"]["result"], found["canada"]["tries"]) == ("wrong", "1")
    assert found["after"]["result"] == "unanswered"


def test_a_crash_after_three_answers_keeps_three(graded):
    found = rows(graded, "crash_after_three")
    assert [found[name]["tries"] for name in ("canada", "after", "fits", "rate")] == ["1", "1", "1", "0"]
    assert found["fits"]["result"] == "right" and found["canada"]["status"] == "stopped"


def test_honest_answers_in_any_type_are_judged_as_here(graded):
    bank = questions.air_practice()
    scope = {"np": np, "pd": pd, "io": io, "Fraction": Fraction, "Decimal": Decimal}
    for student, answers in graded["honest"].items():
        found = rows(graded, student)
        for question, expression in answers.items():
            here = bank[question].check(eval(expression, scope)).correct  # the checker, in this process
            assert here is True, (student, question, expression[:80])
            assert found[question]["result"] == "right", (student, question, found[question])


def test_a_repeated_bank_line_is_graded_and_deleted_questions_are_missing(graded):
    found = rows(graded, "honest_numpy")
    assert len(found) == len(questions.air_practice())
    assert {name for name, row in found.items() if row["result"] == "missing"} == {"by_metric", "afghan"}
    assert {row["status"] for row in found.values()} == {"graded"}
