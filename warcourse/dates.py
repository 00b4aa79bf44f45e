"""Dates in words, at the precision the article gives them: the one place the course formats dates.

>>> import pandas as pd
>>> when = pd.Timestamp("2014-08-08")
>>> day(when)
'8 August 2014'
>>> at_precision(when, "month")
'August 2014'
>>> on(when, "day")
'on 8 August 2014'
>>> period(pd.Timestamp("2015-01-01"), pd.Timestamp("2015-01-01"), "year")
'2015'
>>> period(pd.NaT, when, "day")
'until 8 August 2014'
"""

from __future__ import annotations

import pandas as pd

PRECISIONS = ("day", "month", "year")


def day(when: pd.Timestamp, year: bool = True) -> str:
    """A date as "9 August 2016" (or "9 August"): no leading zero, on every platform."""
    return f"{when.day} {when:%B %Y}" if year else f"{when.day} {when:%B}"


def at_precision(when: pd.Timestamp, precision: str, short: bool = False) -> str:
    """A date as precisely as it is known: "5 September 2014", "September 2015" or "2016".

    ``short`` abbreviates the month ("5 Sep 2014").
    """
    month = "%b" if short else "%B"
    if precision == "day":
        return f"{when.day} {when.strftime(month + ' %Y')}"
    if precision == "month":
        return when.strftime(f"{month} %Y")
    if precision == "year":
        return f"{when:%Y}"
    raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")


def on(when: pd.Timestamp, precision: str) -> str:
    """"on 8 August 2014", "in December 2014" or "in 2016"."""
    return ("on " if precision == "day" else "in ") + at_precision(when, precision)


def period(start, end, precision: str, short: bool = False) -> str:
    """A period at its precision: "August 2014 – August 2015", "2015", "until 22 February 2016".

    A period whose start and end read the same at that precision is written once.
    """
    until = at_precision(end, precision, short)
    if start is None or pd.isna(start):
        return f"until {until}"
    since = at_precision(start, precision, short)
    return until if since == until else f"{since} – {until}"
