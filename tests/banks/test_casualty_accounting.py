"""Lesson 04 and practice set 04 question banks: canonical answers (computed here with plain pandas) are
accepted, typical wrong answers are refused without giving the answer away, for every victim_category."""

from __future__ import annotations

import pandas as pd
import pytest

from banks.common import accepted, assert_refused, choice_containing, wrong_choices
from warcourse import data, questions
from warcourse.exercises import MultipleChoice
from warcourse.questions import key
from warcourse.errors import UsageError

CATEGORIES = ("all", "isil_fighters", "civilians")


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return data.casualty_claims()


@pytest.fixture(scope="module")
def by_id(claims) -> pd.DataFrame:
    return claims.set_index("claim_id")


@pytest.fixture(scope="module")
def strikes() -> pd.DataFrame:
    return data.strike_counts().set_index("record_id")


@pytest.fixture(scope="module", params=CATEGORIES)
def lesson(request):
    return request.param, questions.casualty_accounting(request.param)


@pytest.fixture(scope="module")
def practice():
    return questions.casualty_practice()


def months(frame: pd.DataFrame, column: str, end: bool) -> pd.Series:
    """First or last calendar month a claim covers (a year-dated claim covers January to December)."""
    month = frame[column].dt.to_period("M")
    yearly = frame["date_precision"].eq("year")
    year = frame[column].dt.year.astype("Int64").astype(str)
    whole = pd.PeriodIndex([f"{y}-12" if end else f"{y}-01" for y in year], freq="M")
    return month.where(~yearly, pd.Series(whole, index=frame.index))


# --- structure ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["Civilians", "coalition_personnel", None])
def test_unknown_category_is_refused(bad):
    with pytest.raises(UsageError, match="victim_category"):
        questions.casualty_accounting(bad)


def test_right_choice_position_varies(lesson, practice):
    _, bank = lesson
    positions = {source[name].order.index(key(source[name]).answer) for source in (bank, practice) for name in source
                 if isinstance(source[name], MultipleChoice)}
    assert len(positions) > 1


# --- lesson questions ----------------------------------------------------------------------------------------

def test_range_bounds(lesson, by_id):
    _, bank = lesson
    row = by_id.loc["airwars_2016_01"]
    exercise = bank.range_bounds
    accepted(exercise, f"low = {row['low']:,}, high = {row['high']:,}")
    assert_refused(exercise, wrong_choices(exercise))


def test_lower_bounds(lesson, claims):
    category, bank = lesson
    focused = claims if category == "all" else claims[claims["victim_category"].astype(str) == category]
    flag = focused["low"].notna() & focused["high"].isna()
    types = [t for t in focused["claimant_type"].astype(str).unique()]
    canonical = pd.Series({t: int(flag[focused["claimant_type"].astype(str) == t].sum()) for t in types})
    exercise = bank.lower_bounds
    accepted(exercise, canonical)
    accepted(exercise, flag.groupby(focused["claimant_type"], observed=True).sum())
    size = focused.groupby(focused["claimant_type"].astype(str)).size()
    upper = (focused["high"].notna() & focused["low"].isna()).groupby(focused["claimant_type"].astype(str)).sum()
    assert_refused(exercise, [size, upper, canonical.drop(canonical.index[0]), int(flag.sum())])


def test_comparable(lesson, by_id):
    _, bank = lesson
    exercise = bank.comparable

    def same_scope(a, b):
        pair = by_id.loc[[a, b]]
        first, last = months(pair, "period_start", False), months(pair, "period_end", True)
        return (pair["victim_category"].nunique() == 1 and pair["place"].nunique() == 1
                and first.astype(str).nunique() == 1 and last.astype(str).nunique() == 1)

    pairs = [option.split(" vs ") for option in exercise.options]
    canonical = [f"{a} vs {b}" for a, b in pairs if same_scope(a, b)]
    accepted(exercise, canonical)
    assert "jordan_2015_02_08 vs austin_2015_02_23" not in canonical
    assert "airwars_2015_08 vs coalition_2015_08_acknowledged" in canonical
    everything = list(exercise.options)
    assert_refused(exercise, [everything, canonical[:1], [o for o in everything if o not in canonical]])


def test_gap(lesson, by_id):
    _, bank = lesson
    monitor, official = by_id.loc["airwars_2015_08", "low"], by_id.loc["coalition_2015_08_acknowledged", "low"]
    exercise = bank.gap
    accepted(exercise, monitor / official)
    accepted(exercise, f"{monitor // official}")
    later = by_id.loc["airwars_2016_01", "low"]
    assert_refused(exercise, [official / monitor, monitor - official, later / official, 2])


