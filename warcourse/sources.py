"""'Where this comes from': the seed lines and quotes behind the numbers a lesson shows."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Sources:
    """A list of (line, quote) pairs that prints as plain text and as HTML."""

    items: tuple[tuple[int, str], ...]

    def __str__(self) -> str:
        lines = ["Where this comes from:"]
        lines += [f"  line {line}: “{quote}”" for line, quote in self.items]
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        items = "".join(f"<li>line {line}: <q>{html.escape(quote)}</q></li>" for line, quote in self.items)
        return (f'<div class="warcourse-sources tex2jax_ignore mathjax_ignore"><strong>Where this comes from:</strong>'
                f"<ul>{items}</ul></div>")  # "$1.7 million to $5.1 million" stays text, not maths


def where_from(rows: pd.DataFrame | pd.Series, quote: str = "quote") -> Sources:
    """The distinct seed lines and quotes of some table rows, in line order."""
    frame = rows.to_frame().T if isinstance(rows, pd.Series) else rows
    pairs = frame[["line", quote]].drop_duplicates().sort_values("line")
    return Sources(tuple((int(line), str(text)) for line, text in pairs.itertuples(index=False)))
