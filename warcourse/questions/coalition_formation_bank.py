"""Questions of lesson 02 (coalition formation) and of its practice set.

Every expected answer is computed here from fresh ``warcourse.data`` tables.
A ``coalitions`` row is a ``coalition``, a ``meeting`` or an ``operation``
(its ``kind``); several questions make the student tell them apart.
"""

from __future__ import annotations

import pandas as pd

from .. import coalitions as co
from .. import data, dates
from ..exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer
from ..lesson import require
from ..regions import regions
from .bank import QuestionBank, seed_lines

ORDER_IDS = ("brussels_2014", "cjtf_oir", "muslim_states_2015", "paris_2014", "russia_iraq_iran_syria_2015",
             "wales_2014")  # the entries the lesson's ordering question puts in date order


def _mistakes(answer, pairs) -> list:
    """Typical wrong values with their messages (capitalised), leaving out any that equals the answer."""
    return [(value, message[:1].upper() + message[1:]) for value, message in pairs if value != answer]


def _rows(members: pd.DataFrame, coalition_id: str) -> pd.DataFrame:
    return members[members["coalition_id"] == coalition_id]


def _with_kind(members: pd.DataFrame, coalitions: pd.DataFrame) -> pd.DataFrame:
    """Member rows (not ``excluded``) with the ``kind`` of their entry."""
    return co.member_rows(members).merge(coalitions[["coalition_id", "kind"]], on="coalition_id")


# --- the lesson ------------------------------------------------------------------------------------

def coalition_formation(coalition: str = co.FOCUS[0]) -> QuestionBank:
    """The questions of lesson 02 for the chosen focus ``coalition`` (and its summative check)."""
    require("coalition", coalition, co.FOCUS)
    coalitions, members, involvement = data.coalitions(), data.coalition_members(), data.involvement()
    bank = QuestionBank("coalition_formation", coalition=coalition)
    _order(bank, coalitions)
    _paris_removed(bank, members)
    _brussels_by_reference(bank, coalitions, members)
    _meeting_only(bank, coalitions, members)
    _any_list_errors(bank, coalitions, members)
    _china_russia(bank, coalitions, members)
    _focus_regions(bank, members, coalition)
    _muslim_involvement(bank, members, involvement)
    _summative(bank, coalitions, members)
    return bank


def _order(bank, coalitions):
    chosen = coalitions[coalitions["coalition_id"].isin(ORDER_IDS)]
    in_time = chosen.sort_values(["date", "line"], kind="mergesort")
    bank.add("order", Ordering(
        "Put these entries of the coalitions table in the order they were formed or met, earliest first.",
        answer=list(in_time["coalition_id"]),
        labels=dict(zip(in_time["coalition_id"], in_time["name"])),
        lines=seed_lines(in_time),
        explanation="In date order: " + "; ".join(
            f"{name} ({dates.at_precision(date, precision)})"
            for name, date, precision in zip(in_time["name"], in_time["date"], in_time["date_precision"]))
        + ". The article tells them in another order, so sort by date, not by line.",
        hints=["The article's order (the line column) is not the order of events.",
               "Sort the rows with sort_values on the date column; read each date with its date_precision."],
        code=f'chosen = coalitions[coalitions["coalition_id"].isin({list(ORDER_IDS)})]\n'
             'list(chosen.sort_values("date")["coalition_id"])'))


