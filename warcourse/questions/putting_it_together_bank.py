"""Questions of lesson 05 (a brief on one theater), built from fresh tables for the chosen theater."""

from __future__ import annotations

import pandas as pd

from .. import brief, campaigns, dates, draft
from .. import coalitions as co
from ..exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer
from ..lesson import require
from ..theaters import COMBINED, claims_in, in_theater
from .bank import QuestionBank, seed_lines


def key_events(events: pd.DataFrame, count: int = 5) -> pd.DataFrame:
    """The first event of each type dated to the day or month, each alone in its month, up to ``count``
    spread over the period, in date order (a timeline to put in order)."""
    rows = events[events["date_precision"].astype("string") != "year"]
    firsts = rows.sort_values(["date", "line", "event_id"], kind="mergesort").drop_duplicates("event_type")
    firsts = firsts[~firsts["date"].dt.to_period("M").duplicated(keep=False)].reset_index(drop=True)
    if len(firsts) > count:
        firsts = firsts.iloc[[round(i * (len(firsts) - 1) / (count - 1)) for i in range(count)]]
    return firsts.reset_index(drop=True)


def kind_label(row) -> str:
    """A strike count as a choice: "Netherlands: 2,100 airstrikes, running total by December 2018"."""
    place = f", {COMBINED} combined" if row["theater"] == COMBINED else ""
    return (f"{row['actor']}: {brief.amount(row)} {row['metric']}, {campaigns.COUNT_WORDS[row['count_type']]}"
            f" {brief.when(row)}{place}")


def kind_choices(counts: pd.DataFrame, deployments: pd.DataFrame, theater: str):
    """A reference number from the theater's strike counts, one number of the same kind and up to three that are not.

    The reference is the largest running total or period count of airstrikes (of the most common metric
    when there is none); the right choice is the largest other number of the same metric and count type,
    by another actor if there is one. The others: a number of the same metric but another count type,
    numbers of other metrics, and the largest deployment (a number of forces, not of strikes).
    Returns ``(reference, right, others)``: two rows and a list of (label, why it is not the same kind).
    """
    rows = campaigns.with_days(in_theater(counts, theater)).sort_values(["value", "record_id"], ascending=[False, True])
    totals = rows[rows["count_type"].isin(campaigns.TOTALS)]
    kinds = totals.groupby(["metric", "count_type"], observed=True).size()
    kinds = kinds[kinds >= 2]
    strikes = sorted((kind for kind in kinds.index if kind[0] == "airstrikes"),
                     key=lambda kind: campaigns.TOTALS.index(kind[1]))
    metric, count_type = strikes[0] if strikes else kinds.idxmax()
    group = totals[(totals["metric"] == metric) & (totals["count_type"] == count_type)]
    reference = group.iloc[0]
    others_by = group[group["actor"] != reference["actor"]]
    right = (others_by if len(others_by) else group.iloc[1:]).iloc[0]
    other_type = rows[(rows["metric"] == metric) & (rows["count_type"] != count_type)].head(1)
    other_metric = rows[rows["metric"] != metric].drop_duplicates("metric").head(2 - len(other_type))
    others = []
    for _, row in pd.concat([other_type, other_metric]).iterrows():
        why = (f"it is a {campaigns.COUNT_WORDS[row['count_type']]}, the reference a "
               f"{campaigns.COUNT_WORDS[count_type]}" if row["metric"] == metric
               else f"it counts {row['metric']}, not {metric}")
        others.append((kind_label(row), why[0].upper() + why[1:] + "."))
    forces = in_theater(deployments, theater).sort_values(["value", "record_id"], ascending=[False, True])
    if len(forces):
        row = forces.iloc[0]
        others.append((f"{row['actor']}: {row['value']:,} {row['asset']} ({campaigns.ASSET_WORDS[row['count_type']]}"
                       f", {dates.at_precision(row['date'], row['date_precision'])})",
                       "It counts forces from the deployments table (people or aircraft), not strikes."))
    single = rows[(rows["metric"] == metric) & (rows["count_type"] == "single_event")].head(1)
    if len(others) < 3 and len(single) and kind_label(single.iloc[0]) not in dict(others):
        others.append((kind_label(single.iloc[0]), "It is a single event: one day's count, not a total."))
    if len(others) < 3:
        others.append((f"The number of countries involved in {theater}",
                       "That counts countries (involvement table rows), not strikes."))
    return reference, right, others


