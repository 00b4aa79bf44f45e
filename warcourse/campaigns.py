"""Counting an air campaign: what is counted, over which days, and when campaigns began and ended.

Every ``strike_counts`` row has a ``metric`` (airstrikes, sorties, missions,
targets, munitions, operations) and a ``count_type``: a ``single_event``, a
count for a ``period``, or a ``cumulative`` running total since a campaign
start. The functions here keep those apart. They write a count with the
article's qualifier and its days at their precision, turn a running total
into counts for the periods between its reports, test reported period counts
against it, pick one headline number per actor, theater, metric and target,
and put campaign starts and ends on a timeline. The ``draw_*`` helpers draw
on axes made by ``warcourse.plots.new``::

    counts = data.strike_counts()
    libya = running_total(counts, "United States", "Libya", "airstrikes")
    period_counts(libya)[["after", "until", "days", "in_period"]]
"""

from __future__ import annotations

import pandas as pd

from . import plots, schema, tracing
from .dates import at_precision, day, on, period
from .exercises.feedback import joined, plural
from .theaters import COMBINED, covers, in_theater, place

THEATERS = ("all", "Iraq", "Syria", "Libya", "Afghanistan")  # lesson 03's `theater` parameter
TOTALS = ("cumulative", "period")  # count types that sum up a campaign or a part of it
MILESTONES = ("campaign_start", "campaign_end", "withdrawal")
METRIC_COLORS = plots.colors(schema.STRIKE_METRICS)
METRIC_MARKERS = plots.markers(schema.STRIKE_METRICS)
COUNT_WORDS = {"cumulative": "running total", "period": "count for a period", "single_event": "single event"}
COUNT_PLURALS = {"cumulative": "running totals", "period": "counts for a period",
                 "single_event": "single events"}
ASSET_WORDS = {"stock": "present", "increment": "sent", "cap": "allowed at most",
               "planned": "announced, not yet sent"}
TARGET_WORDS = {"ISIL": "ISIL", "al-Qaeda": "al-Qaeda", "Taliban": "the Taliban", "several": "several groups",
                "unknown": "a target not stated"}
_TARGET_SHORT = {"al-Qaeda": "al-Qaeda", "Taliban": "Taliban", "several": "several groups",
                 "unknown": "target not stated"}  # chart rows: "US · Afghanistan · vs several groups"
_DAY = pd.Timedelta(days=1)


# --- numbers and dates as the article gives them -------------------------------------------------

def amount(row) -> str:
    """A count with the article's qualifier: "over 16,000", "nearly 44,000", "between 70 and 80", "240"
    (``tracing.bounded``, which the brief's tagged numbers use too)."""
    low, high = (None if pd.isna(row[bound]) else float(row[bound]) for bound in ("low", "high"))
    return tracing.bounded(low, high, bool(row["vague"]), str(row["quote"]))


def when(row) -> str:
    """The days a count covers, at their precision: "2015", "August 2016", "8 August 2014 – 30 September 2014"."""
    if row["count_type"] == "single_event":
        return at_precision(row["period_end"], row["date_precision"])
    return period(row["period_start"], row["period_end"], row["date_precision"])


def during(row) -> str:
    """The days a count covers as a phrase in a sentence: "by 19 December 2016" (a running total), "on 2 October
    2016" (one event), "over 8 August 2014 – 30 September 2014" or "in 2016" (a period)."""
    if row["count_type"] == "cumulative":
        return "by " + at_precision(row["period_end"], row["date_precision"])
    if row["count_type"] == "single_event":
        return on(row["period_end"], row["date_precision"])
    text = when(row)
    return text if text.startswith("until") else ("over " if " – " in text else "in ") + text


def dated(frame: pd.DataFrame) -> list[str]:
    """Each row's ``date`` in words at its ``date_precision`` ("December 2014", "8 August 2014")."""
    return [at_precision(when, precision) for when, precision in zip(frame["date"], frame["date_precision"])]


def readable(counts: pd.DataFrame) -> pd.DataFrame:
    """``counts`` with ``reported`` (the count as qualified in the quote) and ``when`` (its days, in words)."""
    rows = [row for _, row in counts.iterrows()]
    return counts.assign(reported=[amount(row) for row in rows], when=[when(row) for row in rows])


# --- inconsistencies -----------------------------------------------------------------------------

def explain(issues: pd.DataFrame, issue_id: str) -> str:
    """One row of ``inconsistencies`` (indexed by ``issue_id``) as a paragraph with its seed lines."""
    row = issues.loc[issue_id]
    lines = ", ".join(row["lines"].split(";"))
    return f"Inconsistency '{issue_id}' ({row['kind']}, article lines {lines}):\n{row['description']}"


