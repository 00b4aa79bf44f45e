"""Lesson 01's measurements of the article as text: raw lines, what the snapshot lost, numbers, years.

For example::

    raw = textstats.line_kinds(article.read_lines())
    found = textstats.quantities(data.passages())
    textstats.per_part(data.passages(), found).head()

Everything here is computed from the seed (through ``warcourse.article``) or from
the tables; nothing is typed in. Each result keeps the seed ``line`` of what it
counts, so a lesson can show where every number comes from.
"""

from __future__ import annotations

import re

import pandas as pd

from .article import OBJECT, split_front_matter
from .numbers import VAGUE_WORDS, find_quantities

SECTIONS = ("all", "Iraq", "Syria", "Libya", "Casualties")
"""The values of lesson 01's ``section`` parameter: the whole article or one of its big sections."""

SECTION_TEXT = "(text under the section heading)"
"""How ``per_part`` labels passages that sit under no subsection heading."""

_HEADING = re.compile(r"^(#{1,6})")
_LIST_ITEM = re.compile(r"^\s*\*\s+")
_MAP_REMNANT = re.compile(r"^\s*\*\s+\d+x\d+px\|")
_WIKI_LINK = re.compile(r"\[\[[^\]]*\]\]")
_TALLY = re.compile(r"\bvot(?:e|es|ed|ing)\b[^.]*\(\s*$", re.I)
_CHANGE = re.compile(r"\b(?:increas|reduc|rais|ris|rose|fell|fall|grew|grow|cut|doubl)\w*\b[^.]*\bfrom\s*$", re.I)


def _kind(raw: str) -> str:
    stripped = raw.strip()
    if not stripped:
        return "blank"
    if stripped == OBJECT:
        return "lost reference"
    if stripped.startswith("!["):
        return "image"
    if stripped.startswith("[[File:") or _MAP_REMNANT.match(raw):
        return "map"
    if stripped.startswith("#"):
        return "heading"
    if stripped.startswith("|"):
        return "table row"
    if _LIST_ITEM.match(raw):
        return "list item"
    return "paragraph"


def line_kinds(lines: list[str]) -> pd.DataFrame:
    """One row per line of the seed file: ``line`` (1-based), ``kind``, heading ``level``, counts, ``raw``.

    ``kind`` is ``front matter``, ``blank``, ``heading``, ``paragraph``, ``list item``,
    ``table row``, ``image``, ``map`` (the world map and its remnant) or ``lost reference``
    (a line that reads only ``[object Object]``). ``objects`` counts the ``[object Object]``
    in the line and ``wiki_links`` its ``[[...]]`` links.
    """
    _meta, body = split_front_matter(lines, "seed")
    rows = []
    for index, raw in enumerate(lines):
        kind = "front matter" if index < body else _kind(raw)
        heading = _HEADING.match(raw.strip()) if kind == "heading" else None
        rows.append({"line": index + 1, "kind": kind, "level": len(heading.group(1)) if heading else 0,
                     "objects": raw.count(OBJECT), "wiki_links": len(_WIKI_LINK.findall(raw)), "raw": raw})
    return pd.DataFrame(rows)


def empty_headings(passages: pd.DataFrame, raw: pd.DataFrame) -> pd.DataFrame:
    """Headings with no passage under them: the next passage is a heading of the same or a higher level.

    Returns ``line``, ``level``, ``heading`` (its cleaned text) and ``section``, in line order.
    """
    levels = raw.set_index("line")["level"]
    ordered = passages.sort_values("line")
    lines = ordered["line"].tolist()
    is_heading = (ordered["kind"] == "heading").tolist()
    rows = []
    for position, (line, heading) in enumerate(zip(lines, is_heading)):
        if not heading:
            continue
        level = int(levels[line])
        following = lines[position + 1] if position + 1 < len(lines) else None
        if following is None or (is_heading[position + 1] and int(levels[following]) <= level):
            row = ordered.iloc[position]
            rows.append({"line": int(line), "level": level, "heading": str(row["text"]),
                         "section": str(row["section"])})
    return pd.DataFrame(rows, columns=["line", "level", "heading", "section"])