def putting_it_together(theater: str = "Iraq") -> QuestionBank:
    """The questions of lesson 05 (and of its summative check) for one ``theater``."""
    require("theater", theater, brief.THEATERS)
    tables = brief.load()
    bank = QuestionBank("putting_it_together", theater=theater)
    bank.rubric = draft.RUBRIC
    for name, exercise in _lesson(tables, theater):
        bank.add(name, exercise)
    for name, exercise in _summative(tables, theater):
        bank.add(name, exercise, summative=True)
    return bank


def _lesson(tables: brief.Tables, theater: str):
    events_here = in_theater(tables.events, theater)
    steps = key_events(events_here)
    yield "timeline", Ordering(
        f"Put these first events of their kind in {theater} in date order, earliest first. Predict from what "
        "you know first, then check with events_here sorted by its date column.",
        answer=list(steps["event_id"]),
        labels={row.event_id: f"{row.actor}: {row.summary}" for row in steps.itertuples()},
        lines=seed_lines(steps),
        explanation="In date order: " + "; ".join(
            f"{dates.at_precision(row.date, row.date_precision)}, {row.event_type.replace('_', ' ')}"
            for row in steps.itertuples()) + ".",
        hints=["Sort the rows: events_here.sort_values('date').",
               "Keep the rows whose event_id is one of the items, and read their order."],
        code="steps = events_here[events_here['event_id'].isin(ids)].sort_values('date')\nlist(steps['event_id'])",
    )

    here = tables.involvement[(tables.involvement["theater"] == theater) & tables.involvement["involved"]]
    biggest = brief.largest_list(tables.coalitions, tables.members)
    out = brief.outside(tables.members, set(here["country"]), biggest)
    nowhere = brief.in_no_list(tables.members, out)
    yield "outside", SetAnswer(
        f"Which countries involved in {theater} are not in the {co.label(biggest)} list, the longest member list "
        "in the article? Use a set difference.",
        answer=out,
        lines=seed_lines(here[here["country"].isin(out)], co.member_rows(tables.members, [biggest])),
        explanation=(f"{len(nowhere)} of them are in no list at all. Being involved in a theater and being listed "
                     "by a coalition are two different records, and the article keeps them in different places."),
        hints=["Make two sets: the involved countries of the theater, and the members of the longest list.",
               f"co.members_of(members, {biggest!r}) is the list; a - b keeps what is in a and not in b."],
        code=(f"involved = set(involvement.loc[(involvement['theater'] == {theater!r}) & involvement['involved'], "
              f"'country'])\ninvolved - co.members_of(members, {biggest!r})"),
    )

    start_rows = events_here[events_here["event_type"] == "campaign_start"]
    actors = start_rows["actor"].nunique()
    yield "starts", Numeric(
        f"How many different actors does the article say began a campaign in {theater}? Count each actor once.",
        answer=actors, unit="actors", lines=seed_lines(start_rows),
        explanation=(f"The table has {len(start_rows)} campaign-start rows for them: an actor whose start is told "
                     "twice, or at two precisions, began only once. Rows are not campaigns."),
        mistakes=[(len(start_rows), "That counts rows: some actors' starts are told twice or at two precisions.")]
        if len(start_rows) != actors else [],
        hints=["Keep the campaign_start rows of events_here.", "Count distinct actors with .nunique(), not rows."],
        code="start_rows = events_here[events_here['event_type'] == 'campaign_start']\nstart_rows['actor'].nunique()",
    )

    reference, right, others = kind_choices(tables.counts, tables.deployments, theater)
    yield "same_kind", MultipleChoice(
        f"Your brief quotes “{kind_label(reference)}”. Which of these numbers can stand beside it as a number "
        "of the same kind?",
        choices={kind_label(right): (f"Same metric ({reference['metric']}) and same count type "
                                     f"({campaigns.COUNT_WORDS[reference['count_type']]}); still say over which "
                                     "days each was counted before comparing them."),
                 **dict(others)},
        answer=kind_label(right),
        lines=sorted({int(reference["line"]), int(right["line"])}),
        hints=["Read each number's metric (what it counts) and count type (running total, period, event).",
               "Only one choice matches the reference in both."],
    )

    claims_here = claims_in(tables.claims, theater)
    by_claimant = claims_here.groupby("claimant_type", observed=True).size()
    yield "claimants", PandasAnswer(
        f"Make a Series with the number of claims about {theater} per claimant type (only the types that occur).",
        answer=by_claimant, lines=seed_lines(claims_here),
        explanation=("Who counts matters as much as how many: a government, a monitor and a newspaper have "
                     "different reasons and means to count, and 'unattributed' claims name no source at all."),
        hints=["One row per claim: group the claims by their claimant_type.",
               "groupby(...).size() counts rows per group; observed=True leaves out the types that do not occur."],
        code="claims_here.groupby('claimant_type', observed=True).size()",
    )

    yield "find_the_error", _find_the_error(tables, theater)


