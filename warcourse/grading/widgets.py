"""Answers left in a notebook's widgets, read from the widget state the front end saved in the file.

Each question's widget carries the CSS class ``warcourse-q-<id>``; its saved values are given to a
fresh view of the grader's own question (``ExerciseView``), so the answer is read the way the widget
would read it. An option whose label changed since the file was saved (a data fix changed a number
in it) is found by its label with the numbers left out. A saved widget that is not the question's
widget is noted and its answer not counted; a notebook that shows widgets but saved no widget state
is noted too (``missing_state``).
"""

from __future__ import annotations

import re

from ..mime import WIDGET_STATE, WIDGET_VIEW

PREFIX = "warcourse-q-"  # the DOM class carrying a widget's question id (warcourse.exercises.views)
_VALUES = {"TextModel", "TextareaModel", "IntTextModel", "FloatTextModel", "BoundedIntTextModel",
           "BoundedFloatTextModel", "CheckboxModel", "IntSliderModel", "FloatSliderModel"}
_CHOICES = {"RadioButtonsModel", "DropdownModel", "SelectModel", "ToggleButtonsModel"}


class Mismatch(Exception):
    """A saved widget that does not fit the question's widget."""


def displayed(nb) -> set[str]:
    """The widget models the notebook's outputs show (older models of a re-run cell are not)."""
    return {output["data"][WIDGET_VIEW].get("model_id") for cell in nb.cells if cell.cell_type == "code"
            for output in cell.get("outputs", []) if WIDGET_VIEW in output.get("data", {})}


def missing_state(nb) -> bool:
    """True when the notebook shows widgets but the front end saved none of their state."""
    return bool(displayed(nb)) and not nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state")


def answers(nb, exercises: dict) -> tuple[dict[str, tuple[object, bool]], dict[str, str]]:
    """Per question id (of ``exercises``: id -> exercise), the answer left in its widget and whether it
    was checked; and per question id, a note on a saved widget that could not be read."""
    from ..exercises import ExerciseView

    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    shown = displayed(nb)
    found, notes = {}, {}
    for model_id, model in state.items():
        if model_id not in shown or not isinstance(model, dict) or not isinstance(model.get("state"), dict):
            continue
        ids = [c[len(PREFIX):] for c in model["state"].get("_dom_classes", []) if str(c).startswith(PREFIX)]
        if not ids or ids[0] not in exercises:
            continue
        view = ExerciseView(exercises[ids[0]])
        try:
            checked = _restore(view.box, model, state)
        except Mismatch as problem:
            notes[ids[0]] = f"its saved widget {problem}, so its widget answer is not counted"
            continue
        if view.value is not None:
            found[ids[0]] = (view.value(), checked)
    return found, notes


def _unnumbered(label: str) -> str:
    return re.sub(r"\d[\d,.]*", "#", str(label))


def _index(labels: list, saved: list, index: int) -> int:
    """Where the saved option ``saved[index]`` is among ``labels`` (by label, then by label without numbers)."""
    label = saved[index]
    if label in labels:
        return labels.index(label)
    loose = [_unnumbered(option) for option in labels]
    if loose.count(_unnumbered(label)) == 1:
        return loose.index(_unnumbered(label))
    raise Mismatch(f"has an option ({label!r}) that the question does not have")


def _restore(widget, model: dict, state: dict) -> bool:
    """Give ``widget`` (and its children) the values saved in ``model``; True if feedback was shown."""
    saved = model.get("state", {})
    name = widget._model_name
    if saved.get("_model_name", model.get("model_name")) != name:
        raise Mismatch("is another kind of widget")
    try:
        if name in _CHOICES and saved.get("index") is not None:
            widget.index = _index(list(widget._options_labels), saved["_options_labels"], saved["index"])
        elif name == "SelectMultipleModel":
            labels = list(widget._options_labels)
            widget.index = tuple(_index(labels, saved["_options_labels"], i) for i in saved.get("index", ()))
        elif name in _VALUES and "value" in saved:
            widget.value = saved["value"]
    except (KeyError, IndexError, ValueError, TypeError):
        raise Mismatch("holds a value the question's widget does not take") from None
    feedback = name == "OutputModel" and bool(saved.get("outputs"))
    if hasattr(widget, "children"):
        refs = saved.get("children", [])
        if len(refs) != len(widget.children):
            raise Mismatch("has other parts than the question's widget")
        for child, ref in zip(widget.children, refs):
            child_model = state.get(str(ref).removeprefix("IPY_MODEL_"))
            if not isinstance(child_model, dict):
                raise Mismatch("is incomplete")
            feedback |= _restore(child, child_model, state)
    return feedback
