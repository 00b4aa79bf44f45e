"""How much of the article's numbers the tables cover: found, coded, deliberately left out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .build import Build, Evidence
from .numbers import Quantity, find_quantities

# Sections whose every number must be coded or listed in not_coded.yaml (section, subsection or None).
REQUIRED = (
    ("International coalitions against the Islamic State", None),
    ("Syria", "Multi-national airstrikes"),
    ("Syria", "Russian intervention"),
    ("Iraq", "U.S. airstrikes"),
    ("Iraq", "U.S. ground forces"),
    ("Iraq", "Australian airstrikes"),
    ("Iraq", "British airstrikes"),
    ("Iraq", "Canadian airstrikes"),
    ("Iraq", "Dutch airstrikes"),
    ("Iraq", "French airstrikes"),
    ("Iraq", "Jordanian airstrikes"),
    ("Iraq", "Moroccan airstrikes"),
    ("Libya", None),
    ("Casualties", None),
)


@dataclass(frozen=True)
class Occurrence:
    """One number in the article and what the tables do with it."""

    line: int
    section: str
    subsection: str
    quantity: Quantity
    status: str  # coded | excluded | uncoded


def _within(evidence: Evidence, text: str, q: Quantity) -> bool:
    """Whether the quantity lies inside the evidence's quote in the passage's text."""
    start = text.find(evidence.quote)
    return start >= 0 and start <= q.start and q.end <= start + len(evidence.quote)


def occurrences(result: Build) -> list[Occurrence]:
    """Every quantity in the article's paragraphs and list items, with its status."""
    by_line: dict[int, list[Evidence]] = {}
    for e in result.evidence:
        by_line.setdefault(e.line, []).append(e)
    excluded: dict[int, list[Evidence]] = {}
    for e in result.excluded:
        excluded.setdefault(e.line, []).append(e)
    out = []
    for p in result.article.passages:
        if p.kind not in ("paragraph", "list_item"):
            continue
        for q in find_quantities(p.text):
            if any(_within(e, p.text, q) and e.values & q.values for e in by_line.get(p.line, ())):
                status = "coded"
            elif any(_within(e, p.text, q) for e in excluded.get(p.line, ())):
                status = "excluded"
            else:
                status = "uncoded"
            out.append(Occurrence(p.line, p.section, p.subsection, q, status))
    return out


def is_required(o: Occurrence) -> bool:
    return any(o.section == s and (sub is None or o.subsection == sub) for s, sub in REQUIRED)


def report(result: Build) -> tuple[str, list[Occurrence]]:
    """A per-section table of found / coded / excluded numbers, and the uncoded ones in required sections."""
    found = occurrences(result)
    counts: dict[tuple[str, str], Counter] = {}
    for o in found:
        counts.setdefault((o.section, o.subsection), Counter())[o.status] += 1
    lines = [f"{'section':<66} {'found':>5} {'coded':>5} {'excl.':>5} {'left':>5}"]
    for (section, sub), c in counts.items():
        name = f"{section} / {sub}" if sub else section
        lines.append(f"{name[:66]:<66} {sum(c.values()):>5} {c['coded']:>5} {c['excluded']:>5} "
                     f"{c['uncoded']:>5}")
    missing = [o for o in found if o.status == "uncoded" and is_required(o)]
    total = Counter(o.status for o in found)
    lines.append(f"{'all sections':<66} {len(found):>5} {total['coded']:>5} {total['excluded']:>5} "
                 f"{total['uncoded']:>5}")
    for o in missing:
        lines.append(f"  not coded, not excluded: line {o.line}: {o.quantity.text!r}")
    return "\n".join(lines), missing
