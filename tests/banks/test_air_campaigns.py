"""Lesson 03 and practice set 03 banks beyond the per-question cases (cases_air_campaigns_bank.py):
an unknown theater is refused in one line, and nothing a notebook does to its frames changes what is right."""

from __future__ import annotations

import pandas as pd
import pytest

from warcourse import campaigns, data, questions
from warcourse.questions import key


def test_unknown_theater_is_refused_in_one_line():
    with pytest.raises(Exception) as error:
        questions.air_campaigns("Narnia")
    assert "Afghanistan" in str(error.value) and "\n" not in str(error.value)


def answers(theater: str) -> dict:
    banks = [questions.air_campaigns(theater), questions.air_practice()]
    return {bank[name].id: key(bank[name]).text for bank in banks for name in bank}


@pytest.mark.parametrize("theater", ["all", "Libya"])
def test_answers_do_not_follow_the_students_frames(theater):
    """Mutate every frame a notebook loaded (as a student might), rebuild the banks: no answer changes."""
    before = answers(theater)
    for frame in [data.strike_counts(), data.events(), data.deployments(), data.countries(),
                  data.inconsistencies(), data.casualty_claims()]:
        for column in frame.columns:
            if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]):
                frame.loc[:, column] = 0  # issue 13: after counts.loc[:, "value"] = 0 the answer followed
            elif pd.api.types.is_string_dtype(frame[column]) and not isinstance(frame[column].dtype,
                                                                                 pd.CategoricalDtype):
                frame.loc[:, column] = "changed"
    assert answers(theater) == before


@pytest.mark.parametrize("theater", campaigns.THEATERS)
def test_the_order_question_speaks_of_events_not_counts(theater):
    text = questions.air_campaigns(theater).order.question
    assert "counts" not in text and "in all theaters" not in text, text