def test_gap_kind_is_a_claimant_gap_as_the_data_say(lesson):
    _, bank = lesson
    issues = data.inconsistencies().set_index("issue_id")
    assert issues.loc["airwars_vs_coalition_2015", "kind"] == "claimant_gap"
    assert issues.loc["raqqa_vs_coalition_civilian_total", "kind"] == "claimant_gap"
    exercise = bank.gap_kind
    accepted(exercise, choice_containing(exercise, "claimant gap"))
    assert_refused(exercise, wrong_choices(exercise))


def test_order(lesson, claims, strikes):
    _, bank = lesson
    start = strikes.loc["coalition_2019_03_strikes", "period_start"].to_period("M")
    kills = claims[claims["victim_category"].astype(str).eq("isil_fighters") & claims["place"].eq("Iraq and Syria")
                   & claims["claimant_type"].astype(str).isin(["government", "military"])
                   & claims["period_start"].dt.to_period("M").eq(start)]
    canonical = kills.sort_values("period_end")["claim_id"].tolist()
    exercise = bank.order
    accepted(exercise, canonical)
    by_said = kills.sort_values("line")["claim_id"].tolist()  # in the order the article tells them
    assert by_said != canonical
    assert_refused(exercise, [canonical[::-1], by_said, kills.sort_values("low")["claim_id"].tolist()[::-1],
                              canonical[:-1]])


def test_per_strike(lesson, by_id, strikes):
    _, bank = lesson
    total = strikes.loc["coalition_2019_03_strikes", "value"]
    deaths = by_id.loc["coalition_2019_03_civilians", "low"]
    exercise = bank.per_strike
    accepted(exercise, total / deaths)
    accepted(exercise, round(total / deaths, 1))
    assert_refused(exercise, [deaths / total, total / by_id.loc["amnesty_airwars_raqqa_2017", "low"],
                              total - deaths, total / 12])


def test_wounded(lesson):
    _, bank = lesson
    exercise = bank.wounded
    accepted(exercise, choice_containing(exercise, "Only the killed"))
    assert_refused(exercise, wrong_choices(exercise))


# --- summative questions -------------------------------------------------------------------------------------

def test_s_unattributed(lesson, claims):
    _, bank = lesson
    kind, precision = claims["claimant_type"].astype(str), claims["date_precision"].astype(str)
    exercise = bank.s_unattributed
    accepted(exercise, len(claims[(kind == "unattributed") & (precision == "day")]))
    assert_refused(exercise, [int((kind == "unattributed").sum()), int((precision == "day").sum()),
                              int(((kind == "unattributed") & (precision == "month")).sum())])


def test_s_upper_bounds(lesson, claims):
    _, bank = lesson
    ceiling = claims[claims["high"].notna() & claims["low"].isna()]["claim_id"]
    floor = claims[claims["low"].notna() & claims["high"].isna()]["claim_id"]
    exercise = bank.s_upper_bounds
    accepted(exercise, ceiling)
    accepted(exercise, ", ".join(ceiling))
    assert_refused(exercise, [floor.head(3).tolist(), ceiling.tolist()[:1], ceiling.tolist() + ["airwars_2016_01"]])


def test_s_ceiling(lesson, by_id):
    _, bank = lesson
    exercise = bank.s_ceiling
    accepted(exercise, choice_containing(exercise, "As many as", "according to", "between"))
    assert_refused(exercise, wrong_choices(exercise))


def test_s_afghan_types(lesson, claims):
    _, bank = lesson
    afghan = claims[claims["place"].str.endswith("Afghanistan")]
    counts = afghan["claimant_type"].astype(str).value_counts()
    exercise = bank.s_afghan_types
    accepted(exercise, counts)
    accepted(exercise, afghan.groupby("claimant_type", observed=True).size())
    assert_refused(exercise, [afghan.groupby("claimant_type", observed=False).size(),
                              claims["claimant_type"].astype(str).value_counts(), counts.head(2), len(afghan)])


def test_s_civilian_running(lesson, claims):
    _, bank = lesson
    civil = claims[claims["victim_category"].astype(str).eq("civilians") & claims["place"].eq("Iraq and Syria")]
    running = civil["period_start"].dt.strftime("%Y-%m").eq("2014-08")
    exercise = bank.s_civilian_running
    accepted(exercise, int(running.sum()))
    assert_refused(exercise, [len(civil), int((running & civil["claimant_type"].astype(str).eq("ngo")).sum()),
                              int(claims["victim_category"].astype(str).eq("civilians").sum())])


