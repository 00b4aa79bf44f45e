"""Lesson 03 and practice set 03 question banks: right answers computed here with plain pandas are accepted,
typical wrong answers are refused without giving the answer away, and nothing a notebook does to its frames
changes what is right."""

from __future__ import annotations

import pandas as pd
import pytest

from banks.common import assert_refused
from warcourse import data, questions
from warcourse.exercises import MultipleChoice, Numeric, SetAnswer
from warcourse.exercises.matching import as_text
from warcourse.exercises.numeric import to_fraction
from warcourse.questions import key

THEATERS = ("all", "Iraq", "Syria", "Libya", "Afghanistan")  # lesson 03's parameters cell
BOTH = "Iraq and Syria"
COVER = {"Iraq": ("Iraq", BOTH), "Syria": ("Syria", BOTH), "Libya": ("Libya",), "Afghanistan": ("Afghanistan",)}


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return {"counts": data.strike_counts(), "events": data.events(), "claims": data.casualty_claims()}


def choice(exercise: MultipleChoice, words: str) -> str:
    """The one choice containing ``words`` (so the test names the right choice by its meaning)."""
    found = [c for c in exercise.order if words in as_text(c)]
    assert len(found) == 1, f"{exercise.id}: {words!r} matches {found}"
    return found[0]


def others(exercise: MultipleChoice, right: str) -> list:
    return [c for c in exercise.order if c != right]


def running(counts, actor, theater, metric="airstrikes") -> pd.DataFrame:
    rows = counts[(counts["actor"] == actor) & (counts["theater"] == theater) & (counts["metric"] == metric)
                  & (counts["count_type"] == "cumulative")]
    return rows.sort_values(["period_end", "value"]).reset_index(drop=True)


def per_day(rows: pd.DataFrame) -> pd.Series:
    return rows["value"] / ((rows["period_end"] - rows["period_start"]).dt.days + 1)


# --- canonical answers and typical mistakes, one function per question -----------------------------
# Each returns (right answer, [wrong answers]).

def lesson_sorties(q, t, theater):
    right = choice(q.sorties, "not a strike count")
    return right, others(q.sorties, right)


def lesson_kind(q, t, theater):
    rows = t["counts"][t["counts"]["line"].isin([365, 369])]
    rows = rows[rows["metric"].eq("airstrikes") & rows["quote"].map(lambda text: f"“{text}”" in q.kind.order)]
    right = f"“{rows.loc[rows['count_type'] == 'cumulative', 'quote'].item()}”"
    return right, [*others(q.kind, right), "the last one"]


def lesson_counted(q, t, theater):
    counts = t["counts"]
    mine = counts if theater == "all" else counts[counts["theater"].astype(str).isin(COVER[theater])]
    right = sorted(set(mine["actor"]))
    extra = sorted(set(q.counted.options) - set(right))
    return right, [right[:-1], right + extra[:1], extra[:2], list(q.counted.options)]


def lesson_target(q, t, theater):
    right = choice(q.target, "parts of the third")
    return right, others(q.target, right)


def lesson_steps(q, t, theater):
    libya = running(t["counts"], "United States", "Libya")
    right = libya["value"].diff().fillna(libya["value"])
    return right, [libya["value"].diff(), libya["value"], libya["value"].diff().fillna(0), right.iloc[1:]]


def lesson_between(q, t, theater):
    both = running(t["counts"], "United States", BOTH)
    first, second = int(both["value"].iloc[0]), int(both["value"].iloc[1])
    return second - first, [second, first, first + second, (second - first) * 10]


def lesson_months(q, t, theater):
    right = choice(q.months, "cannot all be right")
    return right, others(q.months, right)


def lesson_order(q, t, theater):
    events = t["events"].set_index("event_id").loc[key(q.order).answer]
    right = list(events.sort_values("date").index)
    return right, [right[::-1], right[1:] + right[:1], [right[1], right[0], *right[2:]]]


def lesson_rate_16000(q, t, theater):
    right = choice(q.rate_16000, "counts sorties")
    return right, others(q.rate_16000, right)


