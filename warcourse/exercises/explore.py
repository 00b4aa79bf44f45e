"""Ungraded exploration: controls that redraw a figure (or any displayable result)."""

from __future__ import annotations

import base64
import html
import io
import sys
from collections.abc import Callable, Mapping

import ipywidgets as widgets
from IPython import get_ipython
from IPython.display import display

from .feedback import shown
from .views import WIDGET_VIEW, Parts, text_block


def _figure_of(result: object):
    """The matplotlib Figure behind ``result`` (a Figure or Axes), else None."""
    figures, axes = sys.modules.get("matplotlib.figure"), sys.modules.get("matplotlib.axes")
    if figures is not None and isinstance(result, figures.Figure):
        return result
    if axes is not None and isinstance(result, axes.Axes):
        return result.figure
    return None


def _bundle(result: object) -> dict:
    """A MIME bundle for ``result`` computed without publishing it to the cell."""
    figure = _figure_of(result)
    if figure is not None:
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", bbox_inches="tight")
        return {"image/png": base64.b64encode(buffer.getvalue()).decode("ascii"), "text/plain": repr(figure)}
    shell = get_ipython()
    if shell is not None:
        data, _metadata = shell.display_formatter.format(result)
        return data
    return {"text/plain": shown(result, limit=2000)}


def _close_new_figures(before: set) -> list:
    """Close the pyplot figures made since ``before`` (so the notebook does not show them twice)."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is None:
        return []
    made = [pyplot.figure(number) for number in pyplot.get_fignums() if number not in before]
    for figure in made:
        pyplot.close(figure)
    return made


def _open_figures() -> set:
    pyplot = sys.modules.get("matplotlib.pyplot")
    return set(pyplot.get_fignums()) if pyplot is not None else set()


class Explore:
    """Ungraded: ``controls`` (name -> widget or interact abbreviation) redraw ``draw(**values)``.

    ``draw`` returns what to show (a matplotlib Figure or Axes, a DataFrame,
    text ...); a figure it leaves open in pyplot is shown when it returns
    None. In code, ``show(year=2015)`` draws once with the given values.
    """

    def __init__(self, description: str, *, controls: Mapping, draw: Callable):
        if not callable(draw):
            raise TypeError("draw must be a function")
        self.description = description
        self.draw = draw
        self.controls = {}
        for name, control in controls.items():
            widget = widgets.interactive.widget_from_abbrev(control)
            if not widget.description:
                widget.description = name
            if hasattr(widget, "style"):
                widget.style.description_width = "initial"
            self.controls[name] = widget
        self._view = None

    def values(self, **overrides) -> dict:
        """The controls' current values, with ``overrides`` (only known names)."""
        unknown = sorted(set(overrides) - set(self.controls))
        if unknown:
            raise TypeError(f"unknown control(s) {unknown}; the controls are {sorted(self.controls)}")
        return {name: control.value for name, control in self.controls.items()} | overrides

    def render(self, **overrides) -> dict:
        """Draw with the given values and return the result as a MIME bundle."""
        before = _open_figures()
        try:
            result = self.draw(**self.values(**overrides))
        finally:
            made = _close_new_figures(before)
        if result is None and made:
            result = made[-1]
        return {} if result is None else _bundle(result)

    def show(self, **overrides) -> None:
        """Draw once with the given values and display the result."""
        display(self.render(**overrides), raw=True)

    def _redraw(self, output: widgets.Output) -> None:
        try:
            data = self.render()
        except Exception as error:
            data = {"text/plain": f"Could not draw: {shown(error, 200)}"}
        output.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},) if data else ()

    def view(self) -> widgets.VBox:
        """The widget: description, controls and the drawing (made once, shared by every display)."""
        if self._view is None:
            make = Parts()
            output = make(widgets.Output)
            for control in self.controls.values():
                control.observe(lambda _change: self._redraw(output), names="value")
            intro = make(widgets.HTML, value=f"<p>{html.escape(self.description)}</p>")
            self._view = make(widgets.VBox, children=[intro, *self.controls.values(), output])
            self._redraw(output)
        return self._view

    def text_bundle(self) -> dict[str, str]:
        """The exploration and its controls as readable text/plain and text/html."""
        details = ["Controls:"]
        for name, control in self.controls.items():
            if hasattr(control, "min") and hasattr(control, "max"):
                details.append(f"  - {name}: from {control.min} to {control.max}")
            elif getattr(control, "options", None):
                details.append(f"  - {name}: one of {', '.join(control._options_labels)}")
            else:
                details.append(f"  - {name}")
        details.append("Move the controls to redraw, or in code: .show(name=value).")
        return text_block("Explore (not graded)", self.description, details, "warcourse-explore", "margin: 0.5em 0")

    def _ipython_display_(self) -> None:
        display({**self.text_bundle(), WIDGET_VIEW: self.view()._repr_mimebundle_()[WIDGET_VIEW]}, raw=True)