def _find_the_error(tables: brief.Tables, theater: str) -> MultipleChoice:
    """A draft sentence with one flaw the checker names: a combined figure as the theater's, or a collapsed range."""
    counts = in_theater(tables.counts, theater)
    combined = counts[(counts["theater"] == COMBINED) & (counts["metric"] == "airstrikes")]
    ranges = counts[counts["low"].notna() & counts["high"].notna() & (counts["low"] != counts["high"])]
    other = tables.counts[~tables.counts["theater"].isin([theater, COMBINED])].sort_values("record_id").iloc[0]
    if len(combined):
        row = combined.sort_values("value", ascending=False).iloc[0]
        sentence = f"{row['actor']} carried out {int(row['value']):,} airstrikes in {theater} (line {int(row['line'])})."
        flaw = "It presents a figure for Iraq and Syria together as the theater's alone."
    elif len(ranges):
        row = ranges.iloc[0]
        sentence = (f"{row['actor']} carried out {int(row['low']):,} {row['metric']} in {theater} "
                    f"(line {int(row['line'])}).")
        flaw = "It keeps one end of a range and drops the other."
    else:
        row = counts.sort_values("value", ascending=False).iloc[0]
        sentence = f"{row['actor']} carried out {int(other['value']):,} {row['metric']} in {theater} (line {int(row['line'])})."
        flaw = "The number is not the one the cited line gives for this theater."
    return MultipleChoice(
        f"A classmate's draft says: “{sentence}” Read line {int(row['line'])} (the quote: “{row['quote']}”). "
        "What is wrong with the sentence?",
        choices={
            flaw: "The cited row says so: a brief must keep what the article says about a number's scope and bounds.",
            "Nothing: the number and the line match.": "Compare the sentence with the row's theater, low and high, "
                                                       "not only with its value.",
            "The line reference is missing.": "The sentence cites its line; the problem is what it says about "
                                              "the number.",
            "Airstrikes must never be counted in a brief.": "A brief may quote strike counts, when it says what they "
                                                            "count, when, and where.",
        },
        answer=flaw, lines=[int(row["line"])],
        hints=["Look the row up: draft.rows('air')['strike_counts'] and find its line.",
               "Compare the row's theater, low and high with what the sentence claims."],
    )


