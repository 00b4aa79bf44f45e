"""Shared checks for the question-bank tests: right answers accepted in the forms students write, wrong
ones refused without giving the answer away, and the one choice a test names in words."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

from warcourse.exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer, country
from warcourse.exercises.letters import LETTERS
from warcourse.exercises.matching import as_text, normalise
from warcourse.exercises.names import spellings
from warcourse.exercises.numeric import format_number, to_fraction
from warcourse.questions import key


def _number_forms(value: Fraction) -> set[str]:
    forms = {format_number(value), format_number(value).replace(",", "")}
    if value.denominator == 1:
        forms.add(str(value.numerator))
    else:
        forms |= {f"{float(value):g}", f"{float(value):.1f}", f"{float(value):.2f}"}
    return forms


_ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _in_words(number: int) -> str:
    """A whole number from 1 to 99 in words, as a student writes it: "eight", "forty-one"."""
    return _ONES[number] if number < 20 else "-".join(filter(None, (_TENS[number // 10], _ONES[number % 10])))


def _numbers(exercise: Numeric) -> list:
    answer = key(exercise).answer
    value = to_fraction(answer)
    text = repr(float(value)) if value.denominator != 1 else str(value.numerator)
    forms = [value, Decimal(text), np.float64(float(value)), f"{text} {exercise.unit}", f"  {text}  "]
    if value.denominator == 1:
        forms += [np.int64(value.numerator), f"{value.numerator:,}", f"{value.numerator:,} {exercise.unit}"]
    if value.denominator == 1 and 0 < value < 100:
        forms += [_in_words(value.numerator), f"{_in_words(value.numerator).capitalize()} {exercise.unit}"]
    if re.search(r"percent|%", exercise.unit):
        forms.append(f"{text}%")
    if exercise.unit == "times":
        forms += [f"{text}x", f"{text}×", f"{text} X", f"{text}-fold", f"x{text}", f"× {text}"]
    return forms


_ARTICLE = re.compile(r"^(?:an?|the)\s+(?=\w)", re.IGNORECASE)


def _articles(text: str) -> list[str]:
    """``text`` with its leading article dropped or swapped ("A claimant gap" -> "claimant gap", "the claimant
    gap"); empty when it has none."""
    bare = _ARTICLE.sub("", text)
    return [bare, f"the {bare}"] if bare != text else []


def _texts(items: list, articles: bool = True) -> list[list]:
    """The same items as a student might type them: other case, a final full stop, extra spaces and (unless
    the items are pairs, "a vs b") a leading article dropped or swapped."""
    texts = [as_text(item) for item in items]
    forms = [[text.upper() for text in texts], [f" {text}." for text in texts]]
    if articles and any(_articles(text) for text in texts):
        dropped = [next(iter(_articles(text)), text) for text in texts]
        swapped = [_articles(text)[-1] if _articles(text) else text for text in texts]
        forms += [dropped, swapped]
    return forms


def _containers(items: list, ordered: bool) -> list:
    forms = [list(items), tuple(items), pd.Series(items, dtype=object), pd.Index(items, dtype=object),
             np.array(items, dtype=object), dict.fromkeys(items).keys()]
    if not ordered:
        forms += [set(items), frozenset(items), list(reversed(items))]
    return forms


def _letters(positions: list[int], between: tuple[str, ...]) -> list[str]:
    """The options at ``positions`` named by their letters, as typed in the widget's box."""
    named = [LETTERS[position] for position in positions]
    return [glue.join(named) for glue in between] + [", ".join(named).lower()]


def _sets(exercise: SetAnswer) -> list:
    answer = key(exercise)
    items = sorted(answer.answer, key=as_text)
    forms = _containers(items, ordered=False) + _texts(items, articles=not answer.matching.get("pairs"))
    if exercise.options:
        forms += _letters(sorted(exercise.options.index(item) for item in items), (", ", " ", "; ", " and ", "/"))
    if all(isinstance(item, str) for item in items):
        forms.append("\n".join(items))
        if not any(re.search("[,;\n]", item) for item in items):
            forms.append(", ".join(items))
            if len(items) > 1:
                forms.append(", ".join(items[:-1]) + ", and " + items[-1])
            names = answer.matching.get("normalise") is country and not answer.matching.get("pairs")
            if names and len(items) > 1 and all(country(item) != normalise(item) and " and " not in item
                                                for item in items):  # country names without an "and" of their own
                forms += [" and ".join(items), ", ".join(items[:-1]) + " and " + items[-1]]
    if answer.matching.get("pairs"):
        halves = [re.split(r" vs\.? | / ", as_text(item), maxsplit=1) for item in items]
        forms += [[tuple(pair) for pair in halves], [f"{b} vs. {a}" for a, b in halves],
                  [f"{a} / {b}" for a, b in halves]]
    if answer.matching.get("normalise") is country:
        others = [next(iter(spellings(as_text(item))), as_text(item)) for item in items]
        forms.append(others)
    return forms


def _orderings(exercise: Ordering) -> list:
    answer = key(exercise)
    labels = [answer.matching["labels"][item] for item in answer.answer]
    forms = _containers(list(answer.answer), ordered=True) + _containers(labels, ordered=True) + _texts(labels)
    shown = list(exercise.labels)
    forms += _letters([shown.index(item) for item in answer.answer], (", ", " ", " > ", " -> ", " → ", " then "))
    ids = [str(item) for item in answer.answer]
    typed = [texts for texts in (ids, labels) if not any(re.fullmatch(r"[A-Za-z]", text) for text in texts)]
    # (a text of single letters is read as the letters shown)
    for texts in typed:  # ids or labels typed in one text (a box, a string)
        forms += ["\n".join(texts), " -> ".join(texts), " then ".join(texts)]
        if not any(set(text) & set(",;") for text in texts):
            forms.append(", ".join(texts))
    unprefixed = [re.sub(r"^[^():]{1,40}: ", "", label) for label in labels]
    if unprefixed != labels and len(set(unprefixed)) == len(unprefixed):
        forms.append(unprefixed)
    return forms


def _choices(exercise: MultipleChoice) -> list:
    answer = key(exercise)
    text = as_text(answer.answer)
    letter = answer.text.split(")", 1)[0]
    head = text.partition(": ")[0] if ": " in text else ""
    heads = [as_text(choice).partition(": ")[0] for choice in exercise.order]
    short = head and len(head.split()) <= 4 and heads.count(head) == 1  # a short form that names one choice
    rest = text.partition(": ")[2] if head and len(head.split()) <= 4 and not set(head) & set("()[]") else ""
    return [answer.answer, text.upper(), f"  {text}.", letter, letter.upper(), f"{letter})", f"option {letter}",
            *_articles(text), *(_articles(head) if short else []), *([rest] if rest else [])]


def _tables(exercise: PandasAnswer) -> list:
    answer = key(exercise).answer
    forms = [answer.copy()] if key(exercise).matching["ordered"] else [answer.copy(), answer.iloc[::-1]]
    if not key(exercise).matching["check_dtype"]:
        forms.append(answer.astype(object))  # built row by row from Python values
    if isinstance(answer, pd.DataFrame):
        forms.append(answer[list(reversed(answer.columns))])
    integers = isinstance(answer.index, pd.RangeIndex) or pd.api.types.is_integer_dtype(answer.index.dtype)
    labelled = any(name is not None for name in answer.index.names)
    if integers:
        forms.append(answer.reset_index(drop=True))
    elif labelled:
        forms.append(answer.reset_index())
    positions = integers and not labelled
    if isinstance(answer, pd.DataFrame) and (labelled or positions):  # typed by hand as a dict
        columns = answer.reset_index() if labelled else answer
        forms += [columns.to_dict("list"), columns.to_dict("records")]  # {column: values}, [{column: value}]
    elif isinstance(answer, pd.Series):
        forms.append(answer.tolist() if positions else answer.to_dict())  # the values, or {label: value}
    return forms


def alternative_forms(exercise) -> list:
    """The right answer of ``exercise`` in other forms a student writes; every one must be accepted."""
    for kind, forms in ((Numeric, _numbers), (SetAnswer, _sets), (Ordering, _orderings),
                        (MultipleChoice, _choices), (PandasAnswer, _tables)):
        if isinstance(exercise, kind):
            return forms(exercise)
    raise TypeError(f"no alternative forms for {type(exercise).__name__}")


def leaked(exercise, message: str, given: object = None) -> list[str]:
    """The pieces of the expected answer that ``message`` shows (empty when it shows none)."""
    given_text = as_text(given) if given is not None else ""
    answer = key(exercise).answer
    found = []
    if isinstance(exercise, Numeric):
        for form in _number_forms(to_fraction(answer)):
            if re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", message) and form not in given_text:
                found.append(form)
    elif isinstance(exercise, MultipleChoice):
        text = as_text(answer)
        if text in message and text not in given_text:
            found.append(text)
    elif isinstance(exercise, SetAnswer):
        for item in answer:
            text = as_text(item)
            if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", message) and text not in given_text:
                found.append(text)
    return found


def assert_no_leak(exercise, feedback, given: object = None) -> None:
    """Fail when a wrong-answer message names an expected item, the expected number or the right choice."""
    assert feedback.correct is not True, f"{exercise.id}: {given!r} was accepted"
    shown = leaked(exercise, feedback.message, given)
    assert not shown, f"{exercise.id}: the feedback to {given!r} gives away {shown}: {feedback.message}"


def assert_refused(exercise, wrong_answers) -> None:
    """Each of ``wrong_answers`` is refused (not right) without giving the answer away."""
    assert len(wrong_answers) >= 3, f"{exercise.id}: give at least three typical wrong answers"
    for given in wrong_answers:
        feedback = exercise.check(given)
        assert feedback.correct is False, f"{exercise.id}: {given!r} -> {feedback}"
        assert_no_leak(exercise, feedback, given)


def accepted(exercise, answer) -> None:
    """``answer`` (the canonical solution, computed by the test) is graded right."""
    feedback = exercise.check(answer)
    assert feedback.correct is True, f"{exercise.id}: {answer!r} -> {feedback}"


def choice_containing(exercise: MultipleChoice, *words: str) -> str:
    """The one choice whose text contains every word (the test says what the right reading is in words)."""
    found = [choice for choice in exercise.order if all(word in as_text(choice) for word in words)]
    assert len(found) == 1, (exercise.id, words, found)
    return found[0]


def wrong_choices(exercise: MultipleChoice) -> list[str]:
    """Every choice but the right one."""
    return [choice for choice in exercise.order if choice != key(exercise).answer]
