"""The one bank pattern: questions registered with their role, built with the parameters they name."""

from __future__ import annotations

import pytest

from warcourse.exercises import Numeric
from warcourse.questions import QuestionBank, Registry, Tables


def _number(question: str) -> Numeric:
    return Numeric(question, answer=3, unit="rows", lines=[44], explanation="Three rows.")


def test_roles_make_the_lesson_and_the_practice_bank():
    registry = Registry(lesson="demo", practice="demo_practice", parameters={"theater": ("all", "Iraq")})

    @registry.question("lesson")
    def first(t, theater):
        return _number(f"Rows in {theater}?")

    @registry.question("summative")
    def later(t):
        return _number("Rows later?")

    @registry.question("practice")
    def drill(t):
        return _number("Rows to practise?")

    lesson = registry.build("lesson", theater="Iraq")
    assert list(lesson) == ["first", "later"] and lesson.summative == ["later"]
    assert lesson.first.question == "Rows in Iraq?" and lesson.first.id == "demo.first"
    assert list(registry.build("practice")) == ["drill"]


def test_a_question_registered_twice_or_in_an_unknown_role_is_refused():
    registry = Registry(lesson="demo")

    @registry.question("lesson")
    def first(t):
        return _number("Rows?")

    with pytest.raises(ValueError, match="twice"):
        registry.question("summative")(first)
    with pytest.raises(ValueError, match="role"):
        registry.question("practice")
    with pytest.raises(ValueError, match="role"):
        registry.question("homework")


def test_a_question_cannot_take_the_name_of_a_bank_attribute():
    bank = QuestionBank("demo", theater="Iraq")
    for name in ("parameters", "summative", "lesson", "_private", "not a name"):
        with pytest.raises(ValueError, match="cannot name a question"):
            bank.add(name, _number("Rows?"))


def test_tables_load_fresh_on_first_use_and_only_tables():
    tables = Tables()
    assert tables.strike_counts is tables.strike_counts  # loaded once per build
    assert Tables().strike_counts is not tables.strike_counts  # every build gets its own copy
    with pytest.raises(AttributeError):
        _ = tables.not_a_table


def test_a_question_that_takes_a_parameter_its_bank_does_not_is_refused_when_registered():
    registry = Registry(lesson="demo", practice="demo_practice", parameters={"theater": ("all", "Iraq")})

    with pytest.raises(ValueError, match=r"'drill' \(practice\) takes theater, but demo_practice takes no parameters"):
        @registry.question("practice")
        def drill(t, theater):
            return _number(f"Rows in {theater}?")

    with pytest.raises(ValueError, match=r"'first' \(lesson\) takes place, but demo takes theater"):
        @registry.question("lesson")
        def first(t, place):
            return _number(f"Rows in {place}?")
    assert registry.entries == []


def test_a_bank_function_takes_the_declared_parameters_and_refuses_others():
    import inspect

    from warcourse.errors import UsageError

    registry = Registry(lesson="demo", practice="demo_practice", parameters={"theater": ("all", "Iraq")})

    @registry.question("lesson")
    def first(t, theater):
        return _number(f"Rows in {theater}?")

    demo = registry.bank("lesson", "Demo questions.")
    assert str(inspect.signature(demo)).startswith("(theater='all')") and demo.__name__ == "demo"
    assert demo().first.question == "Rows in all?" and demo("Iraq").first.question == "Rows in Iraq?"
    for args, kwargs in (((("Syria",)), {}), ((1,), {}), (("all", "x"), {}), ((), {"place": "x"})):
        with pytest.raises(UsageError):
            demo(*args, **kwargs)
    assert registry.declared("practice") == {} and registry.declared("lesson") == {"theater": ("all", "Iraq")}
    assert demo.which == "lesson" and demo.declared == {"theater": ("all", "Iraq")}


def test_a_question_that_cannot_be_built_for_a_value_says_which_question_and_value():
    """A maintainer who adds a value the data cannot answer learns which question failed, for which value,
    and where the guide says what a value needs; the error keeps its own type and message."""
    registry = Registry(lesson="demo", parameters={"theater": ("all", "Yemen")})

    @registry.question("lesson")
    def order(t, theater):
        if theater == "Yemen":
            raise ValueError("an ordering needs at least two distinct items")
        return _number("Rows?")

    with pytest.raises(ValueError, match="two distinct items") as raised:
        registry.build("lesson", theater="Yemen")
    (note,) = raised.value.__notes__
    assert "question 'order' of the bank 'demo' for theater='Yemen'" in note and "Add a parameter value" in note
