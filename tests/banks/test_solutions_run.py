"""Every worked solution runs where it is shown, as a stuck student would run it.

Each lesson, practice-set student copy and summative check is run for every allowed parameter
value, cell by cell in a fresh namespace, with the student cells left as ``...``. Right after the
cell that shows ``q.NAME``, the question's worked code (``key(q.NAME).code``) runs in a copy of
that namespace: it must use only names defined so far, must not rebind or change any of them, and
its last expression must be an answer ``check`` accepts (for multiple choice, where the code shows
the evidence and the answer is a reading of it, the code must run). No hint, alone or run together
with the others, is an expression that gives an accepted answer there.

The cells run in this process (no kernel: a kernel per notebook and value would take minutes);
``display`` prints. A figure is made and checked (title, labelled axes, source line, alt text) but
not drawn: drawing was a third of this file's time. Figures are drawn elsewhere: lessons 02, 03 and
05's figure functions for every allowed value by ``test_coalitions``, ``test_campaigns`` and
``test_brief``, every lesson at its default values by nbval and at one other value by
``test_lesson_parameters``. Lessons 01 and 04 at their other values are checked here but not drawn.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import io
import itertools
import re
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest

from banks.harness import shown_questions
from warcourse import plots
from warcourse.catalogue import Lesson
from warcourse.exercises import MultipleChoice
from warcourse.paths import ROOT
from warcourse.questions import key

matplotlib.use("Agg")

NOTEBOOKS = sorted([*ROOT.glob("notebooks/[0-9][0-9]_*.ipynb"), *ROOT.glob("exercises/[0-9][0-9]_*.ipynb"),
                    *ROOT.glob("exercises/checks/[0-9][0-9]_*.ipynb")])


def runs():
    """(notebook, parameter values) for every notebook and every allowed value of its parameters."""
    found = []
    for path in NOTEBOOKS:
        parameters = {name: p for name, p in Lesson(path).parameters().items() if name != "show_solutions"}
        for combo in itertools.product(*(p.allowed for p in parameters.values())):
            values = dict(zip(parameters, combo))
            label = ",".join(map(str, combo)) or "default"
            found.append(pytest.param(path, values, id=f"{path.relative_to(ROOT)}[{label}]"))
    return found


@functools.cache
def code_cells(path: Path) -> tuple[tuple[str, bool], ...]:
    """Each code cell of a notebook: its source, and whether it is the parameters cell (read once per file)."""
    nb = nbformat.read(path, as_version=4)
    return tuple((cell.source, "parameters" in cell.metadata.get("tags", [])) for cell in nb.cells
                 if cell.cell_type == "code")


@functools.cache
def compiled(source: str):
    """``source`` compiled as a notebook cell: the code before its last expression, and that expression's
    (None when the cell does not end in one). Cached: a cell or a worked answer runs once per parameter value."""
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    body = compile(tree, "<cell>", "exec")
    return body, None if last is None else compile(ast.Expression(last.value), "<cell>", "eval")


def run_source(source: str, namespace: dict):
    """Execute ``source`` like a notebook cell; return the value of its last expression (or None)."""
    body, last = compiled(source)
    exec(body, namespace)
    if last is not None:
        return eval(last, namespace)
    return None


@pytest.fixture(scope="module", autouse=True)
def figures_not_drawn():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plots, "_png", lambda fig: b"")
        yield


def snapshot(namespace: dict) -> dict:
    return {name: value.copy() if isinstance(value, pd.DataFrame | pd.Series) else value
            for name, value in namespace.items() if not name.startswith("__")}


def unchanged(before: dict, namespace: dict) -> list[str]:
    """The names of ``before`` that ``namespace`` rebinds or whose table it changes (empty when none)."""
    changed = []
    for name, value in before.items():
        now = namespace.get(name)
        if isinstance(value, pd.DataFrame | pd.Series):
            if not (isinstance(now, type(value)) and now.equals(value)):
                changed.append(name)
        elif now is not value:
            changed.append(name)
    return changed


@functools.cache
def longest_expression(tail: str) -> str | None:
    """The longest start of ``tail`` that parses as a Python expression (None when none does).

    Cached: the same hint is searched at every parameter value, in the lesson and in its check, and a
    hint's words are searched again at the end of the hints joined together."""
    for end in range(len(tail), 0, -1):
        piece = tail[:end]
        try:
            ast.parse(piece, mode="eval")
        except SyntaxError:
            continue
        return piece
    return None


def expressions_in(text: str, names) -> list[str]:
    """Every piece of ``text`` that starts with one of ``names`` and parses as a Python expression."""
    found = []
    for start in (m.start() for m in re.finditer(r"\b[A-Za-z_]\w*", text) if m.group() in names):
        piece = longest_expression(text[start:])
        if piece is not None:
            found.append(piece)
    return found


def check_hints(exercise, namespace: dict, where: str) -> None:
    """No hint, alone or run together with the others, is an expression that gives an accepted answer."""
    hints = key(exercise).hints
    names = {name for name in namespace if not name.startswith("_")}
    for text in [*hints, " ".join(hints)]:
        for piece in expressions_in(text, names):
            with contextlib.redirect_stdout(io.StringIO()):
                try:
                    value = eval(piece, dict(namespace))
                except Exception:
                    continue
            if isinstance(value, str) and isinstance(exercise, MultipleChoice):
                continue  # a quoted word is not a reading of the evidence
            assert exercise.check(value).correct is not True, \
                f"{where}: a hint of {exercise.id} is the whole answer: {piece}"


def check_solution(exercise, namespace: dict, where: str) -> None:
    code = key(exercise).code
    assert code.strip(), f"{where}: {exercise.id} has no worked code"
    trial = dict(namespace)
    before = snapshot(trial)
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            value = run_source(code, trial)
        except Exception as error:
            pytest.fail(f"{where}: the solution of {exercise.id} raises {type(error).__name__}: {error}\n{code}")
    changed = unchanged(before, trial)
    assert not changed, f"{where}: the solution of {exercise.id} overwrites {changed}\n{code}"
    if not isinstance(exercise, MultipleChoice):
        feedback = exercise.check(value)
        assert feedback.correct is True, f"{where}: the solution of {exercise.id} gives {value!r}: {feedback}\n{code}"


@pytest.mark.slow
@pytest.mark.parametrize("path, values", runs())
def test_every_solution_runs_where_it_is_shown(path: Path, values: dict):
    import matplotlib.pyplot as plt

    namespace: dict = {"__name__": "__main__"}
    solved = set()
    where = f"{path.relative_to(ROOT)} {values}"
    try:
        for index, (source, is_parameters) in enumerate(code_cells(path)):
            with contextlib.redirect_stdout(io.StringIO()):
                try:
                    run_source(source, namespace)
                except Exception as error:
                    pytest.fail(f"{where}: code cell {index} raises {type(error).__name__}: {error}")
            if is_parameters:
                namespace.update(values)
            for name in shown_questions(source):
                if name not in solved:
                    solved.add(name)
                    check_solution(namespace["q"][name], namespace, where)
                    check_hints(namespace["q"][name], namespace, where)
    finally:
        plt.close("all")
    bank = namespace.get("q")
    if bank is not None:
        asked = set(bank.summative) if "checks" in path.parts else set(bank) - set(bank.summative)
        assert asked <= solved, f"{where}: questions never shown: {sorted(asked - solved)}"
