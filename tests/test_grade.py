"""python -m warcourse grade: its parts one by one (fast), then one sandboxed run over widget answers,
parameters, damaged and foreign files and a lesson 05 brief, and a run interrupted with Ctrl-C.

The attacks on the grader are in tests/grading/test_attacks.py. Right answers come from the
instructor-side ``questions.key``; nothing here repeats the bank's answers.
"""

from __future__ import annotations

import copy
import csv
import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from tests.grading.alone import grading_alone
from warcourse import draft, questions
from warcourse.__main__ import main
from warcourse.errors import CourseError
from warcourse.exercises import ExerciseView
from warcourse.grading import answers, judge, notebook, recorder, report, sandbox
from warcourse.mime import WIDGET_STATE
from warcourse.paths import EXERCISES, ROOT

STUDENT = EXERCISES / "03_air_campaigns.ipynb"


def _no_sandbox() -> str:
    try:
        sandbox.require_bwrap()
    except CourseError as exc:
        return str(exc)
    return ""


needs_sandbox = pytest.mark.skipif(bool(_no_sandbox()), reason=_no_sandbox() or "")


def roundtrip(value):
    return answers.decode(json.loads(json.dumps(answers.encode_safely(value))))


# --- answers cross as plain JSON -----------------------------------------------------------------

@pytest.mark.parametrize("value", [
    3, 2.5, float("nan"), "Syria", ..., None, True, ["a", 1], ("a", 2), {"x", "y"}, frozenset({1}), {"k": [1, 2]},
    2 ** 80, Fraction(1, 3), Decimal("1.50"), {"a": 1}.keys(), {"a": 1}.items(), np.int64(7), np.float32(2.5),
    np.str_("Iraq"), np.array([[1, 2], [3, 4]]), np.array(["a", "bb"]), np.array(["a", None], dtype=object),
    pd.Series([1, None], dtype="Int64"), pd.Index(["Iraq", "Syria"], name="theater"),
    pd.Series(["x", None], dtype="string").array, pd.Series(["x", "y"]).values,
    pd.DataFrame({"when": pd.to_datetime(["2015-01-01", None]), "n": [1.5, 2.0],
                  "kind": pd.Categorical(["a", "b"], categories=["b", "a"], ordered=True)}, index=[4, 7])])
def test_answers_cross_with_their_type_and_value(value):
    back = roundtrip(value)
    assert type(back) is type(value)
    if isinstance(value, pd.DataFrame):
        pd.testing.assert_frame_equal(back, value)
    elif isinstance(value, pd.Series):
        pd.testing.assert_series_equal(back, value)
    elif isinstance(value, pd.Index):
        pd.testing.assert_index_equal(back, value, exact=True)
    elif isinstance(value, pd.api.extensions.ExtensionArray):
        pd.testing.assert_extension_array_equal(back, value)
    elif isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.tolist() == value.tolist()
    elif isinstance(value, float) and value != value:
        assert back != back
    else:
        assert back == value or list(back) == list(value)


def test_the_grader_judges_a_crossed_answer_as_the_kernel_would():
    bank = questions.air_practice()
    key = {name: questions.key(bank[name]).answer for name in bank}
    for name, value in [("after", np.int64(key["after"])), ("after", Fraction(key["after"])),
                        ("canada", Decimal(str(key["canada"]))), ("flights", np.array(sorted(key["flights"]))),
                        ("flights", dict.fromkeys(sorted(key["flights"])).keys()),
                        ("libya_order", pd.Index(key["libya_order"])), ("by_metric", key["by_metric"]),
                        ("canada", np.float64(key["canada"]) + 40)]:
        assert bank[name].check(roundtrip(value)).correct == bank[name].check(value).correct, name


@pytest.mark.parametrize("data", [{"os.system": "ls"}, {"numpy": "object()", "item": 1}, [1, 2],
                                  {"ndarray": {"dtype": "<U999999999", "shape": [1], "items": ["a"]}},
                                  {"dict": [[[1], 2]]}])
def test_data_the_recorder_did_not_write_is_refused(data):
    with pytest.raises(answers.Unreadable):
        answers.decode(data)


def test_an_answer_that_cannot_be_read_or_is_too_large_becomes_a_note():
    class Hostile:
        def __repr__(self):
            raise RuntimeError("repr")

    assert "cannot be printed" in answers.encode_safely(Hostile())["repr"]
    assert "too large" in answers.encode_safely(["x" * 1000] * 5000)["repr"]


# --- the recording banks --------------------------------------------------------------------------

