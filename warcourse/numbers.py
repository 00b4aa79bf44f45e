"""Numbers as the article writes them: digits, words, ranges and vague quantities.

``read_quantity("between 815 and 1,149")`` gives ``Quantity(815, 1149, vague=False)``;
``find_quantities(text)`` finds every quantity in running text and skips the
numbers that are parts of dates ("5 September 2014") and of designations
("F-16", "Resolution 2170", "22nd MEU").

Reading rules (the codebook repeats them):

- exact "1,149", "fourteen", "a dozen": low = high = the number;
- a range "between 815 and 1,149", "35,000 to 45,000", "1,000–5,000": low and high;
- a lower bound "at least", "more than", "over": low only;
- an upper bound "as many as", "up to", "less than", "under", "at most", "nearly", "almost": high only,
  vague;
- an approximation "about", "around", "approximately", "roughly", "an estimated": low = high, vague;
- a vague word: "dozens" = at least 24, "hundreds" and "several hundred" = at least 200,
  "thousands" = at least 2,000, "tens of thousands" = at least 20,000; vague.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}
VAGUE_WORDS = {"tens of thousands": 20_000, "several hundred": 200, "several thousand": 2000,
               "dozens": 24, "hundreds": 200, "thousands": 2000}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December",
          "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")

LOWER = ("at least", "more than", "over", "just over", "in excess of")
UPPER = ("as many as", "up to", "less than", "fewer than", "under", "just under", "no more than", "at most",
         "nearly", "almost")  # "nearly 44,000" is below 44,000: an upper bound (the codebook's rule)
ABOUT = ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "closely", "close to",
         "circa")

_WORD_ALT = "|".join(sorted((w for w in WORDS if w != "one"), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?:thousand|million|billion))?"
_NUMBER = rf"(?:\$\s?)?(?:{_DIGITS}){_SCALE}|(?:a|two|three)\s+dozen|(?:{_WORD_ALT})"
_NUMBER_ONE = rf"(?:\$\s?)?(?:{_DIGITS}){_SCALE}|(?:a|two|three)\s+dozen|(?:{_WORD_ALT}|one)"
_QUALIFIER = "|".join(sorted((re.escape(q) for q in LOWER + UPPER + ABOUT), key=len, reverse=True))
_VAGUE = "|".join(sorted(VAGUE_WORDS, key=len, reverse=True))
_MONTH = "|".join(MONTHS)


def _pattern(number: str) -> re.Pattern:
    return re.compile(
        rf"(?<![\w$./-])(?:(?P<qual>{_QUALIFIER})\s+)?"
        rf"(?:between\s+(?P<b1>{number})\s+and\s+(?P<b2>{number})"
        rf"|(?P<r1>{number})\s*(?:to|–|-)\s*(?P<r2>{number})(?![\w-])"
        rf"|(?P<vague>{_VAGUE})"
        rf"|(?P<n>{number}))(?![\w/])",
        re.IGNORECASE,
    )


_FIND = _pattern(_NUMBER)
_FIND_WITH_ONE = _pattern(_NUMBER_ONE)
_DATE_AFTER = re.compile(rf"^\s*(?:(?:and|to|–|-)\s*\d{{1,2}}\s+)?(?:{_MONTH})\b")
_DATE_BEFORE = re.compile(rf"(?:{_MONTH})\s*$")
_DESIGNATION_BEFORE = re.compile(r"(?:Resolution|Force|Division|Battalion|Company|War|Atlantique)\s+$")
_ORDINAL = re.compile(r"^(?:st|nd|rd|th)\b")


@dataclass(frozen=True)
class Quantity:
    """A number as the text gives it: bounds (either may be None) and whether it is vague."""

    low: float | None
    high: float | None
    vague: bool = False
    text: str = ""
    start: int = 0
    end: int = 0
    qualifier: str = ""  # the word before it, lower case ("over", "an estimated"), or ""

    @property
    def values(self) -> set[float]:
        return {v for v in (self.low, self.high) if v is not None}


def to_number(text: str) -> float:
    """One number written as digits or words: "1,149", "2.6 billion", "fourteen", "a dozen"."""
    words = text.strip().lower().replace("$", "").split()
    if not words:
        raise ValueError("empty number")
    if words[-1] == "dozen":
        head = words[0] if len(words) > 1 else "a"
        return 12.0 * (1 if head == "a" else WORDS[head])
    if words[0] in WORDS:
        return float(WORDS[words[0]])
    value = float(words[0].replace(",", ""))
    if len(words) > 1:
        value *= SCALES[words[1]]
    return value


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _from_match(m: re.Match) -> Quantity:
    qual = (m.group("qual") or "").lower()
    span = dict(text=m.group(0), start=m.start(), end=m.end(), qualifier=qual)
    if m.group("vague"):
        return Quantity(VAGUE_WORDS[m.group("vague").lower()], None, True, **span)
    pair = (m.group("b1"), m.group("b2")) if m.group("b1") else (m.group("r1"), m.group("r2"))
    if pair[0]:
        low, high = (_tidy(to_number(x)) for x in pair)
        return Quantity(low, high, qual in ABOUT or qual in UPPER, **span)
    value = _tidy(to_number(m.group("n")))
    if qual in LOWER:
        return Quantity(value, None, False, **span)
    if qual in UPPER:
        return Quantity(None, value, True, **span)
    return Quantity(value, value, qual in ABOUT, **span)


def _is_date_or_designation(text: str, m: re.Match) -> bool:
    before, after = text[: m.start()], text[m.end():]
    number = m.group("n") or m.group("r1") or m.group("b1") or ""
    if not number or not number[0].isdigit():
        return False
    if _DATE_AFTER.match(after) or _DATE_BEFORE.search(before) or _ORDINAL.match(after):
        return True
    if _DESIGNATION_BEFORE.search(before) or re.search(r"[A-Za-z]-?$", before):
        return True
    digits = number.replace(",", "")
    is_year = digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2035 and "," not in number
    return is_year and not m.group("qual")


def find_quantities(text: str, *, include_one: bool = False) -> list[Quantity]:
    """Every quantity in running text, left to right, skipping dates and designations.

    "one" is left out unless ``include_one``: in prose it is mostly not a count.
    """
    return list(_quantities_in(text, include_one))


@functools.lru_cache(maxsize=4096)
def _quantities_in(text: str, include_one: bool) -> tuple[Quantity, ...]:
    """``find_quantities``, remembered: the article's passages are read again by every bank and lesson."""
    pattern = _FIND_WITH_ONE if include_one else _FIND
    return tuple(_from_match(m) for m in pattern.finditer(text) if not _is_date_or_designation(text, m))


def read_quantity(text: str) -> Quantity:
    """Read a phrase that holds one quantity, e.g. "as many as 6,000" -> (None, 6000, vague)."""
    found = find_quantities(text, include_one=True)
    if len(found) != 1:
        raise ValueError(f"expected one quantity in {text!r}, found {len(found)}")
    return found[0]


def mentions(text: str, value: float) -> bool:
    """Whether ``text`` states ``value`` as digits or words (as a bound or an exact number)."""
    return any(value in q.values for q in find_quantities(text, include_one=True))
