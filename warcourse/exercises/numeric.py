"""Numeric answers: exact comparison with explicit absolute or relative tolerance."""

from __future__ import annotations

import math
import numbers
import re
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

from .base import Exercise
from .feedback import Feedback, plural, shown, type_name

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?")
_SEPARATORS = str.maketrans("", "", ",_ \u00a0\u202f\u2009")
_NOISE = Fraction(1, 10**12)  # relative floating-point noise, tolerated when a float is involved


class NotANumber(ValueError):
    """Raised by ``to_fraction`` with a message meant for the student."""


def to_fraction(value: object) -> Fraction:
    """An exact rational for a number or numeric text ("1,149", " 58 ", "2.5e3")."""
    if isinstance(value, (bool, np.bool_)):
        raise NotANumber(f"{value!r} is a yes/no value, not a number")
    if isinstance(value, str):
        text = value.strip().translate(_SEPARATORS)
        if not _NUMBER.fullmatch(text):
            raise NotANumber(
                f"{shown(value.strip())} is not a number; write it in digits, like 1149 or \"1,149\""
            )
        return Fraction(text)
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
        raise NotANumber(f"expected a single number, got {type_name(value)} of {plural(count, 'value')}{take}")
    raise NotANumber(f"expected a single number, got {type_name(value)}: {shown(value)}")


def _is_float(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, numbers.Rational)


def format_number(value: Fraction) -> str:
    """Readable digits: ``1,149``, ``0.25``, ``1.5×10^400`` for huge values."""
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
    text = f"{float(value):,.6f}".rstrip("0").rstrip(".")
    return text if text not in ("0", "-0") else f"{float(value):.3g}"


class Numeric(Exercise):
    """A number, accepted within ``tolerance`` (absolute) or ``rel_tolerance`` × answer.

    Numeric text such as ``"1,149"`` is accepted; booleans, NaN, infinities and
    words are not, each with a message saying why.
    """

    kind = "number"

    def __init__(self, question: str, *, answer, lines, explanation: str, tolerance=0,
                 rel_tolerance=0, unit: str = "", solution: str | None = None, hint: str | None = None):
        super().__init__(question, lines=lines, explanation=explanation, solution=solution, hint=hint)
        self.answer = answer
        self.expected = to_fraction(answer)
        self.tolerance = to_fraction(tolerance)
        self.rel_tolerance = to_fraction(rel_tolerance)
        if self.tolerance < 0 or self.rel_tolerance < 0:
            raise ValueError("tolerances cannot be negative")
        self.unit = unit

    def allowance(self) -> Fraction:
        """How far from the expected value an answer may be and still count as right."""
        return max(self.tolerance, self.rel_tolerance * abs(self.expected))

    def noise(self, given: object) -> Fraction:
        """Floating-point noise, tolerated (relative 1e-12) when a float is involved."""
        involved = _is_float(given) or _is_float(self.answer)
        return _NOISE * abs(self.expected) if involved else Fraction(0)

    def with_unit(self, value: Fraction) -> str:
        return f"{format_number(value)} {self.unit}".strip()

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

    def _check(self, answer: object) -> Feedback:
        try:
            given = to_fraction(answer)
        except NotANumber as error:
            return self.wrong(f"{error}.")
        difference = given - self.expected
        accepted = self.tolerance_text()
        if abs(difference) <= self.noise(answer):
            return self.right()
        if abs(difference) <= self.allowance():
            return self.right(
                f"{self.with_unit(given)} is close enough to {self.with_unit(self.expected)} ({accepted})."
            )
        direction = "too high" if difference > 0 else "too low"
        note = f" ({accepted})" if accepted else ""
        return self.wrong(
            f"you said {self.with_unit(given)}, which is {format_number(abs(difference))} {direction}{note}."
        )

    def describe(self) -> list[str]:
        unit = f" (in {self.unit})" if self.unit else ""
        accepted = self.tolerance_text()
        return [f"Give a number{unit}." + (f" Tolerance: {accepted}." if accepted else "")]

    def answer_text(self) -> str:
        return self.with_unit(self.expected)
