"""Tests for warcourse.brief (lesson 05): the theater brief, its line references, sections and exercises."""

from __future__ import annotations

import dataclasses
import itertools
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from warcourse import brief, campaigns, numbers, plots, rowfacts, theaters, tracing
from warcourse import brief_figures as figures
from warcourse.catalogue import Lesson
from warcourse.errors import UsageError
from warcourse.paths import ROOT
from warcourse.questions import putting_it_together_bank as bank

LESSON = ROOT / "notebooks" / "05_putting_it_together.ipynb"


@pytest.fixture(scope="module")
def tables() -> brief.Tables:
    return brief.load()


@pytest.fixture(scope="module")
def briefs(tables) -> dict[str, brief.Brief]:
    return {theater: brief.build(tables, theater) for theater in brief.THEATERS}


def claim(claim_id, place, *, low=10, high=10, line=1, claimant="X", claimant_type="media",
          victims="civilians", start="2015-01-01", end="2015-02-01") -> dict:
    """One hand-made casualty claim."""
    return {"claim_id": claim_id, "claimant": claimant, "claimant_type": claimant_type, "victim_category": victims,
            "low": low, "high": high, "vague": False, "period_start": pd.Timestamp(start),
            "period_end": pd.Timestamp(end), "date_precision": "month", "place": place, "line": line,
            "quote": "q"}


def claims_frame(*rows) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    frame[["low", "high"]] = frame[["low", "high"]].astype("Int64")
    frame["vague"] = frame["vague"].astype("boolean")
    return frame


# --- parameters ----------------------------------------------------------------------------------

def test_lesson_parameter_lists_the_module_theaters():
    assert Lesson(LESSON).parameters()["theater"].allowed == brief.THEATERS


@pytest.mark.parametrize("bad", ["Nigeria", "all", "iraq", "", None])
def test_unknown_theater_names_the_allowed_ones(tables, bad):
    with pytest.raises(UsageError) as error:
        brief.build(tables, bad)
    assert all(repr(theater) in str(error.value) for theater in brief.THEATERS)


# --- line references -----------------------------------------------------------------------------

def test_cite_lists_few_lines_and_ranges_many():
    assert brief.cite("x", [373]) == "x (line 373)"
    assert brief.cite("x", [367, 365, 365]) == "x (lines 365, 367)"
    many = range(490, 490 + brief.LISTED + 1)
    assert brief.cite("x", many) == f"x (lines 490–{490 + brief.LISTED})"
    with pytest.raises(ValueError):
        brief.cite("x", [])


@given(st.sets(st.integers(1, 919), min_size=1, max_size=20))
def test_cited_lines_reads_back_what_cite_writes(lines):
    text = brief.cite("495 airstrikes by 19 December 2016", lines)
    found = brief.cited_lines(text)
    expected = sorted(lines) if len(lines) <= brief.LISTED else [min(lines), max(lines)]
    assert found == expected


def test_tag_numbers_tags_every_number_and_writes_words_in_digits():
    text = 'The carrier is said to carry eight Mirage 2000; "a dozen countries" (12) and 35,000 to 45,000 escaped.'
    tagged = brief.tag_numbers(text, "x")
    assert tagged == ('The carrier is said to carry 8 [x] Mirage 2000; "a dozen [x] countries" (12 [x]) and '
                      '35,000 [x] to 45,000 [x] escaped.')
    assert all(number.tag is not None for number in tracing.numbers_in(tagged))


# --- selecting a theater -------------------------------------------------------------------------

@pytest.mark.parametrize(("place", "theater"), [("Raqqa, Syria", "Syria"), ("Kot, Nangarhar, Afghanistan",
                         "Afghanistan"), ("Iraq and Syria", "Iraq and Syria"), ("Libya", "Libya")])
def test_claim_theater_is_the_last_part_of_the_place(place, theater):
    assert theaters.claim_theater(place) == theater


