"""Questions of lesson 02 (coalition formation, with its summative check) and of practice set 02.

Every expected answer is computed here from fresh ``warcourse.data`` tables.
A ``coalitions`` row is a ``coalition``, a ``meeting`` or an ``operation``
(its ``kind``); several questions make the student tell them apart.
"""

from __future__ import annotations

import pandas as pd

from .. import coalitions as co
from .. import dates
from ..exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer, country
from ..regions import regions
from .bank import Registry, Tables, seed_lines

REGISTRY = Registry(lesson="coalition_formation", practice="coalition_practice",
                    parameters={"coalition": co.FOCUS})

ORDER_IDS = ("brussels_2014", "cjtf_oir", "muslim_states_2015", "paris_2014", "russia_iraq_iran_syria_2015",
             "wales_2014")  # the entries the lesson's ordering question puts in date order
THREE = ["wales_2014", "paris_2014", "brussels_2014"]  # the three lists the practice set combines


def _rows(members: pd.DataFrame, coalition_id: str) -> pd.DataFrame:
    return members[members["coalition_id"] == coalition_id]


def _with_kind(members: pd.DataFrame, coalitions: pd.DataFrame) -> pd.DataFrame:
    """Member rows (not ``excluded``) with the ``kind`` of their entry, as text."""
    rows = co.member_rows(members).merge(coalitions[["coalition_id", "kind"]], on="coalition_id")
    return rows.assign(kind=rows["kind"].astype("str"))


def _period_ids(coalitions: pd.DataFrame) -> list[str]:
    return list(co.in_period(coalitions)["coalition_id"])


# --- lesson 02 --------------------------------------------------------------------------------------

@REGISTRY.question("lesson")
def order(t: Tables) -> Ordering:
    chosen = t.coalitions[t.coalitions["coalition_id"].isin(ORDER_IDS)]
    in_time = chosen.sort_values(["date", "line"], kind="mergesort")
    return Ordering(
        "Put these entries of the coalitions table in the order they were formed or met, earliest first. "
        "Give their coalition_id values (or their names) as a list.",
        answer=list(in_time["coalition_id"]), labels=dict(zip(in_time["coalition_id"], in_time["name"])),
        aliases={cid: [co.label(cid)] for cid in in_time["coalition_id"]}, lines=seed_lines(in_time),
        explanation="In date order: " + "; ".join(
            f"{name} ({dates.at_precision(date, precision)})"
            for name, date, precision in zip(in_time["name"], in_time["date"], in_time["date_precision"]))
        + ". The article tells them in another order, so sort by date, not by line.",
        hints=["The article's order (the line column) is not the order of events.",
               "Keep the six rows with isin, then sort them with sort_values.",
               "Sort on the date column; a date known only to the month is stored as its first day."],
        code=(f"six = coalitions[coalitions[\"coalition_id\"].isin({list(ORDER_IDS)})]\n"
              'list(six.sort_values("date")["coalition_id"])'))


@REGISTRY.question("lesson")
def paris_kept(t: Tables) -> Numeric:
    members = t.coalition_members
    wales = co.members_of(members, "wales_2014")
    paris_except = co.members_of(members, "paris_2014", basis=("excluded",))
    paris_named = co.members_of(members, "paris_2014", basis=("named",))
    answer = len(wales - paris_except)
    mistakes = [(len(wales), "That is every Wales country: the passage leaves some of them out."),
                (len(paris_named), "Those are the countries the Paris passage names itself, not Wales countries."),
                (len(co.members_of(members, "paris_2014")), "That is the whole Paris list.")]
    if len(wales) - len(paris_except) != answer:  # only a mistake while an excluded country is not in Wales
        mistakes.append((len(wales) - len(paris_except),
                         "Subtracting the sizes assumes every country after 'except' is in the Wales set. "
                         "Test each one with the in operator."))
    return Numeric(
        "The Paris passage takes the Wales countries 'except' some. Predict first, then compute with sets: "
        "how many of the Wales countries does the Paris list keep?",
        answer=answer, unit="countries", mistakes=mistakes,
        lines=seed_lines(_rows(members, "wales_2014"), _rows(members, "paris_2014")),
        explanation=(f"wales - paris_except keeps {answer} countries. A set difference removes only the items "
                     "that are in the set: test each excluded country with the in operator to see which ones "
                     "really leave. A country excluded but not in the Wales set points to a name the Wales "
                     "passage lost (the inconsistency wales_ninth_country_lost)."),
        hints=["'The Wales countries except A and B' is a set difference.",
               "Take the difference of the Wales set and the excluded Paris countries, then count it.",
               "Before you trust the count, test each excluded country with the in operator on the Wales set."],
        code="len(wales - paris_except)")


