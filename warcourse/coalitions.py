"""Coalition membership as sets: resolve, count, compare and draw the article's member lists.

A ``coalitions`` row is one of three ``KINDS``: a ``coalition`` (countries agree to act
together), a ``meeting`` (a conference or gathering: its list says who was represented)
or an ``operation`` (who took part in a military or humanitarian action).

In ``coalition_members`` a row's ``basis`` says how the article includes the
country: ``named`` and ``by_reference`` rows are members, ``excluded`` rows
record an "except ..." and are not. Every function here starts from those rows
(and the ``coalitions``, ``involvement`` and ``passages`` tables), so each
result can be traced back to its seed lines.

For example::

    members = data.coalition_members()
    members_of(members, "wales_2014")          # a set of country names
    overlaps(members, ["wales_2014", "paris_2014"])
"""

from __future__ import annotations

import pandas as pd

from . import plots
from .regions import regions

# The coalitions lesson 02 can focus on (its `coalition` parameter); the first is the default.
FOCUS = ("brussels_2014", "wales_2014", "paris_2014", "bpc_2015", "russia_iraq_iran_syria_2015",
         "muslim_states_2015")
LAST_YEAR = 2015  # lesson 02 looks at the coalitions formed up to the end of this year
MEMBER = ("named", "by_reference")  # the bases that make a country a member
KINDS = {  # the values of coalitions.kind, and what a country in such a list has done
    "coalition": "agreed to act together",
    "meeting": "was represented at a conference or gathering",
    "operation": "took part in a military or humanitarian action",
}
LABELS = {  # short names for figures and lists
    "wales_2014": "Wales", "paris_2014": "Paris", "cjtf_oir": "CJTF-OIR", "brussels_2014": "Brussels",
    "bpc_2015": "BPC program", "russia_iraq_iran_syria_2015": "Russia-Iraq-Iran-Syria centre",
    "muslim_states_2015": "Muslim states", "syria_airstrikes_2014": "First strikes in Syria",
    "sinjar_humanitarian_2014": "Sinjar airdrops", "libya_forces_2016": "Special forces in Libya",
    "raqqa_2017": "Raqqa air campaign",
}


def label(coalition_id: str, kinds=None) -> str:
    """The short name of a coalition (its id when it has none), with its kind from ``kinds`` if given."""
    name = LABELS.get(coalition_id, coalition_id)
    return f"{name} ({kinds[coalition_id]})" if kinds is not None else name


def member_rows(members: pd.DataFrame, coalition_ids=None) -> pd.DataFrame:
    """The rows that make a country a member (not ``excluded``), optionally of some coalitions only."""
    keep = members["basis"].isin(MEMBER)
    if coalition_ids is not None:
        keep &= members["coalition_id"].isin(list(coalition_ids))
    return members[keep]


def members_of(members: pd.DataFrame, coalition_id: str, basis=MEMBER) -> set[str]:
    """The countries of one coalition whose ``basis`` is in ``basis`` (by default: its members)."""
    rows = members[(members["coalition_id"] == coalition_id) & members["basis"].isin(list(basis))]
    return set(rows["country"])


def in_period(coalitions: pd.DataFrame, last_year: int = LAST_YEAR) -> pd.DataFrame:
    """The coalitions formed up to the end of ``last_year``, in date order (article order on ties)."""
    chosen = coalitions[coalitions["date"].dt.year <= last_year]
    return chosen.sort_values(["date", "line"], kind="mergesort").reset_index(drop=True)


