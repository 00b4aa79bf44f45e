"""Shared checks for the question-bank tests: right answers accepted, wrong ones refused without
giving the answer away, and the one choice a test names in words."""

from __future__ import annotations

import re
from fractions import Fraction

from warcourse.exercises import MultipleChoice, Numeric, SetAnswer
from warcourse.exercises.matching import as_text
from warcourse.exercises.numeric import format_number


def _number_forms(value: Fraction) -> set[str]:
    forms = {format_number(value), format_number(value).replace(",", "")}
    if value.denominator == 1:
        forms.add(str(value.numerator))
    else:
        forms |= {f"{float(value):g}", f"{float(value):.1f}", f"{float(value):.2f}"}
    return forms


def leaked(exercise, message: str, given: object = None) -> list[str]:
    """The pieces of the expected answer that ``message`` shows (empty when it shows none)."""
    given_text = as_text(given) if given is not None else ""
    found = []
    if isinstance(exercise, Numeric):
        for form in _number_forms(exercise.expected):
            if re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", message) and form not in given_text:
                found.append(form)
    elif isinstance(exercise, MultipleChoice):
        text = as_text(exercise.answer)
        if text in message and text not in given_text:
            found.append(text)
    elif isinstance(exercise, SetAnswer):
        for item in exercise.answer:
            text = as_text(item)
            if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", message) and text not in given_text:
                found.append(text)
    return found


def assert_no_leak(exercise, feedback, given: object = None) -> None:
    """Fail when a wrong-answer message names an expected item, the expected number or the right choice."""
    assert feedback.correct is not True, f"{exercise.id}: {given!r} was accepted"
    shown = leaked(exercise, feedback.message, given)
    assert not shown, f"{exercise.id}: the feedback to {given!r} gives away {shown}: {feedback.message}"


def assert_refused(exercise, wrong_answers) -> None:
    """Each of ``wrong_answers`` is refused (not right) without giving the answer away."""
    assert len(wrong_answers) >= 3, f"{exercise.id}: give at least three typical wrong answers"
    for given in wrong_answers:
        feedback = exercise.check(given)
        assert feedback.correct is False, f"{exercise.id}: {given!r} -> {feedback}"
        assert_no_leak(exercise, feedback, given)


def accepted(exercise, answer) -> None:
    """``answer`` (the canonical solution, computed by the test) is graded right."""
    feedback = exercise.check(answer)
    assert feedback.correct is True, f"{exercise.id}: {answer!r} -> {feedback}"


def choice_containing(exercise: MultipleChoice, *words: str) -> str:
    """The one choice whose text contains every word (the test says what the right reading is in words)."""
    found = [choice for choice in exercise.choices if all(word in choice for word in words)]
    assert len(found) == 1, (exercise.id, words, found)
    return found[0]


def wrong_choices(exercise: MultipleChoice) -> list[str]:
    """Every choice but the right one."""
    return [choice for choice in exercise.choices if choice != exercise.answer]