def lost(raw: pd.DataFrame, passages: pd.DataFrame) -> pd.DataFrame:
    """What the snapshot lost or left half-converted: ``what``, ``count``, ``lines``, ``first_line``, ``last_line``.

    ``count`` counts occurrences (several ``[object Object]`` can share a line);
    ``lines`` counts the seed lines they are on.
    """
    empty = empty_headings(passages, raw)
    groups = {
        "references printed as [object Object]": raw[raw["objects"] > 0].assign(n=lambda f: f["objects"]),
        "image lines": raw[raw["kind"] == "image"].assign(n=1),
        "wiki links left as [[...]]": raw[raw["wiki_links"] > 0].assign(n=lambda f: f["wiki_links"]),
        "headings with nothing under them": empty.assign(n=1),
    }
    rows = [{"what": what, "count": int(rows["n"].sum()), "lines": len(rows),
             "first_line": int(rows["line"].min()), "last_line": int(rows["line"].max())}
            for what, rows in groups.items() if len(rows)]
    return pd.DataFrame(rows, columns=["what", "count", "lines", "first_line", "last_line"])


def written(text: str) -> str:
    """``digits`` if the number's text holds a digit ("1,149", "$1.7 million"), else ``words``."""
    return "digits" if any(ch.isdigit() for ch in text) else "words"


def form(low, high, vague: bool, text: str) -> str:
    """How the text states a quantity: exact, approximate, range, lower bound, upper bound or vague word."""
    if text.strip().lower() in VAGUE_WORDS:
        return "vague word"
    if low is None:
        return "upper bound"
    if high is None:
        return "lower bound"
    if low != high:
        return "range"
    return "approximate" if vague else "exact"


