"""Lesson 02's questions, its summative check's and practice set 02's: canonical answers in plain pandas,
other right forms, typical mistakes."""

from __future__ import annotations

import pandas as pd

from banks.harness import case, ten_times
from warcourse.regions import regions

MEMBER = ("named", "by_reference")
SIX = ["wales_2014", "brussels_2014", "paris_2014", "cjtf_oir", "russia_iraq_iran_syria_2015", "muslim_states_2015"]
THREE = ["wales_2014", "paris_2014", "brussels_2014"]


def _set(t, coalition_id: str, basis=MEMBER) -> set:
    m = t.coalition_members
    return set(m.loc[(m["coalition_id"] == coalition_id) & m["basis"].isin(basis), "country"])


def _members(t) -> pd.DataFrame:
    return t.coalition_members[t.coalition_members["basis"].isin(MEMBER)]


def _typed(t) -> pd.DataFrame:
    """Member rows with the kind (as text) and date of their entry."""
    rows = _members(t).merge(t.coalitions[["coalition_id", "kind", "date"]], on="coalition_id")
    return rows.assign(kind=rows["kind"].astype(str))


def _period(t) -> list:
    return list(t.coalitions.loc[t.coalitions["date"].dt.year <= 2015, "coalition_id"])


def _names(t, ids) -> list:
    return list(t.coalitions.set_index("coalition_id").loc[list(ids), "name"])


# --- lesson 02 --------------------------------------------------------------------------------------

def _order(t):
    chosen = t.coalitions[t.coalitions["coalition_id"].isin(SIX)]
    return list(chosen.sort_values("date")["coalition_id"])


@case("coalition_formation.order",
      mistakes=lambda t: [(list(t.coalitions[t.coalitions["coalition_id"].isin(SIX)]
                                .sort_values("line")["coalition_id"]), "right place"),
                          (_order(t)[::-1], "right place"), (_order(t)[:-1], "missing")],
      forms=lambda t: [_names(t, _order(t)), pd.Series(_order(t)), [f"{name}." for name in _names(t, _order(t))]])
def _(t):
    return _order(t)


@case("coalition_formation.paris_kept",
      mistakes=lambda t: [(len(_set(t, "wales_2014")), "every Wales country"),
                          (len(_set(t, "wales_2014")) - len(_set(t, "paris_2014", ("excluded",))),
                           "subtracting the sizes"),
                          (len(_set(t, "paris_2014")), "whole Paris list"),
                          (len(_set(t, "paris_2014", ("named",))), "names itself")])
def _(t):
    return len(_set(t, "wales_2014") - _set(t, "paris_2014", ("excluded",)))


@case("coalition_formation.brussels_by_reference",
      mistakes=lambda t: [(len(_set(t, "brussels_2014")), "whole Brussels list"),
                          (int(t.coalitions.set_index("coalition_id").loc["brussels_2014", "stated_members"]),
                           "total the article states"),
                          (len(_set(t, "brussels_2014", ("named",))), "names itself"),
                          (len(_set(t, "wales_2014") | _set(t, "paris_2014", ("named",))), "leaves out")])
def _(t):
    added = _set(t, "paris_2014", ("named",)) - _set(t, "brussels_2014", ("excluded",))
    return len(_set(t, "wales_2014") | added)


@case("coalition_formation.china_russia",
      mistakes=lambda t: [("Yes: everyone in the Paris list joined the coalition on 15 September 2014.", "kind column"),
                          ("Yes, but the article says they left the coalition again before Brussels.", "no departure"),
                          ("We cannot tell", "named and excluded")])
def _(t):
    kind = t.coalitions.set_index("coalition_id").loc["paris_2014", "kind"]
    return f"No: Paris was a {kind}, and Brussels leaves them out."


def _meeting_split(t):
    rows = _typed(t)
    rows = rows[rows["coalition_id"].isin(_period(t))]
    return set(rows.loc[rows["kind"] == "meeting", "country"]), set(rows.loc[rows["kind"] != "meeting", "country"])


