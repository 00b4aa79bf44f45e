"""Grade a class: each file identified, run in its sandbox, judged here, and written to the gradebook.

Files are graded ``jobs`` at a time. Each file's rows are appended to ``NAME.csv`` as soon as it is
graded, and every table is written again in the order of the command line at the end; Ctrl-C
ends every sandbox still running (their processes, sockets and temporary folders go with them)
and leaves the gradebook of the files graded so far.
"""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from . import report, widgets
from .answers import encode_safely
from .judge import Banks, verdict, version
from .notebook import NotGradable, identify, read
from .sandbox import Run, Sandbox


@dataclass
class Submission:
    """One handed-in file, what it is, and its graded rows."""

    path: Path
    student: str
    mode: str
    notebook: str = ""
    parameters: dict = field(default_factory=dict)
    status: str = "graded"
    note: str = ""
    rows: list[dict] = field(default_factory=list)
    brief: dict | None = None  # lesson 05: {"findings": n, "html": the brief with its review}


def _cell(nb, index: object) -> str:
    """``cell N (`its first line`)`` for the runner's cell number."""
    if not isinstance(index, int) or not 0 <= index < len(nb.cells):
        return "a cell"
    first = next((line.strip() for line in nb.cells[index].source.splitlines() if line.strip()), "")
    return f"cell {index + 1} (`{first[:60]}`)"


def _run_notes(nb, run: Run) -> tuple[str, list[str]]:
    """The file's status and notes from how its run went."""
    notes, status = list(run.problems), "graded"
    errors = [f"{_cell(nb, line['error'])}: {str(line.get('name', ''))[:60]}"
              for line in run.lines if "error" in line]
    if errors:
        more = " ..." if len(errors) > 3 else ""
        notes.append(f"{len(errors)} cell(s) raised an error: " + "; ".join(errors[:3]) + more)
    stopped = next((line for line in run.lines if "stopped" in line), None)
    if stopped is not None:
        status = "stopped"
        notes.append(f"stopped in {_cell(nb, stopped['stopped'])}: {str(stopped.get('why', ''))[:120]}; "
                     "the answers recorded before it are graded")
    elif not any(line.get("finished") is True for line in run.lines):
        started = [line["start"] for line in run.lines if "start" in line]
        if not started:  # the notebook never ran: the sandbox itself failed
            raise RuntimeError("the sandbox ended before the notebook's first cell")
        status = "stopped"
        notes.append(f"the run ended in {_cell(nb, started[-1])} (time limit, memory or a crash); "
                     "the answers recorded before it are graded")
    return status, notes


def _brief(records: list[dict], theater: object) -> dict | None:
    """Lesson 05: the brief the student wrote with ``draft.write`` (each section's last text), reviewed here."""
    from .. import draft

    order = list(draft.SECTIONS)
    texts: dict[str, str] = {}
    for record in records:
        if record.get("event") == "draft" and record.get("section") in order:
            text = record.get("text")
            if isinstance(text, str) and text.strip() and text.strip() != "...":
                texts[record["section"]] = text.strip()
            else:
                texts.pop(record["section"], None)
    if not texts:
        return None
    text = "\n\n".join(texts[name] for name in order if name in texts)
    reviewed = draft.review(text, theater)
    return {"findings": len(reviewed.findings), "html": reviewed.to_html()}


IN_TURN = threading.Lock()
"""Held while a grading thread reads a file or judges its answers; only the sandboxed runs overlap.

Python 3.11.7's parser keeps its recursion depth in global state (CPython gh-106905), so two
threads parsing at once can fail with "AST constructor recursion depth mismatch".
"""


