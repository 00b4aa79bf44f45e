"""Rules a coded record follows beyond its columns' types, read from the data contract.

- identifiers (primary-key columns ending in ``_id``) are lower-case ``snake_case``;
- every date of a row fits its precision (``2014-09`` with ``month``, never with ``day``);
- ranges run forwards: ``low`` <= ``high``, ``period_start`` <= ``period_end``;
- a coalition's ``members`` terms list country names and refer to coalitions by id;
- an ``iso3`` override in ``countries.yaml`` is three capital letters and is pycountry's
  code for that country (a user-assigned ``X..`` code only for a country ISO does not list).
"""

from __future__ import annotations

import re

import pycountry

from . import schema
from .errors import CourseError

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
RANGES = (("low", "high"), ("period_start", "period_end"))
_PRECISION_LENGTH = {"day": 10, "month": 7, "year": 4}
_ISO3 = re.compile(schema.ISO3_PATTERN)


def row(table: schema.Table, values: dict, record) -> None:
    """Refuse a row that breaks a rule above; ``record.fail`` names its file and line."""
    for name in table.primary_key:
        value = values.get(name)
        if name.endswith("_id") and isinstance(value, str) and not SNAKE_CASE.match(value):
            raise record.fail(f"{name} {value!r} is not snake_case (lower-case letters, digits "
                              "and single underscores, starting with a letter)", name)
    precisions = [c.name for c in table.columns if c.enum == schema.PRECISIONS]
    precision = values.get(precisions[0]) if len(precisions) == 1 else None
    for column in table.columns if precision in _PRECISION_LENGTH else ():
        value = values.get(column.name)
        if column.type == "date" and value and len(value) != _PRECISION_LENGTH[precision]:
            raise record.fail(f"{column.name} {value!r} does not match {precisions[0]} {precision!r}", column.name)
    names = set(table.column_names)
    for start, end in RANGES:
        first, last = values.get(start), values.get(end)
        if {start, end} <= names and first is not None and last is not None and _after(first, last):
            word = "before" if isinstance(first, str) else "below"
            raise record.fail(f"{end} {last} is {word} {start} {first}", end)


def _after(first, last) -> bool:
    """``first > last``; ISO dates of different precision are compared on the part both state."""
    if isinstance(first, str) and isinstance(last, str):
        n = min(len(first), len(last))
        return first[:n] > last[:n]
    return first > last


def member_term(term: dict, record) -> None:
    """A ``members`` term of ``coalitions.yaml``: ``named``/``except`` list names, ``from`` names an id."""
    for key in ("named", "except"):
        names = term.get(key)
        if names is not None and not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
            raise record.fail(f"{key} is {names!r}; expected a list of country names like [France, Italy]", key)
    if "from" in term and not isinstance(term["from"], str):
        raise record.fail(f"from is {term['from']!r}; expected the coalition_id of an earlier coalition", "from")


def iso3_override(name: str, code, note, where: str) -> str:
    """The checked code of a ``countries.yaml`` iso3 entry; ``where`` is ``file:line``."""
    if not isinstance(code, str) or not _ISO3.match(code):
        raise CourseError(f"{where}: iso3 code for {name!r} is {code!r}; expected three capital "
                          "letters (ISO 3166-1 alpha-3)")
    try:
        looked_up = pycountry.countries.lookup(name).alpha_3
    except LookupError:
        looked_up = None
    if looked_up is not None and looked_up != code:
        raise CourseError(f"{where}: iso3 code for {name!r} is {code}, but pycountry's code for it "
                          f"is {looked_up}")
    record = pycountry.countries.get(alpha_3=code)
    if record is None:
        if looked_up is None and code.startswith("X"):
            return code
        raise CourseError(f"{where}: {code} is not an ISO 3166-1 code; only a country ISO does not "
                          "list (like Kosovo) may have a user-assigned code starting with X")
    names = {getattr(record, k, None) for k in ("name", "official_name", "common_name")} - {None}
    if looked_up is None and not any(f"'{n}'" in str(note) for n in names):
        raise CourseError(f"{where}: {code} is pycountry's code for {record.name!r}; the note for "
                          f"{name!r} must quote that name (as in \"pycountry's name is "
                          f"'{record.name}'\") to show the code belongs to it")
    return code