@case("coalition_formation.meeting_only",
      mistakes=lambda t: [(len(set.union(*_meeting_split(t))), "any kind"),
                          (len(_meeting_split(t)[0]), "every country at a meeting"),
                          (len(_meeting_split(t)[1]), "the other side")])
def _(t):
    meeting, other = _meeting_split(t)
    return len(meeting - other)


def _list_errors(t) -> tuple[list, list]:
    """(the options that are mistakes, the others)."""
    ids = _period(t)
    rows = _typed(t)
    rows = rows[rows["coalition_id"].isin(ids)]
    every = set(t.coalition_members.loc[t.coalition_members["coalition_id"].isin(ids), "country"])
    kinds = rows.groupby("country")["kind"].agg(lambda values: frozenset(values))
    leaders = t.coalitions[t.coalitions["coalition_id"].isin(ids) & (t.coalitions["kind"] == "coalition")]["led_by"]
    options = {
        "counts a country the article only excludes": bool(every - set(rows["country"])),
        "counts meeting-only countries as having joined": bool((kinds == frozenset({"meeting"})).any()),
        "adds up coalitions led by different powers": leaders.nunique() > 1,
        "counts a country once per list it is in": False,
        "misses the host of the Wales meeting": "United States" not in _set(t, "wales_2014"),
        "counts countries named only in operations": bool((kinds == frozenset({"operation"})).any()),
    }
    return ([option for option, real in options.items() if real],
            [option for option, real in options.items() if not real])


@case("coalition_formation.any_list_errors",
      mistakes=lambda t: [(_list_errors(t)[0][:1], "missing"), (sum(_list_errors(t), []), "too many"),
                          (_list_errors(t)[0] + _list_errors(t)[1][:1], "belong"),
                          (_list_errors(t)[1], "does not belong")],
      forms=lambda t: ["\n".join(_list_errors(t)[0])])
def _(t):
    return _list_errors(t)[0]


def _focus(t, coalition):
    rows = _members(t)
    return rows[rows["coalition_id"] == coalition]


def _by(rows, column):
    return rows.merge(regions(rows["iso3"]), on="iso3").groupby(column).size()


@case("coalition_formation.focus_regions",
      mistakes=lambda t, coalition: [(_by(_focus(t, coalition), "region") + 1, "your value"),
                                     (_by(_focus(t, coalition), "region").iloc[1:], "missing"),
                                     (_by(_focus(t, coalition), "continent"), "group by")],
      forms=lambda t, coalition: [_focus(t, coalition).merge(regions(_focus(t, coalition)["iso3"]), on="iso3")
                                  ["region"].value_counts()])
def _(t, coalition):
    return _by(_focus(t, coalition), "region")


def _muslim(t):
    return _set(t, "muslim_states_2015")


@case("coalition_formation.muslim_involvement",
      mistakes=lambda t: [(_muslim(t), "too many"), (sorted(_muslim(t) & set(t.involvement["country"]))[1:], "missing"),
                          (_muslim(t) & set(t.involvement.loc[t.involvement["theater"] == "Nigeria"]
                                            .query("involved")["country"]), "missing")],
      forms=lambda t: [["UAE" if c == "United Arab Emirates" else "Saudi-Arabia" if c == "Saudi Arabia" else c
                        for c in sorted(_muslim(t) & set(t.involvement["country"]))]])
def _(t):
    return _muslim(t) & set(t.involvement["country"])


# --- lesson 02's summative check ---------------------------------------------------------------------

@case("coalition_formation.countries_per_kind",
      mistakes=lambda t: [(_typed(t).groupby("kind").size(), "your value"),
                          (_typed(t).groupby("kind")["country"].nunique().iloc[:2], "missing"),
                          (t.coalition_members.merge(t.coalitions[["coalition_id", "kind"]], on="coalition_id")
                           .groupby("kind", observed=True)["country"].nunique(), "your value")],
      forms=lambda t: [pd.Series({kind: len(set(part["country"])) for kind, part in _typed(t).groupby("kind")})])
