"""Tests for warcourse.campaigns (lesson 03): theaters, running totals, headlines, campaign timelines."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warcourse import campaigns, data, numbers, plots, theaters, tracing
from warcourse.catalogue import Lesson
from warcourse.errors import UsageError
from warcourse.paths import ROOT

LESSON = ROOT / "notebooks" / "03_air_campaigns.ipynb"
DAY = pd.Timedelta(days=1)


@pytest.fixture(scope="module")
def counts() -> pd.DataFrame:
    return data.strike_counts()


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return data.events()


@pytest.fixture(scope="module")
def issues() -> pd.DataFrame:
    return data.inconsistencies().set_index("issue_id")


@pytest.fixture(scope="module")
def libya(counts) -> pd.DataFrame:
    return campaigns.running_total(counts, "United States", "Libya", "airstrikes")


def series(totals, ends, start="2016-08-01") -> pd.DataFrame:
    """A hand-made running total reported on the days ``ends``."""
    return pd.DataFrame({
        "actor": "A", "theater": "Libya", "metric": "airstrikes", "count_type": "cumulative",
        "value": pd.array(totals, dtype="Int64"), "period_start": pd.Timestamp(start),
        "period_end": pd.to_datetime(ends), "line": 1, "record_id": [f"r{i}" for i in range(len(totals))]})


# --- theaters ------------------------------------------------------------------------------------

def test_lesson_parameter_lists_the_module_theaters():
    assert Lesson(LESSON).parameters()["theater"].allowed == campaigns.THEATERS


@pytest.mark.parametrize("bad", ["Narnia", "iraq", "", None, 3])
def test_unknown_theater_names_the_article_theaters(bad):
    with pytest.raises(UsageError) as error:
        theaters.covered(bad)
    assert all(theater in str(error.value) for theater in campaigns.THEATERS if theater != "all")


def test_iraq_takes_the_combined_counts_but_not_syria(counts):
    iraq = set(theaters.in_theater(counts, "Iraq")["theater"].astype(str))
    assert iraq == {"Iraq", theaters.COMBINED}
    assert set(theaters.in_theater(counts, "Libya")["theater"].astype(str)) == {"Libya"}
    assert len(theaters.in_theater(counts, "all")) == len(counts)


@pytest.mark.parametrize("theater", campaigns.THEATERS)
def test_every_theater_has_counts_campaigns_and_totals(theater, counts, events):
    chosen = theaters.in_theater(counts, theater)
    assert len(campaigns.headlines(chosen))
    marks = campaigns.campaign_events(events, theater)
    assert len(campaigns.campaign_spans(marks))
    assert len(campaigns.milestones(marks)) >= 2
    assert len(campaigns.mixing_rows(counts, theater))
    assert theater in theaters.scope_text(theater) or theater == "all"


# --- dates ---------------------------------------------------------------------------------------

def test_with_days_reads_month_and_year_precision():
    frame = pd.DataFrame({"period_start": pd.to_datetime(["2016-08-01", "2016-01-01", "2016-10-07"]),
                          "period_end": pd.to_datetime(["2016-08-01", "2016-01-01", "2016-10-10"]),
                          "date_precision": pd.Categorical(["month", "year", "day"])})
    out = campaigns.with_days(frame)
    assert list(out["end"]) == list(pd.to_datetime(["2016-08-31", "2016-12-31", "2016-10-10"]))
    assert list(out["days"]) == [31, 366, 4]


# --- running totals ------------------------------------------------------------------------------

def test_period_counts_subtract_consecutive_totals():
    out = campaigns.period_counts(series([28, 48, 57, 175], ["2016-08-09", "2016-08-16", "2016-08-16", "2016-09-26"]))
    assert list(out["in_period"]) == [28, 20, 9, 118]
    assert list(out["days"]) == [9, 7, 0, 41]
    assert out["after"].iloc[0] == pd.Timestamp("2016-07-31")


def test_running_total_orders_same_day_reports_by_size(libya):
    assert libya["period_end"].is_monotonic_increasing
    assert libya["value"].is_monotonic_increasing


def test_total_at_and_bounds():
    s = series([10, 30], ["2016-08-05", "2016-08-10"])
    assert campaigns.total_at(s, pd.Timestamp("2016-07-01")) == (0, 0)
    assert campaigns.total_at(s, pd.Timestamp("2016-08-07")) == (10, 30)
    assert campaigns.total_at(s, pd.Timestamp("2016-08-10")) == (30, 30)
    assert campaigns.total_at(s, pd.Timestamp("2016-09-01")) == (30, None)
    assert campaigns.count_bounds(s, pd.Timestamp("2016-08-06"), pd.Timestamp("2016-08-10")) == (20, 20)
    assert campaigns.count_bounds(s, pd.Timestamp("2016-08-01"), pd.Timestamp("2016-08-07")) == (10, 30)
    assert campaigns.count_bounds(s, pd.Timestamp("2016-08-08"), pd.Timestamp("2016-09-01")) == (0, None)


@settings(max_examples=80)
@given(st.lists(st.integers(0, 30), min_size=3, max_size=40), st.data())
def test_bounds_always_contain_the_true_count(daily, draw):
    """From made-up daily strikes, report some running totals: every true period count lies in its bounds."""
    days = pd.date_range("2016-08-01", periods=len(daily))
    totals = pd.Series(daily, index=days).cumsum()
    reported = sorted(draw.draw(st.sets(st.integers(0, len(daily) - 1), min_size=1)))
    s = series([int(totals.iloc[i]) for i in reported], [days[i] for i in reported])
    first = draw.draw(st.integers(0, len(daily) - 1))
    last = draw.draw(st.integers(first, len(daily) - 1))
    low, high = campaigns.count_bounds(s, days[first], days[last])
    true = sum(daily[first:last + 1])
    assert low <= true and (high is None or true <= high)
    periods = campaigns.period_counts(s)
    assert (periods["in_period"] >= 0).all() and periods["in_period"].sum() == s["value"].iloc[-1]


def test_libya_period_counts_are_non_negative_and_the_odd_ones_are_recorded(libya, issues):
    periods = campaigns.period_counts(libya)
    assert (periods["in_period"] >= 0).all()
    assert periods["in_period"].sum() == libya["value"].iloc[-1]
    same_day = periods[periods["days"] == 0]
    assert len(same_day) == 1
    lines = issues.loc["libya_two_totals_16_august", "lines"].split(";")
    assert str(int(same_day["line"].iloc[0])) in lines
    assert f"{same_day['in_period'].iloc[0]}" in issues.loc["libya_two_totals_16_august", "description"]


def test_strikes_after_the_announced_end_match_the_inconsistency(libya, issues):
    end = libya.loc[libya["record_id"] == "us_libya_2016_10_31", "value"].item()
    after = libya["value"].iloc[-1] - end
    assert str(after) in issues.loc["libya_campaign_ended_then_continued", "description"]


def test_libya_reported_counts_fit_alone_and_the_months_add_up(counts, libya):
    reported = campaigns.reported_counts(counts, libya)
    checked = campaigns.reconcile(libya, reported)
    assert len(checked) >= 4 and checked["fits"].all()
    assert (checked["end"] <= libya["period_end"].max()).all()
    # one report (22 September): August, and September up to the report date, which ends the count
    line = reported.loc[reported["date_precision"] == "month", "line"].iloc[0]
    pair = reported[reported["line"] == line].sort_values("start")
    assert len(pair) == 2 and pair["end"].iloc[-1] == pd.Timestamp("2016-09-22")
    low, high = campaigns.total_at(libya, pair["end"].iloc[-1])
    assert low <= pair["value"].sum() <= high  # 108 + 50 = 158 by 22 September, between 57 and 175


# --- contributions -------------------------------------------------------------------------------

def test_headlines_prefer_the_latest_running_total_then_periods_then_events():
    frame = pd.DataFrame({
        "record_id": list("abcdef"), "actor": ["X"] * 3 + ["Y"] * 3, "theater": "Iraq",
        "metric": pd.Categorical(["airstrikes"] * 6),
        "value": pd.array([50, 40, 900, 7, 9, 300], dtype="Int64"),
        "count_type": ["cumulative", "cumulative", "period", "period", "period", "single_event"],
        "period_start": pd.to_datetime(["2015-01-01"] * 6),
        "period_end": pd.to_datetime(["2015-02-01", "2015-03-01", "2015-12-01", "2015-02-01", "2015-03-01",
                                      "2015-01-01"]),
        "date_precision": "day", "target": "ISIL", "line": 1, "quote": "q"})
    heads = campaigns.headlines(frame).set_index("actor")
    assert heads.loc["X", "record_id"] == "b"  # latest running total, though smaller than the period count
    assert heads.loc["Y", "record_id"] == "e"  # latest period count, not the larger single event


def test_headlines_keep_one_row_per_actor_theater_metric_target(counts):
    heads = campaigns.headlines(counts)
    assert not heads.duplicated(["actor", "theater", "metric", "target"]).any()
    assert set(heads["record_id"]) <= set(counts["record_id"])


def test_headlines_never_merge_targets(counts):
    """Line 411: the Taliban-inclusive 'more than 1,000' and the al-Qaeda 57 stay beside the ISIL count."""
    afghan = campaigns.headlines(counts[counts["theater"] == "Afghanistan"])
    us = afghan[(afghan["actor"] == "United States") & (afghan["metric"] == "airstrikes")].set_index("target")
    assert us.loc["ISIL", "record_id"] == "us_afghanistan_2016_strikes_isk"
    assert {"al-Qaeda", "several"} <= set(us.index.astype(str))


@pytest.mark.parametrize(("record", "text"), [
    ("coalition_2015_01_15_airstrikes", "over 16,000"), ("coalition_2015_07_21_sorties", "nearly 44,000"),
    ("coalition_afghanistan_2016_04_airstrikes", "between 70 and 80"), ("us_libya_2016_10_17", "324"),
    ("us_afghanistan_2016_01_operations", "at least 12"), ("us_iraq_syria_2014_09_sorties", "3,800")])
def test_amount_keeps_the_qualifier(counts, record, text):
    assert campaigns.amount(counts.set_index("record_id").loc[record]) == text


@pytest.mark.parametrize(("record", "text"), [
    ("us_2015_munitions_all_theaters", "2015"), ("us_libya_2016_08", "August 2016"),
    ("us_iraq_syria_2014_09_sorties", "8 August 2014 – 30 September 2014"),
    ("us_syria_2014_09_22_khorasan", "22 September 2014"), ("us_libya_2016_08_16_positions", "until 16 August 2016")])
def test_when_shows_periods_at_their_precision(counts, record, text):
    assert campaigns.readable(counts[counts["record_id"] == record])["when"].item() == text


def test_plural():
    assert campaigns.plural(1, "airstrike") == "1 airstrike"
    assert campaigns.plural(1128, "airstrike") == "1,128 airstrikes"


def test_uncounted_actors_in_syria(counts, events):
    quiet = campaigns.uncounted(counts, events, "Syria")
    assert {"Russia", "Jordan", "Turkey"} <= set(quiet["actor"])
    assert not {"United States", "Canada", "Netherlands"} & set(quiet["actor"])  # counted (combined)
    assert campaigns.uncounted(counts, events, "Afghanistan").empty


def test_without_counts_are_countries_and_never_counted(counts, events):
    deployments, countries = data.deployments(), data.countries()
    for theater in campaigns.THEATERS:
        others = campaigns.without_counts(counts, events, deployments, countries, theater)
        assert others and not set(others) & set(theaters.in_theater(counts, theater)["actor"])
        assert set(others) <= set(countries["country"])


# --- campaigns over time -------------------------------------------------------------------------

def test_first_dates_take_the_most_precise_report(events):
    starts = campaigns.first_dates(events, "campaign_start").set_index(["actor", "theater"])
    us = starts.loc[("United States", "Iraq")]
    assert us["date_precision"] == "day" and us["date"] == pd.Timestamp("2014-08-08")


def test_an_end_in_iraq_and_syria_ends_both_campaigns(events):
    spans = campaigns.campaign_spans(campaigns.campaign_events(events, "all")).set_index(["actor", "theater"])
    assert spans.loc[("Canada", "Iraq"), "end"] == spans.loc[("Canada", "Syria"), "end"]
    assert pd.notna(spans.loc[("Canada", "Syria"), "end"])


def test_libya_strikes_after_the_end_are_counted(events):
    spans = campaigns.campaign_spans(campaigns.campaign_events(events, "Libya")).set_index("actor")
    assert spans.loc["United States", "strikes_after_end"] >= 1


@pytest.mark.parametrize("theater", campaigns.THEATERS)
def test_milestones_are_alone_in_their_month_and_in_order(theater, events):
    steps = campaigns.milestones(campaigns.campaign_events(events, theater))
    assert 2 <= len(steps) <= 5
    assert steps["date"].is_monotonic_increasing
    assert not steps["date"].dt.to_period("M").duplicated().any()


def test_explain_cites_the_lines(issues):
    text = campaigns.explain(issues, "coalition_16000_airstrikes")
    assert "208, 210, 214, 478" in text and "implausible" in text


def test_the_16000_airstrikes_run_at_a_sortie_rate(counts):
    both = counts[counts["theater"] == theaters.COMBINED]
    rates = campaigns.daily_rates(both).set_index("record_id")["per_day"]
    claim = rates["coalition_2015_01_15_airstrikes"]
    assert abs(claim - rates["coalition_2015_07_21_sorties"]) < abs(claim - rates["coalition_2019_03_strikes"])
    assert claim > 4 * rates["coalition_2019_03_strikes"]


# --- figures -------------------------------------------------------------------------------------

@pytest.mark.parametrize("theater", campaigns.THEATERS)
def test_figures_draw_for_every_theater(theater, counts, events, without_pixels):
    heads = campaigns.headlines(theaters.in_theater(counts, theater))
    fig, ax = plots.new("t", xlabel="Reported number (count)", ylabel="Actor", source="s")
    campaigns.draw_contributions(ax, heads, theater != "all")
    assert "log scale" in plots.show(fig, alt=campaigns.describe_contributions(heads, theater)).alt
    marks = campaigns.campaign_events(events, theater)
    spans = campaigns.campaign_spans(marks)
    fig, ax = plots.new("t", xlabel="Date", ylabel="Campaign", source="s")
    campaigns.draw_timeline(ax, marks, spans, theater != "all")
    assert f"{len(spans)} campaign" in plots.show(fig, alt=campaigns.describe_timeline(spans, theater)).alt
    rows = campaigns.mixing_rows(counts, theater)
    fig, (wrong, right) = plots.new("t", xlabel="Date", ylabel="Strikes (count)", source="s", nrows=2)
    campaigns.draw_wrong(wrong, rows)
    campaigns.draw_right(right, rows)
    assert f"{len(rows)} numbers" in plots.show(fig, alt=campaigns.describe_mixing(rows, theater)).alt


@pytest.mark.parametrize("theater", campaigns.THEATERS)
def test_no_two_value_labels_of_the_contributions_chart_overlap(theater, counts):
    """Labels of close markers go above, below or beside them; none runs into another, in its row or the next."""
    heads = campaigns.headlines(theaters.in_theater(counts, theater))
    fig, ax = plots.new("t", xlabel="Reported number (count)", ylabel="Actor", source="s")
    campaigns.draw_contributions(ax, heads, theater != "all")
    fig.draw_without_rendering()  # lays the figure out, as drawing it would
    renderer = fig.canvas.get_renderer()
    boxes = [(label.get_text(), label.get_window_extent(renderer).expanded(1.0, 0.8)) for label in ax.texts]
    overlapping = [(a, b) for i, (a, box) in enumerate(boxes) for b, other in boxes[i + 1:] if box.overlaps(other)]
    plt.close(fig)
    assert overlapping == []


def test_running_figure(libya):
    periods = campaigns.period_counts(libya)
    end = libya[libya["record_id"] == "us_libya_2016_10_31"].iloc[0]
    fig, (top, bottom) = plots.new("t", xlabel="Date", ylabel="Airstrikes (count)", source="s", nrows=2)
    campaigns.draw_running(top, bottom, periods, end["period_end"])
    alt = plots.show(fig, alt=campaigns.describe_running(periods, end)).alt
    assert f"{libya['value'].iloc[-1]:,}" in alt and "announced end" in alt


def test_spans_give_dates_at_their_precision(events):
    spans = campaigns.campaign_spans(campaigns.campaign_events(events, "all")).set_index(["actor", "theater"])
    assert spans.loc[("United States", "Afghanistan"), "started"] == "January 2016"  # month precision
    assert spans.loc[("Canada", "Iraq"), "ended"] == "22 February 2016"
    assert spans.loc[("United States", "Afghanistan"), "ended"] == ""
    afghan = campaigns.campaign_spans(campaigns.campaign_events(events, "Afghanistan"))
    assert "(January 2016)" in campaigns.describe_timeline(afghan, "Afghanistan")


def test_during_says_over_which_days_in_a_sentence():
    row = {"count_type": "cumulative", "period_start": pd.Timestamp("2016-08-01"),
           "period_end": pd.Timestamp("2016-12-19"), "date_precision": "day"}
    assert campaigns.during(row) == "by 19 December 2016"
    assert campaigns.during({**row, "count_type": "single_event"}) == "on 19 December 2016"
    assert campaigns.during({**row, "count_type": "period"}) == "over 1 August 2016 – 19 December 2016"
    year = {"count_type": "period", "period_start": pd.Timestamp("2016-01-01"),
            "period_end": pd.Timestamp("2016-01-01"), "date_precision": "year"}
    assert campaigns.during(year) == "in 2016"


@pytest.mark.parametrize("low, high, vague, quote, written", [
    (16000, None, False, "over 16,000 airstrikes", "over 16,000"),
    (None, 44000, True, "nearly 44,000 sorties", "nearly 44,000"),
    (70, 80, False, "between 70 and 80 airstrikes", "between 70 and 80"),
    (600, 800, True, "an estimated 600 to 800 fighters", "an estimated 600 to 800"),  # a vague range keeps its hedge
    (1500, 3000, True, "an estimated strength of between 1,500 and 3,000", "about 1,500 to 3,000"),
    (324, 324, False, "bringing the number up to 324", "324"),  # an exact count: no qualifier
    (12, 12, True, "An estimated dozen U.S. special forces", "an estimated 12"),  # a number in words
    (31500, 31500, True, "estimated to have grown during this period to around 31,500", "around 31,500"),
    (20000, 20000, True, "the 20,000 estimated killed", "about 20,000"),  # the word after it is no qualifier
    (70, None, False, "70 F-16 fighter jets", "at least 70"),
])
def test_a_count_keeps_the_qualifier_its_quote_puts_before_it(low, high, vague, quote, written):
    """``campaigns.amount`` (tables, choices) and ``tracing.written`` (the brief) write counts alike."""
    row = {"low": low if low is not None else pd.NA, "high": high if high is not None else pd.NA, "vague": vague,
           "quote": quote}
    assert campaigns.amount(row) == written
    tagged = tracing.bounded(low, high, vague, quote, "[id]")
    numbers = 2 if None not in (low, high) and low != high else 1
    assert tagged.replace(" [id]", "") == written and tagged.count("[id]") == numbers


@given(st.integers(1, 10**7), st.sampled_from(["lower", "upper", "about"]), st.data())
def test_a_qualifier_before_the_number_is_kept_for_any_number(value, bound, data):
    """Whatever the number, the word the quote puts right before it is the one written (when it fits the
    bound); another number's word elsewhere in the quote is not."""
    words = {"lower": numbers.LOWER, "upper": numbers.UPPER, "about": ("about", "around", "an estimated")}[bound]
    word = data.draw(st.sampled_from(words))
    low, high = {"lower": (value, None), "upper": (None, value), "about": (value, value)}[bound]
    quote = f"officials said nearly 3 in all, then {word} {value:,} fighters"
    assert tracing.bounded(low, high, bound == "about", quote) == f"{word} {value:,}"


def test_a_count_without_bounds_is_refused_naming_its_quote():
    with pytest.raises(ValueError, match="the planes flew"):
        tracing.bounded(None, None, False, "the planes flew")


def test_set_aside_names_the_same_days_counts_the_headline_left_out():
    """Canada's 80 fighting positions stand for its targets on the chart; its 10 storage facilities and 19
    vehicles of the same days (which practice 03 adds up) are shown as set aside, never silently dropped."""
    counts = data.strike_counts()
    heads = campaigns.headlines(counts)
    aside = campaigns.set_aside(counts, heads)
    canada = aside[(aside["actor"] == "Canada") & (aside["metric"] == "targets")]
    assert sorted(canada["value"]) == [10, 19]
    assert not set(aside["record_id"]) & set(heads["record_id"])
    keys = ["actor", "metric", "target", "count_type", "period_start", "period_end"]
    assert aside[keys].merge(heads[keys]).shape[0] >= len(aside)
