"""Every distinct question of every bank, once per distinct parameter value, against its case in ``cases_*.py``:

- the canonical answer (computed in the case with plain pandas) is accepted, and so are the other
  right forms a student writes (the case's own, plus ``alternative_forms`` for the question's kind);
- at least three typical mistakes are refused, each with the diagnosis the case names;
- no wrong-answer feedback, hint or question text shows the expected answer;
- ticking every option of a checkbox question leaves the answer undetermined.
"""

from __future__ import annotations

from functools import cache

import pytest

from banks.common import alternative_forms, assert_no_leak, leaked
from banks.harness import Case, bank_calls, load_cases
from warcourse import questions
from warcourse.exercises import SetAnswer
from warcourse.questions import Tables, key

CASES = load_cases()


@cache
def built(name: str, frozen: tuple):
    return getattr(questions, name)(**dict(frozen))


def distinct_questions():
    """One param per question and parameter value whose question or answer differs from those already listed."""
    seen, params = set(), []
    for name, parameters in bank_calls():
        frozen = tuple(sorted(parameters.items()))
        bank = built(name, frozen)
        for question in bank:
            exercise = bank[question]
            signature = (exercise.id, exercise.question, key(exercise).text)
            if signature in seen:
                continue
            seen.add(signature)
            label = ",".join(f"{v}" for _, v in frozen)
            params.append(pytest.param(name, frozen, question, id=f"{exercise.id}[{label}]"))
    return params


QUESTIONS = distinct_questions()


def _case(name, frozen, question) -> tuple:
    exercise = built(name, frozen)[question]
    found = CASES.get(exercise.id)
    assert found is not None, f"{exercise.id} has no case in tests/banks/cases_*.py"
    return exercise, found, Tables(), dict(frozen)


def test_every_question_has_a_case_and_every_case_a_question():
    ids = {built(name, frozen)[question].id for name, frozen, question in (p.values for p in QUESTIONS)}
    assert not ids - set(CASES), f"questions without a case: {sorted(ids - set(CASES))}"
    assert not set(CASES) - ids, f"cases without a question: {sorted(set(CASES) - ids)}"


@pytest.mark.parametrize("name, frozen, question", QUESTIONS)
def test_canonical_answer_and_its_other_forms_are_accepted(name, frozen, question):
    exercise, found, tables, parameters = _case(name, frozen, question)
    canonical = Case.call(found.canonical, tables, parameters)
    forms = [canonical, *alternative_forms(exercise)]
    if found.forms is not None:
        forms += Case.call(found.forms, tables, parameters)
    for form in forms:
        feedback = exercise.check(form)
        assert feedback.correct is True, f"{exercise.id}: {form!r} -> {feedback}"


@pytest.mark.parametrize("name, frozen, question", QUESTIONS)
def test_typical_mistakes_get_their_diagnosis_and_no_answer(name, frozen, question):
    exercise, found, tables, parameters = _case(name, frozen, question)
    mistakes = Case.call(found.mistakes, tables, parameters)
    assert len(mistakes) >= 3, f"{exercise.id}: give at least three typical mistakes"
    for given, words in mistakes:
        feedback = exercise.check(given)
        assert feedback.correct is False, f"{exercise.id}: {given!r} -> {feedback}"
        assert words.lower() in feedback.message.lower(), \
            f"{exercise.id}: the feedback to {given!r} should say {words!r}: {feedback.message}"
        assert_no_leak(exercise, feedback, given)


@pytest.mark.parametrize("name, frozen, question", QUESTIONS)
def test_hints_and_question_text_show_no_answer(name, frozen, question):
    exercise = built(name, frozen)[question]
    for text in (exercise.question, *key(exercise).hints):
        assert not leaked(exercise, text), f"{exercise.id} gives its answer away in: {text}"


@pytest.mark.parametrize("name, frozen, question",
                         [p for p in QUESTIONS if isinstance(built(p.values[0], p.values[1])[p.values[2]], SetAnswer)])
def test_ticking_every_box_leaves_the_answer_undetermined(name, frozen, question):
    exercise = built(name, frozen)[question]
    if exercise.free:
        pytest.skip("a free-text set has no boxes to tick")
    feedback = exercise.check(list(exercise.options))
    assert feedback.correct is False
    named = [option for option in exercise.options if str(option) in feedback.message]
    assert len(named) <= 1, f"{exercise.id}: ticking every box names {named}: {feedback.message}"
