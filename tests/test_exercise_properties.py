"""Property tests: checkers never raise, the expected answer is accepted in the forms students write, and
no single wrong try (nor ticking every option) tells the answer."""

from __future__ import annotations

import functools
import itertools

import numpy as np
import pandas as pd
from banks.common import alternative_forms
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra import pandas as pdst

from warcourse.exercises import (
    Feedback,
    MultipleChoice,
    Numeric,
    Ordering,
    PandasAnswer,
    SetAnswer,
    country,
    key,
    letters,
)
from warcourse.exercises.feedback import sentence
from warcourse.exercises.matching import normalise
from warcourse.exercises.numeric import to_fraction

FAST = settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
TABLES = settings(FAST, max_examples=40)  # each example builds and compares several tables
LINES = [1]


class Hostile:
    """Raises from every dunder a checker might touch."""

    def _boom(self, *args):
        raise RuntimeError("boom")

    __eq__ = __lt__ = __hash__ = __str__ = __repr__ = __iter__ = __len__ = __float__ = __index__ = _boom


small_frames = pdst.data_frames(
    columns=[pdst.column("count", dtype=int), pdst.column("share", dtype=float),
             pdst.column("name", elements=st.text(max_size=5))],
    index=pdst.range_indexes(max_size=6),
)
scalars = st.one_of(
    st.none(), st.just(...), st.booleans(), st.text(max_size=30),
    st.floats(allow_nan=True, allow_infinity=True), st.integers(),
    st.integers(300, 5000).map(lambda digits: -(10**digits)), st.complex_numbers(), st.builds(Hostile),
    st.binary(max_size=10), st.fractions(), st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([pd.NA, pd.NaT, np.nan, np.inf, np.int64(3), np.bool_(True), object()]),
)
anything = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.tuples(inner, inner),
                            st.dictionaries(st.text(max_size=5), inner, max_size=3),
                            st.sets(st.one_of(st.text(max_size=5), st.integers()), max_size=4),
                            st.lists(st.text(max_size=5), max_size=4).map(pd.Series)),
    max_leaves=8,
) | small_frames | small_frames.map(lambda frame: frame.get("share", pd.Series(dtype=float)))

items = st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=12).filter(
    lambda text: normalise(text) != "")
finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)


def exercises():
    expected_frame = pd.DataFrame({"count": [1, 2, 3], "share": [0.5, np.nan, 1.5], "name": ["a", "b", "c"]})
    return [
        MultipleChoice("q?", choices={"a": "why not a", "b": "why b", 3: "why not 3"}, answer="b", lines=LINES),
        Numeric("q?", answer=58, tolerance=1, lines=LINES, explanation="e", unit="countries"),
        Numeric("q?", answer=0.25, rel_tolerance=0.05, lines=LINES, explanation="e", unit="share"),
        SetAnswer("q?", answer={"China", "Russia"}, distractors=["Iran"], lines=LINES, explanation="e"),
        Ordering("q?", answer=["a", "b", "c"], labels={"a": "A", "b": "B", "c": "C"}, lines=LINES, explanation="e"),
        PandasAnswer("q?", answer=expected_frame, lines=LINES, explanation="e"),
        PandasAnswer("q?", answer=expected_frame["share"], lines=LINES, explanation="e", check_dtype=True),
        MultipleChoice("q?", choices={"sorties: flights": "right", "strikes: attacks": "no", "Nothing: no": "no"},
                       answer="sorties: flights", lines=LINES, aliases={"sorties: flights": ["flights"]}),
        Numeric("q?", answer=26.4, rel_tolerance=0.01, lines=LINES, explanation="e", unit="percent",
                mistakes=[(31.7, "that counts words."), (2.64, "that is a share, not a percentage.", 0.01)]),
        SetAnswer("q?", answer={"United Kingdom", "United States"}, distractors=["France", "Iraq"], normalise=country,
                  lines=LINES, explanation="e", conditions=2),
        SetAnswer("q?", answer=["a vs b"], options=["a vs b", "a vs c", "b vs c"], pairs=True, lines=LINES,
                  explanation="e"),
        Ordering("q?", answer=[1, 2, 3], labels={1: "US: first", 2: "UK: second", 3: "France: third"},
                 aliases={1: ["the very first"]}, lines=LINES, explanation="e"),
        PandasAnswer("Counts, in date order.", answer=expected_frame.set_index("name")["count"], ordered=True,
                     lines=LINES, explanation="e"),
    ]


EXERCISES = exercises()


@FAST
@given(st.sampled_from(EXERCISES), anything)
def test_no_checker_raises(exercise, answer):
    feedback = exercise.check(answer)
    assert isinstance(feedback, Feedback)
    assert feedback.correct in (True, False, None)
    assert str(feedback) and feedback._repr_html_()


