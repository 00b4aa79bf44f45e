"""Load the course's tables as typed pandas DataFrames.

Each table is read once per kernel and cached; every call returns a fresh copy,
so changing a frame in a notebook never changes what the next cell loads.

For example::

    from warcourse import data
    claims = data.casualty_claims()
    claims[["claimant", "low", "high", "line"]].head()

Columns are typed from the data contract (``warcourse.schema``): whole numbers
as nullable ``Int64``, true/false as ``boolean``, categories as ``category``,
dates as ``datetime64`` (with their precision in a ``*_precision`` column:
"2014-09" is read as 1 September 2014 with precision ``month``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd

from . import schema
from .errors import CourseError
from .files import utf8
from .paths import TABLES, shown

REBUILD = "rebuild it with `python -m warcourse build`"
_INTEGER = re.compile(r"^-?[0-9]+$")


def _is_date(value: str) -> bool:
    if not re.match(schema.DATE_PATTERN, value):
        return False
    try:
        dt.date.fromisoformat(value + {4: "-01-01", 7: "-01", 10: ""}[len(value)])
    except ValueError:
        return False
    return True


def _rule(column: schema.Column) -> tuple[Callable[[str], bool], str] | None:
    """How to tell a valid cell of ``column``, and what a valid cell is (for messages)."""
    if column.type == "integer":
        return lambda v: bool(_INTEGER.match(v)), "a whole number"
    if column.type == "boolean":
        return lambda v: v in ("true", "false"), "true or false"
    if column.type == "date":
        return _is_date, "an ISO date like 2014-09-05, 2014-09 or 2014"
    if column.enum:
        return lambda v: v in column.enum, f"one of {', '.join(column.enum)}"
    if column.pattern:
        return lambda v: bool(re.match(column.pattern, v)), f"text matching {column.pattern}"
    return None


def _cells(path: Path, where: str) -> tuple[list[str], list[int], list[list[str]]]:
    """Header, the CSV line each row starts on, and the rows of a table file, read strictly."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CourseError(f"{where}: table is missing; run `python -m warcourse build`") from None
    except OSError as exc:
        raise CourseError(f"{where}: cannot read the table ({exc.strerror or exc})") from None
    if not raw.strip():
        raise CourseError(f"{where}: the table file is empty; {REBUILD}")
    text = utf8(raw, where, f"; {REBUILD}")
    if text.startswith("\ufeff"):
        raise CourseError(f"{where}:1: starts with a byte-order mark (BOM); {REBUILD}")
    reader = csv.reader(io.StringIO(text, newline=""))
    starts, rows, previous = [], [], 1
    try:
        header = next(reader)
        for cells in reader:
            if len(cells) != len(header):
                raise CourseError(f"{where}:{previous + 1}: {len(cells)} cells; expected "
                                  f"{len(header)} (one per column); {REBUILD}")
            starts.append(previous + 1)
            rows.append(cells)
            previous = reader.line_num
    except csv.Error as exc:
        raise CourseError(f"{where}:{reader.line_num}: not valid CSV ({exc}); {REBUILD}") from None
    if not rows:
        raise CourseError(f"{where}: the table has a header but no rows; {REBUILD}")
    return header, starts, rows


def _check(frame: pd.DataFrame, starts: list[int], table: schema.Table, where: str) -> None:
    """Fail on the first cell that is missing or not of its column's type, naming line and column."""
    for column in table.columns:
        values = frame[column.name]
        if column.required and not column.blank_is_value and values.eq("").any():
            line = starts[int(values.eq("").to_numpy().argmax())]
            raise CourseError(f"{where}:{line}: column {column.name!r} is empty; it is required; "
                              f"{REBUILD}")
        rule = _rule(column)
        if rule is None:
            continue
        valid, expected = rule
        bad = {v for v in values.unique() if v != "" and not valid(v)}
        if bad:
            index = int(values.isin(bad).to_numpy().argmax())
            raise CourseError(f"{where}:{starts[index]}: column {column.name!r} is "
                              f"{values.iloc[index]!r}; expected {expected}; {REBUILD}")


def _typed(frame: pd.DataFrame, table: schema.Table) -> pd.DataFrame:
    """Columns converted to their types (cells already checked); an empty cell is missing."""
    for column in table.columns:
        values = frame[column.name].mask(frame[column.name].eq(""))
        if column.type == "integer":
            frame[column.name] = pd.to_numeric(values).astype("Int64")
        elif column.type == "boolean":
            frame[column.name] = values.map({"true": True, "false": False}).astype("boolean")
        elif column.type == "date":
            frame[column.name] = pd.to_datetime(values, format="ISO8601")
        elif column.enum:
            frame[column.name] = pd.Categorical(values, categories=list(column.enum))
        elif not column.blank_is_value:
            frame[column.name] = values
    return frame


def read(path: Path, table: schema.Table) -> pd.DataFrame:
    """One table file read strictly: every problem names the file, its CSV line and the column."""
    where = shown(path)
    header, starts, rows = _cells(Path(path), where)
    expected = table.column_names
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        detail = f"missing column {missing[0]!r}" if missing else (
            f"unexpected column {extra[0]!r}" if extra else "columns in another order")
        raise CourseError(f"{where}: {detail}; expected {', '.join(expected)}")
    frame = pd.DataFrame(rows, columns=header, dtype=str)
    _check(frame, starts, table, where)
    return _typed(frame, table)


def problem(name: str, path: Path) -> str | None:
    """What makes a committed table unreadable, in one line (None if it reads)."""
    try:
        read(path, schema.TABLES[name])
    except CourseError as exc:
        return str(exc)
    return None


@cache
def _load(name: str, folder: Path) -> pd.DataFrame:
    return read(folder / f"{name}.csv", schema.TABLES[name])


def load(name: str, folder: Path = TABLES) -> pd.DataFrame:
    """One table by name (see ``warcourse.schema.TABLES``), typed, as a fresh copy."""
    if name not in schema.TABLES:
        raise CourseError(f"no table called {name!r}; the tables are {', '.join(schema.TABLES)}")
    return _load(name, Path(folder)).copy()


def passages() -> pd.DataFrame:
    """Every heading, paragraph, list item and table row of the article, with its seed line."""
    return load("passages")


def countries() -> pd.DataFrame:
    """Every country named in the tables: canonical name, ISO code, the article's spellings."""
    return load("countries")


def coalitions() -> pd.DataFrame:
    """Coalitions and gatherings against ISIL, with the member total the article states."""
    return load("coalitions")


def coalition_members() -> pd.DataFrame:
    """Countries in each coalition, and whether they are named, included by reference or excluded."""
    return load("coalition_members")


def involvement() -> pd.DataFrame:
    """The article's involvement table: country x theater, involved or not."""
    return load("involvement")


def events() -> pd.DataFrame:
    """Dated events in every theater."""
    return load("events")


def strike_counts() -> pd.DataFrame:
    """Reported numbers of airstrikes, sorties, missions, targets, munitions and operations."""
    return load("strike_counts")


def deployments() -> pd.DataFrame:
    """Reported numbers of personnel, aircraft and ships."""
    return load("deployments")


def casualty_claims() -> pd.DataFrame:
    """Claims of deaths: who claims how many of whom, when and where."""
    return load("casualty_claims")


def strength_estimates() -> pd.DataFrame:
    """Estimates of how many fighters ISIL and other groups had at a date (not deaths)."""
    return load("strength_estimates")


def inconsistencies() -> pd.DataFrame:
    """Places where the article disagrees with itself or with arithmetic."""
    return load("inconsistencies")
