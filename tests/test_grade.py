"""python -m warcourse grade: small generated submissions of practice set 03, graded in one run.

Three of them are executed (right, mixed, tampered: about 2 s each); the others are refused before
any kernel starts. Right answers are found by asking the course's own checker, so nothing here
repeats the bank's answers.
"""

from __future__ import annotations

import copy
import csv
import json

import nbformat
import pytest

from warcourse import grade, questions
from warcourse.__main__ import main
from warcourse.paths import EXERCISES

pytestmark = pytest.mark.slow

STUDENT = EXERCISES / "03_air_campaigns.ipynb"
SOLVED = EXERCISES / "solutions" / "03_air_campaigns.ipynb"
STATE = "application/vnd.jupyter.widget-state+json"


def model(nb, question: str) -> tuple[dict, dict]:
    """The saved state of all widgets, and the box of ``question``'s widget in it."""
    state = nb.metadata["widgets"][STATE]["state"]
    box = next(m for m in state.values() if f"warcourse-q-{question}" in m["state"].get("_dom_classes", []))
    return state, box


def child(state: dict, box: dict, name: str) -> dict:
    return next(state[ref.removeprefix("IPY_MODEL_")] for ref in box["state"]["children"]
                if state[ref.removeprefix("IPY_MODEL_")]["model_name"] == name)


def answer_with_widget(nb, question: str, right: bool) -> str:
    """Choose a right (or a wrong) option in the saved radio buttons of ``question`` and mark it checked."""
    state, box = model(nb, question)
    radio, output = child(state, box, "RadioButtonsModel")["state"], child(state, box, "OutputModel")["state"]
    exercise = questions.air_practice()[question.split(".")[1]]
    label = next(label for label in radio["_options_labels"] if bool(exercise.check(label).correct) == right)
    radio["index"] = radio["_options_labels"].index(label)
    output["outputs"] = [{"output_type": "display_data", "data": {"text/plain": "feedback"}, "metadata": {}}]
    return label