@FAST
@given(st.one_of(st.integers(-10**20, 10**20), finite), st.integers(0, 10**6), anything)
def test_numeric_accepts_its_answer_and_never_raises(answer, tolerance, other):
    exercise = Numeric("q?", answer=answer, tolerance=tolerance, lines=LINES, explanation="e", unit="x")
    assert exercise.check(answer).correct is True
    assert exercise.check(repr(answer)).correct in (True, None)  # None: "1.000" may mean a thousand
    assert isinstance(exercise.check(other), Feedback)


@FAST
@given(st.integers(-10**20, 10**20), st.integers(0, 10**6), st.integers(1, 10**6))
def test_numeric_tolerance_is_exact(answer, tolerance, beyond):
    exercise = Numeric("q?", answer=answer, tolerance=tolerance, lines=LINES, explanation="e", unit="x")
    assert exercise.check(answer + tolerance).correct is True
    assert exercise.check(f"{answer - tolerance:,}").correct is True
    high = exercise.check(answer + tolerance + beyond)
    assert high.correct is False
    assert exercise.check(answer - tolerance - beyond).correct is False
    for feedback in (high, exercise.check(answer - tolerance - beyond)):
        assert f"{abs(tolerance + beyond):,} too" not in feedback.message  # never the exact gap


@FAST
@given(st.lists(items, min_size=1, max_size=6, unique_by=normalise), st.randoms(use_true_random=False), anything)
def test_set_accepts_its_answer_in_any_order(answer, random, other):
    exercise = SetAnswer("q?", answer=set(answer), lines=LINES, explanation="e")
    shuffled = list(answer)
    random.shuffle(shuffled)
    assert exercise.check(shuffled).correct is True
    assert exercise.check([item.upper() for item in shuffled]).correct in (True, False)
    if len(answer) > 1:
        partial = exercise.check(shuffled[1:])
        assert partial.message.startswith("Some items are missing.")
        assert f"“{shuffled[0]}”" not in partial.message
    assert isinstance(exercise.check(other), Feedback)


@FAST
@given(st.one_of(st.lists(items, min_size=2, max_size=6, unique_by=normalise),
                 st.lists(st.integers(), min_size=2, max_size=6, unique=True)),
       st.randoms(use_true_random=False), anything)
def test_ordering_accepts_its_answer_only(answer, random, other):
    exercise = Ordering("q?", answer=answer, lines=LINES, explanation="e")
    assert exercise.check(list(answer)).correct is True
    assert exercise.shuffled() != list(answer)
    permuted = list(answer)
    random.shuffle(permuted)
    if permuted != answer:
        assert "in the right place" in exercise.check(permuted).message
    assert isinstance(exercise.check(other), Feedback)


@TABLES
@given(small_frames.filter(len), st.randoms(use_true_random=False), anything)
def test_frame_accepts_itself_in_any_row_order(frame, random, other):
    exercise = PandasAnswer("q?", answer=frame, lines=LINES, explanation="e")
    assert exercise.check(frame.copy()).correct is True
    order = list(range(len(frame)))
    random.shuffle(order)
    assert exercise.check(frame.iloc[order]).correct is True
    assert exercise.check(frame.iloc[order].reset_index(drop=True)).correct is True
    assert exercise.check(frame[list(reversed(frame.columns))]).correct is True
    assert isinstance(exercise.check(other), Feedback)


@TABLES
@given(pdst.series(dtype=float, index=pdst.indexes(elements=st.text(max_size=4), unique=True, min_size=1, max_size=6)))
def test_series_accepts_itself(series):
    exercise = PandasAnswer("q?", answer=series, lines=LINES, explanation="e")
    assert exercise.check(series.copy()).correct is True
    assert exercise.check(series.iloc[::-1]).correct is True


@FAST
@given(st.lists(items, min_size=2, max_size=5, unique_by=normalise), st.data())
def test_choice_accepts_its_answer(choices, data):
    answer = data.draw(st.sampled_from(choices))
    exercise = MultipleChoice("q?", choices={choice: f"not {choice}" for choice in choices}, answer=answer,
                              lines=LINES)
    assert exercise.check(answer).correct is True
    wrong = data.draw(st.sampled_from([choice for choice in choices if choice != answer]))
    assert exercise.check(wrong).message == sentence(f"you chose “{wrong}”. not {wrong}")


@FAST
@given(st.integers(0, 10**9), st.sampled_from([",", " ", "_", "\u202f"]))
def test_thousands_in_groups_of_three_are_read_as_written(value, separator):
    assert to_fraction(f"{value:,}".replace(",", separator)) == value


@FAST
@given(st.lists(st.integers(0, 25), min_size=1, max_size=8),
       st.lists(st.sampled_from([",", ", ", " ", ";", " > ", "->", " → ", "/", " & ", " + ", " and ", " then ",
                                 ", and ", " - "]), min_size=7, max_size=7),
       st.booleans())
