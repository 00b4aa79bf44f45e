"""The student's brief (lesson 05): sections they write, and a checker that traces every number to its row.

Every number of a brief carries the id of the row it comes from (see ``warcourse.tracing`` for the
syntax): ``over 16,000 [coalition_2015_01_15_airstrikes] airstrikes``. ``review(text, theater)``
checks each tagged number against its row and lists every number with its row, line and quote.
What it verifies, and what it leaves to the reader, is ``CHECKED`` and ``LEFT`` (the lesson's rubric).

``Draft(theater)`` holds the five sections; ``write(section, text)`` keeps and reviews one,
``review()`` all of them, and ``cite(row)`` writes a row's number with its id, as the article gives it.
"""

from __future__ import annotations

import html
import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import brief, data, numbers, schema, tracing
from .errors import UsageError
from .exercises.base import SETTINGS
from .exercises.feedback import Note, plural
from .lesson_setup import require
from .rowfacts import HEDGED, Row, facts, frames
from .theaters import COMBINED, covered

SECTIONS = {  # name -> heading, in the order of the brief
    "who": "Who was involved",
    "alliances": "Which coalitions they belonged to",
    "air": "The air campaign in numbers of the same kind",
    "deaths": "What the casualty claims say, and how far to trust them",
    "problems": "What does not hold up",
}
CHECKED = (
    "Every number is followed by its row's id, `over 16,000 [coalition_2015_01_15_airstrikes]` (each end of a "
    "range by its own), by its computation, `[= id_a - id_b]`, or by the rows it counts, `[# id_a id_b]`; "
    "years, dates, ordinals and line references need none.",
    "The number is the row's (or the computation's, or the count's), written in digits.",
    "Bounds keep their direction: 'over', 'more than', 'at least' for a lower bound; 'nearly', 'up to', 'as many "
    "as', 'at most' for an upper one; both ends for a range; no qualifier for an exact number; 'about' only "
    "for a number the article gives as rough ('about', 'around', 'an estimated'), never for a bound.",
    "A figure for Iraq and Syria together says so in its own sentence; a row of another theater is flagged.",
    "The words after the number name what the row counts (airstrikes, sorties, missions, targets; civilians, "
    "fighters, personnel), a running total is not written as a period's count ('in July alone'), and the "
    "actor named in the sentence is the row's.",
    "A casualty claim names its claimant; a claimed, suggested or unconfirmed row keeps its hedge and says who.",
    "A computation never adds casualty claims of different claimants or victims, or a claim to one it is part "
    "of, nor numbers of different kinds.",
)
LEFT = (
    "Whether the numbers you set side by side cover the same days, and whether you say which days.",
    "Whether the sentence around a number says what the row says (the checker reads the words next to it, "
    "not the meaning of the whole sentence).",
    "Which rows you chose, what you left out, and whether the article's contradictions are reported as "
    "contradictions without picking a side.",
    "Statements without numbers: tag their row (`[event_id]`) to have its theater and hedge checked.",
    "A number tagged with an inconsistency's `issue_id`: the checker only verifies that its description states it.",
)
RUBRIC = CHECKED + LEFT
MAX_TEXT = 200_000  # characters reviewed; the rest is reported, not read

_HEDGE = re.compile(r"claim|suggest|report|unconfirmed|according to|alleg|\bsaid\b|\bsays?\b|stated|may have|"
                    r"not confirmed|not verified", re.IGNORECASE)
_STOP = {"the", "and", "for", "official", "officials", "senior", "general", "lieutenant", "deputy", "secretary",
         "minister", "spokesman", "spokesperson", "captain", "col", "commanders", "commander", "several", "various",
         "organizations", "region", "outlets", "forces", "army", "state", "defence", "defense", "military",
         "unattributed", "wikipedia", "report", "reports", "website", "newspaper", "anonymous", "leader", "one",
         "iii", "led"}
_DEMONYMS = {"United States": ("US", "U.S.", "USA", "America", "American", "Americans"),
             "United Kingdom": ("UK", "U.K.", "Britain", "British"), "Turkey": ("Turkish", "Türkiye"),
             "Russia": ("Russian",), "France": ("French",), "Iran": ("Iranian",), "Iraq": ("Iraqi",),
             "Syria": ("Syrian",), "Jordan": ("Jordanian",), "Canada": ("Canadian",), "Australia": ("Australian",),
             "Netherlands": ("Dutch",), "Denmark": ("Danish",), "Belgium": ("Belgian",), "Germany": ("German",),
             "Italy": ("Italian",), "Saudi Arabia": ("Saudi",), "United Arab Emirates": ("UAE", "Emirati"),
             "Morocco": ("Moroccan",), "Bahrain": ("Bahraini",), "Qatar": ("Qatari",), "Egypt": ("Egyptian",),
             "Libya": ("Libyan",), "Afghanistan": ("Afghan",), "Lebanon": ("Lebanese",),
             "Pakistan": ("Pakistani",), "Nigeria": ("Nigerian",)}
