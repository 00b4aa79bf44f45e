"""What every graded exercise shares: question, provenance, the never-raising check, hints, solution."""

from __future__ import annotations

import numbers
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from . import record
from .feedback import NOT_ANSWERED, Feedback, Note, cite
from .matching import normalise
from .sources import where

SETTINGS = {"show_solutions": False}
TRIES_BEFORE_SOLUTION = 2


def configure(*, show_solutions: bool) -> None:
    """Set the instructor switch: show every exercise's solution under its question."""
    if not isinstance(show_solutions, bool):
        raise TypeError(f"show_solutions must be True or False, not {show_solutions!r}")
    SETTINGS["show_solutions"] = show_solutions


def is_unanswered(answer: object) -> bool:
    """``...``, None and blank text mean the student has not answered yet (an empty result is an answer)."""
    if answer is None or answer is Ellipsis:
        return True
    return isinstance(answer, str) and not answer.strip()


def _seed_lines(lines) -> tuple[int, ...]:
    """Seed line numbers as plain ints (NumPy integers from a table are fine)."""
    given = tuple(lines)
    if not given or not all(isinstance(line, numbers.Integral) and not isinstance(line, bool | np.bool_)
                            and line > 0 for line in given):
        raise ValueError(f"lines must be positive seed line numbers, got {lines!r}")
    return tuple(sorted({int(line) for line in given}))


@dataclass(frozen=True)
class Key:
    """An exercise's answer key, for instructors, tests and ``grade`` (``warcourse.questions.key``).

    ``answer`` is the expected answer as the bank gave it, ``text`` the same as
    readable text, ``hints`` every hint in order, ``mistakes`` the known wrong
    answers with what each means (``(value, message)`` pairs; empty where a kind
    has none), ``lines`` the seed lines of the evidence, ``matching`` how items
    are matched where a kind matches items (``normalise``, ``pairs``, ``labels``, ``aliases``; ``ordered`` for tables).
    """

    answer: object
    text: str
    explanation: str
    code: str
    hints: tuple[str, ...]
    lines: tuple[int, ...]
    mistakes: tuple = ()
    matching: dict = field(default_factory=dict)


def key(exercise: Exercise) -> Key:
    """The answer key of ``exercise``; nothing a student needs, so not on the exercise's own surface."""
    if not isinstance(exercise, Exercise):
        raise TypeError(f"key() takes a course exercise, not {type(exercise).__name__}")
    return Key(answer=exercise._answer, text=exercise._answer_text(), explanation=exercise._explanation,
               code=exercise._code, hints=exercise._hints, lines=exercise._lines,
               mistakes=tuple(exercise._key_mistakes()), matching=exercise._matching())