def test_letters_read_the_same_whatever_stands_between_them(positions, between, lower):
    """Letters joined by any separator a student uses are read as the same letters, in the same order."""
    named = [chr(ord("a" if lower else "A") + position) for position in positions]
    text = named[0] + "".join(glue + letter for glue, letter in zip(between, named[1:]))
    assert letters.read(text, 26) == positions, text


@FAST
@given(st.integers(0, 999), st.integers(0, 99))
def test_a_decimal_comma_is_never_graded(whole, part):
    exercise = Numeric("q?", answer=whole, lines=LINES, explanation="e", unit="x")
    assert exercise.check(f"{whole},{part}").correct is None


@FAST
@given(st.sampled_from(EXERCISES))
def test_alternative_forms_are_accepted(exercise):
    for form in alternative_forms(exercise):
        assert exercise.check(form).correct is True, form


def _subsets(options: list) -> list[frozenset]:
    return [frozenset(combo) for size in range(1, len(options)) for combo in itertools.combinations(options, size)]


@FAST
@given(st.lists(items, min_size=3, max_size=6, unique_by=normalise), st.data())
def test_no_single_checkbox_try_tells_the_answer(options, data):
    """Another possible answer gets the same feedback, for any wrong try and for ticking every option."""
    subsets = [subset for subset in _subsets(options) if len({normalise(item) for item in subset}) == len(subset)]
    answer = data.draw(st.sampled_from(subsets))
    tries = [options, list(data.draw(st.sampled_from(subsets)))]
    for ticked in tries:
        if frozenset(ticked) == answer:
            continue
        message = _set(tuple(options), answer).check(ticked).message
        others = [other for other in subsets
                  if other != answer and _set(tuple(options), other).check(ticked).message == message]
        assert others, f"{sorted(ticked)} tells the answer {sorted(answer)}: {message}"


@functools.cache
def _set(options: tuple, answer: frozenset) -> SetAnswer:
    """The set exercise with these options and answer, made once, like ``_ordering``: a check changes only the
    exercise's count of tries, never what the next check says."""
    return SetAnswer("q?", answer=answer, options=options, lines=LINES, explanation="e")


@FAST
@given(st.integers(3, 5).flatmap(lambda size: st.permutations([f"event {number}" for number in range(size)])))
def test_no_single_ordering_try_tells_the_answer(given_order):
    items = sorted(given_order)
    answer = list(items)
    if given_order == answer:
        return
    message = _ordering(tuple(answer)).check(given_order).message
    others = [list(other) for other in itertools.permutations(items) if list(other) != answer
              and _ordering(other).check(given_order).message == message]
    assert others


@functools.cache
def _ordering(answer: tuple) -> Ordering:
    """The ordering exercise with this answer, made once: the examples draw from three sizes' 150 permutations,
    and a check changes only the exercise's count of tries, never what the next check says."""
    return Ordering("q?", answer=list(answer), lines=LINES, explanation="e")


@FAST
@given(st.lists(items, min_size=3, max_size=5, unique_by=normalise), st.data())
def test_no_wrong_choice_tells_the_answer(choices, data):
    answer, wrong = data.draw(st.permutations(choices))[:2]
    explained = {choice: f"Not {choice}." for choice in choices}

    def feedback(right):
        return MultipleChoice("q?", choices=explained, answer=right, lines=LINES).check(wrong).message

    assert [other for other in choices if other not in (answer, wrong) and feedback(other) == feedback(answer)]


def _said_to(answer: int, given_value: int) -> str:
    return Numeric("q?", answer=answer, lines=LINES, explanation="e", unit="x").check(given_value).message


@FAST
@given(st.integers(-10**6, 10**6), st.integers(1, 10**6))
@example(answer=1000, off=10**6)  # 1,001,000 is exactly 1,000 times 1,001, not 1,000
@example(answer=4, off=36)  # 40 is 10 times 4, and "about 10 times" fits 3 to 5
@example(answer=3, off=27)  # 30: a band of 2.25 to 3.75 would hold one whole number, so no "about"
def test_a_wrong_number_leaves_the_answer_open(answer, off):
    """A neighbouring answer of the same sign gets the same words for a wrong number: the direction, "about
    10 times too high" and the sign advice each fit a range of answers, never one."""
    for given_value in (answer + off, answer - off):
        message = _said_to(answer, given_value)
        neighbours = [near for near in (answer - 1, answer + 1)
                      if near != given_value and (near > 0) == (answer > 0) and (near < 0) == (answer < 0)]
        if neighbours:
            assert message in [_said_to(near, given_value) for near in neighbours], (answer, given_value)


@FAST
@given(st.one_of(st.integers(-10**9, 10**9), finite), st.sampled_from(["countries", "percent", "times"]))
def test_numbers_with_their_unit_are_accepted(answer, unit):
    exercise = Numeric("q?", answer=answer, lines=LINES, explanation="e", unit=unit)
    assert exercise.check(f"{answer!r} {unit}").correct in (True, None)
    for form in alternative_forms(exercise):
        assert exercise.check(form).correct is True, form
    assert key(exercise).answer == answer
