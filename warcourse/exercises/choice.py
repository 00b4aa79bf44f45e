"""Multiple choice with an explanation for every wrong option."""

from __future__ import annotations

from collections.abc import Mapping

from .base import Exercise
from .feedback import Feedback, shown
from .matching import as_text, lookup, normalise


class MultipleChoice(Exercise):
    """Pick one of ``choices`` (a dict: choice -> why that choice is wrong).

    Answers match a choice exactly or ignoring case and spacing.
    """

    kind = "multiple choice"

    def __init__(self, question: str, *, choices: Mapping, answer, lines, explanation: str,
                 solution: str | None = None, hint: str | None = None):
        super().__init__(question, lines=lines, explanation=explanation, solution=solution, hint=hint)
        if not isinstance(choices, Mapping) or len(choices) < 2:
            raise ValueError("choices must be a dict of at least two choices")
        self.choices = dict(choices)
        self._keys = {normalise(as_text(choice)): choice for choice in self.choices}
        if len(self._keys) != len(self.choices):
            raise ValueError("two choices differ only in case or spacing")
        if answer not in self.choices:
            raise ValueError(f"the answer {answer!r} is not one of the choices")
        self.answer = answer

    def find(self, answer: object):
        """The choice ``answer`` stands for, or None."""
        return lookup(answer, self.choices, self._keys)

    def _check(self, answer: object) -> Feedback:
        choice = self.find(answer)
        if choice is None:
            options = ", ".join(as_text(choice) for choice in self.choices)
            return self.wrong(f"{shown(answer)} is not one of the choices ({options}).")
        if choice == self.answer:
            return self.right()
        why = self.choices[choice]
        return self.wrong(f"you chose {shown(choice)}. {why}".strip())

    def describe(self) -> list[str]:
        return ["Choices:"] + [f"  ( ) {as_text(choice)}" for choice in self.choices]

    def answer_text(self) -> str:
        return as_text(self.answer)
