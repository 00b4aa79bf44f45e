"""Unit tests for the exercise checkers: right, wrong, not answered, odd inputs, messages."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from warcourse import data, questions
from warcourse.exercises import (
    ExerciseView,
    Feedback,
    MultipleChoice,
    Numeric,
    Ordering,
    PandasAnswer,
    SetAnswer,
    configure,
    country,
    key,
    record,
)
from warcourse.exercises.feedback import NOT_ANSWERED, cite, joined
from warcourse.exercises.names import spellings
from warcourse.exercises.numeric import Ambiguous, NotANumber, to_fraction
from warcourse.exercises.sets import typed_items
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
                 "sorties": "The article counts sorties.", "missions": "Missions are reported separately."},
        answer="sorties", lines=[207, 211], hints=["Compare the rate per day.", "Look at line 211."],
    )


@pytest.fixture
def number():
    return Numeric("How many countries are listed?", answer=58, lines=[65, 66],
                   explanation="The list has that many names.", unit="countries",
                   mistakes=[(60, "That is the total the article states, not the count of the list.")])


@pytest.fixture
def countries():
    return SetAnswer("Which were left out?", answer={"China", "Russia"}, distractors=["Iran", "France"],
                     lines=[5], explanation="Both were left out.", hints=["Read the last sentence."])


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


def passage_line(section: str) -> int:
    """The first seed line of a section of the article (the sections come from data.passages())."""
    passages = data.passages()
    return int(passages.loc[passages["section"].eq(section) & passages["subsection"].isna(), "line"].iloc[0])


# -- Feedback -----------------------------------------------------------------

def test_feedback_text_is_plain_and_says_where_to_look():
    assert str(Feedback(True, "The list has 58 names.", (65, 66))) == \
        "✔ Right. The list has 58 names. (Where to look: article lines 65, 66.)"
    assert str(Feedback(False, "you said 59", (65,))) == "✘ Not quite. You said 59. (Where to look: article line 65.)"
    assert str(Feedback(False, "x.", where="the article's section “Iraq”")) == \
        "✘ Not quite. X. (Where to look: the article's section “Iraq”.)"
    assert str(Feedback(None, NOT_ANSWERED["code"])) == \
        "… Not answered yet: replace ... with your answer and run the cell again."


def test_joined_lists_in_plain_words():
    assert [joined([]), joined(["Iraq"]), joined(["Iraq", "Syria"])] == ["", "Iraq", "Iraq and Syria"]
    assert joined(["Iraq", "Syria", "Libya"], "or") == "Iraq, Syria or Libya"


def test_many_lines_are_cited_as_a_span_so_their_number_tells_nothing():
    assert str(Feedback(True, "x.", tuple(range(491, 538)))) == "✔ Right. X. (Where to look: article lines 491–537.)"
    assert str(Feedback(True, "x.", (5, 7, 9, 11))) == "✔ Right. X. (Where to look: article lines 5, 7, 9, 11.)"


def test_feedback_html_escapes_ignores_mathjax_and_is_a_status():
    feedback = Feedback(False, "'<script>' costs $1.7 million to $5.1 million.", (1,))
    rich = feedback._repr_html_()
    assert "<script>" not in rich and "&lt;script&gt;" in rich
    assert 'role="status"' in rich and "tex2jax_ignore" in rich and "mathjax_ignore" in rich
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
def test_unanswered_in_code_and_by_widget(exercise, answer):
    assert exercise.check(answer).message.startswith(NOT_ANSWERED["code"])
    assert ("inplace=True" in exercise.check(answer).message) == (answer is None)  # None is often a step's result
    by_widget = exercise.check(answer, via="widget")
    assert by_widget.correct is None
    assert by_widget.message == "Not answered yet: choose or type your answer and press Check."
    assert "in code" not in by_widget.message and "..." not in by_widget.message
    assert exercise.tries == 0


@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=lambda value: type(value).__name__)
def test_odd_answers_never_raise(exercise, answer):
    feedback = exercise.check(answer)
    assert isinstance(feedback, Feedback)
    assert feedback.correct in (False, None)
    assert str(feedback)


def test_expected_answer_is_right(exercise):
    feedback = exercise.check(key(exercise).answer)
    assert feedback.correct is True
    assert key(exercise).explanation[1:] in feedback.message
    assert cite(key(exercise).lines) in str(feedback)


@pytest.mark.parametrize("empty", [[], set(), (), pd.Series([], dtype=object), np.array([]),
                                   pd.DataFrame({"country": [], "strikes": []})],
                         ids=lambda value: type(value).__name__)
def test_an_empty_computed_answer_is_wrong_with_guidance(exercise, empty):
    feedback = exercise.check(empty)
    assert feedback.correct is False, feedback
    assert exercise.tries == 1 and "not answered" not in feedback.message.lower()


def test_wrong_answers_point_to_the_section_never_to_the_lines(exercise):
    feedback = exercise.check("something else entirely")
    assert feedback.correct is False and not feedback.lines
    assert "article line" not in str(feedback) and "Where to look:" in str(feedback)


def test_the_section_comes_from_the_lines_and_a_bank_may_name_what_to_reread():
    iraq = Numeric("q?", answer=1, lines=[passage_line("Iraq")], explanation="e", unit="x")
    assert iraq.check(2).where.startswith("the article's section “Iraq")
    table = Numeric("q?", answer=1, lines=[1], explanation="e", unit="x", where="the strike_counts table")
    assert str(table.check(2)).endswith("(Where to look: the strike_counts table.)")
    sections = MultipleChoice("Which section?", choices={"Iraq": "right", "Syria": "no"}, answer="Iraq",
                              lines=[passage_line("Iraq")])
    assert "Iraq" not in str(sections.check("Syria"))


def test_the_key_is_off_the_students_surface(exercise):
    assert set(dir(exercise)) <= {"check", "hint", "solution", "unlocked", "question", "tries", "kind", "describe"}
    public = {name: value for name, value in vars(exercise).items() if not name.startswith("_")}
    answer = key(exercise)
    for value in public.values():
        assert value is not answer.answer and value != answer.explanation and value != answer.code
        assert value != answer.hints and value != answer.lines
    assert not hasattr(exercise, "hints") and not hasattr(exercise, "answer_text")


def test_key_is_for_exercises_only():
    with pytest.raises(TypeError):
        key("q.between")


def test_constructor_rejects_bad_lines_and_missing_parts():
    for lines in ([], [0], ["65"], [True], [1.5]):
        with pytest.raises(ValueError):
            Numeric("q?", answer=1, lines=lines, explanation="e", unit="x")
    with pytest.raises(ValueError):
        Numeric("q?", answer=1, lines=[1], explanation="", unit="x")
    with pytest.raises(ValueError):
        Numeric("q?", answer=1, lines=[1], explanation="e", unit="")
    with pytest.raises(ValueError):
        Numeric("q?", answer=1, lines=[1], explanation="e", unit="x", hints="one hint, not a list")


def test_lines_from_a_table_become_plain_sorted_ints():
    exercise = Numeric("q?", answer=1, lines=pd.Series([66, 65, 66]), explanation="e", unit="x")
    assert key(exercise).lines == (65, 66) and all(type(line) is int for line in key(exercise).lines)


# -- hints, solutions and the record -------------------------------------------------

def test_hints_are_a_ladder(choice):
    assert str(choice.hint()) == "Hint 1 of 2: Compare the rate per day."
    assert str(choice.hint()) == "Hint 2 of 2: Look at line 211. (That was the last hint.)"
    assert str(choice.hint()) == "Hint 2 of 2: Look at line 211. (That was the last hint.)"


def test_without_hints_a_hint_points_to_the_section(number):
    bare = Numeric("q?", answer=1, lines=[passage_line("Iraq")], explanation="e", unit="x")
    assert "“Iraq" in str(bare.hint()) and "line" not in str(bare.hint())


def test_solution_is_refused_before_two_tries(number):
    configure(show_solutions=False)
    refused = number.solution()
    assert refused.text.startswith("not yet") and "58" not in str(refused)
    number.check(59)
    assert "you have answered once" in number.solution().text
    number.check(...)  # not answered: not a try
    number.check(57)
    worked = str(number.solution())
    assert "Answer: 58 countries" in worked and "Source: article lines 65, 66." in worked


def test_a_worked_answer_is_rounded_as_the_question_asks():
    """A one-decimal question's answer reads 26.7, with the unrounded value after it, not 26.695585 alone."""
    ratio = Numeric("How many times? Give one decimal.", answer=26.695585, unit="times", decimals=1,
                    tolerance=0.05, lines=[passage_line("Iraq")], explanation="e")
    try:
        configure(show_solutions=True)
        assert "Answer: 26.7 times (26.695585 before rounding)" in str(ratio.solution())
    finally:
        configure(show_solutions=False)
    assert ratio.check(26.7).correct is True
    with pytest.raises(ValueError, match="rounded to 1 decimals, 26.7, would be refused"):
        Numeric("How many times? Give one decimal.", answer=26.695585, unit="times", decimals=1,
                lines=[passage_line("Iraq")], explanation="e")