def summative_libya_october(q, t, theater):
    libya = running(t["counts"], "United States", "Libya").set_index("period_end")["value"]
    end, start = int(libya["2016-10-31"]), int(libya["2016-10-10"])
    middle = int(libya["2016-10-17"])
    return end - start, [end, start, end - middle, middle - start]


def summative_other_targets(q, t, theater):
    counts = t["counts"]
    right = sorted(set(counts.loc[counts["target"] != "ISIL", "theater"].astype(str)))
    isil_only = sorted(set(counts["theater"].astype(str)) - set(right))
    return right, [right[:1], right + isil_only[:1], isil_only, sorted(set(counts["theater"].astype(str)))]


def summative_yemen(q, t, theater):
    right = choice(q.yemen, "told twice")
    return right, others(q.yemen, right)


def summative_bounds(q, t, theater):
    right = choice(q.bounds, "lower bounds")
    return right, others(q.bounds, right)


def summative_rates(q, t, theater):
    rows = t["counts"].set_index("record_id").loc[key(q.rates).answer].reset_index()
    right = list(rows.assign(rate=per_day(rows)).sort_values("rate", ascending=False)["record_id"])
    by_value = list(rows.sort_values("value", ascending=False)["record_id"])
    assert by_value != right  # the question is worth asking: totals and rates order differently
    return right, [by_value, right[::-1], right[1:] + right[:1]]


def summative_per_day(q, t, theater):
    row = t["counts"][t["counts"]["record_id"] == "canada_2015_05_13_fighting_positions"]
    days = ((row["period_end"] - row["period_start"]).dt.days + 1).item()
    value = int(row["value"].item())
    return round(value / days, 3), [value / (days - 1), value, value / days * 7, days / value]


LESSON = {name.removeprefix("lesson_"): f for name, f in globals().items() if name.startswith("lesson_")}
SUMMATIVE = {name.removeprefix("summative_"): f for name, f in globals().items() if name.startswith("summative_")}


def practice_by_metric(q, t):
    counts = t["counts"]
    us = counts[(counts["actor"] == "United States") & (counts["theater"] == BOTH)
                & (counts["count_type"] == "cumulative")]
    us = us.sort_values(["metric", "period_end"]).reset_index(drop=True)
    steps = us.groupby("metric", observed=True)["value"].diff().fillna(us["value"])
    right = us[["metric", "period_end", "value"]].assign(in_period=steps)
    no_groups = us[["metric", "period_end", "value"]].assign(in_period=us["value"].diff().fillna(us["value"]))
    return right, [no_groups, us[["metric", "period_end", "value"]].assign(in_period=us["value"]),
                   right.drop(columns="in_period"), right["in_period"]]


def practice_after(q, t):
    libya = running(t["counts"], "United States", "Libya").set_index("period_end")["value"]
    final, announced = int(libya.iloc[-1]), int(libya["2016-10-31"])
    return final - announced, [final, announced, final - int(libya.iloc[-3]), final + announced]


def practice_rate(q, t):
    row = t["counts"][t["counts"]["record_id"] == "coalition_2015_01_15_airstrikes"]
    value, days = int(row["value"].item()), ((row["period_end"] - row["period_start"]).dt.days + 1).item()
    return value / days, [value, value / days * 7, value / days * 30.44]


def practice_fits(q, t):
    return "sorties", ["airstrikes", "missions", "strikes"]


def practice_flights(q, t):
    counts = t["counts"]
    flying = counts[(counts["theater"] == BOTH) & (counts["count_type"] == "cumulative")
                    & counts["metric"].isin(["sorties", "missions"])]
    right = [option for option in q.flights.options if any(f"“{quote}”" in option for quote in flying["quote"])]
    assert len(right) == len(flying)
    wrong = [option for option in q.flights.options if option not in right]
    return right, [right[:-1], right + wrong[:1], wrong, list(q.flights.options)]


def practice_libya_order(q, t):
    events = t["events"].set_index("event_id").loc[key(q.libya_order).answer]
    right = list(events.sort_values("date").index)
    return right, [right[::-1], [right[1], right[0], *right[2:]], right[:-1]]


