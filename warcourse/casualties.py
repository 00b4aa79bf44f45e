"""Casualty claims (lesson 04): honest bounds, comparable scopes, periods, rates, and figures of claims.

A claim's ``low`` and ``high`` are bounds, either of which may be missing
("at least 1,291" has no upper bound). Nothing here fills a missing bound:
a ratio or a rate built from bounds is itself a pair of bounds.
"""

from __future__ import annotations

import re

import pandas as pd

from . import dates, plots
from .lesson_setup import require

VICTIM_CATEGORIES = ("all", "isil_fighters", "civilians")
OFFICIAL = ("government", "military")
INDEPENDENT = ("ngo",)
SCOPE = ("victim_category", "place", "first_month", "last_month")
CLAIMANT_WORDS = {  # claimant_type codes as legends and sentences show them
    "government": "government", "military": "military", "ngo": "NGO or independent monitor",
    "media": "news media", "intergovernmental": "intergovernmental body", "armed_group": "armed group",
    "unattributed": "unattributed (no claimant named)",
}
VICTIM_WORDS = {  # victim_category codes in words
    "all": "all victims", "isil_fighters": "ISIL fighters", "civilians": "civilians",
    "coalition_personnel": "coalition personnel", "other_militants": "other militants",
    "local_forces": "local forces", "unspecified": "people (the article does not say who)",
}


def in_words(code, vocabulary: dict) -> str:
    """A code as readers see it ("armed_group" -> "armed group"); unknown codes lose their underscores."""
    return vocabulary.get(str(code), str(code).replace("_", " "))


def focus(claims: pd.DataFrame, victim_category: str) -> pd.DataFrame:
    """The claims about one victim category (all of them for ``"all"``)."""
    require("victim_category", victim_category, VICTIM_CATEGORIES)
    if victim_category == "all":
        return claims.copy()
    return claims[claims["victim_category"] == victim_category].copy()


def _missing(value) -> bool:
    return value is None or bool(pd.isna(value))


def bound_kind(low, high) -> str:
    """``exact``, ``range``, ``lower bound`` (no high), ``upper bound`` (no low) or ``none``."""
    if _missing(low) and _missing(high):
        return "none"
    if _missing(high):
        return "lower bound"
    if _missing(low):
        return "upper bound"
    return "exact" if low == high else "range"


def describe_bounds(low, high, vague=False) -> str:
    """A claim's bounds in words: "between 815 and 1,149", "at least 6,000", "at most 36", "about 500"."""
    kind = bound_kind(low, high)
    about = "about " if not _missing(vague) and vague else ""
    if kind == "exact":
        return f"{about}{int(low):,}"
    if kind == "range":
        return f"{about}{int(low):,} to {int(high):,}" if about else f"between {int(low):,} and {int(high):,}"
    if kind == "lower bound":
        return f"at least {int(low):,}" + (" (vague)" if about else "")
    if kind == "upper bound":
        return f"at most {int(high):,}"
    return "no number"