def _(t):
    return _typed(t).groupby("kind")["country"].nunique()


def _riis_paris(t):
    return _set(t, "russia_iraq_iran_syria_2015") & _set(t, "paris_2014")


@case("coalition_formation.riis_paris",
      mistakes=lambda t: [(_set(t, "russia_iraq_iran_syria_2015") | _set(t, "paris_2014"), "too many"),
                          (_set(t, "russia_iraq_iran_syria_2015") - _set(t, "paris_2014"), "does not belong"),
                          (sorted(_riis_paris(t))[:1], "missing")],
      forms=lambda t: [["Russian Federation" if c == "Russia" else c for c in _riis_paris(t)]])
def _(t):
    return _riis_paris(t)


def _per_coalition(t):
    rows = _typed(t)
    return rows[rows["kind"] == "coalition"].groupby("country").size()


@case("coalition_formation.two_coalitions",
      mistakes=lambda t: [(int((_typed(t).groupby("country").size() >= 2).sum()), "every kind"),
                          (len(_per_coalition(t)), "at least one"),
                          (int((_per_coalition(t) >= 2).sum()) + 1, "close, but not")])
def _(t):
    return int((_per_coalition(t) >= 2).sum())


def _meetings(t):
    return list(t.coalitions.loc[t.coalitions["kind"] == "meeting", "coalition_id"])


@case("coalition_formation.muslim_at_meetings",
      mistakes=lambda t: [(len(_muslim(t)), "every member"),
                          (sum(len(_muslim(t) & _set(t, cid)) for cid in _meetings(t)), "once per meeting"),
                          (len(_muslim(t) - set(_members(t).loc[_members(t)["coalition_id"].isin(_meetings(t)),
                                                                 "country"])), "no meeting"),
                          (len(_muslim(t) & _set(t, "paris_2014")), "one meeting only")])
def _(t):
    at = set(_members(t).loc[_members(t)["coalition_id"].isin(_meetings(t)), "country"])
    return len(_muslim(t) & at)


def _firsts(t):
    return t.coalitions.sort_values("date").groupby("kind", observed=True)["date"].first()


@case("coalition_formation.operation_lead",
      mistakes=lambda t: [((_firsts(t)["coalition"] - _firsts(t)["operation"]).days + 1, "both"),
                          ((_firsts(t)["meeting"] - _firsts(t)["operation"]).days, "first meeting"),
                          ((_firsts(t)["operation"] - _firsts(t)["coalition"]).days, "sign")])
def _(t):
    return (_firsts(t)["coalition"] - _firsts(t)["operation"]).days


@case("coalition_formation.meeting_list",
      mistakes=lambda t: [("Nothing", "rows are there"),
                          ("That it joined the coalition against ISIL and took part in its airstrikes.", "neither"),
                          ("That it agreed to the coalition's aims, but sent no forces of its own.", "agreement")])
def _(t):
    return "That it was represented at that gathering, no more."


# --- practice set 02 -----------------------------------------------------------------------------------

@case("coalition_practice.wales_not_paris",
      mistakes=lambda t: [(_set(t, "wales_2014") - set(t.coalition_members.loc[
                              t.coalition_members["coalition_id"] == "paris_2014", "country"]), "no items"),
                          (_set(t, "paris_2014") - _set(t, "wales_2014"), "does not belong"),
                          (_set(t, "wales_2014") & _set(t, "paris_2014"), "does not belong")])
def _(t):
    return _set(t, "wales_2014") - _set(t, "paris_2014")


def _three(t):
    return [_set(t, cid) for cid in THREE]


@case("coalition_practice.union",
      mistakes=lambda t: [(sum(len(s) for s in _three(t)), "once per list"),
                          (t.coalition_members[t.coalition_members["coalition_id"].isin(THREE)]["country"].nunique(),
                           "only excluded"),
                          (len(_three(t)[2]), "Brussels list alone"),
                          (len(set.intersection(*_three(t))), "all three")])
