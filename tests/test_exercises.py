"""Unit tests for the exercise checkers: right, wrong, not answered, odd inputs, messages."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from warcourse.exercises import (Feedback, MultipleChoice, Numeric, Ordering, PandasAnswer,
                                 SetAnswer, configure)
from warcourse.exercises.views import bundles, question_bundle, solution_bundle


class Hostile:
    """An answer whose comparison, hashing and printing all raise."""

    def __eq__(self, other):
        raise RuntimeError("eq")

    def __hash__(self):
        raise RuntimeError("hash")

    def __str__(self):
        raise RuntimeError("str")

    def __repr__(self):
        raise RuntimeError("repr")

    def __iter__(self):
        raise RuntimeError("iter")


ODD_ANSWERS = [
    "<script>alert(1)</script>", float("nan"), float("inf"), float("-inf"), 10**400, 10**5000,
    [], [1, [2]], {"a": 1}, {"x"}, pd.DataFrame({"wrong": [1]}), pd.Series([1, 2]), pd.NA, b"bytes",
    Hostile(), [Hostile()], object(), True, np.array([[1, 2]]), 3 + 4j,
]


@pytest.fixture
def choice():
    return MultipleChoice(
        "Which metric fits a figure of 16,000 by January 2015?",
        choices={"airstrikes": "Airstrikes are counted in the thousands, not tens of thousands.",
                 "sorties": "", "missions": "Missions are reported separately."},
        answer="sorties", lines=[207, 211], explanation="The article counts sorties.",
    )


@pytest.fixture
def number():
    return Numeric("How many countries are listed?", answer=58, lines=[65, 66],
                   explanation="58 countries are listed.", unit="countries")


@pytest.fixture
def countries():
    return SetAnswer("Which were left out?", answer={"China", "Russia"}, distractors=["Iran", "France"],
                     lines=[5], explanation="Both were left out.", hint="Read the last sentence.")


@pytest.fixture
def timeline():
    return Ordering("Order the meetings.", answer=["wales", "paris", "baghdad"],
                    labels={"wales": "Wales summit", "paris": "Paris conference", "baghdad": "Baghdad talks"},
                    lines=[9, 10], explanation="By date.")


@pytest.fixture
def table():
    expected = pd.DataFrame({"country": ["France", "Iraq", "UK"], "strikes": [10, 20, 30.5]})
    return PandasAnswer("Strikes per country.", answer=expected, lines=[3], explanation="Summed by country.")


@pytest.fixture
def series():
    expected = pd.Series([10.0, 20.0], index=pd.Index(["France", "UK"], name="country"), name="strikes")
    return PandasAnswer("Strikes per country.", answer=expected, lines=[3], explanation="Summed.")


@pytest.fixture(params=["choice", "number", "countries", "timeline", "table", "series"])
def exercise(request):
    return request.getfixturevalue(request.param)


# -- Feedback -----------------------------------------------------------------

def test_feedback_text_is_plain_and_cites_lines():
    assert str(Feedback(True, "58 countries are listed.", (65, 66))) == \
        "✔ Right. 58 countries are listed. (article lines 65, 66)"
    assert str(Feedback(False, "you said 59.", (65,))) == "✘ Not quite: you said 59. (article line 65)"
    assert str(Feedback(None, "replace ... with your answer.")) == "… Not answered yet: replace ... with your answer."


def test_feedback_html_escapes_and_pretty_matches_str():
    feedback = Feedback(False, "'<script>' is not a number.", (1,))
    assert "<script>" not in feedback._repr_html_()
    assert "&lt;script&gt;" in feedback._repr_html_()
    printed = []

    class Printer:
        def text(self, value):
            printed.append(value)

    feedback._repr_pretty_(Printer(), False)
    assert printed == [str(feedback)]


def test_feedback_is_frozen():
    with pytest.raises(AttributeError):
        Feedback(True, "x").correct = False


# -- every kind -----------------------------------------------------------------

@pytest.mark.parametrize("answer", [None, ..., "", "   "])
def test_unanswered(exercise, answer):
    feedback = exercise.check(answer)
    assert feedback.correct is None
    assert str(feedback) == ("… Not answered yet: choose or type your answer and press Check, "
                             "or in code replace ... with your answer.")


@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=lambda value: type(value).__name__)
def test_odd_answers_never_raise(exercise, answer):
    feedback = exercise.check(answer)
    assert isinstance(feedback, Feedback)
    assert feedback.correct is False
    assert feedback.lines == exercise.lines
    assert str(feedback).startswith("✘ Not quite: ")


def test_expected_answer_is_right(exercise):
    feedback = exercise.check(exercise.answer)
    assert feedback.correct is True
    assert exercise.explanation in feedback.message


def test_constructor_rejects_bad_lines():
    for lines in ([], [0], ["65"], [True], [1.5]):
        with pytest.raises(ValueError):
            Numeric("q?", answer=1, lines=lines, explanation="e")


def test_lines_from_a_table_become_plain_ints():
    exercise = Numeric("q?", answer=1, lines=pd.Series([65, 66]), explanation="e")
    assert exercise.lines == (65, 66) and all(type(line) is int for line in exercise.lines)


def test_solution_defaults_to_explanation(number):
    assert number.solution == number.explanation
    other = Numeric("q?", answer=1, lines=[1], explanation="e", solution="worked")
    assert other.solution == "worked"


# -- MultipleChoice -------------------------------------------------------------

def test_choice_right_ignores_case_and_spacing(choice):
    assert choice.check("  Sorties ").correct is True
    assert str(choice.check("sorties")) == "✔ Right. The article counts sorties. (article lines 207, 211)"


def test_choice_wrong_gives_that_choices_explanation(choice):
    feedback = choice.check("airstrikes")
    assert feedback.correct is False
    assert feedback.message == ("you chose 'airstrikes'. Airstrikes are counted in the thousands, "
                                "not tens of thousands.")


def test_choice_not_a_choice_lists_the_choices(choice):
    assert choice.check("bombs").message == "'bombs' is not one of the choices (airstrikes, sorties, missions)."


def test_choice_with_number_keys():
    years = MultipleChoice("Which year?", choices={2014: "Too early.", 2015: ""}, answer=2015,
                           lines=[1], explanation="2015.")
    assert years.check(2015).correct is True
    assert years.check("2015").correct is True
    assert years.check(2014).message == "you chose 2014. Too early."
    assert years.check(" 2014").message == "you chose 2014. Too early."


def test_choice_constructor_checks_answer():
    with pytest.raises(ValueError):
        MultipleChoice("q?", choices={"a": "", "b": ""}, answer="c", lines=[1], explanation="e")


# -- Numeric --------------------------------------------------------------------

@pytest.mark.parametrize("answer", [58, 58.0, "58", " 58 ", "58.0", np.int64(58), np.float32(58)])
def test_numeric_accepts_equal_numbers(number, answer):
    assert number.check(answer).correct is True


def test_numeric_too_high_and_too_low(number):
    assert number.check(59).message == "you said 59 countries, which is 1 too high."
    assert number.check("1,149").message == "you said 1,149 countries, which is 1,091 too high."
    assert number.check(57.5).message == "you said 57.5 countries, which is 0.5 too low."


def test_numeric_rejects_booleans_and_text(number):
    assert number.check(True).message == "True is a yes/no value, not a number."
    assert number.check(np.bool_(False)).correct is False
    assert "'fifty-eight' is not a number; write it in digits" in number.check("fifty-eight").message


def test_numeric_nan_inf_and_huge(number):
    assert "NaN" in number.check(float("nan")).message
    assert "infinite" in number.check(float("-inf")).message
    assert number.check(10**400).message == "you said 1×10^400 countries, which is 1×10^400 too high."
    assert "too low" in number.check(-(10**5000)).message
    assert number.check("1e9999").correct is False


def test_numeric_collections_get_a_pointed_message(number):
    assert number.check(pd.Series([58])).message == (
        "expected a single number, got a Series of 1 value; take the number out with .item().")
    assert number.check([58, 59]).message == "expected a single number, got a list of 2 values."


def test_numeric_tolerances():
    near = Numeric("q?", answer=1000, tolerance=2, rel_tolerance=0.05, lines=[1], explanation="e")
    assert near.check(1050).correct is True
    assert near.check(949).correct is False
    assert "answers within ±2 or ±5% are accepted" in near.check(1060).message
    assert "close enough to 1,000" in near.check(1040).message
    assert near.describe() == ["Give a number. Tolerance: answers within ±2 or ±5% are accepted."]


def test_numeric_float_noise_is_tolerated():
    share = Numeric("q?", answer=0.3, lines=[1], explanation="e")
    assert share.check(0.1 + 0.2).correct is True
    assert share.check("0.3").correct is True
    assert share.check(0.31).correct is False


def test_numeric_constructor_rejects_bad_values():
    with pytest.raises(ValueError):
        Numeric("q?", answer="many", lines=[1], explanation="e")
    with pytest.raises(ValueError):
        Numeric("q?", answer=1, tolerance=-1, lines=[1], explanation="e")


# -- SetAnswer ------------------------------------------------------------------

@pytest.mark.parametrize("answer", [["china", " RUSSIA "], ("China", "Russia"), {"Russia", "China"},
                                    pd.Series(["China", "Russia"]), ["China", "Russia", "China"],
                                    ["China", None, float("nan"), "Russia"]])
def test_set_accepts_any_collection(countries, answer):
    assert countries.check(answer).correct is True


def test_set_says_what_is_missing_and_what_does_not_belong(countries):
    assert countries.check(["China", "Iran"]).message == (
        "1 of 2 right; missing: 'Russia'; do not belong: 'Iran'. Hint: Read the last sentence.")
    assert countries.check("China").message == "1 of 2 right; missing: 'Russia'. Hint: Read the last sentence."


def test_set_comma_text_suggests_a_list(countries):
    assert 'use a list: ["A", "B"]' in countries.check("China, Russia").message


def test_set_refuses_tables_and_dicts(countries):
    assert "got a table (DataFrame)" in countries.check(pd.DataFrame({"a": ["China"]})).message
    assert "got a dict" in countries.check({"China": 1}).message


def test_set_normalise_hook():
    codes = SetAnswer("q?", answer={"CHN", "RUS"}, lines=[1], explanation="e",
                      normalise=lambda text: {"china": "CHN", "russia": "RUS"}.get(text.strip().casefold(), text))
    assert codes.check(["china", "russia"]).correct is True


def test_set_options():
    free = SetAnswer("q?", answer={"b", "a"}, lines=[1], explanation="e")
    assert free.free and free.options == ["a", "b"]
    offered = SetAnswer("q?", answer={"b"}, options=["c", "b", "a"], lines=[1], explanation="e")
    assert offered.options == ["c", "b", "a"] and not offered.free
    with pytest.raises(ValueError):
        SetAnswer("q?", answer={"b"}, options=["a"], lines=[1], explanation="e")


# -- Ordering -------------------------------------------------------------------

def test_ordering_accepts_ids_or_labels(timeline):
    assert timeline.check(["Wales Summit", "paris", "baghdad talks"]).correct is True
    assert timeline.check(np.array(["wales", "paris", "baghdad"])).correct is True


def test_ordering_first_wrong_position_and_count(timeline):
    assert timeline.check(["wales", "baghdad", "paris"]).message == (
        "1 of 3 is in the right place; the first wrong one is position 2 (you put 'Baghdad talks' there).")
    assert timeline.check(["paris", "baghdad", "wales"]).message.startswith("0 of 3 are in the right place;")
    four = Ordering("Order", answer=["a", "b", "c", "d"], lines=[1], explanation="e")
    assert four.check(["a", "b", "d", "c"]).message.startswith("2 of 4 are in the right place;")


def test_ordering_structural_problems(timeline):
    assert timeline.check(["wales", "wales", "rome"]).message == (
        "not among the items: 'rome'; given more than once: 'Wales summit'; "
        "missing: 'Paris conference', 'Baghdad talks'. Give each of the 3 items exactly once.")
    assert timeline.check([None, "paris", "baghdad"]).message.startswith("empty position: 1; missing: 'Wales summit'")
    assert timeline.check({"wales", "paris", "baghdad"}).message.startswith("a set has no order")
    assert timeline.check("wales").message.startswith("expected a list in order")


def test_ordering_display_order_is_not_the_answer(timeline):
    assert timeline.shuffled() != timeline.answer
    assert sorted(timeline.shuffled()) == sorted(timeline.answer)


# -- PandasAnswer ---------------------------------------------------------------

def test_frame_row_and_column_order_do_not_matter(table):
    expected = table.answer
    assert table.check(expected[["strikes", "country"]]).correct is True
    assert table.check(expected.iloc[::-1]).correct is True
    assert table.check(expected.iloc[::-1].reset_index(drop=True)).correct is True
    assert table.check(expected.assign(strikes=expected["strikes"] * (1 + 1e-12))).correct is True


def test_frame_messages_follow_type_columns_shape_index_values(table):
    expected = table.answer
    assert table.check([1, 2]).message == "expected a pandas DataFrame, got a list: [1, 2]."
    assert table.check(expected["strikes"]).message.startswith("expected a DataFrame (a table), got a Series")
    assert table.check(expected.rename(columns={"strikes": "n"})).message == (
        "missing column(s): 'strikes'; unexpected column(s): 'n'.")
    assert table.check(expected.iloc[:2]).message == "expected 3 rows, got 2."
    assert table.check(expected.set_axis([5, 6, 7])).message.startswith(
        "the values are right but the row labels (index) differ: expected 0, 1, 2; got 5, 6, 7.")
    assert table.check(expected.assign(strikes=[10, 21, 30.5])).message == (
        "1 of 6 values differ; the first is in row 1, column 'strikes': expected 20.0, got 21.0.")
    assert "your dtype is" in table.check(expected.assign(strikes=["10", "20", "30.5"])).message
    assert table.check(pd.concat([expected, expected["strikes"]], axis=1)).message == (
        "more than one column is called 'strikes'.")


def test_series_messages(series):
    expected = series.answer
    assert series.check(expected.rename("other")).correct is True
    assert series.check(expected.sort_index(ascending=False)).correct is True
    assert series.check(expected.to_frame()).message == (
        "expected a Series (one column of values), got a DataFrame with 1 column; "
        "pick its column, e.g. frame['strikes'].")
    assert series.check(expected * 2).message == (
        "2 of 2 values differ; the first is at 'France': expected 10.0, got 20.0.")
    assert series.check(pd.Series([1.0, 2.0, 3.0])).message == "expected 2 values, got 3."


def test_frame_strict_options():
    expected = pd.Series([1, 2], index=["a", "b"])
    strict = PandasAnswer("q?", answer=expected, lines=[1], explanation="e",
                          check_dtype=True, check_index_order=True)
    assert strict.check(expected.astype(float)).message == "your Series has dtype float64, expected int64."
    assert strict.check(expected.iloc[::-1]).message.startswith("the values are in a different order")


def test_frame_nan_equals_nan():
    expected = pd.DataFrame({"x": [1.0, np.nan], "y": ["a", None]})
    exercise = PandasAnswer("q?", answer=expected, lines=[1], explanation="e")
    assert exercise.check(expected.copy()).correct is True


# -- display text -----------------------------------------------------------------

def test_question_text_is_readable_and_deterministic(choice, timeline):
    text = question_bundle(choice)["text/plain"]
    assert text == (
        "Exercise (multiple choice)\nWhich metric fits a figure of 16,000 by January 2015?\nChoices:\n"
        "  ( ) airstrikes\n  ( ) sorties\n  ( ) missions\n"
        "Answer with the widget and press Check, or in code with .check(your_answer).")
    assert question_bundle(timeline) == question_bundle(timeline)


def test_question_html_is_escaped():
    risky = MultipleChoice("Is <b>this</b> & that safe?", choices={"<script>x</script>": "", "no": ""},
                           answer="no", lines=[1], explanation="e")
    rich = question_bundle(risky)["text/html"]
    assert "<script>" not in rich and "<b>this" not in rich
    assert "&lt;script&gt;" in rich and "&amp; that" in rich


def test_solution_block_only_when_switched_on(number):
    view = number.view()
    try:
        configure(show_solutions=False)
        assert len(bundles(number, view)) == 1
        configure(show_solutions=True)
        shown = bundles(number, view)
        assert len(shown) == 2
        assert shown[1]["text/plain"] == (
            "Solution\nAnswer: 58 countries\n58 countries are listed.\n(Source: article lines 65, 66)")
        assert "warcourse-solution" in shown[1]["text/html"]
    finally:
        configure(show_solutions=False)
    assert solution_bundle(number)["text/plain"].startswith("Solution")


def test_configure_wants_a_bool():
    with pytest.raises(TypeError):
        configure(show_solutions="False")