@REGISTRY.question("lesson")
def brussels_by_reference(t: Tables) -> Numeric:
    members = t.coalition_members
    wales = co.members_of(members, "wales_2014")
    paris_named = co.members_of(members, "paris_2014", basis=("named",))
    excluded = co.members_of(members, "brussels_2014", basis=("excluded",))
    named = co.members_of(members, "brussels_2014", basis=("named",))
    brussels = co.members_of(members, "brussels_2014")
    answer = len(wales | (paris_named - excluded))
    stated = t.coalitions.set_index("coalition_id").loc["brussels_2014", "stated_members"]
    return Numeric(
        "How many of the Brussels countries come in by reference to the two earlier meetings (Wales and the "
        "countries Paris added, except those left out), rather than being named in the Brussels passage?",
        answer=answer, unit="countries", lines=seed_lines(_rows(members, "brussels_2014")),
        mistakes=[
            (len(brussels), "That is the whole Brussels list; the question asks only for the countries it takes "
                            "over from the two earlier meetings."),
            (int(stated), "That is the total the article states for Brussels, not a count of its list."),
            (len(named), "Those are the countries the Brussels passage names itself, not the ones it refers to."),
            (len(wales | paris_named), "This keeps the countries the passage leaves out with 'except'."),
        ],
        explanation=(f"wales | paris_added has {answer} countries; with the {len(named)} named ones that makes "
                     f"the {len(brussels)} of the Brussels list (the article states {stated})."),
        hints=["The passage has three terms: the Wales countries, the Paris additions 'except' some, and a list "
               "of new names. Only the first two are by reference.",
               "The cell above already built each term as a set: combine the two by-reference terms and count."],
        code="len(wales | paris_added)")


@REGISTRY.question("lesson")
def china_russia(t: Tables) -> MultipleChoice:
    coalitions, members = t.coalitions, t.coalition_members
    left_out = sorted(co.members_of(members, "brussels_2014", basis=("excluded",)))
    paris_row = coalitions.set_index("coalition_id").loc["paris_2014"]
    kind, on = paris_row["kind"], dates.on(paris_row["date"], paris_row["date_precision"])
    right = f"No: Paris was a {kind}, and Brussels leaves them out."
    return MultipleChoice(
        f"{' and '.join(left_out)} are in the Paris list. Does the article make them members of the US-led "
        "coalition against ISIL?",
        choices={
            right: (f"Being represented at a conference is not joining: the coalitions table codes Paris as a "
                    f"{kind}, and the Brussels passage leaves them out by name."),
            f"Yes: everyone in the Paris list joined the coalition {on}.":
                "Look at the kind column of the Paris row: its list says who was represented at a gathering, "
                "not who agreed to act together.",
            "Yes, but the article says they left the coalition again before Brussels.":
                "The article reports no departure: the 'except' in the Brussels passage says which countries "
                "its list takes over, not that anyone changed their mind.",
            "We cannot tell: the two countries appear in no list of the member table.":
                "Filter coalition_members on their names: they have rows with the basis named and excluded.",
        },
        answer=right, lines=seed_lines(coalitions[coalitions["coalition_id"].isin(["paris_2014", "brussels_2014"])]),
        hints=["Look at the kind of the Paris row in the coalitions table.",
               "Then look at every row of coalition_members for these two countries, with its basis."],
        code=f'members[members["country"].isin({left_out})][["coalition_id", "basis"]]')