# --- days ----------------------------------------------------------------------------------------

def last_day(dates: pd.Series, precision: pd.Series) -> pd.Series:
    """The last day a date of the given precision can mean: 2016-08 (month) -> 2016-08-31."""
    month = precision.astype("string") == "month"
    year = precision.astype("string") == "year"
    out = dates.copy()
    out[month] = dates[month] + pd.offsets.MonthEnd(0)
    out[year] = dates[year] + pd.offsets.YearEnd(0)
    return out


def with_days(counts: pd.DataFrame) -> pd.DataFrame:
    """``counts`` with ``start`` and ``end`` (first and last day counted) and ``days`` (both included)."""
    out = counts.copy()
    out["start"] = out["period_start"]
    out["end"] = last_day(out["period_end"], out["date_precision"])
    out["days"] = ((out["end"] - out["start"]).dt.days + 1).astype("Int64")
    return out


def daily_rates(counts: pd.DataFrame) -> pd.DataFrame:
    """Running totals and period counts with the average number per day over the days they cover."""
    rows = with_days(counts[counts["count_type"].isin(TOTALS) & counts["period_start"].notna()])
    rows["per_day"] = (rows["value"] / rows["days"]).astype("float64").round(1)
    return rows.sort_values(["per_day", "record_id"], ascending=[False, True]).reset_index(drop=True)


# --- running totals ------------------------------------------------------------------------------

def running_total(counts: pd.DataFrame, actor: str, theater: str, metric: str) -> pd.DataFrame:
    """One running total, in report order: by date, and on the same day the smaller total first."""
    rows = counts[(counts["actor"] == actor) & (counts["theater"] == theater)
                  & (counts["metric"] == metric) & (counts["count_type"] == "cumulative")]
    return rows.sort_values(["period_end", "value", "line"], kind="mergesort").reset_index(drop=True)


def period_counts(series: pd.DataFrame) -> pd.DataFrame:
    """The count between each report of a running total and the one before it.

    ``after`` is the last day already counted by the previous report (the day
    before the campaign start for the first one), ``until`` the day of this
    report, ``days`` the days in between and ``in_period`` the difference of
    the two totals. Two reports on the same day give a period of 0 days.
    """
    out = series.copy()
    out["after"] = out["period_end"].shift(1)
    out.loc[out.index[0], "after"] = out["period_start"].iloc[0] - _DAY
    out["until"] = out["period_end"]
    out["days"] = (out["until"] - out["after"]).dt.days.astype("Int64")
    out["in_period"] = out["value"].diff().fillna(out["value"]).astype("Int64")
    return out


def total_at(series: pd.DataFrame, day: pd.Timestamp) -> tuple[int, int | None]:
    """The lowest and highest running total at the end of ``day`` that the reports allow.

    Before the campaign start the total is 0; after the last report it has no
    upper bound (None). Of two reports on one day the larger is the day's total.
    """
    if day < series["period_start"].min():
        return 0, 0
    by_day = series.groupby("period_end")["value"].max()
    before, after = by_day[by_day.index <= day], by_day[by_day.index >= day]
    low = int(before.iloc[-1]) if len(before) else 0
    high = int(after.iloc[0]) if len(after) else None
    return low, high