def test_solution_shows_when_switched_on(number):
    try:
        configure(show_solutions=True)
        assert "Answer: 58 countries" in str(number.solution())
    finally:
        configure(show_solutions=False)


def test_a_discussion_stays_locked_until_the_question_is_answered_right_or_twice(number, capsys):
    """``unlocked()`` guards a lesson cell that gives the answer away; locked, it says what unlocks it."""
    configure(show_solutions=False)
    number.name = "count"
    assert number.unlocked() is False
    said = capsys.readouterr().out
    assert "q.count" in said and "58" not in said
    number.check(...)  # not answered: not a try
    assert number.unlocked() is False and "Locked" in capsys.readouterr().out
    number.check(58)
    assert number.unlocked() is True and capsys.readouterr().out == ""


def test_two_wrong_tries_or_solutions_shown_unlock_a_discussion(number, countries):
    configure(show_solutions=False)
    number.check(59)
    assert number.unlocked() is False
    number.check(57)
    assert number.unlocked() is True
    try:
        configure(show_solutions=True)
        assert countries.unlocked() is True
    finally:
        configure(show_solutions=False)


def test_every_check_is_recorded(number):
    number.id = "demo.count"
    before = len(record.attempts())
    number.check(57)
    number.check("58", via="widget")
    last = record.attempts()[before:]
    assert [(a.question_id, a.correct, a.answer, a.via) for a in last] == [
        ("demo.count", False, 57, "code"), ("demo.count", True, "58", "widget")]


# -- MultipleChoice -------------------------------------------------------------

@pytest.mark.parametrize("given", ["  Sorties ", "SORTIES.", "“sorties”", "sorties!"])
def test_choice_right_ignores_case_spacing_and_punctuation(choice, given):
    assert choice.check(given).correct is True
    assert choice.check("sorties").message == "The article counts sorties."


def test_choice_short_forms_prefixes_and_aliases():
    labels = {"sorties: flights by one aircraft each": "Right.", "airstrikes, as the article says": "No.",
              "Nothing: the counts agree": "No.", "Nothing: they differ": "No."}
    unit = MultipleChoice("Which unit?", choices=labels, answer="sorties: flights by one aircraft each", lines=[1],
                          aliases={"sorties: flights by one aircraft each": ["flights"]})
    assert unit.check("Sorties").correct is True and unit.check("flights").correct is True
    assert unit.check("flights by one aircraft each.").correct is True
    assert unit.check("nothing").correct is None  # a short form of two choices: not graded, asked which
    assert "begins more than one choice. Give the whole text of the one you mean" in unit.check("nothing").message
    heading = MultipleChoice("Where?", choices={"Iraq › Humanitarian efforts": "Right.", "Iraq › Military aid": "No."},
                             answer="Iraq › Humanitarian efforts", lines=[1])
    assert heading.check("iraq > humanitarian efforts").correct is True