# --- practice set ------------------------------------------------------------------------------------------------

def test_read(practice, by_id):
    from warcourse import numbers

    ids = ["airwars_2016_01", "cnn_us_official_2016_12", "coalition_2019_03_civilians"]
    read = [numbers.read_quantity(by_id.loc[i, "quote"]) for i in ids]
    canonical = pd.DataFrame({"low": [q.low for q in read], "high": [q.high for q in read]}, index=ids)
    exercise = practice.read
    accepted(exercise, canonical)
    assert_refused(exercise, [canonical.fillna(0), canonical.rename(columns={"low": "high", "high": "low"}),
                              canonical.iloc[:2], canonical.reset_index(drop=True)])


def test_vague(practice):
    exercise = practice.vague
    accepted(exercise, choice_containing(exercise, "least it can honestly mean"))
    assert_refused(exercise, wrong_choices(exercise))


def test_lower_civilians(practice, claims):
    civil = claims[claims["victim_category"].astype(str) == "civilians"]
    canonical = civil[civil["low"].notna() & civil["high"].isna()]["claim_id"].tolist()
    exercise = practice.lower_civilians
    accepted(exercise, canonical)
    vague = civil[civil["vague"].astype(bool)]["claim_id"].tolist()
    assert_refused(exercise, [canonical[:1], vague, civil["claim_id"].tolist()])


def test_by_type(practice, claims):
    fighters = claims[claims["victim_category"].astype(str) == "isil_fighters"]
    types = fighters["claimant_type"].astype(str)
    canonical = pd.DataFrame({"claims": types.value_counts(),
                              "vague": fighters["vague"].astype(int).groupby(types).sum()})
    exercise = practice.by_type
    accepted(exercise, canonical)
    everyone = claims["claimant_type"].astype(str)
    assert_refused(exercise, [
        canonical.assign(vague=canonical["claims"]),
        pd.DataFrame({"claims": everyone.value_counts(), "vague": claims["vague"].astype(int).groupby(everyone).sum()}),
        canonical[["claims"]], canonical.reindex(list(canonical.index) + ["ngo"], fill_value=0)])


def test_afghan_order(practice, by_id):
    items = ["moab_2017_04_13", "kot_2016_06", "us_commanders_afghanistan_2016_01", "kot_2016_07_26",
             "afghan_forces_2016_03_06", "nangarhar_2016_02_22"]
    canonical = sorted(items, key=lambda claim: by_id.loc[claim, "period_end"])
    exercise = practice.afghan_order
    accepted(exercise, canonical)
    by_start = by_id.loc[items].sort_values("period_start", na_position="first").index.tolist()
    assert by_start != canonical
    assert_refused(exercise, [canonical[::-1], items, by_start])


def test_running(practice, claims, strikes):
    start = strikes.loc["coalition_2019_03_strikes", "period_start"]
    region = claims[claims["victim_category"].astype(str).eq("isil_fighters") & claims["place"].eq("Iraq and Syria")]
    same = (region["period_start"].dt.year == start.year) & (region["period_start"].dt.month == start.month)
    canonical = region.loc[same, "claim_id"]
    exercise = practice.running
    accepted(exercise, canonical)
    assert_refused(exercise, [region["claim_id"], canonical.head(3), region.loc[~same, "claim_id"]])


def test_jordan(practice, by_id):
    jordan, austin = by_id.loc["jordan_2015_02_08"], by_id.loc["austin_2015_02_23"]
    jordan_days = (jordan["period_end"] - jordan["period_start"]).days + 1
    austin_days = (austin["period_end"] - austin["period_start"]).days + 1
    canonical = (jordan["low"] / jordan_days) / (austin["low"] / austin_days)
    exercise = practice.jordan
    accepted(exercise, canonical)
    assert_refused(exercise, [jordan["low"] / austin["low"], 1 / canonical,
                              (jordan["low"] / (jordan_days - 1)) / (austin["low"] / (austin_days - 1))])


def test_raqqa(practice):
    exercise = practice.raqqa
    accepted(exercise, choice_containing(exercise, "Both can stand", "between claimants"))
    assert_refused(exercise, wrong_choices(exercise))


def test_answers_do_not_follow_the_students_frames(practice):
    frame = data.casualty_claims()
    frame.loc[:, "low"] = 0
    again = questions.casualty_practice()
    assert key(again.jordan).answer == key(practice.jordan).answer