def count_bounds(series: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> tuple[int, int | None]:
    """The lowest and highest count from ``start`` to ``end`` (both included) the running total allows."""
    end_low, end_high = total_at(series, end)
    start_low, start_high = total_at(series, start - _DAY)
    low = max(end_low - start_high, 0) if start_high is not None else 0
    high = end_high - start_low if end_high is not None else None
    return low, high


def reported_counts(counts: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """The period counts and single events of the same actor, theater and metric as a running total."""
    first = series.iloc[0]
    rows = counts[(counts["actor"] == first["actor"]) & (counts["theater"] == first["theater"])
                  & (counts["metric"] == first["metric"]) & (counts["count_type"] != "cumulative")]
    return with_days(rows).sort_values(["end", "start", "line"], kind="mergesort").reset_index(drop=True)


def reconcile(series: pd.DataFrame, reported: pd.DataFrame) -> pd.DataFrame:
    """Each reported count beside the range the running total allows for its days, and whether it fits.

    Only counts that end by the last report of the running total are tested.
    """
    rows = reported[reported["end"] <= series["period_end"].max()].copy()
    limits = [count_bounds(series, row.start, row.end) for row in rows.itertuples()]
    rows["lowest"] = pd.array([low for low, _ in limits], dtype="Int64")
    rows["highest"] = pd.array([high for _, high in limits], dtype="Int64")
    rows["fits"] = (rows["value"] >= rows["lowest"]) & (rows["value"] <= rows["highest"])
    return rows.reset_index(drop=True)


# --- contributions -------------------------------------------------------------------------------

def headlines(counts: pd.DataFrame) -> pd.DataFrame:
    """One number per actor, theater, metric and target: the one that best sums up a contribution.

    Counts against different targets (ISIL, al-Qaeda, "several") are never merged.

    The latest running total if there is one (the larger on a tie); otherwise
    the latest count for a period (the larger on a tie); otherwise the largest
    single event. The ``count_type`` column says which it is.
    """
    rank = {"cumulative": 0, "period": 1, "single_event": 2}
    rows = with_days(counts)
    rows["rank"] = rows["count_type"].astype("string").map(rank)
    rows["when"] = rows["end"].where(rows["count_type"] != "single_event", pd.Timestamp(0))
    rows = rows.sort_values(["rank", "when", "value", "line"], ascending=[True, False, False, True],
                            kind="mergesort")
    keys = ["actor", "theater", "metric", "target"]
    best = rows.drop_duplicates(keys).drop(columns=["rank", "when"])
    best["theater"] = best["theater"].astype("string")
    best["metric"] = pd.Categorical(best["metric"], categories=schema.STRIKE_METRICS)
    return best.sort_values(keys).reset_index(drop=True)


def set_aside(counts: pd.DataFrame, heads: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``counts`` that ``headlines`` left out although they cover the same days as the number it
    kept for their actor, theater, metric, target and count type (Canada's 10 storage facilities and 19
    vehicles beside its 80 fighting positions): parts that a reader may add, which the chart does not show."""
    keys = ["actor", "theater", "metric", "target", "count_type", "period_start", "period_end"]
    kept = heads[keys + ["record_id"]].astype({"theater": "string", "metric": "string"})
    rows = counts.astype({"theater": "string", "metric": "string"})
    same = rows.merge(kept, on=keys, suffixes=("", "_kept"))
    return counts.loc[counts["record_id"].isin(same.loc[same["record_id"] != same["record_id_kept"], "record_id"])]


def uncounted(counts: pd.DataFrame, events: pd.DataFrame, theater: str) -> pd.DataFrame:
    """Actors that began a campaign in the theater but have no strike count that covers it.

    One row per actor and campaign theater: its campaign start (see ``first_dates``).
    """
    starts = first_dates(in_theater(events, theater), "campaign_start")
    counted = counts[["actor", "theater"]].astype("string").drop_duplicates()
    keep = [not any(c.actor == s.actor and covers(c.theater, s.theater) for c in counted.itertuples())
            for s in starts.itertuples()]
    return starts[keep].reset_index(drop=True)


def aircraft_sent(deployments: pd.DataFrame, campaigns: pd.DataFrame) -> pd.DataFrame:
    """The aircraft (deployments other than personnel) of the given campaigns' actors in their theaters.

    A plan or an announcement (``count_type`` ``planned``) is not an aircraft sent, so it is left out."""
    planes = deployments[(deployments["asset"] != "personnel") & (deployments["count_type"] != "planned")]
    keep = [any(p.actor == c.actor and covers(p.theater, c.theater) for c in campaigns.itertuples())
            for p in planes.itertuples()]
    out = planes[keep].assign(meaning=lambda f: f["count_type"].astype("string").map(ASSET_WORDS))
    return out.sort_values(["actor", "date", "asset"]).reset_index(drop=True)


def without_counts(counts: pd.DataFrame, events: pd.DataFrame, deployments: pd.DataFrame,
                   countries: pd.DataFrame, theater: str) -> list[str]:
    """Countries that began a campaign or sent forces in the theater but have no strike count there."""
    sent = deployments[deployments["count_type"] != "planned"]  # a plan is not forces sent
    pool = set(uncounted(counts, events, theater)["actor"]) | set(in_theater(sent, theater)["actor"])
    counted = set(in_theater(counts, theater)["actor"])
    return sorted((pool & set(countries["country"])) - counted)


# --- campaigns over time -------------------------------------------------------------------------

def _most_precise(events: pd.DataFrame) -> pd.DataFrame:
    order = {"day": 0, "month": 1, "year": 2}
    ranked = events.assign(_rank=events["date_precision"].astype("string").map(order))
    ranked = ranked.sort_values(["_rank", "date", "line"], kind="mergesort")
    return ranked.drop(columns="_rank")


def first_dates(events: pd.DataFrame, event_type: str) -> pd.DataFrame:
    """One row per actor and theater: its ``event_type`` event with the most precise date, earliest first.

    An event the article tells twice (``_a``/``_b``) or at two precisions
    ("August 2014" and "8 August 2014") thus counts once.
    """
    rows = _most_precise(events[events["event_type"] == event_type])
    rows = rows.assign(theater=rows["theater"].astype("string"))
    rows = rows.drop_duplicates(["actor", "theater"])
    columns = ["actor", "theater", "date", "date_precision", "event_id", "summary", "certainty", "attributed_to",
               "line", "quote"]
    return rows.sort_values(["date", "actor"])[columns].reset_index(drop=True)


def _spread(events: pd.DataFrame) -> pd.DataFrame:
    """A campaign's events of one type told at several precisions in one month collapse to the most precise."""
    month = events["date"].dt.to_period("M").astype("string")
    rows = _most_precise(events.assign(_month=month))
    return rows.drop_duplicates(["actor", "campaign", "event_type", "_month"]).drop(columns="_month")


def campaign_events(events: pd.DataFrame, theater: str) -> pd.DataFrame:
    """Starts, ends, withdrawals and airstrikes of every campaign in the theater, one row per mark.

    A campaign is an actor with a start or an end in one theater; its marks
    include the events reported for Iraq and Syria together (an end "in Iraq
    and Syria" ends both campaigns). ``campaign`` names the campaign's theater.
    """
    chosen = in_theater(events, theater)
    chosen = chosen.assign(theater=chosen["theater"].astype("string"))
    campaigns = chosen[chosen["event_type"].isin(["campaign_start", "campaign_end"])
                       & (chosen["theater"] != COMBINED)][["actor", "theater"]].drop_duplicates()
    marks = []
    for campaign in campaigns.itertuples():
        theater = campaign.theater
        mine = chosen[(chosen["actor"] == campaign.actor)
                      & chosen["event_type"].isin(MILESTONES + ("airstrike",))
                      & chosen["theater"].map(lambda place, theater=theater: covers(place, theater))]
        marks.append(mine.assign(campaign=campaign.theater))
    rows = _spread(pd.concat(marks, ignore_index=True))
    return rows.sort_values(["campaign", "actor", "date", "line"], kind="mergesort").reset_index(drop=True)


def _dated(rows: pd.DataFrame, pick: str) -> tuple[pd.Timestamp, str]:
    """The earliest (``pick`` "min") or latest ("max") date of ``rows`` and that date in words ("" if none)."""
    if not len(rows):
        return pd.NaT, ""
    row = rows.loc[rows["date"].idxmin() if pick == "min" else rows["date"].idxmax()]
    return row["date"], at_precision(row["date"], row["date_precision"])


def campaign_spans(marks: pd.DataFrame) -> pd.DataFrame:
    """One row per campaign (actor and theater): first start, last end (if any) and last mark.

    ``started``, ``ended`` and ``last_event`` give those dates in words, at their precision.
    """
    rows = []
    for (campaign, actor), group in marks.groupby(["campaign", "actor"], sort=True):
        start, started = _dated(group[group["event_type"] == "campaign_start"], "min")
        end, ended = _dated(group[group["event_type"] == "campaign_end"], "max")
        last, last_event = _dated(group, "max")
        after = group["event_type"].eq("airstrike") & (group["date"] > end)  # nothing is after a missing end
        rows.append({"actor": actor, "theater": campaign, "start": start, "end": end, "last_mark": last,
                     "strikes_after_end": int(after.sum()), "started": started, "ended": ended,
                     "last_event": last_event})
    spans = pd.DataFrame(rows)
    return spans.sort_values(["theater", "start", "actor"], na_position="last").reset_index(drop=True)


def milestones(marks: pd.DataFrame, count: int = 5) -> pd.DataFrame:
    """Up to ``count`` starts, ends and withdrawals, each alone in its month, spread over the period."""
    rows = marks[marks["event_type"].isin(MILESTONES)].drop_duplicates("event_id")
    month = rows["date"].dt.to_period("M")
    rows = rows[~month.duplicated(keep=False)].sort_values("date").reset_index(drop=True)
    if len(rows) > count:
        rows = rows.iloc[[round(i * (len(rows) - 1) / (count - 1)) for i in range(count)]]
    return rows.reset_index(drop=True)


# --- figures -------------------------------------------------------------------------------------

def _row_label(actor: str, theater: str, one_theater: bool, target: str = "ISIL") -> str:
    against = "" if target == "ISIL" else f" · vs {_TARGET_SHORT[target]}"
    if theater == COMBINED:
        return f"{_short(actor)} · Iraq+Syria (combined){against}"
    return (actor if one_theater else f"{_short(actor)} · {theater}") + against


def _short(actor: str) -> str:
    return "US" if actor == "United States" else "UK" if actor == "United Kingdom" else actor


def _fit_height(ax, rows: int, per_row: float, extra: float) -> None:
    """Give a figure with one row per item enough height (at least the course's default)."""
    width, height = ax.figure.get_size_inches()
    ax.figure.set_size_inches(width, max(height, extra + per_row * rows))


def _log_axis(ax, low: int, high: int) -> None:
    """A log-scale x axis with whole-number labels and room for the value labels at both ends."""
    import matplotlib.ticker as mticker

    ax.set_xscale("log")
    ax.set_xlim(low / 2, max(high * 2.5, low * 20))
    ax.xaxis.set_major_locator(mticker.LogLocator(base=10, subs=(1, 2, 5) if high < 100 * low else (1,)))
    ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda value, _: f"{value:,g}"))
    ax.xaxis.set_minor_formatter(mticker.NullFormatter())


def _date_axis(ax) -> None:
    """Dates on x: three to seven ticks, labelled concisely (the campaigns' figures)."""
    plots.concise_date_axis(ax, minticks=3, maxticks=7)


LABEL_SIZE = 7  # points, the value labels of ``draw_contributions``
_PLACES = (((0, 6), "center"), ((0, -12), "center"), ((9, -3), "left"))  # above, below, then beside its marker


def _label_places(ax, values: pd.Series, texts: list[str], rows: list[str]) -> list[tuple[tuple[int, int], str]]:
    """Where each value label of one row goes, in order of value: above its marker unless it would run into
    the label already above a nearer marker, then below, then beside it (never into the next row).

    Widths are estimated from the number of characters; the axes' width from the figure's, less the
    longest row label (``rows``) and the axis title that layout will put on its left (a log x axis):
    close enough to keep labels of neighbouring markers apart."""
    import math

    from matplotlib import rcParams
    from matplotlib.font_manager import FontProperties

    low, high = (math.log10(limit) for limit in ax.get_xlim())
    tick, title = (FontProperties(size=rcParams[name]).get_size_in_points() for name in ("ytick.labelsize",
                                                                                         "axes.labelsize"))
    margin = 0.5 * tick * max(map(len, rows)) + 2.5 * title  # the row labels and the axis title
    span = ax.get_position().x1 * ax.figure.get_size_inches()[0] * 72 - margin - 10  # the axes' width in points
    placed: dict[int, list[tuple[float, float]]] = {}  # place -> the horizontal extents of its labels so far
    chosen = []
    for value, text in zip(values, texts):
        x = (math.log10(value) - low) / (high - low) * span
        width = 0.6 * LABEL_SIZE * len(text) + 3  # a little space between labels
        for index, ((dx, _), align) in enumerate(_PLACES):
            left = x + dx if align == "left" else x - width / 2
            if all(left >= right or left + width <= start for start, right in placed.get(index, [])):
                break
        placed.setdefault(index, []).append((left, left + width))
        chosen.append(_PLACES[index])
    return chosen


def draw_contributions(ax, heads: pd.DataFrame, one_theater: bool) -> list[str]:
    """One row per actor, theater and target, a marker per metric (shape and colour), labelled with its value.

    Filled markers are running totals, hollow ones counts for a period, small
    hollow ones single events; labels keep the article's qualifiers ("over 16,000").
    Returns the row labels, top to bottom.
    """
    labels = sorted({_row_label(h.actor, h.theater, one_theater, h.target) for h in heads.itertuples()})
    _fit_height(ax, len(labels), per_row=0.32, extra=2.2)
    rows = {label: len(labels) - 1 - i for i, label in enumerate(labels)}
    size = {"cumulative": 8, "period": 8, "single_event": 5}
    heads = readable(heads).assign(
        row_y=[rows[_row_label(h.actor, h.theater, one_theater, h.target)] for h in heads.itertuples()])
    _log_axis(ax, heads["value"].min(), heads["value"].max())
    for _, group in heads.sort_values(["row_y", "value"], kind="mergesort").groupby("row_y"):
        texts = [h.reported.replace("approximately", "about") for h in group.itertuples()]
        places = _label_places(ax, group["value"], texts, labels)
        for h, text, (offset, align) in zip(group.itertuples(), texts, places):
            color = METRIC_COLORS[h.metric]
            ax.plot([h.value], [h.row_y], linestyle="none", marker=METRIC_MARKERS[h.metric],
                    markersize=size[h.count_type], markeredgecolor=color, markeredgewidth=1.5,
                    markerfacecolor=color if h.count_type == "cumulative" else "white")
            ax.annotate(text, (h.value, h.row_y), xytext=offset, textcoords="offset points", ha=align,
                        va="baseline", fontsize=LABEL_SIZE, color="#333333")
    ax.set_yticks(list(rows.values()), list(rows.keys()))
    ax.set_ylim(-0.8, len(labels) - 0.2)
    for metric in schema.STRIKE_METRICS:
        if (heads["metric"] == metric).any():
            ax.plot([], [], linestyle="none", marker=METRIC_MARKERS[metric], markersize=7,
                    color=METRIC_COLORS[metric], label=metric)
    for count_type, face in (("cumulative", "#555555"), ("period", "white"), ("single_event", "white")):
        if (heads["count_type"] == count_type).any():
            ax.plot([], [], linestyle="none", marker="o", markersize=size[count_type], markerfacecolor=face,
                    markeredgecolor="#555555", label=COUNT_WORDS[count_type])
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=3, fontsize=8)
    return labels


