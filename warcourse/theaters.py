"""Which table rows belong to a theater: one rule for every lesson.

The article gives some counts for "Iraq and Syria" together (``COMBINED``).
A lesson on Iraq or on Syria shows those rows too, labelled as combined, and
never splits them between the two countries.
"""

from __future__ import annotations

import pandas as pd

from . import schema
from .errors import UsageError

COMBINED = "Iraq and Syria"  # counts the article gives for both countries together


def covered(theater: str) -> tuple[str, ...]:
    """The table theaters a lesson theater covers: "Iraq" also takes the counts for Iraq and Syria."""
    if theater == "all":
        return schema.THEATERS
    if theater not in schema.THEATERS:
        raise UsageError(f"theater {theater!r} is not one of the article's theaters: {', '.join(schema.THEATERS)}")
    if theater in COMBINED.split(" and "):
        return (theater, COMBINED)
    return (theater,)


def in_theater(frame: pd.DataFrame, theater: str) -> pd.DataFrame:
    """The rows of ``frame`` (any table with a ``theater`` column) that belong to ``theater``."""
    return frame[frame["theater"].isin(covered(theater))].copy()


def covers(count_theater: str, campaign_theater: str) -> bool:
    """Whether a count for ``count_theater`` covers a campaign in ``campaign_theater``."""
    return count_theater == campaign_theater or (
        count_theater == COMBINED and campaign_theater in COMBINED.split(" and "))


def place(theater: str) -> str:
    """A short name for titles: "all theaters" or the theater."""
    return "all theaters" if theater == "all" else theater


def scope_name(theater: str) -> str:
    """How a lesson theater reads in a sentence: "all theaters", "Libya", "Iraq (including the counts ...)"."""
    if theater == "all":
        return "all theaters"
    both = COMBINED in covered(theater)
    return f"{theater} (including the counts for {COMBINED} together)" if both else theater


def scope_text(theater: str) -> str:
    """A sentence saying which rows a theater's lesson shows."""
    if theater == "all":
        return "This lesson shows every theater the article gives numbers for."
    text = f"This lesson shows the numbers for {theater}."
    if COMBINED in covered(theater):
        text += (f" It also shows the counts the article gives for '{COMBINED}' together, labelled as"
                 f" combined: the article does not say how much of them was in {theater}, so they"
                 " cannot be split.")
    return text


def claim_theater(place_name: str) -> str:
    """The theater of a casualty claim's ``place``: the part after its last comma ("Raqqa, Syria" -> "Syria")."""
    return str(place_name).rsplit(", ", 1)[-1]


def claims_in(claims: pd.DataFrame, theater: str) -> pd.DataFrame:
    """The casualty claims about places in ``theater`` (for Iraq and Syria, also about both together).

    The claims table has no ``theater`` column; this adds one, read from ``place``.
    """
    where = claims["place"].map(claim_theater)
    return claims[where.isin(covered(theater))].assign(theater=where).sort_values(["line", "claim_id"])
