"""Set answers ("which countries ..."): neither order nor case and punctuation matter."""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping

from . import letters
from .base import Exercise
from .feedback import Feedback, plural, shown
from .matching import Labels, NotACollection, as_text, is_missing, items_of, normalise, pair_key

_SEPARATOR = re.compile(r"[\n,;]")
_LEADING_AND = re.compile(r"^and\s+", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
ENUMERATED = 12  # up to this many options an item may be named, once checked to leave the answer open


def typed_items(text: str, is_name: Callable[[str], bool] | None = None) -> tuple[list[str], str]:
    """The items of free text and how read: one per line (commas kept), or separated by commas or semicolons
    ("and" before the last one dropped: "Iraq, Syria, and Libya").

    With ``is_name`` (whether a text is one name the set knows, e.g. a country), a part such as "Syria and
    Libya" is read as the names it joins, unless it is one name itself ("Bosnia and Herzegovina").
    """
    if "\n" in text.strip():
        how = "one per line"
        parts = text.splitlines()
    elif re.search(r"[,;]", text):
        how = "separated by commas"
        parts = [_LEADING_AND.sub("", part.strip()) for part in _SEPARATOR.split(text)]
    else:
        how = "as one item"
        parts = [text]
    parts = [part.strip() for part in parts if part.strip()]
    if is_name:
        joined = [_joined_names(part, is_name) for part in parts]
        if how == "as one item" and len(joined[0]) > 1:
            how = "separated by “and”"
        parts = [name for names in joined for name in names]
    return parts, how


def _joined_names(part: str, is_name: Callable[[str], bool]) -> list[str]:
    """The names "Syria and Libya" joins, or the part itself if it is one name or joins anything else."""
    pieces = _AND.split(part)
    return pieces if len(pieces) > 1 and not is_name(part) and all(map(is_name, pieces)) else [part]


class SetAnswer(Exercise):
    """A set of items: a list, tuple, set, Series, Index, array, dict view or text (one per line, or comma-separated).

    ``options`` are what the widget offers, lettered A, B, C, … (default: the
    answer plus ``distractors``, sorted); their letters are an answer too, as one
    text ("B, D"). Without options the widget is a free text box.
    ``normalise`` maps an item's text to its matching key (default: ignore
    case, punctuation and spacing; ``names.country`` for countries);
    ``aliases`` maps an item to other texts that stand for it; with
    ``pairs=True`` an item is a pair, given in either order as "a vs b",
    "a / b" or a tuple. A wrong answer names at most one item that does not
    belong and says whether there are too many or some are missing, never how
    many. ``conditions`` (how many conditions the question sets) or
    ``advice`` (a sentence of the bank's own) tailor the advice that follows.
    """

    kind = "set of items"

    def __init__(self, question: str, *, answer, options=None, distractors=(),
                 normalise: Callable[[str], str] = normalise, aliases: Mapping | None = None, pairs: bool = False,
                 conditions: int | None = None, **common):
        super().__init__(question, **common)
        if isinstance(answer, str):
            raise ValueError("the answer must be a collection of items, not one string")
        if distractors and options is not None:
            raise ValueError("give either options or distractors, not both")
        self._normalise, self._pairs, self._aliases = normalise, pairs, dict(aliases or {})
        self._conditions = conditions
        self._ranks: dict = {}
        self._answer = frozenset(answer)
        if not self._answer:
            raise ValueError("a set answer needs at least one item")
        self.free = options is None and not distractors
        universe = list(self._answer) if self.free else [*self._answer, *distractors] if options is None else options
        self._labels = Labels({item: item for item in universe}, aliases=self._aliases, key=self._key)
        self.options = [] if self.free else sorted(universe, key=self._key) if options is None else list(options)
        letters.lettered(self.options)  # refuses more options than letters
        if len({self._key(item) for item in universe}) != len(list(universe)):
            raise ValueError("two items match the same key")
        keys = {self._key(item) for item in universe}
        if not {self._key(item) for item in self._answer} <= keys:
            raise ValueError("options lack some answer items")
        if not self.free and {self._key(item) for item in self._answer} == keys:
            raise ValueError("every option belongs to the answer: add options that do not")

    def _key(self, item: object) -> str:
        return pair_key(item, self._normalise) if self._pairs else self._normalise(as_text(item))

    def _items(self, answer: object) -> list:
        """The items of an answer: text of option letters names those options; other text is split
        into lines or comma-separated parts."""
        if isinstance(answer, str):
            chosen = None if self.free else letters.read(answer, len(self.options))
            return self.typed(answer)[0] if chosen is None else [self.options[position] for position in chosen]
        given = [item for item in items_of(answer, ordered=False) if not is_missing(item)]
        chosen = None if self.free else letters.read_list(given, len(self.options))
        return given if chosen is None else [self.options[position] for position in chosen]

    def typed(self, text: str) -> tuple[list[str], str]:
        """The items of typed text and how read (``typed_items``); names joined by "and" are split where the
        set's ``normalise`` knows each of them as a name (a country) and not the whole."""
        return typed_items(text, None if self._pairs else self._is_name)

    def _is_name(self, text: str) -> bool:
        return self._normalise(text) != normalise(text)

    def _rank(self, item: object) -> str:
        """A fixed order for naming one item that does not belong, unrelated to the answer."""
        if item not in self._ranks:
            self._ranks[item] = hashlib.sha256(f"{self.question}\n{self._key(item)}".encode()).hexdigest()
        return self._ranks[item]

    def _verdict(self, given: frozenset, answer: frozenset) -> tuple:
        """(the one extra item named, or None; too many; some missing) for items ``given``."""
        extra = sorted(given - answer, key=self._rank)
        return (extra[0] if extra else None, bool(extra), bool(answer - given))

    def _said(self, given: frozenset) -> tuple:
        """What feedback says: the verdict, without the named item where naming could single out the answer.

        Of a checkbox set, every possible answer (a non-empty part of the options, not all of them) whose
        verdict on ``given`` has the same flags is looked at: an item is named only if no such answer is
        alone with its verdict, so the same words always fit another possible answer.
        """
        verdict = self._verdict(given, self._answer)
        if self.free or verdict[0] is None:
            return verdict
        if len(self.options) <= ENUMERATED:
            others = (frozenset(combo) for size in range(1, len(self.options))
                      for combo in itertools.combinations(self.options, size))
            verdicts = (self._verdict(given, other) for other in others)
            if min(Counter(found for found in verdicts if found[1:] == verdict[1:]).values()) > 1:
                return verdict
        return (None, *verdict[1:])

    def _check(self, answer: object) -> Feedback:
        try:
            items = self._items(answer)
        except NotACollection as error:
            return self.wrong(f"{error}. {self._form()}")
        if not items:
            return self.wrong("your answer has no items. If your code produced it, your selection keeps "
                              "nothing: print the step before it and check the condition.")
        found = [self._labels.find(item, self._labels.keys.values()) for item in items]
        unknown = [item for item, item_found in zip(items, found) if item_found is None]
        if unknown and not self.free:
            return self.wrong(f"{shown(as_text(unknown[0]))} is not one of the options. {self._form()}")
        given = frozenset(item for item in found if item is not None) | frozenset(map(as_text, unknown))
        if given == self._answer:
            return self.right()
        return self.wrong(self._message(*self._said(given)))

    def _message(self, named, too_many: bool, missing: bool) -> str:
        name = f"“{as_text(named)}” does not belong" if named is not None else "some of your items do not belong"
        if too_many and not missing:
            return f"{name}: you have too many items. {self._tailored('extra')}"
        if missing and not too_many:
            return f"some items are missing. {self._tailored('missing')}"
        return f"{name}, and some items are missing. {self._tailored('both')}"

    def _tailored(self, case: str) -> str:
        if self._advice:
            return self._advice
        count = self._conditions
        if count and count > 1:
            return {"extra": f"Check each of your items against the question's {count} conditions.",
                    "missing": f"Your selection is too strict: check how you combine the {count} conditions.",
                    "both": f"Check the question's {count} conditions one at a time."}[case]
        return {"extra": "Check your items against what the question asks.",
                "missing": "Your selection is too strict: reread what the question asks.",
                "both": "Reread what the question asks and check each item against it."}[case]

    def _form(self) -> str:
        pair = " Give each pair as “a vs b” or as a tuple (a, b)." if self._pairs else ""
        if self.free:
            return "Give the items as a list, e.g. [\"...\", \"...\"], or one per line in the box." + pair
        return ("Type the options' letters separated by commas, or give their texts as a list, "
                "e.g. [\"...\", \"...\"]." + pair)

    def describe(self) -> list[str]:
        if self.free:
            return [self._form() + " Order and capitals do not matter."]
        return (["Pick all that apply (order does not matter):"]
                + [f"  {letter}. {as_text(item)}" for letter, item in letters.lettered(self.options)])

    def _answer_words(self) -> list[str]:
        return [as_text(item) for item in self._answer]

    def _answer_text(self) -> str:
        items = sorted((as_text(item) for item in self._answer), key=normalise)
        return f"{plural(len(items), 'item')}: " + "; ".join(items)

    def _matching(self) -> dict:
        return {"normalise": self._normalise, "pairs": self._pairs, "aliases": self._aliases}
