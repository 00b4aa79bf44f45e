"""Lesson 00's questions: canonical answers in plain pandas, other right forms, typical mistakes."""

from __future__ import annotations

import pandas as pd

from banks.harness import case

ORDER_EVENTS = ["russia_syria_campaign_start_b", "us_libya_campaign_start", "us_iraq_campaign_start_c"]


def _section_sizes(t):
    return t.passages.groupby("section").size().sort_values(ascending=False, kind="mergesort")


@case("start_here.sections",
      mistakes=lambda t: [(name, "another has more passages") for name in _section_sizes(t).index[1:4]])
def _(t):
    return _section_sizes(t).index[0]


def _syria(t):
    inv = t.involvement
    return inv[inv["theater"] == "Syria"]


@case("start_here.syria",
      mistakes=lambda t: [(len(_syria(t)), "dashes too"), (int((~_syria(t)["involved"]).sum()), "not involved"),
                          (int(t.involvement["involved"].sum()), "every theater")])
def _(t):
    return int(_syria(t)["involved"].sum())


def _wales(t):
    members = t.coalition_members
    rows = members[(members["coalition_id"] == "wales_2014") & (members["basis"] != "excluded")]
    return sorted(set(rows["country"]))


def _paris_only(t):
    members = t.coalition_members
    paris = set(members.loc[(members["coalition_id"] == "paris_2014") & (members["basis"] == "named"), "country"])
    return sorted(paris - set(_wales(t)))


@case("start_here.wales",
      mistakes=lambda t: [(_wales(t)[:-1], "missing"), (_wales(t) + _paris_only(t)[:1], "too many"),
                          (_wales(t)[1:] + _paris_only(t)[:1], "missing")],
      forms=lambda t: [["UK" if c == "United Kingdom" else "USA" if c == "United States" else c for c in _wales(t)]])
def _(t):
    return _wales(t)


def _order(t):
    events = t.events.set_index("event_id")
    return sorted(ORDER_EVENTS, key=lambda event: events.loc[event, "date"])


@case("start_here.order",
      mistakes=lambda t: [(list(reversed(_order(t))), "right place"), (_order(t)[1:] + _order(t)[:1], "right place"),
                          (_order(t)[:2], "missing"),
                          (_order(t)[:2], "…' is missing")],  # a label cut short keeps its closing quote
      forms=lambda t: [[t.events.set_index("event_id").loc[event, "summary"] for event in _order(t)]])
def _(t):
    return _order(t)


def _france(t):
    coalitions = t.coalitions
    return coalitions[coalitions["led_by"].eq("France").fillna(False).astype(bool)]


@case("start_here.france",
      mistakes=lambda t: [(t.coalitions, "too many"),  # no filter at all: not a NaN problem
                          (pd.concat([_france(t), t.coalitions[t.coalitions["led_by"].isna()]]), "missing value"),
                          (t.coalitions[t.coalitions["kind"] == "meeting"], "too many"),
                          (_france(t)[["coalition_id", "name"]], "missing"), (t.coalitions.iloc[:0], "empty")],
      forms=lambda t: [_france(t).reset_index(drop=True), _france(t).sort_values("line", ascending=False)])
def _(t):
    return _france(t)


def _heading(t):
    members, passages = t.coalition_members, t.passages
    line = members.loc[members["coalition_id"] == "sinjar_humanitarian_2014", "line"].iloc[0]
    return passages.loc[passages["line"] == line, ["section", "subsection"]].iloc[0]


def _other_headings(t):
    passages, right = t.passages, _heading(t)
    same = passages[(passages["section"] == right["section"]) & passages["subsection"].notna()
                    & (passages["subsection"] != right["subsection"])]
    return [f"{right['section']} › {name}" for name in same["subsection"].unique()[:2]]


@case("start_here.sinjar_heading",
      mistakes=lambda t: [(other, "another heading") for other in _other_headings(t)]
      + [("Syria", "not one of the choices"), (t.passages.iloc[:1], "expected one choice")],
      forms=lambda t: [f"{_heading(t)['section']} > {_heading(t)['subsection']}",
                       f"{_heading(t)['section']}>{_heading(t)['subsection']}".lower(),
                       # the passages row read off as a tuple, "Section - Subsection", or the subsection alone
                       tuple(_heading(t)), f"{_heading(t)['section']} - {_heading(t)['subsection']}",
                       _heading(t)["subsection"].lower()])
def _(t):
    return f"{_heading(t)['section']} › {_heading(t)['subsection']}"