def readings(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with two more columns: ``bounds`` (the kind of bound) and ``reading`` (the bounds in words)."""
    rows = list(zip(frame["low"], frame["high"], frame["vague"]))
    return frame.assign(bounds=[bound_kind(low, high) for low, high, _ in rows],
                        reading=[describe_bounds(low, high, vague) for low, high, vague in rows])


def bound_counts(frame: pd.DataFrame, by: str = "claimant_type") -> pd.DataFrame:
    """How many claims of each kind of bound (columns) each group has (rows, only the groups present)."""
    kinds = [bound_kind(low, high) for low, high in zip(frame["low"], frame["high"])]
    table = pd.crosstab(frame[by], pd.Series(kinds, index=frame.index, name="bounds"), dropna=False)
    table = table[table.sum(axis=1) > 0]
    order = ["exact", "range", "lower bound", "upper bound", "none"]
    return table.reindex(columns=order, fill_value=0).drop(columns="none")


def overlaps(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """Pairs of claims in ``frame`` that count some of the same deaths, by the table's links.

    A claim whose ``part_of`` is another row of ``frame`` (50 in Derna within 64 in Libya), and a claim
    that is the ``sum_of`` other rows (45,000 = 20,000 + 25,000), would count those deaths twice in a
    sum. Returns (claim, the claim it overlaps) pairs, empty when the rows can be added."""
    ids = set(frame["claim_id"])
    pairs = []
    for row in frame.itertuples():
        if not _missing(row.part_of) and row.part_of in ids:
            pairs.append((row.claim_id, str(row.part_of)))
        for part in ([] if _missing(row.sum_of) else str(row.sum_of).split(";")):
            if part in ids and (part, row.claim_id) not in pairs:
                pairs.append((row.claim_id, part))
    return pairs


def addable_low(frame: pd.DataFrame) -> int:
    """The sum of ``low`` over claims that may be added; refuses nested or summed claims (see ``overlaps``)."""
    pairs = overlaps(frame)
    if pairs:
        named = "; ".join(f"{a} and {b}" for a, b in pairs)
        raise ValueError(f"these claims count the same deaths and cannot be added: {named} "
                         "(part_of and sum_of in casualty_claims)")
    return int(frame["low"].sum())


def months(frame: pd.DataFrame) -> pd.DataFrame:
    """The first and last month each claim covers (a claim dated by its year covers January to December)."""
    yearly = frame["date_precision"] == "year"
    first = frame["period_start"].dt.to_period("M")
    last = frame["period_end"].dt.to_period("M")
    first = first.where(~yearly, frame["period_start"].dt.to_period("Y").dt.asfreq("M", "start"))
    last = last.where(~yearly, frame["period_end"].dt.to_period("Y").dt.asfreq("M", "end"))
    return pd.DataFrame({"first_month": first, "last_month": last}, index=frame.index)


def end_dates(frame: pd.DataFrame) -> pd.Series:
    """Where to place each claim on a time axis: the day its period ends, or the middle of that month or year."""
    middle = {"day": pd.Timedelta(0), "month": pd.Timedelta(days=14), "year": pd.Timedelta(days=181)}
    return pd.Series([end + middle[precision]
                      for end, precision in zip(frame["period_end"], frame["date_precision"])],
                     index=frame.index, name="until")


def periods(frame: pd.DataFrame) -> pd.Series:
    """Each row's period in words (``dates.period``, short month names)."""
    return pd.Series([dates.period(*row, short=True) for row in zip(frame["period_start"], frame["period_end"],
                                                        frame["date_precision"])],
                     index=frame.index, name="period", dtype="str")


def scope(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns that decide whether two claims are comparable: victims, place, first and last month."""
    return pd.concat([frame[["victim_category", "place"]], months(frame)], axis=1)


def scope_differences(a: pd.Series, b: pd.Series) -> list[str]:
    """What keeps two claims (table rows) from being comparable, in words; empty when they are comparable.

    Two claims are comparable when they count the same victims in the same place over the same months.
    Who made the claim may differ: comparing claimants is the point. ``attributed_to`` is free text
    ("Coalition" and "US-led coalition" name the same actor), so read it rather than match it.
    """
    pair = pd.DataFrame([a, b])
    both = scope(pair.assign(period_start=pd.to_datetime(pair["period_start"]),
                             period_end=pd.to_datetime(pair["period_end"])))
    names = {"victim_category": "victims", "place": "place", "first_month": "first month",
             "last_month": "last month"}
    return [f"{names[column]}: {both[column].iloc[0]} vs {both[column].iloc[1]}"
            for column in SCOPE if str(both[column].iloc[0]) != str(both[column].iloc[1])]


def comparable(a: pd.Series, b: pd.Series) -> bool:
    """Whether two claims count the same victims in the same place over the same months."""
    return not scope_differences(a, b)


def running_totals(frame: pd.DataFrame, start) -> pd.DataFrame:
    """The claims that count from the month of ``start`` (a campaign's first day): running totals."""
    first = pd.Timestamp(start).to_period("M")
    return frame[months(frame)["first_month"] == first]


def ratio_bounds(numerator: tuple, denominator: tuple) -> tuple:
    """Bounds of ``numerator / denominator`` for two non-negative (low, high) pairs; None where unbounded.

    The smallest ratio is the smallest numerator over the largest denominator, and the other way round:
    ``ratio_bounds((1600, None), (1291, None))`` is ``(None, None)``: two lower bounds bound no ratio.
    """
    (num_low, num_high), (den_low, den_high) = numerator, denominator
    low = None if _missing(num_low) or _missing(den_high) else num_low / den_high
    high = None if _missing(num_high) or _missing(den_low) or den_low == 0 else num_high / den_low
    return low, high


def sentences_with(passages: pd.DataFrame, words) -> pd.DataFrame:
    """The sentences of ``passages`` (the passages table) that contain one of ``words`` (any case), with their line.

    A sentence ends at ".", "!" or "?" before a capital letter, so "U.S. troops" stays in one piece.
    """
    pattern = "|".join(words)
    rows = [(line, sentence) for line, text in zip(passages["line"], passages["text"])
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text) if re.search(pattern, sentence, re.IGNORECASE)]
    return pd.DataFrame(rows, columns=["line", "sentence"])


def days_covered(start, end) -> int:
    """Days from ``start`` to ``end``, counting both (5 to 7 February is 3 days)."""
    return (pd.Timestamp(end) - pd.Timestamp(start)).days + 1


def months_between(start, end) -> int:
    """Whole calendar months from the month of ``start`` to the month of ``end``."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    return (end.year - start.year) * 12 + end.month - start.month


def draw_claims(ax, frame: pd.DataFrame, *, x: str, by: str, keys=None, labels=None, log: bool = True) -> list:
    """Draw each row as its honest interval at date ``frame[x]``, coloured and marked by ``frame[by]``.

    An exact number is a marker; a range is a line between two markers; a lower bound is a marker with an
    arrow up, an upper bound a marker with an arrow down; vague numbers have hollow markers.
    Returns legend handles for the groups drawn, labelled by ``labels`` (code -> words); a group whose
    points are all vague gets a hollow marker in the legend too.
    """
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, NullFormatter

    keys = list(keys if keys is not None else pd.unique(frame[by]))
    colors, marks = plots.colors(keys), plots.markers(keys)
    drawn, solid = [], set()
    for row in frame.itertuples(index=False):
        key = getattr(row, by)
        color, marker = colors[key], marks[key]
        hollow = not _missing(row.vague) and bool(row.vague)
        face = "white" if hollow else color
        if not hollow:
            solid.add(key)
        style = dict(marker=marker, color=color, markerfacecolor=face, markeredgecolor=color, markersize=6,
                     linestyle="none", zorder=3)
        when, kind = getattr(row, x), bound_kind(row.low, row.high)
        values = [v for v in (row.low, row.high) if not _missing(v)]
        if kind == "range":
            ax.plot([when, when], values, color=color, linewidth=1.5, zorder=2)
        ax.plot([when] * len(set(values)), sorted(set(values)), **style)
        if kind in ("lower bound", "upper bound"):
            rise = 16 if kind == "lower bound" else -16
            ax.annotate("", xy=(when, values[0]), xytext=(0, rise), textcoords="offset points",
                        arrowprops=dict(arrowstyle="<|-", color=color, linewidth=1.2, shrinkB=4), zorder=2)
        if key not in drawn:
            drawn.append(key)
    if log:
        ax.set_yscale("log")
        ax.yaxis.set_minor_formatter(NullFormatter())
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:,.0f}"))
    _date_axis(ax)
    labels = labels or {}
    return [Line2D([], [], marker=marks[key], color=colors[key], linestyle="none",
                   markerfacecolor=colors[key] if key in solid else "white", label=labels.get(key, str(key)))
            for key in keys if key in drawn]


def _date_axis(ax) -> None:
    """Year ticks for spans over three years, otherwise months labelled concisely (with the year)."""
    start, end = ax.get_xlim()
    if end - start > 3 * 365:
        plots.year_axis(ax)
    else:
        plots.concise_date_axis(ax)


def bound_handles() -> list:
    """Legend entries explaining the glyphs of ``draw_claims``."""
    from matplotlib.lines import Line2D

    grey = plots.GREY
    return [Line2D([], [], marker="o", color=grey, linestyle="none", label="exact"),
            Line2D([], [], marker="o", color=grey, markerfacecolor="white", linestyle="none",
                   label="vague (about, hundreds)"),
            Line2D([], [], marker="$\u2195$", color=grey, linestyle="none", markersize=9, label="range low–high"),
            Line2D([], [], marker="$\u2191$", color=grey, linestyle="none", markersize=9, label="at least"),
            Line2D([], [], marker="$\u2193$", color=grey, linestyle="none", markersize=9, label="at most")]


def legends(ax, handles: list, title: str) -> None:
    """Two legends right of the plot: the groups drawn (top) and the glyphs of ``draw_claims`` (bottom)."""
    ax.add_artist(ax.legend(handles=handles, title=title, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                            fontsize=8, title_fontsize=8))
    ax.legend(handles=bound_handles(), loc="lower left", bbox_to_anchor=(1.0, 0.0), fontsize=8)


def label_points(ax, frame: pd.DataFrame, *, x: str, text: str) -> None:
    """Write ``frame[text]`` left of each claim drawn by ``draw_claims`` (at its low, else its high)."""
    for when, low, high, label in zip(frame[x], frame["low"], frame["high"], frame[text]):
        ax.annotate(label, (when, high if _missing(low) else low), xytext=(-7, 0), textcoords="offset points",
                    fontsize=7, ha="right", va="center")
