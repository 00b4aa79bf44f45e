"""What every graded exercise shares: question, provenance, the never-raising check."""

from __future__ import annotations

import numbers
from abc import ABC, abstractmethod

import numpy as np

from .feedback import NOT_ANSWERED, Feedback

SETTINGS = {"show_solutions": False}


def configure(*, show_solutions: bool) -> None:
    """Set the instructor switch for the exercises displayed after this call."""
    if not isinstance(show_solutions, bool):
        raise TypeError(f"show_solutions must be True or False, not {show_solutions!r}")
    SETTINGS["show_solutions"] = show_solutions


def is_unanswered(answer: object) -> bool:
    """``...``, None and blank text mean the student has not answered yet."""
    return answer is None or answer is Ellipsis or (isinstance(answer, str) and not answer.strip())


def _seed_lines(lines) -> tuple[int, ...]:
    """Seed line numbers as plain ints (NumPy integers from a table are fine)."""
    given = tuple(lines)
    if not given or not all(isinstance(line, numbers.Integral) and not isinstance(line, bool | np.bool_)
                            and line > 0 for line in given):
        raise ValueError(f"lines must be positive seed line numbers, got {lines!r}")
    return tuple(int(line) for line in given)


class Exercise(ABC):
    """Base of the graded kinds: subclasses implement ``_check`` and ``describe``.

    ``kind`` names the exercise in its plain-text display; ``hint`` (optional)
    is added to every wrong-answer message.
    """

    kind = "exercise"

    def __init__(self, question: str, *, lines, explanation: str, solution: str | None, hint: str | None):
        if not isinstance(question, str) or not question.strip():
            raise ValueError("an exercise needs a question")
        self.question = question
        self.lines = _seed_lines(lines)
        self.explanation = explanation
        self.solution = explanation if solution is None else solution
        self.hint = hint

    def check(self, answer: object) -> Feedback:
        """Check ``answer``; never raises, whatever it is given."""
        try:
            if is_unanswered(answer):
                return Feedback(None, NOT_ANSWERED)
            return self._check(answer)
        except Exception as error:
            return self.wrong(
                f"this answer could not be checked ({type(error).__name__}); "
                "give it in the form the question asks for."
            )

    def right(self, note: str = "") -> Feedback:
        return Feedback(True, f"{note} {self.explanation}".strip(), self.lines)

    def wrong(self, message: str) -> Feedback:
        hint = f" Hint: {self.hint}" if self.hint else ""
        return Feedback(False, message + hint, self.lines)

    @abstractmethod
    def _check(self, answer: object) -> Feedback:
        """Check an answer that is not blank; may raise (``check`` turns that into feedback)."""

    @abstractmethod
    def describe(self) -> list[str]:
        """Plain-text lines shown under the question (choices, options, units)."""

    @abstractmethod
    def answer_text(self) -> str:
        """The expected answer as readable text, for the solution block."""

    def view(self):
        """A new widget view (question, input, Check button, feedback area)."""
        from .views import ExerciseView

        return ExerciseView(self)

    def _ipython_display_(self) -> None:
        from .views import display_exercise

        display_exercise(self)