@REGISTRY.question("lesson")
def meeting_only(t: Tables) -> Numeric:
    coalitions, members = t.coalitions, t.coalition_members
    period = _period_ids(coalitions)
    rows = _with_kind(members, coalitions)
    rows = rows[rows["coalition_id"].isin(period)]
    meeting = set(rows.loc[rows["kind"] == "meeting", "country"])
    other = set(rows.loc[rows["kind"] != "meeting", "country"])
    answer = len(meeting - other)
    every = members[members["coalition_id"].isin(period)].merge(coalitions[["coalition_id", "kind"]],
                                                               on="coalition_id")
    loose = set(every.loc[every["kind"] == "meeting", "country"]) - other
    return Numeric(
        f"Of the countries in a member list up to the end of {co.LAST_YEAR}, how many are named only in lists of "
        "kind 'meeting', and in no coalition's or operation's list?",
        answer=answer, unit="meeting-only countries",
        lines=seed_lines(coalitions[coalitions["coalition_id"].isin(period)]),
        mistakes=[
            (rows["country"].nunique(), "That counts every country in a list of any kind; keep the meeting-only ones."),
            (len(meeting), "That counts every country at a meeting, also those named in a coalition's or an "
                           "operation's list."),
            (len(other), "That counts the countries in coalitions' and operations' lists: the other side."),
            (len(loose), "This count keeps the countries the article names only to leave them out ('except')."),
        ],
        explanation=(f"{answer} countries appear only as participants in a conference or meeting. A count of "
                     "'countries in any list' treats them as if they had joined a coalition."),
        hints=["Attach each member row's kind with merge on coalition_id, and drop the excluded rows.",
               "Make two sets of countries: those in meeting lists, and those in the other lists.",
               "The countries in the first set and not in the second: a difference, then its size."],
        code=('typed = co.member_rows(members, co.in_period(coalitions)["coalition_id"]).merge(\n'
              '    coalitions[["coalition_id", "kind"]], on="coalition_id")\n'
              'at_meetings = set(typed.loc[typed["kind"] == "meeting", "country"])\n'
              'len(at_meetings - set(typed.loc[typed["kind"] != "meeting", "country"]))'))


def _list_error_options(coalitions: pd.DataFrame, members: pd.DataFrame) -> dict[str, tuple[bool, str]]:
    """The options of ``any_list_errors``: option -> (is it a mistake of the classmate's count?, why)."""
    period = co.in_period(coalitions)
    rows = members[members["coalition_id"].isin(period["coalition_id"])]
    kinds = _with_kind(rows, coalitions)
    only_excluded = set(rows["country"]) - set(kinds["country"])
    meeting_only = set(kinds.loc[kinds["kind"] == "meeting", "country"]) - set(
        kinds.loc[kinds["kind"] != "meeting", "country"])
    operation_only = set(kinds.loc[kinds["kind"] == "operation", "country"]) - set(
        kinds.loc[kinds["kind"] != "operation", "country"])
    leaders = period.loc[period["kind"] == "coalition", "led_by"].dropna().nunique()
    host_listed = "United States" in co.members_of(members, "wales_2014")
    return {
        "counts a country the article only excludes": (
            bool(only_excluded), "nunique on every row also counts a country whose only rows are 'excluded'."
            if only_excluded else "every country in the count has at least one member row."),
        "counts meeting-only countries as having joined": (
            bool(meeting_only), "some countries are named only as participants of a conference or meeting."
            if meeting_only else "no country is named only at a meeting."),
        "adds up coalitions led by different powers": (
            leaders > 1, "the lists of kind 'coalition' have more than one leader (led_by), so they are not one "
            "coalition." if leaders > 1 else "every coalition in the lists has the same leader."),
        "counts a country once per list it is in": (
            False, "nunique counts each country once, however many lists it is in."),
        "misses the host of the Wales meeting": (
            not host_listed, "the Wales rows include the host, quoted from the invitation." if host_listed
            else "the host has no Wales row."),
        "counts countries named only in operations": (
            bool(operation_only), "some countries are named only in an operation's list." if operation_only
            else "every country in an operation's list is also named in another kind of list."),
    }


@REGISTRY.question("lesson")
def any_list_errors(t: Tables) -> SetAnswer:
    coalitions, members = t.coalitions, t.coalition_members
    period = co.in_period(coalitions)
    said = members[members["coalition_id"].isin(period["coalition_id"])]["country"].nunique()
    options = _list_error_options(coalitions, members)
    return SetAnswer(
        f"A classmate writes “By the end of {co.LAST_YEAR}, {said} countries had joined the coalition against "
        "ISIL”, computed as members[members['coalition_id'].isin(period_ids)]['country'].nunique(). "
        "Which of these are mistakes in that sentence or its code? Test each one against the tables.",
        answer={option for option, (mistake, _) in options.items() if mistake}, options=list(options),
        lines=seed_lines(period),
        explanation=" ".join(f"{option}: {'a mistake' if mistake else 'not a mistake'}, {why}"
                             for option, (mistake, why) in options.items()),
        hints=["Test each option against a column: basis for the exclusions, kind for meetings and operations, "
               "led_by for the leaders.",
               "For basis: does some country have only excluded rows? For kind: is some country named only in "
               "meeting lists, or only in operations? For led_by: how many leaders do the coalitions have?"],
        code=('in_period = members[members["coalition_id"].isin(period["coalition_id"])]\n'
              'typed = co.member_rows(in_period).merge(coalitions[["coalition_id", "kind"]], on="coalition_id")\n'
              'kinds_of = typed.groupby("country")["kind"].agg(\n'
              '    lambda kinds: "+".join(sorted(set(kinds.astype(str)))))\n'
              "found = {\n"
              '    "counts a country the article only excludes":\n'
              '        bool(set(in_period["country"]) - set(typed["country"])),\n'
              '    "counts meeting-only countries as having joined": bool((kinds_of == "meeting").any()),\n'
              '    "adds up coalitions led by different powers":\n'
              '        period.loc[period["kind"] == "coalition", "led_by"].nunique() > 1,\n'
              '    "counts a country once per list it is in": False,  # nunique counts each country once\n'
              '    "misses the host of the Wales meeting":\n'
              '        "United States" not in co.members_of(members, "wales_2014"),\n'
              '    "counts countries named only in operations": bool((kinds_of == "operation").any()),\n'
              "}\n"
              "[option for option, real in found.items() if real]"))


