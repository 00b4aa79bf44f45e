"""The thin widget view of a graded exercise and how it shows in a notebook.

One display output carries the readable question as text/plain and text/html
(deterministic, readable without a kernel) plus the widget view; with
``configure(show_solutions=True)`` a second output shows the solution.
"""

from __future__ import annotations

import html
from functools import singledispatch

import ipywidgets as widgets
from IPython.display import display

from ..mime import WIDGET_VIEW
from .base import SETTINGS, Exercise
from .choice import MultipleChoice
from .feedback import Feedback
from .frames import PandasAnswer
from .matching import as_text
from .numeric import Numeric
from .ordering import Ordering
from .sets import SetAnswer, typed_items


class Parts:
    """Makes a view's widgets: all share one layout, and every kind of widget one style.

    Without this each widget brings its own layout and style model, about twice
    the models (messages at run time, JSON in every saved notebook).
    """

    def __init__(self, **layout):
        self.layout = widgets.Layout(**layout)
        self.styles = {}

    def style(self, kind):
        """The view's one style of class ``kind``."""
        if kind not in self.styles:
            wide = "description_width" in kind.class_traits()
            self.styles[kind] = kind(description_width="initial") if wide else kind()
        return self.styles[kind]

    def __call__(self, kind, **options):
        """A ``kind`` widget with the shared layout and style; a plain-text description that never shrinks."""
        style = kind.class_traits().get("style")
        if style is not None:
            options["style"] = self.style(style.klass)
        if "description_allow_html" in kind.class_traits():
            options.setdefault("description_allow_html", False)
        return kind(layout=self.layout, **options)


@singledispatch
def make_input(exercise: Exercise, make: Parts):
    """The input widget of ``exercise`` (made with ``make``), a function reading the answer
    from it, and a note on how to answer (shown under the question)."""
    raise TypeError(f"no widget for {type(exercise).__name__}")


@make_input.register
def _(exercise: MultipleChoice, make: Parts):
    radio = make(widgets.RadioButtons, description="Your answer:", value=None,
                 options=[(as_text(choice), choice) for choice in exercise.order])
    return radio, lambda: radio.value, ""


@make_input.register
def _(exercise: Numeric, make: Parts):
    unit = f" ({exercise.unit})" if exercise.unit else ""
    text = make(widgets.Text, description=f"Your answer{unit}:", value="",
                placeholder="a number, e.g. 1149 or 1,149", continuous_update=False)
    return text, lambda: text.value, ""


@make_input.register
def _(exercise: SetAnswer, make: Parts):
    if exercise.free:
        box = make(widgets.Textarea, description="Your items (one per line, or separated by commas):",
                   value="", placeholder="one item per line", continuous_update=False, rows=4)
        return box, lambda: box.value, ""
    boxes = [make(widgets.Checkbox, description=as_text(option), value=False, indent=False)
             for option in exercise.options]
    group = make(widgets.VBox, children=boxes)

    def chosen():
        return [option for option, box in zip(exercise.options, boxes) if box.value] or None

    return group, chosen, "Pick all that apply:"


@make_input.register
def _(exercise: Ordering, make: Parts):
    options = [(exercise.labels[item], item) for item in exercise.shuffled()]
    slots = [make(widgets.Dropdown, description=f"Position {position}:", options=options, value=None)
             for position in range(1, len(options) + 1)]

    def value():
        chosen = [slot.value for slot in slots]
        return None if all(item is None for item in chosen) else chosen

    return make(widgets.VBox, children=slots), value, ""


@make_input.register
def _(exercise: PandasAnswer, make: Parts):
    return make(widgets.HTML, value=html.escape(exercise.describe()[0])), None, ""


