"""Multiple choice: every option explained, shown in a fixed shuffled order."""

from __future__ import annotations

import hashlib
import numbers
import re
from collections.abc import Mapping

from .base import Exercise
from .feedback import Feedback, shown, type_name
from .matching import Labels, as_text, normalise, variants

LETTER = re.compile(r"(?:(?:option|choice|answer)\s+)?[(\"']?(?P<letter>[a-z])[)\"'.]*")  # "b", "(b)", "option b"


class MultipleChoice(Exercise):
    """Pick one of ``choices`` (a dict: choice -> why it is right or wrong; every one explained).

    The choices are shown in an order shuffled by a hash of the question and
    the choice, so it is the same on every run and the right one is not always
    first. An answer is a choice, its text (case, punctuation, quotes, a
    leading article and a final full stop ignored), its short form before ":" ("sorties" for
    "sorties: flights by one aircraft each") or its letter ("b", "(b)", "option b");
    ``aliases`` maps a choice to other texts that stand for it.
    """

    kind = "multiple choice"

    def __init__(self, question: str, *, choices: Mapping, answer, lines, hints=(), code: str = "",
                 aliases: Mapping | None = None, where: str = ""):
        if not isinstance(choices, Mapping) or len(choices) < 2:
            raise ValueError("choices must be a dict of at least two choices")
        if answer not in choices:
            raise ValueError(f"the answer {answer!r} is not one of the choices")
        unexplained = [choice for choice, why in choices.items() if not str(why).strip()]
        if unexplained:
            raise ValueError(f"every choice needs its explanation; missing for {unexplained[0]!r}")
        super().__init__(question, lines=lines, explanation=choices[answer], hints=hints, code=code, where=where)
        self._choices = dict(choices)
        self._answer = answer
        self._aliases = dict(aliases or {})
        self._labels = Labels({choice: as_text(choice) for choice in self._choices}, aliases=self._aliases)
        self.order = sorted(self._choices, key=self._digest)
        self._letters = {chr(ord("a") + index): choice for index, choice in enumerate(self.order)}

    def _digest(self, choice) -> str:
        return hashlib.sha256(f"{self.question}\n{as_text(choice)}".encode()).hexdigest()

    def _find(self, answer: object):
        """The choice ``answer`` stands for (the choice itself, its text, a short form or its letter), or None."""
        found = self._labels.find(answer, self._choices)
        letter = isinstance(answer, str) and LETTER.fullmatch(answer.strip().lower())
        if found is None and letter:
            found = self._letters.get(letter["letter"])
        return found

    def _check(self, answer: object) -> Feedback:
        choice = self._find(answer)
        if choice is None and self._labels.ambiguous(answer):
            return self.unclear(f"{shown(answer)} begins more than one choice. Give the whole text of the one you "
                                f"mean, or its letter ({', '.join(self._letters)}).")
        if choice is None and not isinstance(answer, str | numbers.Number):
            return self.wrong(f"expected one choice, got {type_name(answer)}. Read your answer off what your code "
                              f"shows, then give the choice's text or its letter ({', '.join(self._letters)}).")
        if choice is None:
            return self.wrong(f"{shown(answer)} is not one of the choices. {self._form()}")
        if choice == self._answer:
            return self.right()
        return self.wrong(f"you chose “{as_text(choice)}”. {self._choices[choice]}")

    def _form(self) -> str:
        return f"Give a choice's text, or its letter ({', '.join(self._letters)})."

    def describe(self) -> list[str]:
        return ["Choices:"] + [f"  {letter}) {as_text(choice)}" for letter, choice in self._letters.items()]

    def _answer_words(self) -> list[str]:
        return variants(as_text(self._answer))

    def _singles_out(self, pointer: str) -> bool:
        """A word of the pointer (a section title: "Iraq › Dutch airstrikes") found in the right choice and in no
        other would pick it out."""
        def words(text: str) -> set[str]:
            return {word for word in re.findall(r"\w{4,}", normalise(text))}

        others = set().union(*(words(as_text(choice)) for choice in self._choices if choice != self._answer))
        return bool(words(pointer) & (words(as_text(self._answer)) - others))

    def _answer_text(self) -> str:
        letter = next(letter for letter, choice in self._letters.items() if choice == self._answer)
        return f"{letter}) {as_text(self._answer)} — {self._explanation}"

    def _matching(self) -> dict:
        return {"aliases": self._aliases}
