"""What a handed-in file is: a readable notebook, which course notebook, with which parameters.

Decided from the file's cells alone, never by running it: the bank it builds
(``q = questions.<bank>(...)``, the same line repeated is fine), the values its parameters cell sets
(papermill's injected cell wins), and the course notebook whose questions it asks most. The
questions of that course notebook are the ones the file is graded on, so a deleted question still
gets its row.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..catalogue import BankCall, bank_calls
from ..errors import CourseError
from ..notebooks import parse
from ..notebooks import read as read_file
from ..paths import EXERCISES, NOTEBOOKS, ROOT


class NotGradable(Exception):
    """A file that cannot be graded: ``status`` is damaged or foreign, ``reason`` says why."""

    def __init__(self, status: str, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


@dataclass
class Handin:
    """A handed-in notebook, identified."""

    nb: object
    bank: str
    args: list
    parameters: dict
    course: str  # the course notebook, e.g. exercises/03_air_campaigns
    expected: list[str]  # the question names of that course notebook, in its order
    asked: list[str] = field(default_factory=list)  # the question names the file asks


def read(text: str):
    """The notebook in ``text``; NotGradable('damaged') when it is not one."""
    try:
        return parse(text)
    except CourseError as exc:
        raise NotGradable("damaged", str(exc)) from None


def code(nb) -> list[str]:
    return [cell.source for cell in nb.cells if cell.cell_type == "code"]


def parameters(nb) -> dict:
    """The values the notebook's parameters cell(s) set (papermill's injected cell wins)."""
    values = {}
    for tag in ("parameters", "injected-parameters"):
        for cell in nb.cells:
            if cell.cell_type != "code" or tag not in cell.metadata.get("tags", []):
                continue
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                raise NotGradable("damaged", "its parameters cell is not valid Python") from None
            for node in tree.body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    try:
                        values[node.targets[0].id] = ast.literal_eval(node.value)
                    except ValueError:
                        name = node.targets[0].id
                        raise NotGradable("damaged", f"its parameter {name} is not a plain value") from None
    return values


def asked(sources: list[str], variable: str) -> list[str]:
    """The names ``variable.NAME`` used in ``sources``, in order of first use."""
    pattern = re.compile(rf"\b{re.escape(variable)}\.(\w+)")
    return list(dict.fromkeys(name for source in sources for name in pattern.findall(source)))


def bank_call(sources: list[str]) -> BankCall:
    """The one ``variable = questions.bank(args)`` of a notebook (repeated is fine); NotGradable otherwise."""
    calls = bank_calls(sources)
    if not calls:
        raise NotGradable("foreign", "not one of the course's notebooks (no `q = questions.<bank>(...)`)")
    if len(calls) > 1:
        shown = "; ".join(f"{c.variable} = questions.{c.bank}({', '.join(c.args)})" for c in calls)
        raise NotGradable("foreign", f"builds more than one question bank ({shown})")
    return calls[0]


def arguments(call: BankCall, values: dict) -> list:
    """The bank call's arguments: parameter names become their values, literals stay literals."""
    args = []
    for part in call.args:
        if re.match(r"^\w+\s*=", part):
            raise NotGradable("damaged", f"questions.{call.bank}({part}): the course's notebooks pass "
                                         "parameters by position")
        if part in values:
            args.append(values[part])
            continue
        try:
            args.append(ast.literal_eval(part))
        except (ValueError, SyntaxError):
            raise NotGradable("damaged",
                              f"questions.{call.bank}(...): {part} is neither a parameter nor a value") from None
    return args


@cache
def course_notebooks(bank: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(course notebook, the question names it asks) for every course notebook that builds ``bank``."""
    found = []
    for folder in (NOTEBOOKS, EXERCISES, EXERCISES / "checks"):
        for path in sorted(folder.glob("*.ipynb")):
            sources = code(read_file(path))
            try:
                call = bank_call(sources)
            except NotGradable:
                continue
            if call.bank == bank:
                course = Path(path).relative_to(ROOT).with_suffix("").as_posix()
                found.append((course, tuple(asked(sources, call.variable))))
    return tuple(found)


def identify(nb, banks: tuple[str, ...]) -> Handin:
    """Which course notebook ``nb`` is, with which parameters; NotGradable when it is none of them."""
    sources = code(nb)
    call = bank_call(sources)
    variable, bank = call.variable, call.bank
    if bank not in banks:
        raise NotGradable("foreign", f"questions.{bank} is not one of the course's question banks")
    values = parameters(nb)
    args = arguments(call, values)
    names = asked(sources, variable)
    candidates = course_notebooks(bank)
    if not candidates:
        return Handin(nb, bank, args, values, bank, names, names)
    course, expected = max(candidates, key=lambda c: len(set(c[1]) & set(names)))
    return Handin(nb, bank, args, values, course, list(expected), names)
