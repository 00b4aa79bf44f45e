"""Every lesson and exercise set follows the course's conventions.

The lessons are the ``notebooks/NN_topic.ipynb`` files (``catalogue.discover``): nothing here lists
them, so a new lesson is tested as soon as it is in that folder (see CONTRIBUTING.md, *Add a lesson*).
"""

import re

import nbformat
import pytest

from warcourse import catalogue, questions, schema
from warcourse.paths import ROOT

NOTEBOOKS = catalogue.discover()
LESSONS = [n for n in NOTEBOOKS if n.kind == "lesson"]


def cells(notebook):
    return nbformat.read(notebook.path, as_version=4).cells


def test_every_lesson_an_inconsistency_names_exists():
    """``schema.LESSONS`` (the codebook's vocabulary for inconsistencies.lesson) names only real lessons."""
    assert set(schema.LESSONS) <= {n.number for n in LESSONS}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda n: n.slug)
def test_every_notebook_builds_a_registered_bank_once(notebook):
    assert notebook.bank_call().bank in questions.BANKS


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda n: n.slug)
def test_the_parameters_cell_allows_what_the_bank_declares(notebook):
    """The ``# allowed:`` comment a reader sees lists the values the bank declares, in its order."""
    import ast

    call = notebook.bank_call()
    declared = getattr(questions, call.bank).declared
    cell = next((c for c in nbformat.read(notebook.path, as_version=4).cells
                 if "parameters" in c.metadata.get("tags", [])), nbformat.v4.new_code_cell(""))
    commented = {}
    for line in cell.source.splitlines():
        name, _, comment = line.partition("#")
        if "allowed:" in comment:
            values = ast.literal_eval(comment.split("allowed:", 1)[1].strip())
            commented[name.split("=")[0].strip()] = values if isinstance(values, tuple) else (values,)
    names = summative_parameters(notebook) if notebook.kind == "checks" else call.args
    assert {name: commented.get(name) for name in names} == {name: declared[name] for name in names}


def summative_parameters(notebook) -> set[str]:
    """The parameters the summative questions of a check's bank take (a check takes only those)."""
    return {parameter for entry in getattr(questions, notebook.bank_call().bank).entries()
            if entry.role == "summative" for parameter in entry.parameters}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda n: n.slug)
def test_first_code_cell_is_the_parameters_cell_with_allowed_values(notebook):
    first = next(c for c in cells(notebook) if c.cell_type == "code")
    params = notebook.parameters()
    assert "parameters" in first.metadata.get("tags", [])  # papermill renders any of them, with or without -p
    if notebook.kind == "checks":  # a summative check never shows its solutions, and takes what its questions take
        assert "show_solutions" not in params and set(params) == summative_parameters(notebook)
    else:
        assert params["show_solutions"].allowed == (True, False)
    for p in params.values():
        assert p.allowed, f"{p.name} lists no allowed values"
        assert p.default in p.allowed


def asked(notebook) -> list[str]:
    """The questions a notebook shows: a code cell's line that is just ``q.NAME``."""
    return [line.strip()[2:] for c in cells(notebook) if c.cell_type == "code"
            for line in c.source.splitlines() if re.fullmatch(r"q\.\w+", line.strip())]


def bank_of(notebook):
    """The notebook's question bank, built with its default parameters."""
    call, defaults = notebook.bank_call(), notebook.parameters()
    return getattr(questions, call.bank)(*(defaults[arg].default for arg in call.args))


@pytest.mark.parametrize("notebook", [n for n in NOTEBOOKS if n.kind in ("lesson", "solutions")],
                         ids=lambda n: n.slug)
def test_lesson_shape(notebook):
    nb_cells = cells(notebook)
    markdown = "\n".join(c.source for c in nb_cells if c.cell_type == "markdown")
    title = {"lesson": "Lesson", "solutions": "Exercises"}[notebook.kind]
    assert markdown.startswith(f"# {title} {notebook.number}: "), f"a first heading '# {title} NN: Title'"
    assert re.search(r"^## Objectives", markdown, re.M), "objectives at the top"
    assert re.search(r"^## Where the numbers come from", markdown, re.M), "where the numbers come from"
    if notebook.kind == "lesson":
        assert re.search(r"^## Key points", markdown, re.M), "key points at the end"
        assert "glossary.md" in markdown, "a link to the glossary"


@pytest.mark.parametrize("notebook", [n for n in NOTEBOOKS if n.kind == "lesson" and n.bank_call().args],
                         ids=lambda n: n.slug)
def test_the_bank_is_built_right_after_setup_so_a_bad_parameter_stops_the_lesson_first(notebook):
    source = next(c.source for c in cells(notebook) if c.cell_type == "code" and "setup(show_solutions)" in c.source)
    lines = source.splitlines()
    after = lines[lines.index("setup(show_solutions)") + 1]
    assert after.startswith("q = questions."), f"the line after setup(show_solutions) is {after!r}"


@pytest.mark.parametrize("notebook", [n for n in NOTEBOOKS if n.kind in ("lesson", "exercises")],
                         ids=lambda n: n.slug)
def test_enough_questions_of_enough_kinds(notebook):
    bank = bank_of(notebook)
    shown = asked(notebook)
    assert set(shown) == set(bank.lesson()), "every question of the bank is asked, and only those"
    kinds = {type(bank[name]).__name__ for name in shown}
    assert len(shown) >= (5 if notebook.kind == "lesson" else 6), f"{len(shown)} questions"
    assert len(kinds) >= 4, f"kinds: {sorted(kinds)}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda n: n.slug)
def test_stored_outputs_have_no_errors_and_every_code_cell_ran(notebook):
    for index, cell in enumerate(cells(notebook), start=1):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        assert cell.execution_count is not None, f"cell {index} was never run"
        for output in cell.outputs:
            assert output.output_type != "error", f"cell {index}: {output.get('ename')}"
            assert output.get("name") != "stderr", f"cell {index} printed to stderr: {output.text[:200]}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda n: n.slug)
def test_no_solution_code_in_lessons_or_student_copies(notebook):
    if notebook.kind == "solutions":
        return
    for cell in cells(notebook):
        assert "solution" not in cell.metadata.get("tags", [])


def test_render_takes_allowed_values_from_the_bank_not_the_comment(tmp_path):
    """The bank's declaration is the one source: a comment that lists more values does not widen it."""
    import shutil

    from warcourse.catalogue import Lesson
    from warcourse.errors import UsageError

    copy = tmp_path / "03_air_campaigns.ipynb"
    shutil.copy(ROOT / "notebooks" / "03_air_campaigns.ipynb", copy)
    nb = nbformat.read(copy, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    cell.source = cell.source.replace('"Afghanistan"', '"Afghanistan", "Mars"')
    nbformat.write(nb, copy)
    theater = Lesson(copy).parameters()["theater"]
    assert "Mars" not in theater.allowed and "Iraq" in theater.allowed
    with pytest.raises(UsageError, match="Mars"):
        theater.convert("Mars", "03_air_campaigns")