def test_a_leading_article_is_neither_needed_nor_wrong():
    gap = MultipleChoice("Which reading?", choices={"A claimant gap: two claimants count differently": "Right.",
                                                    "A typo: the number is mistyped": "No typo.",
                                                    "The article contradicts itself": "No."},
                         answer="A claimant gap: two claimants count differently", lines=[1])
    for given in ["claimant gap", "the claimant gap", "claimant gap: two claimants count differently"]:
        assert gap.check(given).correct is True, given
    assert gap.check("typo").message == "You chose “A typo: the number is mistyped”. No typo."
    assert gap.check("article contradicts itself").correct is False
    assert gap.check("a").correct is not True  # a letter stays a letter
    assert gap.check("the").correct is False and "is not one of the choices" in gap.check("the").message


def test_choice_wrong_explains_that_choice_only(choice):
    feedback = choice.check("airstrikes")
    assert feedback.correct is False
    assert str(feedback).startswith("✘ Not quite. You chose “airstrikes”. Airstrikes are counted in the thousands, "
                                    "not tens of thousands.")
    assert "sorties" not in feedback.message


def test_choice_order_is_shuffled_deterministically_and_letters_work(choice):
    again = MultipleChoice(choice.question, choices=dict.fromkeys(choice.order, "why"), answer="sorties", lines=[1])
    assert again.order == choice.order and sorted(choice.order) == ["airstrikes", "missions", "sorties"]
    letter = "abc"[choice.order.index("sorties")]
    assert choice.check(letter).correct is True
    for given in (f"{letter})", f"({letter})", f"'{letter}'", f"Option {letter}", f"choice {letter}.", f" {letter}. "):
        assert choice.check(given).correct is True, given
    assert choice.check(f"option {letter}{letter}").correct is False
    assert choice.describe()[1:] == [f"  {letter}) {c}" for letter, c in zip("abc", choice.order)]


def test_the_right_choice_is_not_always_first():
    positions = set()
    for number in range(12):
        choices = {f"option {letter} of {number}": "why" for letter in "abcd"}
        quiz = MultipleChoice(f"Question {number}?", choices=choices, answer=f"option a of {number}", lines=[1])
        positions.add(quiz.order.index(key(quiz).answer))
    assert len(positions) > 1


def test_choice_not_a_choice_names_the_letters(choice):
    assert choice.check("bombs").message == ("'bombs' is not one of the choices. Give a choice's text, or its letter "
                                             "(a, b, c).")


def test_choice_needs_every_explanation():
    with pytest.raises(ValueError, match="explanation"):
        MultipleChoice("q?", choices={"a": "why a", "b": ""}, answer="a", lines=[1])
    with pytest.raises(ValueError):
        MultipleChoice("q?", choices={"a": "x", "b": "y"}, answer="c", lines=[1])
    with pytest.raises(ValueError, match="'The wall' and 'wall.' differ only in case, spacing, punctuation or a "
                                         "leading article"):
        MultipleChoice("q?", choices={"The wall": "x", "wall.": "y"}, answer="wall.", lines=[1])


def test_choice_with_number_keys():
    years = MultipleChoice("Which year?", choices={2014: "Too early.", 2015: "Right year."}, answer=2015, lines=[1])
    assert years.check(2015).correct is True
    assert years.check("2015").correct is True
    assert years.check(2014).message == "You chose “2014”. Too early."


def test_choice_answer_text_is_not_just_the_choice(choice):
    assert key(choice).text.endswith("— The article counts sorties.")


# -- Numeric --------------------------------------------------------------------

@pytest.mark.parametrize("answer", [58, 58.0, "58", " 58 ", "58.0", np.int64(58), np.float32(58), Fraction(58),
                                    Decimal("58.0"), "58 countries", "58 nations", "58 states", "58x", "58×",
                                    "58 X", "58-fold", "x58", "× 58",
                                    "58 listed", "58 Coalition members"])
def test_numeric_accepts_equal_numbers(number, answer):
    assert number.check(answer).correct is True


@pytest.mark.parametrize("answer", ["58 airstrikes", "58/day", "58 a day", "58 per month", "58 sorties"])
def test_a_unit_of_another_kind_is_asked_about_not_accepted(number, answer):
    """"58 airstrikes" for a number of countries is a mix-up the student should hear about; the reply names what
    the question counts, which the question says anyway."""
    feedback = number.check(answer)
    assert feedback.correct is None and "not what the question counts" in feedback.message
    assert "countries" in feedback.message and "58" not in feedback.message.replace(answer, "")


def test_a_unit_of_the_same_kind_is_accepted_whatever_its_spelling():
    rate = Numeric("How many a day?", answer=3.1, unit="airstrikes a day", lines=[1], explanation="e", decimals=1)
    for typed in ("3.1", "3.1 a day", "3.1/day", "3.1 per day", "3.1 strikes a day", "3.1 air strikes per day"):
        assert rate.check(typed).correct is True, typed
    deaths = Numeric("How many were killed?", answer=300, unit="people", lines=[1], explanation="e")
    assert all(deaths.check(f"300 {word}").correct is True for word in ("people", "civilians", "deaths", "killed"))


@pytest.mark.parametrize("given, direction", [(59, "close, but not"), ("1,149", "too high"), (57.5, "close, but not"),
                                              (40, "too low"), (63, "close, but not"), (65, "too high")])
def test_numeric_says_the_direction_never_the_gap(number, given, direction):
    """Far off, the direction; near (within a tenth of the answer here), only "close": 57 "too low" and 59 "too
    high" would give 58 away in two tries."""
    feedback = number.check(given)
    assert feedback.correct is False and direction in feedback.message
    assert "58 " not in feedback.message and " 1 " not in feedback.message and "1,091" not in feedback.message
    assert not ("close" in direction and "too" in feedback.message)


def test_numeric_names_typical_mistakes_and_factors_of_ten(number):
    assert number.check(60).message == ("You said 60 countries. That is the total the article states, "
                                        "not the count of the list.")
    assert "about 10 times too high" in number.check(580).message
    assert "about 100 times too low" in number.check(0.58).message
    assert "sign is wrong" in number.check(-58).message


@pytest.mark.parametrize("text, value", [("1,149", 1149), ("1 149", 1149), ("1\u202f149", 1149), ("1_149", 1149),
                                         ("1,149,000", 1149000), ("2.5e3", 2500), ("-12.5", -12.5), ("58", 58)])
