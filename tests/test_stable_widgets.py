"""Re-executing after inserting or removing a question changes only that question's cells."""

import json

import nbformat

from warcourse import notebooks
from warcourse.mime import WIDGET_STATE, WIDGET_VIEW

SETUP = """\
from warcourse.exercises import Explore, MultipleChoice, Numeric, SetAnswer
choice = MultipleChoice("Which metric?", choices={"airstrikes": "Fewer.", "sorties": "Sorties."},
                        answer="sorties", lines=[207])
number = Numeric("How many?", answer=58, lines=[65], explanation="58.", unit="countries")
items = SetAnswer("Which?", answer={"China", "Russia"}, distractors=["Iran"], lines=[5], explanation="Both.")
explore = Explore("Twice", controls={"n": (1, 5)}, draw=lambda n: n * 2)"""


def lesson(*shown: str) -> nbformat.NotebookNode:
    cells = [nbformat.v4.new_code_cell(SETUP, id="setup")]
    cells += [nbformat.v4.new_code_cell(name, id=f"show-{name}") for name in shown]
    return nbformat.v4.new_notebook(cells=cells)


def run(nb: nbformat.NotebookNode, folder) -> tuple[dict, dict]:
    """Each cell's JSON by id, and the widget state, as ``execute`` stores them."""
    done = nbformat.reads(nbformat.writes(notebooks.execute(nb, folder)), as_version=4)
    cells = {cell.id: json.dumps(cell, sort_keys=True) for cell in done.cells}
    return cells, done.metadata.widgets[WIDGET_STATE]["state"]


def own_models(cell_json: str, state: dict) -> set[str]:
    """The models a cell's widget outputs reach."""
    outputs = json.loads(cell_json)["outputs"]
    found, stack = set(), [o["data"][WIDGET_VIEW]["model_id"] for o in outputs
                           if WIDGET_VIEW in o.get("data", {})]
    while stack:
        model = stack.pop()
        if model in state and model not in found:
            found.add(model)
            stack += notebooks.MODEL_ID.findall(json.dumps(state[model]))
    return found


def test_inserting_and_removing_a_question_changes_nothing_else(tmp_path):
    before_cells, before_state = run(lesson("choice", "number", "explore"), tmp_path)
    changed = lesson("number", "items", "explore")  # choice removed, items inserted
    after_cells, after_state = run(changed, tmp_path)
    assert set(after_cells) == set(before_cells) - {"show-choice"} | {"show-items"}
    for cell in set(after_cells) - {"show-items"}:
        assert after_cells[cell] == before_cells[cell], f"cell {cell} changed"
    added = own_models(after_cells["show-items"], after_state)
    removed = own_models(before_cells["show-choice"], before_state)
    assert len(added) >= 12 and len(removed) >= 12
    kept = {model: saved for model, saved in after_state.items() if model not in added}
    assert kept == {model: saved for model, saved in before_state.items() if model not in removed}