@REGISTRY.question("lesson")
def focus_regions(t: Tables, coalition: str) -> PandasAnswer:
    rows = co.member_rows(t.coalition_members, [coalition])
    answer = rows.merge(regions(rows["iso3"]), on="iso3").groupby("region").size()
    name = co.label(coalition)
    return PandasAnswer(
        f"Make a Series with the number of members of the {name} list ({coalition}) in each UN M49 region "
        "(the region column of regions(...)), indexed by region; the order of the rows does not matter.",
        answer=answer, lines=seed_lines(rows),
        explanation=(f"The {name} list has members in {len(answer)} regions. Merge the member rows with "
                     "regions(rows['iso3']) on iso3, then count rows per region."),
        hints=["Start from the focus coalition's member rows: not the excluded ones.",
               "Attach each row's region with merge on the iso3 column.",
               "Count rows per region, not per continent."],
        code=(f'focus_members = co.member_rows(members, ["{coalition}"])\n'
              'focus_members.merge(regions(focus_members["iso3"]), on="iso3").groupby("region").size()'))


@REGISTRY.question("lesson")
def muslim_involvement(t: Tables) -> SetAnswer:
    members, involvement = t.coalition_members, t.involvement
    muslim = co.members_of(members, "muslim_states_2015")
    answer = muslim & set(involvement["country"])
    inv_rows = involvement[involvement["country"].isin(answer)]
    never = sorted(answer - set(inv_rows.loc[inv_rows["involved"].fillna(False).astype(bool), "country"]))
    return SetAnswer(
        "Which members of the Muslim states' coalition appear in the involvement table, whatever their cells say?",
        answer=answer, normalise=country, lines=seed_lines(_rows(members, "muslim_states_2015"), inv_rows),
        advice="A country is in the table when it has a row, whatever its involved cells say; and only the "
               "coalition's member rows count.",
        explanation=(f"{len(answer)} of its {len(muslim)} members have a row in the involvement table"
                     + (f"; {', '.join(never)} has '—' in every theater: listed, yet marked as not involved "
                        "anywhere." if never else ".")),
        hints=["A country is 'in the table' when it has a row, whatever involved says.",
               "Make one set of the coalition's members and one of the countries of the involvement table.",
               "The countries in both sets: an intersection."],
        code='co.members_of(members, "muslim_states_2015") & set(involvement["country"])')


# --- lesson 02's summative check (the lesson's setup cell: coalitions, members, involvement, ...) ---------

@REGISTRY.question("summative")
def countries_per_kind(t: Tables) -> PandasAnswer:
    rows = _with_kind(t.coalition_members, t.coalitions)
    coalitions = t.coalitions
    return PandasAnswer(
        "Make a Series with the number of different countries in the lists of each kind, indexed by kind (in any "
        "order). Use coalition_members (member rows only: basis named or by_reference) and the kind column of "
        "coalitions.",
        answer=rows.groupby("kind")["country"].nunique(),
        lines=seed_lines(coalitions[coalitions["coalition_id"].isin(set(rows["coalition_id"]))]),
        explanation=("Merge the member rows with coalitions on coalition_id, then count different countries per "
                     "kind: a country in two lists of one kind counts once for that kind."),
        hints=["Each member row needs the kind of its list: the two tables share the coalition_id column.",
               "Leave out the excluded rows, then group by kind.",
               "Count different countries, not rows."],
        code=('typed = co.member_rows(members).merge(coalitions[["coalition_id", "kind"]], on="coalition_id")\n'
              'typed.groupby("kind", observed=True)["country"].nunique()'))


