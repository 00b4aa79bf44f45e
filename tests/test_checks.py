"""Summative checks: one per lesson whose bank keeps summative questions, generated, never hand-edited."""

from __future__ import annotations

import nbformat
import pytest

from warcourse import checks, questions
from warcourse.catalogue import Lesson, bank_calls, discover
from warcourse.errors import CourseError


def test_every_lesson_with_summative_questions_has_its_check():
    paired = checks.pairs()
    assert len(paired) >= 5 and [lesson.stem for lesson, _ in paired] == sorted(lesson.stem for lesson, _ in paired)
    assert all(check.exists() for _, check in paired)


@pytest.mark.parametrize("lesson, check", checks.pairs(), ids=lambda p: p.stem)
def test_a_check_asks_the_summative_questions_once_each(lesson, check):
    notebook = checks.check_notebook(lesson)
    sources = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    [call] = bank_calls(sources)
    asked = [source.split(".")[1] for source in sources if source.startswith("q.") and "\n" not in source]
    bank = getattr(questions, call.bank)()
    assert asked == bank.summative and 5 <= len(asked) <= 8
    assert not set(asked) & set(bank.lesson())
    [tagged] = [cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", [])]  # papermill's
    takes = {parameter for entry in getattr(questions, call.bank).entries() if entry.role == "summative"
             for parameter in entry.parameters}
    assert {line.split("=")[0].strip() for line in tagged.source.splitlines() if not line.startswith("#")} == takes, (
        "a check's parameters are exactly those its questions take: another one would change nothing")
    assert takes or tagged.source == checks.NO_PARAMETERS
    assert "print(" not in sources[1], "the check's setup says nothing about the lesson"


def test_a_check_refuses_a_parameter_its_questions_do_not_take(tmp_path, capsys):
    from warcourse.__main__ import main
    from warcourse.paths import EXERCISES

    code = main(["render", str(EXERCISES / "checks" / "03_air_campaigns_check.ipynb"), "-p", "theater", "Syria",
                 "--out", str(tmp_path)])
    assert code == 2 and "unknown parameter 'theater'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_checks_are_found_for_rendering():
    assert {lesson.kind for lesson in discover()} >= {"lesson", "exercises", "solutions", "checks"}


def test_a_lesson_without_a_bank_is_refused(tmp_path):
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]), tmp_path / "lesson.ipynb")
    with pytest.raises(CourseError, match="questions.<bank>"):
        Lesson(tmp_path / "lesson.ipynb").bank_call()


def test_a_check_is_generated_with_the_same_cell_ids_every_time():
    """Fixed cell ids: a release rewrites an unchanged check byte for byte (widget ids follow cell ids)."""
    from warcourse import checks
    from warcourse.paths import ROOT

    lesson = ROOT / "notebooks" / "03_air_campaigns.ipynb"
    first, second = checks.check_notebook(lesson), checks.check_notebook(lesson)
    assert [cell.id for cell in first.cells] == [cell.id for cell in second.cells]
    assert len({cell.id for cell in first.cells}) == len(first.cells)