def describe_contributions(heads: pd.DataFrame, theater: str) -> str:
    """Alt text for ``draw_contributions``."""
    heads = readable(heads)
    top = heads.sort_values(["value", "record_id"], ascending=[False, True]).iloc[0]
    low = heads.sort_values(["value", "record_id"]).iloc[0]
    metrics = ", ".join(m for m in schema.STRIKE_METRICS if (heads["metric"] == m).any())
    rows = len(heads[["actor", "theater", "target"]].drop_duplicates())
    others = heads.loc[heads["target"] != "ISIL", "target"].astype("string").map(TARGET_WORDS)
    words = sorted(set(others))
    against = f" Rows against {joined(words, 'or')} are kept apart from the counts against ISIL." if words else ""
    return (f"Dot chart with {plural(rows, 'row')}, one per actor, theater and target ({place(theater)}), and one"
            f" marker per metric on a log scale: {metrics}. Filled markers are running totals, hollow ones counts"
            f" for a period or single events. The values run from {low.reported} ({low.actor}, {low.metric}) to"
            f" {top.reported} ({top.actor}, {top.metric}, {COUNT_WORDS[top.count_type]}); markers of different"
            f" shapes count different things and cannot be ranked against each other.{against}")


def draw_running(top, bottom, periods: pd.DataFrame, end_day: pd.Timestamp | None) -> None:
    """Top: the running total as a rising line (dotted from zero at the campaign start). Bottom: each
    period between reports as a bar whose width is its days and height the strikes per day, so its
    area is the count (written on it); a period of zero days gets an arrow instead."""
    _fit_height(top, 2, per_row=0, extra=5.5)
    color = METRIC_COLORS["airstrikes"]
    top.plot([periods["after"].iloc[0], periods["until"].iloc[0]], [0, periods["value"].iloc[0]], color=color,
             linestyle=":")
    top.plot(periods["until"], periods["value"], marker="o", color=color)
    top.set_ylim(bottom=0)
    same_day = periods["until"].duplicated(keep="last")
    for row, first in zip(periods.itertuples(), same_day):
        top.annotate(f"{row.value:,}", (row.until, row.value), xytext=(6, -10) if first else (-4, 5),
                     textcoords="offset points", ha="left" if first else "right", fontsize=7)
    for row in periods.itertuples():
        middle = row.after + _DAY + pd.Timedelta(days=max(row.days, 1) / 2)
        if row.days == 0:
            bottom.annotate(f"+{row.in_period} the\nsame day", (row.until, 0), xytext=(0, 18),
                            textcoords="offset points", ha="center", fontsize=7,
                            arrowprops={"arrowstyle": "->", "color": "#444444"})
            continue
        rate = row.in_period / row.days
        bottom.bar(row.after + _DAY, rate, width=row.days, align="edge", color=color, alpha=0.35,
                   edgecolor=color, linewidth=1)
        bottom.annotate(f"{row.in_period:,}", (middle, rate), xytext=(0, 2), textcoords="offset points",
                        ha="center", fontsize=7)
    if end_day is not None:
        for ax in (top, bottom):
            ax.axvline(end_day, color="#444444", linestyle="--", linewidth=1)
        top.annotate("announced end", (end_day, periods["value"].max()), xytext=(4, -4),
                     textcoords="offset points", fontsize=7, color="#444444", va="top")
    _date_axis(bottom)


