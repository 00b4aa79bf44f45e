"""Coalition membership as sets: the topic module of lesson 02, on small frames and on the real tables."""

from __future__ import annotations

import pandas as pd
import pytest

from warcourse import coalitions as co
from warcourse import data, dates, plots
from warcourse.catalogue import Lesson
from warcourse.paths import EXERCISES, NOTEBOOKS

LESSON = NOTEBOOKS / "02_coalition_formation.ipynb"
EXERCISE_SET = EXERCISES / "solutions" / "02_coalition_formation.ipynb"


def rows(*items):
    """A small coalition_members frame from (coalition_id, country, iso3, basis) tuples."""
    frame = pd.DataFrame(items, columns=["coalition_id", "country", "iso3", "basis"])
    frame["line"] = 1
    frame["quote"] = "q"
    return frame


SMALL = rows(
    ("a", "France", "FRA", "named"), ("a", "Jordan", "JOR", "named"), ("a", "Poland", "POL", "excluded"),
    ("b", "France", "FRA", "by_reference"), ("b", "Chad", "TCD", "named"),
    ("c", "Chad", "TCD", "named"), ("c", "Jordan", "JOR", "named"), ("c", "Japan", "JPN", "named"),
)
SMALL_COALITIONS = pd.DataFrame({
    "coalition_id": ["a", "b", "c", "d"],
    "kind": ["coalition", "meeting", "coalition", "operation"],
    "date": pd.to_datetime(["2014-09-05", "2014-12-03", "2015-05-01", "2016-01-01"]),
    "date_precision": ["day", "day", "month", "year"],
    "stated_members": pd.array([2, 3, pd.NA, pd.NA], dtype="Int64"),
    "line": [10, 5, 20, 30],
})


@pytest.fixture(scope="module")
def members():
    return data.coalition_members()


@pytest.fixture(scope="module")
def coalitions():
    return data.coalitions()


# -- small hand-made frames ---------------------------------------------------------------------------

def test_label_can_carry_the_kind():
    assert co.label("paris_2014") == "Paris"
    assert co.label("paris_2014", {"paris_2014": "meeting"}) == "Paris (meeting)"
    assert co.label("zzz") == "zzz"


def test_members_of_leaves_out_excluded_rows():
    assert co.members_of(SMALL, "a") == {"France", "Jordan"}
    assert co.members_of(SMALL, "a", basis=("excluded",)) == {"Poland"}
    assert co.members_of(SMALL, "zzz") == set()


def test_date_text_follows_precision():
    date = pd.Timestamp("2015-09-01")
    assert dates.at_precision(date, "day") == "1 September 2015"
    assert dates.at_precision(date, "month") == "September 2015"
    assert dates.at_precision(date, "year") == "2015"


def test_in_period_keeps_early_coalitions_in_date_order():
    assert list(co.in_period(SMALL_COALITIONS, last_year=2015)["coalition_id"]) == ["a", "b", "c"]


def test_count_check_compares_stated_with_listed():
    out = co.count_check(SMALL_COALITIONS, SMALL).set_index("coalition_id")
    assert out["listed"].tolist() == [2, 2, 3, 0]
    assert out.loc["a", "difference"] == 0 and out.loc["b", "difference"] == -1
    assert pd.isna(out.loc["c", "difference"])


def test_kind_summary_counts_entries_lists_and_rows_per_kind():
    out = co.kind_summary(SMALL_COALITIONS, SMALL)
    assert list(out.index) == list(co.KINDS)
    assert out.loc["coalition"].tolist() == [2, 2, 5]
    assert out.loc["meeting"].tolist() == [1, 1, 2]
    assert out.loc["operation"].tolist() == [1, 0, 0]


def test_kinds_are_the_tables_vocabulary(coalitions):
    assert set(coalitions["kind"].astype(str)) == set(co.KINDS)
    kind = coalitions.set_index("coalition_id")["kind"]
    assert kind["paris_2014"] == "meeting" and kind["syria_airstrikes_2014"] == "operation"


def test_first_appearances_counts_each_country_once():
    out = co.first_appearances(SMALL_COALITIONS, SMALL)
    assert out["new_countries"].tolist() == [2, 1, 1, 0]
    assert out["countries_so_far"].tolist() == [2, 3, 4, 4]


def test_membership_matrix_keeps_basis_and_column_order():
    out = co.membership_matrix(SMALL, ["b", "a"])
    assert list(out.columns) == ["b", "a"]
    assert out.loc["Poland"].tolist() == ["", "excluded"]
    assert out.loc["France"].tolist() == ["by_reference", "named"]


def test_by_region_groups_and_sorts():
    matrix = co.membership_matrix(SMALL, ["a", "b", "c"])
    countries = SMALL[["country", "iso3"]].drop_duplicates()
    out = co.by_region(matrix, countries)
    assert list(out.columns[:2]) == ["continent", "region"]
    assert list(out.index) == ["Chad", "Japan", "Jordan", "Poland", "France"]


