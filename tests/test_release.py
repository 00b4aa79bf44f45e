"""Student copies of the exercise sets are generated from the solutions and kept up to date."""

import subprocess
import sys

import nbformat
import pytest

from warcourse import release
from warcourse.errors import CourseError
from warcourse.paths import ROOT


def test_placeholder_keeps_names_comments_and_the_check_call():
    source = (
        "# Countries in Paris\n"
        "paris = set(members_of('paris_2014'))\n"
        "print(paris)\n"
        "answer: list = sorted(paris - brussels)  # the difference\n"
        "ex_paris.check(answer)\n"
    )
    assert release.placeholder(source) == (
        f"{release.HEADER}\n"
        "# Countries in Paris\n"
        "paris = ...\n"
        "answer = ...\n"
        "ex_paris.check(answer)"
    )


def test_placeholder_handles_multiline_statements_and_tuple_targets():
    source = "low, high = (\n    815,\n    1149,\n)\nex.check((low, high))\n"
    assert release.placeholder(source).splitlines()[1:] == ["(low, high) = ...", "ex.check((low, high))"]


@pytest.mark.parametrize("source, message", [
    ("answer = (", "not valid Python"),
    ("answer = 3\n", "must end by calling an exercise's .check"),
])
def test_placeholder_rejects_broken_solution_cells(source, message):
    with pytest.raises(CourseError, match=message):
        release.placeholder(source, "exercises/solutions/99_x.ipynb, cell 4")


def test_student_copy_replaces_solutions_and_drops_solution_markdown():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Exercises"),
        nbformat.v4.new_code_cell("x = 1 + 1\nex.check(x)", metadata={"tags": ["solution"]}),
        nbformat.v4.new_markdown_cell("The answer is two.", metadata={"tags": ["solution"]}),
    ]
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="✔ Right.")]
    copy = release.student_copy(nb, "test")
    assert [c.cell_type for c in copy.cells] == ["markdown", "code"]
    assert copy.cells[1].source.endswith("x = ...\nex.check(x)")
    assert copy.cells[1].outputs == [] and copy.cells[1].metadata["tags"] == ["student"]
    assert nb.cells[1].source == "x = 1 + 1\nex.check(x)", "the solution notebook is not modified"


def test_student_copy_links_work_from_the_copys_folder():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(
        "See the [glossary](../../notebooks/glossary.md#terms), [lesson 03](../../notebooks/03_air_campaigns.ipynb), "
        "[the article](https://en.wikipedia.org/wiki/War_against_the_Islamic_State), [the top](#exercises) "
        "and `[a link in code](../../x.md)`.")]
    assert release.student_copy(nb, "test").cells[0].source == (
        "See the [glossary](../notebooks/glossary.md#terms), [lesson 03](../notebooks/03_air_campaigns.ipynb), "
        "[the article](https://en.wikipedia.org/wiki/War_against_the_Islamic_State), [the top](#exercises) "
        "and `[a link in code](../../x.md)`.")


def test_every_exercise_set_has_an_up_to_date_student_copy():
    done = subprocess.run([sys.executable, "-m", "warcourse", "release", "--check"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok:")


def test_every_solution_cell_ends_with_a_check_and_every_set_has_one():
    pairs = release.pairs()
    assert pairs, "no exercise sets found in exercises/solutions/"
    for solution, _ in pairs:
        nb = nbformat.read(solution, as_version=4)
        solution_cells = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
        assert solution_cells, f"{solution.name} has no cell tagged 'solution'"


@pytest.mark.parametrize("path", sorted((ROOT / "exercises" / "solutions").glob("[0-9][0-9]_*.ipynb")),
                         ids=lambda path: path.stem)
def test_every_worked_answer_of_a_practice_set_is_right(path):
    """The source of truth answers every question rightly: a worked answer typed against an older wording of
    a choice ("is not one of the choices") would otherwise stay in the stored outputs, which nbval keeps equal."""
    nb = nbformat.read(path, as_version=4)
    checks = [cell for cell in nb.cells if cell.cell_type == "code" and ".check(" in cell.source]
    assert checks, f"{path.name} has no answer cells"
    for cell in checks:
        shown = " ".join(output.get("text", "") + output.get("data", {}).get("text/plain", "")
                         for output in cell.outputs)
        assert shown.lstrip().startswith("✔ Right."), f"{path.name}: {cell.source.splitlines()[-1]} -> {shown[:160]}"
