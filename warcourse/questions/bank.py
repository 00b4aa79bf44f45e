"""A lesson's questions by name, and the one pattern every bank module follows.

A bank module registers each question as a small function with its role::

    REGISTRY = Registry(lesson="air_campaigns", practice="air_practice",
                        parameters={"theater": campaigns.THEATERS})

    @REGISTRY.question("lesson")
    def between(t: Tables, theater: str) -> Numeric:
        ...                                      # build and return one exercise from t's fresh tables

    air_campaigns = REGISTRY.bank("lesson", "Lesson 03's questions and its summative check.")

Roles: ``lesson`` (asked in the lesson), ``summative`` (the lesson's summative
check; built with the lesson's bank), ``practice`` (the practice set). A
question function takes the tables first and, by name, any of the bank's
parameters it needs. Questions are registered in the order the notebook asks them.

``parameters`` declares, once, the lesson's parameters and their allowed values (the first is the
default): the bank function checks them, ``render`` validates ``-p`` against them, and the tests
run every question for every value. The practice bank takes none.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .. import data
from ..errors import CourseError, UsageError
from ..exercises import Exercise
from ..lesson_setup import require

ROLES = ("lesson", "summative", "practice")


def seed_lines(*rows) -> list[int]:
    """The distinct seed lines of some table rows: DataFrames, or Series that are single rows."""
    found = set()
    for part in rows:
        values = [part["line"]] if isinstance(part, pd.Series) and "line" in part.index else part["line"]
        found |= {int(line) for line in values}
    return sorted(found)


class Tables:
    """Fresh copies of the course's tables for one bank build: ``t.strike_counts`` loads on first use."""

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("_") or not callable(getattr(data, name, None)):
            raise AttributeError(name)
        frame = getattr(data, name)()
        setattr(self, name, frame)
        return frame


@dataclass(frozen=True)
class Entry:
    """One registered question: its name, role and the function that builds it."""

    name: str
    role: str
    build: Callable[..., Exercise]
    parameters: tuple[str, ...]


class Registry:
    """The questions of one bank module, each a small function registered with its role."""

    def __init__(self, *, lesson: str | None = None, practice: str | None = None,
                 parameters: dict[str, tuple] | None = None, rubric: tuple[str, ...] = ()):
        self.banks = {"lesson": lesson, "summative": lesson, "practice": practice}
        self.rubric = tuple(rubric)  # what the student's own writing should do, where the lesson asks for it
        self.parameters = {name: tuple(allowed) for name, allowed in (parameters or {}).items()}
        if any(not allowed for allowed in self.parameters.values()):
            raise ValueError("a declared parameter needs at least one allowed value")
        self.entries: list[Entry] = []

    def declared(self, which: str) -> dict[str, tuple]:
        """The parameters the ``lesson`` or ``practice`` bank takes, with their allowed values."""
        return dict(self.parameters) if which == "lesson" else {}

    def bank(self, which: str, doc: str) -> Callable[..., QuestionBank]:
        """The bank function a notebook calls (``questions.air_campaigns(theater)``), its parameters declared here."""
        declared = self.declared(which)

        def build_bank(*args, **kwargs) -> QuestionBank:
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError as error:
                raise UsageError(f"{self.banks[which]}(): {error}") from None
            bound.apply_defaults()
            for name, value in bound.arguments.items():
                require(name, value, declared[name])
            return self.build(which, **bound.arguments)

        signature = inspect.Signature([inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                                         default=allowed[0]) for name, allowed in declared.items()],
                                      return_annotation=QuestionBank)
        build_bank.__signature__ = signature
        build_bank.__name__ = build_bank.__qualname__ = self.banks[which]
        build_bank.__doc__ = doc
        build_bank.registry, build_bank.which, build_bank.declared = self, which, declared
        build_bank.entries = lambda: self.questions(which)  # its registered questions, without building any
        return build_bank

    def question(self, role: str) -> Callable[[Callable[..., Exercise]], Callable[..., Exercise]]:
        """Register the decorated function as the question of its name, asked in ``role``."""
        if role not in ROLES or self.banks[role] is None:
            raise ValueError(f"role must be one of {', '.join(r for r in ROLES if self.banks[r])}, not {role!r}")

        def register(build: Callable[..., Exercise]) -> Callable[..., Exercise]:
            name = build.__name__
            if any(entry.name == name and self.banks[entry.role] == self.banks[role] for entry in self.entries):
                raise ValueError(f"question {name!r} is registered twice in {self.banks[role]}")
            parameters = tuple(inspect.signature(build).parameters)[1:]
            declared = self.declared("practice" if role == "practice" else "lesson")
            unknown = [parameter for parameter in parameters if parameter not in declared]
            if unknown:
                takes = ", ".join(declared) or "no parameters"
                raise ValueError(f"question {name!r} ({role}) takes {', '.join(unknown)}, but {self.banks[role]} "
                                 f"takes {takes}: a question takes the tables and only its bank's parameters")
            self.entries.append(Entry(name, role, build, parameters))
            return build

        return register

    def questions(self, which: str) -> list[Entry]:
        """The registered questions of the ``lesson`` bank (lesson and summative) or the ``practice`` bank."""
        roles = ("lesson", "summative") if which == "lesson" else (which,)
        return [entry for entry in self.entries if entry.role in roles]

    def build(self, which: str, *, only: str | None = None, **parameters) -> QuestionBank:
        """The ``lesson`` or ``practice`` bank built now (``only``: with that one question, for tests)."""
        bank = QuestionBank(self.banks[which], **parameters)
        if which == "lesson":
            bank.rubric = self.rubric
        tables = Tables()
        for entry in self.questions(which):
            if only is None or entry.name == only:
                arguments = {name: parameters[name] for name in entry.parameters}
                try:
                    exercise = entry.build(tables, **arguments)
                except Exception as error:  # a maintainer's new value or fact the question cannot ask about
                    shown = ", ".join(f"{name}={value!r}" for name, value in arguments.items())
                    error.add_note(f"while building question {entry.name!r} of the bank {self.banks[which]!r}"
                                   + (f" for {shown}" if shown else "") + " (see CONTRIBUTING.md, "
                                   "'Add a parameter value', for what a value must give every question)")
                    raise
                bank.add(entry.name, exercise, summative=entry.role == "summative")
        return bank