def test_claims_in_takes_combined_claims_for_iraq_and_syria_only():
    frame = claims_frame(claim("a", "Raqqa, Syria"), claim("b", "Iraq and Syria"), claim("c", "Sinjar, Iraq"),
                         claim("d", "Kilis Province, Turkey"), claim("e", "Derna, Libya"))
    assert list(theaters.claims_in(frame, "Syria")["claim_id"]) == ["a", "b"]
    assert list(theaters.claims_in(frame, "Iraq")["claim_id"]) == ["b", "c"]
    assert list(theaters.claims_in(frame, "Libya")["claim_id"]) == ["e"]
    assert set(theaters.claims_in(frame, "Iraq")["theater"]) == {"Iraq", theaters.COMBINED}


def test_coverage_counts_each_table_per_theater(tables):
    table = brief.coverage(tables)
    assert list(table.index) == ["Iraq", "Syria", theaters.COMBINED, "Libya", "Nigeria", "Afghanistan"]
    assert pd.isna(table.loc[theaters.COMBINED, "countries involved"])
    assert table.loc["Libya", "strike_counts"] == (tables.counts["theater"] == "Libya").sum()
    assert table["casualty_claims"].sum() <= len(tables.claims)
    for theater in brief.THEATERS:
        assert table.loc[theater, "countries involved"] == len(brief.involved(tables.involvement, theater))


# --- who was involved and coalitions -------------------------------------------------------------

def test_involved_keeps_the_blank_cells_of_one_theater():
    table = pd.DataFrame({"country": ["B", "A", "C", "A"], "theater": ["Libya", "Libya", "Libya", "Iraq"],
                          "involved": pd.array([True, True, False, False], dtype="boolean"), "line": [2, 1, 3, 1]})
    assert list(brief.involved(table, "Libya")["country"]) == ["A", "B"]


def test_unmarked_finds_the_table_contradicting_the_text(tables):
    iraq = brief.unmarked(tables, "Iraq")
    assert set(iraq["actor"]) == {"Australia"}
    row = tables.involvement[(tables.involvement["country"] == "Australia") & (tables.involvement["theater"] == "Iraq")]
    assert not row["involved"].iloc[0]
    assert (iraq["line"].isin(tables.passages["line"])).all()


def test_reach_outside_and_in_no_list():
    members = pd.DataFrame({"coalition_id": ["x", "x", "x", "y", "y"], "country": ["A", "B", "C", "B", "D"],
                            "basis": ["named", "named", "excluded", "by_reference", "named"],
                            "line": [10, 10, 10, 20, 21]})
    coalitions = pd.DataFrame({"coalition_id": ["x", "y", "z"], "date": pd.to_datetime(["2014-09", "2014-12",
                               "2015-01"]), "date_precision": ["month"] * 3})
    table = brief.reach(members, coalitions, {"B", "C", "D"})
    assert list(table["coalition_id"]) == ["y", "x"]
    assert list(table["of_these"]) == [2, 1]
    assert list(table["members"]) == [2, 2]
    assert table.loc[0, "lines"] == (20, 21)
    assert brief.outside(members, {"A", "B", "C"}, "x") == {"C"}
    assert brief.in_no_list(members, {"A", "C", "E"}) == {"C", "E"}


def test_the_longest_list_is_the_one_with_most_member_rows(tables):
    biggest = brief.largest_list(tables.coalitions, tables.members)
    sizes = tables.members[tables.members["basis"] != "excluded"].groupby("coalition_id").size()
    assert sizes[biggest] == sizes.max()


# --- air campaign --------------------------------------------------------------------------------

@pytest.mark.parametrize("theater", brief.THEATERS)
def test_same_kind_keeps_totals_grouped_and_marks_combined(tables, theater):
    kinds = brief.same_kind(tables.counts, theater)
    assert len(kinds)
    assert set(kinds["count_type"].astype(str)) <= set(campaigns.TOTALS)
    assert (kinds["combined"] == (kinds["theater"] == theaters.COMBINED)).all()
    assert set(kinds["theater"]) <= set(theaters.covered(theater))
    assert not kinds.duplicated(["actor", "theater", "metric", "target"]).any()
    for _, group in kinds.groupby(["metric", "count_type"], observed=True):
        assert list(group["value"]) == sorted(group["value"], reverse=True)