def test_numbers_as_people_write_them(text, value):
    assert to_fraction(text) == Fraction(str(value))


@pytest.mark.parametrize("text", ["5 8", "5_8", "1,14", "58 countries", "fifty-eight", "1,1490", "12,34,567", "0,415"])
def test_separators_outside_groups_of_three_are_not_numbers(text):
    with pytest.raises((NotANumber, Ambiguous)):
        to_fraction(text)


@pytest.mark.parametrize("text, meant", [("5,8", "5.8"), ("1,5", "1.5"), ("99,4", "99.4")])
def test_a_decimal_comma_is_ambiguous_and_not_graded(text, meant):
    share = Numeric("q?", answer=99.4, lines=[1], explanation="e", unit="per day")
    feedback = share.check(text)
    assert feedback.correct is None and f"did you mean {meant} " in feedback.message
    assert share.tries == 0


def test_a_dot_before_three_digits_is_ambiguous_for_whole_numbers(number):
    feedback = number.check("1.000")
    assert feedback.correct is None and "did you mean 1000" in feedback.message
    rate = Numeric("q?", answer=2.125, lines=[1], explanation="e", unit="per day")
    assert rate.check("2.125").correct is True


def test_numeric_rejects_booleans_and_text(number):
    assert number.check(True).message.startswith("True is a yes/no value, not a number. Give one number")
    assert number.check(np.bool_(False)).correct is False
    assert "'fifty-eight hundred' is not a number; write it in digits" in number.check("fifty-eight hundred").message
    assert "'a dozen' is not a number" in number.check("a dozen").message  # vague: the article's, not an answer


def test_a_whole_number_under_a_hundred_may_be_written_in_words(number):
    for text in ("fifty-eight", "Fifty eight", "fifty-eight countries", "FIFTY-EIGHT"):
        assert number.check(text).correct is True, text
    assert number.check("fifty-seven").message.startswith("You said 57 countries")
    assert "'fifty-eightish' is not a number" in number.check("fifty-eightish").message  # named as typed


def test_a_hedge_before_a_number_is_sent_back_without_a_verdict(number):
    """"about 58" may hold the right number: the student is asked for the number alone, in words that
    are the same whatever the number, so they tell nothing about the answer; no try is used."""
    for words in ("about", "over", "nearly", "c.", "~", "≈", ">", ">="):
        replies = {number.check(f"{words} {value}") for value in (58, 60, 1800, -3)}
        assert len(replies) == 1
        feedback = replies.pop()
        assert feedback.correct is None
        assert f"“{words}” comes before the number: give the number alone" in feedback.message
    assert number.check("about 58 countries").correct is None and number.check("~58").correct is None
    assert number.tries == 0
    assert number.check("about fifty-eight").correct is None and number.tries == 0  # a hedge, in words too
    assert "'about fiftyish' is not a number" in number.check("about fiftyish").message


def test_numeric_nan_inf_and_huge(number):
    assert "NaN" in number.check(float("nan")).message
    assert "infinite" in number.check(float("-inf")).message
    assert number.check(10**400).message == "You said 1×10^400 countries, which is too high."
    assert "sign is wrong" in number.check(-(10**5000)).message
    assert number.check("1e9999").correct is False


@pytest.mark.parametrize("one", [pd.Series([58], index=[7]), pd.Index([58]), np.array([58]), pd.array([58]), [58],
                                 (58,), pd.DataFrame({"n": [58]}), pd.DataFrame({"n": [58], "name": ["x"]})],
                         ids=lambda one: type(one).__name__)
def test_the_way_out_of_a_container_of_one_works(number, one):
    """The advice for a container that holds the number ("take the number out with ...") gives the number when
    followed literally (for a table of several columns, after picking the column)."""
    message = number.check(one).message
    step = re.search(r"take the number out with (.+?)\.? Give", message)
    assert step, message
    if "pick the column you computed" in message:
        one = one["n"]
    assert eval(f"one{step[1]}", {"one": one}) == 58


def test_numeric_collections_get_a_pointed_message(number):
    assert number.check(pd.Series([58])).message.startswith(
        "Expected a single number, got a Series of one value; take the number out with .item().")
    assert number.check([58, 59]).message.startswith("Expected a single number, got a list of 2 values.")
    assert number.check([]).message.startswith("Expected a single number, got an empty list; check the filter")


def test_numeric_tolerances_and_rounding():
    near = Numeric("q?", answer=1000, tolerance=2, rel_tolerance=0.05, lines=[1], explanation="e", unit="strikes")
    assert near.check(1050).correct is True
    assert near.check(949).correct is False
    assert "answers within ±2 or ±5% are accepted" in near.check(1060).message
    assert near.describe() == ["Give a number (in strikes). Tolerance: answers within ±2 or ±5% are accepted."]
    rate = Numeric("q?", answer=12.5, lines=[1], explanation="e", unit="strikes a day", decimals=1)
    assert rate.check(14.04).message == "You said 14.04 strikes a day, which is too high."
    assert rate.check(14).message == "You said 14 strikes a day, which is too high."
    assert rate.check(13).message.startswith("You said 13 strikes a day: close, but not the number asked for.")


def test_numeric_float_noise_is_tolerated():
    share = Numeric("q?", answer=0.3, lines=[1], explanation="e", unit="share")
    assert share.check(0.1 + 0.2).correct is True
    assert share.check("0.3").correct is True
    assert share.check(0.31).correct is False


def test_numeric_constructor_rejects_bad_values():
    with pytest.raises(ValueError):
        Numeric("q?", answer="many", lines=[1], explanation="e", unit="x")
    with pytest.raises(ValueError):
        Numeric("q?", answer=1, tolerance=-1, lines=[1], explanation="e", unit="x")


# -- SetAnswer ------------------------------------------------------------------

@pytest.mark.parametrize("answer", [["china", " RUSSIA "], ("China", "Russia"), {"Russia", "China"},
                                    pd.Series(["China", "Russia"]), ["China", "Russia", "China"],
                                    ["China", None, float("nan"), "Russia"], "China, Russia",
                                    "China\nRussia\n", "China; Russia"])