def _paris_removed(bank, members):
    wales = co.members_of(members, "wales_2014")
    paris_except = co.members_of(members, "paris_2014", basis=("excluded",))
    never_there = sorted(paris_except - wales)
    removed = sorted(paris_except & wales)
    paris_rows, wales_rows = _rows(members, "paris_2014"), _rows(members, "wales_2014")
    right = "Nothing: that country was not among the Wales countries."
    bank.add("paris_removed", MultipleChoice(
        f"The Paris passage takes the Wales countries except {' and '.join(sorted(paris_except))}. "
        f"What does removing {' and '.join(never_there)} change?",
        choices={
            "Paris has one country fewer than without it.":
                "Test whether that country is in the Wales set (the in operator): removing an item that is "
                "not in a set leaves the set as it was.",
            right: f"{', '.join(never_there)} is not in the Wales set, so removing it changes nothing; only "
                   f"{', '.join(removed)} is really removed. The wording is odd but the count is right.",
            "Paris gains that country, because the passage names it.":
                "A country named after 'except' is left out: the Paris rows record it with the basis excluded.",
            "Python raises an error, because the country is not in the set.":
                "The - operator never raises: it keeps the items of the left set that are not in the right "
                "one. (set.remove would raise a KeyError, but we did not use it.)",
        },
        answer=right,
        lines=seed_lines(wales_rows.head(1), paris_rows.head(1)),
        hints=["Which countries does the Wales set contain? Print sorted(wales).",
               "Test each removed country with the in operator on the Wales set."],
        code=f"[country in wales for country in {sorted(paris_except)}]"))


def _brussels_by_reference(bank, coalitions, members):
    wales = co.members_of(members, "wales_2014")
    paris_all = co.members_of(members, "paris_2014")
    paris_named = co.members_of(members, "paris_2014", basis=("named",))
    excluded = co.members_of(members, "brussels_2014", basis=("excluded",))
    named = co.members_of(members, "brussels_2014", basis=("named",))
    brussels = co.members_of(members, "brussels_2014")
    answer = len(wales | (paris_named - excluded))
    stated = coalitions.set_index("coalition_id").loc["brussels_2014", "stated_members"]
    rows = _rows(members, "brussels_2014")
    mistakes = [
        (len(brussels), "that is the whole Brussels list; the question asks only for the countries it "
                        "takes over from the two earlier meetings."),
        (int(stated), "that is the total the article states for Brussels, not a count of its list."),
        (len(named), "those are the countries the Brussels passage names itself, not the ones it refers to."),
        (len(wales | paris_named), "this keeps countries the passage leaves out with 'except'."),
        (len(wales | paris_all), "this takes every Paris country, not only the ones Paris added, and ignores "
                                 "the 'except'."),
        (len(wales) + len(paris_named), "adding the sizes keeps the excepted countries; build the sets."),
    ]
    bank.add("brussels_by_reference", Numeric(
        "How many of the Brussels countries come in by reference to the two earlier meetings (Wales and the "
        "countries Paris added, except those left out), rather than being named in the Brussels passage?",
        answer=answer, unit="countries", lines=seed_lines(rows),
        explanation=(f"wales | (paris_named - brussels_except) has {answer} countries; with the "
                     f"{len(named)} named ones that makes the {len(brussels)} of the Brussels list "
                     f"(the article states {stated})."),
        mistakes=_mistakes(answer, mistakes),
        hints=["The passage has three terms: the Wales countries, the Paris additions 'except' some, and a "
               "list of new names. Only the first two are by reference.",
               "Build the Paris additions from the Paris rows whose basis is named, remove the Brussels "
               "rows whose basis is excluded, union with the Wales set and take len(...)."],
        code="len(wales | (paris_named - brussels_except))"))