class Exercise(ABC):
    """Base of the graded kinds: subclasses implement ``_check``, ``describe`` and ``_answer_text``.

    ``explanation`` is shown with a right answer and in the solution; ``hints``
    go from the idea to the method to the columns and condition (``hint()``
    gives the next one); ``code`` is the worked pandas answer that
    ``solution()`` shows; ``where`` names what to reread after a wrong answer
    (default: the article's sections of ``lines``); ``advice`` is a sentence that
    replaces the generic advice after a diagnosis ("check your filter"). A question bank gives each
    exercise its ``id`` ("air_campaigns.between") and ``name`` ("between").
    The answer key stays private: ``key(exercise)`` reads it.
    """

    kind = "exercise"
    displayer: Callable[[Exercise], None] | None = None  # set by warcourse.exercises (the widget view)
    SURFACE = ("check", "hint", "solution", "unlocked", "question", "tries", "kind", "describe")

    def __init__(self, question: str, *, lines, explanation: str, hints: Sequence[str] = (), code: str = "",
                 where: str = "", advice: str = ""):
        if not isinstance(question, str) or not question.strip():
            raise ValueError("an exercise needs a question")
        if not isinstance(explanation, str) or not explanation.strip():
            raise ValueError("an exercise needs an explanation for its right answer")
        if isinstance(hints, str):
            raise ValueError("hints is a list of texts, from general to specific")
        self.question = question
        self._lines = _seed_lines(lines)
        self._explanation = explanation
        self._hints = tuple(hints)
        self._code = code
        self._where = where
        self._advice = advice
        self.id = self.name = None
        self.tries = 0
        self._solved = False
        self._hints_given = 0

    def __dir__(self):
        return list(self.SURFACE)

    # --- checking --------------------------------------------------------------------------------

    def check(self, answer: object, via: str = "code") -> Feedback:
        """Check ``answer``; never raises, whatever it is given. ``via`` is "code" or "widget"."""
        try:
            if is_unanswered(answer):
                feedback = Feedback(None, NOT_ANSWERED.get(via, NOT_ANSWERED["code"]) + (
                    " If your code gave None, look for a step that returns nothing: a method called with "
                    "inplace=True, or a function without return." if answer is None and via == "code" else ""))
            else:
                feedback = self._check(answer)
        except Exception as error:
            feedback = self.wrong(f"this answer could not be checked ({type(error).__name__}). {self._form()}")
        if feedback.correct is not None:
            self.tries += 1
            self._solved = self._solved or feedback.correct
        record.note(self.id or self.question, feedback.correct, answer, via)
        return feedback

    def right(self, note: str = "") -> Feedback:
        return Feedback(True, f"{note} {self._explanation}".strip(), self._lines)

    def wrong(self, message: str) -> Feedback:
        """A wrong answer: what is off, and where to reread (never the exact lines of the answer)."""
        return Feedback(False, message, where=self._pointer())

    @staticmethod
    def unclear(message: str) -> Feedback:
        """An answer that can be read two ways: not graded, the student is asked to say which."""
        return Feedback(None, message)

    def _advised(self, diagnosis: str, generic: str) -> str:
        """A diagnosis with the bank's own advice, or else with the generic advice that fits it."""
        return f"{diagnosis}. {self._advice}" if self._advice else f"{diagnosis}: {generic}"

    def _pointer(self) -> str:
        pointer = self._where or where(self._lines)
        said = normalise(pointer)
        words = [normalise(text) for text in self._answer_words()]
        named = any(text and re.search(rf"(?<!\w){re.escape(text)}(?!\w)", said) for text in words)
        if named or self._singles_out(said):
            return "the passages and the table the question names"
        return pointer

    def _singles_out(self, pointer: str) -> bool:
        """Whether the (normalised) pointer names something that tells the answer from the wrong ones."""
        return False

    def _answer_words(self) -> list[str]:
        """Texts of the answer that a pointer to reread must not show."""
        return []

    def _form(self) -> str:
        """What form of answer this kind expects, as a sentence."""
        return self.describe()[0]

    def _key_mistakes(self) -> list:
        return []

    def _matching(self) -> dict:
        return {}

    @abstractmethod
    def _check(self, answer: object) -> Feedback:
        """Check an answer that is not blank; may raise (``check`` turns that into feedback)."""

    @abstractmethod
    def describe(self) -> list[str]:
        """Plain-text lines shown under the question (choices, options, units)."""

    @abstractmethod
    def _answer_text(self) -> str:
        """The expected answer as readable text, for the solution block."""

    # --- help ------------------------------------------------------------------------------------

    def hint(self) -> Note:
        """The next hint: each call is more specific than the last."""
        if not self._hints:
            return Note("Hint", f"reread the question, then {self._pointer()}.")
        step = min(self._hints_given, len(self._hints) - 1)
        self._hints_given = step + 1
        last = " (That was the last hint.)" if step == len(self._hints) - 1 else ""
        return Note(f"Hint {step + 1} of {len(self._hints)}", self._hints[step] + last)

    def solution_allowed(self) -> bool:
        return SETTINGS["show_solutions"] or self.tries >= TRIES_BEFORE_SOLUTION

    def unlocked(self) -> bool:
        """Whether a lesson may now show what discusses this question's answer: once it is answered right
        or tried twice, or with solutions shown. Until then, says so and returns False.

        A lesson cell that would give the answer away runs behind it: ``if q.months.unlocked(): ...``.
        """
        if self._solved or self.solution_allowed():
            return True
        name = f"q.{self.name}" if self.name else "the question above"
        print(f"Locked until you answer {name} (right, or twice): then run this cell again. "
              "It discusses the answer.")
        return False

    def solution(self) -> Note:
        """The worked answer, once solutions are switched on or after two tries; otherwise says why not."""
        if not self.solution_allowed():
            done = ("you have not answered yet" if not self.tries else
                    "you have answered once" if self.tries == 1 else f"you have answered {self.tries} times")
            return Note("Solution", f"not yet. Answer at least {TRIES_BEFORE_SOLUTION} times first ({done}); "
                                    "meanwhile, ask for a hint.")
        return Note("Solution", self._worked())

    def _worked(self) -> str:
        """The solution text: the answer, why, the pandas code and the source lines."""
        answer = self._answer_text()
        parts = [f"Answer:\n{answer}" if "\n" in answer else f"Answer: {answer}"]
        if self._explanation not in answer:
            parts.append(self._explanation)
        if self._code:
            parts.append("Code:\n" + self._code.strip())
        parts.append(f"Source: {cite(self._lines)}.")
        return "\n".join(parts)

    # --- display ---------------------------------------------------------------------------------

    def _ipython_display_(self) -> None:
        if Exercise.displayer is None:
            raise RuntimeError("import warcourse.exercises to display exercises")
        Exercise.displayer(self)