_KINDS = (  # what the words after a number count, first match wins
    ("aircraft", r"fighter jets?|aircraft|jets?|planes?|bombers?|helicopters?|drones?|[A-Z]{1,3}-\d+\w*|Rafales?|"
                 r"Typhoons?|Tornados?|Mirages?|Hawkeyes?|Auroras?|Super [EÉ]tendards?"),
    ("airstrikes", r"air ?strikes?|strikes?|bombings?|air raids?|raids?"),
    ("sorties", r"sorties?|flights?"),
    ("missions", r"missions?"),
    ("targets", r"targets?"),
    ("munitions", r"munitions|bombs?|missiles?|rounds|shells"),
    ("operations", r"operations?"),
    ("civilians", r"civilians?|civilian non-combatants|non-combatants?|people|children|women|activists|Christians|"
                  r"residents"),
    ("fighters", r"fighters|militants|terrorists|jihadists|insurgents|combatants|enemies|enemy fighters"),
    ("personnel", r"soldiers?|troops|personnel|servicem[ae]n|[Mm]arines|advisers|advisors|trainers|operatives|"
                  r"operators|men"),
    ("members", r"members|countries|states|nations|partners"),
    ("deaths", r"deaths|dead|killed|lives|casualties|death toll"),
)
_KIND = re.compile("|".join(f"(?P<{name}>\\b(?:{pattern})\\b)" for name, pattern in _KINDS))
_ACCEPTS = {"civilians": {"civilians", "deaths"}, "isil_fighters": {"fighters", "deaths"},
            "other_militants": {"fighters", "deaths"}, "coalition_personnel": {"personnel", "deaths"},
            "local_forces": {"personnel", "deaths"}, "unspecified": {"civilians", "fighters", "personnel", "deaths"},
            "personnel": {"personnel"}, "members": {"members"}}
_VICTIMS = {"civilians", "fighters", "personnel"}
_DEATH_BEFORE = re.compile(r"\b(?:killed|killing|kills|deaths?|dead|died|lives)\W+(?:\w+\W+)?$", re.IGNORECASE)
_PERIOD_WORDS = re.compile(rf"\b(?:(?:{'|'.join(tracing.MONTHS)}|\d{{4}}|that "
                           r"(?:day|week|month|year)|one (?:day|week|month))\s+alone|per (?:day|week|month|year)|"
                           r"daily|monthly|each (?:day|week|month)|in a single (?:day|week|month))\b", re.IGNORECASE)
_TOTAL_WORDS = re.compile(r"\b(?:so far|to date|running total|cumulative(?:ly)?|since the (?:start|beginning)|"
                          r"altogether|all told)\b", re.IGNORECASE)
_BOTH = re.compile(r"\b(?:Iraq\s*(?:and|&|/|,)\s*Syria|Syria\s*(?:and|&|/|,)\s*Iraq)\b", re.IGNORECASE)
_NOT_BOTH = re.compile(r"\bnot\s+(?:in\s+)?(?:both|Iraq\s*(?:and|&|/)\s*Syria|Syria\s*(?:and|&|/)\s*Iraq)|"
                       r"\b(?:Iraq|Syria)\s+alone\b|\bonly\s+(?:in\s+)?(?:Iraq|Syria)\b(?!\s*(?:and|&|/))",
                       re.IGNORECASE)
_THEATER_NAMES = re.compile(r"\b(?:in|over|across|into|inside)\s+(?:the\s+)?("
                            + "|".join(t for t in schema.THEATERS if t != COMBINED and t not in COMBINED.split(" and "))
                            + r")\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|over|across|into|to|from|of|on|inside|near)\s+(?:the\s+)?$")
_UNITS = {"day": 1.0, "days": 1.0, "week": 7.0, "weeks": 7.0, "month": 30.4375, "months": 30.4375,
          "year": 365.25, "years": 365.25}
_CALC_TOKEN = re.compile(r"\s*([A-Za-z0-9_:]+|[-+*/()])")
_LOWER = set(numbers.LOWER)
_UPPER = set(numbers.UPPER)
_ABOUT = set(numbers.ABOUT)


@dataclass(frozen=True)
class Finding:
    """One problem the checker found: which kind, in which section and text line, about which number, and why."""

    kind: str
    section: str
    number: str
    message: str
    line: int = 0  # line of the student's text (1-based), 0 for the whole text
    position: int = -1  # where in the text, for marking it (-1: nowhere in particular)

    def __str__(self) -> str:
        where = f"{self.section}, text line {self.line}" if self.line else self.section
        return f"[{self.kind}] {where}: “{self.number}” {self.message}"


@dataclass(frozen=True)
class Trace:
    """One number of the text and what backs it: the rows (id, article line, quote) or the count."""

    section: str
    line: int
    number: str
    tag: str
    rows: tuple[Row, ...]

    def __str__(self) -> str:
        backing = "; ".join(_short(tracing.source(row), 200) for row in self.rows)
        if not backing and self.tag.startswith("#"):
            backing = "the number of " + _short(tracing.counted(self.tag[1:].strip()), 120)
        return (f"{self.section}, text line {self.line}: “{self.number}” [{_short(self.tag, 60)}] → "
                f"{backing or 'no row'}")


