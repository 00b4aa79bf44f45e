"""The lesson 05 draft checker: it accepts the model brief and flags, by name, what a brief must not do."""

from __future__ import annotations

import pytest

from warcourse import brief, draft
from warcourse.errors import UsageError
from warcourse.exercises import configure
from warcourse.exercises.feedback import Note


@pytest.fixture(scope="module")
def tables():
    return brief.load()


@pytest.fixture(scope="module", params=brief.THEATERS)
def theater_draft(request):
    return request.param, draft.Draft(request.param)


def kinds(review) -> list[str]:
    return [finding.kind for finding in review.findings]


def test_the_model_brief_passes_its_own_checker(theater_draft, tables):
    theater, checker = theater_draft
    review = checker.check(brief.build(tables, theater).markdown())
    assert review.ok, str(review)
    assert review.checked >= 20


@pytest.mark.parametrize("text, kind", [
    ("The United States carried out 9,999 airstrikes in Libya (line 373).", "unsupported"),
    ("The United States carried out 495 airstrikes in Libya.", "unsupported"),
    ("The coalition launched 460 airstrikes in Libya (line 413).", "other theater"),
])
def test_libya_flags(text, kind):
    review = draft.Draft("Libya").write("air", text)
    assert kinds(review) == [kind], str(review)


def test_a_range_written_as_one_number_is_flagged():
    checker = draft.Draft("Afghanistan")
    assert kinds(checker.write("air", "The coalition launched 70 airstrikes in Afghanistan (line 397).")) == \
        ["range collapsed"]
    assert checker.write("air", "The coalition launched between 70 and 80 airstrikes in Afghanistan (line 397).").ok


def test_a_combined_figure_presented_as_one_countrys_is_flagged():
    checker = draft.Draft("Syria")
    assert kinds(checker.write("air", "The coalition made over 16,000 airstrikes in Syria (line 214).")) == ["combined"]
    assert checker.write("air", "The coalition made over 16,000 airstrikes in Iraq and Syria combined (line 214).").ok


def test_a_dropped_qualifier_and_a_dropped_hedge_are_flagged():
    checker = draft.Draft("Iraq")
    assert kinds(checker.write("air", "The coalition flew 44,000 sorties in Iraq and Syria combined (line 220).")) == \
        ["qualifier dropped"]
    assert checker.write("air", "The coalition flew nearly 44,000 sorties in Iraq and Syria combined (line 220).").ok
    assert kinds(checker.write("air", "Iran joined the air war on 21 June 2014 (line 329).")) == ["hedge dropped"]
    assert checker.write("air", "One war correspondent suggested that Iran joined the air war on 21 June 2014 "
                                "(line 329).").ok


def test_counts_may_not_exceed_the_rows_they_cite():
    checker = draft.Draft("Iraq")
    assert checker.write("who", "The table marks 43 countries as involved in Iraq (lines 490–547).").ok
    assert kinds(checker.write("who", "The table marks 430 countries as involved in Iraq (lines 490–547).")) == \
        ["unsupported"]


def test_line_references_are_read_as_people_write_them():
    assert draft.cited("(line 214)") == {214}
    assert draft.cited("(lines 120, 131 and 140)") == {120, 131, 140}
    assert draft.cited("(lines 490–493)") == {490, 491, 492, 493}


def test_sections_are_written_reviewed_and_shown():
    checker = draft.Draft("Libya")
    assert isinstance(checker.write("who", "..."), Note)
    assert "not written yet" in checker.markdown()
    checker.write("air", "The United States carried out 495 airstrikes in Libya by 19 December 2016 (line 373).")
    assert "495 airstrikes" in checker.markdown()
    assert checker.review().ok and checker.review().checked == 1
    with pytest.raises(UsageError, match="sections are"):
        checker.write("weather", "sunny")
    with pytest.raises(UsageError, match="string"):
        checker.write("air", 495)
    assert set(checker.rows("air")) == {"events", "strike_counts"}


def test_the_model_brief_is_hidden_unless_solutions_are_on():
    checker = draft.Draft("Libya")
    assert isinstance(checker.model(), Note)
    try:
        configure(show_solutions=True)
        assert isinstance(checker.model(), brief.Brief)
    finally:
        configure(show_solutions=False)


def test_a_review_shows_as_text_and_escaped_html():
    review = draft.Draft("Libya").write("air", "The <b>US</b> made 9,999 airstrikes (line 373).")
    assert str(review).startswith("Review: 1 of 1 numbers need work:")
    assert "<b>" not in review._repr_html_() and 'role="status"' in review._repr_html_()
