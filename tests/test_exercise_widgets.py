"""Widget views: clicking Check shows exactly what ``check`` says; displays carry readable text."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from ipywidgets.embed import dependency_state

from warcourse.exercises import (
    ExerciseView,
    Explore,
    MultipleChoice,
    Numeric,
    Ordering,
    PandasAnswer,
    SetAnswer,
    configure,
    country,
    views,
)
from warcourse.exercises import explore as explore_module
from warcourse.mime import WIDGET_VIEW


def shown_text(view):
    """The text/plain of what the view's Output area shows."""
    (output,) = view.output.outputs
    assert output["output_type"] == "display_data"
    return output["data"]["text/plain"]


def choice():
    return MultipleChoice("Which metric?", answer="sorties", lines=[207], hints=["Think of flights."],
                          choices={"airstrikes": "Fewer.", "sorties": "Sorties.", "missions": "Other."})


def test_multiple_choice_click_matches_check():
    exercise = choice()
    view = ExerciseView(exercise)
    assert isinstance(view.input, widgets.RadioButtons) and view.input.value is None
    view.button.click()
    assert shown_text(view) == str(exercise.check(None, via="widget"))
    view.input.value = "airstrikes"
    view.button.click()
    assert shown_text(view) == str(exercise.check("airstrikes"))
    view.input.value = "sorties"
    view.button.click()
    assert shown_text(view) == str(exercise.check("sorties"))
    assert shown_text(view).startswith("✔ Right.")


@pytest.mark.parametrize("typed", ["59", " 1,149 ", "fifty", "58", ""])
def test_numeric_click_matches_check(typed):
    exercise = Numeric("How many?", answer=58, lines=[65], explanation="58.", unit="countries")
    view = ExerciseView(exercise)
    assert isinstance(view.input, widgets.Text)
    assert view.input.continuous_update is False  # the value goes to the kernel once, before Check
    view.input.value = typed
    view.button.click()
    assert shown_text(view) == str(exercise.check(typed, via="widget"))


def test_set_options_are_lettered_and_the_letters_typed_are_checked():
    exercise = SetAnswer("Which?", answer={"China", "Russia"}, distractors=["Iran"], lines=[5], explanation="Both.")
    view = ExerciseView(exercise)
    assert isinstance(view.input, widgets.Text) and view.input.continuous_update is False
    assert "<strong>A.</strong> China</li><li><strong>B.</strong> Iran</li><li><strong>C.</strong> Russia" in (
        view.box.children[0].value)
    view.input.value = "a, B"
    view.button.click()
    assert shown_text(view) == "✘ Not quite. Read 2 letters: A (China); B (Iran). " + str(
        exercise.check(["China", "Iran"])).removeprefix("✘ Not quite. ")
    view.input.value = "C;A"
    view.button.click()
    assert shown_text(view).startswith("✔ Right. Read 2 letters: C (Russia); A (China).")
    view.input.value = "D"
    view.button.click()
    assert shown_text(view).startswith("✘ Not quite. “D” is not one of the letters shown (A to C).")


@pytest.mark.parametrize("typed", ["A, C", "c a", "A. C.", "China, Russia", "Russia\nChina", ["A", "C"], ("c", "a"),
                                   ["A.", "C"]])
def test_set_letters_and_texts_are_the_same_answer_in_code(typed):
    exercise = SetAnswer("Which?", answer={"China", "Russia"}, distractors=["Iran"], lines=[5], explanation="Both.")
    assert exercise.check(typed).correct is True


def test_set_without_distractors_uses_a_text_box_and_says_how_it_read_it():
    exercise = SetAnswer("Which?", answer={"China", "Russia"}, lines=[5], explanation="Both.")
    view = ExerciseView(exercise)
    assert isinstance(view.input, widgets.Textarea)
    assert view.input.description == "Your items (one per line, or separated by commas):"
    assert view.input.continuous_update is False and view.input.rows == 4
    view.input.value = "  china \n\n Iran\n   \n"
    view.button.click()
    assert shown_text(view).startswith("✘ Not quite. Read 2 items one per line: china; Iran. “Iran” does not belong")
    view.input.value = "Russia, CHINA"
    view.button.click()
    assert shown_text(view).startswith("✔ Right. Read 2 items separated by commas: Russia; CHINA.")
    countries = ExerciseView(SetAnswer("Which?", answer={"China", "Russia"}, normalise=country, lines=[5],
                                       explanation="Both."))
    countries.input.value = "Russia and China"
    countries.button.click()
    assert shown_text(countries).startswith("✔ Right. Read 2 items separated by “and”: Russia; China.")
    view.input.value = " \n  "
    view.button.click()
    assert shown_text(view) == str(exercise.check(None, via="widget"))