@dataclass(frozen=True)
class Review:
    """What the checker says about a text: its findings and the trace of every number."""

    findings: list
    trace: tuple[Trace, ...]
    texts: tuple[tuple[str, str], ...] = ()  # (section, text) reviewed

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def checked(self) -> int:
        return len(self.trace)

    def __str__(self) -> str:
        if self.ok and self.checked:
            one = self.checked == 1
            head = (f"Review: {'the one number carries' if one else f'all {self.checked} numbers carry'} a row id "
                    f"and {'agrees with its row' if one else 'agree with their rows'} in value, bound, theater, "
                    f"what {'it counts' if one else 'they count'}, count type, actor, claimant and hedge (the points "
                    "the checker verifies; the rubric lists what it leaves to you).")
            items = []
        elif self.ok:
            head, items = "Review: no numbers to check yet.", []
        else:
            head = f"Review: {plural(len(self.findings), 'finding')}; {plural(self.checked, 'number')} traced to a row:"
            items = [f"- {finding}" for finding in self.findings]
        trace = ["Trace:"] + [f"- {item}" for item in self.trace] if self.trace else []
        return "\n".join([head, *items, *trace])

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))

    def to_html(self) -> str:
        """The reviewed text with every number's row as a footnote (line and quote), then the findings."""
        parts = [f"<p>{html.escape(str(self).splitlines()[0])}</p>"]
        if self.findings:
            parts.append("<ul>" + "".join(f"<li>{html.escape(str(f))}</li>" for f in self.findings) + "</ul>")
        for section, text in self.texts:
            flagged = {f.position for f in self.findings if f.section == section and f.position >= 0}
            parts.append(f"<h4>{html.escape(SECTIONS.get(section, section))}</h4>" + _marked_html(text, flagged))
        return f'<div class="warcourse-review tex2jax_ignore mathjax_ignore" role="status">{"".join(parts)}</div>'

    def _repr_html_(self) -> str:
        return self.to_html()


def _short(text: str, size: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _marked_html(text: str, flagged: set[int]) -> str:
    """``text`` as HTML: each tag becomes a footnote number, the notes (id, line, quote) follow; a sentence
    with a finding is marked."""
    text = text.replace("\x00", "").replace("\x01", "")
    spans = [(a, b) for a, b in tracing.sentences(text) if any(a <= position < b for position in flagged)]
    for start, end in reversed(spans):
        text = f"{text[:start]}\x00{text[start:end]}\x01{text[end:]}"
    marked, notes = tracing.footnoted(text, facts())
    body = html.escape(marked).replace("\x00", "<mark>").replace("\x01", "</mark>")
    body = re.sub(r"\{\{(\d+)\}\}", r"<sup>\1</sup>", body).replace("\n\n", "</p><p>").replace("\n", "<br>")
    listed = "".join(f"<li>{html.escape(note.split('. ', 1)[1])}</li>" for note in notes)
    return f"<p>{body}</p>" + (f"<ol>{listed}</ol>" if listed else "")


# --- names: actors, claimants, sources ---------------------------------------------------------

def _aliases() -> dict[str, tuple[str, ...]]:
    table = data.countries()
    found = {}
    for row in table.itertuples():
        names = {row.country, *(n.strip() for n in str(row.article_names).split(";") if n.strip())}
        found[row.country] = tuple(sorted(names | set(_DEMONYMS.get(row.country, ())), key=len, reverse=True))
    return found


_ALIAS_CACHE: dict[str, tuple[str, ...]] = {}


def aliases() -> dict[str, tuple[str, ...]]:
    """Each country's names: the country table's names and the adjectives ("Turkish", "U.S.")."""
    if not _ALIAS_CACHE:
        _ALIAS_CACHE.update(_aliases())
    return _ALIAS_CACHE


def _pattern(names) -> re.Pattern:
    """One pattern for any of ``names`` as whole words."""
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w-])")


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern | None:
    names = _names(name)
    return _pattern(names) if names else None


@lru_cache(maxsize=1)
def _actor_pattern() -> tuple[re.Pattern, dict[str, str]]:
    country_of = {name: country for country, names in aliases().items() for name in names}
    return _pattern(country_of), country_of


def _names(name: str) -> tuple[str, ...]:
    """The ways a sentence may name ``name``: a country's aliases, "coalition", or the name's own words."""
    if name in aliases():
        return aliases()[name]
    if name.lower() in ("coalition", "us-led coalition"):
        return ("coalition", "Coalition", "CJTF-OIR")
    words = [w for w in re.findall(r"[A-Za-z][\w.'-]*", name) if len(w) >= 3 and w.lower().strip(".") not in _STOP]
    found = []
    for word in words:
        country = next((c for c, names in aliases().items() if word in names or word.rstrip(".") in names), None)
        found += list(aliases()[country]) if country else [word, word.lower(), word.capitalize()]
    return tuple(found)


def named(sentence: str, name: str) -> bool:
    """Whether ``sentence`` names ``name`` (true when there are no words to look for)."""
    pattern = _name_pattern(name)
    return pattern is None or pattern.search(sentence) is not None


def _actors_named(sentence: str, theater_countries: set[str]) -> set[str]:
    found = set()
    pattern, country_of = _actor_pattern()
    for m in pattern.finditer(sentence):
        country = country_of[m.group(0)]
        if country in theater_countries and m.group(0) == country:
            continue  # "in Iraq": a place, not an actor
        if not _PLACE_BEFORE.search(sentence[max(0, m.start() - 12):m.start()]):
            found.add(country)
    if re.search(r"\bcoalition\b", sentence, re.IGNORECASE):
        found.add("Coalition")
    return found


# --- checks ------------------------------------------------------------------------------------