def test_a_recording_bank_writes_plain_records_and_gives_nothing(monkeypatch):
    read, write = os.pipe()
    monkeypatch.setenv(recorder.FD, str(write))
    from warcourse.grading.stub import questions as stub

    q = stub.air_practice()
    said = [q.canada.check(np.int64(5)), q.canada.hint(), q.canada.solution()]
    os.close(write)
    with os.fdopen(read) as pipe:
        lines = [json.loads(line) for line in pipe]
    assert [line["event"] for line in lines] == ["bank", "check", "hint", "solution"]
    assert lines[1] == {"event": "check", "question": "air_practice.canada", "answer": answers.encode(np.int64(5)),
                        "via": "code"}
    assert all(item.correct is None and item.message == recorder.SAID for item in said)
    assert not hasattr(q.canada, "answer") and not hasattr(q.canada, "worked")


def test_the_sandbox_brief_has_no_model_brief():
    source = (ROOT / "warcourse" / "brief.py").read_text(encoding="utf-8")
    namespace: dict = {"__name__": "warcourse.brief", "__package__": "warcourse"}
    exec(compile(sandbox.without_model_brief(source), "brief-in-sandbox", "exec"), namespace)  # noqa: S102
    assert "build" not in namespace and "load" in namespace
    assert not any(getattr(value, "__annotations__", {}).get("return") in ("Section", "Brief")
                   for value in namespace.values() if callable(value))


# --- which notebook a file is ----------------------------------------------------------------------

def cells(*sources: str, parameters: str = "show_solutions = False"):
    return new_notebook(cells=[new_code_cell(parameters, metadata={"tags": ["parameters"]}),
                               *[new_code_cell(source) for source in sources]])


def test_a_repeated_bank_line_is_one_notebook_and_two_banks_are_none():
    banks = tuple(questions.BANKS)
    found = notebook.identify(cells("q = questions.air_practice()", "q = questions.air_practice()", "q.canada"), banks)
    assert (found.bank, found.course, found.asked) == ("air_practice", "exercises/03_air_campaigns", ["canada"])
    assert "canada" in found.expected and len(found.expected) > 1
    with pytest.raises(notebook.NotGradable, match="more than one question bank"):
        notebook.identify(cells("q = questions.air_practice()", "q = questions.air_campaigns('all')"), banks)


def test_a_summative_check_is_told_from_its_lesson_by_its_questions():
    bank = questions.air_campaigns("Syria")
    asked = "\n".join(f"q.{name}" for name in bank.summative[:2])
    found = notebook.identify(cells("q = questions.air_campaigns(theater)", asked,
                                    parameters='theater = "Syria"'), tuple(questions.BANKS))
    assert found.course == "exercises/checks/03_air_campaigns_check" and found.args == ["Syria"]
    assert set(found.expected) == set(bank.summative)


# --- verdicts ----------------------------------------------------------------------------------------

def test_tries_hints_and_a_solution_seen_before_the_right_answer():
    banks = judge.Banks()
    exercise = banks.get("air_practice", [])["canada"]
    right = answers.encode(questions.key(exercise).answer)
    events = [{"event": "hint"}, {"event": "check", "answer": 1}, {"event": "check", "answer": ...},
              {"event": "check", "answer": 2}, {"event": "solution"}, {"event": "check", "answer": right}]
    row = judge.verdict(banks, exercise, [{"question": exercise.id, **e} for e in events], None, False)
    assert (row["result"], row["tries"], row["hints"], row["solution first"]) == ("right", 3, 1, "yes")
    early = judge.verdict(banks, exercise, [{"event": "solution"}, {"event": "check", "answer": right}], None, True)
    assert early["solution first"] == "yes"
    late = judge.verdict(banks, exercise, [{"event": "check", "answer": right}, {"event": "solution"}], None, True)
    assert late["solution first"] == ""


def test_an_answer_the_checker_cannot_grade_is_named_in_the_note():
    """"Yes" begins two of practice 03 afghan's choices: not graded, and the gradebook says why, not just
    "unanswered" with an empty note."""
    banks = judge.Banks()
    exercise = banks.get("air_practice", [])["afghan"]
    row = judge.verdict(banks, exercise, [{"event": "check", "answer": answers.encode("Yes")}], None, False)
    assert row["result"] == "unanswered" and row["note"].startswith("the last answer, Yes, was not graded: ")
    blank = judge.verdict(banks, exercise, [{"event": "check", "answer": answers.encode(None)}], None, False)
    assert (blank["result"], blank["note"]) == ("unanswered", "")


# --- reports -------------------------------------------------------------------------------------------

