"""Reading a brief's text: its numbers, the row ids that follow them, line references and sentences.

The syntax (a contract, see lesson 05): a number is followed directly by the id of its row in
square brackets, ``over 16,000 [coalition_2015_01_15_airstrikes]``; each end of a range has its
own; a computed number carries its computation, ``448 [= airwars_2015_08 - coalition_2015_08_acknowledged]``;
a count of rows lists them, ``3 [# id_a id_b id_c]``, or names a table and its filters,
``43 [# involvement theater=Iraq involved=true]``. Years, full dates, ordinals, designations
("F-16", "Resolution 2170"), list numbers and article line references ("(lines 210–214)") are not
counts and need no id. This module only reads; ``warcourse.draft`` checks what it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import ABOUT, LOWER, MONTHS, UPPER, VAGUE_WORDS, WORDS, find_quantities

ARTICLE_LINES = 919  # lines of the seed; a reference to another line is flagged
_QUALIFIERS = sorted(LOWER + UPPER + ABOUT, key=len, reverse=True)
_QUALIFIER_SET = set(_QUALIFIERS)
_MONTH = "|".join(MONTHS)
_ID = re.compile(r"[A-Za-z0-9_]+(?::[A-Za-z0-9_]+)?")
_TAG = re.compile(r"\[([^\[\]\n]{0,200000})\](?!\()")
_LINE_REF = re.compile(r"\b(lines?|ll?\.)\s+(\d+(?:\s*(?:,|–|—|-|to|and|&)\s*\d+)*)", re.IGNORECASE)
_SKIPPED = [re.compile(p, re.IGNORECASE) for p in (
    r"\b\d{4}-\d{2}(?:-\d{2})?\b",  # ISO dates
    rf"\b\d{{1,2}}(?:\s*(?:–|-|and|to)\s*\d{{1,2}})?\s+(?:{_MONTH})\b\.?(?:,?\s+\d{{4}}\b)?",  # 21 June (2014)
    rf"\b(?:{_MONTH})\.?\s+\d{{1,2}},\s*\d{{4}}\b",  # June 21, 2014
    r"\b\d+(?:st|nd|rd|th)\b",  # ordinals
    r"(?<=[A-Za-z])-?\d+(?:[./]\d+)*[A-Za-z]*",  # designations: F-16, GR4, MQ-9, GBU-43/B
    r"\b\d+[A-Za-z]+-\w+",  # 4x4-style compounds
    r"\bResolution\s+\d+\b",
    r"\b(?:19|20)\d{2}\s*[–-]\s*(?:19|20)?\d{2}\b(?!\s*\[)",  # 2014–15, 2014-2017
    r"(?m)^[ \t>*-]*\d{1,2}[.)](?=\s)",  # numbered list items
)]
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d{2}(?:s|\s*(?:–|-)\s*(?:19|20)?\d{2}\b)?(?![\d,.]\d)")
_WORD_NUMBER = "|".join(sorted((w for w in WORDS if w != "one"), key=len, reverse=True))
_VAGUE = "|".join(sorted(VAGUE_WORDS, key=len, reverse=True))
_NUMBER = re.compile(
    r"(?P<minus>(?<![\w.,])[-−])?(?<![\w.,])"
    r"(?:(?P<digits>\d{1,3}(?:(?:,|[  \u202f])\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suffix>\s?(?:k|K|m|bn|thousand|million|billion)\b)?"
    rf"|(?P<vague>\b(?:{_VAGUE})\b)"
    rf"|(?P<words>\b(?:(?:a|one|{_WORD_NUMBER})[ -])?(?:{_WORD_NUMBER}|million|billion)(?:-(?:{_WORD_NUMBER}))?\b)"
    r"|(?P<one>\bone\b(?=\s*\[)))"
    r"(?P<percent>\s?(?:%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s*")
_BETWEEN = re.compile(r"between\s+$", re.IGNORECASE)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_CONNECTOR = re.compile(r"^\s*(?:–|—|-|to|and)\s*$", re.IGNORECASE)
_COUNTED_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:airstrikes|strikes|sorties|missions|targets|civilians|fighters|"
                            r"militants|troops|soldiers|personnel|people|deaths|members|countries|claims)\b",
                            re.IGNORECASE)


@dataclass(frozen=True)
class Tag:
    """What follows a number in square brackets: one row id, a computation (``=``) or a count (``#``)."""

    kind: str  # "id", "calc", "count"
    body: str  # the id, or the text after "=" / "#"
    start: int
    end: int


@dataclass(frozen=True)
class Number:
    """A number of the text: its value (None when unreadable), the qualifier before it, and its tag."""

    text: str
    value: float | None
    start: int
    end: int
    qualifier: str = ""
    percent: bool = False
    in_words: bool = False
    vague: bool = False
    tag: Tag | None = None


@dataclass(frozen=True)
class LineRef:
    """An article line reference ("line 214", "(lines 210 to 214)"): its text and its line numbers."""

    text: str
    lines: tuple[int, ...]
    start: int
    end: int

    @property
    def valid(self) -> bool:
        ranges_ok = all(a <= b for a, b in zip(self.lines[::2], self.lines[1::2])) if "–" in self.text else True
        return ranges_ok and all(1 <= n <= ARTICLE_LINES for n in self.lines)


def is_year(text: str) -> bool:
    """Whether a number as written is a year ("2014"; not "2,014")."""
    return _YEAR.fullmatch(text) is not None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def tags(text: str) -> list[Tag]:
    """Every bracketed tag of ``text`` (square brackets not followed by "(", which make a markdown link)."""
    found = []
    for m in _TAG.finditer(text):
        body = m.group(1).strip()
        if body.startswith("="):
            found.append(Tag("calc", body[1:].strip(), m.start(), m.end()))
        elif body.startswith("#"):
            found.append(Tag("count", body[1:].strip(), m.start(), m.end()))
        elif _ID.fullmatch(body):
            found.append(Tag("id", body, m.start(), m.end()))
    return found


def line_refs(text: str) -> list[LineRef]:
    """Every article line reference, with its numbers (digits only, so a huge number stays cheap)."""
    found = []
    for m in _LINE_REF.finditer(text):
        numbers = tuple(int(n) if len(n) < 12 else 10 ** 12 for n in re.findall(r"\d+", m.group(2)))
        found.append(LineRef(m.group(0), numbers, m.start(), m.end()))
    return found


def _value(m: re.Match) -> float | None:
    try:
        if m.group("digits"):
            digits = re.sub(r"[,  \u202f]", "", m.group("digits"))
            if len(digits) > 30:
                return float("inf")
            value = float(digits)
            suffix = (m.group("suffix") or "").strip().lower()
            value *= _SCALE.get(suffix, _SCALE.get(suffix[:1], 1)) if suffix else 1
        elif m.group("vague"):
            value = float(VAGUE_WORDS[m.group("vague").lower()])
        elif m.group("one"):
            value = 1.0
        else:
            value = _words_value(m.group("words").lower())
    except (KeyError, ValueError):
        return None
    return -value if m.group("minus") else value


def _words_value(words: str) -> float:
    """ "three", "a million", "twenty-four", "two hundred" as a number."""
    total, current = 0.0, 0.0
    for word in re.split(r"[ -]+", words):
        if word in ("a", "one"):
            current = max(current, 1.0)
        elif word in ("million", "billion", "thousand"):
            total += max(current, 1.0) * _SCALE[word]
            current = 0.0
        elif word == "hundred":
            current = max(current, 1.0) * 100
        elif word == "dozen":
            current = max(current, 1.0) * 12
        else:
            current += WORDS[word]
    return total + current


def _masked(text: str) -> str:
    """``text`` with tags, line references, dates, ordinals and designations blanked (same length)."""
    for tag in tags(text):
        text = _blank(text, tag.start, tag.end)
    for ref in line_refs(text):
        text = _blank(text, ref.start, ref.end)
    for pattern in _SKIPPED:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _qualifier(before: str) -> str:
    """The qualifier ("over", "as many as") that ends ``before``, or ""."""
    if not before[-1:].isspace():
        return ""
    words = before.lower().split()[-3:]
    for size in (3, 2, 1):
        phrase = " ".join(words[-size:]).lstrip("(\"“'")
        if len(words) >= size and phrase in _QUALIFIER_SET:
            return phrase
    return ""


def numbers_in(text: str) -> list[Number]:
    """Every number of ``text`` that is not a year, date, ordinal, designation or line reference,
    with the tag that directly follows it (if any) and the qualifier word before it."""
    masked = _masked(text)
    by_start = {tag.start: tag for tag in tags(text)}
    found = []
    for m in _NUMBER.finditer(masked):
        if not m.group(0).strip():
            continue
        tag = by_start.get(_SPACES.match(text, m.end()).end())
        if (m.group("digits") and _YEAR.fullmatch(m.group("digits")) and not m.group("suffix") and tag is None
                and not m.group("percent") and not _COUNTED_AFTER.match(text, m.end())):
            continue
        before = masked[max(0, m.start() - 40):m.start()]
        between = _BETWEEN.search(before) if "etween" in before else None
        before = before[:between.start()] if between else before
        qualifier = _qualifier(before)
        found.append(Number(
            text=m.group(0).strip(), value=_value(m), start=m.start(), end=m.end(),
            qualifier=qualifier, percent=bool(m.group("percent")),
            in_words=bool(m.group("words") or m.group("one")), vague=bool(m.group("vague")), tag=tag))
    return found


def range_pairs(text: str, found: list[Number]) -> list[tuple[Number, Number]]:
    """Pairs of numbers that form a range: two numbers joined by "–", "to" or "and" (after "between")."""
    pairs = []
    for first, second in zip(found, found[1:]):
        gap = text[(first.tag.end if first.tag else first.end):second.start]
        if _CONNECTOR.match(gap) and (not gap.strip().lower() == "and"
                                      or re.search(r"between\s+\S*$", text[max(0, first.start - 12):first.start],
                                                   re.IGNORECASE)):
            pairs.append((first, second))
    return pairs


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences of ``text``: a sentence ends at ". ", "! ", "? ", a semicolon or a new
    line that starts a list item or a new paragraph (abbreviations such as "U.S." do not end one)."""
    ends = []
    for m in re.finditer(r"(?<=[.!?;])\s+|\n\s*\n|\n(?=\s*(?:[-*]|\d+[.)])\s)", text):
        head = text[max(0, m.start() - 6):m.start()]
        if re.search(r"(?:\b[A-Z]\.|\b(?:U\.S|U\.K|e\.g|i\.e|vs|No|Dr|Mr|Gen|Col|Lt|St|approx|Jan|Feb|Aug|Sept?|Oct|"
                     r"Nov|Dec)\.)$", head):
            continue
        ends.append((m.start(), m.end()))
    spans, start = [], 0
    for end, nxt in ends:
        spans.append((start, end))
        start = nxt
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def in_digits(value: float) -> str:
    """A number in digits, grouped by thousands: "1,149", "2.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def bounded(low: float | None, high: float | None, vague: bool, quote: str, tag: str = "") -> str:
    """A number as the article bounds it, in digits, with the qualifier its quote puts before it:
    "over 16,000", "an estimated 12" ("an estimated dozen"), "between 70 and 80", "an estimated 600 to 800"
    (a vague range), "324" (an exact count: "bringing the number up to 324" has no qualifier); ``tag`` (a
    row's "[id]") follows each number. Without a qualifier in the quote a bound says "at least", "at most"
    or "about"."""
    if low is None and high is None:
        raise ValueError(f"a number needs a low or a high bound: {quote!r}")
    tag = f" {tag}" if tag else ""
    if low is not None and high is not None and low != high:
        if not vague:
            return f"between {in_digits(low)}{tag} and {in_digits(high)}{tag}"
        qualifier = _quoted_qualifier(quote, ABOUT, lambda q: (q.low, q.high) == (low, high)) or "about"
        return f"{qualifier} {in_digits(low)}{tag} to {in_digits(high)}{tag}"
    bound = "lower" if high is None else "upper" if low is None else "about" if vague else "exact"
    value = low if high is None else high
    if bound == "exact":
        return f"{in_digits(value)}{tag}"
    words, default = {"lower": (LOWER, "at least"), "upper": (UPPER, "at most"), "about": (ABOUT, "about")}[bound]
    qualifier = _quoted_qualifier(quote, words, lambda q: value in q.values) or default
    return f"{qualifier} {in_digits(value)}{tag}"


def _quoted_qualifier(quote: str, words, fits) -> str:
    """The first of ``words`` that ``quote`` puts before a quantity that ``fits`` (a predicate), or ""."""
    return next((q.qualifier for q in find_quantities(quote, include_one=True)
                 if fits(q) and q.qualifier in words), "")


def written(row) -> str:
    """A row's number as the article bounds it (``bounded``), each number followed by the row's id:
    "over 16,000 [coalition_2015_01_15_airstrikes]", "between 70 [id] and 80 [id]"; "[id]" for a row
    without a number (an event: tag the sentence that states it)."""
    tag = f"[{row.id}]"
    return tag if row.bound is None else bounded(row.low, row.high, row.vague, row.quote, tag)


def source(row) -> str:
    """Where a row comes from: "id, article line 214: “quote”" (an inconsistency: its description)."""
    quote = " ".join(row.quote.split())
    if row.table == "inconsistencies":
        return f"{row.id}, the course's description of article line {row.line} and others: “{quote}”"
    return f"{row.id}, article line {row.line}: “{quote}”"


def counted(body: str) -> str:
    """What a count tag counts: "involvement rows with theater = Iraq, involved = true", or "the rows listed"."""
    table, *conditions = body.split() or [""]
    if conditions and all("=" in c for c in conditions):
        return f"{table} rows with " + ", ".join(c.replace("=", " = ").replace("|", " or ") for c in conditions)
    return "the rows listed"


def footnoted(text: str, known: dict) -> tuple[str, list[str]]:
    """``text`` with each tag replaced by ``{{n}}`` and the notes: "n. id, article line L: “quote”"."""
    numbering: dict[str, int] = {}
    notes: list[str] = []

    def note(m: re.Match) -> str:
        found = tags(m.group(0))
        if not found:
            return m.group(0)
        tag = found[0]
        key = f"{'=' if tag.kind == 'calc' else '#' if tag.kind == 'count' else ''}{tag.body}"
        if key not in numbering:
            numbering[key] = len(numbering) + 1
            ids = re.findall(r"[A-Za-z0-9_:]+", tag.body) if tag.kind != "count" else tag.body.split()
            rows = [known[i] for i in ids if i in known]
            where = "; ".join(source(row) for row in rows)
            shown = {"calc": f"= {tag.body}: ", "count": f"the number of {counted(tag.body)}" + (": " if rows else "")}
            where = where or (tag.body if tag.kind == "id" else "")
            notes.append(f"{numbering[key]}. {shown.get(tag.kind, '')}{where}")
        return f"{{{{{numbering[key]}}}}}"

    return re.sub(r"\s?" + _TAG.pattern, note, text), notes