def _meeting_only(bank, coalitions, members):
    period = co.in_period(coalitions)["coalition_id"]
    rows = _with_kind(members, coalitions)
    rows = rows[rows["coalition_id"].isin(period)]
    meeting = set(rows.loc[rows["kind"] == "meeting", "country"])
    other = set(rows.loc[rows["kind"] != "meeting", "country"])
    answer = len(meeting - other)
    with_excluded = members[members["coalition_id"].isin(period)].merge(coalitions[["coalition_id", "kind"]],
                                                                          on="coalition_id")
    loose = set(with_excluded.loc[with_excluded["kind"] == "meeting", "country"]) - other
    mistakes = [
        (rows["country"].nunique(), "that counts every country in a list of any kind; keep the meeting-only ones."),
        (len(meeting), "that counts every country at a meeting, also those named in a coalition's or an "
                       "operation's list."),
        (len(other), "that counts the countries in coalitions' and operations' lists: the other side."),
        (len(loose), "this counts a country the article names only to leave it out ('except')."),
    ]
    bank.add("meeting_only", Numeric(
        f"Of the countries in a member list up to the end of {co.LAST_YEAR}, how many are named only in "
        "lists of kind 'meeting', and in no coalition's or operation's list?",
        answer=answer, unit="meeting-only countries",
        lines=seed_lines(coalitions[coalitions["coalition_id"].isin(period)]),
        explanation=(f"{answer} countries appear only as participants in a conference or meeting. A count of "
                     "'countries in any list' treats them as if they had joined a coalition."),
        mistakes=_mistakes(answer, mistakes),
        hints=["Attach each member row's kind with merge on coalition_id, and drop the excluded rows.",
               "Make two sets of countries: those in meeting lists, and those in the other lists; then take a "
               "difference."],
        code=('rows = co.member_rows(members).merge(coalitions[["coalition_id", "kind"]], on="coalition_id")\n'
              'rows = rows[rows["coalition_id"].isin(co.in_period(coalitions)["coalition_id"])]\n'
              'meeting = set(rows.loc[rows["kind"] == "meeting", "country"])\n'
              'other = set(rows.loc[rows["kind"] != "meeting", "country"])\n'
              "len(meeting - other)")))