def _(t):
    return len(set.union(*_three(t)))


@case("coalition_practice.bpc",
      mistakes=lambda t: [(int(t.coalitions.set_index("coalition_id").loc["bpc_2015", "stated_members"]), "states"),
                          ten_times(len(_set(t, "bpc_2015"))),
                          (len(_set(t, "bpc_2015")) + 1, "close, but not")])
def _(t):
    return len(_set(t, "bpc_2015"))


def _sizes(t, ids=None):
    rows = _members(t)
    if ids is not None:
        rows = rows[rows["coalition_id"].isin(ids)]
    return rows.groupby("coalition_id").size()


@case("coalition_practice.by_size",
      mistakes=lambda t: [(list(_sizes(t, _period(t)).sort_values().index), "right place"),
                          (sorted(_sizes(t, _period(t)).index), "right place"),
                          (list(_sizes(t, _period(t)).sort_values(ascending=False).index)[:-1], "missing")],
      forms=lambda t: [_names(t, _sizes(t, _period(t)).sort_values(ascending=False).index)])
def _(t):
    return list(_sizes(t, _period(t)).sort_values(ascending=False).index)


@case("coalition_practice.sizes",
      mistakes=lambda t: [(t.coalition_members.groupby("coalition_id").size(), "your value"),
                          (_sizes(t).iloc[1:], "missing"),
                          (_sizes(t) * 2, "your value")])
def _(t):
    return _sizes(t)


def _table(t, rows):
    rows = rows[rows["coalition_id"].isin(THREE)]
    return pd.crosstab(rows["country"], rows["coalition_id"])[THREE] > 0


@case("coalition_practice.table",
      mistakes=lambda t: [(_table(t, t.coalition_members), "should not be among"),
                          (_table(t, _members(t)).iloc[:-1], "missing"),
                          (~_table(t, _members(t)), "differ")])
def _(t):
    return _table(t, _members(t))


@case("coalition_practice.except_what",
      mistakes=lambda t: [("The Wales countries", "nothing to remove"), ("Every coalition in the article", "one term"),
                          ("The countries Brussels names", "not in that list")])
def _(t):
    return "The countries Paris added"


def _involved(t, theater):
    inv = t.involvement
    return set(inv.loc[(inv["theater"] == theater) & inv["involved"], "country"])


@case("coalition_practice.in_iraq",
      mistakes=lambda t: [(_involved(t, "Iraq"), "does not belong"),
                          (sorted(_muslim(t) & _involved(t, "Iraq"))[1:], "missing"),
                          (_muslim(t) & _involved(t, "Syria"), "too many")])
def _(t):
    return _muslim(t) & _involved(t, "Iraq")


def _continents(t):
    rows = _focus(t, "muslim_states_2015")
    return regions(rows["iso3"])["continent"].value_counts()


@case("coalition_practice.africa",
      mistakes=lambda t: [(len(_muslim(t)) - int(_continents(t)["Africa"]), "whose continent is Africa"),
                          (len(_muslim(t)), "every member"), ten_times(int(_continents(t)["Africa"]))])
def _(t):
    return int(_continents(t)["Africa"])


def _war(t):
    inv = t.involvement
    return set(inv.loc[inv["theater"].isin(["Iraq", "Syria"]) & inv["involved"], "country"])


def _listed(t):
    return set(_members(t).loc[_members(t)["coalition_id"].isin(_period(t)), "country"])


@case("coalition_practice.outside",
      mistakes=lambda t: [(_war(t) - set(t.coalition_members.loc[t.coalition_members["coalition_id"].isin(_period(t)),
                                                                 "country"]), "missing"),
                          (_war(t), "too many"), (sorted(_war(t) - _listed(t))[1:], "missing")])
def _(t):
    return _war(t) - _listed(t)
