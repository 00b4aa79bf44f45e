"""Lesson 01's measurements of the article as text (warcourse.textstats)."""

import pandas as pd
import pytest

from warcourse import article, data, textstats
from warcourse.catalogue import Lesson
from warcourse.numbers import find_quantities
from warcourse.paths import NOTEBOOKS

SMALL = [
    "---",
    "subject: A test",
    "---",
    "",
    "Intro with [[Target|a link]] and 3 ships.[object Object]",
    "## First",
    "![A picture](https://example.org/a.jpg)",
    "Then two dozen people and between 5 and 9 boats.",
    "## Empty",
    "## Second",
    "### Deeper",
    " * a list item with dozens of things",
    "| Country | In Iraq |",
    "| --- | --- |",
    "[object Object]",
    "## Last",
]


def _passages(lines):
    return pd.DataFrame([vars(p) for p in article.parse(lines, "small").passages]).replace({"subsection": {"": None}})


@pytest.fixture(scope="module")
def small():
    return textstats.line_kinds(SMALL), _passages(SMALL)


@pytest.fixture(scope="module")
def real():
    lines = article.read_lines()
    passages = data.passages()
    return lines, textstats.line_kinds(lines), passages, textstats.quantities(passages)


def test_line_kinds_sorts_every_line(small):
    raw, _ = small
    assert raw["line"].tolist() == list(range(1, len(SMALL) + 1))
    kinds = dict(zip(raw["line"], raw["kind"]))
    assert [kinds[i] for i in (1, 2, 3)] == ["front matter"] * 3
    assert kinds[4] == "blank" and kinds[6] == "heading" and kinds[7] == "image"
    assert kinds[12] == "list item" and kinds[13] == "table row" and kinds[15] == "lost reference"
    assert raw.loc[raw["line"] == 11, "level"].item() == 3
    assert raw["objects"].sum() == 2 and raw["wiki_links"].sum() == 1


def test_empty_headings_are_those_followed_by_a_heading_of_the_same_or_higher_level(small):
    raw, passages = small
    empty = textstats.empty_headings(passages, raw)
    assert empty["heading"].tolist() == ["Empty", "Last"]
    assert "Second" not in empty["heading"].tolist()  # its ### subsection has text


def test_lost_counts_occurrences_and_lines(small):
    raw, passages = small
    table = textstats.lost(raw, passages).set_index("what")
    objects = table.loc["references printed as [object Object]"]
    assert (objects["count"], objects["lines"], objects["first_line"], objects["last_line"]) == (2, 2, 5, 15)
    assert table.loc["image lines", "count"] == 1
    assert table.loc["headings with nothing under them", "count"] == 2


@pytest.mark.parametrize("text, written, form", [
    ("1,149", "digits", "exact"),
    ("fourteen", "words", "exact"),
    ("two dozen", "words", "exact"),
    ("between 815 and 1,149", "digits", "range"),
    ("more than 6,000", "digits", "lower bound"),
    ("as many as 6,000", "digits", "upper bound"),
    ("about 1000", "digits", "approximate"),
    ("dozens", "words", "vague word"),
    ("tens of thousands", "words", "vague word"),
])
def test_written_and_form(text, written, form):
    (q,) = find_quantities(text)
    assert textstats.written(q.text) == written
    assert textstats.form(q.low, q.high, q.vague, q.text) == form


def test_quantities_of_a_small_text(small):
    _, passages = small
    found = textstats.quantities(passages)
    assert found["number"].tolist() == ["3", "two dozen", "between 5 and 9", "dozens"]
    assert found["line"].tolist() == [5, 8, 8, 12]
    assert found["form"].tolist() == ["exact", "exact", "range", "vague word"]
    assert list(found.columns) == textstats.QUANTITY_COLUMNS


@pytest.mark.parametrize("text, expected", [
    ("MPs voted in favour (397 to 223) to authorise strikes", "vote tally"),
    ("Cameron increased the number of troops from 450 to 500, and", "change over time"),
    ("estimates vary, ranging from 1,000 to 5,000.", "range of values"),
    ("the number has been reduced to closely 1,000 to 1,500, with", "range of values"),
    ("between 70 and 80 airstrikes", "range of values"),
])
def test_reading_of_a_range_depends_on_the_words_before_it(text, expected):
    (q,) = [q for q in find_quantities(text) if q.low != q.high]
    assert textstats.reading(text, q.start) == expected


def test_only_ranges_get_a_reading_and_quantities_do_not_show_it(small, real):
    readings = textstats.range_readings(small[1])
    assert readings.to_dict() == {2: "range of values"}
    assert "reading" not in textstats.quantities(small[1]).columns  # lesson 01 asks students to tell them apart
    _, _, passages, found = real
    odd = textstats.range_readings(passages)
    odd = odd[odd != "range of values"]
    assert sorted(zip(found.loc[odd.index, "line"], odd)) == [(130, "vote tally"), (401, "change over time")]


def test_quantity_context_is_verbatim(real):
    _, _, passages, found = real
    text = passages.set_index("line")["text"]
    assert all(row.number in row.context and row.context in text[row.line] for row in found.itertuples())


