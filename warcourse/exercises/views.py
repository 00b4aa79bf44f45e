"""The thin widget view of a graded exercise and how it shows in a notebook.

One display output carries the readable question as text/plain and text/html
(deterministic, readable without a kernel) plus the widget view; with
``configure(show_solutions=True)`` a second output shows the solution.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import singledispatch
from typing import NamedTuple

import ipywidgets as widgets
from IPython.display import display

from ..mime import WIDGET_VIEW
from . import letters
from .base import SETTINGS, Exercise
from .choice import MultipleChoice
from .feedback import Feedback, plural
from .frames import PandasAnswer
from .matching import as_text
from .numeric import Numeric
from .ordering import Ordering
from .sets import SetAnswer


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


def _nothing_to_say(typed: str) -> str:
    return ""


class Input(NamedTuple):
    """A view's input widget, a function reading the answer from it (None where answers are given in
    code), how to answer as HTML (shown under the question), and what to say of how non-empty typed
    text was read (before the feedback, so a student sees any misreading; "" for nothing)."""

    widget: widgets.Widget
    value: Callable[[], object] | None
    how: str = ""
    reading: Callable[[str], str] = _nothing_to_say


@singledispatch
def make_input(exercise: Exercise, make: Parts) -> Input:
    """The input of ``exercise``, its widgets made with ``make``."""
    raise TypeError(f"no widget for {type(exercise).__name__}")


@make_input.register
def _(exercise: MultipleChoice, make: Parts):
    radio = make(widgets.RadioButtons, description="Your answer:", value=None,
                 options=[(as_text(choice), choice) for choice in exercise.order])
    return Input(radio, lambda: radio.value)


@make_input.register
def _(exercise: Numeric, make: Parts):
    unit = f" ({exercise.unit})" if exercise.unit else ""
    text = make(widgets.Text, description=f"Your answer{unit}:", value="",
                placeholder="a number, e.g. 1149 or 1,149", continuous_update=False)
    return Input(text, lambda: text.value)


def _letter_box(make: Parts, description: str, placeholder: str, css_class: str):
    """The one text box where the letters of a set's options or an ordering's items are typed."""
    box = make(widgets.Text, description=description, value="", placeholder=placeholder, continuous_update=False)
    box.add_class("warcourse-letters")
    box.add_class(css_class)
    return box


def _options_html(intro: str, labels) -> str:
    """``intro`` and the labels, each after its letter, as HTML (the letters are text, read aloud too)."""
    items = "".join(f"<li><strong>{letter}.</strong> {html.escape(as_text(label))}</li>"
                    for letter, label in letters.lettered(labels))
    return (f"<p>{html.escape(intro)}</p>"
            f'<ul class="warcourse-options" style="list-style: none; padding-left: 1em">{items}</ul>')


def _letters_read(labels) -> Callable[[str], str]:
    """What to say of typed letters: each with the option or item it names ("" for text that is not letters)."""
    shown = list(labels)

    def reading(typed: str) -> str:
        try:
            positions = letters.read(typed, len(shown))
        except letters.NotALetter:
            return ""
        if positions is None:
            return ""
        named = "; ".join(f"{letters.LETTERS[p]} ({as_text(shown[p])})" for p in positions)
        return f"Read {plural(len(positions), 'letter')}: {named}. "

    return reading


def _items_said(items: list[str], how: str) -> str:
    """What to say of items read from a text: how many, how they were split, and each of them."""
    return f"Read {plural(len(items), 'item')} {how}: {'; '.join(items)}. "


def _items_read(exercise: SetAnswer) -> Callable[[str], str]:
    return lambda typed: _items_said(*exercise.typed(typed))


@make_input.register
def _(exercise: SetAnswer, make: Parts):
    if exercise.free:
        box = make(widgets.Textarea, description="Your items (one per line, or separated by commas):",
                   value="", placeholder="one item per line", continuous_update=False, rows=4)
        return Input(box, lambda: box.value, reading=_items_read(exercise))
    box = _letter_box(make, "Your letters:", "the letters of every option that applies, separated by commas",
                      "warcourse-pick")
    return Input(box, lambda: box.value, _options_html("Pick all that apply, by letter:", exercise.options),
                 _letters_read(exercise.options))


def _order_read(exercise: Ordering) -> Callable[[str], str]:
    """What to say of a typed order: its letters with their items, or the ids or labels typed instead."""
    by_letter = _letters_read(list(exercise.labels.values()))

    def reading(typed: str) -> str:
        said = by_letter(typed)
        named = None if said else exercise.typed(typed)
        return said if named is None else _items_said(*named)

    return reading


@make_input.register
def _(exercise: Ordering, make: Parts):
    box = _letter_box(make, "Your order:", "the letters, first to last, separated by commas",
                      "warcourse-order")
    items = list(exercise.labels.values())
    return Input(box, lambda: box.value, _options_html("Put these in order, by letter:", items), _order_read(exercise))


@make_input.register
def _(exercise: PandasAnswer, make: Parts):
    return Input(make(widgets.HTML, value=html.escape(exercise.describe()[0])), None)


class ExerciseView:
    """Question, input, Check / Hint / Solution buttons and an Output area showing what they say."""

    def __init__(self, exercise: Exercise):
        self.exercise = exercise
        make = Parts(width="auto", max_width="60em")  # a readable line length
        self.input, self.value, how, self._reading = make_input(exercise, make)
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
        read = self._read(answer)
        if read:
            feedback = Feedback(feedback.correct, read + feedback.message, feedback.lines, feedback.where)
        return self.show(feedback)

    def _read(self, answer) -> str:
        """How typed text was read (items, or letters with their options), so a student sees any misreading."""
        if not isinstance(answer, str) or not answer.strip():
            return ""
        return self._reading(answer)


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
