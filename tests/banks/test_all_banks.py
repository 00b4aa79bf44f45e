"""Every question bank of every notebook, for every allowed parameter value: questions, not answers.

- no notebook cell (lessons, practice solutions, student copies) builds an exercise or types an answer;
- answers a student might give by mistake never make the feedback show the expected answer;
- the right choice is not always in the same place, and no distractor is the answer;
- changing the frames a notebook loaded never changes what is right;
- the stored outputs (what a handout shows with show_solutions False) contain no key(exercise).text.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from banks import harness
from banks.common import assert_no_leak
from warcourse import data, questions, schema
from warcourse.catalogue import Lesson
from warcourse.exercises import MultipleChoice, SetAnswer
from warcourse.exercises.matching import as_text
from warcourse.paths import ROOT
from warcourse.questions import key

NOTEBOOKS = sorted([*ROOT.glob("notebooks/[0-9][0-9]_*.ipynb"), *ROOT.glob("exercises/[0-9][0-9]_*.ipynb"),
                    *ROOT.glob("exercises/solutions/[0-9][0-9]_*.ipynb"),
                    *ROOT.glob("exercises/checks/[0-9][0-9]_*.ipynb")])
CONSTRUCTORS = re.compile(r"\b(MultipleChoice|Numeric|SetAnswer|Ordering|PandasAnswer|QuestionBank)\s*\(|\banswer\s*=")
ODD_ANSWERS = ["nonsense", "1,5", 0, -1, 10**9, 0.5, [], ["Atlantis"], pd.Series([1, 2]), pd.DataFrame({"x": [1]}),
               True, float("nan")]


def sources(path: Path) -> list[str]:
    return [cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"]


@cache
def bank_calls() -> list[tuple[str, tuple]]:
    """(bank name, arguments) for every notebook and every allowed value of the parameters it passes."""
    return [(name, tuple(parameters.values())) for name, parameters in harness.bank_calls()]


def bank(name: str, args: tuple):
    """The bank built once a session (the cache is shared with the other bank tests)."""
    return harness.built_bank(name, *args)


def every_question():
    """One param per question of every bank call, read from the registries: collecting builds nothing."""
    return [pytest.param(name, args, entry.name, id=f"{name}{list(args)}.{entry.name}")
            for name, args in bank_calls()
            for entry in getattr(questions, name).entries()]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_cell_builds_an_exercise_or_types_an_answer(path):
    for source in sources(path):
        found = CONSTRUCTORS.search(source)
        assert not found, (f"{path.name}: {found.group(0)!r} in a code cell: a notebook shows its bank's "
                           "questions (q.NAME) and never builds an exercise or sets an answer; a solution "
                           f"cell names its result after what it is (total, ranked), not answer:\n{source[:200]}")


@pytest.mark.parametrize("name, args, question", every_question())
def test_odd_answers_never_show_the_answer(name, args, question):
    exercise = bank(name, args)[question]
    for given in ODD_ANSWERS:
        feedback = exercise.check(given)
        assert feedback.correct is not True, (exercise.id, given)
        assert_no_leak(exercise, feedback, given)


@pytest.mark.parametrize("name, args", bank_calls(), ids=lambda value: str(value))
def test_distractors_differ_from_the_answer(name, args):
    for question in bank(name, args):
        exercise = bank(name, args)[question]
        if isinstance(exercise, MultipleChoice):
            assert len(set(exercise.order)) == len(exercise.order) >= 3, exercise.id
        if isinstance(exercise, SetAnswer) and not exercise.free:
            assert set(map(as_text, exercise.options)) - set(map(as_text, key(exercise).answer)), exercise.id


@pytest.mark.parametrize("name, args", bank_calls(), ids=lambda value: str(value))
def test_enough_questions_of_enough_kinds(name, args):
    """A lesson asks at least 5 questions of 4 kinds and keeps 5-8 others for its summative check
    (lesson 00, an orientation, keeps none); a practice set asks at least 6 of 4 kinds."""
    questions_asked = bank(name, args).lesson()
    kinds = {type(bank(name, args)[q]).__name__ for q in questions_asked}
    assert len(kinds) >= 4, kinds
    summative = bank(name, args).summative
    if getattr(questions, name).which == "practice":
        assert len(questions_asked) >= 6 and not summative
    else:
        assert len(questions_asked) >= 5
        assert name == "start_here" or 5 <= len(summative) <= 8
        assert not set(summative) & set(questions_asked)


def test_the_right_choice_moves_around():
    positions = [exercise.order.index(key(exercise).answer) for name, args in bank_calls()
                 for exercise in (bank(name, args)[q] for q in bank(name, args))
                 if isinstance(exercise, MultipleChoice)]
    assert len(positions) >= 10
    assert len(set(positions)) >= 3
    assert max(positions.count(p) for p in set(positions)) <= 0.6 * len(positions)


def _ruin(frame: pd.DataFrame) -> None:
    """Overwrite every cell of a frame in place, as a careless student cell might."""
    for column in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]):
            frame.loc[:, column] = 0
        elif isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = frame[column].cat.codes
        else:
            frame[column] = "x"


def test_changing_the_loaded_frames_never_changes_what_is_right():
    before = {(name, args, q): key(bank(name, args)[q]).text for name, args in bank_calls()
              for q in bank(name, args)}
    loaded = [data.load(table) for table in schema.TABLES]
    for frame in loaded:
        _ruin(frame)
    after = {}
    for name, args in bank_calls():
        fresh = getattr(questions, name)(*args)
        after |= {(name, args, q): key(fresh[q]).text for q in fresh}
    assert after == before


def visible_text(path: Path) -> str:
    """Everything the stored outputs show (text and HTML with its tags removed)."""
    shown = []
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            for mime in ("text/plain", "text/html", "text/markdown"):
                value = output.get("data", {}).get(mime) or (output.get("text") if mime == "text/plain" else None)
                if value:
                    shown.append(html.unescape(re.sub(r"<[^>]+>", " ", value)))
    return " ".join(" ".join(shown).split())


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if "solutions" not in p.parts],  # solutions show them
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_stored_outputs_show_no_answer(path):
    call, [parameters] = Lesson(path).bank_call(), Lesson(path).bank_parameters()[:1]  # the defaults, as stored
    name, args = call.bank, tuple(parameters.values())
    text = visible_text(path)
    for question in bank(name, args):
        answer = " ".join(key(bank(name, args)[question]).text.split())
        shown = re.search(rf"(?<![\w.,]){re.escape(answer)}(?!\w)", text)  # "18 countries" does not show "8 countries"
        assert not shown, f"{path.name} shows the answer of {question}: {answer[:120]}"


def test_ruin_really_changes_frames():
    frame = data.strike_counts()
    _ruin(frame)
    assert (frame["value"] == 0).all() and np.all(frame["actor"] == "x")


@pytest.mark.parametrize("name, args", bank_calls(), ids=lambda value: str(value))
def test_every_question_brings_at_most_twelve_widget_models(name, args):
    """One layout per view, one style per kind of widget, options typed by letter in one box (issue 24)."""
    from ipywidgets.embed import dependency_state

    from warcourse.exercises import ExerciseView

    built = bank(name, args)
    heavy = {question: size for question in built
             if (size := len(dependency_state(ExerciseView(built[question]).box))) > 12}
    assert heavy == {}, f"{name}{args}: widget models per question {heavy}"