def test_set_accepts_any_collection_and_typed_lists(countries, answer):
    assert countries.check(answer).correct is True


def test_set_names_at_most_one_item_that_does_not_belong_and_never_counts(countries):
    both = countries.check(["China", "Iran"]).message
    assert both == ("“Iran” does not belong, and some items are missing. Reread what the question asks and "
                    "check each item against it.")
    feedback = countries.check("China")
    assert feedback.message == "Some items are missing. Your selection is too strict: reread what the question asks."
    assert "China" not in countries.check(["Russia"]).message
    every = countries.check(["China", "Russia", "Iran", "France"]).message
    assert every.startswith("Some of your items do not belong: you have too many items.")  # naming one would tell
    assert not any(char.isdigit() for char in every + both)


def test_set_advice_fits_the_question():
    two = SetAnswer("q?", answer={"a"}, distractors=["b", "c"], lines=[1], explanation="e", conditions=2)
    assert "the question's 2 conditions" in two.check(["a", "b"]).message
    told = SetAnswer("q?", answer={"a"}, distractors=["b", "c"], lines=[1], explanation="e",
                     advice="Check the spelling of each name.")
    assert told.check(["c"]).message.endswith("Check the spelling of each name.")
    one = SetAnswer("q?", answer={"a"}, distractors=["b", "c"], lines=[1], explanation="e")
    assert "conditions" not in " ".join(one.check(given).message for given in (["b"], ["a", "b"], ["c", "b"]))


def test_set_unknown_option_says_which_form(countries):
    assert countries.check(["Chinaa"]).message == ("'Chinaa' is not one of the options. Type the options' letters "
                                                   "separated by commas, or give their texts as a list, e.g. "
                                                   "[\"...\", \"...\"].")


def test_typed_items_say_how_they_were_read():
    assert typed_items("A, B") == (["A", "B"], "separated by commas")
    assert typed_items("A\nB, C") == (["A", "B, C"], "one per line")
    assert typed_items("A") == (["A"], "as one item")
    assert typed_items("A, B, and C") == (["A", "B", "C"], "separated by commas")


def test_countries_joined_by_and_are_read_as_countries_unless_that_is_one_country():
    """"Iraq and Syria" names two countries; "Bosnia and Herzegovina" one. Splitting depends on the country names
    the course knows, never on the answer."""
    pair = SetAnswer("Which?", answer={"Iraq", "Syria"}, normalise=country, lines=[1], explanation="e")
    for typed in ("Iraq and Syria", "Iraq, and Syria", "iraq AND syria", "Syria and Iraq"):
        assert pair.check(typed).correct is True, typed
    assert pair.typed("Iraq and Syria") == (["Iraq", "Syria"], "separated by “and”")
    two = ["Bosnia and Herzegovina", "Trinidad and Tobago"]
    assert pair.typed(", ".join(two))[0] == two
    assert pair.typed("Iraq and Atlantis")[0] == ["Iraq and Atlantis"]  # not two names: read as typed
    plain = SetAnswer("Which?", answer={"bread and butter", "tea"}, lines=[1], explanation="e")
    assert plain.check("bread and butter, tea").correct is True


def test_set_refuses_tables_and_dicts(countries):
    assert "got a table (DataFrame)" in countries.check(pd.DataFrame({"a": ["China"]})).message
    assert "got a dict" in countries.check({"China": 1}).message


@pytest.mark.parametrize("answer", [pd.Index(["China", "Russia"]), np.array(["China", "Russia"]),
                                    pd.array(["China", "Russia"], dtype="string"), {"China": 1, "Russia": 2}.keys(),
                                    pd.Series(["China", "Russia"], dtype="category").values, ["china.", "RUSSIA"]],
                         ids=lambda value: type(value).__name__)
def test_set_accepts_arrays_index_and_views(countries, answer):
    assert countries.check(answer).correct is True


def test_set_normalise_hook():
    codes = SetAnswer("q?", answer={"CHN", "RUS"}, lines=[1], explanation="e",
                      normalise=lambda text: {"china": "CHN", "russia": "RUS"}.get(text.strip().casefold(), text))
    assert codes.check(["china", "russia"]).correct is True


@pytest.mark.parametrize("given", [["UK", "USA"], ["Britain", "US"], "U.K., U.S.", ["united kingdom", "America"],
                                   ["Great Britain", "United States of America"], ["GBR", "USA"]])
def test_country_names_as_students_write_them(given):
    allies = SetAnswer("q?", answer={"United Kingdom", "United States"}, distractors=["France", "Saudi Arabia"],
                       normalise=country, lines=[1], explanation="e")
    assert allies.check(given).correct is True


def test_country_short_forms():
    assert country("UAE") == country("United Arab Emirates") == "ARE"
    assert country("Saudi-Arabia") == country("Saudi Arabia") == "SAU"
    assert country("Hezbollah") == "hezbollah"


@pytest.mark.parametrize("given", [[("a", "b")], [("b", "a")], ["b vs. a"], ["a / b"], "a vs b", [["a", "b"]]])
def test_pairs_in_any_order_or_form(given):
    pairs = SetAnswer("Which pairs?", answer=["a vs b"], options=["a vs b", "a vs c", "b vs c"], pairs=True,
                      lines=[1], explanation="e")
    assert pairs.check(given).correct is True
    assert pairs.check([("c", "a")]).correct is False


def test_set_aliases():
    kinds = SetAnswer("q?", answer={"Iraq › Humanitarian efforts"}, options=["Iraq › Humanitarian efforts", "Syria"],
                      aliases={"Iraq › Humanitarian efforts": ["aid"]}, lines=[1], explanation="e")
    assert kinds.check(["aid"]).correct is True and kinds.check(["Iraq > humanitarian efforts."]).correct is True


def test_set_options():
    free = SetAnswer("q?", answer={"b", "a"}, lines=[1], explanation="e")
    assert free.free and free.options == []
    offered = SetAnswer("q?", answer={"b"}, options=["c", "b", "a"], lines=[1], explanation="e")
    assert offered.options == ["c", "b", "a"] and not offered.free
    with pytest.raises(ValueError):
        SetAnswer("q?", answer={"b"}, options=["a"], lines=[1], explanation="e")
    with pytest.raises(ValueError, match="every option"):
        SetAnswer("q?", answer={"a", "b"}, options=["a", "b"], lines=[1], explanation="e")
    assert key(offered).text == "1 item: b"


