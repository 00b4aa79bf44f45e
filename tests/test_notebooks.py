"""Executing a notebook is repeatable to the byte, and broken notebooks get a one-line error."""

import uuid

import nbformat
import pytest

from warcourse import notebooks
from warcourse.errors import CourseError
from warcourse.mime import WIDGET_STATE, WIDGET_VIEW


def widget_notebook(state: dict, shown: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("w", id="slider")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        WIDGET_VIEW: {"model_id": shown, "version_major": 2, "version_minor": 0},
        "text/plain": "IntSlider(value=3)"})]
    nb.cells = [cell]
    nb.metadata["widgets"] = {WIDGET_STATE: {"state": state, "version_major": 2, "version_minor": 0}}
    return nb


def run(state_ids: list[str]) -> nbformat.NotebookNode:
    """A notebook whose slider (first id) refers to its layout (second id)."""
    slider, layout = state_ids
    state = {slider: {"model_name": "IntSliderModel", "state": {"layout": f"IPY_MODEL_{layout}", "value": 3}},
             layout: {"model_name": "LayoutModel", "state": {}}}
    return widget_notebook(state, slider)


def test_widget_ids_follow_cells_not_chance():
    first = notebooks.stable_widget_ids(run(["a" * 32, "b" * 32]))
    second = notebooks.stable_widget_ids(run(["f" * 32, "0" * 32]))
    assert nbformat.writes(first) == nbformat.writes(second)


def test_renamed_ids_stay_linked():
    nb = notebooks.stable_widget_ids(run(["a" * 32, "b" * 32]))
    state = nb.metadata["widgets"][WIDGET_STATE]["state"]
    by_kind = {saved["model_name"]: model for model, saved in state.items()}
    assert "a" * 32 not in nbformat.writes(nb)
    assert state[by_kind["IntSliderModel"]]["state"]["layout"] == f"IPY_MODEL_{by_kind['LayoutModel']}"
    shown = nb.cells[0].outputs[0]["data"][WIDGET_VIEW]["model_id"]
    assert shown == by_kind["IntSliderModel"]


def test_a_model_is_named_by_its_cell_and_position_there():
    nb = notebooks.stable_widget_ids(run(["a" * 32, "b" * 32]))
    state = nb.metadata["widgets"][WIDGET_STATE]["state"]
    assert set(state) == {uuid.uuid5(notebooks.WIDGET_IDS, name).hex for name in ("slider/0", "slider/1")}


def test_models_nothing_shows_are_dropped_and_links_kept_with_what_they_link():
    layout, slider, unseen, link, hidden = "1" * 32, "2" * 32, "3" * 32, "4" * 32, "5" * 32
    state = {unseen: {"model_name": "LayoutModel", "state": {}},
             slider: {"model_name": "IntSliderModel", "state": {"layout": f"IPY_MODEL_{layout}"}},
             layout: {"model_name": "LayoutModel", "state": {}},
             link: {"model_name": "LinkModel", "state": {"source": [f"IPY_MODEL_{slider}", "value"],
                                                         "target": [f"IPY_MODEL_{hidden}", "value"]}},
             hidden: {"model_name": "IntTextModel", "state": {}}}
    nb = notebooks.stable_widget_ids(widget_notebook(state, slider))
    kept = nb.metadata["widgets"][WIDGET_STATE]["state"]
    assert sorted(saved["model_name"] for saved in kept.values()) == [
        "IntSliderModel", "IntTextModel", "LayoutModel", "LinkModel"]
    link_id, hidden_id = (uuid.uuid5(notebooks.WIDGET_IDS, f"slider/{n}").hex for n in (2, 3))
    assert kept[link_id]["state"]["target"] == [f"IPY_MODEL_{hidden_id}", "value"]  # after the slider's models


def test_every_run_number_is_one():
    cell = nbformat.v4.new_code_cell("1 + 1", execution_count=3)
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=3)]
    nb = nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_markdown_cell("text")])
    notebooks.number_as_one_run(nb)
    assert nb.cells[0].execution_count == 1 and nb.cells[0].outputs[0].execution_count == 1


def test_a_notebook_without_widgets_is_left_as_it_is():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    assert notebooks.stable_widget_ids(nb) is nb


def test_executing_twice_writes_the_same_bytes(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import ipywidgets\nipywidgets.VBox([ipywidgets.IntSlider(3), ipywidgets.Button(description='Check')])")])
    nbformat.write(nb, tmp_path / "w.ipynb")
    written, changed, modified = [], [], []
    for _ in range(2):
        changed.append(notebooks.execute_in_place(tmp_path / "w.ipynb"))
        written.append((tmp_path / "w.ipynb").read_bytes())
        modified.append((tmp_path / "w.ipynb").stat().st_mtime_ns)
    assert written[0] == written[1]
    assert b"IPY_MODEL_" in written[0]
    assert changed == [True, False] and modified[0] == modified[1]  # the second run says so and leaves the file


def test_a_broken_notebook_is_named_in_one_line(tmp_path):
    (tmp_path / "bad.ipynb").write_text("{not json")
    with pytest.raises(CourseError, match=r"bad\.ipynb: not a readable notebook"):
        notebooks.read(tmp_path / "bad.ipynb")


def test_a_failing_cell_is_reported_with_the_notebook_and_the_error(tmp_path):
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0")]), tmp_path / "f.ipynb")
    failed = r"f\.ipynb: a cell failed while executing: ZeroDivisionError: division by zero$"
    with pytest.raises(CourseError, match=failed):
        notebooks.execute_in_place(tmp_path / "f.ipynb")


def test_adjacent_prints_are_one_output_and_order_is_kept():
    output = nbformat.v4.new_output
    cell = nbformat.v4.new_code_cell("...")
    cell.outputs = [output("stream", name="stdout", text="86 countries"), output("stream", name="stdout", text="\n"),
                    output("display_data", data={"text/plain": "a table"}),
                    output("stream", name="stdout", text="after the table\n")]
    nb = nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_markdown_cell("text")])
    notebooks.merge_adjacent_streams(nb)
    assert [(o.output_type, o.get("text")) for o in nb.cells[0].outputs] == [
        ("stream", "86 countries\n"), ("display_data", None), ("stream", "after the table\n")]