def practice_afghan(q, t):
    right = choice(q.afghan, "overlap, the counts")
    return right, others(q.afghan, right)


def practice_canada(q, t):
    counts = t["counts"]
    canada = counts[(counts["actor"] == "Canada") & (counts["metric"] == "targets")
                    & (counts["count_type"] == "cumulative")]
    total = int(canada["value"].sum())
    return total, [int(canada["value"].max()), len(canada), total - int(canada["value"].max()), total * 10]


PRACTICE = {name.removeprefix("practice_"): f for name, f in globals().items() if name.startswith("practice_")}


# --- tests -----------------------------------------------------------------------------------------

def test_every_question_has_a_test():
    q = questions.air_campaigns("all")
    assert set(q.lesson()) == set(LESSON)
    assert set(q.summative) == set(SUMMATIVE)
    assert set(questions.air_practice()) == set(PRACTICE)


def test_lesson_shape():
    q = questions.air_campaigns("all")
    assert len(q.lesson()) >= 5 and 5 <= len(q.summative) <= 8
    assert len({type(q[name]).__name__ for name in q.lesson()}) >= 4
    p = questions.air_practice()
    assert len(p) >= 6 and len({type(p[name]).__name__ for name in p}) >= 4


def check_question(exercise, right, wrongs):
    feedback = exercise.check(right)
    assert feedback.correct is True, f"{exercise.id}: the canonical answer was refused: {feedback}"
    assert_refused(exercise, wrongs)
    if isinstance(exercise, SetAnswer):
        assert set(map(as_text, exercise.options)) - set(map(as_text, key(exercise).answer))
    if isinstance(exercise, Numeric):
        assert all(value != to_fraction(key(exercise).answer) for value, _ in key(exercise).mistakes)
    if isinstance(exercise, MultipleChoice):
        assert all(as_text(c) != as_text(key(exercise).answer) for c in exercise.order if c != key(exercise).answer)


@pytest.mark.parametrize("theater", THEATERS)
@pytest.mark.parametrize("name", sorted({**LESSON, **SUMMATIVE}))
def test_lesson_question(name, theater, tables):
    q = questions.air_campaigns(theater)
    right, wrongs = {**LESSON, **SUMMATIVE}[name](q, tables, theater)
    check_question(q[name], right, wrongs)


@pytest.mark.parametrize("name", sorted(PRACTICE))
def test_practice_question(name, tables):
    q = questions.air_practice()
    right, wrongs = PRACTICE[name](q, tables)
    check_question(q[name], right, wrongs)


def test_unknown_theater_is_refused_in_one_line():
    with pytest.raises(Exception) as error:
        questions.air_campaigns("Narnia")
    assert "Afghanistan" in str(error.value) and "\n" not in str(error.value)


def test_the_right_choice_moves_around():
    q, p = questions.air_campaigns("all"), questions.air_practice()
    positions = {bank[name].order.index(key(bank[name]).answer) for bank in (q, p) for name in bank
                 if isinstance(bank[name], MultipleChoice)}
    assert len(positions) >= 3


@pytest.mark.parametrize("theater", ["all", "Libya"])
def test_answers_do_not_follow_the_students_frames(theater):
    """Mutate every frame a notebook loaded (as a student might), rebuild the bank: no answer changes."""
    before = {name: key(bank[name]).text for bank in (questions.air_campaigns(theater), questions.air_practice())
            for name in bank}
    loaded = [data.strike_counts(), data.events(), data.deployments(), data.countries(),
              data.inconsistencies(), data.casualty_claims()]
    for frame in loaded:
        for column in frame.columns:
            if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]):
                frame.loc[:, column] = 0  # issue 13: after counts.loc[:, "value"] = 0 the answer followed
            elif pd.api.types.is_string_dtype(frame[column]) and not isinstance(frame[column].dtype,
                                                                                 pd.CategoricalDtype):
                frame.loc[:, column] = "changed"
    after = {name: key(bank[name]).text for bank in (questions.air_campaigns(theater), questions.air_practice())
             for name in bank}
    assert after == before