class QuestionBank:
    """Named exercises of one notebook. ``q.name`` is the exercise; listing shows names and questions only."""

    def __init__(self, bank: str, **parameters):
        self.bank = bank
        self.parameters = parameters
        self._questions: dict[str, Exercise] = {}
        self.summative: list[str] = []  # names of the questions kept for the summative check
        self.rubric: tuple[str, ...] = ()  # what good writing of the student's own does, where a lesson asks for it

    def add(self, name: str, exercise: Exercise, *, summative: bool = False) -> Exercise:
        """Register ``exercise`` as ``name`` (part of the lesson, or of its summative check)."""
        if not name.isidentifier() or name.startswith("_") or hasattr(type(self), name) or name in vars(self):
            raise ValueError(f"{name!r} cannot name a question")
        if name in self._questions:
            raise ValueError(f"question {name!r} is defined twice in {self.bank}")
        if not isinstance(exercise, Exercise):
            raise TypeError(f"{name}: a question must be a warcourse.exercises.Exercise")
        exercise.id, exercise.name = f"{self.bank}.{name}", name
        self._questions[name] = exercise
        if summative:
            self.summative.append(name)
        return exercise

    def __getattr__(self, name: str) -> Exercise:
        questions = self.__dict__.get("_questions", {})
        if name in questions:
            return questions[name]
        raise AttributeError(name)

    def __getitem__(self, name: str) -> Exercise:
        if name not in self._questions:
            raise CourseError(f"{self.bank} has no question {name!r}; its questions are {', '.join(self)}")
        return self._questions[name]

    def __iter__(self):
        return iter(self._questions)

    def __len__(self) -> int:
        return len(self._questions)

    def __dir__(self):
        return [*super().__dir__(), *self._questions]

    def lesson(self) -> list[str]:
        """The names of the questions asked in the lesson itself (not in its summative check)."""
        return [name for name in self._questions if name not in self.summative]

    def __repr__(self) -> str:
        settings = ", ".join(f"{key}={value!r}" for key, value in self.parameters.items())
        lines = [f"Questions of {self.bank}({settings}):"]
        lines += [f"  q.{name}: {exercise.question}" for name, exercise in self._questions.items()]
        return "\n".join(lines)
