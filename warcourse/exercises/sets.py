"""Set answers ("which countries ..."): neither order nor case and spacing matter."""

from __future__ import annotations

from collections.abc import Callable

from .base import Exercise
from .feedback import Feedback, listing
from .matching import NotACollection, as_text, is_missing, items_of, normalise


class SetAnswer(Exercise):
    """A set of items, given as a list, tuple, set, Series or one string.

    ``options`` are what the widget offers (default: the answer plus
    ``distractors``, sorted); without any distractors the widget is a free
    text box, one item per line, so it does not give the answer away.
    ``normalise`` maps an item's text to its matching key (default: ignore
    case and spacing).
    """

    kind = "set of items"

    def __init__(self, question: str, *, answer, lines, explanation: str, options=None, distractors=(),
                 normalise: Callable[[str], str] = normalise, solution: str | None = None,
                 hint: str | None = None):
        super().__init__(question, lines=lines, explanation=explanation, solution=solution, hint=hint)
        if isinstance(answer, str):
            raise ValueError("the answer must be a collection of items, not one string")
        if distractors and options is not None:
            raise ValueError("give either options or distractors, not both")
        self.normalise = normalise
        self.answer = frozenset(answer)
        self._expected = self._keys(self.answer, "answer")
        if options is None:
            self.options = sorted([*self.answer, *distractors], key=self.key)
        else:
            self.options = list(options)
        missing = set(self._expected) - set(self._keys(self.options, "options"))
        if missing:
            raise ValueError(f"options lack the answer items {sorted(missing)}")
        self.free = options is None and not distractors

    def key(self, item: object) -> str:
        return self.normalise(as_text(item))

    def _keys(self, items, what: str) -> dict[str, object]:
        keys = {self.key(item): item for item in items}
        if len(keys) != len(list(items)):
            raise ValueError(f"two {what} items match the same key")
        return keys

    def _check(self, answer: object) -> Feedback:
        try:
            items = [item for item in items_of(answer, ordered=False) if not is_missing(item)]
        except NotACollection as error:
            return self.wrong(f"{error}.")
        given = {}
        for item in items:
            given.setdefault(self.key(item), item)
        missing = sorted(key for key in self._expected if key not in given)
        extra = sorted(key for key in given if key not in self._expected)
        if not missing and not extra:
            return self.right()
        found = len(self._expected) - len(missing)
        parts = [f"{found} of {len(self._expected)} right"]
        if missing:
            parts.append(f"missing: {listing(as_text(self._expected[key]) for key in missing)}")
        if extra:
            parts.append(f"do not belong: {listing(as_text(given[key]) for key in extra)}")
        message = "; ".join(parts) + "."
        if isinstance(answer, str) and "," in answer:
            message += ' To give several items, use a list: ["A", "B"].'
        return self.wrong(message)

    def describe(self) -> list[str]:
        if self.free:
            return ["Give the items as a list, e.g. [\"...\", \"...\"]; order and capitals do not matter."]
        return ["Pick all that apply (order does not matter):"] + [f"  [ ] {as_text(item)}" for item in self.options]

    def answer_text(self) -> str:
        return ", ".join(as_text(self._expected[key]) for key in sorted(self._expected))