# -- Ordering -------------------------------------------------------------------

def test_ordering_accepts_ids_labels_and_arrays(timeline):
    assert timeline.check(["Wales Summit", "paris", "baghdad talks."]).correct is True
    assert timeline.check(np.array(["wales", "paris", "baghdad"])).correct is True
    assert timeline.check(pd.Series(["wales", "paris", "baghdad"])).correct is True


def test_ordering_accepts_the_tables_own_text():
    events = Ordering("Order the events by date.", answer=[1, 2, 3], lines=[1], explanation="e",
                      labels={1: "US: first strike", 2: "France: joined the campaign", 3: "UK: voted to join"},
                      aliases={1: ["Operation Inherent Resolve begins"]})
    assert events.check(["First strike.", "joined the campaign", "UK: voted to join."]).correct is True
    assert events.check(["Operation Inherent Resolve begins", 2, "3"]).correct is True


def test_ordering_counts_what_is_in_place_and_nothing_more(timeline):
    assert timeline.check(["wales", "baghdad", "paris"]).message == (
        "1 of the 3 items is in the right place: check what you sort by and in which direction.")
    assert timeline.check(["paris", "baghdad", "wales"]).message.startswith("0 of the 3 items are in the right place:")


def test_ordering_structural_problems(timeline):
    message = timeline.check(["wales", "wales", "rome"]).message
    assert message.startswith("'rome' is not among the items; 'Wales summit' is given more than once;")
    assert timeline.check({"wales", "paris", "baghdad"}).message.startswith("A set has no order")
    assert timeline.check("wales").message.startswith("Expected a list in order")


def test_ordering_display_order_is_not_the_answer(timeline):
    assert timeline.shuffled() != key(timeline).answer
    assert sorted(timeline.shuffled()) == sorted(key(timeline).answer)
    assert list(timeline.labels) == timeline.shuffled()


# -- PandasAnswer ---------------------------------------------------------------

def test_frame_row_and_column_order_and_index_do_not_matter(table):
    expected = key(table).answer
    assert table.check(expected[["strikes", "country"]]).correct is True
    assert table.check(expected.iloc[::-1]).correct is True
    assert table.check(expected.iloc[::-1].reset_index(drop=True)).correct is True
    assert table.check(expected.set_axis([5, 6, 7])).correct is True
    assert table.check(expected.set_index("country")).correct is True
    assert table.check(expected.set_index("country")["strikes"]).correct is True
    assert table.check(expected.assign(strikes=expected["strikes"] * (1 + 1e-12))).correct is True


def test_frame_messages_never_show_expected_values(table):
    expected = key(table).answer
    assert table.check([1, 2]).message == "Expected a pandas DataFrame, got a list: [1, 2]."
    assert table.check(expected["strikes"]).message.startswith("Expected a DataFrame (a table), got a Series")
    assert table.check(expected.rename(columns={"strikes": "n"})).message == (
        "These columns are not asked for: 'n'; 1 column the question asks for is missing (check the names).")
    assert table.check(expected.iloc[:2]).message.startswith("Your answer has too few rows:")
    assert table.check(pd.concat([expected, expected])).message.startswith("Some rows appear more than once")
    nan_row = pd.concat([expected, pd.DataFrame({"country": ["Chad"], "strikes": [np.nan]})])
    assert "missing value (NaN)" in table.check(nan_row).message
    filtered_wrong = pd.concat([expected, pd.DataFrame({"country": ["Chad", "Mali"], "strikes": [np.nan, 4]})])
    assert table.check(filtered_wrong).message.startswith("Your answer has too many rows")  # not every extra is NaN
    differ = table.check(expected.assign(strikes=[10, 21, 30.5])).message
    assert differ.startswith("Some of your rows are not the ones asked for") and "20" not in differ
    assert table.check(expected.iloc[:0]).message.startswith("Your DataFrame is empty.")
    assert table.check(pd.concat([expected, expected["strikes"]], axis=1)).message == (
        "More than one column is called 'strikes'.")


def test_python_values_typed_by_hand_are_read_as_the_series_or_table_they_spell(table, series):
    expected = key(series).answer
    assert series.check({"France": 10, "UK": 20}).correct is True
    assert series.check({"France": 10, "UK": 21}).message.startswith("The row labels are right, but some values")
    assert series.check({"France": [10], "UK": [20]}).message == (
        "Expected a pandas Series, got a dict that is not one: {'France': [10], 'UK': [20]}. "
        "A Series as a dict maps each label to one value.")
    assert table.check(key(table).answer.to_dict("list")).correct is True
    assert table.check({"country": ["France", "Iraq", "UK"], "strikes": [10, 20, 30.5]}).correct is True
    assert table.check({"country": "France", "strikes": 10}).message == (
        "Expected a pandas DataFrame, got a dict that is not one: {'country': 'France', 'strikes': 10}. "
        "A DataFrame as a dict maps each column name to a list of values, one per row, all of the same length.")
    assert table.check({"country": ["France"], "strikes": [10, 20]}).message.startswith("Expected a pandas DataFrame")
    assert table.check(key(table).answer.to_dict("records")).correct is True  # rows collected in a loop
    assert table.check([{"country": "France"}, 3]).message.startswith("Expected a pandas DataFrame, got a list")
    assert series.check([{"France": 10}]).message.startswith("Expected a pandas Series, got a list")
    positions = PandasAnswer("Strikes, in order of the rows?", answer=expected.reset_index(drop=True), lines=[3],
                             explanation="e")
    assert positions.check({0: 10.0, 1: 20.0}).correct is True  # labels that are positions stay positions
    assert positions.check([20.0, 10.0]).correct is True and positions.check(np.array([10.0, 20.0])).correct is True
    assert series.check([10.0, 20.0]).message == (
        "Expected a pandas Series, got a list of values without their row labels: [10.0, 20.0]. "
        "Make a Series whose index holds the labels the question names.")