@REGISTRY.question("summative")
def riis_paris(t: Tables) -> SetAnswer:
    members = t.coalition_members
    riis, paris = co.members_of(members, "russia_iraq_iran_syria_2015"), co.members_of(members, "paris_2014")
    return SetAnswer(
        "Using coalition_members (member rows: basis named or by_reference): which countries are in both the "
        "russia_iraq_iran_syria_2015 list and the paris_2014 list?",
        answer=riis & paris, normalise=country,
        lines=seed_lines(_rows(members, "russia_iraq_iran_syria_2015"), _rows(members, "paris_2014").head(1)),
        advice="Check that each of your countries is a member (not excluded) of both lists.",
        explanation="An intersection (&) of the two member sets: groups led by different powers still overlap.",
        hints=["One set of countries per list, leaving out the excluded rows.",
               "'In both' is an intersection."],
        code='co.members_of(members, "russia_iraq_iran_syria_2015") & co.members_of(members, "paris_2014")')


@REGISTRY.question("summative")
def two_coalitions(t: Tables) -> Numeric:
    coalitions = t.coalitions
    rows = _with_kind(t.coalition_members, coalitions)
    per_country = rows[rows["kind"] == "coalition"].groupby("country").size()
    answer = int((per_country >= 2).sum())
    return Numeric(
        "Using coalition_members (member rows only) and the kind column of coalitions: how many countries are "
        "in at least two lists of kind 'coalition'?",
        answer=answer, unit="countries", lines=seed_lines(coalitions[coalitions["kind"] == "coalition"]),
        mistakes=[(int((rows.groupby("country").size() >= 2).sum()),
                   "That counts lists of every kind; keep the kind 'coalition'."),
                  (len(per_country), "That counts countries in at least one coalition's list, not two.")],
        explanation=f"{answer} countries are in two or more coalitions' lists.",
        hints=["Each member row needs the kind of its list: merge on coalition_id.",
               "Keep the coalitions' rows and count the lists of each country.",
               "Then count the countries whose number of lists is 2 or more."],
        code=('typed = co.member_rows(members).merge(coalitions[["coalition_id", "kind"]], on="coalition_id")\n'
              '(typed[typed["kind"] == "coalition"].groupby("country").size() >= 2).sum()'))


@REGISTRY.question("summative")
def muslim_at_meetings(t: Tables) -> Numeric:
    coalitions, members = t.coalitions, t.coalition_members
    muslim = co.members_of(members, "muslim_states_2015")
    meeting_ids = list(coalitions.loc[coalitions["kind"] == "meeting", "coalition_id"])
    at_meetings = set(co.member_rows(members, meeting_ids)["country"])
    answer = len(muslim & at_meetings)
    per_meeting = [len(muslim & co.members_of(members, cid)) for cid in meeting_ids]
    mistakes = [(len(muslim), "That is every member of the Muslim states' coalition."),
                (sum(per_meeting), "Adding the overlaps meeting by meeting counts a country once per meeting."),
                (len(muslim - at_meetings), "That counts the members who were at no meeting.")]
    mistakes += [(value, "That is one meeting only; the question asks for any meeting.")
                 for value in sorted(set(per_meeting)) if value != answer]
    return Numeric(
        "Using coalition_members (member rows only) and the kind column of coalitions: how many members of "
        "the muslim_states_2015 list are also in the list of at least one entry of kind 'meeting'?",
        answer=answer, unit="countries", mistakes=mistakes,
        lines=seed_lines(coalitions[coalitions["coalition_id"].isin([*meeting_ids, "muslim_states_2015"])]),
        explanation=f"{answer} members of the Muslim states' coalition were also represented at a meeting.",
        hints=["Make one set of the coalition's members and one of every country in a meeting's list.",
               "The meetings are the rows of coalitions whose kind is 'meeting'; take the member rows of all of "
               "them at once.",
               "Then the members in both sets, and their number."],
        code=('meeting_ids = coalitions.loc[coalitions["kind"] == "meeting", "coalition_id"]\n'
              'at_meetings = set(co.member_rows(members, meeting_ids)["country"])\n'
              'len(co.members_of(members, "muslim_states_2015") & at_meetings)'))


