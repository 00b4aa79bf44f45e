"""The capstone's figures: what the article dates in one theater, and its death claims by source.

Kept apart from ``warcourse.brief`` (the brief's prose) so that the brief and its
checker never load matplotlib.
"""

from __future__ import annotations

import pandas as pd

from . import plots, schema
from .brief import FROM_SOURCE, claim_text, in_words, largest
from .exercises.feedback import joined
from .theaters import COMBINED


def draw_events(ax, events: pd.DataFrame) -> list[str]:
    """One row per event type (in the codebook's order), a marker per event at its date.

    Hollow markers are events reported for Iraq and Syria together. Returns the row labels, top to bottom.
    """
    kinds = [k for k in schema.EVENT_TYPES if (events["event_type"] == k).any()]
    colors, marks = plots.colors(kinds), plots.markers(kinds)
    for y, kind in enumerate(reversed(kinds)):
        rows = events[events["event_type"] == kind]
        for both, face in ((False, colors[kind]), (True, "white")):
            part = rows[(rows["theater"] == COMBINED) == both]
            ax.plot(part["date"], [y] * len(part), linestyle="none", marker=marks[kind], markersize=6,
                    color=colors[kind], markerfacecolor=face, alpha=0.85)
        ax.annotate(f"{len(rows)}", (1.0, y), xycoords=("axes fraction", "data"), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=8, color="#444444")
    ax.annotate("events", (1.0, 1.0), xycoords="axes fraction", xytext=(4, 2), textcoords="offset points",
                va="bottom", fontsize=8, color="#444444")
    labels = [in_words(k) for k in kinds]
    ax.set_yticks(range(len(kinds)), list(reversed(labels)), fontsize=8)
    ax.set_ylim(-0.7, len(kinds) - 0.3)
    width, height = ax.figure.get_size_inches()
    ax.figure.set_size_inches(width, max(height, 1.6 + 0.3 * len(kinds)))
    plots.year_axis(ax)
    return labels


def describe_events(events: pd.DataFrame, theater: str) -> str:
    """Alt text for ``draw_events``."""
    counts = events["event_type"].astype("string").value_counts()
    top = counts[counts == counts.max()].sort_index()
    years = events["date"].dt.year.value_counts()
    busiest = years[years == years.max()].sort_index()
    both = int((events["theater"] == COMBINED).sum())
    return (f"Timeline of the {len(events)} events the article dates for {theater}"
            + (f" ({both} of them for {COMBINED} together, hollow markers)" if both else "")
            + f", from {events['date'].min():%B %Y} to {events['date'].max():%B %Y}, one row per event type"
            f" ({len(counts)} types). The most frequent type is {joined([in_words(k) for k in top.index])}"
            f" ({top.iloc[0]} events); the busiest year is {joined([str(y) for y in busiest.index])}"
            f" ({busiest.iloc[0]} events).")


def spans_decades(claims: pd.DataFrame) -> bool:
    """Whether the claims' numbers span a factor of ten or more (then a log scale reads best)."""
    values = pd.concat([claims["low"], claims["high"]]).dropna()
    return bool(len(values)) and values.max() >= 10 * values.min()


def describe_claims(rated: pd.DataFrame, theater: str, log: bool) -> str:
    """Alt text for the claims figure: ``rated`` comes from ``trust`` and has an ``until`` column."""
    sources = rated["source"].value_counts(sort=False)
    sources = sources[sources > 0]
    size = rated["low"].fillna(rated["high"]).astype("float64")
    top, low = largest(rated), rated.loc[size.sort_values(kind="mergesort").index[0]]
    return (f"{len(rated)} death claims for {theater} plotted at the end of the period they cover, from "
            f"{rated['until'].min():%B %Y} to {rated['until'].max():%B %Y}, on a {'logarithmic' if log else 'linear'} "
            "scale, marked by source: "
            + ", ".join(f"{n} {FROM_SOURCE[source]}" for source, n in sources.items())
            + f". They run from {claim_text(low)} to {claim_text(top)}; arrows mark claims that give only a lower or an"
            " upper bound.")
