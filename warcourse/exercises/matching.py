"""Turning what a student typed into comparable keys: case, spacing, collections."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping

import pandas as pd

from .feedback import shown, type_name

MAX_ITEMS = 10_000  # an endless iterator is cut here instead of hanging the kernel


def normalise(text: str) -> str:
    """The default matching key: case-insensitive, spacing collapsed."""
    return " ".join(text.split()).casefold()


def as_text(item: object) -> str:
    """The text of one answer item (``str`` for numbers too, so 2014 matches "2014")."""
    if isinstance(item, str):
        return item
    try:
        return str(item)
    except Exception:
        return shown(item)


def lookup(item: object, known: Iterable, by_text: Mapping):
    """The known item ``item`` stands for: the same value of the same type, else the one whose
    normalised text it matches in ``by_text``; None if neither."""
    for candidate in known:
        if type(candidate) is type(item) and candidate == item:
            return candidate
    return by_text.get(normalise(as_text(item)))


def is_missing(item: object) -> bool:
    """None, NaN, pandas NA/NaT: an empty slot rather than an item."""
    if item is None or item is pd.NA or item is pd.NaT:
        return True
    return isinstance(item, float) and math.isnan(item)


class NotACollection(ValueError):
    """Raised by ``items_of`` with a message meant for the student."""


def items_of(answer: object, *, ordered: bool) -> list:
    """The items of a list-like answer; a single string is one item.

    With ``ordered=True`` sets are refused (they have no order) and so is a
    single string.
    """
    if isinstance(answer, str):
        if ordered:
            raise NotACollection("expected a list in order, like [first, second, ...], got a single text")
        return [answer]
    if isinstance(answer, pd.DataFrame):
        raise NotACollection("expected a list, got a table (DataFrame); pick one column, e.g. table['country']")
    if isinstance(answer, Mapping):
        raise NotACollection(f"expected a list, got {type_name(answer)}; give a list such as [\"a\", \"b\"]")
    if ordered and isinstance(answer, (set, frozenset)):
        raise NotACollection("a set has no order; give a list, like [first, second, ...]")
    if isinstance(answer, pd.Series | pd.Index):
        answer = answer.tolist()
    if not isinstance(answer, Iterable) or isinstance(answer, bytes):
        raise NotACollection(f"expected a list, got {type_name(answer)}")
    return list(itertools.islice(answer, MAX_ITEMS))