def _summative(tables: brief.Tables, theater: str):
    inv = tables.involvement[tables.involvement["involved"]]
    other = "Iraq" if theater == "Syria" else "Syria"
    here, there = set(inv.loc[inv["theater"] == theater, "country"]), set(inv.loc[inv["theater"] == other, "country"])
    both = inv[inv["country"].isin(here & there) & inv["theater"].isin([theater, other])]
    yield "check_both", Numeric(
        f"How many countries does the involvement table mark as involved both in {theater} and in {other}?",
        answer=len(here & there), unit="countries", lines=seed_lines(both),
        explanation="Two sets of countries and their intersection (&): involvement in one theater says little "
                    "about another.",
        mistakes=[(len(here | there), "That is the union (|): countries involved in either theater.")],
        hints=["Make one set of involved countries per theater.", "The countries in both: a & b, then len(...)."],
        code=(f"inv = involvement[involvement['involved']]\nhere = set(inv.loc[inv['theater'] == {theater!r}, "
              f"'country'])\nthere = set(inv.loc[inv['theater'] == {other!r}, 'country'])\nlen(here & there)"),
    )
    claims_here = claims_in(tables.claims, theater)
    unattributed = claims_here[claims_here["claimant_type"] == "unattributed"]
    yield "check_unattributed", Numeric(
        f"How many death claims about {theater} name no source at all (claimant_type 'unattributed')?",
        answer=len(unattributed), unit="claims", lines=seed_lines(unattributed if len(unattributed) else claims_here),
        explanation="Such a number comes from the article's own voice: its reference was lost, so nobody can be "
                    "asked how it was counted.",
        hints=["Use claims_in(claims, theater) from warcourse.theaters.", "Compare claimant_type with 'unattributed'."],
        code="(claims_here['claimant_type'] == 'unattributed').sum()",
    )
    starts = in_theater(tables.events, theater)
    starters = set(starts.loc[starts["event_type"] == "campaign_start", "actor"])
    pool = sorted(set(in_theater(tables.events, theater)["actor"]) - starters)[:4]
    yield "check_starters", SetAnswer(
        f"Which of these actors does the article say began a campaign in {theater} (an event of type "
        "campaign_start)?",
        answer=starters, distractors=pool,
        lines=seed_lines(starts[starts["event_type"] == "campaign_start"]),
        explanation="An actor can act in a theater (strike, deploy, be attacked) without a dated campaign start.",
        hints=["Filter the theater's events on event_type.", "Take the set of their actors."],
        code="set(events_here.loc[events_here['event_type'] == 'campaign_start', 'actor'])",
    )
    loose = claims_here[claims_here["low"].isna() | claims_here["high"].isna() | claims_here["vague"]]
    yield "check_loose", Numeric(
        f"How many death claims about {theater} give only a bound (low or high missing) or a vague word?",
        answer=len(loose), unit="claims", lines=seed_lines(loose if len(loose) else claims_here),
        explanation="Such a claim cannot be written as one number: a brief keeps its 'at least', 'as many as' "
                    "or 'dozens'.",
        mistakes=[(int(claims_here["vague"].sum()), "That counts only the vague ones; bounds count too.")]
        if int(claims_here["vague"].sum()) != len(loose) else [],
        hints=["A missing low or high is NaN: .isna() finds it.", "Join three conditions with |, then count."],
        code="loose = claims_here[claims_here['low'].isna() | claims_here['high'].isna() | claims_here['vague']]\nlen(loose)",
    )
    right = "Compare them, say who counted what, and never add them up."
    yield "check_add_up", MultipleChoice(
        f"Two claims about the same victims in {theater} come from different claimants. What should a brief do?",
        choices={
            right: "Claims overlap and count differently; side by side, with their claimants, they inform.",
            "Add them up to get the total.": "Two claimants may count the same deaths: a sum can count them twice.",
            "Keep the larger one and drop the other.": "That hides the disagreement the reader needs to see.",
            "Average them.": "An average of two differently counted numbers counts nothing in particular.",
        },
        answer=right, lines=seed_lines(claims_here),
        hints=["Lesson 04: what happens to deaths counted by two claimants?"],
    )