@REGISTRY.question("summative")
def operation_lead(t: Tables) -> Numeric:
    coalitions = t.coalitions
    firsts = coalitions.sort_values(["date", "line"], kind="mergesort").drop_duplicates("kind").set_index("kind")
    operation, coalition, meeting = (firsts.loc[kind] for kind in ("operation", "coalition", "meeting"))
    if (operation["date_precision"], coalition["date_precision"]) != ("day", "day"):
        raise ValueError("operation_lead needs the first operation and coalition dated to the day")
    answer = (coalition["date"] - operation["date"]).days
    by_line = coalitions.sort_values("line").drop_duplicates("kind").set_index("kind")["date"]
    mistakes = [(answer + 1, "That counts both the first and the last day; the difference of two dates does not."),
                ((meeting["date"] - operation["date"]).days,
                 "That is the first meeting (a conference), not the first coalition."),
                ((by_line["coalition"] - by_line["operation"]).days,
                 "Those are the first rows in the article's order; sort by date.")]
    return Numeric(
        "Using the coalitions table: the earliest entry of kind 'operation' came before the earliest entry of "
        "kind 'coalition' (both are dated to the day). How many days before?",
        answer=answer, unit="days", mistakes=[(v, m) for v, m in mistakes if v != answer],
        lines=[int(operation["line"]), int(coalition["line"])],
        explanation=(f"{co.label(operation['coalition_id'])} ({dates.at_precision(operation['date'], 'day')}) came "
                     f"{answer} days before {co.label(coalition['coalition_id'])} "
                     f"({dates.at_precision(coalition['date'], 'day')}): the first kind of list is not always "
                     "a coalition's."),
        hints=["Find the earliest date of each kind.",
               "Group the coalitions table by kind and take the smallest date of each group.",
               "Subtract the two dates: a Timedelta has a .days attribute."],
        code=('earliest = coalitions.groupby("kind", observed=True)["date"].min()\n'
              '(earliest["coalition"] - earliest["operation"]).days'))


@REGISTRY.question("summative")
def meeting_list(t: Tables) -> MultipleChoice:
    coalitions = t.coalitions
    right = "That it was represented at that gathering, no more."
    return MultipleChoice(
        "In the coalitions table, paris_2014 and brussels_2014 have kind 'meeting'. What does a country's "
        "member row for a meeting tell you?",
        choices={
            right: "A meeting's list is attendance; joining is coded as kind 'coalition', taking part as "
                   "'operation'.",
            "That it joined the coalition against ISIL and took part in its airstrikes.":
                "Airstrikes are operations (kind 'operation'); attending a meeting is neither joining nor striking.",
            "That it agreed to the coalition's aims, but sent no forces of its own.":
                "The list records who was represented; it says nothing about agreement or forces.",
            "Nothing: the lists of meetings are not in the coalition_members table.":
                "Filter coalition_members on coalition_id 'paris_2014': the rows are there.",
        },
        answer=right, lines=seed_lines(coalitions[coalitions["kind"] == "meeting"]),
        hints=["Read the quotes of the two meeting rows: what do the countries do there?",
               "Compare with what a row of kind 'coalition' says its countries did."],
        code='coalitions.loc[coalitions["kind"].isin(["meeting", "coalition"]), ["coalition_id", "kind", "quote"]]')


# --- practice set 02 ----------------------------------------------------------------------------------

@REGISTRY.question("practice")
def wales_not_paris(t: Tables) -> SetAnswer:
    members = t.coalition_members
    wales, paris = co.members_of(members, "wales_2014"), co.members_of(members, "paris_2014")
    return SetAnswer(
        "Which countries of the Wales meeting were not represented at the Paris conference?",
        answer=wales - paris, normalise=country,
        lines=seed_lines(_rows(members, "wales_2014").head(1), _rows(members, "paris_2014").head(1)),
        advice="Check the direction of your difference, and that each set holds member rows only (the basis "
               "column marks the countries a passage leaves out).",
        explanation=("A difference: the Paris passage takes the Wales countries 'except' some. A Paris set built "
                     "from every Paris row, excluded ones included, leaves nothing: an empty answer is the sign."),
        hints=["Make one set of member countries per meeting; the excluded rows are not members.",
               "Order matters for a difference: a - b is not b - a."],
        code='co.members_of(members, "wales_2014") - co.members_of(members, "paris_2014")')


@REGISTRY.question("practice")
def union(t: Tables) -> Numeric:
    members = t.coalition_members
    wales, paris, brussels = (co.members_of(members, cid) for cid in THREE)
    answer = len(wales | paris | brussels)
    return Numeric(
        "How many different countries were in at least one of the Wales, Paris and Brussels lists?",
        answer=answer, unit="countries", lines=seed_lines(co.member_rows(members, THREE)),
        mistakes=[(len(wales) + len(paris) + len(brussels), "Adding the sizes counts a country once per list."),
                  (members[members["coalition_id"].isin(THREE)]["country"].nunique(),
                   "This count keeps the countries that are only excluded ('except'): count member rows only."),
                  (len(brussels), "That is the Brussels list alone."),
                  (len(wales & paris & brussels), "That is who was in all three, not in at least one.")],
        explanation="A union counts each country once; adding the three sizes counts many two or three times.",
        hints=["'At least one of' is a union.", "Combine the three member sets and count the result."],
        code=f"co.member_rows(members, {THREE})[\"country\"].nunique()")