class ExerciseView:
    """Question, input, Check / Hint / Solution buttons and an Output area showing what they say."""

    def __init__(self, exercise: Exercise):
        self.exercise = exercise
        make = Parts(width="auto", max_width="60em")  # a readable line length
        self.input, self.value, how = make_input(exercise, make)
        how = f"<p>{html.escape(how)}</p>" if how else ""
        question = make(widgets.HTML, value=f"<p><strong>{html.escape(exercise.question)}</strong></p>{how}")
        question.add_class("tex2jax_ignore")
        self.button = None
        self.output = make(widgets.Output)
        self.output.add_class("warcourse-feedback")
        buttons = []
        if self.value is not None:
            self.button = make(widgets.Button, description="Check", tooltip="Check your answer", icon="check")
            self.button.add_class("warcourse-check")
            self.button.on_click(lambda _button: self.check())
            buttons.append(self.button)
        self.hint_button = make(widgets.Button, description="Hint", tooltip="Show the next hint", icon="lightbulb-o")
        self.hint_button.add_class("warcourse-hint")
        self.hint_button.on_click(lambda _button: self.show(exercise.hint()))
        self.solution_button = make(widgets.Button, description="Solution",
                                    tooltip="Show the worked solution (after two tries)", icon="eye")
        self.solution_button.add_class("warcourse-solution-button")
        self.solution_button.on_click(lambda _button: self.show(exercise.solution()))
        buttons += [self.hint_button, self.solution_button]
        buttons = make(widgets.HBox, children=buttons)
        self.box = make(widgets.VBox, children=[question, self.input, buttons, self.output])
        self.box.add_class("warcourse-exercise-widget")
        if exercise.id:
            self.box.add_class(f"warcourse-q-{exercise.id}")

    def show(self, shown_thing):
        """Show feedback or a note in the Output area (emptied first, so a repeat still changes the page)."""
        self.output.outputs = ()
        self.output.outputs = ({"output_type": "display_data", "data": shown_thing.bundle(), "metadata": {}},)
        return shown_thing

    def check(self) -> Feedback:
        """Check what the inputs hold and show the feedback (for typed items: how they were read)."""
        answer = self.value()
        feedback = self.exercise.check(answer, via="widget")
        if isinstance(self.exercise, SetAnswer) and isinstance(answer, str) and answer.strip():
            items, how = typed_items(answer)
            read = f"Read {len(items)} item{'s' if len(items) != 1 else ''} {how}: {'; '.join(items)}. "
            feedback = Feedback(feedback.correct, read + feedback.message, feedback.lines, feedback.where)
        return self.show(feedback)


def text_block(title: str, lead: str, details: list[str], css_class: str, style: str) -> dict[str, str]:
    """The same content as text/plain and as escaped text/html."""
    plain = "\n".join([title, lead, *details])
    rich = (f'<div class="{css_class} tex2jax_ignore mathjax_ignore" style="{style}">'
            f'<p><em>{html.escape(title)}</em></p>'
            f'<p style="white-space: pre-wrap"><strong>{html.escape(lead)}</strong></p>'
            f'<div style="white-space: pre-wrap">{html.escape(chr(10).join(details))}</div></div>')
    return {"text/plain": plain, "text/html": rich}


def question_bundle(exercise: Exercise) -> dict[str, str]:
    """The exercise as readable text: kind, question, choices or options, how to answer."""
    call = f"q.{exercise.name}" if exercise.name else "this exercise"
    how = "in code" if isinstance(exercise, PandasAnswer) else "with the widget (press Check), or in code"
    details = [*exercise.describe(),
               f"In the notebook, answer {how}: {call}.check(your_answer). Stuck? {call}.hint() gives a hint, "
               f"{call}.solution() the worked answer after two tries."]
    title = f"Question {exercise.name} ({exercise.kind})" if exercise.name else f"Exercise ({exercise.kind})"
    return text_block(title, exercise.question, details, "warcourse-exercise", "margin: 0.5em 0")


def solution_bundle(exercise: Exercise) -> dict[str, str]:
    """The clearly marked solution block (only shown with show_solutions on)."""
    style = "border-left: 4px solid #0072B2; padding-left: 0.75em; margin: 0.5em 0"
    answer, *rest = exercise.solution().text.split("\n", 1)
    return text_block("Solution", answer, rest, "warcourse-solution", style)


def bundles(exercise: Exercise, view: ExerciseView) -> list[dict]:
    """The MIME bundles ``display_exercise`` shows (the solution one only when switched on)."""
    shown = [{**question_bundle(exercise), WIDGET_VIEW: view.box._repr_mimebundle_()[WIDGET_VIEW]}]
    if SETTINGS["show_solutions"]:
        shown.append(solution_bundle(exercise))
    return shown


def display_exercise(exercise: Exercise) -> None:
    """Display ``exercise`` in the notebook: one output, plus the solution when switched on."""
    for bundle in bundles(exercise, ExerciseView(exercise)):
        display(bundle, raw=True)