def test_hint_and_solution_buttons():
    exercise = choice()
    view = ExerciseView(exercise)
    view.hint_button.click()
    assert shown_text(view) == "Hint 1 of 1: Think of flights. (That was the last hint.)"
    view.solution_button.click()
    assert shown_text(view).startswith("Solution: not yet.")
    for wrong in ("airstrikes", "missions"):
        view.input.value = wrong
        view.button.click()
    view.solution_button.click()
    assert "Answer: " in shown_text(view) and "sorties" in shown_text(view)


def test_ordering_items_are_lettered_and_the_letters_typed_are_checked():
    exercise = Ordering("Order", answer=["a", "b", "c"], labels={"a": "First", "b": "Second", "c": "Third"},
                        lines=[9], explanation="By date.")
    view = ExerciseView(exercise)
    shown = list(exercise.labels.values())
    assert view.input.description == "Your order:" and shown != ["First", "Second", "Third"]
    view.button.click()
    assert shown_text(view) == str(exercise.check(None, via="widget"))
    letters = ", ".join("ABC"[shown.index(label)] for label in ("First", "Second", "Third"))
    view.input.value = letters.lower()
    view.button.click()
    assert shown_text(view).startswith(f"✔ Right. Read 3 letters: {letters.split(', ')[0]} (First);")
    for between in (", ", " > ", " -> ", " → ", " then ", "/", " and "):
        assert exercise.check(letters.replace(", ", between)).correct is True, between
    assert exercise.check("First, Second, Third").correct is True  # labels, when every part names an item
    assert exercise.check("First\nSecond\nThird").correct is True and exercise.check("First -> Second -> Third").correct
    assert exercise.check("First, Second, Thrid").correct is False  # one part names no item: not read as labels
    view.input.value = "First -> Second -> Third"  # typed in the box: said how it was read
    view.button.click()
    assert shown_text(view).startswith("✔ Right. Read 3 items separated by arrows: First; Second; Third.")
    unseparated = exercise.check(letters.replace(", ", ""))
    assert "separated by commas or spaces" in unseparated.message and "not only letters" not in unseparated.message
    view.input.value = "A, A"
    view.button.click()
    assert "is given more than once" in shown_text(view)


def test_ordering_letters_given_as_a_list_in_code():
    exercise = Ordering("Order", answer=["first", "second", "third"],
                        labels={"first": "First", "second": "Second", "third": "Third"}, lines=[9],
                        explanation="By date.")
    shown = list(exercise.labels.values())
    letters = ["ABC"[shown.index(label)] for label in ("First", "Second", "Third")]
    assert exercise.check(letters).correct is True and exercise.check([x.lower() for x in letters]).correct is True
    assert exercise.check(list(reversed(letters))).correct is False
    assert exercise.check(["First", "Second", "Third"]).correct is True  # a list of labels stays labels


def test_same_answer_twice_changes_the_feedback_area_again():
    """Each Check empties the area before showing feedback, so a screen reader hears it again."""
    exercise = choice()
    view = ExerciseView(exercise)
    view.input.value = "airstrikes"
    view.button.click()
    changes = []
    view.output.observe(lambda change: changes.append(change["new"]), names="outputs")
    view.button.click()
    assert [len(outputs) for outputs in changes] == [0, 1]
    assert shown_text(view) == str(exercise.check("airstrikes"))


def test_stable_css_hooks():
    exercise = choice()
    exercise.id = "demo.metric"
    view = ExerciseView(exercise)
    assert "warcourse-q-demo.metric" in view.box._dom_classes
    assert "warcourse-hint" in view.hint_button._dom_classes
    assert "warcourse-check" in view.button._dom_classes
    assert "warcourse-exercise-widget" in view.box._dom_classes
    assert "warcourse-feedback" in view.output._dom_classes


def test_pandas_answer_has_no_input():
    exercise = PandasAnswer("Table", answer=pd.DataFrame({"a": [1]}), lines=[3], explanation="e")
    view = ExerciseView(exercise)
    assert view.button is None and view.hint_button is not None
    assert "no widget" in view.input.value


def test_inputs_and_buttons_are_labelled_for_keyboard_and_screen_readers():
    exercise = choice()
    view = ExerciseView(exercise)
    assert view.button.description == "Check" and view.button.tooltip
    assert view.input.description and view.input.description_allow_html is False
    assert view.input.style.description_width == "initial"


def test_feedback_in_output_is_escaped_html():
    exercise = Numeric("How many?", answer=58, lines=[65], explanation="58.", unit="countries")
    view = ExerciseView(exercise)
    view.input.value = "<script>alert(1)</script>"
    view.button.click()
    (output,) = view.output.outputs
    assert "<script>" not in output["data"]["text/html"]