@pytest.mark.parametrize("theater", brief.THEATERS)
def test_kind_choices_have_one_number_of_the_same_kind(tables, theater):
    reference, right, others = bank.kind_choices(tables.counts, tables.deployments, theater)
    assert (right["metric"], right["count_type"]) == (reference["metric"], reference["count_type"])
    assert right["record_id"] != reference["record_id"]
    labels = [bank.kind_label(right)] + [label for label, _ in others]
    assert len(set(labels)) == len(labels) >= 3
    assert all(why.endswith(".") for _, why in others)



@pytest.mark.parametrize("theater", brief.THEATERS)
def test_kind_choices_keep_the_article_qualifiers(tables, theater):
    """Each choice writes its count with ``campaigns.amount``: "at least 70 F-16", "about 12 personnel"
    ("an estimated dozen"), "over 1,800 airstrikes", never the bare value of a hedged number."""
    reference, right, others = bank.kind_choices(tables.counts, tables.deployments, theater)
    rows = {row["record_id"]: row for frame in (tables.counts, tables.deployments) for _, row in frame.iterrows()}
    actors = {row["actor"] for row in rows.values()}
    labels = [bank.kind_label(right)] + [label for label, _ in others]
    for label in [label for label in labels if label.split(": ")[0] in actors]:  # not "The number of countries"
        actor, rest = label.split(": ", 1)
        written = [campaigns.amount(row) for row in rows.values()
                   if row["actor"] == actor and rest.startswith(campaigns.amount(row) + " ")]
        assert written, f"{theater}: {label!r} writes no row's count as campaigns.amount does"


# --- casualty claims and inconsistencies ---------------------------------------------------------

def test_disputes_need_the_line_a_death_and_the_number():
    issues = pd.DataFrame({
        "issue_id": ["deaths", "other_line", "no_deaths", "typo"],
        "kind": ["count_mismatch", "implausible", "count_mismatch", "typo"],
        "lines": ["5;7", "8", "5", "5"],
        "description": ["The coalition acknowledged only two deaths.", "Two people were killed.",
                        "Two districts were lost.", "Two deaths, misspelt."]})
    row = claims_frame(claim("c", "Iraq", low=2, high=2, line=5)).iloc[0]
    assert brief.disputes(row, issues) == ["deaths"]
    elsewhere = row.copy()
    elsewhere["line"] = 6
    assert brief.disputes(elsewhere, issues) == []


@pytest.mark.parametrize("theater", brief.THEATERS)
def test_issues_for_touch_the_theater_and_put_what_does_not_hold_up_first(tables, theater):
    issues = brief.issues_for(tables, theater)
    lines = brief.theater_lines(tables, theater)
    assert all({int(line) for line in text.split(";")} & lines for text in issues["lines"])
    holds = list(issues["holds_up"])
    assert holds == sorted(holds)
    assert set(issues.loc[~issues["holds_up"], "kind"].astype(str)) <= set(brief.HOLD_UP)


def test_libya_issues_include_its_running_total_contradictions(tables):
    ids = set(brief.issues_for(tables, "Libya")["issue_id"])
    assert {"libya_campaign_ended_then_continued", "libya_two_totals_16_august"} <= ids
    assert "afghan_count_dated_after_report" not in ids


@pytest.mark.parametrize("theater", brief.THEATERS)
def test_trust_rates_every_claim(tables, theater):
    here = theaters.claims_in(tables.claims, theater)
    rated = brief.trust(here, brief.issues_for(tables, theater))
    assert len(rated) == len(here)
    assert rated["source"].notna().all()
    assert ((rated["source"] == "no source named") == (rated["claimant"] == brief.UNATTRIBUTED)).all()
    by_id = tables.issues.set_index("issue_id")
    for row in rated[rated["flagged"]].itertuples():
        for issue_id in row.flagged_by.split("; "):
            assert str(row.line) in by_id.loc[issue_id, "lines"].split(";")


