"""Set answers ("which countries ..."): neither order nor case and spacing matter."""

from __future__ import annotations

import re
from collections.abc import Callable

from .base import Exercise
from .feedback import Feedback, listing, plural
from .matching import NotACollection, as_text, is_missing, items_of, normalise

_SEPARATOR = re.compile(r"[\n,;]")


def typed_items(text: str) -> tuple[list[str], str]:
    """The items of free text and how they were read: one per line, or separated by commas or semicolons."""
    if "\n" in text.strip():
        how = "one per line"
        parts = [piece for line in text.splitlines() for piece in re.split(r"[,;]", line)]
    elif re.search(r"[,;]", text):
        how = "separated by commas"
        parts = _SEPARATOR.split(text)
    else:
        how = "as one item"
        parts = [text]
    return [part.strip() for part in parts if part.strip()], how


class SetAnswer(Exercise):
    """A set of items, given as a list, tuple, set, Series or text (one per line, or comma-separated).

    ``options`` are what the widget offers (default: the answer plus
    ``distractors``, sorted); without any the widget is a free text box.
    ``normalise`` maps an item's text to its matching key (default: ignore
    case and spacing). A wrong answer says how many items are right and how
    many are missing, and names only the given items that do not belong.
    """

    kind = "set of items"

    def __init__(self, question: str, *, answer, lines, explanation: str, options=None, distractors=(),
                 normalise: Callable[[str], str] = normalise, hints=(), code: str = ""):
        super().__init__(question, lines=lines, explanation=explanation, hints=hints, code=code)
        if isinstance(answer, str):
            raise ValueError("the answer must be a collection of items, not one string")
        if distractors and options is not None:
            raise ValueError("give either options or distractors, not both")
        self.normalise = normalise
        self.answer = frozenset(answer)
        if not self.answer:
            raise ValueError("a set answer needs at least one item")
        self._expected = self._keys(self.answer, "answer")
        if options is None:
            self.options = sorted([*self.answer, *distractors], key=self.key)
        else:
            self.options = list(options)
        missing = set(self._expected) - set(self._keys(self.options, "options"))
        if missing:
            raise ValueError(f"options lack {len(missing)} answer items")
        self.free = options is None and not distractors

    def key(self, item: object) -> str:
        return self.normalise(as_text(item))

    def _keys(self, items, what: str) -> dict[str, object]:
        keys = {self.key(item): item for item in items}
        if len(keys) != len(list(items)):
            raise ValueError(f"two {what} items match the same key")
        return keys

    def items(self, answer: object) -> list:
        """The items of an answer: text is split into lines or comma-separated parts."""
        if isinstance(answer, str):
            return typed_items(answer)[0]
        return [item for item in items_of(answer, ordered=False) if not is_missing(item)]

    def _check(self, answer: object) -> Feedback:
        try:
            items = self.items(answer)
        except NotACollection as error:
            return self.wrong(f"{error}.")
        given = {}
        for item in items:
            given.setdefault(self.key(item), item)
        missing = [key for key in self._expected if key not in given]
        extra = sorted(key for key in given if key not in self._expected)
        if not missing and not extra:
            return self.right()
        right = len(self._expected) - len(missing)
        parts = [f"{right} of your {plural(len(given), 'item')} {'is' if right == 1 else 'are'} right"]
        if extra:
            parts.append(f"{listing(as_text(given[key]) for key in extra)} "
                         f"{'does' if len(extra) == 1 else 'do'} not belong")
        if missing:
            parts.append(f"{plural(len(missing), 'item')} {'is' if len(missing) == 1 else 'are'} missing")
        advice = (" Too many: check which condition your extra items fail." if extra and not missing else
                  " Some are missing: check your filter is not too strict." if missing and not extra else
                  " Check both conditions of the question, one at a time.")
        return self.wrong("; ".join(parts) + "." + advice)

    def describe(self) -> list[str]:
        if self.free:
            return ["Give the items as a list, e.g. [\"...\", \"...\"], or one per line in the box; "
                    "order and capitals do not matter."]
        return ["Pick all that apply (order does not matter):"] + [f"  [ ] {as_text(item)}" for item in self.options]

    def answer_text(self) -> str:
        items = [as_text(self._expected[key]) for key in sorted(self._expected)]
        return f"{plural(len(items), 'item')}: " + "; ".join(items)
