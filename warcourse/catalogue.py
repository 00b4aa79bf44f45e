"""The course's notebooks: which lessons and exercise sets exist, their titles, parameters and question bank.

A lesson is ``notebooks/NN_topic.ipynb``; an exercise set is a solution notebook
``exercises/solutions/NN_topic.ipynb`` and its student copy ``exercises/NN_topic.ipynb``.
A title is the text of the first markdown heading.

Parameters are read with papermill's own inspection of the cell tagged
``parameters``. A parameter the notebook passes to its question bank takes the
values the bank declares, once, in its ``Registry(parameters=...)``; the comment
on its line shows them to the reader (``tests/test_lessons.py`` keeps the two
equal). Any other parameter declares its allowed values in that comment, read
with ``ast.literal_eval`` as a tuple::

    show_solutions = False  # allowed: True, False
    theater = "all"  # allowed: "all", "Iraq", "Syria", "Libya", "Afghanistan"

A parameter without either takes any value of its default's type.
Values given on the command line are text and are converted with the type of
the default: ``True``/``False`` (or ``true``/``false``) for a bool, an int, a
float, text for a str (other defaults are read with ``ast.literal_eval``).

A notebook builds its questions in one line, ``q = questions.<bank>(<parameters>)``;
``bank_calls`` finds that line in any notebook's code (the summative checks, the grader and the
bank tests all read it from here).

``resolve`` validates every ``-p NAME VALUE`` against every chosen notebook
before anything runs. A name that some chosen notebooks do not have applies to
those that have it; it is an error only when no chosen notebook has it.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import CourseError, UsageError
from .notebooks import read
from .paths import ROOT, shown

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_ALLOWED = re.compile(r"allowed:\s*(.*)$")
_TRUE, _FALSE = ("True", "true"), ("False", "false")
_BANK_CALL = re.compile(r"^[ \t]*(\w+)\s*=\s*questions\.(\w+)\(([^)]*)\)", re.MULTILINE)


@dataclass(frozen=True)
class BankCall:
    """The line that builds a notebook's questions: ``variable = questions.bank(args)``."""

    variable: str
    bank: str
    args: tuple[str, ...]  # as written: parameter names, literals or name=value


def bank_calls(sources: Iterable[str]) -> list[BankCall]:
    """Every distinct ``variable = questions.bank(args)`` in ``sources`` (code), in order of appearance."""
    found = (BankCall(variable, bank, tuple(arg.strip() for arg in args.split(",") if arg.strip()))
             for source in sources for variable, bank, args in _BANK_CALL.findall(source))
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Parameter:
    """One variable of a notebook's ``parameters`` cell."""

    name: str
    default: object
    allowed: tuple | None  # None: any value of the default's type

    def describe(self) -> str:
        """``name (v1, v2)`` with the allowed values, or ``name (any int)``."""
        values = (", ".join(literal(v) for v in self.allowed) if self.allowed is not None
                  else f"any {type(self.default).__name__}")
        return f"{self.name} ({values})"

    def convert(self, text: str, where: str) -> object:
        """The command-line ``text`` as a value of this parameter; UsageError when not allowed."""
        kind = type(self.default)
        try:
            if kind is bool:
                if text not in _TRUE + _FALSE:
                    raise ValueError
                value = text in _TRUE
            elif kind in (int, float, str):
                value = kind(text)
            else:
                value = _parsed(text)
        except ValueError:
            raise UsageError(f"bad value {text!r} for {self.name} in {where}; "
                             f"allowed: {self.describe()}") from None
        if self.allowed is not None and not any(_same(value, a) for a in self.allowed):
            raise UsageError(f"bad value {text!r} for {self.name} in {where}; "
                             f"allowed: {self.describe()}")
        return value


