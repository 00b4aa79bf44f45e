"""Reading numbers written as digits, words, ranges and vague quantities."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warcourse.numbers import find_quantities, mentions, read_quantity, to_number
from warcourse.paths import ROOT


@pytest.mark.parametrize("text, low, high, vague", [
    ("1,149", 1149, 1149, False),
    ("fourteen", 14, 14, False),
    ("two", 2, 2, False),
    ("a dozen", 12, 12, False),
    ("two dozen", 24, 24, False),
    ("dozens", 24, None, True),
    ("hundreds", 200, None, True),
    ("thousands", 2000, None, True),
    ("tens of thousands", 20000, None, True),
    ("2.6 billion", 2_600_000_000, 2_600_000_000, False),
    ("$1.7 million", 1_700_000, 1_700_000, False),
    ("between 815 and 1,149", 815, 1149, False),
    ("35,000 to 45,000", 35000, 45000, False),
    ("as many as 6,000", None, 6000, True),
    ("up to 20", None, 20, True),
    ("more than 6,000", 6000, None, False),
    ("over 10,000", 10000, None, False),
    ("at least 1,291", 1291, None, False),
    ("about 1000", 1000, 1000, True),
    ("nearly 44,000", None, 44000, True),  # below 44,000: an upper bound, as the codebook codes it
    ("approximately 2100", 2100, 2100, True),
])
def test_read_quantity(text, low, high, vague):
    q = read_quantity(text)
    assert (q.low, q.high, q.vague) == (low, high, vague)


def test_read_quantity_rejects_text_without_exactly_one_number():
    with pytest.raises(ValueError):
        read_quantity("no number here")
    with pytest.raises(ValueError):
        read_quantity("3 and 4")


def test_dates_and_designations_are_not_quantities():
    text = ("On 5 September 2014, F-16s of the 22nd MEU flew under Resolution 2170 on "
            "16–19 August and 5 to 7 February 2015 and November 14, 2021, with MQ-9 and CVN-77.")
    assert find_quantities(text) == []


def test_quantities_in_running_text():
    text = ("By the end of September 2014, the United States had conducted 240 airstrikes "
            "in Iraq and Syria, as well as 1,300 tanker refueling missions, totaling 3,800 sorties")
    assert [q.low for q in find_quantities(text)] == [240, 1300, 3800]


def test_qualified_year_like_numbers_are_counts():
    found = find_quantities("flew more than 2100 missions and conducted approximately 2100 air strikes")
    assert [(q.low, q.high) for q in found] == [(2100, None), (2100, 2100)]


def test_one_is_only_found_on_request():
    assert find_quantities("killing one Turkish soldier") == []
    assert [q.low for q in find_quantities("killing one Turkish soldier", include_one=True)] == [1]


def test_mentions():
    assert mentions("Those nine countries agreed", 9)
    assert mentions("diplomats from 59 countries", 59)
    assert not mentions("diplomats from 59 countries", 58)
    assert mentions("between 815 and 1,149 civilian", 1149)


@given(st.integers(min_value=0, max_value=10**9))
@settings(max_examples=200)
def test_digits_with_thousands_separators_round_trip(n):
    assert to_number(f"{n:,}") == n
    assert read_quantity(f"{n:,} fighters").low == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
@settings(max_examples=200)
def test_ranges_keep_both_ends(a, b):
    q = read_quantity(f"between {a:,} and {b:,} people")
    assert (q.low, q.high, q.vague) == (a, b, False)


@given(st.text(max_size=200))
@settings(max_examples=300)
def test_find_quantities_never_raises_and_spans_are_in_text(text):
    for q in find_quantities(text, include_one=True):
        assert text[q.start:q.end] == q.text
        assert q.low is not None or q.high is not None


def codebook_readings() -> list:
    """Every example of the codebook's table *Reading numbers into low, high, vague* (data/README.md) with
    the low, high and vague its row gives ("empty" is None). The row's numbers are its first example's;
    a later example is expected to read the same way with its own number, and a bare qualifier
    ("around", "almost") is read with the first example's number."""
    page = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    table = page.split("**Reading numbers into `low`, `high`, `vague`**", 1)[1].split("\n\n", 2)[1]
    found = []
    for row in table.splitlines()[2:]:
        said, low, high, vague = (cell.strip() for cell in row.strip("|").split("|"))
        if " where " in said or "/" in low:  # read from the sentence around it, or several words in one row
            continue
        bound = [None if value == "empty" else float(value.replace(",", "")) for value in (low, high)]
        first, *others = re.findall(r'"([^"]+)"', said)
        found.append(pytest.param(first, *bound, vague == "true", id=first))
        number = re.search(r"\d[\d,]*$", first)
        for other in others:
            digits = [float(d.replace(",", "")) for d in re.findall(r"\d[\d,]*", other)]
            if bound[0] is not None and bound[0] == bound[1] and not (vague == "true"):  # exact: "fourteen"
                value = digits[0] if digits else to_number(other)
                expected = (value, value)
            elif None not in bound and bound[0] != bound[1]:  # a range: its own two ends
                expected = tuple(digits)
            elif digits:  # one bound, or low = high and vague: the same bounds, with its own number
                expected = tuple(digits[0] if b is not None else None for b in bound)
            else:  # a bare qualifier ("around", "almost"): read with the first example's number
                other, expected = f"{other} {number.group()}", tuple(bound)
            found.append(pytest.param(other, *expected, vague == "true", id=other))
    return found


@pytest.mark.parametrize("text, low, high, vague", codebook_readings())
def test_the_codebook_reads_numbers_as_warcourse_numbers_does(text, low, high, vague):
    """The codebook's table and the reader students use (``read_quantity``) agree, row by row."""
    q = read_quantity(text)
    assert (q.low, q.high, q.vague) == (low, high, vague)