def test_series_messages(series):
    expected = key(series).answer
    assert series.check(expected.rename("other")).correct is True
    assert series.check(expected.sort_index(ascending=False)).correct is True
    assert series.check(expected.to_frame()).correct is True
    assert series.check(expected.reset_index()).correct is True
    assert series.check(expected * 2).message == (
        "The row labels are right, but some values differ; the first is at 'France': your value 20.0 is too high.")
    near = series.check(expected + 1).message  # near a value, no direction: 9 "too low", 11 "too high" give 10
    assert near.endswith("the first is at 'France': your value 11.0 is close, but not right.") and "too" not in near
    assert series.check(expected.reset_index(drop=True)).message.startswith("Your rows are labelled another way")
    missing = series.check(expected.iloc[:1]).message
    assert missing == "Some values are missing: check whether your filter is too strict."


def test_a_table_value_is_close_where_a_number_would_be():
    """Tables and numbers share one "close" band (``numeric.near``): with 5% accepted, a value within ten
    times that (50%) of the answer gets no direction, as a number question's would."""
    answer = pd.Series({"France": 100.0}, name="strikes").rename_axis("country")
    table = PandasAnswer("Make a Series?", answer=answer, lines=[1], explanation="e", rtol=0.05)
    number = Numeric("How many?", answer=100, lines=[1], explanation="e", unit="strikes", tolerance=5)
    for given, words in ((140, "close"), (160, "too high"), (45, "too low")):
        assert words in table.check(answer * 0 + given).message and words in number.check(given).message


def test_a_true_or_false_cell_is_never_close_nor_too_high():
    answer = pd.DataFrame({"wales": [True, False]}, index=pd.Index(["France", "Chad"], name="country"))
    table = PandasAnswer("Make a DataFrame?", answer=answer, lines=[1], explanation="e")
    for given in (~answer, answer.astype(int).replace({1: 0, 0: 1})):
        message = table.check(given).message
        assert message.endswith("is not right: check the condition that sets it."), message
        assert "close" not in message and "too " not in message
    counts = PandasAnswer("Make a DataFrame?", answer=answer.astype(int) * 3, lines=[1], explanation="e")
    assert counts.check(answer).message.endswith("your value True is a condition, not a number: to count the rows "
                                                 "where a condition holds, sum it.")


def test_series_another_grouping_and_zero_categories(series):
    expected = key(series).answer
    by_continent = expected.set_axis(pd.Index(["Europe", "Asia"], name="continent"))
    assert series.check(by_continent).message.startswith("Your rows are labelled by other values than the question")
    with_zero = pd.concat([expected, pd.Series([0.0], index=pd.Index(["Chad"], name="country"))])
    counts = with_zero.astype("float64").set_axis(pd.CategoricalIndex(with_zero.index, name="country"))
    message = series.check(counts).message
    assert "zero or missing, such as 'Chad'" in message and "observed=True" in message
    for number in ("10", "20"):
        assert number not in message


def test_frame_ordered_needs_the_question_to_say_so():
    expected = pd.Series([1, 2], index=["a", "b"])
    with pytest.raises(ValueError, match="order"):
        PandasAnswer("q?", answer=expected, lines=[1], explanation="e", ordered=True)
    strict = PandasAnswer("Sort them by date.", answer=expected, lines=[1], explanation="e", check_dtype=True,
                          ordered=True)
    assert strict.check(expected.astype(float)).message == "Your Series has dtype float64, expected int64."
    reversed_order = strict.check(expected.iloc[::-1]).message
    assert reversed_order == "The values are right but in another order: check how you sorted them."
    assert strict.check(expected).correct is True


def test_numbers_held_as_python_objects_are_numbers_and_numbers_as_text_are_named(table):
    """An object column of Python ints (a table built row by row) is compared as numbers in any row order; a
    column of digits as text is told to be converted, not that the rows are wrong."""
    expected = key(table).answer
    lines = PandasAnswer("q?", answer=pd.DataFrame({"line": [9, 10, 126], "section": "Iraq"}), lines=[1],
                         explanation="e")  # as text, 10 and 126 sort before 9
    assert lines.check(pd.DataFrame({"line": [126, 9, 10], "section": "Iraq"}, dtype=object)).correct is True
    assert table.check(expected.assign(strikes=expected["strikes"].astype(object))).correct is True
    as_text = table.check(expected.astype(str)).message
    assert as_text == ("Column 'strikes' should hold numbers but holds str values, and numbers never match text: "
                       "convert them, e.g. with pd.to_numeric(...).")
    flags = PandasAnswer("q?", answer=pd.DataFrame({"name": ["a", "b"], "kept": [True, False]}), lines=[1],
                         explanation="e")
    assert flags.check(pd.DataFrame({"name": ["b", "a"], "kept": [False, True]}, dtype=object)).correct is True


def test_frame_nan_equals_nan():
    expected = pd.DataFrame({"x": [1.0, np.nan], "y": ["a", None]})
    exercise = PandasAnswer("q?", answer=expected, lines=[1], explanation="e")
    assert exercise.check(expected.copy()).correct is True
    assert exercise.check(expected.iloc[::-1]).correct is True


# -- display text -----------------------------------------------------------------

def test_question_text_is_readable_and_deterministic(choice, timeline):
    choice.name = "metric"
    text = question_bundle(choice)["text/plain"]
    assert text == (
        "Question metric (multiple choice)\nWhich metric fits a figure of 16,000 by January 2015?\nChoices:\n"
        + "".join(f"  {letter}) {c}\n" for letter, c in zip("abc", choice.order))
        + "In the notebook, answer with the widget (press Check), or in code: q.metric.check(your_answer). Stuck? "
          "q.metric.hint() gives a hint, q.metric.solution() the worked answer after two tries.")
    assert question_bundle(timeline) == question_bundle(timeline)


def test_question_html_is_escaped():
    risky = MultipleChoice("Is <b>this</b> & that safe?", choices={"<script>x</script>": "x", "no": "y"},
                           answer="no", lines=[1])
    rich = question_bundle(risky)["text/html"]
    assert "<script>" not in rich and "<b>this" not in rich
    assert "&lt;script&gt;" in rich and "&amp; that" in rich