@dataclass(frozen=True)
class Lesson:
    """A lesson or exercise notebook; ``kind`` is ``lesson``, ``exercises``, ``solutions`` or ``checks``."""

    path: Path
    kind: str = "lesson"

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def number(self) -> str:
        return self.name.split("_", 1)[0]

    @property
    def slug(self) -> str:
        """Where its rendered files go, relative to the output folder, without suffix."""
        folder = {"lesson": "", "exercises": "exercises/", "solutions": "exercises/solutions/",
                  "checks": "exercises/checks/"}[self.kind]
        return folder + self.name

    def title(self) -> str:
        """The first markdown heading, or the file name when there is none."""
        for cell in read(self.path).cells:
            if cell.cell_type == "markdown":
                for line in cell.source.splitlines():
                    match = _HEADING.match(line)
                    if match:
                        return match.group(1)
        return self.name

    def parameters(self) -> dict[str, Parameter]:
        """The notebook's parameters, by name, as papermill infers them."""
        import papermill

        try:
            inferred = papermill.inspect_notebook(str(self.path))
        except (OSError, ValueError) as exc:
            raise CourseError(f"{shown(self.path)}: papermill cannot read its parameters ({exc})") from None
        found = {}
        for name, info in inferred.items():
            where = f"{shown(self.path)}: parameter {name}"
            default = _parsed(info["default"], where)
            match = _ALLOWED.search(info["help"] or "")
            allowed = None
            if match:
                values = _parsed(match.group(1), where)
                allowed = values if isinstance(values, tuple) else (values,)
                if not any(_same(default, a) for a in allowed):
                    raise CourseError(f"{where}: the default {literal(default)} is not among "
                                      f"its allowed values {match.group(1)}")
            found[name] = Parameter(name, default, allowed)
        for name, allowed in self.declared().items():
            if name in found:
                if not any(_same(found[name].default, a) for a in allowed):
                    raise CourseError(f"{shown(self.path)}: parameter {name}: the default "
                                      f"{literal(found[name].default)} is not a value its question bank declares")
                found[name] = Parameter(name, found[name].default, allowed)
        return found

    def declared(self) -> dict[str, tuple]:
        """The allowed values the notebook's question bank declares for the parameters passed to it ({} without one)."""
        calls = bank_calls(cell.source for cell in read(self.path).cells if cell.cell_type == "code")
        if len(calls) != 1:
            return {}
        from . import questions

        declared = getattr(getattr(questions, calls[0].bank, None), "declared", {})
        return {name: declared[name] for name in calls[0].args if name in declared}

    def bank_call(self) -> BankCall:
        """The one line that builds the notebook's questions; CourseError when there is none or several."""
        calls = bank_calls(cell.source for cell in read(self.path).cells if cell.cell_type == "code")
        if len(calls) != 1:
            raise CourseError(f"{shown(self.path)}: a notebook builds its questions once, with "
                              f"q = questions.<bank>(...); found {len(calls)}")
        return calls[0]

    def bank_parameters(self) -> list[dict[str, object]]:
        """What its bank is built with, by parameter name: one dict per combination of allowed values (a
        parameter the notebook does not offer, as in a summative check, keeps the bank's default)."""
        from . import questions

        call, offered = self.bank_call(), self.parameters()
        declared = getattr(questions, call.bank).declared
        choices = [offered[n].allowed if n in offered else declared[n][:1] for n in call.args]
        return [dict(zip(call.args, values)) for values in itertools.product(*choices)]


def _parsed(text: str, where: str | None = None):
    """A Python literal; text stays text when it is no literal and no ``where`` is given."""
    try:
        return ast.literal_eval(text.strip())
    except (ValueError, SyntaxError):
        if where is None:
            return text
        raise CourseError(f"{where}: {text.strip()!r} is not a Python literal") from None


def _same(value, allowed) -> bool:
    """Equal and of the same type, so that 1 does not pass for True."""
    return type(value) is type(allowed) and value == allowed


