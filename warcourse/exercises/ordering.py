"""Ordering answers (a timeline): put every item in its place."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Mapping

import pandas as pd

from . import letters
from .base import Exercise
from .feedback import Feedback, listing
from .matching import Labels, NotACollection, as_text, is_missing, items_of, normalise
from .sets import typed_items

_STEPS = re.compile(r"\s*(?:->|=>|→|>|\bthen\b)\s*", re.IGNORECASE)  # "a -> b", "a then b"


class Ordering(Exercise):
    """Put the items of ``answer`` (a list of ids) in order.

    ``labels`` maps ids to readable labels. An answer item may be an id, a
    label, a label without its "Actor: " prefix, or one of the texts
    ``aliases`` gives for an id (e.g. the table's own summary); case,
    punctuation, a leading article and a final full stop are ignored, and ``normalise``
    (e.g. ``names.country``) can match more freely. A list, tuple, Series,
    Index or array is fine; a sorted Series of numbers whose index holds the
    items is read by its index; one text is read as the letters the items are
    shown with ("C, A, B"), or as ids or labels one per line, separated by commas
    or semicolons, or by arrows ("a -> b"), when every part names an item. A
    wrong order is told how many items are in place.
    """

    kind = "ordering"

    def __init__(self, question: str, *, answer, labels=None, aliases: Mapping | None = None,
                 normalise: Callable[[str], str] = normalise, **common):
        super().__init__(question, **common)
        self._answer = list(answer)
        if len(self._answer) < 2 or len(set(self._answer)) != len(self._answer):
            raise ValueError("an ordering needs at least two distinct items")
        given = dict(labels or {})
        texts = {item: as_text(given.get(item, item)) for item in self._answer}
        self._aliases = dict(aliases or {})
        self._normalise = normalise
        self._labels = Labels(texts, aliases=self._aliases, key=lambda item: normalise(as_text(item)))
        self.labels = {item: texts[item] for item in self._shuffled_ids(texts)}
        letters.lettered(self.labels)  # refuses more items than letters

    def _shuffled_ids(self, texts: Mapping) -> list:
        """The items in a fixed order that is not the answer (for display and widgets)."""
        items = sorted(self._answer, key=lambda item: hashlib.sha256(texts[item].encode()).hexdigest())
        return items[1:] + items[:1] if items == self._answer else items

    def shuffled(self) -> list:
        """The ids in the order they are shown."""
        return list(self.labels)

    def _check(self, answer: object) -> Feedback:
        try:
            given = self._lettered(answer) if isinstance(answer, str) else self._listed(items_of(answer, ordered=True))
        except NotACollection as error:
            return self.wrong(f"{error}. {self._form()}")
        found = [self._labels.find(item, self._answer) is not None for item in given]
        if isinstance(answer, pd.Series) and not any(found) and any(
                self._labels.find(item, self._answer) is not None for item in answer.index):
            given = list(answer.index)  # a sorted Series of numbers: its index holds the items, in that order
        size = len(self._answer)
        empty = [str(position) for position, item in enumerate(given, 1) if is_missing(item)]
        placed = [self._labels.find(item, self._answer) for item in given]
        unknown = [item for item, found in zip(given, placed) if found is None and not is_missing(item)]
        counts = Counter(found for found in placed if found is not None)
        repeated = [self.labels[item] for item in self.labels if counts[item] > 1]
        missing = [self.labels[item] for item in self.labels if counts[item] == 0]
        problems = []
        if empty:
            problems.append(f"position {', '.join(empty)} {'is' if len(empty) == 1 else 'are'} empty")
        if unknown:
            problems.append(f"{listing(unknown)} {'is' if len(unknown) == 1 else 'are'} not among the items")
        if repeated:
            problems.append(f"{listing(repeated)} {'is' if len(repeated) == 1 else 'are'} given more than once")
        if missing and (unknown or repeated or empty or len(given) < size):
            problems.append(f"{listing(missing)} {'is' if len(missing) == 1 else 'are'} missing")
        if problems:
            form = f" {self._form()}" if unknown else ""
            return self.wrong("; ".join(problems) + f". Give each of the {size} items exactly once.{form}")
        if placed == self._answer:
            return self.right()
        in_place = sum(found == item for found, item in zip(placed, self._answer))
        verb = "is" if in_place == 1 else "are"
        return self.wrong(self._advised(f"{in_place} of the {size} items {verb} in the right place",
                                        "check what you sort by and in which direction."))

    def _lettered(self, text: str) -> list:
        """The items that the letters in ``text`` name, in its order."""
        positions = letters.read(text, len(self.labels))
        if positions is None:
            named = self.typed(text)
            if named is not None:
                return named[0]
            raise NotACollection("expected a list in order, like [first, second, ...], or the items' letters "
                                 "first to last in one text, separated by commas or spaces (\"B, A, C\"), or their "
                                 "ids or labels one per line; this text is neither")
        shown = self.shuffled()
        return [shown[position] for position in positions]

    def typed(self, text: str) -> tuple[list[str], str] | None:
        """The parts of ``text`` and how read: one per line, with commas or semicolons, with semicolons alone,
        or with arrows, the first way in which every part names an item (a label with a comma of its own
        splits into parts that do not); None if there is none."""
        for split, how in (typed_items(text), (text.split(";"), "separated by semicolons"),
                           (_STEPS.split(text.strip()), "separated by arrows")):
            parts = [part.strip() for part in split if part.strip()]
            if len(parts) > 1 and all(self._labels.find(part, self._answer) is not None for part in parts):
                return parts, how
        return None

    def _listed(self, given: list) -> list:
        """A list given in code: the items it names, or those its letters name (``["B", "A", "C"]``)."""
        positions = None if any(self._labels.find(item, self._answer) is not None for item in given) else \
            letters.read_list(given, len(self.labels))
        shown = self.shuffled()
        return given if positions is None else [shown[position] for position in positions]

    def _form(self) -> str:
        return ("Type the items' letters in order, separated by commas, or give a list in order, "
                "like [first, second, ...], of the items' ids or labels.")

    def describe(self) -> list[str]:
        shown = letters.lettered(self.labels.values())
        return ["Put these in order:"] + [f"  {letter}. {label}" for letter, label in shown]

    def _answer_text(self) -> str:
        return " → ".join(self.labels[item] for item in self._answer)

    def _matching(self) -> dict:
        return {"labels": {item: self.labels[item] for item in self._answer}, "aliases": self._aliases,
                "normalise": self._normalise}