@REGISTRY.question("practice")
def bpc(t: Tables) -> Numeric:
    row = t.coalitions.set_index("coalition_id").loc["bpc_2015"]
    listed = len(co.members_of(t.coalition_members, "bpc_2015"))
    return Numeric(
        f"The article says: “{row['quote']}”. How many countries does the passage on the BPC program list?",
        answer=listed, unit="countries", lines=[int(row["line"])],
        mistakes=[(int(row["stated_members"]), "That is the total the article states, not a count of its list.")],
        explanation="The list and the stated total ('a dozen') disagree; the course keeps both and records it.",
        hints=["The member rows of one coalition_id hold its list.",
               "Filter coalition_members on the BPC program's id and count the member rows."],
        code='len(co.members_of(members, "bpc_2015"))')


@REGISTRY.question("practice")
def by_size(t: Tables) -> Ordering:
    coalitions, members = t.coalitions, t.coalition_members
    sizes = co.member_rows(members, _period_ids(coalitions)).groupby("coalition_id").size().sort_values(
        ascending=False, kind="mergesort")
    return Ordering(
        f"Order the entries formed up to the end of {co.LAST_YEAR} that have a member list (coalitions, "
        "meetings and operations) by the number of countries in their lists, largest first. Give their "
        "coalition_id values (or their names) as a list.",
        answer=list(sizes.index), labels={cid: co.label(cid) for cid in sizes.index},
        aliases={cid: [name] for cid, name in coalitions.set_index("coalition_id")["name"][sizes.index].items()},
        lines=seed_lines(co.member_rows(members, sizes.index)),
        explanation="Counting member rows per entry and sorting gives the order; excluded rows are not members.",
        hints=["Keep the member rows of the period's entries (no excluded rows).",
               "Count the rows of each coalition_id, then sort the counts.",
               "Largest first: sort in descending order and read the index."],
        code=('period_sizes = co.member_rows(members, co.in_period(coalitions)["coalition_id"]).groupby(\n'
              '    "coalition_id").size()\n'
              "list(period_sizes.sort_values(ascending=False).index)"))


@REGISTRY.question("practice")
def sizes(t: Tables) -> PandasAnswer:
    members = t.coalition_members
    return PandasAnswer(
        "Make a Series with the number of member countries of each entry that has a member list, indexed by "
        "coalition_id (in any order).",
        answer=co.member_rows(members).groupby("coalition_id").size(), lines=seed_lines(co.member_rows(members)),
        explanation="Filter out the excluded rows, then count the rows of each coalition_id.",
        hints=["Not every row of coalition_members is a member: look at the basis column.",
               "Keep the member rows, then count rows per coalition_id."],
        code='members[members["basis"] != "excluded"].groupby("coalition_id").size()')


@REGISTRY.question("practice")
def table(t: Tables) -> PandasAnswer:
    rows = co.member_rows(t.coalition_members, THREE)
    return PandasAnswer(
        "Make a DataFrame with countries as its index and the columns wales_2014, paris_2014 and brussels_2014, "
        "True where the country is a member of that list; only countries in at least one of the three, in any "
        "order.",
        answer=pd.crosstab(rows["country"], rows["coalition_id"])[THREE] > 0, lines=seed_lines(rows),
        explanation=("Filter the rows (the three entries, no excluded rows), then cross-tabulate countries and "
                     "lists and compare with 0: a country in none of the three lists has no row."),
        hints=["Filter the rows first: the three coalition_ids, and no excluded rows.",
               "pd.crosstab counts the (country, list) pairs; a count above 0 means a member."],
        code=(f"listed = co.member_rows(members, {THREE})\n"
              'pd.crosstab(listed["country"], listed["coalition_id"]) > 0'))


