"""Multiple choice: every option explained, shown in a fixed shuffled order."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from .base import Exercise
from .feedback import Feedback, shown
from .matching import as_text, lookup, normalise


class MultipleChoice(Exercise):
    """Pick one of ``choices`` (a dict: choice -> why it is right or wrong; every one explained).

    The choices are shown in an order shuffled by a hash of the question and
    the choice, so it is the same on every run and the right one is not always
    first. Answers match a choice exactly, ignoring case and spacing, or by its
    letter ("b") in the shown order.
    """

    kind = "multiple choice"

    def __init__(self, question: str, *, choices: Mapping, answer, lines, hints=(), code: str = ""):
        if not isinstance(choices, Mapping) or len(choices) < 2:
            raise ValueError("choices must be a dict of at least two choices")
        if answer not in choices:
            raise ValueError(f"the answer {answer!r} is not one of the choices")
        unexplained = [choice for choice, why in choices.items() if not str(why).strip()]
        if unexplained:
            raise ValueError(f"every choice needs its explanation; missing for {unexplained[0]!r}")
        super().__init__(question, lines=lines, explanation=choices[answer], hints=hints, code=code)
        self.choices = dict(choices)
        self._keys = {normalise(as_text(choice)): choice for choice in self.choices}
        if len(self._keys) != len(self.choices):
            raise ValueError("two choices differ only in case or spacing")
        self.answer = answer
        self.order = sorted(self.choices, key=self._digest)
        self._letters = {chr(ord("a") + index): choice for index, choice in enumerate(self.order)}

    def _digest(self, choice) -> str:
        return hashlib.sha256(f"{self.question}\n{as_text(choice)}".encode()).hexdigest()

    def find(self, answer: object):
        """The choice ``answer`` stands for (the choice itself, its text or its letter), or None."""
        found = lookup(answer, self.choices, self._keys)
        if found is None and isinstance(answer, str):
            found = self._letters.get(answer.strip().lower().rstrip(")"))
        return found

    def _check(self, answer: object) -> Feedback:
        choice = self.find(answer)
        if choice is None:
            letters = ", ".join(self._letters)
            return self.wrong(f"{shown(answer)} is not one of the choices; give a choice's text or its "
                              f"letter ({letters}).")
        if choice == self.answer:
            return self.right()
        return self.wrong(f"you chose “{as_text(choice)}”. {self.choices[choice]}")

    def describe(self) -> list[str]:
        return ["Choices:"] + [f"  {letter}) {as_text(choice)}" for letter, choice in self._letters.items()]

    def answer_text(self) -> str:
        letter = next(letter for letter, choice in self._letters.items() if choice == self.answer)
        return f"{letter}) {as_text(self.answer)} — {self.explanation}"