@dataclass
class _Context:
    text: str
    plain: str  # the text with its tags blanked out, so that ids are not read as words
    theater: str
    section: str
    starts: list  # line starts of the text
    spans: list  # sentence spans
    span_starts: list
    findings: list
    trace: list

    def line(self, position: int) -> int:
        return bisect_right(self.starts, position)

    def span(self, position: int) -> tuple[int, int]:
        index = bisect_right(self.span_starts, position) - 1
        if index >= 0 and position < self.spans[index][1]:
            return self.spans[index]
        return (position, position)

    def sentence(self, position: int) -> str:
        start, end = self.span(position)
        return self.plain[start:end]

    def flag(self, kind: str, position: int, number: str, message: str) -> None:
        self.findings.append(Finding(kind, self.section, _short(number, 80), message, self.line(position), position))


def _qualifier_class(word: str) -> str:
    if word in _LOWER:
        return "lower"
    if word in _UPPER:
        return "upper"
    return "about" if word in _ABOUT else "exact"


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _check_bound(ctx: _Context, number: tracing.Number, row: Row, where: str) -> None:
    """The value and the qualifier's direction of one number against its row."""
    look = f"read the quote of article line {row.line}"
    if row.table == "inconsistencies":
        if not any(_same(number.value, v) for v in row.stated):
            ctx.flag("wrong value", number.start, where, f"is not a number the description of {row.id} states.")
        return
    if row.bound is None:
        ctx.flag("no number", number.start, where, f"row {row.id} states no number: tag the number with the row "
                                                   "that states it, or tag the sentence after the number.")
        return
    kind, value = _qualifier_class(number.qualifier), number.value
    if number.vague:  # "dozens", "hundreds": the article's own vague word
        kind = "lower"
    if row.bound == "range":
        if value is not None and row.low - 1e-9 <= value <= row.high + 1e-9:
            ctx.flag("range collapsed", number.start, where, f"row {row.id} gives a range: give both ends, each "
                                                             f"with its id ({look}).")
        else:
            ctx.flag("wrong value", number.start, where, f"is not the number row {row.id} gives ({look}).")
        return
    expected = row.high if row.bound == "upper" else row.low
    if not _same(value, expected):
        ctx.flag("wrong value", number.start, where, f"is not the number row {row.id} gives ({look}).")
        return
    if kind == row.bound:  # a bound or a vague row keeps its own kind: "as many as 36" is not "about 36"
        return
    if kind == "exact":
        what = "an approximate number" if row.bound == "about" else "a bound"
        ctx.flag("qualifier dropped", number.start, where, f"is {what} in the article: keep its word ({look}).")
    elif row.bound == "exact":
        ctx.flag("qualifier added", number.start, where, f"is exact in the article: write it without "
                                                         f"'{number.qualifier}' ({look}).")
    elif {kind, row.bound} == {"lower", "upper"}:
        ctx.flag("bound reversed", number.start, where, f"turns a{'n upper' if row.bound == 'upper' else ' lower'} "
                                                        f"bound into a{'n upper' if kind == 'upper' else ' lower'} one "
                                                        f"({look}).")
    else:
        ctx.flag("qualifier changed", number.start, where, f"'{number.qualifier}' does not say what the article's "
                                                           f"bound says ({look}).")


def _check_theater(ctx: _Context, position: int, row: Row, where: str) -> None:
    if not row.theater:
        return
    sentence = ctx.sentence(position)
    if row.theater == COMBINED and COMBINED in covered(ctx.theater):
        if not _BOTH.search(sentence) or _NOT_BOTH.search(sentence):
            ctx.flag("combined", position, where, f"row {row.id} is for Iraq and Syria together: say so in this "
                                                  f"sentence, and do not present it as {ctx.theater}'s alone.")
        return
    if row.theater not in covered(ctx.theater):
        ctx.flag("other theater", position, where, f"row {row.id} is about {row.theater}, not {ctx.theater}.")
        return
    places = list(_THEATER_NAMES.finditer(sentence))
    offset = position - ctx.span(position)[0]
    nearest = next((m for m in places if m.start() >= offset), places[-1] if places else None)
    if nearest is not None and nearest.group(1) != row.theater:
        ctx.flag("theater", position, where, f"the sentence places it in {nearest.group(1)}; row {row.id} is about "
                                             f"{row.theater}.")


def _counted_words(ctx: _Context, after: int, stop: int) -> str | None:
    window = ctx.plain[after:min(stop, after + 70)]
    m = _KIND.search(window)
    return m.lastgroup if m else None


def _check_counts(ctx: _Context, number: tracing.Number, row: Row, after: int, stop: int, where: str) -> None:
    """What the words after the number count, against the row's metric, victims or asset."""
    if row.table in ("events", "inconsistencies") or not row.counts:
        return
    said = _counted_words(ctx, after, stop)
    before = ctx.plain[max(0, number.start - 30):number.start]
    accepts = _ACCEPTS.get(row.counts, {"aircraft", "fighters"} if row.table == "deployments" else {row.counts})
    if row.table == "strength_estimates":
        accepts = {"fighters", "members", "personnel"}
    if row.table in ("strike_counts", "deployments", "coalitions", "strength_estimates") and \
            (said == "deaths" or (said in _VICTIMS and row.table != "strength_estimates"
                                  and row.counts != "personnel") or _DEATH_BEFORE.search(before)):
        ctx.flag("metric", number.start, where, f"row {row.id} counts {row.counts.replace('_', ' ')}, not deaths "
                                                "or people killed.")
        return
    if said is None or said in accepts:
        return
    kind = "victim category" if said in _VICTIMS and row.table == "casualty_claims" else "metric"
    ctx.flag(kind, number.start, where, f"the words after it say {said}; row {row.id} counts "
                                        f"{row.counts.replace('_', ' ')}.")


