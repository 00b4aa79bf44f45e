"""Every distinct question of every bank, once per distinct parameter value, against its case in ``cases_*.py``:

- the canonical answer (computed in the case with plain pandas) is accepted, and so are the other
  right forms a student writes (the case's own, plus ``alternative_forms`` for the question's kind);
- at least three typical mistakes are refused, each with the diagnosis the case names;
- no wrong-answer feedback, hint or question text shows the expected answer;
- offering every item (every box ticked, or the answer padded with items that do not belong) leaves
  the answer undetermined.
"""

from __future__ import annotations

import itertools
from functools import cache

import pytest

from banks.common import alternative_forms, assert_no_leak, leaked
from banks.harness import Case, load_cases
from warcourse import questions
from warcourse.questions import Tables, key

CASES = load_cases()


@cache
def built(name: str, frozen: tuple, question: str):
    """One question of bank ``name`` built with the parameters ``frozen`` (the others are not built)."""
    function = getattr(questions, name)
    return function.registry.build(function.which, only=question, **dict(frozen))[question]


def distinct_questions():
    """One param per question and value of the parameters it takes (a question that takes none runs once).

    Read from the banks' registries, so collecting builds nothing.
    """
    params = []
    for name in questions.BANKS:
        function = getattr(questions, name)
        declared = function.declared
        defaults = {parameter: allowed[0] for parameter, allowed in declared.items()}
        for entry in function.entries():
            for values in itertools.product(*(declared[parameter] for parameter in entry.parameters)):
                taken = dict(zip(entry.parameters, values))
                frozen = tuple(sorted((defaults | taken).items()))
                label = f"[{','.join(map(str, values))}]" if values else ""
                params.append(pytest.param(name, frozen, entry.name, id=f"{name}.{entry.name}{label}"))
            KINDS[(name, entry.name)] = entry.build.__annotations__.get("return")
    return params


KINDS: dict[tuple[str, str], str | None] = {}
"""The exercise class each question function declares it returns (its return annotation), by bank and name."""


QUESTIONS = distinct_questions()


def _case(name, frozen, question) -> tuple:
    exercise = built(name, frozen, question)
    found = CASES.get(exercise.id)
    assert found is not None, f"{exercise.id} has no case in tests/banks/cases_*.py"
    return exercise, found, Tables(), dict(frozen)


def test_every_question_has_a_case_and_every_case_a_question():
    ids = {f"{name}.{question}" for name, _, question in (p.values for p in QUESTIONS)}
    kinds = {"MultipleChoice", "Numeric", "SetAnswer", "Ordering", "PandasAnswer"}
    undeclared = sorted(f"{bank}.{name}" for (bank, name), kind in KINDS.items() if kind not in kinds)
    assert not undeclared, f"question functions must declare the exercise class they return: {undeclared}"
    assert not ids - set(CASES), f"questions without a case: {sorted(ids - set(CASES))}"
    assert not set(CASES) - ids, f"cases without a question: {sorted(set(CASES) - ids)}"


@pytest.mark.parametrize("name, frozen, question", QUESTIONS)
def test_canonical_answer_and_its_other_forms_are_accepted(name, frozen, question):
    exercise, found, tables, parameters = _case(name, frozen, question)
    assert type(exercise).__name__ == KINDS[(name, question)], f"{exercise.id} is not the kind its function declares"
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
    exercise = built(name, frozen, question)
    for text in (exercise.question, *key(exercise).hints):
        assert not leaked(exercise, text), f"{exercise.id} gives its answer away in: {text}"


@pytest.mark.parametrize("name, frozen, question",
                         [p for p in QUESTIONS if KINDS[(p.values[0], p.values[2])] == "SetAnswer"])
def test_offering_every_item_leaves_the_answer_undetermined(name, frozen, question):
    """Ticking every box of a checkbox question, or typing the answer padded with items that do not
    belong into a free-text one, is wrong and names at most one of the items given: else a student
    could find the answer by offering everything and striking out what the feedback names."""
    exercise = built(name, frozen, question)
    given = [*key(exercise).answer, "Atlantis", "Narnia"] if exercise.free else list(exercise.options)
    feedback = exercise.check(given)
    assert feedback.correct is False
    named = [item for item in given if str(item) in feedback.message]
    assert len(named) <= 1, f"{exercise.id}: offering every item names {named}: {feedback.message}"