def describe_running(periods: pd.DataFrame, end_row: pd.Series | None) -> str:
    """Alt text for ``draw_running``."""
    first, last = periods.iloc[0], periods.iloc[-1]
    timed = periods[periods["days"] > 0]
    rates = timed["in_period"] / timed["days"]
    fast = timed.loc[rates.idxmax()]
    text = (f"Top: the running total of {first.actor} {first.metric} in {first.theater} rises from"
            f" {first.value:,} on {day(first.until)} to {last.value:,} on {day(last.until)}. Bottom: the"
            f" {len(periods)} periods between reports as bars of strikes per day; the fastest is"
            f" {plural(fast.in_period, 'strike')} in {plural(fast.days, 'day')} up to {day(fast.until, year=False)}.")
    if end_row is not None:
        text += (f" A dashed line marks the announced end on {day(end_row.period_end)}, at {end_row.value:,};"
                 f" the total still grows to {last.value:,} after it.")
    return text


KIND_STYLE = {  # timeline marks: marker, colour, size, legend text
    "campaign_start": ("o", plots.PALETTE["blue"], 7, "campaign start"),
    "campaign_end": ("s", plots.PALETTE["vermillion"], 7, "campaign end"),
    "withdrawal": ("v", plots.PALETTE["orange"], 7, "withdrawal"),
    "airstrike": ("|", "#333333", 9, "airstrike"),
}


