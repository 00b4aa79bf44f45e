"""Summative checks: one notebook per lesson, generated from the summative questions of its bank.

``exercises/checks/NN_topic_check.ipynb`` asks the questions a lesson's bank
keeps for after the lesson (``bank.summative``). It takes the lesson's parameters that
those questions take, so an instructor renders it like a lesson
(``python -m warcourse render exercises/checks/05_putting_it_together_check.ipynb -p theater Syria``);
the others keep the lesson's default in the setup cell, and ``-p`` refuses them (a check whose
questions take none still has its ``parameters`` cell, saying so, for papermill).
``python -m warcourse release`` writes them with the student copies, and
``release --check`` fails when one is out of date with its lesson's bank.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from . import questions
from .catalogue import Lesson, bank_calls
from .errors import CourseError
from .notebooks import read
from .paths import EXERCISES, NOTEBOOKS, shown

FOLDER = EXERCISES / "checks"
NO_PARAMETERS = ("# This check takes no parameters: its questions are the same whatever the lesson's were\n"
                 "# (papermill still finds this cell, and `render -p` names the parameters it refuses).")


def _parameters(lesson: nbformat.NotebookNode, used: set[str]) -> tuple[list[str], list[str]]:
    """The lines of the lesson's parameters cell that the check's questions take (``used``), and the
    others with their defaults fixed (never ``show_solutions``: a check never shows its solutions)."""
    cell = next(c for c in lesson.cells if "parameters" in c.get("metadata", {}).get("tags", []))
    kept, fixed = [], []
    for line in cell.source.splitlines():
        name = re.match(r"\s*(\w+)\s*=", line)
        if name is None or name.group(1) == "show_solutions":
            continue
        if name.group(1) in used:
            kept.append(line)
        else:
            fixed.append(line.split("#", 1)[0].rstrip() + "  # the lesson's default: this check's questions do not "
                                                           "depend on it")
    return kept, fixed


def _setup_cell(lesson: nbformat.NotebookNode, where: str, fixed: list[str]) -> tuple[str, list[str]]:
    """The lesson's setup cell (the one that builds ``q``) with solutions off, the ``fixed`` parameters after
    its imports and no top-level ``print`` (what it says is about the lesson), and the names it loads.

    A summative question's worked solution uses only these names, so it runs in the check as in the lesson.
    """
    cell = next((c for c in lesson.cells if c.cell_type == "code" and bank_calls([c.source])), None)
    if cell is None or "setup(show_solutions)" not in cell.source:
        raise CourseError(f"{where}: the cell that builds q must call setup(show_solutions)")
    source = cell.source.replace("setup(show_solutions)", "setup()")
    lines = source.splitlines()
    printed = {number for node in ast.parse(source).body if isinstance(node, ast.Expr)
               and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "print"
               for number in range(node.lineno - 1, node.end_lineno)}
    kept = [line for number, line in enumerate(lines) if number not in printed]
    at = next(number for number, line in enumerate(kept) if line.startswith("setup()"))  # after the imports
    source = "\n".join(kept[:at] + fixed + kept[at:]).rstrip()
    names = [target.id for node in ast.parse(source).body if isinstance(node, ast.Assign)
             for target in ast.walk(node.targets[0]) if isinstance(target, ast.Name)]
    return source, [name for name in dict.fromkeys(names) if name not in ("q", "draft")
                    and not any(line.startswith(f"{name} =") for line in fixed)]


def _summative(path: Path) -> tuple[str, list[str], tuple[str, ...], set[str]]:
    """The lesson's bank name, the names of its summative questions, its rubric and the parameters those
    questions take, read from the bank's registry (nothing is built)."""
    function = getattr(questions, Lesson(path).bank_call().bank)
    entries = [entry for entry in function.entries() if entry.role == "summative"]
    used = {parameter for entry in entries for parameter in entry.parameters}
    return function.__name__, [entry.name for entry in entries], function.registry.rubric, used


def check_notebook(path: Path) -> nbformat.NotebookNode:
    """The summative check of the lesson at ``path`` (sources only, not executed)."""
    lesson = read(path)
    where = shown(path)
    name, summative, rubric, used = _summative(path)
    if not summative:
        raise CourseError(f"{where}: the bank {name} has no summative questions")
    title = Lesson(path).title()
    kept, fixed = _parameters(lesson, used)
    setup, loaded = _setup_cell(lesson, where, fixed)
    choose = (" Its questions are about " + " and ".join(f"`{line.split('#')[0].strip()}`" for line in kept)
              + ": change that in the first code cell, or render the check with `-p`." if kept else "")
    cells = [
        new_markdown_cell(
            f"# Check: {title}\n\n"
            f"{len(summative)} questions to answer after the lesson, without it open if you can. Each one "
            "checks your answer and says what kind of mistake it sees; a hint is one call away "
            f"(`q.NAME.hint()`), a worked solution after two tries.{choose}\n\n"
            "The setup cell loads what the lesson loaded, under the same names: "
            + ", ".join(f"`{name}`" for name in loaded) + ". Replace each `...` with your code and run the cell."),
        new_code_cell("\n".join(kept) or NO_PARAMETERS, metadata={"tags": ["parameters"]}),
        new_code_cell(setup),
    ]
    for number, question in enumerate(summative, 1):
        cells += [
            new_markdown_cell(f"## Question {number}"),
            new_code_cell(f"q.{question}"),
            new_code_cell(f"my_answer = ...\nq.{question}.check(my_answer)"),
        ]
    if rubric:
        cells.append(new_markdown_cell(
            "## Your brief: what a good one does\n\nThe rubric of the lesson's brief, for a brief you write or "
            "one you review:\n\n" + "\n".join(f"{n}. {item}" for n, item in enumerate(rubric, 1))))
    for number, cell in enumerate(cells, 1):
        cell.id = f"check-cell-{number:02d}"  # the same ids on every release, so widget ids and diffs stay put
    notebook = new_notebook(cells=cells, metadata=lesson.metadata.copy())
    notebook.metadata.pop("widgets", None)
    return notebook


def pairs(lessons: Path = NOTEBOOKS, folder: Path = FOLDER) -> list[tuple[Path, Path]]:
    """(lesson, check) paths for every lesson whose bank keeps summative questions."""
    found = []
    for path in sorted(lessons.glob("[0-9][0-9]_*.ipynb")):
        if _summative(path)[1]:
            found.append((path, folder / f"{path.stem}_check.ipynb"))
    return found