@pytest.mark.parametrize("solutions", [False, True])
def test_display_publishes_one_output_with_text_html_and_widget(monkeypatch, solutions):
    published = []
    monkeypatch.setattr(views, "display", lambda bundle, raw: published.append(bundle))
    configure(show_solutions=solutions)
    try:
        choice()._ipython_display_()
    finally:
        configure(show_solutions=False)
    first = published[0]
    assert set(first) == {"text/plain", "text/html", WIDGET_VIEW}
    assert ") airstrikes" in first["text/plain"] and "airstrikes" in first["text/html"]
    assert first[WIDGET_VIEW]["model_id"]
    assert len(published) == (2 if solutions else 1)
    if solutions:
        assert published[1]["text/plain"].startswith("Solution\nAnswer: ") and "sorties" in published[1]["text/plain"]


def models_made(make) -> tuple[set, set]:
    """The widget models ``make()`` creates, and those the widget it returns needs (what a notebook saves)."""
    before = set(widgets.Widget.get_manager_state()["state"])
    widget = make()
    return set(widgets.Widget.get_manager_state()["state"]) - before, set(dependency_state(widget))


KINDS = {  # an exercise of each kind, those with options with many of them
    "choice": choice,
    "number": lambda: Numeric("How many?", answer=58, lines=[65], explanation="58.", unit="countries"),
    "typed-set": lambda: SetAnswer("Which?", answer={"China", "Russia"}, lines=[5], explanation="Both."),
    "set-with-options": lambda: SetAnswer("Which?", answer={"China", "Russia"}, lines=[5], explanation="e",
                                          distractors=[f"Country {n}" for n in range(20)]),
    "ordering": lambda: Ordering("Order", answer=list("abcdefghijklmnopqrstuvwxyz"), lines=[9], explanation="e"),
    "pandas": lambda: PandasAnswer("Table", answer=pd.DataFrame({"a": [1]}), lines=[3], explanation="e"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_question_brings_at_most_twelve_models(kind):
    """One layout per view and one style per kind of widget (before: one of each per widget, 21 for a choice);
    options are listed by letter and typed in one box, so their number adds no model."""
    exercise = KINDS[kind]()
    made, saved = models_made(lambda: ExerciseView(exercise).box)
    assert made == saved  # nothing made that the notebook would not need
    assert len(saved) <= 12


def test_more_options_than_letters_are_refused():
    with pytest.raises(ValueError, match="at most 26 options"):
        Ordering("Order", answer=[f"item {n}" for n in range(27)], lines=[9], explanation="e")


def test_the_views_widgets_share_one_layout_and_a_style_per_kind():
    view = ExerciseView(choice())
    assert view.input.layout is view.button.layout is view.box.layout is view.output.layout
    assert view.button.style is view.hint_button.style is view.solution_button.style


# -- Explore ----------------------------------------------------------------------

def make_explore(calls):
    def draw(year, theater):
        calls.append((year, theater))
        figure, axes = plt.subplots()
        axes.set_title(f"{theater} {year}")
        return figure

    return Explore("Strikes by year", draw=draw,
                   controls={"year": widgets.IntSlider(value=2015, min=2014, max=2019), "theater": ["Iraq", "Syria"]})


def test_explore_draws_once_and_redraws_on_change():
    calls = []
    explore = make_explore(calls)
    box = explore.view()
    output = box.children[-1]
    assert calls == [(2015, "Iraq")]
    assert "image/png" in output.outputs[0]["data"]
    explore.controls["year"].value = 2017
    assert calls[-1] == (2017, "Iraq")
    assert len(output.outputs) == 1
    assert plt.get_fignums() == []
    assert explore.view() is box


def test_explore_view_shares_its_layout():
    made, saved = models_made(lambda: make_explore([]).view())
    assert made == saved and len(saved) <= 12  # the two controls keep their own layout and style


def test_explore_show_and_unknown_controls(monkeypatch):
    calls, published = [], []
    monkeypatch.setattr(explore_module, "display", lambda bundle, raw: published.append(bundle))
    explore = make_explore(calls)
    explore.show(year=2016, theater="Syria")
    assert calls == [(2016, "Syria")]
    assert published[0]["text/plain"].startswith("<Figure size")
    with pytest.raises(TypeError, match="unknown control"):
        explore.show(month=3)


def test_explore_text_describes_controls(monkeypatch):
    published = []
    monkeypatch.setattr(explore_module, "display", lambda bundle, raw: published.append(bundle))
    make_explore([])._ipython_display_()
    (bundle,) = published
    assert bundle["text/plain"] == (
        "Explore (not graded)\nStrikes by year\nControls:\n  - year: from 2014 to 2019\n"
        "  - theater: one of Iraq, Syria\nMove the controls to redraw, or in code: .show(name=value).")
    assert WIDGET_VIEW in bundle


def test_explore_draw_error_is_shown_not_raised():
    def draw(year):
        raise ValueError("no data for this year")

    explore = Explore("Broken", controls={"year": (2014, 2019)}, draw=draw)
    output = explore.view().children[-1]
    assert output.outputs[0]["data"]["text/plain"] == "Could not draw: ValueError('no data for this year')"