def draw_timeline(ax, marks: pd.DataFrame, spans: pd.DataFrame, one_theater: bool) -> list[str]:
    """A row per campaign: a solid line from start to end, dotted to the last event when no end is reported."""
    labels = [_row_label(s.actor, s.theater, one_theater) for s in spans.itertuples()]
    _fit_height(ax, len(labels), per_row=0.26, extra=1.8)
    y = {(s.actor, s.theater): len(spans) - 1 - i for i, s in enumerate(spans.itertuples())}
    for s in spans.itertuples():
        row = y[(s.actor, s.theater)]
        start = s.start if pd.notna(s.start) else s.last_mark
        stop = s.end if pd.notna(s.end) else start
        ax.plot([start, stop], [row, row], color=plots.GREY, linewidth=2.5, solid_capstyle="butt")
        if s.last_mark > stop:
            ax.plot([stop, s.last_mark], [row, row], color=plots.GREY, linewidth=1.2, linestyle=":")
    for kind, (marker, color, size, text) in KIND_STYLE.items():
        chosen = marks[marks["event_type"] == kind]
        if len(chosen):
            ax.plot(chosen["date"], [y[(m.actor, m.campaign)] for m in chosen.itertuples()], linestyle="none",
                    marker=marker, color=color, markersize=size, label=text, zorder=3)
    ax.set_yticks(list(range(len(labels) - 1, -1, -1)), labels)
    ax.set_ylim(-0.7, len(labels) - 0.3)
    _date_axis(ax)
    ax.legend(loc="lower center", bbox_to_anchor=(0.45, 1.0), ncols=4, fontsize=8, handletextpad=0.3,
              columnspacing=1.0)
    return labels


