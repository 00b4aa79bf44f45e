"""Ordering answers (a timeline): put every item in its place."""

from __future__ import annotations

import hashlib
from collections import Counter

from .base import Exercise
from .feedback import Feedback, listing, shown
from .matching import NotACollection, as_text, is_missing, items_of, lookup, normalise


class Ordering(Exercise):
    """Put the items of ``answer`` (a list of ids) in order.

    ``labels`` maps ids to readable labels; an answer may use ids or labels,
    ignoring case and spacing.
    """

    kind = "ordering"

    def __init__(self, question: str, *, answer, lines, explanation: str, labels=None, hints=(), code: str = ""):
        super().__init__(question, lines=lines, explanation=explanation, hints=hints, code=code)
        self.answer = list(answer)
        if len(self.answer) < 2 or len(set(self.answer)) != len(self.answer):
            raise ValueError("an ordering needs at least two distinct items")
        labels = dict(labels or {})
        self.labels = {item: as_text(labels.get(item, item)) for item in self.answer}
        self._ids = {normalise(text): item for item, text in self.labels.items()}
        if len(self._ids) != len(self.answer):
            raise ValueError("two items have labels that differ only in case or spacing")
        for item in self.answer:
            self._ids.setdefault(normalise(as_text(item)), item)

    def shuffled(self) -> list:
        """The items in a fixed order that is not the answer (for display and widgets)."""
        def digest(item):
            return hashlib.sha256(self.labels[item].encode()).hexdigest()

        items = sorted(self.answer, key=digest)
        return items[1:] + items[:1] if items == self.answer else items

    def find(self, item: object):
        """The id ``item`` stands for (an id or a label), or None."""
        return lookup(item, self.answer, self._ids)

    def _check(self, answer: object) -> Feedback:
        try:
            given = items_of(answer, ordered=True)
        except NotACollection as error:
            return self.wrong(f"{error}.")
        size = len(self.answer)
        empty = [str(position) for position, item in enumerate(given, 1) if is_missing(item)]
        placed = [self.find(item) for item in given]
        unknown = [item for item, found in zip(given, placed) if found is None and not is_missing(item)]
        counts = Counter(found for found in placed if found is not None)
        repeated = [self.labels[item] for item in self.answer if counts[item] > 1]
        missing = [self.labels[item] for item in self.answer if counts[item] == 0]
        problems = []
        if empty:
            problems.append(f"empty position: {', '.join(empty)}")
        if unknown:
            problems.append(f"not among the items: {listing(unknown)}")
        if repeated:
            problems.append(f"given more than once: {listing(repeated)}")
        if missing:
            problems.append(f"missing: {listing(missing)}")
        if problems:
            return self.wrong("; ".join(problems) + f". Give each of the {size} items exactly once.")
        if placed == self.answer:
            return self.right()
        in_place = sum(found == item for found, item in zip(placed, self.answer))
        first = next(position for position, (found, item) in enumerate(zip(placed, self.answer)) if found != item)
        verb = "is" if in_place == 1 else "are"
        return self.wrong(
            f"{in_place} of {size} {verb} in the right place; the first wrong one is position {first + 1} "
            f"(you put {shown(self.labels[placed[first]])} there)."
        )

    def describe(self) -> list[str]:
        return ["Put these in order:"] + [f"  - {self.labels[item]}" for item in self.shuffled()]

    def answer_text(self) -> str:
        return " → ".join(self.labels[item] for item in self.answer)