def count_check(coalitions: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Per coalition: the total the article states, the countries it lists, and listed minus stated."""
    listed = member_rows(members).groupby("coalition_id").size()
    out = coalitions[["coalition_id", "kind", "date", "date_precision", "stated_members"]].copy()
    out["listed"] = out["coalition_id"].map(listed).fillna(0).astype("Int64")
    out["difference"] = out["listed"] - out["stated_members"]
    return out.rename(columns={"stated_members": "stated"}).reset_index(drop=True)


def kind_summary(coalitions: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Per kind (rows, in ``KINDS`` order): rows of ``coalitions``, those with a member list, member rows."""
    rows = member_rows(members, coalitions["coalition_id"]).merge(coalitions[["coalition_id", "kind"]],
                                                                  on="coalition_id")
    kind = coalitions["kind"].astype("str")
    out = pd.DataFrame({
        "entries": kind.value_counts(),
        "with_member_list": kind[coalitions["coalition_id"].isin(set(rows["coalition_id"]))].value_counts(),
        "member_rows": rows["kind"].astype("str").value_counts(),
    })
    return out.reindex(list(KINDS)).fillna(0).astype("int64").rename_axis("kind")


def first_appearances(coalitions: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Coalitions in date order with the countries each adds to all earlier lists, and the running total."""
    ordered = coalitions.sort_values(["date", "line"], kind="mergesort")[["coalition_id", "date"]]
    rows = member_rows(members).merge(ordered, on="coalition_id")
    rank = {cid: i for i, cid in enumerate(ordered["coalition_id"])}
    rows = rows.assign(order=rows["coalition_id"].map(rank)).sort_values(["order", "country"])
    new = rows.drop_duplicates("country").groupby("coalition_id").size()
    out = ordered.assign(new_countries=ordered["coalition_id"].map(new).fillna(0).astype("Int64"))
    out["countries_so_far"] = out["new_countries"].cumsum()
    return out.reset_index(drop=True)


def membership_matrix(members: pd.DataFrame, coalition_ids) -> pd.DataFrame:
    """Countries x coalitions (columns in the given order): each cell is the row's ``basis`` or ""."""
    ids = list(coalition_ids)
    rows = members[members["coalition_id"].isin(ids)]
    matrix = rows.pivot(index="country", columns="coalition_id", values="basis").astype("object")
    return matrix.reindex(columns=ids).fillna("").rename_axis(index="country", columns=None)


def by_region(matrix: pd.DataFrame, countries: pd.DataFrame) -> pd.DataFrame:
    """The matrix with ``continent`` and ``region`` columns in front, grouped by them.

    Within a region, countries in more coalitions come first, then by name.
    ``countries`` supplies each country's ISO code (the ``countries`` table).
    """
    iso3 = countries.set_index("country")["iso3"].reindex(matrix.index)
    places = regions(iso3).set_index(matrix.index)[["continent", "region"]]
    joined = matrix.isin(MEMBER).sum(axis=1).rename("joined")
    out = pd.concat([places, joined, matrix], axis=1).reset_index()
    out = out.sort_values(["continent", "region", "joined", "country"], ascending=[True, True, False, True],
                          kind="mergesort")
    return out.drop(columns="joined").set_index("country")


def overlaps(members: pd.DataFrame, coalition_ids) -> pd.DataFrame:
    """How many countries each pair of coalitions shares (the diagonal is each list's size)."""
    ids = list(coalition_ids)
    rows = member_rows(members, ids)
    table = pd.crosstab(rows["country"], rows["coalition_id"]).clip(upper=1).reindex(columns=ids, fill_value=0)
    shared = table.T @ table
    return shared.rename_axis(index=None, columns=None)


def region_counts(members: pd.DataFrame, coalition_ids, by: str = "continent") -> pd.DataFrame:
    """Members of each coalition (columns, in the given order) per ``continent`` or ``region`` (rows)."""
    ids = list(coalition_ids)
    rows = member_rows(members, ids)
    placed = rows.assign(**{by: regions(rows["iso3"])[by].to_numpy()})
    counts = pd.crosstab(placed[by], placed["coalition_id"]).reindex(columns=ids, fill_value=0)
    return counts.rename_axis(index=by, columns=None)


def theater_comparison(involvement: pd.DataFrame, countries: set[str]) -> pd.DataFrame:
    """Per theater: countries involved, how many of them are in ``countries`` and how many are not."""
    involved = involvement[involvement["involved"]]
    inside = involved["country"].isin(set(countries))
    out = pd.DataFrame({
        "involved": involved.groupby("theater", observed=False).size(),
        "in_coalition": involved[inside].groupby("theater", observed=False).size(),
        "not_in_coalition": involved[~inside].groupby("theater", observed=False).size(),
    })
    return out.astype("int64").rename_axis("theater")


def draw_timeline(axes, counts: pd.DataFrame, growth: pd.DataFrame, committed: pd.DataFrame) -> None:
    """Top: one row per entry at its date, its kind as the marker, with its listed (and stated) members.
    Bottom: the running total of distinct countries named in any list so far, and in a coalition's list.

    ``counts`` comes from ``count_check`` and ``growth`` from ``first_appearances`` (same entries, in
    date order); ``committed`` is ``first_appearances`` of the ``coalition`` rows only. Open markers
    are dates known only to the month.
    """
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    top, bottom = axes
    rows = counts.reset_index(drop=True)
    shapes = dict(zip(KINDS, ("o", "s", "^")))
    for kind, marker in shapes.items():
        for precision, face in (("day", plots.PALETTE["blue"]), ("month", "white")):
            part = rows[(rows["kind"] == kind) & (rows["date_precision"] == precision)]
            top.scatter(part["date"], part.index, s=45, marker=marker, facecolor=face,
                        edgecolor=plots.PALETTE["blue"], linewidth=1.5, zorder=3)
    for i, row in rows.iterrows():
        text = "no member list" if row["listed"] == 0 else f"{row['listed']} listed"
        if pd.notna(row["stated"]) and row["stated"] != row["listed"]:
            text += f", {row['stated']} stated"
        top.annotate(text, (row["date"], i), xytext=(7, 0), textcoords="offset points", va="center", fontsize=8)
    top.set_yticks(list(rows.index), [label(c) for c in rows["coalition_id"]], fontsize=8)
    top.set_ylim(len(rows) - 0.5, -0.5)
    handles = [Line2D([], [], linestyle="", marker=marker, markerfacecolor=plots.PALETTE["blue"],
                      markeredgecolor=plots.PALETTE["blue"], label=kind) for kind, marker in shapes.items()]
    handles.append(Line2D([], [], linestyle="", marker="o", markerfacecolor="white",
                          markeredgecolor=plots.PALETTE["blue"], label="date known to the month"))
    top.legend(handles=handles, loc="upper right", fontsize=8)
    end = rows["date"].max()
    lines = ((growth, plots.PALETTE["orange"], "s", "-", "in any list"),
             (committed, plots.PALETTE["green"], "o", "--", "in a coalition's list"))
    for frame, color, marker, style, name in lines:
        dates = pd.concat([frame["date"], pd.Series([end])], ignore_index=True)
        totals = pd.concat([frame["countries_so_far"], frame["countries_so_far"].iloc[-1:]], ignore_index=True)
        bottom.step(dates, totals, where="post", color=color, linestyle=style, label=name)
        bottom.scatter(frame["date"], frame["countries_so_far"], s=20, marker=marker, color=color, zorder=3)
        bottom.annotate(f"{totals.iloc[-1]}", (end, totals.iloc[-1]), xytext=(4, 0),
                        textcoords="offset points", ha="left", va="center", fontsize=8, color=color)
    bottom.set_ylim(0, growth["countries_so_far"].max() * 1.15)
    bottom.legend(loc="upper left", fontsize=8)
    span = (rows["date"].min() - pd.Timedelta(days=20), rows["date"].max() + pd.Timedelta(days=75))
    for ax in axes:
        ax.set_xlim(*span)
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.tick_params(axis="x", labelsize=8)


def draw_matrix(ax, grouped: pd.DataFrame, focus: str, kinds=None) -> None:
    """A dot matrix: countries (rows, grouped by region) x coalitions (columns), focus column shaded.

    Filled dot: named; open dot: included by reference; cross: explicitly excluded.
    ``kinds`` (coalition_id -> kind) adds each column's kind to its label.
    """
    ids = [c for c in grouped.columns if c not in ("continent", "region")]
    y, ticks, labels, headers = 0, [], [], []
    for (continent, region), part in grouped.groupby(["continent", "region"], sort=False):
        headers.append((y, f"{region} ({continent})"))
        y += 1
        for country in part.index:
            ticks.append(y)
            labels.append(country)
            y += 1
    where = dict(zip(labels, ticks))
    ax.axvspan(ids.index(focus) - 0.5, ids.index(focus) + 0.5, color=plots.PALETTE["sky"], alpha=0.25, lw=0)
    for column in range(len(ids)):
        ax.axvline(column, color="#e4e4e4", linewidth=0.6, zorder=0)
    styles = {"named": dict(marker="o", facecolor=plots.PALETTE["blue"], edgecolor=plots.PALETTE["blue"]),
              "by_reference": dict(marker="o", facecolor="white", edgecolor=plots.PALETTE["blue"]),
              "excluded": dict(marker="x", color=plots.PALETTE["vermillion"])}
    names = {"named": "named in the passage", "by_reference": "included by reference",
             "excluded": "explicitly excluded"}
    for basis, style in styles.items():
        xs, ys = [], []
        for column, cid in enumerate(ids):
            for country in grouped.index[grouped[cid] == basis]:
                xs.append(column)
                ys.append(where[country])
        ax.scatter(xs, ys, s=16, linewidth=1, label=names[basis], **style)
    for row, text in headers:
        ax.axhline(row, color="#bbbbbb", linewidth=0.6)
        ax.text(-0.45, row, text, fontsize=7, fontweight="bold", ha="left", va="center",
                bbox=dict(facecolor="white", edgecolor="none", pad=0.5))
    ax.set_yticks(ticks, labels, fontsize=7)
    ax.set_xticks(range(len(ids)), [label(c, kinds) for c in ids], rotation=90, fontsize=8)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xlim(-0.5, len(ids) - 0.5)
    ax.set_ylim(y, -1)
    ax.grid(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=3, fontsize=8)


def draw_overlaps(ax, shared: pd.DataFrame, focus: str, kinds=None) -> None:
    """The ``overlaps`` table as a grid of numbers; the focus row and column outlined.

    Off the diagonal the shade grows with the count; the diagonal (each list's size) is bold on white.
    ``kinds`` (coalition_id -> kind) adds each list's kind to its label.
    """
    import matplotlib
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle

    ids = list(shared.columns)
    values = shared.to_numpy()
    off = values.copy()
    off[range(len(ids)), range(len(ids))] = 0
    norm = Normalize(vmin=0, vmax=max(int(off.max()), 1) * 1.3)
    shades = matplotlib.colormaps["Blues"](norm(off))
    shades[range(len(ids)), range(len(ids))] = (1, 1, 1, 1)
    ax.imshow(shades, aspect="auto")
    for i in range(len(ids)):
        for j in range(len(ids)):
            dark = i != j and norm(values[i, j]) > 0.6
            ax.text(j, i, str(values[i, j]), ha="center", va="center", fontsize=8,
                    fontweight="bold" if i == j else "normal", color="white" if dark else "black")
    k = ids.index(focus)
    for corner, width, height in (((k - 0.5, -0.5), 1, len(ids)), ((-0.5, k - 0.5), len(ids), 1)):
        ax.add_patch(Rectangle(corner, width, height, fill=False, edgecolor=plots.PALETTE["black"], linewidth=1.5))
    names = [label(c, kinds) for c in ids]
    ax.set_xticks(range(len(ids)), names, rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(len(ids)), names, fontsize=8)
    ax.grid(False)


def draw_theaters(ax, comparison: pd.DataFrame, name: str) -> None:
    """Horizontal stacked bars per theater: involved countries in the coalition, and the others."""
    theaters = list(comparison.index)
    y = range(len(theaters))
    inside, outside = comparison["in_coalition"], comparison["not_in_coalition"]
    ax.barh(y, inside, color=plots.PALETTE["blue"], label=f"in {name}")
    ax.barh(y, outside, left=inside, color="white", edgecolor=plots.GREY, hatch="///",
            label=f"not in {name}")
    for i, (a, b) in enumerate(zip(inside, outside)):
        ax.text(a + b + 0.4, i, f"{a} of {a + b}", va="center", fontsize=8)
    ax.set_yticks(list(y), theaters)
    ax.invert_yaxis()
    ax.set_xlim(0, comparison["involved"].max() * 1.2)
    ax.legend(loc="lower right", fontsize=8)