def set_code(nb, marker: str, source: str) -> None:
    cell = next(cell for cell in nb.cells if cell.cell_type == "code" and marker in cell.source)
    cell.source = source


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Every kind of submission in one folder, graded once; returns (gradebook rows, summary rows, status)."""
    folder = tmp_path_factory.mktemp("handins")
    student = nbformat.read(STUDENT, as_version=4)

    nbformat.write(nbformat.read(SOLVED, as_version=4), folder / "alice.ipynb")

    mixed = copy.deepcopy(student)  # one wrong code answer, one right and one wrong widget answer
    set_code(mixed, "q.canada.check(total)", "total = 5\nq.canada.check(total)")
    answer_with_widget(mixed, "air_practice.fits", right=True)
    wrong_label = answer_with_widget(mixed, "air_practice.afghan", right=False)
    nbformat.write(mixed, folder / "bob.ipynb")

    tampered = copy.deepcopy(student)  # a redefined check: the code answer must not score
    set_code(tampered, "q.canada.check(total)",
             "from warcourse.exercises import Feedback, numeric\n"
             "numeric.Numeric.check = lambda self, answer, via='code': Feedback(True, 'yes')\n"
             "total = 5\nq.canada.check(total)")
    nbformat.write(tampered, folder / "mallory.ipynb")

    changed = copy.deepcopy(student)  # the question's text changed in the saved widget
    state, box = model(changed, "air_practice.canada")
    child(state, box, "HTMLModel")["state"]["value"] = "<p><strong>How many is 2 + 2?</strong></p>"
    nbformat.write(changed, folder / "trudy.ipynb")

    (folder / "damaged.ipynb").write_text('{"cells": [', encoding="utf-8")
    foreign = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('my own work')")])
    nbformat.write(foreign, folder / "foreign.ipynb")

    out = folder / "book" / "gradebook.csv"
    status = main(["grade", *sorted(map(str, folder.glob("*.ipynb"))), "--out", str(out)])
    book = list(csv.DictReader(out.open(encoding="utf-8")))
    summary = list(csv.DictReader(out.with_name("gradebook-summary.csv").open(encoding="utf-8")))
    return {"book": book, "summary": summary, "status": status, "out": out, "wrong_label": wrong_label}


def of(graded, name: str) -> dict[str, dict]:
    return {row["question"]: row for row in graded["book"] if row["file"].endswith(f"/{name}.ipynb")}


def test_the_solution_scores_every_question_right(graded):
    rows = of(graded, "alice")
    assert len(rows) == 8 and {row["result"] for row in rows.values()} == {"right"}
    assert all(row["via"] == "code" and row["tries"] == "1" for row in rows.values())
    assert {row["notebook"] for row in rows.values()} == {"exercises/03_air_campaigns"}


def test_wrong_unanswered_and_widget_answers(graded):
    rows = of(graded, "bob")
    assert rows["air_practice.canada"]["result"] == "wrong" and rows["air_practice.canada"]["answer"] == "5"
    assert (rows["air_practice.fits"]["result"], rows["air_practice.fits"]["via"]) == ("right", "widget")
    assert rows["air_practice.fits"]["tries"] == "1"
    assert (rows["air_practice.afghan"]["result"], rows["air_practice.afghan"]["via"]) == ("wrong", "widget")
    assert rows["air_practice.afghan"]["answer"] == graded["wrong_label"]
    assert rows["air_practice.after"]["result"] == "unanswered" and rows["air_practice.after"]["tries"] == "0"
    assert {row["status"] for row in rows.values()} == {"graded"}


def test_problem_files_are_reported_and_never_right(graded):
    for name, status, says in (("mallory", "tampered", "numeric.Numeric.check is redefined"),
                               ("trudy", "tampered", "air_practice.canada was changed"),
                               ("damaged", "damaged", "not a readable notebook"),
                               ("foreign", "foreign", "not one of the course's notebooks")):
        rows = [row for row in graded["book"] if row["file"].endswith(f"/{name}.ipynb")]
        assert len(rows) == 1, name
        assert (rows[0]["status"], rows[0]["result"]) == (status, "not graded"), name
        assert says in rows[0]["note"], (name, rows[0]["note"])
    assert graded["status"] == 1  # some files could not be graded; the gradebook is written anyway


def test_summary_counts_results_and_the_most_common_wrong_answer(graded):
    summary = {row["question"]: row for row in graded["summary"]}
    canada = summary["air_practice.canada"]
    assert (canada["files"], canada["right"], canada["wrong"], canada["unanswered"]) == ("2", "1", "1", "0")
    assert (canada["most common wrong answer"], canada["given by"]) == ("5", "1")
    out = graded["out"]
    for page in (out.with_suffix(".html"), out.with_name("gradebook-summary.html")):
        text = page.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>") and "<script" not in text and "http" not in text


@pytest.mark.parametrize("value", [3, 2.5, float("nan"), "Syria", ..., None, True, ["a", 1], ("a", 2), {"x", "y"},
                                   {"k": [1, 2]}])
def test_answers_cross_from_the_kernel_as_plain_json(value):
    back = grade.decode(json.loads(json.dumps(grade.encode(value))))
    assert type(back) is type(value)
    assert back == value or back != back  # NaN


def test_a_table_answer_crosses_too():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"metric": ["sorties", "airstrikes"], "value": [3800, 240]}, index=[4, 7])
    back = grade.decode(json.loads(json.dumps(grade.encode(frame))))
    pd.testing.assert_frame_equal(back, frame)


def test_bad_command_lines_give_one_line(tmp_path, capsys):
    assert main(["grade", str(tmp_path / "none.ipynb")]) == 2
    assert main(["grade", str(SOLVED), "--out", str(tmp_path / "book.xlsx")]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert errors[0].startswith("error: no such file:") and "expected a file name ending in .csv" in errors[1]


def test_the_probe_names_a_check_redefined_on_one_question():
    q = questions.air_practice()
    q.canada.check = lambda answer, via="code": None
    report = json.loads(grade.probe({"q": q}))
    assert report["overrides"] == ["air_practice.canada.check is redefined"]
    assert report["questions"]["air_practice.canada"] == questions.air_practice().canada.question


def test_an_answer_that_cannot_be_printed_does_not_stop_the_probe():
    class Hostile:
        def __repr__(self):
            raise RuntimeError("repr")

        def __iter__(self):
            raise RuntimeError("iter")

    q = questions.air_practice()
    q.canada.check(Hostile())
    q.canada.check([Hostile()])
    report = json.loads(grade.probe({"q": q}))
    answers = [answer for question, answer, _ in report["attempts"] if question == "air_practice.canada"]
    assert answers[-2:] and all("repr" in str(answer) for answer in answers[-2:])

