"""Lesson 00's bank beyond the per-question cases (cases_start_here_bank.py): one question of each kind,
and the hint and solution mechanics the lesson demonstrates."""

from __future__ import annotations

from warcourse import data, questions
from warcourse.questions import key


def test_one_question_of_each_kind_and_no_summative_check():
    q = questions.start_here()
    assert len({type(q[name]).__name__ for name in q.lesson()}) >= 5
    assert list(q.summative) == []


def test_solution_waits_for_two_tries_and_hints_climb():
    q = questions.start_here()
    assert "not yet" in q.syria.solution().text
    hints = [q.syria.hint().text for _ in key(q.syria).hints]
    assert len(set(hints)) == len(hints) and "last hint" in hints[-1]
    q.syria.check(1)
    q.syria.check(2)
    assert "Code:" in q.syria.solution().text


def test_each_build_reads_fresh_tables():
    before = key(questions.start_here().syria).answer
    frame = data.involvement()
    frame.loc[:, "involved"] = False
    assert key(questions.start_here().syria).answer == before
