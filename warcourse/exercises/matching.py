"""Turning what a student typed into comparable keys: case, punctuation, prefixes, country names, pairs."""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from .feedback import shown, type_name

MAX_ITEMS = 10_000  # an endless iterator is cut here instead of hanging the kernel

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'", "–": "-", "—": "-",
                         "›": ">", "»": ">", "→": ">", "\u00a0": " ", "\u202f": " "})
_PAIR = re.compile(r"\s+(?:vs\.?|versus|and)\s+|\s*[/&,]\s*|\s+[-–—]\s+", re.IGNORECASE)


def normalise(text: str) -> str:
    """The default matching key: case, accents, quotes, dashes, arrows, a leading "a", "an" or "the" and a final
    full stop ignored ("claimant gap" matches "A claimant gap")."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"\s*([>:;,])\s*", r"\1 ", text)
    text = " ".join(text.split()).strip(" \"'")
    text = re.sub(r"[.;:!?]+$", "", text).strip(" \"'")
    return re.sub(r"^(?:an?|the) (?=\w)", "", text)


def as_text(item: object) -> str:
    """The text of one answer item (``str`` for numbers too, so 2014 matches "2014")."""
    if isinstance(item, str):
        return item
    if isinstance(item, np.generic):
        item = item.item()
    try:
        return str(item)
    except Exception:
        return shown(item)


def variants(text: str) -> list[str]:
    """Forms of a label a student may type: itself, without an "Actor: " prefix, its part before ":"."""
    found = [text]
    head, colon, rest = text.partition(": ")
    if colon and len(head.split()) <= 4 and not set(head) & set("()[]"):
        found += [rest, head]
    return found


def text_key(item: object) -> str:
    """The default key of an item: its text, normalised."""
    return normalise(as_text(item))


class Labels:
    """Matching keys for known items: each item's own text, its variants and any aliases.

    ``key`` turns an item or a text into its key. A short form shared by two
    items, or with which another item's text begins ("Yes" of "Yes: ..." and
    "Yes, but ..."), is dropped, so it matches neither.
    """

    def __init__(self, texts: Mapping, *, aliases: Mapping | None = None, key: Callable[[object], str] = text_key):
        self.key = key
        found: dict[str, set] = {}
        primary = {}
        for item, text in texts.items():
            primary[key(text)] = item
            others = [*variants(as_text(text)), item, *(aliases or {}).get(item, ())]
            for other in others:
                found.setdefault(key(other), set()).add(item)
        if len(primary) != len(texts):
            same = next(k for k in primary if sum(key(text) == k for text in texts.values()) > 1)
            twins = [as_text(text) for text in texts.values() if key(text) == same]
            raise ValueError(f"items {twins[0]!r} and {twins[1]!r} differ only in case, spacing, punctuation or a "
                             "leading article, so a student's answer could not tell them apart")
        self.keys = {k: next(iter(items)) for k, items in found.items() if len(items) == 1
                     and not any(p.startswith(k) and primary[p] not in items for p in primary)} | primary
        self.shared = set(found) - set(self.keys)  # short forms that stand for more than one item

    def ambiguous(self, item: object) -> bool:
        """Whether ``item`` is a short form that two known items share (it stands for neither)."""
        return isinstance(item, str) and self.key(item) in self.shared

    def find(self, item: object, known: Iterable = ()):
        """The known item ``item`` stands for (the item itself, its text or a variant), or None."""
        for candidate in known:
            if type(candidate) is type(item) and candidate == item:
                return candidate
        return self.keys.get(self.key(item))


def is_missing(item: object) -> bool:
    """None, NaN, pandas NA/NaT: an empty slot rather than an item."""
    if item is None or item is pd.NA or item is pd.NaT:
        return True
    return isinstance(item, float | np.floating) and math.isnan(item)


class NotACollection(ValueError):
    """Raised by ``items_of`` with a message meant for the student."""


def items_of(answer: object, *, ordered: bool) -> list:
    """The items of a list-like answer (list, tuple, set, Series, Index, array, dict view); one string is one item.

    With ``ordered=True`` sets are refused (they have no order) and so is a single string.
    """
    if isinstance(answer, str):
        if ordered:
            raise NotACollection("expected a list in order, like [first, second, ...], got a single text")
        return [answer]
    if isinstance(answer, pd.DataFrame):
        raise NotACollection("expected a list, got a table (DataFrame); pick one column, e.g. table['country']")
    if isinstance(answer, pd.Series | pd.Index | np.ndarray) and pd.api.types.is_bool_dtype(answer.dtype):
        raise NotACollection("expected a list of items, got True/False values (a condition); use the condition "
                             "to keep rows, table[condition], then pick the column that names them")
    if isinstance(answer, Mapping):
        raise NotACollection(f"expected a list, got {type_name(answer)}; give a list such as [\"a\", \"b\"], "
                             "or the dictionary's .keys()")
    if ordered and isinstance(answer, set | frozenset):
        raise NotACollection("a set has no order; give a list, like [first, second, ...]")
    if isinstance(answer, np.ndarray) and answer.ndim != 1:
        raise NotACollection(f"expected a flat list, got an array of shape {answer.shape}; pick one column")
    if isinstance(answer, pd.Series | pd.Index | pd.api.extensions.ExtensionArray | np.ndarray):
        answer = answer.tolist()
    if not isinstance(answer, Iterable) or isinstance(answer, bytes):
        raise NotACollection(f"expected a list, got {type_name(answer)}")
    return list(itertools.islice(answer, MAX_ITEMS))


def pair_key(item: object, key: Callable[[str], str] = normalise) -> str:
    """One key for a pair in any order or form: ("a", "b"), {"a", "b"}, "b vs. a", "a / b", "a & b", "(a, b)"."""
    if isinstance(item, tuple | list | set | frozenset) and len(item) == 2:
        halves = [as_text(half) for half in item]
    else:
        halves = _PAIR.split(as_text(item).strip().strip("()[]{}"), maxsplit=1)
    if len(halves) != 2:
        return key(as_text(item))
    return " | ".join(sorted(key(half) for half in halves))