def literal(value) -> str:
    """A parameter value as it is written in a parameters cell."""
    return f'"{value}"' if isinstance(value, str) else repr(value)


def _numbered(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def discover(root: Path = ROOT, *, exercises: bool = True) -> list[Lesson]:
    """The lessons in ``notebooks/``; with ``exercises``, also the student copies, solutions and summative checks."""
    found = [Lesson(p, "lesson") for p in _numbered(root / "notebooks")]
    if exercises:
        found += [Lesson(p, "exercises") for p in _numbered(root / "exercises")]
        found += [Lesson(p, "solutions") for p in _numbered(root / "exercises" / "solutions")]
        found += [Lesson(p, "checks") for p in _numbered(root / "exercises" / "checks")]
    return found


def from_path(path: Path, root: Path = ROOT) -> Lesson:
    """The notebook at ``path``; its kind follows from the folder it is in."""
    path = path.resolve()
    if path.suffix != ".ipynb" or not path.is_file():
        raise UsageError(f"no notebook at {path}")
    kinds = {root / "exercises": "exercises", root / "exercises" / "solutions": "solutions",
             root / "exercises" / "checks": "checks"}
    return Lesson(path, kinds.get(path.parent, "lesson"))


def select(names: list[str], root: Path = ROOT, *, exercises: bool = False) -> list[Lesson]:
    """The notebooks named by ``names`` ("03", "3", "03_air_campaigns", a path); all when empty.

    A number or name matches the lessons and, with ``exercises``, the student copies and
    summative checks that carry it, never the worked solutions: a render folder is for
    students, and a solutions page is rendered only when its path is named. A one-digit
    number means the same as with a leading zero.
    """
    known = [lesson for lesson in discover(root, exercises=exercises) if lesson.kind != "solutions"]
    if not names:
        return known
    chosen: list[Lesson] = []
    for name in names:
        if name.endswith(".ipynb") or "/" in name:
            matches = [from_path(Path(name), root)]
        else:
            number = name.zfill(2) if name.isdigit() else name
            matches = [lesson for lesson in known if number in (lesson.number, lesson.name)]
        if not matches:
            listed = ", ".join(dict.fromkeys(lesson.name for lesson in known)) or "none"
            raise UsageError(f"no lesson {name!r}; known: {listed}")
        chosen += [lesson for lesson in matches if lesson not in chosen]
    slugs = [lesson.slug for lesson in chosen]
    twice = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if twice:
        raise UsageError(f"two chosen notebooks would be written as {twice[0]}; render them separately")
    return chosen


def catalogue(root: Path = ROOT) -> str:
    """One line per lesson and exercise set: its name, title, and parameters with allowed values."""
    lines = []
    for lesson in discover(root):
        if lesson.kind == "solutions":
            continue
        params = ", ".join(p.describe() for p in lesson.parameters().values()) or "no parameters"
        lines.append(f"  {lesson.slug}  {lesson.title()}\n      {params}")
    return "\n".join(lines)


def resolve(lessons: list[Lesson], given: list[tuple[str, str]]) -> dict[Lesson, dict[str, object]]:
    """The typed parameters each lesson runs with; UsageError for any unknown name or bad value."""
    names = [name for name, _ in given]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise UsageError(f"parameter {repeated[0]!r} is given more than once")
    declared = {lesson: lesson.parameters() for lesson in lessons}
    for name, _ in given:
        if not any(name in params for params in declared.values()):
            where = lessons[0].slug if len(lessons) == 1 else f"any of the {len(lessons)} chosen lessons"
            offered = sorted({p.describe() for params in declared.values() for p in params.values()})
            raise UsageError(f"unknown parameter {name!r} for {where}; allowed: "
                             + (", ".join(offered) or "none (the notebook takes no parameters)"))
    return {lesson: {name: declared[lesson][name].convert(text, lesson.slug)
                     for name, text in given if name in declared[lesson]}
            for lesson in lessons}