def grade_file(path: Path, student: str, sandbox: Sandbox, banks: Banks, keep: Path | None) -> Submission:
    """Grade one handed-in file; a problem becomes its status and note, never an exception."""
    sub = Submission(path, student, sandbox.mode)
    try:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise NotGradable("damaged", f"cannot read it: {exc}") from None
        with IN_TURN:
            nb = read(text)
            handin = identify(nb, banks.names())
            sub.parameters = handin.parameters
            bank = banks.get(handin.bank, handin.args)
            sub.notebook = handin.course
            names = list(bank)
            expected = [name for name in handin.expected if name in names]
            if not any(name in names for name in handin.asked):
                raise NotGradable("foreign", f"it builds questions.{handin.bank} but asks none of its questions")
            by_id = {bank[name].id: bank[name] for name in expected}
            saved, widget_notes = widgets.answers(nb, by_id)
        notes = []
        if widgets.missing_state(nb):
            notes.append("the notebook shows widgets but saved no widget state: answers left in widgets "
                         "cannot be read (save the notebook with its widget state)")
        run = sandbox.run(text, keep / (re.sub(r"[^\w.-]", "_", student) + ".ipynb") if keep else None)
        with IN_TURN:  # judging builds and parses in this process: one file at a time
            sub.status, run_notes = _run_notes(nb, run)
            records = [line for line in run.lines if "event" in line]
            theirs = [r.get("args") for r in records if r.get("event") == "bank" and r.get("bank") == handin.bank]
            if any(args != [encode_safely(a) for a in handin.args] for args in theirs):
                run_notes.append("the notebook built its questions with other values than its parameters cell sets; "
                                 "graded with the parameters cell's")
            events: dict[str, list[dict]] = {}
            for record in records:
                if record.get("event") in ("check", "hint", "solution") and isinstance(record.get("question"), str):
                    events.setdefault(record["question"], []).append(record)
            show = handin.parameters.get("show_solutions") is True
            for name in expected:
                exercise = bank[name]
                row = {"question": exercise.id, "version": version(exercise)}
                if name not in handin.asked:
                    row.update(result="missing", tries=0, hints=0, note="its cells are not in the file")
                else:
                    row.update(verdict(banks, exercise, events.get(exercise.id, []), saved.get(exercise.id), show))
                    extra = [widget_notes.get(exercise.id, "")]
                    if row["result"] == "unanswered" and widgets.missing_state(nb):
                        extra.append("no saved widget state")
                    row["note"] = "; ".join(filter(None, [row.get("note"), *extra]))
                sub.rows.append(row)
            sub.note = "; ".join(notes + run_notes)
            sub.brief = _brief(records, handin.parameters.get("theater"))
    except NotGradable as exc:
        sub.status, sub.note, sub.rows = exc.status, exc.reason, []
    except Exception as exc:  # a fault of the grader: the file says so, the other files still get graded
        sub.status, sub.rows = "failed", []
        sub.note = f"the grader failed on it ({type(exc).__name__}: {str(exc)[:200]})"
    return sub


def students(paths: list[Path]) -> list[str]:
    """A name per file: its stem, or its path where two files share a stem."""
    stems = [path.stem for path in paths]
    return [path.stem if stems.count(path.stem) == 1 else str(path.with_suffix("")) for path in paths]


def main(submissions: list[str], out: str, jobs: int | None, timeout: float, keep: str | None, sandboxed: bool) -> int:
    """Grade every file and write the gradebook. 0: the class was graded (problems are in the gradebook);
    1: the grader failed on some file."""
    from tqdm import tqdm

    from ..paths import shown

    target = Path(out)
    if target.suffix.lower() != ".csv":
        raise UsageError(f"--out {out}: expected a file name ending in .csv")
    if target.exists() and not target.is_file():
        raise UsageError(f"--out {out}: is a folder, not a file; expected a file name ending in .csv")
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs {jobs}: expected 1 or more")
    if not timeout > 0:
        raise UsageError(f"--timeout {timeout:g}: expected a number of seconds above 0")
    paths = [Path(name) for name in submissions]
    folders = [str(path) for path in paths if path.is_dir()]
    if folders:
        raise UsageError(f"{folders[0]} is a folder: give the notebooks in it ({Path(folders[0]) / '*.ipynb'})")
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    sandbox = Sandbox(sandboxed, timeout)
    banks = Banks()
    names = students(paths)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(report.csv_text([], report.LONG), encoding="utf-8")  # rows follow as files are graded
    graded: dict[int, Submission] = {}
    start = time.perf_counter()
    pool = ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1)
    pending = {pool.submit(grade_file, path, name, sandbox, banks, Path(keep) if keep else None): n
               for n, (path, name) in enumerate(zip(paths, names))}
    interrupted = False
    with tqdm(total=len(paths), unit="notebook", file=sys.stderr, disable=None) as bar:
        try:
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    sub = graded[pending.pop(future)] = future.result()
                    with target.open("a", encoding="utf-8") as book:
                        book.write(report.csv_text(report.long_rows([sub]), report.LONG, header=False))
                    bar.update()
        except KeyboardInterrupt:
            interrupted = True
            sandbox.stop()
            pool.shutdown(wait=True, cancel_futures=True)
    pool.shutdown(wait=True)
    done = [graded[n] for n in sorted(graded)]
    files = report.write(done, target)
    problems = [sub for sub in done if sub.status != "graded"]
    for sub in problems:
        print(f"{sub.path}: {sub.status}: {sub.note}", file=sys.stderr)
    seconds = time.perf_counter() - start
    print(f"graded {len(done)} of {len(paths)} file(s) in {seconds:.0f} s ({len(problems)} with a problem, "
          f"{sandbox.mode}); wrote {', '.join(shown(path) for path in files.values())}")
    if interrupted:
        print("interrupted: the gradebook holds the files graded so far", file=sys.stderr)
        return 130
    return 1 if any(sub.status == "failed" for sub in done) else 0
