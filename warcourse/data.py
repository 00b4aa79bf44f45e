"""Load the course's tables as typed pandas DataFrames.

Each table is read once per kernel and cached; every call returns a fresh copy,
so changing a frame in a notebook never changes what the next cell loads.

>>> from warcourse import data
>>> claims = data.casualty_claims()
>>> claims[["claimant", "low", "high", "line"]].head()

Columns are typed from the data contract (``warcourse.schema``): whole numbers
as nullable ``Int64``, true/false as ``boolean``, categories as ``category``,
dates as ``datetime64`` (with their precision in a ``*_precision`` column:
"2014-09" is read as 1 September 2014 with precision ``month``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from . import schema
from .errors import CourseError
from .paths import TABLES, shown


def _typed(frame: pd.DataFrame, table: schema.Table, where: str) -> pd.DataFrame:
    for column in table.columns:
        values = frame[column.name]
        try:
            if column.type == "integer":
                frame[column.name] = pd.to_numeric(values).astype("Int64")
            elif column.type == "boolean":
                mapped = values.map({"true": True, "false": False})
                if mapped.isna().any() and values.notna().any():
                    bad = values[mapped.isna() & values.notna()].iloc[0]
                    raise ValueError(f"{bad!r} is not true or false")
                frame[column.name] = mapped.astype("boolean")
            elif column.type == "date":
                frame[column.name] = pd.to_datetime(values, format="ISO8601")
            elif column.enum:
                frame[column.name] = pd.Categorical(values, categories=list(column.enum))
            elif column.blank_is_value:
                frame[column.name] = values.fillna("")
        except (ValueError, TypeError) as exc:
            raise CourseError(f"{where}: column {column.name!r} cannot be read as {column.type} "
                              f"({exc}); rebuild with `python -m warcourse build`") from None
    return frame


@cache
def _load(name: str, folder: Path) -> pd.DataFrame:
    table = schema.TABLES[name]
    path = folder / f"{name}.csv"
    where = shown(path)
    if not path.exists():
        raise CourseError(f"{where}: table is missing; run `python -m warcourse build`")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    expected = table.column_names
    if list(frame.columns) != expected:
        missing = [c for c in expected if c not in frame.columns]
        extra = [c for c in frame.columns if c not in expected]
        detail = f"missing column {missing[0]!r}" if missing else (
            f"unexpected column {extra[0]!r}" if extra else "columns in another order")
        raise CourseError(f"{where}: {detail}; expected {', '.join(expected)}")
    return _typed(frame, table, where)


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