def test_solution_block_only_when_switched_on(number):
    view = ExerciseView(number)
    try:
        configure(show_solutions=False)
        assert len(bundles(number, view)) == 1
        configure(show_solutions=True)
        shown = bundles(number, view)
        assert len(shown) == 2
        assert shown[1]["text/plain"] == ("Solution\nAnswer: 58 countries\nThe list has that many names.\n"
                                          "Source: article lines 65, 66.")
        assert "warcourse-solution" in shown[1]["text/html"]
    finally:
        configure(show_solutions=False)
    assert solution_bundle(number)["text/plain"].startswith("Solution")


def test_configure_wants_a_bool():
    with pytest.raises(TypeError):
        configure(show_solutions="False")


def test_no_bank_question_shows_its_key_on_tab_completion():
    """dir() of every question of every bank (default parameters) lists what a student uses, nothing of the key."""
    for name in questions.BANKS:
        bank = getattr(questions, name)()
        for question in bank:
            exercise = bank[question]
            answer = key(exercise)
            listed = set(dir(exercise))
            assert listed <= set(exercise.SURFACE), (exercise.id, listed - set(exercise.SURFACE))
            shown = [getattr(exercise, attribute) for attribute in listed]
            assert not any(value is answer.answer or value in (answer.code, answer.explanation, answer.hints)
                           for value in shown if isinstance(value, str | tuple)), exercise.id


def test_numpy_scalars_and_arrays_as_numbers(number):
    assert number.check(np.array(58)).correct is True
    assert number.check(np.array([58])).message.startswith("Expected a single number, got a NumPy array of one value")


def test_each_mistake_has_its_own_tolerance_and_is_matched_first():
    share = Numeric("q?", answer=26.4, rel_tolerance=0.05, unit="percent", lines=[1], explanation="e",
                    mistakes=[(27.9, "that counts the table's rows too.", 0.2), (31.7, "That counts words.")])
    assert share.check(27.6).correct is True  # within the answer's 5%, outside the mistake's own ±0.2
    assert share.check(27.8).message == "You said 27.8 percent. That counts the table's rows too."
    assert share.check(31.7).message == "You said 31.7 percent. That counts words."
    assert share.check("26.4%").correct is True and share.check("26.4 percent").correct is True
    assert key(share).mistakes == ((Fraction("27.9"), "That counts the table's rows too."),
                                   (Fraction("31.7"), "That counts words."))


def test_a_mistake_within_tolerance_of_the_answer_is_refused_when_the_bank_is_built():
    with pytest.raises(ValueError, match="within tolerance"):
        Numeric("q?", answer=100, tolerance=2, unit="x", lines=[1], explanation="e", mistakes=[(101, "m")])
    with pytest.raises(ValueError, match="within tolerance"):
        Numeric("q?", answer=100, unit="x", lines=[1], explanation="e", mistakes=[(110, "m", 10)])
    with pytest.raises(ValueError, match="message"):
        Numeric("q?", answer=100, unit="x", lines=[1], explanation="e", mistakes=[(50, " ")])


def test_numbers_with_units_and_what_is_refused(number):
    assert number.check("58 countries").correct is True and number.check("58 countries.").correct is True
    percent = number.check("58%")
    assert percent.correct is None and "not a percentage" in percent.message
    leading = Numeric("q?", answer=0.415, unit="share", lines=[1], explanation="e").check("0,415")
    assert leading.correct is None and "did you mean 0.415 or 415?" in leading.message
    times = Numeric("q?", answer=7000 / 8500, unit="times", decimals=1, rel_tolerance=0.05, lines=[1],
                    explanation="e")
    assert times.check(1.2).message.startswith("You said 1.2 times")
    assert times.check(1).message.startswith("You said 1 time:")


def test_country_spellings_come_from_the_table_pycountry_and_short_forms():
    assert country("Republic of Türkiye") == country("Turkey") == "TUR"
    assert country("the Netherlands") == country("Holland") == "NLD"
    assert country("French") == "FRA"  # an article spelling from the country table
    assert "UK" in spellings("United Kingdom") and "Britain" in spellings("United Kingdom")


def test_a_bank_may_replace_the_generic_advice(table):
    expected = key(table).answer
    told = PandasAnswer("Strikes per country.", answer=expected, lines=[3], explanation="e",
                        advice="Keep the countries with at least one strike.")
    assert told.check(expected.iloc[:2]).message == ("Your answer has too few rows. Keep the countries with at "
                                                     "least one strike.")
    assert table.check(expected.iloc[:2]).message == ("Your answer has too few rows: check whether your filter "
                                                      "is too strict.")


def test_a_short_form_another_choice_begins_with_asks_which_is_meant():
    choices = {"Yes: they add up.": "No.", "No: the periods overlap.": "Right.",
               "Yes, once each is divided by its days.": "No."}
    afghan = MultipleChoice("Can they be added?", choices=choices, answer="No: the periods overlap.", lines=[1])
    assert afghan.check("no").correct is True
    feedback = afghan.check("yes")
    assert feedback.correct is None and "more than one choice" in feedback.message and afghan.tries == 1



def test_a_choices_pointer_never_names_what_only_the_right_choice_says():
    """The sections of a choice question's lines may be titled after the right choice ("Iraq › Dutch airstrikes"
    when only one choice is Dutch): a wrong try then gets the generic pointer, not those titles."""
    choices = {"Dutch airstrikes, running total": "Right.", "British sorties, running total": "Sorties.",
               "Coalition sorties, one day": "One day."}
    quiz = MultipleChoice("Which?", choices=choices, answer="Dutch airstrikes, running total", lines=[1],
                          where="the article's section “Iraq › Dutch airstrikes”")
    assert quiz.check("Coalition sorties, one day").where == "the passages and the table the question names"
    shared = MultipleChoice("Which?", choices=choices, answer="Dutch airstrikes, running total", lines=[1],
                            where="the article's section “Iraq › Sorties and running totals”")
    assert "Sorties and running totals" in shared.check("Coalition sorties, one day").where
