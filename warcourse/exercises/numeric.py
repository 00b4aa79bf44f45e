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

from .base import Exercise
from .feedback import Feedback, plural, shown, type_name

_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?P<sep>[,_ \u00a0\u202f\u2009])\d{3}(?:(?P=sep)\d{3})*(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d{1,2}")
_DOT_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")
_NOISE = Fraction(1, 10**12)  # relative floating-point noise, tolerated when a float is involved
_FACTORS = (10, 100, 1000)


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
        return Fraction(re.sub(r"[,_ \u00a0\u202f\u2009]", "", text))
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
    if isinstance(value, pd.Series | pd.DataFrame | pd.Index | np.ndarray | list | tuple):
        count = len(value)
        take = "; take the number out with .item()" if count == 1 and not isinstance(value, list | tuple) else ""
        values = "one value" if count == 1 else plural(count, "value")
        raise NotANumber(f"expected a single number, got {type_name(value)} of {values}{take}")
    raise NotANumber(f"expected a single number, got {type_name(value)}: {shown(value)}")


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


class Numeric(Exercise):
    """A number, accepted within ``tolerance`` (absolute) or ``rel_tolerance`` × answer.

    ``decimals`` is the precision the question asks for (messages round to it).
    ``mistakes`` lists typical wrong values with what each one means (e.g. the
    running total where a difference was asked): ``[(value, message), ...]``;
    messages must not contain the expected answer.
    """

    kind = "number"

    def __init__(self, question: str, *, answer, lines, explanation: str, unit: str, tolerance=0,
                 rel_tolerance=0, decimals: int | None = None, mistakes: Sequence = (), hints=(),
                 code: str = ""):
        super().__init__(question, lines=lines, explanation=explanation, hints=hints, code=code)
        if not unit.strip():
            raise ValueError("a numeric exercise needs a unit (what is counted)")
        self.answer = answer
        self.expected = to_fraction(answer)
        self.tolerance = to_fraction(tolerance)
        self.rel_tolerance = to_fraction(rel_tolerance)
        if self.tolerance < 0 or self.rel_tolerance < 0:
            raise ValueError("tolerances cannot be negative")
        self.unit = unit
        self.decimals = (0 if self.expected.denominator == 1 else 2) if decimals is None else decimals
        self.mistakes = [(to_fraction(value), message) for value, message in mistakes]

    def allowance(self) -> Fraction:
        """How far from the expected value an answer may be and still count as right."""
        return max(self.tolerance, self.rel_tolerance * abs(self.expected))

    def noise(self, given: object) -> Fraction:
        """Floating-point noise, tolerated (relative 1e-12) when a float is involved."""
        involved = _is_float(given) or _is_float(self.answer)
        return _NOISE * abs(self.expected) if involved else Fraction(0)

    def with_unit(self, value: Fraction) -> str:
        """``1,149 apples``; one of a plural unit is singular (``1 apple``)."""
        unit = self.unit
        if value == 1 and unit.endswith("ies"):
            unit = unit[:-3] + "y"
        elif value == 1 and unit.endswith("s") and not unit.endswith("ss"):
            unit = unit[:-1]
        return f"{format_number(value, self.decimals)} {unit}"

    def tolerance_text(self) -> str:
        """E.g. "answers within ±2 are accepted" ("" for an exact answer)."""
        if self.tolerance == 0 and self.rel_tolerance == 0:
            return ""
        parts = []
        if self.tolerance:
            parts.append(f"±{format_number(self.tolerance)}")
        if self.rel_tolerance:
            parts.append(f"±{format_number(self.rel_tolerance * 100)}%")
        return f"answers within {' or '.join(parts)} are accepted"

    def _close(self, given: Fraction, target: Fraction, answer: object) -> bool:
        return abs(given - target) <= max(self.allowance(), self.noise(answer))

    def _check(self, answer: object) -> Feedback:
        try:
            given = to_fraction(answer, whole=self.decimals == 0)
        except Ambiguous as error:
            return self.unclear(f"{error}.")
        except NotANumber as error:
            return self.wrong(f"{error}.")
        if self._close(given, self.expected, answer):
            return self.right()
        said = f"you said {self.with_unit(given)}"
        if format_number(given, self.decimals) == format_number(self.expected, self.decimals):
            said = f"you said {format_number(given)} {self.unit}"  # rounding would make it look right
        for value, message in self.mistakes:
            if self._close(given, value, answer):
                return self.wrong(f"{said}. {message}")
        if self.expected and given:
            for factor in _FACTORS:
                for scaled, way in ((given / factor, "too high"), (given * factor, "too low")):
                    if self._close(scaled, self.expected, answer):
                        return self.wrong(f"{said}, which is about {factor:,} times {way}: check the "
                                          "units, a misplaced decimal point or a percentage.")
        if self.expected and given and (given < 0) != (self.expected < 0):
            return self.wrong(f"{said}: the sign is wrong; check which value you subtract from which.")
        direction = "too high" if given > self.expected else "too low"
        accepted = self.tolerance_text()
        return self.wrong(f"{said}, which is {direction}" + (f" ({accepted})." if accepted else "."))

    def describe(self) -> list[str]:
        accepted = self.tolerance_text()
        return [f"Give a number (in {self.unit})." + (f" Tolerance: {accepted}." if accepted else "")]

    def answer_text(self) -> str:
        return self.with_unit(self.expected)