def test_per_part_counts_add_up(real):
    _, _, passages, found = real
    parts = textstats.per_part(passages, found)
    assert parts["numbers"].sum() == len(found)
    assert parts["passages"].sum() == (passages["kind"] != "heading").sum()
    assert set(parts.index) == set(passages["section"])
    assert parts["numbers"].is_monotonic_decreasing


@pytest.mark.parametrize("section", textstats.SECTIONS[1:])
def test_per_part_of_one_section_splits_it_by_subsection(real, section):
    _, _, passages, found = real
    parts = textstats.per_part(passages, found, section)
    assert parts.index.name == "subsection"
    assert parts["numbers"].sum() == (found["section"] == section).sum()
    assert parts["passages"].sum() == ((passages["section"] == section) & (passages["kind"] != "heading")).sum()


def test_every_allowed_section_is_a_section_of_the_article(real):
    _, _, passages, _ = real
    assert textstats.SECTIONS[0] == "all"
    assert set(textstats.SECTIONS[1:]) <= set(passages["section"])


def test_snapshot_losses_in_the_real_seed(real):
    _, raw, passages, _ = real
    table = textstats.lost(raw, passages).set_index("what")
    # every [object Object] is either a line of its own or glued to a heading
    objects = raw[raw["objects"] > 0]
    assert set(objects["kind"]) <= {"lost reference", "heading"}
    assert table.loc["references printed as [object Object]", "count"] == raw["objects"].sum()
    # the empty headings have no text passage in their own part of the article
    for row in textstats.empty_headings(passages, raw).itertuples():
        later = passages[passages["line"] > row.line].head(1)
        assert later.empty or later["kind"].item() == "heading"


def test_ranges_with_low_above_high_are_not_ranges(real):
    _, _, _, found = real
    backwards = found[(found["form"] == "range") & (found["low"] > found["high"])]
    # the only one is a vote tally ("397 to 223"), which the lesson shows
    assert len(backwards) >= 1
    assert all("voted" in row.context for row in backwards.itertuples())


def test_in_section_keeps_rows_of_that_section_only(real):
    _, _, passages, found = real
    assert textstats.in_section(found, passages, "all") is found
    libya = textstats.in_section(found, passages, "Libya")
    assert set(libya["section"]) == {"Libya"}


def test_dated_numbers_take_the_year_of_the_period_end_or_date():
    strikes = pd.DataFrame({"record_id": ["s1"], "period_end": pd.to_datetime(["2016-08-01"]),
                            "line": [10], "quote": ["28 strikes"]})
    deployments = pd.DataFrame({"record_id": ["d1", "d2"], "date": pd.to_datetime(["2014-09-01", None]),
                                "line": [5, 6], "quote": ["130 advisers", "20 troops"]})
    claims = pd.DataFrame({"claim_id": ["c1"], "period_end": pd.to_datetime(["2015-02-07"]),
                           "line": [7], "quote": ["7,000 militants"]})
    dated = textstats.dated_numbers(strikes, deployments, claims)
    assert dated[["table", "id", "year"]].values.tolist() == [
        ["deployments", "d1", 2014], ["casualty_claims", "c1", 2015], ["strike_counts", "s1", 2016]]


def test_dated_numbers_of_the_real_tables():
    strikes, deployments, claims = data.strike_counts(), data.deployments(), data.casualty_claims()
    dated = textstats.dated_numbers(strikes, deployments, claims)
    undated = deployments["date"].isna().sum() + strikes["period_end"].isna().sum() + claims["period_end"].isna().sum()
    assert len(dated) == len(strikes) + len(deployments) + len(claims) - undated


def test_told_twice_groups_ids_by_stem():
    events = pd.DataFrame({"event_id": ["x_a", "x_b", "y", "z_a", "z_b", "z_c", "plan_b"],
                           "line": [3, 9, 4, 1, 2, 9, 4]})
    passages = pd.DataFrame({"line": [1, 2, 3, 4, 9], "section": ["Intro", "Intro", "A", "A", "B"]})
    told = textstats.told_twice(events, passages)
    assert told.values.tolist() == [["x", 2, "3; 9", "A; B"], ["z", 3, "1; 2; 9", "Intro; B"]]
    issues = pd.DataFrame({"kind": ["duplicate", "typo"], "lines": ["3;9;12", "1;2;9"]})
    assert textstats.recorded(told, issues).tolist() == [True, False]


def test_recorded_duplicates_of_the_real_tables_are_duplicates():
    told = textstats.told_twice(data.events(), data.passages())
    recorded = textstats.recorded(told, data.inconsistencies())
    assert (told["tellings"] >= 2).all()
    assert recorded.any() and not recorded.all()


def test_shorten():
    assert textstats.shorten("short text") == "short text"
    cut = textstats.shorten("word " * 100, width=30)
    assert len(cut) <= 30 and cut.endswith("…")


def test_lesson_parameter_lists_the_module_sections():
    lesson = NOTEBOOKS / "01_the_article_as_data.ipynb"
    params = Lesson(lesson).parameters()
    assert params["section"].allowed == textstats.SECTIONS
    assert params["show_solutions"].allowed == (True, False)
