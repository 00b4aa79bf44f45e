"""The seed article as data: front matter, passages with line provenance, the involvement table.

The seed is markdown with YAML front matter; each paragraph, list item and table
row is one line. Reading it checks that it is the published snapshot and says
where it is not.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from .errors import CourseError
from .files import utf8
from .paths import SEED, SEED_SHA256, TABLES, shown

PASSAGES_CSV = TABLES / "passages.csv"
RESTORE = "restore the published snapshot with `git checkout -- seeds/`"

OBJECT = "[object Object]"
_WIKI_LINK = re.compile(r"\[\[([^\]|]*)\|([^\]]*)\]\]")
_PLAIN_LINK = re.compile(r"\[\[([^\]|]*)\]\]")
_EMPHASIS = re.compile(r"\*{1,2}([^*\n]+?)\*{1,2}")
_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*$")
_LIST_ITEM = re.compile(r"^\s*\*\s+(.*)$")
_IMAGE_REMNANT = re.compile(r"^\d+x\d+px\|")
_FLAG = re.compile("[\U0001F1E6-\U0001F1FF]")
_SEPARATOR_CELL = re.compile(r"^-{3,}$")


@dataclass(frozen=True)
class Passage:
    """One line of the article body that carries content."""

    line: int
    section: str
    subsection: str
    kind: str
    text: str


@dataclass(frozen=True)
class Article:
    """The parsed seed: its front matter and its passages."""

    path: Path
    front_matter: dict
    passages: tuple[Passage, ...]
    path_on_disk: Path | None = None

    def passage(self, line: int) -> Passage:
        """The passage starting at a seed line."""
        for p in self.passages:
            if p.line == line:
                return p
        raise KeyError(line)


def clean(text: str) -> str:
    """Resolve wiki links (``[[a|b]]`` -> ``b``), drop emphasis markers and ``[object Object]``."""
    text = text.replace(OBJECT, "")
    text = _WIKI_LINK.sub(r"\2", text)
    text = _PLAIN_LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\1", text)
    return text.strip()


def read_lines(path: Path = SEED) -> list[str]:
    """The seed's lines, decoded strictly; a problem is reported with its file and line."""
    where = shown(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise CourseError(f"{where}: cannot read the seed ({exc.strerror})") from None
    if not raw.strip():
        raise CourseError(f"{where}: the file is empty; expected the article as markdown "
                          "with YAML front matter")
    text = utf8(raw, where, "; expected the seed as UTF-8 text")
    if text.startswith("\ufeff"):
        raise CourseError(f"{where}:1: starts with a byte-order mark (BOM), which the snapshot does "
                          f"not have; save it as UTF-8 without BOM, or {RESTORE}")
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        raise CourseError(f"{where}:{line}: has Windows (CRLF) line endings; the snapshot ends lines "
                          f"with LF only: convert it (dos2unix), or {RESTORE}")
    return text.split("\n")


def first_difference(passages: tuple[Passage, ...], reference: Path = PASSAGES_CSV) -> str:
    """Where parsed passages first differ from the committed passages table ('' if unknown)."""
    if not reference.exists():
        return ""
    try:
        with reference.open(encoding="utf-8", newline="") as handle:
            committed = [(int(r["line"]), r["text"]) for r in csv.DictReader(handle)]
    except (OSError, ValueError, KeyError, TypeError, csv.Error):
        return ""
    for (line, text), p in zip(committed, passages):
        if (line, text) != (p.line, p.text):
            return f"; first difference at line {min(line, p.line)}: expected {text[:60]!r}"
    if len(committed) != len(passages):
        return f"; {len(committed)} passages expected, {len(passages)} found (truncated?)"
    return ""


def check_snapshot(article: Article, expected: str = SEED_SHA256) -> None:
    """Fail unless the seed is byte-identical to the published snapshot, naming the first change."""
    digest = hashlib.sha256(Path(article.path_on_disk).read_bytes()).hexdigest()
    if digest != expected:
        where = first_difference(article.passages)
        raise CourseError(f"{article.path}: the seed has changed (sha256 {digest[:12]}…, expected "
                          f"{expected[:12]}…){where}; {RESTORE}")


def split_front_matter(lines: list[str], where: str) -> tuple[dict, int]:
    """Parse the YAML front matter; return it and the 0-based index of the first body line."""
    if not lines or lines[0].strip() != "---":
        raise CourseError(f"{where}:1: expected '---' opening the YAML front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise CourseError(f"{where}:1: the front matter opened here is never closed by '---'") from None
    try:
        meta = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise CourseError(f"{where}:{line}: front matter is not valid YAML "
                          f"({getattr(exc, 'problem', exc)})") from None
    if not isinstance(meta, dict) or "subject" not in meta:
        raise CourseError(f"{where}:2: front matter must be a mapping with a 'subject'")
    return meta, end + 1


def _classify(raw: str) -> tuple[str, str] | None:
    """(kind, cleaned text) of a body line, or None when the line carries no content."""
    stripped = raw.strip()
    if not stripped or stripped == OBJECT or stripped.startswith(("![", "[[File:")):
        return None
    if stripped.startswith("#"):
        return "heading", clean(_HEADING.match(stripped).group(2))
    if stripped.startswith("|"):
        cells = [clean(c) for c in stripped.strip("|").split("|")]
        if all(_SEPARATOR_CELL.match(c) for c in cells):
            return None
        return "table_row", " | ".join(cells).strip()
    item = _LIST_ITEM.match(raw)
    if item:
        text = clean(item.group(1))
        return None if _IMAGE_REMNANT.match(text) else ("list_item", text)
    return "paragraph", clean(stripped)


def parse(lines: list[str], where: str) -> Article:
    """Turn the seed's lines into front matter and passages."""
    meta, body = split_front_matter(lines, where)
    section, subsection = "Introduction", ""
    passages = []
    for index in range(body, len(lines)):
        classified = _classify(lines[index])
        if classified is None:
            continue
        kind, text = classified
        if kind == "heading":
            level = len(_HEADING.match(lines[index].strip()).group(1))
            if level <= 2:
                section, subsection = text, ""
            else:
                subsection = text
        passages.append(Passage(index + 1, section, subsection, kind, text))
    if not any(p.kind == "heading" for p in passages):
        raise CourseError(f"{where}: no section headings found; expected the article body "
                          "after the front matter")
    return Article(Path(where), meta, tuple(passages))


def load(path: Path = SEED, *, check: bool = True) -> Article:
    """Read and parse the seed; with ``check``, insist it is the published snapshot."""
    article = replace(parse(read_lines(path), shown(path)), path_on_disk=Path(path))
    if check:
        check_snapshot(article)
    return article


def involvement_rows(article: Article) -> list[dict]:
    """The 'Involvement by country' table as country x theater cells.

    A blank cell means the country was involved there (the snapshot lost the
    icon that stood in it); '—' means it was not.
    """
    rows = [p for p in article.passages
            if p.section == "Involvement by country" and p.kind == "table_row"]
    if not rows:
        raise CourseError(f"{article.path}: no 'Involvement by country' table found")
    header, *body = rows
    theaters = [cell.strip().removeprefix("In ").strip() for cell in header.text.split("|")[1:]]
    cells = []
    for row in body:
        country, *marks = [c.strip() for c in row.text.split("|")]
        if len(marks) != len(theaters):
            raise CourseError(f"{article.path}:{row.line}: expected {len(theaters)} theater cells "
                              f"after the country, found {len(marks)}")
        name = _FLAG.sub("", country).strip()
        for theater, mark in zip(theaters, marks):
            if mark not in ("", "—"):
                raise CourseError(f"{article.path}:{row.line}: cell for {theater} is {mark!r}; "
                                  "expected blank (involved) or '—' (not involved)")
            cells.append({"country": name, "theater": theater, "involved": mark == "",
                          "raw_cell": mark, "line": row.line})
    return cells
