"""Tests for warcourse.casualties (lesson 04): bounds, scopes, periods, rates and strength estimates."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from warcourse import casualties, data, dates, numbers, plots
from warcourse.catalogue import Lesson
from warcourse.errors import UsageError
from warcourse.paths import ROOT

LESSON = ROOT / "notebooks" / "04_casualty_accounting.ipynb"
NA = pd.NA


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return data.casualty_claims()


@pytest.fixture(scope="module")
def by_id(claims) -> pd.DataFrame:
    return claims.set_index("claim_id")


@pytest.fixture(scope="module")
def strength() -> pd.DataFrame:
    return data.strength_estimates()


@pytest.fixture(scope="module")
def campaign_start():
    strikes = data.strike_counts().set_index("record_id")
    return strikes.loc["coalition_2019_03_strikes", "period_start"]


def claim(low, high, *, vague=False, start="2015-01-01", end="2015-03-01", precision="month",
          place="Iraq and Syria", victims="civilians") -> dict:
    """One hand-made claim row."""
    return {"claim_id": f"c{low}_{high}_{start}", "claimant_type": "ngo", "victim_category": victims,
            "low": low, "high": high, "vague": vague, "period_start": pd.Timestamp(start) if start else pd.NaT,
            "period_end": pd.Timestamp(end), "date_precision": precision, "place": place,
            "line": 1, "quote": "q"}


def frame(*rows) -> pd.DataFrame:
    table = pd.DataFrame(list(rows))
    table[["low", "high"]] = table[["low", "high"]].astype("Int64")
    return table


# --- parameters --------------------------------------------------------------------------------------

def test_lesson_parameter_lists_the_module_categories():
    assert Lesson(LESSON).parameters()["victim_category"].allowed == casualties.VICTIM_CATEGORIES


def test_every_category_in_focus_exists_in_the_table_and_changes_the_rows(claims):
    sizes = set()
    for category in casualties.VICTIM_CATEGORIES:
        focused = casualties.focus(claims, category)
        sizes.add(len(focused))
        if category == "all":
            assert len(focused) == len(claims)
        else:
            assert len(focused) > 0 and set(focused["victim_category"]) == {category}
    assert len(sizes) == len(casualties.VICTIM_CATEGORIES)


@pytest.mark.parametrize("bad", ["Civilians", "coalition_personnel", "", None])
def test_unknown_category_names_the_allowed_ones(claims, bad):
    with pytest.raises(UsageError, match="isil_fighters"):
        casualties.focus(claims, bad)


# --- bounds ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("low, high, vague, kind, words", [
    (450, 450, False, "exact", "450"),
    (500, 500, True, "exact", "about 500"),
    (815, 1149, False, "range", "between 815 and 1,149"),
    (1000, 1500, True, "range", "about 1,000 to 1,500"),
    (6000, NA, False, "lower bound", "at least 6,000"),
    (200, None, True, "lower bound", "at least 200 (vague)"),
    (NA, 50000, True, "upper bound", "at most 50,000"),
    (None, None, NA, "none", "no number"),
])
def test_bounds_in_words(low, high, vague, kind, words):
    assert casualties.bound_kind(low, high) == kind
    assert casualties.describe_bounds(low, high, vague) == words


def test_readings_agree_with_the_words_of_the_quotes(claims):
    read = casualties.readings(claims)
    assert not read["bounds"].eq("none").any()
    for row in read.itertuples():
        found = numbers.find_quantities(row.quote, include_one=True)
        if len(found) == 1:
            assert casualties.bound_kind(found[0].low, found[0].high) == row.bounds, row.claim_id


def test_bound_counts_keeps_only_groups_present_and_counts_every_claim():
    table = frame(claim(1, 1), claim(2, NA), claim(NA, 3), claim(4, 5), claim(6, NA)).assign(
        claimant_type=pd.Categorical(["ngo", "ngo", "media", "media", "ngo"],
                                     categories=["government", "ngo", "media"]))
    counts = casualties.bound_counts(table)
    assert list(counts.index) == ["ngo", "media"]
    assert counts.loc["ngo"].to_dict() == {"exact": 1, "range": 0, "lower bound": 2, "upper bound": 0}
    assert counts.loc["media"].to_dict() == {"exact": 0, "range": 1, "lower bound": 0, "upper bound": 1}
    assert int(counts.to_numpy().sum()) == len(table)


# --- periods and scope -------------------------------------------------------------------------------

def test_a_year_covers_january_to_december_and_a_month_itself():
    table = frame(claim(1, 1, start="2017-01-01", end="2017-01-01", precision="year"),
                  claim(1, 1, start="2014-08-08", end="2015-02-23", precision="day"),
                  claim(1, 1, start=None, end="2017-02-01"))
    months = casualties.months(table)
    assert [str(m) for m in months["first_month"]] == ["2017-01", "2014-08", "NaT"]
    assert [str(m) for m in months["last_month"]] == ["2017-12", "2015-02", "2017-02"]


def test_end_dates_fall_inside_the_last_unit_of_the_period(claims):
    ends = casualties.end_dates(claims)
    units = {"day": "D", "month": "M", "year": "Y"}
    for end, when, precision in zip(claims["period_end"], ends, claims["date_precision"]):
        assert end.to_period(units[precision]) == when.to_period(units[precision])


@pytest.mark.parametrize("start, end, precision, text", [
    ("2014-08-01", "2015-08-01", "month", "Aug 2014 – Aug 2015"),
    ("2017-01-01", "2017-01-01", "year", "2017"),
    ("2015-02-05", "2015-02-07", "day", "5 Feb 2015 – 7 Feb 2015"),
    (None, "2016-02-22", "day", "until 22 Feb 2016"),
])
def test_period_text(start, end, precision, text):
    start = pd.Timestamp(start) if start else pd.NaT
    assert dates.period(start, pd.Timestamp(end), precision, short=True) == text


def test_the_lessons_comparisons(by_id):
    assert casualties.comparable(by_id.loc["airwars_2015_08"], by_id.loc["coalition_2015_08_acknowledged"])
    assert casualties.comparable(by_id.loc["andrews_2015_02"], by_id.loc["austin_2015_02_23"])
    apart = casualties.scope_differences(by_id.loc["amnesty_airwars_raqqa_2017"],
                                         by_id.loc["coalition_2019_03_civilians"])
    assert [d.split(":")[0] for d in apart] == ["place", "first month", "last month"]
    assert casualties.scope_differences(by_id.loc["jordan_2015_02_08"], by_id.loc["austin_2015_02_23"]) == [
        "first month: 2015-02 vs 2014-08"]


def test_comparability_is_reflexive_and_symmetric(claims):
    rows = [row for _, row in claims.iterrows()]
    for a in rows:
        assert casualties.comparable(a, a)
    for a, b in zip(rows, rows[1:] + rows[:1]):
        assert casualties.comparable(a, b) == casualties.comparable(b, a)


def test_shared_scopes_the_lesson_describes(claims):
    keyed = pd.concat([claims[["claim_id"]], casualties.scope(claims)], axis=1)
    groups = keyed.groupby(list(casualties.SCOPE), observed=True)["claim_id"].agg(frozenset)
    shared = {group for group in groups if len(group) > 1}
    for pair in ({"jordan_2015_02_08", "jordan_2015_02_restated"},       # told twice
                 {"nicholson_2016_fighters", "nicholson_2016_leaders"},   # a part and its whole
                 {"yemen_2017_10_23_first", "yemen_2017_10_23_second"},   # two strikes, one day
                 {"libya_2017_01_18_nbc", "libya_2017_01_18_official"}):  # two claimants, same deaths
        assert pair in shared


def test_running_totals(claims, campaign_start):
    isil = claims[claims["victim_category"].eq("isil_fighters") & claims["place"].eq("Iraq and Syria")]
    totals = casualties.running_totals(isil, campaign_start)
    assert set(totals["claim_id"]) == {"andrews_2015_02", "austin_2015_02_23", "blinken_2015_06",
                                       "le_drian_2016_01_21", "macfarland_2016_08_before_arrival",
                                       "macfarland_2016_08_total", "cnn_us_official_2016_12"}
    table = frame(claim(1, 1, start="2014-08-31"), claim(1, 1, start="2014-09-01"), claim(1, 1, start=None))
    assert list(casualties.running_totals(table, "2014-08-08").index) == [0]


# --- ratios and rates --------------------------------------------------------------------------------

@pytest.mark.parametrize("numerator, denominator, bounds", [
    ((450, 450), (2, 2), (225, 225)),
    ((815, 1149), (2, 2), (407.5, 574.5)),
    ((1600, None), (1291, None), (None, None)),
    ((1600, NA), (1291, 1291), (1600 / 1291, None)),
    ((None, 6000), (1291, None), (None, 6000 / 1291)),
    ((5, 5), (0, 10), (0.5, None)),
])
def test_ratio_bounds(numerator, denominator, bounds):
    for got, want in zip(casualties.ratio_bounds(numerator, denominator), bounds):
        assert got == (None if want is None else pytest.approx(want))


@given(st.integers(1, 10**6), st.integers(0, 10**6), st.integers(1, 10**6), st.integers(0, 10**6),
       st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_the_true_ratio_lies_within_its_bounds(num, num_width, den, den_width, drop_nl, drop_nh, drop_dl, drop_dh):
    num_low, num_high, den_low, den_high = num, num + num_width, den, den + den_width
    low, high = casualties.ratio_bounds((None if drop_nl else num_low, None if drop_nh else num_high),
                                        (None if drop_dl else den_low, None if drop_dh else den_high))
    for true_num in (num_low, num_high):
        for true_den in (den_low, den_high):
            ratio = true_num / true_den
            assert low is None or low <= ratio * (1 + 1e-12)
            assert high is None or ratio <= high * (1 + 1e-12)


def test_days_and_months(by_id):
    jordan = by_id.loc["jordan_2015_02_08"]
    assert casualties.days_covered(jordan["period_start"], jordan["period_end"]) == 3
    assert casualties.days_covered("2015-02-23", "2015-02-23") == 1
    recent = by_id.loc["macfarland_2016_08_past_11_months"]
    assert casualties.months_between(recent["period_start"], recent["period_end"]) == 11
    assert "11 months" in recent["quote"] or "11 months" in data.passages().set_index("line").loc[
        int(recent["line"]), "text"]


# --- what the lesson says in words -----------------------------------------------------------------

def test_the_lessons_reading_of_kills_against_strength_still_holds(claims, strength, campaign_start):
    official = claims[claims["victim_category"].eq("isil_fighters") & claims["place"].eq("Iraq and Syria")
                      & claims["claimant_type"].isin(casualties.OFFICIAL)]
    kills = casualties.running_totals(official, campaign_start)
    isil = strength[strength["force"].eq("ISIL") & strength["theater"].eq("Iraq and Syria")]
    first = isil.sort_values("date").iloc[0]
    assert first["date"] < kills["period_end"].max()
    assert kills["low"].max() > first["low"]          # "more fighters declared killed than the group had"


def test_afghan_strength_falls_by_more_than_the_claimed_dead_within_the_year(by_id, strength):
    nicholson = by_id.loc["nicholson_2016_fighters"]
    year = strength[strength["force"].eq("ISIL-KP")
                    & strength["date"].dt.year.eq(nicholson["period_end"].year)].sort_values("date")
    assert len(year) >= 2
    assert year["low"].iloc[0] - year["low"].iloc[-1] > nicholson["high"]


def test_raqqa_and_the_whole_war_are_both_lower_bounds(by_id):
    for claim_id in ("amnesty_airwars_raqqa_2017", "coalition_2019_03_civilians"):
        assert casualties.bound_kind(by_id.loc[claim_id, "low"], by_id.loc[claim_id, "high"]) == "lower bound"


def test_the_lessons_inconsistencies_exist():
    issues = data.inconsistencies().set_index("issue_id")
    for issue in ("raqqa_vs_coalition_civilian_total", "jordan_7000_in_three_days"):
        assert issues.loc[issue, "lesson"] == "04"
    # differences of lower bounds ("over 22,000") prove nothing: not an inconsistency (issue 23)
    assert "isil_killed_series_does_not_add_up" not in issues.index


# --- drawing -----------------------------------------------------------------------------------------

def test_draw_claims_draws_every_kind_of_bound_and_returns_one_handle_per_group():
    table = frame(claim(1, 1, vague=True), claim(2, NA), claim(NA, 3), claim(4, 5, vague=NA)).assign(
        until=pd.to_datetime(["2015-01-01", "2015-06-01", "2016-01-01", "2019-01-01"]),
        group=["a", "b", "a", "b"])
    fig, ax = plots.new("t", xlabel="Date", ylabel="Deaths claimed (people)", source="test")
    handles = casualties.draw_claims(ax, table, x="until", by="group", keys=["a", "b", "c"])
    casualties.legends(ax, handles, title="group")
    casualties.label_points(ax, table, x="until", text="group")
    assert [h.get_label() for h in handles] == ["a", "b"]
    assert ax.get_yscale() == "log"
    assert len(ax.texts) == len(table) + 2          # two arrows and one label per claim
    plots.show(fig, alt="A test figure with every kind of bound drawn once.")


def test_sentences_with_finds_the_wounded_sentence_and_its_line():
    passages = pd.DataFrame({"line": [3, 9], "text": ["Five died. Two were wounded in the attack. Calm returned.",
                                                     "Nothing else happened."]})
    found = casualties.sentences_with(passages, ("wounded", "injured"))
    assert found.to_dict("records") == [{"line": 3, "sentence": "Two were wounded in the attack."}]


def test_the_lessons_coding_rules_agree_with_the_number_reader():
    """Each quoted word in lesson 04's "Reading bounds honestly" list is read by ``warcourse.numbers`` (the
    codebook's reader, which built the table) as that bullet says: a lower bound, an upper bound, or one
    number kept as both bounds; and "vague" where the bullet says so."""
    import re

    from warcourse import notebooks

    nb = notebooks.read(ROOT / "notebooks" / "04_casualty_accounting.ipynb")
    text = next(cell.source for cell in nb.cells if "## Reading bounds honestly" in cell.source)
    rules = text.split("## Reading bounds honestly", 1)[1]
    bullets = re.findall(r"^- (.*(?:\n  .*)*)", rules, re.M)
    checked = 0
    for bullet in bullets:
        bullet = " ".join(bullet.split())
        words = [word for word in re.findall(r'"([^"]+)"', bullet) if not re.search(r"\d|\.\.\.", word)]
        for word in words:
            if word in ("dozens", "hundreds"):
                continue  # a number word of its own, read in test_bounds_in_words
            read = numbers.read_quantity(f"{word} 600")
            shape = ("lower" if read.high is None else "upper" if read.low is None else "both")
            said = ("lower" if "lower bound" in bullet else "upper" if "upper bound" in bullet else "both")
            assert shape == said, f"lesson 04 says {word!r} gives {said} bound(s); the reader gives {read}"
            assert read.vague == ("`vague` is True" in bullet or "`vague` to True" in bullet), (word, read)
            checked += 1
    assert checked >= 10, "the lesson's list of coding rules was not found whole"