def test_overlaps_counts_shared_members():
    out = co.overlaps(SMALL, ["a", "b", "c"])
    assert out.loc["a", "a"] == 2 and out.loc["a", "b"] == 1 and out.loc["b", "c"] == 1
    assert out.loc["a", "c"] == 1
    assert (out.to_numpy() == out.to_numpy().T).all()


def test_region_counts_by_continent():
    out = co.region_counts(SMALL, ["a", "c"])
    assert out.loc["Asia"].tolist() == [1, 2] and out.loc["Europe"].tolist() == [1, 0]


def test_theater_comparison_splits_the_involved():
    involvement = pd.DataFrame({
        "country": ["France", "France", "Chad", "Chad", "Japan", "Japan"],
        "theater": pd.Categorical(["Iraq", "Libya"] * 3, categories=["Iraq", "Libya", "Nigeria"]),
        "involved": pd.array([True, True, False, True, True, False], dtype="boolean"),
    })
    out = co.theater_comparison(involvement, {"France", "Chad"})
    assert out.to_dict("index") == {
        "Iraq": {"involved": 2, "in_coalition": 1, "not_in_coalition": 1},
        "Libya": {"involved": 2, "in_coalition": 2, "not_in_coalition": 0},
        "Nigeria": {"involved": 0, "in_coalition": 0, "not_in_coalition": 0},
    }


# -- the real tables ----------------------------------------------------------------------------------

def test_labels_and_focus_cover_the_table(coalitions, members):
    assert set(co.LABELS) == set(coalitions["coalition_id"])
    assert set(co.FOCUS) <= set(co.member_rows(members)["coalition_id"])


def test_paris_resolves_from_its_wording(members):
    wales = co.members_of(members, "wales_2014")
    paris = (wales - co.members_of(members, "paris_2014", basis=("excluded",))) \
        | co.members_of(members, "paris_2014", basis=("named",))
    assert paris == co.members_of(members, "paris_2014")


def test_brussels_resolves_from_its_wording(members):
    wales = co.members_of(members, "wales_2014")
    paris_named = co.members_of(members, "paris_2014", basis=("named",))
    excluded = co.members_of(members, "brussels_2014", basis=("excluded",))
    named = co.members_of(members, "brussels_2014", basis=("named",))
    assert wales | (paris_named - excluded) | named == co.members_of(members, "brussels_2014")


def test_every_count_mismatch_is_a_recorded_inconsistency(coalitions, members):
    checks = co.count_check(coalitions, members).merge(coalitions[["coalition_id", "line"]], on="coalition_id")
    off = checks[checks["difference"].fillna(0) != 0]
    assert len(off) > 0
    recorded = data.inconsistencies()
    recorded = recorded[recorded["kind"] == "count_mismatch"]
    lines = {int(x) for cell in recorded["lines"] for x in str(cell).split(";")}
    assert set(off["line"].astype(int)) <= lines


def test_each_focus_has_one_largest_continent(members):
    counts = co.region_counts(members, co.FOCUS)
    for coalition in co.FOCUS:
        column = counts[coalition]
        assert (column == column.max()).sum() == 1, coalition


def test_figures_draw_for_every_focus(coalitions, members, without_pixels):
    """Each drawing function runs and lays out for every focus (painting is left to the lesson's nbval run)."""
    period = co.in_period(coalitions)
    ids = [c for c in period["coalition_id"] if c in set(members["coalition_id"])]
    grouped = co.by_region(co.membership_matrix(members, ids), data.countries())
    shared = co.overlaps(members, ids)
    fig, axes = plots.new("t", xlabel="x", ylabel="y", source="s", nrows=2)
    committed = co.first_appearances(period[period["kind"] == "coalition"], members)
    co.draw_timeline(axes, co.count_check(period, members), co.first_appearances(period, members), committed)
    assert plots.show(fig, alt="a timeline figure for the test").alt
    for focus in co.FOCUS:
        comparison = co.theater_comparison(data.involvement(), co.members_of(members, focus))
        fig, axes = plots.new("t", xlabel="x", ylabel="y", source="s", ncols=3, size=(24, 14))
        kinds = dict(zip(period["coalition_id"], period["kind"]))
        co.draw_matrix(axes[0], grouped, focus, kinds)
        co.draw_overlaps(axes[1], shared, focus, kinds)
        co.draw_theaters(axes[2], comparison, focus)
        assert plots.show(fig, alt="a three-panel figure for the test").alt


# -- the notebooks' parameters ------------------------------------------------------------------------

def test_lesson_parameters_match_the_module():
    params = Lesson(LESSON).parameters()
    assert params["coalition"].allowed == co.FOCUS and params["coalition"].default == co.FOCUS[0]
    assert params["show_solutions"].allowed == (True, False)


def test_exercise_set_parameters():
    params = Lesson(EXERCISE_SET, "solutions").parameters()
    assert params["show_solutions"].allowed == (True, False)