def test_same_scope_groups_claims_on_the_same_deaths(tables):
    libya = brief.same_scope(theaters.claims_in(tables.claims, "Libya"))
    assert [sorted(group["claim_id"]) for group in libya] == [["libya_2017_01_18_nbc", "libya_2017_01_18_official"]]


def test_largest_prefers_a_lower_bound_to_an_upper_one():
    frame = claims_frame(claim("up", "Iraq", low=None, high=50_000, line=3), claim("ex", "Iraq", low=45_000,
                         high=45_000, line=2), claim("lb", "Iraq", low=6_000, high=None, line=1))
    assert brief.largest(frame)["claim_id"] == "ex"
    assert brief.largest(frame[frame["claim_id"] == "up"])["claim_id"] == "up"


def test_spans_decades():
    assert figures.spans_decades(claims_frame(claim("a", "X", low=2, high=2), claim("b", "X", low=None, high=20)))
    assert not figures.spans_decades(claims_frame(claim("a", "X", low=17, high=17), claim("b", "X", low=90, high=90)))


# --- the brief -----------------------------------------------------------------------------------

@pytest.mark.parametrize("theater", brief.THEATERS)
def test_every_number_in_the_brief_names_its_row_in_digits(tables, briefs, theater):
    text = briefs[theater].markdown()
    found = tracing.numbers_in(text)
    assert found and all(number.tag is not None for number in found)
    in_words = [number for number in found if number.in_words]
    assert all(text[:number.start].count('"') % 2 == 1 for number in in_words)  # the article's words, quoted
    known = rowfacts.facts()
    ids = [tag.body for tag in tracing.tags(text) if tag.kind == "id"]
    assert ids and all(key in known for key in ids)
    cited = set(briefs[theater].lines())
    assert cited and cited <= set(tables.passages["line"])


@pytest.mark.parametrize("theater", brief.THEATERS)
def test_cited_lines_are_lines_of_the_rows_the_brief_uses(tables, briefs, theater):
    used = set(tables.involvement["line"]) | set(tables.members["line"]) | set(tables.events["line"])
    used |= set(tables.counts["line"]) | set(tables.claims["line"])
    used |= {int(line) for text in tables.issues["lines"] for line in text.split(";")}
    inside = [line for line in briefs[theater].lines() if line in used]
    assert inside == briefs[theater].lines()


@pytest.mark.parametrize("theater", brief.THEATERS)
def test_the_brief_is_its_sections_in_order_and_is_deterministic(tables, briefs, theater):
    sections = briefs[theater].sections
    assert sections == tuple(section(tables, theater) for section in brief.SECTIONS)
    assert all(section.paragraphs for section in sections)
    assert theater in sections[0].markdown()
    assert briefs[theater].markdown() == brief.build(brief.load(), theater).markdown()


def test_each_theater_renders_a_different_brief(briefs):
    for a, b in itertools.combinations(brief.THEATERS, 2):
        for one, other in zip(briefs[a].sections, briefs[b].sections):
            assert one.markdown() != other.markdown(), (a, b, one.heading)


def test_combined_numbers_are_marked_as_combined(briefs):
    for theater in ("Iraq", "Syria"):
        air = briefs[theater].sections[2].markdown()
        assert f"{theaters.COMBINED} combined" in air
    assert theaters.COMBINED not in briefs["Libya"].markdown()


def test_air_section_numbers_are_stated_by_their_rows_on_cited_lines(tables, briefs):
    known, checked = rowfacts.facts(), 0
    for theater in brief.THEATERS:
        for item in briefs[theater].sections[2].paragraphs:
            for number in tracing.numbers_in(item):
                if number.tag.kind != "id":
                    continue
                row = known[number.tag.body]
                assert numbers.mentions(row.quote, number.value), (number.text, row.id)
                assert row.line in brief.cited_lines(item)
                checked += 1
    assert checked >= 20


