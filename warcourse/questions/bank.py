"""A lesson's questions by name: what ``questions.<lesson>(...)`` returns."""

from __future__ import annotations

import pandas as pd

from ..errors import CourseError
from ..exercises import Exercise


def seed_lines(*rows) -> list[int]:
    """The distinct seed lines of some table rows: DataFrames, or Series that are single rows."""
    found = set()
    for part in rows:
        values = [part["line"]] if isinstance(part, pd.Series) and "line" in part.index else part["line"]
        found |= {int(line) for line in values}
    return sorted(found)


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
        if not name.isidentifier() or name.startswith("_") or hasattr(type(self), name):
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
