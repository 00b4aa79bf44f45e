"""Questions of lesson 05 (a brief on one theater) and of its summative check, for the chosen theater.

Every expected answer is computed here from fresh ``warcourse.data`` tables.
Iraq and Syria also take the rows the article gives for both together
(``theaters.in_theater``, ``theaters.claims_in``).
"""

from __future__ import annotations

import pandas as pd

from .. import brief, campaigns, dates, draft
from .. import coalitions as co
from ..exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer, country
from ..exercises.sources import where
from ..theaters import COMBINED, claims_in, in_theater
from .bank import Registry, Tables, seed_lines

REGISTRY = Registry(lesson="putting_it_together", parameters={"theater": brief.THEATERS}, rubric=draft.RUBRIC)

LONGEST = "brussels_2014"  # the longest member list of the article (the `outside` question)


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
    return (f"{row['actor']}: {campaigns.amount(row)} {row['metric']}, {campaigns.COUNT_WORDS[row['count_type']]}"
            f" {campaigns.during(row)}{place}")


def _why_not(row, metric: str, count_type: str) -> str:
    if row["metric"] != metric:
        return f"It counts {row['metric']}, not {metric}."
    if row["count_type"] == "single_event":
        return "It is a single event: one day's count, not a total."
    return (f"It is a {campaigns.COUNT_WORDS[row['count_type']]}, the reference a "
            f"{campaigns.COUNT_WORDS[count_type]}.")


def _forces_choice(deployments: pd.DataFrame, theater: str) -> list[tuple[str, str]]:
    """The theater's largest deployment as a choice (a number of forces, not of strikes), if it has one."""
    forces = in_theater(deployments, theater).sort_values(["value", "record_id"], ascending=[False, True])
    if not len(forces):
        return []
    row = forces.iloc[0]
    return [(f"{row['actor']}: {campaigns.amount(row)} {row['asset']} ({campaigns.ASSET_WORDS[row['count_type']]}, "
             f"{dates.at_precision(row['date'], row['date_precision'])})",
             "It counts forces from the deployments table (people or aircraft), not strikes.")]


