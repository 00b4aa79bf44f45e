"""Every table row a brief may cite, by its id, with what a sentence about it must keep.

A row's id is its table's id column (``record_id``, ``claim_id``, ``event_id``, ``coalition_id``,
``issue_id``). ``facts()`` gives one ``Row`` per id: its bounds and their kind (exact, about, lower,
upper, range), theater, what it counts, count type, actor or claimant, how certain it is and who
says so, its dates, line and quote. ``frames()`` gives the tables themselves, for counts of rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import data, numbers
from .theaters import claim_theater

ID_COLUMNS = {"strike_counts": "record_id", "deployments": "record_id", "strength_estimates": "record_id",
              "casualty_claims": "claim_id", "events": "event_id", "coalitions": "coalition_id",
              "inconsistencies": "issue_id"}
COUNTABLE = ("involvement", "coalition_members", "countries", *ID_COLUMNS)
HEDGED = ("claimed", "suggested", "unconfirmed")


@dataclass(frozen=True)
class Row:
    """One citable row and what a sentence about it must keep."""

    id: str
    table: str
    line: int
    quote: str
    low: float | None = None
    high: float | None = None
    vague: bool = False
    theater: str | None = None
    counts: str = ""  # metric, victim category, asset or "members"
    count_type: str = ""
    actor: str = ""  # who did it, or who claims it (casualty claims)
    certainty: str = "reported"
    source: str = ""  # who the article says says so, when it hedges
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    precision: str = "day"
    links: tuple[str, ...] = ()  # rows this one is part of, or the sum of
    stated: tuple[float, ...] = ()  # numbers an inconsistency's description states

    @property
    def bound(self) -> str | None:
        """"exact", "about", "lower", "upper", "range", or None for a row without a number."""
        if self.low is None and self.high is None:
            return None
        if self.low is None:
            return "upper"
        if self.high is None:
            return "lower"
        if self.low != self.high:
            return "range"
        return "about" if self.vague else "exact"


def _num(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _text(row: pd.Series, column: str) -> str:
    value = row.get(column)
    return "" if value is None or pd.isna(value) else str(value)


def _date(value) -> pd.Timestamp | None:
    if value is None or (not isinstance(value, pd.Timestamp) and pd.isna(value)):
        return None
    try:
        return pd.Timestamp(value)
    except (ValueError, TypeError):
        return None


def _links(row: pd.Series, duplicates: dict[str, set[str]]) -> tuple[str, ...]:
    found = sorted(duplicates.get(str(row.get("claim_id", row.get("record_id", ""))), set()))
    for column in ("part_of", "sum_of", "duplicate_of", "same_as"):
        found += [part.split(":")[-1].strip() for part in _text(row, column).split(";") if part.strip()]
    return tuple(found)


def _duplicates(issues: pd.DataFrame) -> dict[str, set[str]]:
    """For each row of a ``duplicate`` inconsistency's ``records``, the other rows told twice with it."""
    found: dict[str, set[str]] = {}
    for records in issues.loc[issues["kind"] == "duplicate", "records"].dropna():
        ids = {part.split(":")[-1].strip() for part in str(records).split(";") if part.strip()}
        for key in ids:
            found.setdefault(key, set()).update(ids - {key})
    return found


def _row(table: str, row: pd.Series, duplicates: dict[str, set[str]]) -> Row:
    common = dict(id=str(row[ID_COLUMNS[table]]), table=table, line=int(row["line"]) if "line" in row else 0,
                  quote=_text(row, "quote"), certainty=_text(row, "certainty") or "reported",
                  source=_text(row, "attributed_to"), precision=_text(row, "date_precision") or "day")
    if table == "strike_counts":
        return Row(**common, low=_num(row["low"]), high=_num(row["high"]), vague=bool(row["vague"]),
                   theater=_text(row, "theater"), counts=_text(row, "metric"), count_type=_text(row, "count_type"),
                   actor=_text(row, "actor"), start=_date(row["period_start"]), end=_date(row["period_end"]))
    if table == "deployments":
        return Row(**common, low=_num(row["low"]), high=_num(row["high"]), vague=bool(row["vague"]),
                   theater=_text(row, "theater"), counts=_text(row, "asset"), count_type=_text(row, "count_type"),
                   actor=_text(row, "actor"), start=_date(row["date"]), end=_date(row["date"]))
    if table == "strength_estimates":
        return Row(**common, low=_num(row["low"]), high=_num(row["high"]), vague=bool(row["vague"]),
                   theater=_text(row, "theater"), counts="isil_fighters", actor=_text(row, "estimated_by"),
                   start=_date(row["date"]), end=_date(row["date"]))
    if table == "casualty_claims":
        return Row(**{**common, "source": ""}, low=_num(row["low"]), high=_num(row["high"]),
                   vague=bool(row["vague"]), theater=claim_theater(row["place"]), counts=_text(row, "victim_category"),
                   actor=_text(row, "claimant"), start=_date(row["period_start"]), end=_date(row["period_end"]),
                   links=_links(row, duplicates))
    if table == "events":
        return Row(**common, theater=_text(row, "theater"), actor=_text(row, "actor"), start=_date(row["date"]),
                   end=_date(row["date"]))
    if table == "coalitions":
        members = _num(row["stated_members"])
        return Row(**common, low=members, high=members, counts="members" if members is not None else "",
                   actor=_text(row, "led_by"), start=_date(row["date"]), end=_date(row["date"]))
    lines = [int(x) for x in _text(row, "lines").split(";") if x.strip().isdigit()]
    stated = tuple(sorted({v for q in numbers.find_quantities(_text(row, "description"), include_one=True)
                           for v in q.values}))
    return Row(**{**common, "line": lines[0] if lines else 0, "quote": _text(row, "description")}, stated=stated)


@lru_cache(maxsize=1)
def frames() -> dict[str, pd.DataFrame]:
    """The tables a count of rows may name; casualty claims get a ``theater`` column read from ``place``."""
    tables = {name: data.load(name) for name in COUNTABLE}
    claims = tables["casualty_claims"]
    tables["casualty_claims"] = claims.assign(theater=claims["place"].map(claim_theater))
    return tables


@lru_cache(maxsize=1)
def facts() -> dict[str, Row]:
    """Every row with an id, by id (an id that two tables share keeps the first table's row)."""
    found: dict[str, Row] = {}
    duplicates = _duplicates(frames()["inconsistencies"])
    for table, column in ID_COLUMNS.items():
        for _, row in frames()[table].iterrows():
            found.setdefault(str(row[column]), _row(table, row, duplicates))
    return found