def _any_list_errors(bank, coalitions, members):
    period = co.in_period(coalitions)
    rows = members[members["coalition_id"].isin(period["coalition_id"])]
    said = rows["country"].nunique()
    kinds = _with_kind(rows, coalitions)
    only_excluded = set(rows["country"]) - set(kinds["country"])
    meeting_only = set(kinds.loc[kinds["kind"] == "meeting", "country"]) - set(
        kinds.loc[kinds["kind"] != "meeting", "country"])
    leaders = period.loc[period["kind"] == "coalition", "led_by"].dropna().nunique()
    operation_only = set(kinds.loc[kinds["kind"] == "operation", "country"]) - set(
        kinds.loc[kinds["kind"] != "operation", "country"])
    host_listed = "United States" in co.members_of(members, "wales_2014")
    options = {  # option -> (is it a mistake here?, why)
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
    answer = {option for option, (mistake, _) in options.items() if mistake}
    explanation = " ".join(f"{option}: {'a mistake' if mistake else 'not a mistake'}, {why}"
                           for option, (mistake, why) in options.items())
    bank.add("any_list_errors", SetAnswer(
        f"A classmate writes “By the end of {co.LAST_YEAR}, {said} countries had joined the coalition against "
        "ISIL”, computed as members[members['coalition_id'].isin(period_ids)]['country'].nunique(). "
        "Which of these are mistakes in that sentence or its code?",
        answer=answer, options=list(options), lines=seed_lines(period), explanation=explanation,
        hints=["Test each option against the tables: the basis column, the kind column and the led_by column.",
               "For the basis: are there countries whose only rows are excluded? For the kind: are there "
               "countries named only in meeting lists, or only in operations? For led_by: how many leaders "
               "do the coalitions have?"],
        code=('rows = members[members["coalition_id"].isin(period_ids)]\n'
              'set(rows["country"]) - set(co.member_rows(rows)["country"])   # only excluded\n'
              'period.loc[period["kind"] == "coalition", "led_by"].unique()   # leaders')))


def _china_russia(bank, coalitions, members):
    left_out = sorted(co.members_of(members, "brussels_2014", basis=("excluded",)))
    paris_row = coalitions.set_index("coalition_id").loc["paris_2014"]
    paris_kind = paris_row["kind"]
    pair = " and ".join(left_out)
    right = (f"The article does not say so: Paris was a {paris_kind} where they were represented, and the "
             "Global Coalition's Brussels list takes the Paris countries except them.")
    bank.add("china_russia", MultipleChoice(
        f"{pair} are in the Paris list. Does the article make them members of the US-led coalition against ISIL?",
        choices={
            right: ("Being represented at a conference is not joining; the coalitions table codes Paris as a "
                    f"{paris_kind}, and the Brussels passage leaves them out by name."),
            f"Yes: every country in the Paris list joined the coalition "
            f"{dates.on(paris_row['date'], paris_row['date_precision'])}.":
                "Look at the kind column of the Paris row: its list says who was represented at a gathering, "
                "not who agreed to act together.",
            "Yes, but they left it before the Brussels meeting.":
                "The article reports no departure: the 'except' in the Brussels passage says which countries "
                "its list takes over, not that anyone changed their mind.",
            "The question cannot be asked: they appear in no member list.":
                "Filter coalition_members on their names: they have rows with the basis named and excluded.",
        },
        answer=right, lines=seed_lines(coalitions[coalitions["coalition_id"].isin(["paris_2014", "brussels_2014"])]),
        hints=["Look at the kind of the Paris row in the coalitions table.",
               "Then look at every row of coalition_members for these two countries, with its basis."],
        code=f'members[members["country"].isin({left_out})][["coalition_id", "basis"]]'))


def _focus_regions(bank, members, coalition):
    rows = co.member_rows(members, [coalition])
    placed = rows.merge(regions(rows["iso3"]), on="iso3")
    answer = placed.groupby("region").size()
    name = co.label(coalition)
    bank.add("focus_regions", PandasAnswer(
        f"A Series: the number of members of the {name} list ({coalition}) in each UN M49 region "
        "(the region column of regions(...)), indexed by region.",
        answer=answer, lines=seed_lines(rows),
        explanation=(f"The {name} list has members in {len(answer)} regions. Merge the member rows with "
                     "regions(rows['iso3']) on iso3, then groupby('region').size()."),
        hints=["Start from the focus coalition's member rows: not the excluded ones.",
               "merge the rows with regions(rows['iso3']) on 'iso3'; count rows per region, not per continent."],
        code=(f'rows = co.member_rows(members, ["{coalition}"])\n'
              'rows.merge(regions(rows["iso3"]), on="iso3").groupby("region").size()')))


def _muslim_involvement(bank, members, involvement):
    muslim = co.members_of(members, "muslim_states_2015")
    answer = muslim & set(involvement["country"])
    inv_rows = involvement[involvement["country"].isin(answer)]
    involved = set(inv_rows.loc[inv_rows["involved"].fillna(False).astype(bool), "country"])
    never = sorted(answer - involved)
    bank.add("muslim_involvement", SetAnswer(
        "Which members of the Muslim states' coalition appear in the involvement table, whatever their "
        "cells say?",
        answer=answer, lines=seed_lines(_rows(members, "muslim_states_2015"), inv_rows),
        explanation=(f"{len(answer)} of its {len(muslim)} members have a row in the involvement table"
                     + (f"; {', '.join(never)} has '—' in every theater: listed, yet marked as not involved "
                        "anywhere." if never else ".")),
        hints=["A country is 'in the table' when it has a row, whatever involved says.",
               "Intersect the coalition's member set with the set of the involvement table's countries."],
        code='co.members_of(members, "muslim_states_2015") & set(involvement["country"])'))


# --- the lesson's summative check -----------------------------------------------------------------

def _summative(bank, coalitions, members):
    rows = _with_kind(members, coalitions)
    per_kind = rows.groupby(rows["kind"].astype("str"))["country"].nunique()
    bank.add("countries_per_kind", PandasAnswer(
        "Using coalition_members (member rows only: basis named or by_reference) and the kind column of "
        "coalitions: a Series with the number of different countries in the lists of each kind, indexed by kind.",
        answer=per_kind, lines=seed_lines(coalitions[coalitions["coalition_id"].isin(set(rows["coalition_id"]))]),
        explanation=("merge the member rows with coalitions on coalition_id, then groupby('kind') and "
                     "nunique() on country: a country in two lists of one kind counts once for that kind."),
        hints=["Attach the kind to each member row with merge on coalition_id; leave out the excluded rows.",
               "Count different countries, not rows: groupby('kind')['country'].nunique()."],
        code=('rows = co.member_rows(members).merge(coalitions[["coalition_id", "kind"]], on="coalition_id")\n'
              'rows.groupby("kind")["country"].nunique()')), summative=True)

    riis, paris = co.members_of(members, "russia_iraq_iran_syria_2015"), co.members_of(members, "paris_2014")
    bank.add("riis_paris", SetAnswer(
        "Using coalition_members (member rows: basis named or by_reference): which countries are in both the "
        "russia_iraq_iran_syria_2015 list and the paris_2014 list?",
        answer=riis & paris,
        lines=seed_lines(_rows(members, "russia_iraq_iran_syria_2015"), _rows(members, "paris_2014").head(1)),
        explanation="An intersection (&) of the two member sets: groups led by different powers still overlap.",
        hints=["Make one set of countries per coalition_id, leaving out the excluded rows.",
               "Intersect them with &."],
        code='co.members_of(members, "russia_iraq_iran_syria_2015") & co.members_of(members, "paris_2014")'),
        summative=True)

    per_country = rows[rows["kind"] == "coalition"].groupby("country").size()
    any_kind = rows.groupby("country").size()
    answer = int((per_country >= 2).sum())
    mistakes = [(int((any_kind >= 2).sum()), "that counts lists of every kind; keep the kind 'coalition'."),
                (len(per_country), "that counts countries in at least one coalition's list, not two."),
                (int((per_country >= 3).sum()), "that counts countries in three or more lists.")]
    bank.add("two_coalitions", Numeric(
        "Using coalition_members (member rows only) and the kind column of coalitions: how many countries are "
        "in at least two lists of kind 'coalition'?",
        answer=answer, unit="countries with two or more",
        lines=seed_lines(coalitions[coalitions["kind"] == "coalition"]),
        explanation=f"{answer} countries are in two or more coalitions' lists.",
        mistakes=_mistakes(answer, mistakes),
        hints=["merge the member rows with coalitions on coalition_id to get each row's kind.",
               "Keep kind == 'coalition', count rows per country, and count the countries with 2 or more."],
        code=('rows = co.member_rows(members).merge(coalitions[["coalition_id", "kind"]], on="coalition_id")\n'
              '(rows[rows["kind"] == "coalition"].groupby("country").size() >= 2).sum()')),
        summative=True)

    muslim = co.members_of(members, "muslim_states_2015")
    meeting_ids = coalitions.loc[coalitions["kind"] == "meeting", "coalition_id"]
    at_meetings = set(co.member_rows(members, meeting_ids)["country"])
    answer = len(muslim & at_meetings)
    per_meeting = [len(muslim & co.members_of(members, cid)) for cid in meeting_ids]
    mistakes = [(len(muslim), "that is every member of the Muslim states' coalition."),
                (sum(per_meeting), "adding the overlaps meeting by meeting counts a country once per meeting."),
                (len(muslim - at_meetings), "that counts the members who were at no meeting.")]
    mistakes += [(value, "that is one meeting only; the question asks for any meeting.") for value in per_meeting]
    bank.add("muslim_at_meetings", Numeric(
        "Using coalition_members (member rows only) and the kind column of coalitions: how many members of "
        "the muslim_states_2015 list are also in the list of at least one entry of kind 'meeting'?",
        answer=answer, unit="countries",
        lines=seed_lines(coalitions[coalitions["coalition_id"].isin([*meeting_ids, "muslim_states_2015"])]),
        explanation=f"{answer} members of the Muslim states' coalition were also represented at a meeting.",
        mistakes=_mistakes(answer, mistakes),
        hints=["Make one set of the coalition's members and one of every country in a meeting's list.",
               "Intersect the two sets with & and count."],
        code=('meeting_ids = coalitions.loc[coalitions["kind"] == "meeting", "coalition_id"]\n'
              'at_meetings = set(co.member_rows(members, meeting_ids)["country"])\n'
              'len(co.members_of(members, "muslim_states_2015") & at_meetings)')), summative=True)

    operations = coalitions[coalitions["kind"] == "operation"].sort_values(["date", "line"], kind="mergesort")
    bank.add("operations_order", Ordering(
        "Using the coalitions table: put its rows of kind 'operation' in date order, earliest first.",
        answer=list(operations["coalition_id"]),
        labels={cid: co.label(cid) for cid in operations["coalition_id"]},
        lines=seed_lines(operations),
        explanation="Sorted by date: " + ", ".join(
            f"{co.label(cid)} ({dates.at_precision(date, precision)})" for cid, date, precision in
            zip(operations["coalition_id"], operations["date"], operations["date_precision"])) + ".",
        hints=["Filter on kind, then sort.", "sort_values('date'); read dates with their date_precision."],
        code='coalitions[coalitions["kind"] == "operation"].sort_values("date")["coalition_id"]'), summative=True)

    right = ("That the article says it was represented at that gathering; not, by itself, that it agreed to "
             "act together or took part in operations.")
    bank.add("meeting_list", MultipleChoice(
        "In the coalitions table, paris_2014 and brussels_2014 have kind 'meeting'. What does a country's "
        "member row for a meeting tell you?",
        choices={
            right: "A meeting's list is attendance; joining is coded as kind 'coalition', taking part as 'operation'.",
            "That it joined the coalition and took part in airstrikes.":
                "Airstrikes are operations (kind 'operation'); attending a meeting is neither joining nor striking.",
            "That it agreed to the coalition's aims but sent no forces.":
                "The list records who was represented; it says nothing about agreement or forces.",
            "Nothing: meeting lists are not in coalition_members.":
                "Filter coalition_members on coalition_id 'paris_2014': the rows are there.",
        },
        answer=right, lines=seed_lines(coalitions[coalitions["kind"] == "meeting"]),
        hints=["Read the quotes of the two meeting rows: what do the countries do there?",
               "Compare with what a row of kind 'coalition' says its countries did."]), summative=True)


# --- the practice set -------------------------------------------------------------------------------

def coalition_practice() -> QuestionBank:
    """The questions of practice set 02."""
    coalitions, members, inv = data.coalitions(), data.coalition_members(), data.involvement()
    bank = QuestionBank("coalition_practice")
    wales, paris = co.members_of(members, "wales_2014"), co.members_of(members, "paris_2014")
    brussels = co.members_of(members, "brussels_2014")
    wales_rows, paris_rows = _rows(members, "wales_2014"), _rows(members, "paris_2014")
    brussels_rows = _rows(members, "brussels_2014")

    bank.add("wales_not_paris", SetAnswer(
        "Which countries of the Wales meeting were not represented at the Paris conference?",
        answer=wales - paris, lines=seed_lines(wales_rows.head(1), paris_rows.head(1)),
        explanation=("A difference: the Paris passage takes the Wales countries 'except' some, and only "
                     "one of those was in Wales."),
        hints=["Make one set of member countries per meeting.", "Order matters for a difference: a - b is not b - a."],
        code='co.members_of(members, "wales_2014") - co.members_of(members, "paris_2014")'))

    three = ["wales_2014", "paris_2014", "brussels_2014"]
    union = len(wales | paris | brussels)
    bank.add("union", Numeric(
        "How many different countries were in at least one of the Wales, Paris and Brussels lists?",
        answer=union, unit="countries", lines=seed_lines(co.member_rows(members, three)),
        explanation="A union counts each country once; adding the three sizes counts many two or three times.",
        mistakes=_mistakes(union, [
            (len(wales) + len(paris) + len(brussels), "adding the sizes counts a country once per list."),
            (members[members["coalition_id"].isin(three)]["country"].nunique(),
             "this counts a country that is only excluded ('except')."),
            (len(brussels), "that is the Brussels list alone."),
            (len(wales & paris & brussels), "that is who was in all three, not in at least one.")]),
        hints=["'At least one of' is a union.", "Combine the three member sets with | and count the result."],
        code="len(wales | paris | brussels)"))

    bpc = coalitions.set_index("coalition_id").loc["bpc_2015"]
    listed = len(co.members_of(members, "bpc_2015"))
    bank.add("bpc", Numeric(
        f"The article says: “{bpc['quote']}”. How many countries does the passage on the BPC program list?",
        answer=listed, unit="countries", lines=[int(bpc["line"])],
        explanation="The list and the stated total ('a dozen') disagree; the course keeps both and records it.",
        mistakes=_mistakes(listed, [(int(bpc["stated_members"]),
                                     "that is the total the article states, not a count of its list.")]),
        hints=["The member rows of one coalition_id hold its list.",
               "Filter coalition_members on the BPC program's id and count the member rows."],
        code='len(co.members_of(members, "bpc_2015"))'))

    period_ids = list(co.in_period(coalitions)["coalition_id"])
    sizes = co.member_rows(members, period_ids).groupby("coalition_id").size().sort_values(
        ascending=False, kind="mergesort")
    bank.add("by_size", Ordering(
        f"Order the entries formed up to the end of {co.LAST_YEAR} that have a member list (coalitions, "
        "meetings and operations) by the number of countries in their lists, largest first.",
        answer=list(sizes.index), labels={cid: co.label(cid) for cid in sizes.index},
        lines=seed_lines(co.member_rows(members, sizes.index)),
        explanation="Counting member rows per entry and sorting gives the order; excluded rows are not members.",
        hints=["Keep the member rows of the period's entries (no excluded rows).",
               "groupby('coalition_id').size(), then sort_values(ascending=False)."],
        code=("sizes = co.member_rows(members, period_ids).groupby(\"coalition_id\").size()\n"
              "list(sizes.sort_values(ascending=False).index)")))

    member_sizes = co.member_rows(members).groupby("coalition_id").size()
    bank.add("sizes", PandasAnswer(
        "A Series: the number of member countries of each entry that has a member list, indexed by coalition_id.",
        answer=member_sizes, lines=seed_lines(co.member_rows(members)),
        explanation="Filter out the excluded rows, then groupby('coalition_id').size().",
        hints=["Not every row of coalition_members is a member: look at the basis column.",
               "Keep the member rows, then count rows per coalition_id."],
        code='members[members["basis"] != "excluded"].groupby("coalition_id").size()'))

    rows = co.member_rows(members, three)
    table = pd.crosstab(rows["country"], rows["coalition_id"])[three] > 0
    bank.add("table", PandasAnswer(
        "A DataFrame: countries (index) x the columns wales_2014, paris_2014 and brussels_2014, True where "
        "the country is a member of that list; only countries in at least one of the three.",
        answer=table, lines=seed_lines(rows),
        explanation=("Filter the rows (the three entries, no excluded rows), then pd.crosstab and > 0: a "
                     "country in none of the three lists has no row."),
        hints=["Filter the rows first: the three coalition_ids, and no excluded rows.",
               "pd.crosstab(rows['country'], rows['coalition_id']) counts pairs; compare with 0."],
        code=('rows = members[members["coalition_id"].isin(three) & (members["basis"] != "excluded")]\n'
              'pd.crosstab(rows["country"], rows["coalition_id"]) > 0')))

    left_out = sorted(co.members_of(members, "brussels_2014", basis=("excluded",)))
    everywhere = co.member_rows(members)
    others = everywhere[everywhere["country"].isin(left_out)]["coalition_id"].nunique()
    right = "The countries Paris added to the Wales list"
    bank.add("except_what", MultipleChoice(
        f"The Brussels passage leaves out {' and '.join(left_out)}. What are they left out of?",
        choices={
            right: "They are among the countries Paris named, and Brussels takes that list 'except' them.",
            "The Wales countries": "Check whether they are in the Wales set: there is nothing to remove there.",
            "Every coalition in the article":
                f"The exclusion applies to one term of one passage; they are members of {others} other list(s).",
            "The countries Brussels names one by one":
                "They are not in that list either; the 'except' is attached to the Paris term of the sentence.",
        },
        answer=right, lines=seed_lines(brussels_rows.head(1), paris_rows.head(1)),
        hints=["Read the Brussels quote: which term of the sentence does 'except for' follow?",
               "Test whether the left-out countries are a subset (<=) of the Paris rows with basis named."],
        code=(f'set({left_out}) <= co.members_of(members, "paris_2014", basis=("named",))')))

    muslim = co.members_of(members, "muslim_states_2015")
    nigeria_rows = inv[(inv["theater"] == "Nigeria") & inv["involved"].fillna(False).astype(bool)]
    nigeria = set(nigeria_rows["country"])
    bank.add("nigeria", SetAnswer(
        "Which members of the Muslim states' coalition does the involvement table mark as involved in the "
        "Nigeria theater?",
        answer=muslim & nigeria,
        lines=seed_lines(_rows(members, "muslim_states_2015").head(1),
                     nigeria_rows[nigeria_rows["country"].isin(muslim)]),
        explanation="An intersection of the coalition's members with the countries marked involved in Nigeria.",
        hints=["Two conditions on the involvement table: the theater and the involved flag.",
               "Make a set of those countries and intersect it with the coalition's member set."],
        code=('nigeria = set(inv.loc[(inv["theater"] == "Nigeria") & inv["involved"], "country"])\n'
              'co.members_of(members, "muslim_states_2015") & nigeria')))

    muslim_rows = co.member_rows(members, ["muslim_states_2015"])
    continents = muslim_rows.merge(regions(muslim_rows["iso3"]), on="iso3")["continent"].value_counts()
    africa = int(continents.get("Africa", 0))
    bank.add("africa", Numeric(
        "How many members of the Muslim states' coalition are in Africa, by the UN M49 continents that "
        "regions(iso3_codes) gives?",
        answer=africa, unit="countries", lines=seed_lines(muslim_rows.head(1)),
        explanation="The continents come from the UN M49 classification via country_converter, not from the article.",
        mistakes=_mistakes(africa, [(int(continents.get("Asia", 0)), "that is another continent's count."),
                                    (len(muslim_rows), "that is every member, on every continent."),
                                    (len(muslim_rows) - africa, "that counts the members outside Africa.")]),
        hints=["Attach a continent to each member row with merge on iso3.",
               "Count the rows whose continent is 'Africa'."],
        code=('placed = muslim_rows.merge(regions(muslim_rows["iso3"]), on="iso3")\n'
              'int((placed["continent"] == "Africa").sum())')))

    in_a_list = set(co.member_rows(members, period_ids)["country"])
    war = inv[inv["theater"].isin(["Iraq", "Syria"]) & inv["involved"].fillna(False).astype(bool)]
    outside = set(war["country"]) - in_a_list
    bank.add("outside", SetAnswer(
        f"Which countries does the involvement table mark as involved in Iraq or in Syria, but are members of "
        f"no list (of any kind) formed up to the end of {co.LAST_YEAR}?",
        answer=outside, lines=seed_lines(war[war["country"].isin(outside)]),
        explanation=("A country the article names only in an 'except' is in no member list, yet the table "
                     "can mark it as involved."),
        hints=["Take the member rows of co.in_period(coalitions), not every row: excluded rows are not members.",
               "A difference: countries involved in Iraq or Syria minus countries in a member list."],
        code=('in_a_list = set(co.member_rows(members, period_ids)["country"])\n'
              'set(inv.loc[inv["theater"].isin(["Iraq", "Syria"]) & inv["involved"], "country"]) - in_a_list')))
    return bank