def _check_count_type(ctx: _Context, position: int, row: Row, where: str) -> None:
    if row.table != "strike_counts":
        return
    sentence = ctx.sentence(position)
    if row.count_type == "cumulative" and _PERIOD_WORDS.search(sentence):
        ctx.flag("count type", position, where, f"row {row.id} is a running total: it does not count one day, "
                                                "week or month alone.")
    elif row.count_type != "cumulative" and _TOTAL_WORDS.search(sentence):
        ctx.flag("count type", position, where, f"row {row.id} counts a {row.count_type.replace('_', ' ')}, "
                                                "not a running total.")


def _check_people(ctx: _Context, position: int, row: Row, where: str) -> None:
    """The actor, the claimant and the hedge of a row, in the words of its sentence."""
    sentence = ctx.sentence(position)
    if row.table in ("strike_counts", "deployments", "events") and row.actor:
        theater_countries = set(covered(ctx.theater)) | set(COMBINED.split(" and "))
        others = _actors_named(sentence, theater_countries)
        if others and not named(sentence, row.actor):
            ctx.flag("actor", position, where, f"the sentence names {sorted(others)[0]}; row {row.id} is about "
                                               f"{row.actor}.")
    if row.table == "casualty_claims" and row.actor != brief.UNATTRIBUTED and not named(sentence, row.actor):
        ctx.flag("claimant dropped", position, where, f"row {row.id} is a claim by {row.actor}: name the claimant "
                                                      "in the same sentence.")
    if row.certainty in HEDGED:
        if not _HEDGE.search(sentence) or (row.source and not named(sentence, row.source)):
            who = f" by {row.source}" if row.source else ""
            ctx.flag("hedge dropped", position, where, f"row {row.id} is only {row.certainty}{who}: keep the hedge and "
                                                       "its source ('... suggested', 'according to ...', 'appear "
                                                       "likely').")


# --- computations and counts --------------------------------------------------------------------

class _BadCalc(ValueError):
    pass


def _parse(body: str) -> list[str]:
    tokens, position = [], 0
    while position < len(body):
        m = _CALC_TOKEN.match(body, position)
        if not m:
            raise _BadCalc("use row ids joined by + - * / (and brackets)")
        tokens.append(m.group(1))
        position = m.end()
        if body[position:].strip() == "":
            break
    if not tokens or len(tokens) > 60:
        raise _BadCalc("use up to 30 row ids joined by + - * /")
    return tokens


def _evaluate(tokens: list[str], value) -> float:
    """``ID op ID ...`` with + - * / and brackets; ``value(id)`` gives each id's number."""
    position = 0

    def peek():
        return tokens[position] if position < len(tokens) else None

    def factor():
        nonlocal position
        token = peek()
        if token is None or token in "+-*/)":
            raise _BadCalc("a row id is missing")
        position += 1
        if token == "(":
            result = expression()
            if peek() != ")":
                raise _BadCalc("a bracket is not closed")
            position += 1
            return result
        return value(token)

    def term():
        nonlocal position
        result = factor()
        while peek() in ("*", "/"):
            op = tokens[position]
            position += 1
            right = factor()
            if op == "/" and right == 0:
                raise _BadCalc("it divides by zero")
            result = result * right if op == "*" else result / right
        return result

    def expression():
        nonlocal position
        result = term()
        while peek() in ("+", "-"):
            op = tokens[position]
            position += 1
            right = term()
            result = result + right if op == "+" else result - right
        return result

    result = expression()
    if position != len(tokens):
        raise _BadCalc("two ids need an operator (+ - * /) between them")
    return result


def _days(row: Row) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    when = row.end or row.start
    if when is None:
        return None
    span = {"year": pd.offsets.YearEnd(0), "month": pd.offsets.MonthEnd(0)}.get(row.precision)
    return (when, when + span) if span is not None and when + span >= when else (when, when)


def _check_duration(ctx: _Context, number: tracing.Number, tokens: list[str], unit: str, where: str) -> None:
    ids = [t for t in tokens if t not in "+-*/()"]
    known = facts()
    if len(ids) != 2 or tokens != [ids[0], "-", ids[1]]:
        ctx.flag("bad computation", number.start, where, "a duration is one dated row minus another: "
                                                         "[= later - earlier].")
        return
    spans = [_days(known[i]) for i in ids]
    if None in spans:
        ctx.flag("bad computation", number.start, where, "both rows of a duration need a date.")
        return
    (a0, a1), (b0, b1) = spans
    low, high = (a0 - b1).days / _UNITS[unit], (a1 - b0).days / _UNITS[unit]
    if number.value is None or not (math.floor(low) - 0.5 <= number.value <= math.ceil(high) + 0.5):
        ctx.flag("wrong value", number.start, where, f"is not the {unit} between the dates of {ids[1]} and {ids[0]}.")