@pytest.mark.parametrize("theater", brief.THEATERS)
def test_the_claims_breakdowns_add_up_to_the_total(briefs, theater):
    text = briefs[theater].sections[3].markdown()
    total = int(re.search(r"reports (\d+) \[#", text).group(1))
    for head in ("By source:", "By precision:"):
        sentence = text[text.index(head):].split("\n")[0]
        parts = [part for part in sentence.split("; ") if "disputed" not in part]
        assert sum(int(re.search(r"(\d+) \[#", part).group(1)) for part in parts) == total, sentence


def test_the_rendered_brief_shows_each_id_as_a_note_with_line_and_quote(briefs):
    rendered = briefs["Libya"].rendered()
    ids = {(tag.kind, tag.body) for tag in tracing.tags(briefs["Libya"].markdown())}
    assert not tracing.tags(rendered) and "**Notes**" in rendered
    notes = rendered.split("**Notes**")[1].strip().splitlines()
    assert len(notes) == len(ids) and all("article line" in note for note in notes if "the number of" not in note)
    assert briefs["Libya"]._repr_markdown_() == rendered


# --- figures and exercises -----------------------------------------------------------------------

@pytest.mark.parametrize("theater", brief.THEATERS)
def test_events_figure_and_its_alt_text(tables, theater, without_pixels):
    events = theaters.in_theater(tables.events, theater)
    fig, ax = plots.new("t", xlabel="Date (year)", ylabel="Event type", source="events table")
    labels = figures.draw_events(ax, events)
    assert len(labels) == events["event_type"].nunique()
    alt = figures.describe_events(events, theater)
    assert theater in alt and f"{len(events)} events" in alt
    plots.show(fig, alt=alt)


@pytest.mark.parametrize("theater", brief.THEATERS)
def test_claims_alt_text(tables, theater):
    rated = brief.trust(theaters.claims_in(tables.claims, theater), brief.issues_for(tables, theater))
    alt = figures.describe_claims(rated.assign(until=rated["period_end"]), theater, log=True)
    assert alt.startswith(f"{len(rated)} death claims for {theater}")


@pytest.mark.parametrize("theater", brief.THEATERS)
def test_key_events_are_in_date_order_in_distinct_months(tables, theater):
    steps = bank.key_events(theaters.in_theater(tables.events, theater))
    assert 2 <= len(steps) <= 5
    assert steps["date"].is_monotonic_increasing
    assert not steps["date"].dt.to_period("M").duplicated().any()
    assert not steps["event_type"].duplicated().any()
    assert (steps["date_precision"].astype(str) != "year").all()


@pytest.mark.parametrize("theater", brief.THEATERS)
def test_campaign_starts_count_each_actor_once(tables, theater):
    events = theaters.in_theater(tables.events, theater)
    starts = campaigns.first_dates(events, "campaign_start")
    assert len(starts) == events.loc[events["event_type"] == "campaign_start", "actor"].nunique() >= 1


def test_a_recorded_table_contradiction_is_not_listed_twice(tables):
    text = brief.problems(tables, "Iraq").markdown()
    assert "Table against text" not in text and "Australia" in text
    unrecorded = tables.issues[tables.issues["issue_id"] != "australia_iraq_table_vs_text"]
    text = brief.problems(dataclasses.replace(tables, issues=unrecorded), "Iraq").markdown()
    assert "Table against text: Australia" in text


def test_a_claim_of_one_death_is_written_in_the_singular():
    import pandas as pd

    one = pd.Series({"low": 1, "high": 1, "vague": False, "victim_category": "coalition_personnel", "claimant": "x"})
    assert brief.claim_text(one) == "1 coalition soldier (x)"
    assert brief.claim_text(one.copy().replace({"high": 1}).set_axis(one.index).pipe(
        lambda row: row.where(row.index != "high", 5))) == "between 1 and 5 coalition soldiers (x)"