def describe_timeline(spans: pd.DataFrame, theater: str) -> str:
    """Alt text for ``draw_timeline``."""
    started = spans.dropna(subset=["start"]).sort_values(["start", "actor"])
    first, last = started.iloc[0], started.iloc[-1]
    ended = spans.dropna(subset=["end"])
    text = (f"Timeline of {len(spans)} campaign{'s' if len(spans) > 1 else ''} in"
            f" {place(theater)}, one row per actor and theater: the first start is"
            f" {first.actor} in {first.theater} ({first.started})")
    if len(started) > 1:
        text += f", the last {last.actor} in {last.theater} ({last.started})"
    text += f". The article reports an end for {len(ended)} of them" if len(ended) else ". It reports no end"
    text += "; where it reports none, a dotted line runs to the last event it dates."
    for row in spans[spans["strikes_after_end"] > 0].itertuples():
        text += f" {row.actor} in {row.theater} has {plural(row.strikes_after_end, 'airstrike event')} after its end."
    return text


def mixing_place(theater: str) -> str:
    """What the mixing figures show: the theater, or for "all" and "Syria" the combined counts."""
    return f"{COMBINED} combined" if theater in ("all", "Syria") else place(theater)


def mixing_rows(counts: pd.DataFrame, theater: str) -> pd.DataFrame:
    """The totals the mixing figures draw: the theater's, or for "all" the combined Iraq and Syria ones."""
    rows = in_theater(counts, "Iraq" if theater == "all" else theater)
    if theater in ("all", "Syria"):
        rows = rows[rows["theater"] == COMBINED]
    rows = rows[rows["count_type"].isin(TOTALS) & rows["period_start"].notna()]
    return with_days(rows).sort_values(["end", "value", "line"], kind="mergesort").reset_index(drop=True)