def _addable(ctx: _Context, number: tracing.Number, rows: list[Row], adds: bool, where: str) -> bool:
    kinds = {(row.table, row.counts) for row in rows}
    if len(kinds) > 1:
        mixed = ", ".join(sorted(f"{table} ({counts or 'no number'})" for table, counts in kinds))
        ctx.flag("different kinds", number.start, where, f"the computation mixes numbers of different kinds: {mixed}.")
        return False
    claims = [row for row in rows if row.table == "casualty_claims"]
    if adds and len(claims) > 1:
        linked = any(a.id in b.links or b.id in a.links for a in claims for b in claims)
        if linked or len({row.actor for row in claims}) > 1:
            ctx.flag("claims added", number.start, where, "casualty claims " + ("of which one is part of another"
                                                                                if linked else "by different claimants")
                     + " cannot be added: compare them instead.")
            return False
    if adds and sum(row.count_type == "cumulative" and row.table == "strike_counts" for row in rows) > 1 and \
            len({row.actor for row in rows}) == 1:
        ctx.flag("claims added", number.start, where, "running totals of one actor cannot be added: the later one "
                                                      "already holds the earlier.")
        return False
    return True


_SLIPS = (  # a tag written almost right just after a number, and what to change
    (re.compile(r"\s*\[\s*\]"), "its brackets are empty: put the row's id in them, as in 1,361 [id]."),
    (re.compile(r"\s*\(\s*[A-Za-z][A-Za-z0-9_]*_[A-Za-z0-9_]*\s*\)"),
     "an id goes in square brackets, [id], not in round ones."),
    (re.compile(r"\s*\[[^\]\n]*$"), "its tag is not closed: end it with ]."),
    (re.compile(r"(?:\s+[A-Za-z-]+){1,4}\s*\[[#=]?\s*[A-Za-z][A-Za-z0-9_ ]*\]"),
     "its tag stands after the words: put it right after the number, as in 1,361 [id] airstrikes."),
)


def _markup_slip(after: str) -> str:
    """What is wrong with a tag written almost right after an untraced number ("" when none is in sight)."""
    return next((why for pattern, why in _SLIPS if pattern.match(after)), "")


def _check_calc(ctx: _Context, number: tracing.Number, after: int, stop: int, where: str) -> tuple[Row, ...]:
    known = facts()
    try:
        tokens = _parse(number.tag.body)
        ids = [t for t in tokens if t not in "+-*/()"]
        unknown = [t for t in ids if t not in known]
        if unknown:
            ctx.flag("unknown id", number.start, where, f"no table row has the id “{_short(unknown[0], 60)}”.")
            return ()
        rows = [known[i] for i in dict.fromkeys(ids)]
        unit = re.match(r"\s*(\w+)", ctx.text[after:stop])
        unit = unit.group(1).lower() if unit else ""
        if unit in _UNITS and all(row.bound is None or row.table in ("strike_counts", "casualty_claims",
                                                                     "deployments", "coalitions") for row in rows) \
                and any(row.bound is None for row in rows):
            _check_duration(ctx, number, tokens, unit, where)
            return tuple(rows)
        if not _addable(ctx, number, rows, "+" in tokens, where):
            return tuple(rows)
        loose = [row for row in rows if row.bound not in ("exact", "about")]
        if loose:
            ctx.flag("bound in computation", number.start, where, f"row {loose[0].id} gives "
                     + ("no number" if loose[0].bound is None else f"a{'n' if loose[0].bound == 'upper' else ''} "
                        f"{loose[0].bound} bound, not one number") + ": compare it instead of computing with it.")
            return tuple(rows)
        result = _evaluate(tokens, lambda i: known[i].low)
    except _BadCalc as error:
        ctx.flag("bad computation", number.start, where, f"cannot be computed from its tag: {error}.")
        return ()
    value = number.value
    result = result * 100 if number.percent else result
    kind = _qualifier_class(number.qualifier)
    if any(row.bound == "about" for row in rows) and kind == "exact":
        ctx.flag("qualifier dropped", number.start, where, "is computed from an approximate number: say 'about'.")
    elif value is None or not _close(value, result, kind, number.text):
        ctx.flag("wrong value", number.start, where, "is not what its computation gives.")
    for row in rows:
        _check_theater(ctx, number.start, row, where)
        _check_count_type(ctx, number.start, row, where)
    if len({row.counts for row in rows}) == 1 and not number.percent and "/" not in tokens:
        _check_counts(ctx, number, rows[0], after, stop, where)
    return tuple(rows)


def _close(value: float, result: float, kind: str, written: str) -> bool:
    decimals = re.search(r"\.(\d+)", written)
    step = 0.5 * 10 ** -len(decimals.group(1)) if decimals else 0.5
    if kind == "lower":
        return value <= result <= value * 1.1 + 1
    if kind == "upper":
        return value * 0.9 - 1 <= result <= value
    if kind == "about":
        return abs(value - result) <= 0.05 * abs(result) + step
    return abs(value - result) <= step + 1e-9


def _count(body: str) -> tuple[int, tuple[Row, ...]]:
    """The rows a count tag names: ``table column=value|value ...`` or ``id id ...``."""
    tokens = body.split()
    if not tokens or len(tokens) > 2000:
        raise _BadCalc("name a table and its filters ([# involvement theater=Iraq involved=true]) or list ids")
    tables = frames()
    if tokens[0] in tables:
        frame = tables[tokens[0]]
        keep = pd.Series(True, index=frame.index)
        for condition in tokens[1:]:
            column, _, wanted = condition.partition("=")
            if column not in frame.columns or not wanted:
                raise _BadCalc(f"{tokens[0]} has no column {_short(column, 40)!r} to filter on (column=value)")
            values = {w.replace("_", " ").lower() for w in wanted.split("|")} | {w.lower() for w in wanted.split("|")}
            keep &= frame[column].astype("string").str.lower().isin(values).fillna(False)
        return int(keep.sum()), ()
    known = facts()
    unknown = [t for t in tokens if t not in known]
    if unknown:
        raise _BadCalc(f"no table row has the id “{_short(unknown[0], 60)}”")
    rows = tuple(known[t] for t in dict.fromkeys(tokens))
    return len(rows), rows