def submission(**rows):
    from warcourse.grading.grader import Submission

    return Submission(Path("a.ipynb"), "a", "sandbox", "exercises/03_air_campaigns", {"show_solutions": True},
                      rows=[{"question": f"air_practice.{q}", "result": r, "answer": a} for q, (r, a) in rows.items()])


def test_csv_cells_are_never_formulas_and_html_colours_come_from_verdicts():
    sub = submission(canada=("wrong", "=HYPERLINK(\"http://x\")"), after=("unanswered", "right"),
                     fits=("right", "<script>alert(1)</script>"))
    text = report.csv_text(report.long_rows([sub]), report.LONG)
    assert "'=HYPERLINK" in text and "\n=" not in text and ",=" not in text
    page = report.html([sub])
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count('class="v-right"') == 2  # the result cell of fits in the wide and the long table
    assert page.count('class="v-unanswered"') == 2  # not green, though its answer reads "right"
    wide = report.wide_csv(report.wide_rows([sub]))
    assert "1 of 3" in wide and "show_solutions=True" in report.csv_text(report.long_rows([sub]))


# --- the command line ----------------------------------------------------------------------------------

def test_bad_command_lines_give_one_line(tmp_path, capsys):
    assert main(["grade", str(tmp_path / "none.ipynb")]) == 2
    assert main(["grade", str(STUDENT), "--out", str(tmp_path / "book.xlsx")]) == 2
    assert main(["grade", str(STUDENT), "--jobs", "0"]) == 2
    (tmp_path / "folder.csv").mkdir()
    assert main(["grade", str(STUDENT), "--out", str(tmp_path / "folder.csv")]) == 2
    assert main(["grade", str(tmp_path)]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert errors[0].startswith("error: no such file:") and "ending in .csv" in errors[1] and "--jobs 0" in errors[2]
    assert "is a folder, not a file" in errors[3] and "is a folder: give the notebooks in it" in errors[4]
    assert len(errors) == 5 and (tmp_path / "folder.csv").is_dir() and not list((tmp_path / "folder.csv").iterdir())


def test_without_bubblewrap_grade_stops_naming_the_package(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    assert main(["grade", str(STUDENT), "--out", str(tmp_path / "book.csv")]) == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "bubblewrap" in error and "--no-sandbox" in error


def test_a_run_that_outlives_its_time_limit_and_grace_is_stopped_by_the_grader(tmp_path, monkeypatch):
    """The grader's own limit, for a runner that no longer answers: it waits for the process's end
    (not by polling), and kills it ``GRACE`` seconds after the notebook's time."""
    monkeypatch.setattr(sandbox, "GRACE", 1)
    box = sandbox.Sandbox(sandboxed=False, timeout=0.25)
    hung = [sys.executable, "-c", "import time; print('{\"start\": 0}', flush=True); time.sleep(60)"]
    start = time.monotonic()
    report, problems = box._wait(hung, {}, tmp_path)
    assert problems == ["stopped by the grader after 1.25 s"] and 1.2 < time.monotonic() - start < 30
    assert sandbox._parse(report) == [{"start": 0}]
    start = time.monotonic()
    assert box._wait([sys.executable, "-c", "pass"], {}, tmp_path)[1] == []
    assert time.monotonic() - start < 1.2 and not box.running


# --- one sandboxed run ---------------------------------------------------------------------------------

def model(nb, question: str) -> tuple[dict, dict]:
    """The saved state of all widgets, and the box of ``question``'s widget in it."""
    state = nb.metadata["widgets"][WIDGET_STATE]["state"]
    box = next(m for m in state.values() if f"warcourse-q-{question}" in m["state"].get("_dom_classes", []))
    return state, box


def answer_with_widget(nb, question: str, right: bool) -> str:
    """Choose a right (or a wrong) option in the saved radio buttons of ``question`` and mark it checked."""
    state, box = model(nb, question)
    parts = {state[ref.removeprefix("IPY_MODEL_")]["model_name"]: state[ref.removeprefix("IPY_MODEL_")]["state"]
             for ref in box["state"]["children"]}
    radio, output = parts["RadioButtonsModel"], parts["OutputModel"]
    exercise = questions.air_practice()[question.split(".")[1]]
    radio["_options_labels"] = list(ExerciseView(exercise).input._options_labels)  # saved by today's course
    label = next(label for label in radio["_options_labels"] if bool(exercise.check(label).correct) == right)
    radio["index"] = radio["_options_labels"].index(label)
    output["outputs"] = [{"output_type": "display_data", "data": {"text/plain": "feedback"}, "metadata": {}}]
    return label


def set_code(nb, marker: str, source: str) -> None:
    cell = next(cell for cell in nb.cells if cell.cell_type == "code" and marker in cell.source)
    cell.source = source


def brief_notebook():
    """A lesson 05 hand-in: a question asked, and two sections of the brief written with ``draft.write``."""
    return cells("from warcourse import questions\nfrom warcourse.draft import Draft\n"
                 "q = questions.putting_it_together(theater)\ndraft = Draft(theater)",
                 "q.{}".format(next(iter(questions.putting_it_together("Iraq")))),
                 'draft.write("who", "The United States struck in Iraq (line 214). <b>bold</b>")',
                 'draft.write("air", "The coalition flew 99999 sorties (line 214).")',
                 parameters='show_solutions = False\ntheater = "Iraq"')


class StandInReview:
    """``draft.review``'s interface, for as long as the course has none: each number is a finding."""

    def __init__(self, text: str, theater: str):
        self.findings = [word for word in text.split() if word.strip("().").isdigit()]
        self.text = text

    def to_html(self) -> str:
        import html

        return f"<pre>{html.escape(self.text)}</pre>"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Widget answers, parameters, a missing widget state, damaged, foreign and a brief, graded in one run."""
    folder = tmp_path_factory.mktemp("handins")
    student = nbformat.read(STUDENT, as_version=4)
    mixed = copy.deepcopy(student)  # one wrong code answer, one right and one wrong widget answer
    set_code(mixed, "q.canada.check(total)", "total = 5\nq.canada.check(total)")
    answer_with_widget(mixed, "air_practice.fits", right=True)
    wrong_label = answer_with_widget(mixed, "air_practice.afghan", right=False)
    set_code(mixed, "show_solutions = False", "show_solutions = True  # allowed: True, False")
    nbformat.write(mixed, folder / "bob.ipynb")
    stateless = copy.deepcopy(student)
    stateless.metadata.pop("widgets", None)
    nbformat.write(stateless, folder / "carol.ipynb")
    nbformat.write(brief_notebook(), folder / "dora.ipynb")
    (folder / "damaged.ipynb").write_text('{"cells": [', encoding="utf-8")
    nbformat.write(new_notebook(cells=[new_code_cell("print('my own work')")]), folder / "foreign.ipynb")
    out = folder / "book" / "gradebook.csv"
    patch = pytest.MonkeyPatch()
    if not hasattr(draft, "review"):
        patch.setattr(draft, "review", StandInReview, raising=False)
    try:
        with grading_alone(tmp_path_factory):
            status = main(["grade", *sorted(map(str, folder.glob("*.ipynb"))), "--out", str(out), "--jobs", "2"])
    finally:
        patch.undo()
    read = lambda path: list(csv.DictReader(path.open(encoding="utf-8")))  # noqa: E731
    return {"status": status, "book": read(out), "wide": read(out.with_name("gradebook-students.csv")),
            "summary": read(out.with_name("gradebook-summary.csv")), "html": out.with_suffix(".html").read_text(),
            "wrong_label": wrong_label}


def of(graded, name: str) -> dict[str, dict]:
    return {row["question"].split(".")[-1]: row for row in graded["book"] if row["student"] == name}


@pytest.mark.slow
@needs_sandbox
def test_widget_and_code_answers_with_the_parameters_the_file_ran_with(graded):
    rows = of(graded, "bob")
    assert (rows["canada"]["result"], rows["canada"]["answer"], rows["canada"]["tries"]) == ("wrong", "5", "1")
    assert (rows["fits"]["result"], rows["fits"]["via"], rows["fits"]["tries"]) == ("right", "widget", "1")
    assert (rows["afghan"]["result"], rows["afghan"]["answer"]) == ("wrong", graded["wrong_label"])
    assert rows["after"]["result"] == "unanswered" and rows["after"]["tries"] == "0"
    assert {row["parameters"] for row in rows.values()} == {"show_solutions=True"}
    assert {row["status"] for row in rows.values()} == {"graded"} and graded["status"] == 0


@pytest.mark.slow
@needs_sandbox
def test_widget_answers_without_saved_state_are_noted(graded):
    rows = of(graded, "carol")
    assert "saved no widget state" in rows["fits"]["note"] and "no saved widget state" in rows["fits"]["note"]


@pytest.mark.slow
@needs_sandbox
def test_damaged_and_foreign_files_get_one_row_saying_why(graded):
    for name, status, says in (("damaged", "damaged", "not a readable notebook"),
                               ("foreign", "foreign", "not one of the course's notebooks")):
        rows = [row for row in graded["book"] if row["student"] == name]
        assert len(rows) == 1 and (rows[0]["status"], rows[0]["result"]) == (status, "not graded")
        assert says in rows[0]["note"]


@pytest.mark.slow
@needs_sandbox
def test_the_wide_table_and_the_summary(graded):
    bob = next(row for row in graded["wide"] if row["student"] == "bob")
    total = len(questions.air_practice())
    assert bob["score"] == f"1 of {total}" and bob["air_practice.fits"] == "right"
    canada = next(row for row in graded["summary"] if row["question"] == "air_practice.canada")
    assert (canada["wrong"], canada["most common wrong answer"]) == ("1", "5")
    page = graded["html"]
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page


@pytest.mark.slow
@needs_sandbox
def test_the_brief_is_reviewed_in_the_gradebook(graded):
    assert [row["status"] for row in graded["book"] if row["student"] == "dora"][0] == "graded"
    page = graded["html"]
    assert "dora:" in page and "finding(s)" in page and "99999 sorties" in page
    assert "<b>bold</b>" not in page  # the student's text is escaped by the review


@pytest.mark.slow
@needs_sandbox
def test_ctrl_c_leaves_a_true_partial_gradebook_and_nothing_running(tmp_path, tmp_path_factory):
    with grading_alone(tmp_path_factory):
        ctrl_c_while_grading(tmp_path)


def ctrl_c_while_grading(tmp_path):
    quick = cells("from warcourse import questions\nq = questions.air_practice()", "q.canada.check(5)")
    slow = cells("from warcourse import questions\nq = questions.air_practice()", "q.canada.check(5)",
                 "import subprocess\nsubprocess.Popen(['sleep', '6.125'])\nwhile True:\n    pass")
    nbformat.write(quick, tmp_path / "a.ipynb")
    nbformat.write(slow, tmp_path / "b.ipynb")
    temp = tmp_path / "temp"
    temp.mkdir()
    out = tmp_path / "book.csv"
    process = subprocess.Popen([sys.executable, "-m", "warcourse", "grade", str(tmp_path / "a.ipynb"),
                                str(tmp_path / "b.ipynb"), "--out", str(out), "--jobs", "1", "--timeout", "120"],
                               env={**os.environ, "TMPDIR": str(temp)}, stderr=subprocess.PIPE, text=True)
    processes = lambda: subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout  # noqa: E731
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and (not out.exists() or "a.ipynb" not in out.read_text()):
        time.sleep(0.05)
    while time.monotonic() < deadline and "sleep 6.125" not in processes():  # b is running now
        time.sleep(0.05)
    assert "sleep 6.125" in processes()
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {row["student"] for row in rows} == {"a"} and out.with_suffix(".html").exists()
    assert "sleep 6.125" not in processes()
    assert list(temp.iterdir()) == []


@pytest.mark.slow
def test_without_a_sandbox_the_mode_is_recorded_and_the_kernel_still_only_records(tmp_path, tmp_path_factory):
    handin = cells("from warcourse import questions\nq = questions.air_practice()",
                   "q.canada.check(q.canada.answer)", "q.after.check(5)")
    nbformat.write(handin, tmp_path / "eve.ipynb")
    out = tmp_path / "book.csv"
    with grading_alone(tmp_path_factory):
        assert main(["grade", str(tmp_path / "eve.ipynb"), "--out", str(out), "--no-sandbox"]) == 0
    rows = {row["question"].split(".")[-1]: row for row in csv.DictReader(out.open(encoding="utf-8"))}
    assert {row["mode"] for row in rows.values()} == {"no sandbox"}
    assert rows["canada"]["result"] == "unanswered" and "AttributeError" in rows["canada"]["note"]
    assert (rows["after"]["result"], rows["after"]["answer"]) == ("wrong", "5")


def test_a_report_line_nested_too_deep_is_skipped_not_blamed_on_the_grader():
    """A handed-in notebook may write anything to its report: a 5,000-deep array made json raise RecursionError,
    and the file was marked "the grader failed on it" (exit 1, as if the tool were broken)."""
    deep = ("[" * 5000 + "]" * 5000).encode()
    assert sandbox._parse(b'{"start": 0}\n' + deep + b'\n{"done": 1}') == [{"start": 0}, {"done": 1}]


def test_grade_in_a_checkout_its_python_does_not_import_stops_with_one_line(tmp_path, monkeypatch):
    """The sandbox's runner imports the installed warcourse: from another checkout every file failed before its
    first cell ("the sandbox ended before the notebook's first cell"), with no cause given."""
    monkeypatch.setattr(sandbox, "PACKAGE", tmp_path / "warcourse")
    with pytest.raises(CourseError, match="would import warcourse from .*, not from .*: run grade in the checkout"):
        sandbox.require_same_package()
