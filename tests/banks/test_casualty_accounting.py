"""Lesson 04 and practice set 04 banks beyond the per-question cases (cases_casualty_accounting_bank.py):
an unknown victim_category is refused, the gap readings agree with the inconsistencies table, and nothing a
notebook does to its frames changes what is right."""

from __future__ import annotations

import pytest

from warcourse import data, questions
from warcourse.errors import UsageError
from warcourse.questions import key


@pytest.mark.parametrize("bad", ["Civilians", "coalition_personnel", None])
def test_unknown_category_is_refused(bad):
    with pytest.raises(UsageError, match="victim_category"):
        questions.casualty_accounting(bad)


def test_the_gap_readings_are_the_claimant_gaps_the_data_record():
    issues = data.inconsistencies().set_index("issue_id")
    assert issues.loc["airwars_vs_coalition_2015", "kind"] == "claimant_gap"
    assert issues.loc["raqqa_vs_coalition_civilian_total", "kind"] == "claimant_gap"
    assert questions.casualty_accounting("all").gap_kind.check("A claimant gap").correct
    assert questions.casualty_practice().raqqa.check("Both can stand").correct


def test_answers_do_not_follow_the_students_frames():
    before = {name: key(bank[name]).text for bank in [questions.casualty_practice()] for name in bank}
    frame = data.casualty_claims()
    frame.loc[:, "low"] = 0
    frame.loc[:, "claimant_type"] = "ngo"
    after = {name: key(bank[name]).text for bank in [questions.casualty_practice()] for name in bank}
    assert after == before


def test_a_wrong_summative_answer_says_which_table_to_reread():
    q = questions.casualty_accounting()
    for name in ("s_afghan_types", "s_civilian_running"):
        assert "casualty_claims" in q[name].check(-1).where


def test_the_wounded_question_gives_code_that_runs():
    """Its 'read it:' code names the line itself, so a student can run it as written (it said loc[LINE, ...])."""
    text = questions.casualty_accounting().wounded.question
    code = text.split("read it: ", 1)[1].split("). ", 1)[0]
    assert "wounded" in eval(code, {"data": data})


def test_table_questions_say_what_to_do():
    """A question reads as a question or an instruction, not a bare noun phrase ('A DataFrame indexed by ...')."""
    for bank in (questions.casualty_accounting(), questions.casualty_practice()):
        for name in bank:
            text = bank[name].question
            assert not text.startswith(("A DataFrame", "A Series")), f"{bank[name].id}: {text[:50]}"
            assert "coalition states'" not in text, f"{bank[name].id}: {text[:50]}"