def reading(text: str, start: int) -> str:
    """How an "X to Y" at ``text[start:]`` reads: ``range of values``, ``change over time`` or ``vote tally``.

    "voted in favour (397 to 223)" is a tally; "increased ... from 450 to 500" a
    change; anything else ("between 70 and 80", "ranging from 1,000 to 5,000") a range.
    Only the words before the number, in its sentence, decide; the ends' order does not.
    """
    before = text[:start]
    if _TALLY.search(before):
        return "vote tally"
    if _CHANGE.search(before):
        return "change over time"
    return "range of values"


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    """The words around ``text[start:end]``, verbatim, cut at word boundaries."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    if start - width > 0 and " " in left:
        left = left[left.index(" ") + 1:]
    if end + width < len(text) and " " in right:
        right = right[:right.rindex(" ")]
    return (left + text[start:end] + right).strip()


QUANTITY_COLUMNS = ["line", "section", "subsection", "number", "low", "high", "vague", "written", "form", "context"]


def _found(passages: pd.DataFrame):
    """Every (passage, its text, quantity) that ``find_quantities`` finds, in line order."""
    for passage in passages.sort_values("line").itertuples(index=False):
        text = str(passage.text)
        for q in find_quantities(text):
            yield passage, text, q


def quantities(passages: pd.DataFrame) -> pd.DataFrame:
    """Every number ``warcourse.numbers.find_quantities`` finds in the passages' text, one row each.

    ``number`` is the text as written, ``low``/``high``/``vague`` its reading,
    ``written`` digits or words, ``form`` how it is stated and ``context`` the
    words around it (verbatim, usable as a quote).
    """
    rows = [{"line": int(passage.line), "section": passage.section, "subsection": passage.subsection,
             "number": q.text, "low": q.low, "high": q.high, "vague": q.vague, "written": written(q.text),
             "form": form(q.low, q.high, q.vague, q.text), "context": _context(text, q.start, q.end)}
            for passage, text, q in _found(passages)]
    frame = pd.DataFrame(rows, columns=QUANTITY_COLUMNS)
    for column in ("low", "high"):
        frame[column] = pd.to_numeric(frame[column]).astype("Float64")
    return frame.astype({"line": "Int64", "vague": "boolean"})


def range_readings(passages: pd.DataFrame) -> pd.Series:
    """What each range of ``quantities(passages)`` stands for (see ``reading``), indexed like its rows.

    Kept out of ``quantities`` on purpose: telling a range from a vote or a change is lesson 01's exercise.
    """
    readings = {index: reading(text, q.start) for index, (_, text, q) in enumerate(_found(passages))
                if form(q.low, q.high, q.vague, q.text) == "range"}
    return pd.Series(readings, name="reading", dtype="object")


def in_section(rows: pd.DataFrame, passages: pd.DataFrame, section: str) -> pd.DataFrame:
    """The rows (any frame with a seed ``line``) whose passage is in ``section``; all rows for ``"all"``."""
    if section == "all":
        return rows
    lines = passages.loc[passages["section"] == section, "line"]
    return rows[rows["line"].isin(lines)]


def per_part(passages: pd.DataFrame, found: pd.DataFrame, section: str = "all") -> pd.DataFrame:
    """Text passages and numbers per section (for ``"all"``) or per subsection of one section.

    Columns ``passages`` (headings not counted), ``numbers``, ``in_words``,
    ``ranges``, and ``first_line``/``last_line`` of the part (headings included);
    sorted by numbers, then passages, most first. Passages directly under a
    section heading count as ``SECTION_TEXT``.
    """
    by = "section" if section == "all" else "subsection"
    every = in_section(passages, passages, section)
    found = in_section(found, passages, section)
    if by == "subsection":
        every = every.assign(subsection=every["subsection"].fillna(SECTION_TEXT))
        found = found.assign(subsection=found["subsection"].fillna(SECTION_TEXT))
    text = every[every["kind"] != "heading"]
    table = pd.DataFrame(index=pd.Index(pd.unique(every[by]), name=by))
    table["passages"] = text.groupby(by).size()
    table["numbers"] = found.groupby(by).size()
    table["in_words"] = found[found["written"] == "words"].groupby(by).size()
    table["ranges"] = found[found["form"] == "range"].groupby(by).size()
    table = table.fillna(0).astype(int)
    table["first_line"] = every.groupby(by)["line"].min().astype(int)
    table["last_line"] = every.groupby(by)["line"].max().astype(int)
    return table.sort_values(["numbers", "passages"], ascending=False, kind="mergesort")


def dated_numbers(strike_counts: pd.DataFrame, deployments: pd.DataFrame,
                  casualty_claims: pd.DataFrame) -> pd.DataFrame:
    """The coded numbers of three tables with the year they refer to: ``table``, ``id``, ``year``, ``line``, ``quote``.

    The year is that of ``period_end`` (strike counts, casualty claims) or
    ``date`` (deployments); rows without a date are left out.
    """
    parts = [
        ("strike_counts", strike_counts, "record_id", "period_end"),
        ("deployments", deployments, "record_id", "date"),
        ("casualty_claims", casualty_claims, "claim_id", "period_end"),
    ]
    frames = [pd.DataFrame({"table": name, "id": frame[key], "year": frame[when].dt.year,
                            "line": frame["line"], "quote": frame["quote"]})
              for name, frame, key, when in parts]
    stacked = pd.concat(frames, ignore_index=True).dropna(subset=["year"])
    return stacked.astype({"year": "int64"}).sort_values(["year", "line", "table", "id"], ignore_index=True)


def told_twice(events: pd.DataFrame, passages: pd.DataFrame) -> pd.DataFrame:
    """Events the article tells more than once (ids ending ``_a``, ``_b``, ``_c``), one row per event.

    Columns ``event`` (the id without its suffix), ``tellings``, ``lines``
    (``"46; 329"``) and ``sections`` (the sections of those lines, in line order).
    """
    repeated = events[events["event_id"].str.contains(r"_[a-z]$", regex=True)].copy()
    repeated["event"] = repeated["event_id"].str.replace(r"_[a-z]$", "", regex=True)
    section = passages.set_index("line")["section"]
    rows = []
    for event, group in repeated.sort_values("line").groupby("event", sort=True):
        if len(group) < 2:
            continue
        lines = sorted(set(int(line) for line in group["line"]))
        rows.append({"event": event, "tellings": len(group), "lines": "; ".join(map(str, lines)),
                     "sections": "; ".join(dict.fromkeys(str(section[line]) for line in lines))})
    return pd.DataFrame(rows, columns=["event", "tellings", "lines", "sections"])


def recorded(told: pd.DataFrame, inconsistencies: pd.DataFrame, kind: str = "duplicate") -> pd.Series:
    """For each row of ``told_twice``, whether an inconsistency of ``kind`` names all its lines."""
    listed = [set(lines.split(";")) for lines in
              inconsistencies.loc[inconsistencies["kind"] == kind, "lines"].str.replace(" ", "")]
    return told["lines"].str.replace(" ", "").str.split(";").map(
        lambda lines: any(set(lines) <= named for named in listed)).astype(bool).rename("recorded")


def shorten(text: str, width: int = 160) -> str:
    """``text`` cut to at most ``width`` characters at a word boundary, with "…" when cut."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    return (cut[:cut.rindex(" ")] if " " in cut else cut) + "…"