def draw_wrong(ax, rows: pd.DataFrame) -> None:
    """The misleading chart: every running total and period count as one bar on one axis, in date order."""
    labels = [f"{_short(r.actor)}, {r.end:%b %Y}" for r in rows.itertuples()]
    ax.bar(range(len(rows)), rows["value"], color=plots.GREY)
    ax.set_xticks(range(len(rows)), labels, rotation=60, ha="right", rotation_mode="anchor", fontsize=7)
    ax.set_title("Wrong: every number drawn as 'strikes'", fontsize=10, loc="left")


def draw_right(ax, rows: pd.DataFrame) -> list[str]:
    """Each actor, metric and count type on its own row: running totals as connected points, period counts
    as bars spanning their days; values written (with the article's qualifiers), not compared by height."""
    rows = readable(rows)
    keys = rows[["metric", "count_type", "actor"]].astype("string").drop_duplicates()
    keys = keys.assign(_m=keys["metric"].map(schema.STRIKE_METRICS.index)).sort_values(
        ["_m", "count_type", "actor"]).drop(columns="_m")
    _fit_height(ax, len(keys), per_row=0.36, extra=5.4)
    labels = [f"{_short(k.actor)}: {k.metric}, {'running total' if k.count_type == 'cumulative' else 'period'}"
              for k in keys.itertuples()]
    close = (rows["end"].max() - rows["start"].min()) * 0.06  # labels nearer than this alternate up and down
    for i, key in enumerate(keys.itertuples()):
        y = len(keys) - 1 - i
        mine = rows[(rows["metric"] == key.metric) & (rows["count_type"] == key.count_type)
                    & (rows["actor"] == key.actor)]
        color, marker = METRIC_COLORS[key.metric], METRIC_MARKERS[key.metric]
        if key.count_type == "cumulative":
            ax.plot([mine["start"].min(), mine["end"].min()], [y, y], color=color, linewidth=1, linestyle=":")
            ax.plot(mine["end"], [y] * len(mine), color=color, marker=marker, linewidth=1)
        below, previous = False, None
        for end, same in mine.groupby("end", sort=True):
            if key.count_type == "period":
                for r in same.itertuples():
                    ax.plot([r.start, r.end], [y, y], color=color, linewidth=4, alpha=0.5,
                            solid_capstyle="butt")
            below = previous is not None and end - previous < close and not below
            previous = end
            ax.annotate(" / ".join(same["reported"]), (end, y), xytext=(0, -10 if below else 4),
                        textcoords="offset points", ha="center", fontsize=7)
    ax.set_yticks(list(range(len(labels) - 1, -1, -1)), labels, fontsize=8)
    ax.set_ylim(-0.8, len(labels) - 0.2)
    ax.set_title("Corrected: each kind of number on its own row", fontsize=10, loc="left")
    _date_axis(ax)
    return labels


def describe_mixing(rows: pd.DataFrame, theater: str) -> str:
    """Alt text for the wrong and the corrected chart."""
    rows = readable(rows)
    top = rows.sort_values(["value", "record_id"], ascending=[False, True]).iloc[0]
    last = rows.iloc[-1]
    metrics = ", ".join(m for m in schema.STRIKE_METRICS if (rows["metric"] == m).any())
    kinds = " and ".join(COUNT_PLURALS[c] for c in TOTALS if (rows["count_type"] == c).any())
    return (f"Two charts of the same {len(rows)} numbers for {mixing_place(theater)}. Top, wrong: grey bars on"
            f" one axis labelled strikes, in date order; the tallest is {top.reported} ({top.actor}, {top.metric}) and"
            f" the last {last.reported} ({last.actor}, {last.metric}), so the bars seem to rise and fall, but"
            f" they mix {metrics} and {kinds}. Bottom, corrected: each actor, metric and count type on its own"
            " row along a date axis, running totals as connected points (dotted back to the day they count"
            " from) and period counts as bars spanning their days, with every value written next to it.")
