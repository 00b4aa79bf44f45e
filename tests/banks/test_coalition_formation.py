"""Lesson 02 and practice set 02 question banks: what the per-question harness (cases_coalition_formation_bank.py)
does not cover: the focus parameter is checked, every question has a short hint ladder."""

from __future__ import annotations

import pytest

from warcourse import data, questions
from warcourse.errors import UsageError


@pytest.mark.parametrize("bad", ["cjtf_oir", "Brussels", None])
def test_unknown_focus_is_refused(bad):
    with pytest.raises(UsageError, match="coalition"):
        questions.coalition_formation(bad)


def test_the_set_difference_question_tells_the_size_subtraction_apart():
    """Subtracting the sizes of the Wales set and the 'except' list is the mistake the question teaches."""
    members = data.coalition_members()
    wales = set(members.loc[(members["coalition_id"] == "wales_2014") & (members["basis"] != "excluded"), "country"])
    excluded = set(members.loc[(members["coalition_id"] == "paris_2014") & (members["basis"] == "excluded"), "country"])
    exercise = questions.coalition_formation().paris_kept
    assert not excluded <= wales, ("every excluded country is in the Wales set, so subtracting the sizes "
                                   "gives the right answer: the question no longer teaches the difference")
    assert "subtracting the sizes" in exercise.check(len(wales) - len(excluded)).message.lower()
