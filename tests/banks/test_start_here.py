"""Lesson 00's question bank: canonical answers (computed here with plain pandas) are accepted, typical
wrong answers are refused without giving the answer away, and each kind teaches its mechanics."""

from __future__ import annotations

import pandas as pd
import pytest

from banks.common import accepted, assert_no_leak, assert_refused, leaked
from warcourse import data, questions
from warcourse.questions import key


@pytest.fixture(scope="module")
def q():
    return questions.start_here()


def test_bank_shape(q):
    kinds = {type(q[name]).__name__ for name in q.lesson()}
    assert len(q.lesson()) >= 5 and len(kinds) >= 5
    assert list(q.summative) == []


def test_sections(q):
    passages = data.passages()
    counts = passages.groupby("section").size().sort_values(ascending=False)
    accepted(q.sections, counts.index[0])
    assert_refused(q.sections, [name for name in q.sections.order if name != counts.index[0]])


def test_syria(q):
    inv = data.involvement()
    syria = inv[inv["theater"] == "Syria"]
    accepted(q.syria, int(syria["involved"].sum()))
    accepted(q.syria, str(int(syria["involved"].sum())))
    wrong = [len(syria), int((~syria["involved"]).sum()), int(inv["involved"].sum()), int(syria["involved"].sum()) + 1]
    assert_refused(q.syria, wrong)
    assert "dashes too" in q.syria.check(len(syria)).message


def test_wales(q):
    members = data.coalition_members()
    wales = sorted(members.loc[members["coalition_id"] == "wales_2014", "country"])
    accepted(q.wales, wales)
    accepted(q.wales, ", ".join(reversed(wales)))
    extra = [option for option in q.wales.options if option not in wales]
    assert extra
    assert_refused(q.wales, [wales[:-1], wales + extra[:1], extra, wales[1:] + extra[:1]])


def test_order(q):
    events = data.events().set_index("event_id")
    ids = ["russia_syria_campaign_start_b", "us_libya_campaign_start", "us_iraq_campaign_start_c"]
    right = sorted(ids, key=lambda i: events.loc[i, "date"])
    accepted(q.order, right)
    assert_refused(q.order, [list(reversed(right)), right[1:] + right[:1], [right[1], right[0], right[2]]])
    assert_no_leak(q.order, q.order.check(q.order.shuffled()))


def test_france(q):
    coalitions = data.coalitions()
    right = coalitions[coalitions["led_by"].eq("France").fillna(False)]
    accepted(q.france, right)
    wrong = [coalitions, coalitions[coalitions["led_by"] == "United States"],
             right[["coalition_id", "name"]], right.reset_index(drop=True).assign(line=0)]
    for answer in wrong:
        assert q.france.check(answer).correct is False


def test_sinjar_heading(q):
    members, passages = data.coalition_members(), data.passages()
    line = members.loc[members["coalition_id"] == "sinjar_humanitarian_2014", "line"].iloc[0]
    row = passages[passages["line"] == line].iloc[0]
    right = f"{row['section']} › {row['subsection']}"
    accepted(q.sinjar_heading, right)
    assert_refused(q.sinjar_heading, [c for c in q.sinjar_heading.order if c != right])


def test_solution_waits_for_two_tries_and_hints_climb():
    bank = questions.start_here()
    assert "not yet" in bank.syria.solution().text
    first, second = bank.syria.hint(), bank.syria.hint()
    assert first.text != second.text and "last hint" in second.text
    bank.syria.check(1)
    bank.syria.check(2)
    assert "Code:" in bank.syria.solution().text


def test_fresh_tables(q):
    frame = data.involvement()
    frame.loc[:, "involved"] = False
    assert key(questions.start_here().syria).answer == key(q.syria).answer
    assert isinstance(key(q.france).answer, pd.DataFrame)


def test_hints_and_question_texts_do_not_give_the_answer_away():
    bank = questions.start_here()
    for name in bank:
        exercise = bank[name]
        for text in [*key(exercise).hints, exercise.question]:
            assert not leaked(exercise, text), f"{name}: {text}"