# --- the review --------------------------------------------------------------------------------

def review(text: str, theater: str, section: str = "brief") -> Review:
    """Check every number of ``text``, a brief (or a part of one) on ``theater``; never raises on any text."""
    require("theater", theater, brief.THEATERS)
    if not isinstance(text, str):
        raise UsageError(f"write the brief as text (a string in quotes), not {type(text).__name__}")
    findings, trace = [], []
    if len(text) > MAX_TEXT:
        findings.append(Finding("too long", section, f"{len(text):,} characters",
                                f"only the first {MAX_TEXT:,} characters are reviewed."))
        text = text[:MAX_TEXT]
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    plain = text
    for tag in tracing.tags(text):
        plain = plain[:tag.start] + " " * (tag.end - tag.start) + plain[tag.end:]
    spans = tracing.sentences(text)
    ctx = _Context(text, plain, theater, section, starts, spans, [a for a, _ in spans], findings, trace)
    _review_into(ctx)
    return Review(findings, tuple(trace), ((section, text),))


def _review_into(ctx: _Context) -> None:
    text, known = ctx.text, facts()
    for ref in tracing.line_refs(text):
        if not ref.valid:
            ctx.flag("line reference", ref.start, ref.text, f"the article has {tracing.ARTICLE_LINES} lines; cite "
                                                            "lines that exist, the first of a range first.")
    found = tracing.numbers_in(text)
    listed = tracing.range_pairs(text, found)
    pairs, firsts = {id(a): b for a, b in listed}, {id(b): a for a, b in listed}
    used = set()
    for index, number in enumerate(found):
        nxt = found[index + 1].start if index + 1 < len(found) else len(text)
        tag, after = number.tag, (number.tag.end if number.tag else number.end)
        if tag is not None and tag.kind == "id" and tag.body in known and known[tag.body].bound is None \
                and tracing.is_year(number.text):
            continue  # "in December 2014 [event_id]": a dated statement, its tag is checked below
        stop = min(nxt, ctx.span(number.start)[1] or len(text))
        if tag is not None:
            used.add(tag.start)
        if tag is None:
            partner = pairs.get(id(number))
            hint = " (each end of a range needs its own)" if partner is not None and partner.tag else ""
            words = " and write it in digits" if number.in_words else ""
            markup = _markup_slip(text[number.end:stop])
            ctx.flag("untraced", number.start, number.text,
                     markup or f"which row says this? add its id{words}{hint}.")
            continue
        where = f"{number.text} [{_short(tag.body, 60)}]"
        if number.in_words and not _quoted(text, number.start):
            ctx.flag("in words", number.start, where, "write numbers in digits ('3', not 'three').")
        if tag.kind == "calc":
            rows = _check_calc(ctx, number, after, stop, where)
        elif tag.kind == "count":
            rows = _check_count(ctx, number, where)
        elif tag.body not in known:
            ctx.flag("unknown id", number.start, where, f"no table row has the id “{_short(tag.body, 60)}”: copy "
                                                        "it from the row's id column.")
            rows = ()
        else:
            row = known[tag.body]
            rows = (row,)
            partner = pairs.get(id(number))
            if partner is not None and partner.tag is not None and partner.tag.body == tag.body \
                    and row.table != "inconsistencies":
                _check_range(ctx, number, partner, row, where)
            elif id(number) in firsts and firsts[id(number)].tag is not None \
                    and firsts[id(number)].tag.body == tag.body and row.table != "inconsistencies":
                pass  # its value and bound were checked with the first end
            else:
                _check_bound(ctx, number, row, where)
            _check_theater(ctx, number.start, row, where)
            _check_counts(ctx, number, row, after, stop, where)
            _check_count_type(ctx, number.start, row, where)
            _check_people(ctx, number.start, row, where)
        ctx.trace.append(Trace(ctx.section, ctx.line(number.start), number.text, tag.body if tag.kind == "id"
                               else f"{'=' if tag.kind == 'calc' else '#'} {tag.body}", rows))
    for tag in tracing.tags(text):
        if tag.start in used:
            continue
        if tag.kind != "id":
            ctx.flag("untraced", tag.start, f"[{_short(tag.body, 40)}]", "a computation or a count follows its "
                                                                          "number directly.")
        elif tag.body not in known:
            ctx.flag("unknown id", tag.start, f"[{_short(tag.body, 60)}]", "no table row has this id.")
        else:
            row = known[tag.body]
            _check_theater(ctx, tag.start, row, f"[{tag.body}]")
            _check_people(ctx, tag.start, row, f"[{tag.body}]")


def _quoted(text: str, position: int) -> bool:
    """Whether ``position`` is inside quotation marks (the article's own words)."""
    head = text[max(0, text.rfind("\n", 0, position)):position]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def _check_range(ctx: _Context, first: tracing.Number, second: tracing.Number, row: Row, where: str) -> None:
    look = f"read the quote of article line {row.line}"
    if row.bound != "range":
        ctx.flag("not a range", first.start, where, f"row {row.id} gives one number, not a range ({look}).")
    elif not (_same(first.value, row.low) and _same(second.value, row.high)):
        ctx.flag("wrong value", first.start, where, f"the ends are not the range row {row.id} gives ({look}).")
    elif first.qualifier and _qualifier_class(first.qualifier) != "about" or \
            _qualifier_class(first.qualifier) == "about" and not row.vague:
        ctx.flag("qualifier changed", first.start, where, f"'{first.qualifier}' changes the article's range ({look}).")


