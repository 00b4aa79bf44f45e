"""Lesson 01's and practice set 01's banks beyond the per-question cases (cases_article_as_data_bank.py):
the parameter, and the teaching points the questions rest on."""

from __future__ import annotations

import re

import pytest

from warcourse import data, notebooks, numbers, questions, textstats
from warcourse.errors import UsageError
from warcourse.paths import NOTEBOOKS
from warcourse.questions import key


def test_a_section_that_is_not_allowed_is_refused():
    with pytest.raises(UsageError, match="section"):
        questions.article_as_data("Mars")


def test_right_choice_positions_vary():
    q, practice = questions.article_as_data(), questions.article_practice()
    letters = {key(ex).text[0] for ex in [q.blank_convention, q.range_test, q.unit, practice.dozens]}
    assert len(letters) > 1


def test_the_convention_fails_for_australia_in_iraq():
    inv = data.involvement()
    cell = inv[(inv["country"] == "Australia") & (inv["theater"] == "Iraq")]
    assert cell["raw_cell"].item() == "—"


def test_the_ranges_table_does_not_label_the_non_ranges():
    found = textstats.quantities(data.passages())
    assert "reading" not in found.columns  # telling a vote or a change from a range is the student's work


def test_the_classmates_low_above_high_test_finds_fewer_than_there_are():
    q = questions.article_as_data()
    found = textstats.quantities(data.passages())
    ranges = found[found["form"] == "range"]
    backwards = set(ranges.loc[ranges["low"] > ranges["high"], "number"])
    assert backwards < set(key(q.not_range).answer)


def test_numbers_per_passage_differ_from_numbers_alone():
    q = questions.article_as_data()
    parts = textstats.per_part(data.passages(), textstats.quantities(data.passages())).loc[list(textstats.SECTIONS[1:])]
    assert list(parts["numbers"].sort_values(ascending=False).index) != key(q.density).answer


def test_the_big_sections_the_lesson_and_density_name_are_the_section_parameters_values():
    """Lesson 01's section values (but "all") are also its "big sections": the density question ranks
    them and the lesson names them. A value added to ``textstats.SECTIONS`` must be added to those
    words too (CONTRIBUTING.md, *Add a parameter value*)."""
    big = list(textstats.SECTIONS[1:])
    count = next(word for word, value in numbers.WORDS.items() if value == len(big))
    density = questions.article_as_data().density
    lesson = notebooks.read(NOTEBOOKS / "01_the_article_as_data.ipynb")
    texts = {"density": " ".join([density.question, *key(density).hints]),
             "lesson 01": " ".join(" ".join(cell.source.split()) for cell in lesson.cells)}
    for where, text in texts.items():
        said = {int(word) if word.isdigit() else numbers.WORDS[word.lower()]
                for word in re.findall(r"(\w+) big sections", text) if word.isdigit() or word.lower() in numbers.WORDS}
        assert said == {len(big)}, f"{where} speaks of {sorted(said)} big sections; there are {len(big)}"
    named = f"the {count} big sections ({', '.join(big[:-1])}, {big[-1]})"
    assert named in texts["lesson 01"], f"lesson 01 does not name {named!r}"


def test_the_unit_question_keeps_the_articles_qualifier():
    assert "over 16,000" in questions.article_as_data().unit.question


@pytest.mark.parametrize("section", textstats.SECTIONS)
def test_a_share_near_the_count_in_words_is_not_taken_for_the_count(section):
    q = questions.article_as_data(section)
    count = next(value for value, message in key(q.words_share).mistakes if "how many" in message)
    assert "how many" not in q.words_share.check(float(count) - 0.3).message


def test_a_right_answer_never_capitalises_code():
    """The message of a right answer is a sentence: it must not start with code that gets a capital ("Pd.")."""
    for bank in (questions.article_as_data(), questions.article_practice()):
        for name in bank:
            message = key(bank[name]).explanation
            first = message.split()[0]
            assert not (first[0].islower() and any(c in first for c in "._(")), f"{bank[name].id}: {message[:60]}"
