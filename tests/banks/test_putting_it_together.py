"""Lesson 05 question bank: canonical answers (computed here with plain pandas) are accepted, typical wrong
answers are refused without giving the answer away, for every theater."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from banks.common import accepted, assert_refused, choice_containing
from warcourse import data, questions

THEATERS = ("Iraq", "Syria", "Libya", "Afghanistan")
BOTH = "Iraq and Syria"


def scope(theater: str) -> list[str]:
    return [theater, BOTH] if theater in ("Iraq", "Syria") else [theater]


@pytest.fixture(scope="module", params=THEATERS)
def lesson(request):
    return request.param, questions.putting_it_together(request.param)


@pytest.fixture(scope="module")
def events():
    return data.events()


@pytest.fixture(scope="module")
def claims():
    claims = data.casualty_claims()
    return claims.assign(theater=claims["place"].str.rsplit(", ", n=1).str[-1])


def test_timeline(lesson, events):
    _, q = lesson
    items = list(q.timeline.labels)
    order = list(events.set_index("event_id").loc[items].sort_values("date").index)
    accepted(q.timeline, order)
    assert_refused(q.timeline, [order[::-1], order[1:] + order[:1], [order[0]] * len(order)])


def test_outside_the_longest_list(lesson):
    theater, q = lesson
    inv, members = data.involvement(), data.coalition_members()
    listed = members[members["basis"] != "excluded"]
    longest = listed.groupby("coalition_id").size().idxmax()
    involved = set(inv.loc[(inv["theater"] == theater) & inv["involved"], "country"])
    answer = involved - set(listed.loc[listed["coalition_id"] == longest, "country"])
    accepted(q.outside, answer)
    accepted(q.outside, ", ".join(sorted(answer)))
    wrong = [sorted(answer)[1:] or ["Atlantis"], sorted(answer) + ["France"], ["France", "Germany"]]
    assert_refused(q.outside, wrong)


def test_campaign_starts_count_actors(lesson, events):
    theater, q = lesson
    rows = events[events["theater"].isin(scope(theater)) & (events["event_type"] == "campaign_start")]
    accepted(q.starts, rows["actor"].nunique())
    assert_refused(q.starts, [rows["actor"].nunique() + 1, 0, rows["actor"].nunique() * 10])
    if len(rows) != rows["actor"].nunique():
        assert "counts rows" in q.starts.check(len(rows)).message


def test_same_kind(lesson):
    _, q = lesson
    reference = re.search(r"“[^:]+: .*? (\w+), (running total|count for a period)", q.same_kind.question)
    metric, count_type = reference.groups()
    answer = choice_containing(q.same_kind, f"{metric}, {count_type}")
    accepted(q.same_kind, answer)
    assert_refused(q.same_kind, [c for c in q.same_kind.choices if c != answer])


def test_claimants(lesson, claims):
    theater, q = lesson
    here = claims[claims["theater"].isin(scope(theater))]
    answer = here.groupby("claimant_type", observed=True).size()
    accepted(q.claimants, answer)
    assert_refused(q.claimants, [answer * 2, answer.iloc[1:], here.groupby("claimant", observed=True).size()])


def test_find_the_error(lesson):
    theater, q = lesson
    line = int(re.search(r"\(line (\d+)\)", q.find_the_error.question).group(1))
    counts = data.strike_counts()
    row = counts[(counts["line"] == line) & counts["theater"].isin(scope(theater))].iloc[0]
    if row["theater"] == BOTH:
        answer = choice_containing(q.find_the_error, "Iraq and Syria together")
    elif pd.notna(row["low"]) and pd.notna(row["high"]) and row["low"] != row["high"]:
        answer = choice_containing(q.find_the_error, "range")
    else:
        answer = choice_containing(q.find_the_error, "not the one the cited line gives")
    accepted(q.find_the_error, answer)
    assert_refused(q.find_the_error, [c for c in q.find_the_error.choices if c != answer])


def test_summative_questions(lesson, events, claims):
    theater, q = lesson
    inv = data.involvement()
    involved = inv[inv["involved"]].groupby("theater", observed=True)["country"].agg(set)
    other = "Iraq" if theater == "Syria" else "Syria"
    both = len(involved[theater] & involved[other])
    accepted(q.check_both, both)
    assert_refused(q.check_both, [len(involved[theater] | involved[other]), len(involved[theater]), both + 1])
    here = claims[claims["theater"].isin(scope(theater))]
    unattributed = int((here["claimant_type"] == "unattributed").sum())
    accepted(q.check_unattributed, unattributed)
    assert_refused(q.check_unattributed, [len(here) + 1, unattributed + 1, unattributed + 2])
    loose = here[here["low"].isna() | here["high"].isna() | here["vague"]]
    accepted(q.check_loose, len(loose))
    assert_refused(q.check_loose, [len(here), len(loose) + 1, len(loose) * 10])
    rows = events[events["theater"].isin(scope(theater))]
    starters = set(rows.loc[rows["event_type"] == "campaign_start", "actor"])
    accepted(q.check_starters, starters)
    assert_refused(q.check_starters, [sorted(starters)[1:] or ["Atlantis"], sorted(starters) + ["ISIL"], ["ISIL"]])
    accepted(q.check_add_up, choice_containing(q.check_add_up, "never add"))
    assert_refused(q.check_add_up, [c for c in q.check_add_up.choices if "never add" not in c])