def _check_count(ctx: _Context, number: tracing.Number, where: str) -> tuple[Row, ...]:
    try:
        count, rows = _count(number.tag.body)
    except _BadCalc as error:
        ctx.flag("bad count", number.start, where, f"cannot be counted from its tag: {error}.")
        return ()
    if number.value is None or not _same(number.value, count) or number.qualifier:
        ctx.flag("wrong count", number.start, where, "is not the number of rows its tag names.")
    return rows


# --- the draft -----------------------------------------------------------------------------------

def written(row: Row) -> str:
    """A row's number as the article gives it, each number followed by the row's id."""
    return tracing.written(row)


class Draft(brief.ShownAsMarkdown):
    """A brief on one theater that the student writes section by section, and its review."""

    def __init__(self, theater: str):
        require("theater", theater, brief.THEATERS)
        self.theater = theater
        self.texts: dict[str, str] = {}

    def rows(self, section: str) -> pd.DataFrame | dict:
        """The table rows a section draws on, scoped to the theater (each with its id, ``line`` and ``quote``)."""
        tables = brief.load()
        scoped = {"involvement": tables.involvement[tables.involvement["theater"] == self.theater],
                  "coalitions": tables.coalitions, "coalition_members": tables.members,
                  "events": tables.events[tables.events["theater"].isin(covered(self.theater))],
                  "strike_counts": tables.counts[tables.counts["theater"].isin(covered(self.theater))],
                  "casualty_claims": frames()["casualty_claims"].pipe(
                      lambda c: c[c["theater"].isin(covered(self.theater))]),
                  "inconsistencies": brief.issues_for(tables, self.theater)}
        parts = {"who": ["involvement"], "alliances": ["coalitions", "coalition_members"],
                 "air": ["events", "strike_counts"], "deaths": ["casualty_claims"], "problems": ["inconsistencies"]}
        names = parts[self._section(section)]
        return scoped[names[0]].copy() if len(names) == 1 else {name: scoped[name].copy() for name in names}

    @staticmethod
    def cite(row: pd.Series | pd.DataFrame | str) -> str:
        """A row's number with its id, as the article gives it: "over 16,000 [coalition_2015_01_15_airstrikes]"."""
        if isinstance(row, pd.DataFrame):
            if len(row) != 1:
                raise UsageError(f"cite one row at a time (this has {len(row)}); pick one with .loc or .iloc")
            row = row.iloc[0]
        columns = ("record_id", "claim_id", "event_id", "coalition_id", "issue_id")
        key = row if isinstance(row, str) else next((str(row[c]) for c in columns if c in row), "")
        if key not in facts():
            raise UsageError(f"no table row with the id {_short(key, 60)!r}; pass a row of the tables or its id")
        return written(facts()[key])

    @staticmethod
    def _section(section: str) -> str:
        if section not in SECTIONS:
            raise UsageError(f"no section {section!r}; the sections are {', '.join(SECTIONS)}")
        return section

    def write(self, section: str, text) -> Review | Note:
        """Keep ``text`` as the section's sentences and review it; ``...`` leaves the section unwritten."""
        self._section(section)
        if text is Ellipsis or text is None or (isinstance(text, str) and text.strip() in ("", "...")):
            self.texts.pop(section, None)
            return Note(SECTIONS[section], "not written yet: replace ... with your sentences and run the cell.")
        if not isinstance(text, str):
            raise UsageError(f"write the section as text (a string in quotes), not {type(text).__name__}")
        self.texts[section] = text.strip()
        return self.review(section)

    def review(self, section: str | None = None) -> Review:
        """Check the numbers of one section, or of every section written so far."""
        names = [self._section(section)] if section else list(self.texts)
        findings, trace, texts = [], [], []
        for name in names:
            result = review(self.texts.get(name, ""), self.theater, name)
            findings += result.findings
            trace += result.trace
            texts += result.texts
        return Review(findings, tuple(trace), tuple(texts))

    def markdown(self) -> str:
        head = f"**Theater brief: {self.theater}** (draft)"
        body = [f"**{SECTIONS[name]}**\n\n{self.texts[name]}" if name in self.texts
                else f"**{SECTIONS[name]}**\n\n*(not written yet)*" for name in SECTIONS]
        return "\n\n".join([head, *body])

    @staticmethod
    def rubric() -> Note:
        """What a good brief does: the points the checker verifies, then those it leaves to the reader."""
        checked = "\n".join(f"{n}. {item}" for n, item in enumerate(CHECKED, 1))
        left = "\n".join(f"{n}. {item}" for n, item in enumerate(LEFT, len(CHECKED) + 1))
        return Note("What a good brief does", f"The checker verifies:\n{checked}\nIt leaves to you (and your "
                                              f"reader):\n{left}")

    def model(self):
        """The model brief (built from the tables), shown only with show_solutions on."""
        if not SETTINGS["show_solutions"]:
            return Note("Model brief", "hidden: write your own first. Instructors render this lesson with "
                                       "show_solutions=True to show it.")
        return brief.build(brief.load(), self.theater)