@REGISTRY.question("practice")
def except_what(t: Tables) -> MultipleChoice:
    members = t.coalition_members
    left_out = sorted(co.members_of(members, "brussels_2014", basis=("excluded",)))
    everywhere = co.member_rows(members)
    others = everywhere[everywhere["country"].isin(left_out)]["coalition_id"].nunique()
    right = "The countries Paris added"
    return MultipleChoice(
        f"The Brussels passage leaves out {' and '.join(left_out)}. What are they left out of?",
        choices={
            right: "They are among the countries Paris named, and Brussels takes that list 'except' them.",
            "The Wales countries": "Check whether they are in the Wales set: there is nothing to remove there.",
            "Every coalition in the article":
                f"The exclusion applies to one term of one passage; they are members of {others} other list(s).",
            "The countries Brussels names": "They are not in that list either; the 'except' is attached to the "
                                            "Paris term of the sentence.",
        },
        answer=right, lines=seed_lines(_rows(members, "brussels_2014").head(1), _rows(members, "paris_2014").head(1)),
        hints=["Read the Brussels quote: which term of the sentence does 'except for' follow?",
               "Test whether the left-out countries are a subset (<=) of the Paris rows with basis named."],
        code=f'set({left_out}) <= co.members_of(members, "paris_2014", basis=("named",))')


@REGISTRY.question("practice")
def in_iraq(t: Tables) -> SetAnswer:
    members, inv = t.coalition_members, t.involvement
    muslim = co.members_of(members, "muslim_states_2015")
    rows = inv[(inv["theater"] == "Iraq") & inv["involved"].fillna(False).astype(bool)]
    answer = muslim & set(rows["country"])
    return SetAnswer(
        "Which members of the Muslim states' coalition does the involvement table mark as involved in the "
        "Iraq theater?",
        answer=answer, normalise=country, conditions=3,
        lines=seed_lines(_rows(members, "muslim_states_2015").head(1), rows[rows["country"].isin(muslim)]),
        explanation="An intersection of the coalition's members with the countries marked involved in Iraq.",
        hints=["Two conditions on the involvement table: the theater and the involved flag.",
               "Make a set of those countries, then keep the ones that are also the coalition's members."],
        code=('co.members_of(members, "muslim_states_2015") & set(\n'
              '    inv.loc[(inv["theater"] == "Iraq") & inv["involved"], "country"])'))


@REGISTRY.question("practice")
def africa(t: Tables) -> Numeric:
    rows = co.member_rows(t.coalition_members, ["muslim_states_2015"])
    continents = regions(rows["iso3"])["continent"].value_counts()
    answer = int(continents.get("Africa", 0))
    return Numeric(
        "How many members of the Muslim states' coalition are in Africa, by the UN M49 continents that "
        "regions(iso3_codes) gives?",
        answer=answer, unit="countries", lines=seed_lines(rows.head(1)),
        mistakes=[(len(rows) - answer, "Check your condition: it should keep the members whose continent is Africa."),
                  (len(rows), "That is every member, on every continent.")]
        + [(count, "That is another continent's count.") for continent, count in continents.items()
           if continent != "Africa" and count not in (answer, len(rows) - answer)],
        explanation="The continents come from the UN M49 classification via country_converter, not from the article.",
        hints=["Each member has an iso3 code; regions(...) gives a continent for each code.",
               "Count the members whose continent is 'Africa'."],
        code='(regions(co.member_rows(members, ["muslim_states_2015"])["iso3"])["continent"] == "Africa").sum()')


@REGISTRY.question("practice")
def outside(t: Tables) -> SetAnswer:
    members, inv = t.coalition_members, t.involvement
    in_a_list = set(co.member_rows(members, _period_ids(t.coalitions))["country"])
    war = inv[inv["theater"].isin(["Iraq", "Syria"]) & inv["involved"].fillna(False).astype(bool)]
    answer = set(war["country"]) - in_a_list
    return SetAnswer(
        f"Which countries does the involvement table mark as involved in Iraq or in Syria, but are members of "
        f"no list (of any kind) formed up to the end of {co.LAST_YEAR}?",
        answer=answer, normalise=country, conditions=2, lines=seed_lines(war[war["country"].isin(answer)]),
        explanation=("A country the article names only in an 'except' is in no member list, yet the table "
                     "can mark it as involved."),
        hints=["Take the member rows of the period's entries, not every row: excluded rows are not members.",
               "A difference: countries involved in Iraq or Syria minus countries in a member list."],
        code=('listed_somewhere = set(co.member_rows(members, co.in_period(coalitions)["coalition_id"])["country"])\n'
              'set(inv.loc[inv["theater"].isin(["Iraq", "Syria"]) & inv["involved"], "country"]) - listed_somewhere'))


# --- the banks ------------------------------------------------------------------------------------------

coalition_formation = REGISTRY.bank("lesson", "Lesson 02's questions for the focus ``coalition``, and its summative "
                                              "check.")
coalition_practice = REGISTRY.bank("practice", "Practice set 02's questions.")
