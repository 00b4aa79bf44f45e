"""Numeric answers: read as people write numbers, compared with an explicit tolerance.

Thousands separators are accepted only in groups of three ("1,149", "1 149");
a comma followed by one or two digits ("99,4") or a dot followed by three
("1.000") can be read two ways, so such an answer is not graded until the
student writes it unambiguously.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

from ..numbers import SCALES, WORDS
from .base import Exercise
from .feedback import Feedback, plural, sentence, shown, type_name

_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?P<sep>[,_ \u00a0\u202f\u2009])\d{3}(?:(?P=sep)\d{3})*(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d{1,2}")
_DOT_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")
_NOISE = Fraction(1, 10**12)  # relative floating-point noise, tolerated when a float is involved
_FACTORS = (10, 100, 1000)
_ABOUT = Fraction(1, 4)  # "about 10 times too high": the answer is within a quarter of (the given value / 10)
_WITH_UNIT = re.compile(r"(?P<number>[+-]?[\d.,_ \u00a0\u202f\u2009]*\d(?:[eE][+-]?\d{1,4})?)\s*"
                        r"(?P<suffix>%|[xX×]|-\s*fold|(?:/\s*|per\s+|a\s+)?[^\W\d_]{2}[^\d]*)?")
_TIMES_FIRST = re.compile(r"[xX×]\s*(?P<number>[+-]?[\d.].*)")  # "x4.89", "× 225": the sign of times before it
# a hedge before the number: "about 1,121", "over 1800", "~1121", "> 1800"
_WORDS_FIRST = re.compile(r"(?:(?P<words>[^\W\d_][^\d]*?)\s+|(?P<sign>[~≈<>≤≥]=?)\s*)(?P<rest>[+-]?\d.*)")
# a whole number under 100 in words ("eight", "forty-one"), from the words the article's numbers are read with;
# not before a larger unit ("one hundred", "two dozen")
_ONES = {word: value for word, value in WORDS.items() if value < 20 and word != "dozen"}
_TENS = {word: value for word, value in WORDS.items() if 20 <= value < 100}
_DIGIT_WORDS = "|".join(word for word, value in _ONES.items() if value < 10)
_LARGER = "|".join([*SCALES, "hundred", "dozen"])
_NUMBER_WORDS = "|".join([*_ONES, *_TENS])
_IN_WORDS = re.compile(rf"\b(?:(?P<tens>{'|'.join(_TENS)})(?:[\s-]+(?P<ones>{_DIGIT_WORDS}))?"
                       rf"|(?P<small>{'|'.join(_ONES)}))"
                       rf"\b(?![\s-]*(?:{_LARGER}|{_NUMBER_WORDS})\b)", re.IGNORECASE)
_PERCENT = {"%", "percent", "per cent", "pct"}
_PERCENT_UNIT = re.compile(r"percent|per cent|%")
# What the course's numbers count, by kind: a unit typed after a number that names another kind ("47 airstrikes"
# for a number of countries) is asked about, never read as the number asked for.
_KINDS = ({"airstrike", "strike", "air"}, {"country", "nation", "state"}, {"day"}, {"week"}, {"month"}, {"year"},
          {"people", "person", "civilian", "death", "soldier", "troop", "fighter", "casualty"}, {"sortie", "flight"},
          {"mission"}, {"target"}, {"claim"}, {"actor"}, {"heading"}, {"passage"}, {"inconsistency"}, {"time"})


def _kinds(words) -> set[int]:
    """The kinds of count (positions in ``_KINDS``) that ``words`` name: "airstrikes" and "strikes" the same."""
    found = set()
    for word in words:
        word = word.strip("/").casefold()
        forms = {word, word[:-1]} | ({word[:-3] + "y"} if word.endswith("ies") else set())  # "countries"
        found |= {index for index, kind in enumerate(_KINDS) if forms & kind}
    return found


def near(expected, allowance, step):
    """How far from the expected value a wrong number (or a table's cell) is only "close", with no "too high"
    or "too low": a tenth of the value, ten times the accepted difference or two steps of the asked precision,
    whichever is widest (inside it, two tries no longer bracket the answer)."""
    return max(abs(expected) / 10, 10 * allowance, 2 * step)


class NotANumber(ValueError):
    """Raised by ``to_fraction`` with a message meant for the student."""


class Ambiguous(ValueError):
    """Raised by ``to_fraction`` for text that can be read as two different numbers."""


def _from_text(value: str, whole: bool) -> Fraction:
    text = value.strip()
    if whole and _DOT_THOUSANDS.fullmatch(text):
        raise Ambiguous(f"“{text}” can be read two ways: did you mean {text.replace('.', '')} "
                        "(a dot between thousands)? Write thousands with a comma or with nothing between "
                        "the digits")
    if _PLAIN.fullmatch(text):
        return Fraction(text)
    if _GROUPED.fullmatch(text):
        digits = re.sub(r"[,_ \u00a0\u202f\u2009]", "", text)
        if re.match(r"[+-]?0+\D", text):
            decimal = re.sub(r"[,_ \u00a0\u202f\u2009]", ".", text, count=1)
            raise Ambiguous(f"“{text}” can be read two ways: did you mean {decimal} or {int(digits):,}? "
                            "Write decimals with a point, and a whole number without a leading zero")
        return Fraction(digits)
    if _DECIMAL_COMMA.fullmatch(text):
        raise Ambiguous(f"“{text}” can be read two ways: did you mean {text.replace(',', '.')} "
                        "(a decimal comma)? Write decimals with a point, and commas only between "
                        "groups of three digits")
    if _DOT_THOUSANDS.fullmatch(text):  # "1.149.000"
        raise Ambiguous(f"“{text}” looks like dots between thousands: did you mean {text.replace('.', '')}? "
                        "Write thousands with a comma or with nothing between the digits")
    raise NotANumber(f"{shown(text)} is not a number; write it in digits (a point for decimals, commas only "
                     "between groups of three digits)")


def to_fraction(value: object, whole: bool = False) -> Fraction:
    """An exact rational for a number or numeric text ("1,149", " 58 ", "2.5e3").

    ``whole`` says a whole number is expected, so "1.000" may mean a thousand (``Ambiguous``).
    """
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, (bool, np.bool_)):
        raise NotANumber(f"{value!r} is a yes/no value, not a number")
    if isinstance(value, str):
        return _from_text(value, whole)
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, numbers.Rational):
        return Fraction(value.numerator, value.denominator)
    if isinstance(value, (numbers.Real, Decimal)):
        number = float(value)
        if math.isnan(number):
            raise NotANumber("NaN (not a number) is not an answer; check the calculation that produced it")
        if math.isinf(number):
            raise NotANumber(f"{number} is infinite; check the calculation that produced it")
        return Fraction(value) if isinstance(value, Decimal) else Fraction(repr(number))
    if value is pd.NA or value is pd.NaT:
        raise NotANumber("a missing value (NA) is not an answer; check the calculation that produced it")
    if isinstance(value, pd.Series | pd.DataFrame | pd.Index | np.ndarray | pd.api.extensions.ExtensionArray
                  | list | tuple):
        count = len(value)
        if not count:
            raise NotANumber(f"expected a single number, got an empty {type(value).__name__}; check the "
                             "filter or the step that produced it")
        if not isinstance(value, pd.DataFrame | list | tuple) and pd.api.types.is_bool_dtype(value.dtype):
            raise NotANumber(f"expected a single number, got {plural(count, 'True/False value')} (a condition); "
                             "turn it into one number (.sum() counts the True values, .mean() gives their share)")
        take = "" if count != 1 else _take_out(value)
        unit = "row" if isinstance(value, pd.DataFrame) else "value"
        values = f"one {unit}" if count == 1 else plural(count, unit)
        raise NotANumber(f"expected a single number, got {type_name(value)} of {values}{take}")
    raise NotANumber(f"expected a single number, got {type_name(value)}: {shown(value)}")


def _take_out(one: object) -> str:
    """How to take the number out of a container that holds one value (or one row)."""
    if isinstance(one, list | tuple):
        return "; take the number out with [0]"
    if isinstance(one, pd.DataFrame):
        if len(one.columns) == 1:
            return "; take the number out with .iloc[0, 0]"
        return "; pick the column you computed, then take the number out with .item()"
    return "; take the number out with .item()"


def _is_float(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, numbers.Rational)


def format_number(value: Fraction, decimals: int = 6) -> str:
    """Readable digits rounded to ``decimals``: ``1,149``, ``0.25``, ``1.5×10^400`` for huge values."""
    size = abs(value)
    if size >= 10**15:
        exponent = int(size.numerator.bit_length() - size.denominator.bit_length()) * 30103 // 100000
        while size >= 10 ** (exponent + 1):
            exponent += 1
        while size < 10**exponent:
            exponent -= 1
        mantissa = round(float(value / 10**exponent), 2)
        if abs(mantissa) >= 10:
            mantissa, exponent = mantissa / 10, exponent + 1
        return f"{mantissa:.3g}×10^{exponent}"
    if value.denominator == 1:
        return f"{value.numerator:,}"
    text = f"{float(value):,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{round(value):,}"
    return text if text not in ("0", "-0") else f"{float(value):.3g}"


def _digits_for_words(text: str) -> str:
    """A whole number under 100 written in words as digits ("eight actors" -> "8 actors", "about forty-one" ->
    "about 41"); text with a digit, or with a larger number in words ("one hundred"), unchanged."""
    found = None if re.search(r"\d", text) else _IN_WORDS.search(text)
    if found is None:
        return text
    if found["small"]:
        value = _ONES[found["small"].casefold()]
    else:
        value = _TENS[found["tens"].casefold()] + (_ONES[found["ones"].casefold()] if found["ones"] else 0)
    return f"{text[:found.start()]}{value}{text[found.end():]}"


def split_unit(text: str) -> tuple[str, str]:
    """A typed answer as (number, what follows it): "26.4%" -> ("26.4", "%"), "47 countries" -> ("47", "countries")."""
    text = text.strip().replace("\u2212", "-")
    found = _WITH_UNIT.fullmatch(text)
    return (found["number"].strip(), (found["suffix"] or "").strip().casefold()) if found else (text, "")


class Numeric(Exercise):
    """A number, accepted within ``tolerance`` (absolute) or ``rel_tolerance`` × answer.

    ``decimals`` is the precision the question asks for (messages round to it).
    ``mistakes`` lists typical wrong values with what each one means, as
    ``(value, message)`` or ``(value, message, tolerance)`` (default: the
    answer's tolerances applied to the value); each message is a sentence
    shown after "You said X." and must not contain the expected answer. A
    mistake is matched before the answer's tolerance, so a listed mistake
    within tolerance of the answer is refused here. Typed numbers may be written
    in words under 100 ("eight", "forty-one") and followed by a unit, "x" or
    "/day"; "%" only where the unit is a percentage, and a unit of another kind
    than the question counts ("47 airstrikes" for a number of countries, see
    ``_KINDS``) is asked about, not read.
    """

    kind = "number"

    def __init__(self, question: str, *, answer, unit: str, tolerance=0, rel_tolerance=0,
                 decimals: int | None = None, mistakes: Sequence = (), **common):
        super().__init__(question, **common)
        if not unit.strip():
            raise ValueError("a numeric exercise needs a unit (what is counted)")
        self._answer = answer
        self._expected = to_fraction(answer)
        self._tolerance = to_fraction(tolerance)
        self._rel_tolerance = to_fraction(rel_tolerance)
        if self._tolerance < 0 or self._rel_tolerance < 0:
            raise ValueError("tolerances cannot be negative")
        self.unit = unit
        self.decimals = (0 if self._expected.denominator == 1 else 2) if decimals is None else decimals
        self._rounded = round(self._expected, self.decimals)  # the answer as the question asks for it
        if decimals is not None and abs(self._rounded - self._expected) > self.allowance():
            raise ValueError(f"the answer rounded to {self.decimals} decimals, {format_number(self._rounded)}, "
                             "would be refused: give a tolerance of at least half a step of that precision")
        self._mistakes = [self._mistake(*entry) for entry in mistakes]

    def _mistake(self, value, message: str, tolerance=None) -> tuple[Fraction, str, Fraction]:
        value = to_fraction(value)
        if tolerance is None:
            tolerance = max(self._tolerance, self._rel_tolerance * abs(value))
        tolerance = to_fraction(tolerance)
        if abs(value - self._expected) <= max(tolerance, self.allowance()):
            raise ValueError(f"the listed mistake {format_number(value)} is within tolerance of the answer")
        if not isinstance(message, str) or not message.strip():
            raise ValueError("every listed mistake needs its message")
        return value, sentence(message), tolerance

    def allowance(self) -> Fraction:
        """How far from the expected value an answer may be and still count as right."""
        return max(self._tolerance, self._rel_tolerance * abs(self._expected))

    def noise(self, given: object, target: Fraction) -> Fraction:
        """Floating-point noise, tolerated (relative 1e-12) when a float is involved."""
        involved = _is_float(given) or _is_float(self._answer)
        return _NOISE * abs(target) if involved else Fraction(0)

    def shown(self, value: Fraction) -> str:
        """``1,149 apples``: rounded as the question asks unless rounding would hide the value; "1 apple"."""
        text = format_number(value, self.decimals)
        if abs(value) < 10**15 and round(value, self.decimals) != value:
            text = format_number(value)
        unit = self.unit
        if text == "1" and unit.endswith("ies"):
            unit = unit[:-3] + "y"
        elif text == "1" and unit.endswith("s") and not unit.endswith("ss"):
            unit = unit[:-1]
        return f"{text} {unit}"

    def tolerance_text(self) -> str:
        """E.g. "answers within ±2 are accepted" ("" for an exact answer)."""
        if self._tolerance == 0 and self._rel_tolerance == 0:
            return ""
        parts = []
        if self._tolerance:
            parts.append(f"±{format_number(self._tolerance)}")
        if self._rel_tolerance:
            parts.append(f"±{format_number(self._rel_tolerance * 100)}%")
        return f"answers within {' or '.join(parts)} are accepted"

    def _read(self, answer: object) -> Fraction:
        if not isinstance(answer, str):
            return to_fraction(answer, whole=self.decimals == 0)
        answer = answer.strip()
        digits = _digits_for_words(answer)
        if digits != answer:
            try:
                return self._read(digits)
            except NotANumber:  # say so of the text as typed, not as rewritten
                return to_fraction(answer, whole=self.decimals == 0)
        times_first = _TIMES_FIRST.fullmatch(answer)
        if times_first:  # "x225" is "225x", not a word before the number
            answer = f"{times_first['number']}x"
        words_first = _WORDS_FIRST.fullmatch(answer)
        if words_first:
            self._read(words_first["rest"])  # a number after the words, or the usual "not a number"
            hedge = words_first["words"] or words_first["sign"]
            raise Ambiguous(f"“{hedge}” comes before the number: give the number alone. The question asks for "
                            "what you worked out, so it needs no word such as “about” or “over” (those belong "
                            "to numbers an article reports)")
        number, suffix = split_unit(answer)
        if suffix in _PERCENT and not _PERCENT_UNIT.search(self.unit):
            raise Ambiguous(f"the question asks for a number of {self.unit}, not a percentage; "
                            "give the number alone")
        words = suffix.split()
        typed = _kinds(words[:2] if words[:1] in (["a"], ["per"]) else words[:1])  # "a day", "per day": the noun
        if typed and not typed & _kinds(re.findall(r"[^\W\d_]+", self.unit.casefold())):
            raise Ambiguous(f"“{suffix}” is not what the question counts: it asks for a number of {self.unit}; "
                            "give the number alone")
        return to_fraction(number, whole=self.decimals == 0)

    def _check(self, answer: object) -> Feedback:
        try:
            given = self._read(answer)
        except Ambiguous as error:
            return self.unclear(f"{error}.")
        except NotANumber as error:
            return self.wrong(f"{error}. {self._form()}")
        if abs(given - self._expected) <= self.noise(answer, self._expected):
            return self.right()
        said = f"You said {self.shown(given)}"
        for value, message, tolerance in self._mistakes:
            if abs(given - value) <= max(tolerance, self.noise(answer, value)):
                return self.wrong(f"{said}. {message}")
        if abs(given - self._expected) <= self.allowance():
            return self.right()
        if factor := self._factor_off(given):
            return self.wrong(f"{said}, which is about {factor}. Check the units, a misplaced decimal point "
                              "or a percentage.")
        if self._expected and given and (given < 0) != (self._expected < 0):
            return self.wrong(f"{said}: the sign is wrong. If you subtracted, check which value you took from which; "
                              "a count is never negative.")
        accepted = f" ({tolerance})" if (tolerance := self.tolerance_text()) else ""
        if abs(given - self._expected) <= self._near():  # no direction here: "too low", "too high" would bisect
            return self.wrong(f"{said}: close, but not the number asked for{accepted}. Check the rows at the edge "
                              "of your selection (a date, a bound, a row counted twice or left out).")
        direction = "too high" if given > self._expected else "too low"
        return self.wrong(f"{said}, which is {direction}{accepted}.")

    def _near(self) -> Fraction:
        return near(self._expected, self.allowance(), Fraction(1, 10 ** self.decimals))

    def _factor_off(self, given: Fraction) -> str:
        """"10 times too high" (or 100, 1000; or too low) when the expected value is within a quarter of
        the given value scaled by that factor; else "".

        The band belongs to the given value, not to the answer, so every answer in it gets the same
        words, and it must hold at least two values at the answer's precision: an exact multiple, or a
        band narrower than that, would tell the answer."""
        smallest = 4 * Fraction(1, 10**self.decimals)  # the band, half the scaled value wide, spans two steps
        for factor in _FACTORS:
            for scaled, way in ((given / factor, "too high"), (given * factor, "too low")):
                if abs(scaled) >= smallest and abs(scaled - self._expected) <= _ABOUT * abs(scaled):
                    return f"{factor:,} times {way}"
        return ""

    def _form(self) -> str:
        return f"Give one number ({self.unit}) in digits, e.g. 1149, 1,149 or 12.5."

    def describe(self) -> list[str]:
        accepted = self.tolerance_text()
        return [f"Give a number (in {self.unit})." + (f" Tolerance: {accepted}." if accepted else "")]

    def _answer_words(self) -> list[str]:
        return [format_number(self._expected, self.decimals)]

    def _answer_text(self) -> str:
        """The answer as the question asks for it, e.g. "26.7 times (26.695585 before rounding)"."""
        text = self.shown(self._rounded)
        if format_number(self._expected) != format_number(self._rounded):
            text += f" ({format_number(self._expected)} before rounding)"
        return text

    def _key_mistakes(self) -> list:
        return [(value, message) for value, message, _ in self._mistakes]
