"""The student's brief (lesson 05): sections they write, and a checker that reviews every number.

``Draft(theater)`` holds the scaffolding: the five sections of a brief, the
table rows of each section already scoped to the theater (``rows``), and a
``cite`` helper that writes the line reference for some rows. The student writes
each section's sentences with ``write(section, text)``; ``review()`` checks them.

Every number in the student's text (digits; dates and years are not numbers
here) must be backed by a table row for the theater on a line the same
paragraph cites: the row states the number (as a value or a bound), or its quote
or description does. The checker flags by name:

- ``unsupported``: no row for the theater on the cited lines gives the number;
- ``other theater``: the number is a row of another theater;
- ``combined``: the number is given for Iraq and Syria together, and the text does not say so;
- ``range collapsed``: the row gives a range and the text keeps one end only;
- ``qualifier dropped``: the row gives a bound ("over", "nearly") and the text writes an exact number;
- ``hedge dropped``: a cited event or deployment is only suggested, claimed or unconfirmed, and the
  paragraph states it as fact.

A count the student computed from rows ("12 countries", "5 claims") cannot be
traced to one row; it is accepted when it does not exceed the rows the paragraph
cites, and the rubric asks the student to compute it in code.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from . import brief, numbers
from .errors import UsageError
from .exercises.base import SETTINGS
from .exercises.feedback import Note
from .lesson import require
from .theaters import COMBINED, claims_in, covered, in_theater

SECTIONS = {  # name -> heading, in the order of the brief
    "who": "Who was involved",
    "alliances": "Which coalitions they belonged to",
    "air": "The air campaign in numbers of the same kind",
    "deaths": "What the casualty claims say, and how far to trust them",
    "problems": "What does not hold up",
}
RUBRIC = (
    "Every number is followed by the article line(s) of the rows it comes from, e.g. (line 214) or (lines 490–547).",
    "Numbers of different kinds are not set side by side: same metric (airstrikes, sorties...) and same count "
    "type (running total, period, single event), each with the days it covers.",
    "A figure the article gives for Iraq and Syria together says so ('Iraq and Syria combined') and is never split.",
    "Ranges stay ranges ('between 70 and 80'), bounds keep their word ('over', 'nearly', 'at least').",
    "A claim keeps its claimant; a suggestion or an unconfirmed report keeps its hedge ('one correspondent suggested').",
    "Casualty claims are compared, never added up; contradictions are reported as contradictions.",
    "Counts you compute ('12 countries') come from a pandas cell you ran; write numbers as digits.",
)
_REFERENCE = re.compile(r"\(?\blines?\s+(\d+(?:\s*(?:,|–|-|and)\s*\d+)*)\)?")
_COUNT_NOUN = re.compile(r"^\s+(?:[a-z-]+\s+){0,2}?(?:of them|of the|countries|country|actors?|"
                         r"claims?|members?|events?|campaigns?|campaign (?:starts?|ends?)|lists?|coalitions?|"
                         r"issues?|inconsistenc\w+|types?|rows?|sections?|states|meetings?)\b", re.IGNORECASE)
_HEDGES = re.compile(r"suggest|reported|claim|according to|unconfirmed|allegedly|said|not confirmed|may have",
                     re.IGNORECASE)
_NUMERIC = ("value", "low", "high", "stated_members")
_TEXT = ("quote", "description")


@dataclass(frozen=True)
class Finding:
    """One problem the checker found: which kind, in which section, about which number, and why."""

    kind: str
    section: str
    number: str
    message: str

    def __str__(self) -> str:
        return f"[{self.kind}] {self.section}: “{self.number}” {self.message}"


@dataclass(frozen=True)
class Review:
    """What the checker says about a draft: the findings, and how many numbers it checked."""

    findings: tuple[Finding, ...]
    checked: int

    @property
    def ok(self) -> bool:
        return not self.findings

    def __str__(self) -> str:
        if self.ok:
            return (f"Review: all {self.checked} numbers are backed by the rows their lines cite."
                    if self.checked else "Review: no numbers to check yet.")
        lines = [f"Review: {len(self.findings)} of {self.checked} numbers need work:"]
        return "\n".join(lines + [f"- {finding}" for finding in self.findings])

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        head, *items = str(self).split("\n")
        listed = "".join(f"<li>{html.escape(item[2:])}</li>" for item in items)
        return (f'<div class="warcourse-review tex2jax_ignore mathjax_ignore" role="status">'
                f"<p>{html.escape(head)}</p>{f'<ul>{listed}</ul>' if listed else ''}</div>")


def cited(text: str) -> set[int]:
    """Every seed line a text cites: "(line 214)", "(lines 120, 131)", "(lines 490–547)" (a range is every line)."""
    lines = set()
    for group in _REFERENCE.findall(text):
        for part in re.split(r"\s*(?:,|and)\s*", group):
            ends = [int(n) for n in re.split(r"\s*[–-]\s*", part) if n]
            lines |= set(range(ends[0], ends[-1] + 1)) if len(ends) == 2 else set(ends)
    return lines


def paragraphs(text: str) -> list[str]:
    """The paragraphs and list items of a text (a line starting "- " is an item of its own)."""
    return [item.strip() for block in re.split(r"\n\s*\n", text) for item in re.split(r"\n(?=\s*- )", block)
            if item.strip()]


def _row_lines(row: pd.Series) -> set[int]:
    if "lines" in row and isinstance(row["lines"], str):
        return {int(line) for line in row["lines"].split(";")}
    return {int(row["line"])}


def _row_values(row: pd.Series) -> set[float]:
    return {float(row[c]) for c in _NUMERIC if c in row and not pd.isna(row[c])}


def _bounds(row: pd.Series) -> tuple:
    low = row["low"] if "low" in row and not pd.isna(row["low"]) else None
    high = row["high"] if "high" in row and not pd.isna(row["high"]) else None
    return low, high


class Evidence:
    """The table rows a brief on one theater may cite, and the rows of every other theater."""

    def __init__(self, theater: str):
        tables = brief.load()
        claims = claims_in(tables.claims, "all")
        scoped = {
            "involvement": tables.involvement[tables.involvement["theater"] == theater],
            "coalitions": tables.coalitions,
            "coalition_members": tables.members,
            "events": in_theater(tables.events, theater),
            "strike_counts": in_theater(tables.counts, theater),
            "deployments": in_theater(tables.deployments, theater),
            "casualty_claims": claims[claims["theater"].isin(covered(theater))],
            "inconsistencies": brief.issues_for(tables, theater),
        }
        self.theater = theater
        self.rows = [(name, row) for name, frame in scoped.items() for _, row in frame.iterrows()]
        numbers_of = {"strike_counts": tables.counts, "deployments": tables.deployments, "casualty_claims": claims}
        self.elsewhere = [(row["theater"], row) for frame in numbers_of.values() for _, row in frame.iterrows()
                          if row["theater"] not in covered(theater)]
        self.tables = scoped

    def on(self, lines: set[int]) -> list[tuple[str, pd.Series]]:
        """The rows (table name, row) on any of ``lines``."""
        return [(name, row) for name, row in self.rows if _row_lines(row) & lines]


def _states(row: pd.Series, value: float) -> bool:
    if value in _row_values(row):
        return True
    return any(isinstance(row.get(c), str) and numbers.mentions(row[c], value) for c in _TEXT)


def _masked(text: str) -> str:
    """``text`` with its line references blanked out (same length), so their digits are not read as numbers."""
    return _REFERENCE.sub(lambda m: " " * len(m.group(0)), text)


def review_text(text: str, evidence: Evidence, section: str = "brief") -> tuple[list[Finding], int]:
    """Check every number of ``text`` against the rows its paragraphs cite; returns (findings, numbers checked)."""
    findings, checked = [], 0
    for item in paragraphs(text):
        rows = evidence.on(cited(item))
        found = numbers.find_quantities(_masked(item))
        for quantity in found:
            checked += 1
            problem = _number(item, quantity, rows, evidence)
            if problem:
                findings.append(Finding(problem[0], section, quantity.text.strip(), problem[1]))
        hedged = [row for name, row in rows if name in ("events", "deployments")
                  and str(row.get("certainty", "reported")) != "reported"
                  and str(row.get("actor")) != evidence.theater and str(row.get("actor")) in item]
        if hedged and not _HEDGES.search(item):
            row = hedged[0]
            findings.append(Finding("hedge dropped", section, str(row["actor"]),
                                    f"is only {row['certainty']} in the article (line {int(row['line'])}): "
                                    "say who says so ('one correspondent suggested', 'reportedly')."))
    return findings, checked


def _number(item: str, quantity, rows, evidence: Evidence) -> tuple[str, str] | None:
    """What is wrong with one number of a paragraph, or None."""
    values = quantity.values
    backing = [(name, row) for name, row in rows if any(_states(row, v) for v in values)]
    if not backing:
        after = item[quantity.end:]
        if _COUNT_NOUN.match(after) and quantity.low is not None and quantity.low == quantity.high:
            if rows and quantity.low <= len(rows):
                return None
            return ("unsupported", "is a count larger than the rows the paragraph cites; compute it from the "
                                   "rows and cite their lines.")
        other = [theater for theater, row in evidence.elsewhere if values & _row_values(row)]
        if other:
            return ("other theater", f"is a number the tables give for {sorted(set(map(str, other)))[0]}, not for "
                                     f"{evidence.theater}.")
        if not rows:
            return ("unsupported", "has no line reference in its paragraph: add the line(s) of the row it comes from.")
        return ("unsupported", f"is not stated by any {evidence.theater} row on the lines this paragraph cites.")
    if any(name == "inconsistencies" and row["description"] in item for name, row in backing):
        return None  # quoting the course's own account of a contradiction, cited by its lines
    tables_rows = [row for name, row in backing if name in ("strike_counts", "deployments", "casualty_claims")]
    if tables_rows and all(row.get("theater") == COMBINED for row in tables_rows) \
            and not re.search(r"Iraq and Syria|combined|together", item, re.IGNORECASE):
        return ("combined", "is given for Iraq and Syria together: say so, and do not present it as "
                            f"{evidence.theater}'s alone.")
    for row in tables_rows:
        low, high = _bounds(row)
        exact = quantity.low is not None and quantity.low == quantity.high and not quantity.vague
        if low is not None and high is not None and low != high and exact:
            other_end = high if quantity.low == low else low
            if not numbers.mentions(item, float(other_end)):
                return ("range collapsed", "is one end of a range in the article: give both ends.")
        if (low is None) != (high is None) and exact and (quantity.low in (low, high)):
            return ("qualifier dropped", "is a bound in the article ('over', 'nearly', 'up to'): keep its word.")
    return None


class Draft:
    """A brief on one theater that the student writes section by section, and its review."""

    def __init__(self, theater: str):
        require("theater", theater, brief.THEATERS)
        self.theater = theater
        self.evidence = Evidence(theater)
        self.texts: dict[str, str] = {}

    def rows(self, section: str) -> pd.DataFrame | dict:
        """The table rows a section draws on, scoped to the theater (each with its ``line`` and ``quote``)."""
        tables = self.evidence.tables
        parts = {"who": ["involvement"], "alliances": ["coalitions", "coalition_members"],
                 "air": ["events", "strike_counts"], "deaths": ["casualty_claims"], "problems": ["inconsistencies"]}
        names = parts[self._section(section)]
        return tables[names[0]].copy() if len(names) == 1 else {name: tables[name].copy() for name in names}

    @staticmethod
    def cite(rows: pd.DataFrame | pd.Series) -> str:
        """The line reference for some rows: "(line 214)", "(lines 120, 131)", "(lines 490–547)"."""
        frame = rows.to_frame().T if isinstance(rows, pd.Series) else rows
        return f"({brief.refs(frame['line'])})"

    @staticmethod
    def _section(section: str) -> str:
        if section not in SECTIONS:
            raise UsageError(f"no section {section!r}; the sections are {', '.join(SECTIONS)}")
        return section

    def write(self, section: str, text) -> Review | Note:
        """Keep ``text`` as the section's sentences and review it; ``...`` leaves the section unwritten."""
        self._section(section)
        if text is Ellipsis or text is None or not str(text).strip() or str(text).strip() == "...":
            self.texts.pop(section, None)
            return Note(SECTIONS[section], "not written yet: replace ... with your sentences and run the cell.")
        if not isinstance(text, str):
            raise UsageError(f"write the section as text (a string in quotes), not {type(text).__name__}")
        self.texts[section] = text.strip()
        return self.review(section)

    def review(self, section: str | None = None) -> Review:
        """Check the numbers of one section, or of every section written so far."""
        names = [self._section(section)] if section else list(self.texts)
        findings, checked = [], 0
        for name in names:
            found, count = review_text(self.texts.get(name, ""), self.evidence, name)
            findings += found
            checked += count
        return Review(tuple(findings), checked)

    def check(self, text: str) -> Review:
        """Review a whole brief given as one text (for example the model brief)."""
        findings, checked = review_text(text, self.evidence)
        return Review(tuple(findings), checked)

    def markdown(self) -> str:
        head = f"**Theater brief: {self.theater}** (draft)"
        body = [f"**{SECTIONS[name]}**\n\n{self.texts[name]}" if name in self.texts
                else f"**{SECTIONS[name]}**\n\n*(not written yet)*" for name in SECTIONS]
        return "\n\n".join([head, *body])

    def _repr_markdown_(self) -> str:
        return self.markdown()

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(self.markdown())

    @staticmethod
    def rubric() -> Note:
        """What a good brief contains."""
        return Note("What a good brief does", "\n".join(f"{n}. {item}" for n, item in enumerate(RUBRIC, 1)))

    def model(self):
        """The model brief (built from the tables), shown only with show_solutions on."""
        if not SETTINGS["show_solutions"]:
            return Note("Model brief", "hidden: write your own first. Instructors render this lesson with "
                                       "show_solutions=True to show it.")
        return brief.build(brief.load(), self.theater)
