"""warcourse.dates: the one date formatter (its doctests run here too)."""

import doctest

import pandas as pd
import pytest

from warcourse import dates


def test_doctests():
    assert doctest.testmod(dates).failed == 0


@pytest.mark.parametrize("precision, text", [("day", "8 August 2014"), ("month", "August 2014"), ("year", "2014")])
def test_at_precision_writes_what_is_known(precision, text):
    assert dates.at_precision(pd.Timestamp("2014-08-08"), precision) == text


def test_no_padded_days_and_short_months():
    assert dates.at_precision(pd.Timestamp("2014-08-08"), "day", short=True) == "8 Aug 2014"


def test_a_year_long_period_reads_as_the_year_not_one_day():
    assert dates.period(pd.Timestamp("2015-01-01"), pd.Timestamp("2015-01-01"), "year") == "2015"
    assert dates.period(pd.Timestamp("2016-03-01"), pd.Timestamp("2016-03-01"), "month") == "March 2016"


def test_unknown_precision_is_refused():
    with pytest.raises(ValueError, match="precision"):
        dates.at_precision(pd.Timestamp("2014-08-08"), "week")


def test_no_docstring_shows_a_doctest_that_is_not_run():
    """Examples written as ``>>>`` must run (only warcourse.dates has them, tested above)."""
    import pathlib

    import warcourse

    found = [path.name for path in pathlib.Path(warcourse.__file__).parent.rglob("*.py")
             if ">>> " in path.read_text() and path.name != "dates.py"]
    assert found == []