def kind_choices(counts: pd.DataFrame, deployments: pd.DataFrame, theater: str):
    """A reference number from the theater's strike counts, one number of the same kind and three or four that are not.

    The reference is the largest running total or period count of airstrikes (of the most common kind
    when there is none). The others: a number of the same metric but another count type, numbers of other
    metrics and the largest deployment. The right choice is the largest other number of the same metric
    and count type, by another actor if there is one, whose text is not the longest of the choices; where
    every candidate's is, a longer number of another kind joins the others.
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
    by_others = group[group["actor"] != reference["actor"]]
    candidates = by_others if len(by_others) else group.iloc[1:]
    differ = rows[(rows["metric"] != metric) | (rows["count_type"] != count_type)]
    other_type = differ[differ["metric"] == metric].head(1)
    other_metric = differ[differ["metric"] != metric].drop_duplicates("metric").head(2 - len(other_type))
    chosen = pd.concat([other_type, other_metric])
    others = [(kind_label(row), _why_not(row, metric, count_type)) for _, row in chosen.iterrows()]
    others += _forces_choice(deployments, theater)
    if len(others) < 3:
        others.append((f"The number of countries involved in {theater}",
                       "That counts countries (involvement table rows), not strikes."))
    longest = max(len(label) for label, _ in others)
    fits = [row for _, row in candidates.iterrows() if len(kind_label(row)) <= longest]
    right = fits[0] if fits else candidates.iloc[0]
    longer = [row for _, row in differ.iterrows() if len(kind_label(row)) > len(kind_label(right))
              and kind_label(row) not in dict(others)]
    if longer and len(kind_label(right)) > longest:
        others.append((kind_label(longer[0]), _why_not(longer[0], metric, count_type)))
    return reference, right, others


def _involved(involvement: pd.DataFrame, theater: str) -> set[str]:
    return set(involvement.loc[(involvement["theater"] == theater) & involvement["involved"].fillna(False), "country"])


def _starters(events: pd.DataFrame, theater: str) -> set[str]:
    here = in_theater(events, theater)
    return set(here.loc[here["event_type"] == "campaign_start", "actor"])


def _other(theater: str) -> str:
    """The theater the summative check compares with: Syria, or Iraq for Syria."""
    return "Iraq" if theater == "Syria" else "Syria"


# --- lesson 05 --------------------------------------------------------------------------------------

@REGISTRY.question("lesson")
def timeline(t: Tables, theater: str) -> Ordering:
    steps = key_events(in_theater(t.events, theater))
    ids = list(steps["event_id"])
    return Ordering(
        f"Put these first events of their kind in {theater} in date order, earliest first. Predict from what "
        "you know first, then check with events_here sorted by its date column.",
        answer=ids, labels={row.event_id: f"{row.actor}: {row.summary}" for row in steps.itertuples()},
        aliases={row.event_id: [row.summary] for row in steps.itertuples()}, lines=seed_lines(steps),
        explanation="In date order: " + "; ".join(
            f"{dates.at_precision(row.date, row.date_precision)}, {row.event_type.replace('_', ' ')}"
            for row in steps.itertuples()) + ".",
        hints=["The figure above places each kind of event in time; the table has the exact dates.",
               "Keep the rows of events_here whose event_id is one of the items, then sort them.",
               "Sort on the date column and read the event_id values from top to bottom."],
        code=(f"first_steps = events_here[events_here[\"event_id\"].isin({ids})]\n"
              'list(first_steps.sort_values("date")["event_id"])'))


@REGISTRY.question("lesson")
def outside(t: Tables, theater: str) -> SetAnswer:
    members, involvement = t.coalition_members, t.involvement
    answer = _involved(involvement, theater) - co.members_of(members, LONGEST)
    nowhere = answer - set(co.member_rows(members)["country"])
    rows = involvement[(involvement["theater"] == theater) & involvement["country"].isin(answer)]
    return SetAnswer(  # the question names no theater: the theater's own country can be an answer item
        f"Which countries that the involvement table marks as involved in your theater (the lesson's theater "
        f"parameter) are not in the {co.label(LONGEST)} list ({LONGEST}), the longest member list in the "
        "article? Use a set difference.",
        answer=answer, normalise=country, lines=seed_lines(rows, co.member_rows(members, [LONGEST])),
        advice="Check the direction of your difference, and that you kept only the countries involved in the "
               "theater.",
        explanation=(f"{len(nowhere)} of them are in no list at all. Being involved in a theater and being "
                     "listed by a coalition are two different records, and the article keeps them in different "
                     "places."),
        hints=["Make two sets: the countries involved in the theater, and the members of the longest list.",
               "The first takes two conditions on the involvement table; co.members_of gives the second.",
               "A difference a - b keeps what is in a and not in b."],
        code=('involved_here = set(involvement.loc[(involvement["theater"] == theater) & involvement["involved"], '
              '"country"])\n'
              f'involved_here - co.members_of(members, "{LONGEST}")'))


@REGISTRY.question("lesson")
def starts(t: Tables, theater: str) -> Numeric:
    here = in_theater(t.events, theater)
    start_rows = here[here["event_type"] == "campaign_start"]
    actors = start_rows["actor"].nunique()
    mistakes = [(len(start_rows), "That counts rows: some actors' starts are told twice or at two precisions.")]
    mistakes += [(here["actor"].nunique(), "That counts every actor of the theater's events, not only those that "
                                           "began a campaign.")]
    return Numeric(
        f"How many different actors does the article say began a campaign in {theater}? Count each actor once.",
        answer=actors, unit="actors", lines=seed_lines(start_rows),
        mistakes=[(value, message) for value, message in mistakes if value != actors],
        explanation=(f"The table has {len(start_rows)} campaign-start rows for them: an actor whose start is told "
                     "twice, or at two precisions, began only once. Rows are not campaigns."),
        hints=["Rows are not campaigns: one actor's start can be told twice.",
               "Keep the campaign_start rows of events_here and count distinct actors, not rows."],
        code='events_here.loc[events_here["event_type"] == "campaign_start", "actor"].nunique()')


@REGISTRY.question("lesson")
def same_kind(t: Tables, theater: str) -> MultipleChoice:
    reference, right, others = kind_choices(t.strike_counts, t.deployments, theater)
    return MultipleChoice(
        f"Your brief quotes “{kind_label(reference)}”. Which of these numbers can stand beside it as a number "
        "of the same kind?",
        choices={kind_label(right): (f"Same metric ({reference['metric']}) and same count type "
                                     f"({campaigns.COUNT_WORDS[reference['count_type']]}); still say over which "
                                     "days each was counted before comparing them."),
                 **dict(others)},
        answer=kind_label(right), lines=sorted({int(reference["line"]), int(right["line"])}),
        where=where([int(reference["line"])]),  # the right number's own section would name it ("Dutch airstrikes")
        hints=["Read each number's metric (what it counts) and count type (running total, period, event).",
               "Only one choice matches the reference in both."],
        code=('theaters.in_theater(counts, theater)[["actor", "metric", "count_type", "value", "theater", "line"]]'
              '.sort_values(["metric", "count_type"])'))


@REGISTRY.question("lesson")
def claimants(t: Tables, theater: str) -> PandasAnswer:
    claims_here = claims_in(t.casualty_claims, theater)
    return PandasAnswer(
        f"Take the claims about {theater} as theaters.claims_in keeps them"
        + (" (the claims about Iraq and Syria together included)" if theater in COMBINED else "")
        + ". Make a Series with the number of those claims per claimant type (only the types that occur, in any "
        "order).",
        answer=claims_here.groupby("claimant_type", observed=True).size(), lines=seed_lines(claims_here),
        explanation=("Who counts matters as much as how many: a government, a monitor and a newspaper have "
                     "different reasons and means to count, and 'unattributed' claims name no source at all."),
        hints=["One row per claim: group the claims by who makes them.",
               "Count the rows of each group; a categorical column needs observed=True to leave out the types "
               "that do not occur."],
        code='theaters.claims_in(claims, theater).groupby("claimant_type", observed=True).size()')


def _flawed_sentence(counts: pd.DataFrame, theater: str) -> tuple[pd.Series, str, str]:
    """A row of the theater, a draft sentence about it with one flaw, and the flaw in words."""
    here = in_theater(counts, theater)
    combined = here[(here["theater"] == COMBINED) & (here["metric"] == "airstrikes")]
    ranges = here[here["low"].notna() & here["high"].notna() & (here["low"] != here["high"])]
    if len(combined):
        row = combined.sort_values("value", ascending=False).iloc[0]
        return (row, f"{row['actor']} carried out {campaigns.amount(row)} airstrikes in {theater}",  # one flaw only
                "It gives a figure for Iraq and Syria together as the theater's alone.")
    if len(ranges):
        row = ranges.iloc[0]
        return (row, f"{row['actor']} carried out {int(row['low']):,} {row['metric']} in {theater}",
                "It keeps one end of a range and drops the other.")
    row = here.sort_values("value", ascending=False).iloc[0]
    elsewhere = counts[~counts["theater"].isin([theater, COMBINED]) & (counts["value"] != row["value"])]
    same_metric = elsewhere[elsewhere["metric"] == row["metric"]]
    other = (same_metric if len(same_metric) else elsewhere).sort_values("record_id").iloc[0]
    return (row, f"{row['actor']} carried out {int(other['value']):,} {row['metric']} in {theater}",
            "The number is not the one the cited line gives for this theater.")


@REGISTRY.question("lesson")
def find_the_error(t: Tables, theater: str) -> MultipleChoice:
    row, sentence, flaw = _flawed_sentence(t.strike_counts, theater)
    line = int(row["line"])
    return MultipleChoice(
        f"A classmate's draft says: “{sentence} (line {line}).” Read line {line} (the quote: “{row['quote']}”). "
        "What is wrong with the sentence?",
        choices={
            flaw: "The cited row says so: a brief must keep what the article says about a number's scope and bounds.",
            "Nothing: the number, the actor and the line all match the table's row.":
                "Compare the sentence with the row's theater, low and high, not only with its value.",
            "The line reference is missing, so a reader cannot check the number.":
                "The sentence cites its line; the problem is what it says about the number.",
            "Airstrikes must never be counted in a brief, only the deaths they caused.":
                "A brief may quote strike counts, when it says what they count, when, and where.",
        },
        answer=flaw, lines=[line],
        hints=["Look the row up in the strike counts by its line.",
               "Compare the row's theater, low and high with what the sentence claims."],
        code=f'counts.loc[counts["line"] == {line}, ["actor", "theater", "metric", "value", "low", "high"]]')


# --- lesson 05's summative check (the lesson's setup cell: involvement, events, claims, ...) ---------

@REGISTRY.question("summative")
def check_both(t: Tables, theater: str) -> Numeric:
    involvement = t.involvement
    other = _other(theater)
    here, there = _involved(involvement, theater), _involved(involvement, other)
    answer = len(here & there)
    rows = involvement[involvement["country"].isin(here & there) & involvement["theater"].isin([theater, other])]
    mistakes = [(len(here | there), "That is the union: countries involved in either theater."),
                (len(here), f"That is every country involved in {theater}."),
                (len(there), f"That is every country involved in {other}.")]
    return Numeric(
        f"How many countries does the involvement table mark as involved both in {theater} and in {other}?",
        answer=answer, unit="countries", lines=seed_lines(rows),
        mistakes=[(value, message) for value, message in mistakes if value != answer],
        explanation="Two sets of countries and their intersection: involvement in one theater says little about "
                    "another.",
        hints=["Make one set of involved countries per theater.",
               "The countries in both sets: an intersection, then its size."],
        code=(f'involved_rows = involvement[involvement["involved"]]\n'
              f'in_{theater.lower()} = set(involved_rows.loc[involved_rows["theater"] == "{theater}", "country"])\n'
              f'in_{other.lower()} = set(involved_rows.loc[involved_rows["theater"] == "{other}", "country"])\n'
              f"len(in_{theater.lower()} & in_{other.lower()})"))


@REGISTRY.question("summative")
def check_unattributed(t: Tables, theater: str) -> PandasAnswer:
    claims_here = claims_in(t.casualty_claims, theater)
    unattributed = claims_here[claims_here["claimant_type"] == "unattributed"]
    scope = f"{theater}, with the claims about Iraq and Syria together" if theater in COMBINED else theater
    return PandasAnswer(
        f"Take the death claims about {scope} (theaters.claims_in keeps them). Make a Series with the number of "
        "those that name no source (claimant_type 'unattributed') per victim category (only the categories that "
        "occur, in any order).",
        answer=unattributed.groupby("victim_category", observed=True).size(),
        lines=seed_lines(unattributed if len(unattributed) else claims_here),
        explanation="Such numbers come from the article's own voice: their reference was lost, so nobody can be "
                    "asked how they were counted, and a brief should say so whatever victims they count.",
        hints=["Start from the theater's claims and keep those that name no source.",
               "Then count the claims per victim category.",
               "A categorical column: group with observed=True to leave out the categories that do not occur."],
        code=('claims_here = theaters.claims_in(claims, theater)\n'
              'claims_here[claims_here["claimant_type"] == "unattributed"].groupby(\n'
              '    "victim_category", observed=True).size()'))


@REGISTRY.question("summative")
def check_starters(t: Tables, theater: str) -> SetAnswer:
    events = t.events
    other = _other(theater)
    answer = _starters(events, theater) & _starters(events, other)
    rows = events[events["event_type"].eq("campaign_start") & events["actor"].isin(answer)]
    return SetAnswer(
        f"Which actors does the article say began a campaign (an event of type campaign_start) both in {theater} "
        f"and in {other}? Count the events dated for {COMBINED} together as both, as theaters.in_theater does.",
        answer=answer, normalise=country, conditions=2,
        lines=seed_lines(in_theater(rows, theater), in_theater(rows, other)),
        explanation="An actor that began a campaign in one theater did not necessarily begin one in the other: "
                    "each start is a separate fact of the article.",
        hints=["Make one set of the actors that began a campaign per theater.",
               "theaters.in_theater keeps a theater's events; filter them on event_type.",
               "The actors in both sets: an intersection."],
        code=('def starters(place):\n'
              '    rows = theaters.in_theater(events, place)\n'
              '    return set(rows.loc[rows["event_type"] == "campaign_start", "actor"])\n'
              f'starters("{theater}") & starters("{other}")'))


@REGISTRY.question("summative")
def check_loose(t: Tables, theater: str) -> Numeric:
    claims_here = claims_in(t.casualty_claims, theater)
    fighters = claims_here[claims_here["victim_category"] == "isil_fighters"]
    loose = fighters[fighters["low"].isna() | fighters["high"].isna() | fighters["vague"]]
    every = claims_here[claims_here["low"].isna() | claims_here["high"].isna() | claims_here["vague"]]
    scope = f"{theater}, with the claims about Iraq and Syria together" if theater in COMBINED else theater
    mistakes = [(len(every), "That counts the claims about every kind of victim; keep the ISIL fighters."),
                (int(fighters["vague"].sum()), "That counts only the vague ones; a missing bound counts too."),
                (int((fighters["low"].isna() | fighters["high"].isna()).sum()),
                 "That counts only the missing bounds; a vague word counts too.")]
    return Numeric(
        f"Take the death claims about {scope} (theaters.claims_in keeps them). How many of the claims of "
        "ISIL fighters' deaths give only a bound (low or high missing) or a vague word (vague)?",
        answer=len(loose), unit="claims", lines=seed_lines(loose if len(loose) else claims_here),
        mistakes=[(value, message) for value, message in mistakes if value != len(loose)],
        explanation="Such a claim cannot be written as one number: a brief keeps its 'at least', 'as many as' or "
                    "'dozens'.",
        hints=["Keep the theater's claims about ISIL fighters first.",
               "A missing low or high is NaN (isna); vague is True or False.",
               "Join the conditions on the bounds with | (or), then count the rows."],
        code=('claims_here = theaters.claims_in(claims, theater)\n'
              'fighters = claims_here[claims_here["victim_category"] == "isil_fighters"]\n'
              'len(fighters[fighters["low"].isna() | fighters["high"].isna() | fighters["vague"]])'))


@REGISTRY.question("summative")
def check_add_up(t: Tables, theater: str) -> MultipleChoice:
    claims_here = claims_in(t.casualty_claims, theater)
    right = "Set them side by side, each with its claimant."
    return MultipleChoice(
        f"Two claims about the same victims in {theater} come from different claimants. What should a brief do?",
        choices={
            right: "Claims overlap and count differently; side by side, with their claimants, they inform, and a "
                   "brief never adds them up.",
            "Add them up: together they give the total number of deaths.":
                "Two claimants may count the same deaths: a sum can count them twice.",
            "Keep the larger one, since the smaller one must have missed some deaths.":
                "That hides the disagreement the reader needs to see.",
            "Average them, so that neither claimant's count is favoured.":
                "An average of two differently counted numbers counts nothing in particular.",
        },
        answer=right, lines=seed_lines(claims_here),
        hints=["Lesson 04: what happens to deaths counted by two claimants?",
               "Could both claims count some of the same deaths?"],
        code=('theaters.claims_in(claims, theater)[["claimant", "victim_category", "low", "high", "line"]]'))


putting_it_together = REGISTRY.bank("lesson", "Lesson 05's questions for one ``theater``, and its summative "
                                              "check; the bank carries the brief's rubric.")
