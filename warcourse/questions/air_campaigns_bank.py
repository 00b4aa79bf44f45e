"""Lesson 03's questions (``air_campaigns``, with its summative check) and practice set 03's (``air_practice``).

Every expected answer is computed here from freshly loaded tables, so nothing
a student does to the frames in the notebook changes what is right.
"""

from __future__ import annotations

import pandas as pd

from .. import campaigns, schema
from ..dates import at_precision, day
from ..exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer
from ..exercises.names import country
from ..theaters import COMBINED, in_theater, scope_name
from .bank import Registry, Tables, seed_lines

REGISTRY = Registry(lesson="air_campaigns", practice="air_practice", parameters={"theater": campaigns.THEATERS})

KIND_RECORDS = ("us_libya_2016_10_02_day", "us_libya_2016_08_past_month", "us_libya_2016_10_10")
"""The three Libya quotes whose count type lesson 03 asks for."""
AFGHAN_2016 = ("us_afghanistan_2016_strikes_all", "us_afghanistan_2016_strikes_isk",
               "us_afghanistan_2016_strikes_al_qaeda")
"""Line 411: a total for 2016 and two of its parts."""
RATE_RECORDS = ("canada_2015_05_13_fighting_positions", "canada_2015_05_13_vehicles", "us_libya_2016_08_16_vbieds",
                "us_libya_2016_08_16_pickup")
"""Exact counts of targets (no qualifier) the summative check orders by their rate per day; the lesson shows no
rate of targets, and their totals order differently from their rates."""
PER_DAY_RECORD = "us_iraq_syria_2014_09_refueling"
"""A running total whose rate per day the lesson never shows (the summative check asks for it)."""
EARLY_CLAIM, WHOLE_WAR = "coalition_2015_01_15_airstrikes", "coalition_2019_03_strikes"
"""The 'over 16,000 airstrikes' that run at the rate of sorties, and the coalition's whole-war strike count."""
PRACTICE_AFGHAN = ("coalition_afghanistan_2016_04_airstrikes", "us_afghanistan_2016_08_airstrikes",
                   "us_afghanistan_2016_strikes_all")
PRACTICE_LIBYA_EVENTS = ("us_libya_campaign_end", "us_sirte_heaviest_day", "us_libya_strikes_sep_2017",
                         "us_sabratha_strike", "us_b2_strike_sirte_camps", "us_libya_campaign_start")
FLIGHTS = ("sorties", "missions")
"""Metrics that count flights, not attacks."""


def _records(counts: pd.DataFrame, ids) -> pd.DataFrame:
    """The rows of ``ids`` in that order, with ``reported`` and ``when`` (see ``campaigns.readable``)."""
    return campaigns.readable(counts.set_index("record_id").loc[list(ids)].reset_index())


def _per_day(rows: pd.DataFrame) -> pd.Series:
    """Each row's value per day, both the first and the last day counted."""
    return rows["value"] / ((rows["period_end"] - rows["period_start"]).dt.days + 1)


def _libya(counts: pd.DataFrame) -> pd.DataFrame:
    return campaigns.running_total(counts, "United States", "Libya", "airstrikes")


def _combined_totals(counts: pd.DataFrame) -> pd.DataFrame:
    """Running totals of airstrikes, sorties and missions for Iraq and Syria together (practice set 03's ``case``)."""
    return counts[(counts["theater"] == COMBINED) & (counts["count_type"] == "cumulative")
                  & counts["metric"].isin(["airstrikes", *FLIGHTS])]


# --- lesson 03 -----------------------------------------------------------------------------------

@REGISTRY.question("lesson")
def sorties(t: Tables) -> MultipleChoice:
    counts = t.strike_counts
    sentence = counts[counts["record_id"].str.startswith("us_iraq_syria_2014_09")]
    by_metric = sentence.set_index("metric")["value"]
    flown, strikes, refuelling = (int(by_metric[m]) for m in ("sorties", "airstrikes", "missions"))
    raid = counts[(counts["line"] == 128) & (counts["metric"] == "sorties")]
    aircraft = int(raid["value"].sum())
    right = "Sorties are not strikes: a flight may strike nothing, a strike may take several aircraft."
    return MultipleChoice(
        f"Predict before you read on. By {at_precision(sentence['period_end'].iloc[0], 'month')} the United "
        f"States had flown {flown:,} sorties and carried out {strikes:,} airstrikes in Iraq and Syria "
        f"(line 208). What do these two numbers tell you together?",
        choices={
            right:
                f"The {flown:,} sorties include {refuelling:,} tanker refuelling missions, which strike nothing, "
                f"and a strike may take one aircraft or several: a pair of Tornados on line 270, {aircraft} "
                "aircraft in one raid on line 128. So the sentence gives no way to turn sorties into strikes.",
            f"Most of the flights struck nothing: at most {strikes:,} of the {flown:,} flights did.":
                "That assumes one aircraft per strike. The article has strikes by a pair of aircraft (line 270) "
                "and a raid by several (line 128), so how many flights took part in strikes is not known.",
            "Each sortie is an airstrike, so one of the two numbers must be a typing error in the article.":
                "A sortie is one flight by one aircraft; refuelling, surveillance and escort flights are "
                "sorties too.",
            f"The {flown:,} sorties are the {strikes:,} airstrikes plus the {refuelling:,} refuelling missions.":
                "Add them up: the sum is not the number of sorties; and an airstrike is not one flight.",
            f"Each airstrike took about {flown / strikes:.0f} aircraft: divide the sorties by the airstrikes.":
                "That division assumes every flight took part in a strike; the refuelling missions alone "
                "show they did not.",
        },
        answer=right,
        lines=[208, 128, 270],
        hints=["Re-read the definitions at the top: what does one sortie count, what does one airstrike count?",
               "Look at line 128 and line 270: how many aircraft took part in one strike there?"],
        code='sentence[["metric", "value"]]  # three metrics: no row converts one into another')


@REGISTRY.question("lesson")
def kind(t: Tables) -> MultipleChoice:
    trio = _records(t.strike_counts, KIND_RECORDS)
    running = trio[trio["count_type"] == "cumulative"].iloc[0]
    why = {"cumulative": "'bringing the total to' counts everything since the campaign began.",
           "period": "'in the past month' names a stretch of time.",
           "single_event": "a single date names one day's strikes."}
    return MultipleChoice(
        "Three quotes about U.S. airstrikes in Libya. Which one reports a running total?",
        # the quotes as choices without quote marks: feedback puts “ ” around the choice it names
        choices={row.quote: f"This one is a {campaigns.COUNT_WORDS[row.count_type]}: {why[row.count_type]}"
                 for row in trio.itertuples()},
        answer=running.quote,
        lines=seed_lines(trio),
        hints=["A running total counts everything since the campaign began.",
               "Look for words that say the number has grown to a new total."],
        code=f'counts.loc[counts["record_id"].isin({list(KIND_RECORDS)}), ["quote", "count_type"]]')


@REGISTRY.question("lesson")
def counted(t: Tables, theater: str) -> SetAnswer:
    mine = in_theater(t.strike_counts, theater)
    where = ("in any theater (for theater \"all\", mine holds the rows of every theater)" if theater == "all"
             else f"in {scope_name(theater)}")
    return SetAnswer(
        f"Predict, then check with pandas: for which of these actors does mine hold at least one number of "
        f"airstrikes, sorties, missions, targets, munitions or operations {where}?",
        answer=sorted(set(mine["actor"])),
        distractors=campaigns.without_counts(t.strike_counts, t.events, t.deployments, t.countries, theater),
        normalise=country, aliases={"Coalition": ["the coalition"]},
        lines=seed_lines(mine), where="the table mine (the strike_counts rows of your theater)",
        explanation="Those actors have at least one row in strike_counts for the theater. The others began a "
                    "campaign or sent forces, but the article gives no number of what they did.",
        hints=["Every number of strikes, sorties and the like is a row of strike_counts; mine holds your "
               "theater's rows.",
               "The actor column says who did it: list its distinct values (.unique())."],
        code='sorted(mine["actor"].unique())')


@REGISTRY.question("lesson")
def target(t: Tables) -> MultipleChoice:
    rows = _records(t.strike_counts, AFGHAN_2016).set_index("record_id")
    total, isk, qaeda = (rows.loc[record] for record in AFGHAN_2016)
    added = int(total.value + isk.value + qaeda.value)
    right = "Counted twice: two numbers are parts of the third, which also counts other groups."
    return MultipleChoice(
        f"Find the error. A summary table takes the three numbers of line 411 ({total.reported}, "
        f"{isk.reported} and {qaeda.reported} U.S. strikes in Afghanistan in {total.when}) and reports "
        f"“{added:,} U.S. strikes on ISIL in Afghanistan in {total.when}”. What is wrong?",
        choices={
            right:
                f"“Including” makes the {isk.reported} and the {qaeda.reported} parts of the "
                f"{total.reported}; its target is {campaigns.TARGET_WORDS[total.target]}, the {qaeda.reported} "
                f"were against {campaigns.TARGET_WORDS[qaeda.target]}. Only the {isk.reported} strikes on IS-K "
                "count strikes on ISIL; keep the target column in every total.",
            "Nothing: the three counts cover the same year and the same country, so they add up.":
                "Same year and country, but read the sentence: one number contains the others.",
            "Only the al-Qaeda strikes should be left out of the sum; the rest of the total is right as it is.":
                "Leaving them out still adds the IS-K strikes to a total that already holds them, and that "
                "total is not all against ISIL.",
            "The three numbers should be averaged, not added.":
                "An average of a total and its parts means nothing; read which number contains which.",
        },
        answer=right,
        lines=[411],
        hints=["Read line 411 word by word: which small word links the numbers?",
               "Look at the target column of the three rows: are they all against ISIL?"],
        code='counts.loc[counts["line"] == 411, ["value", "low", "high", "target", "quote"]]')


@REGISTRY.question("lesson")
def steps(t: Tables) -> PandasAnswer:
    libya = _libya(t.strike_counts)
    return PandasAnswer(
        "Make a Series with the number of U.S. airstrikes in Libya between each report of the running total "
        "and the one before it (one value per row of libya, with libya's index; the first report counts from "
        "the campaign start).",
        answer=campaigns.period_counts(libya)["in_period"],
        lines=seed_lines(libya), where="the table libya and the paragraph above the question",
        advice="Each value should be a report's running total minus the one before it, and the first report "
               "counts from the campaign start (.diff() leaves it empty).",
        explanation="Each value is a report's total minus the one before it; together they add up to the last "
                    "total, because a running total is the sum of the counts between its reports.",
        hints=["Subtract from each running total the one in the row before it.",
               ".diff() does that for a whole column, but leaves the first row empty.",
               "The first report counts from the campaign start: fill its gap (.fillna) with that row's own "
               "total."],
        code='libya["value"].diff().fillna(libya["value"])')


@REGISTRY.question("lesson")
def between(t: Tables) -> Numeric:
    both = campaigns.running_total(t.strike_counts, "United States", COMBINED, "airstrikes")
    first, second = both.iloc[0], both.iloc[1]
    return Numeric(
        f"How many U.S. airstrikes in Iraq and Syria were carried out after {day(first.period_end)} and up to "
        f"{day(second.period_end)}, according to the two running totals in us_both? Compute it with pandas.",
        answer=int(second.value - first.value),
        unit="airstrikes",
        lines=[int(first.line), int(second.line)], where="the table us_both",
        explanation="The later running total minus the earlier one: one step of .diff(), over "
                    f"{(second.period_end - first.period_end).days} days.",
        mistakes=[(int(second.value), "that is the later running total: it counts every strike since the "
                                      "campaign began, not the ones between the two reports."),
                  (int(first.value), "that is the earlier running total: the strikes up to the first report."),
                  (int(second.value + first.value), "you added two running totals; the later one already "
                                                    "contains the earlier one's strikes.")],
        hints=["A running total counts everything since the start: what does the difference of two of them "
               "count?",
               "Take the value column of us_both and subtract the earlier row from the later one."],
        code='us_both["value"].iloc[1] - us_both["value"].iloc[0]')


@REGISTRY.question("lesson")
def months(t: Tables) -> MultipleChoice:
    libya = _libya(t.strike_counts)
    reported = campaigns.reported_counts(t.strike_counts, libya)
    month_line = reported.loc[reported["date_precision"] == "month", "line"].iloc[0]
    pair = reported[reported["line"] == month_line].sort_values("start")  # one report: a month, then the month so far
    first, second = pair.iloc[0], pair.iloc[-1]
    august, september = int(first["value"]), int(second["value"])
    first_month, second_month = f"{first['start']:%B}", f"{second['start']:%B}"
    by_report = august + september
    after = libya[libya["period_end"] > second["end"]].iloc[0]  # the next running total reported
    total = int(after["value"])
    when, so_far = day(after["period_end"], year=False), day(second["end"], year=False)
    right = f"They fit: the two counts end on {so_far}, before {when}."
    return MultipleChoice(
        f"On {so_far}, {second['reported_by']} counts {august} U.S. airstrikes in Libya in {first_month} and "
        f"{september} in {second_month}. {after['reported_by']} puts the running total at {total} by {when}. "
        "What can you conclude?",
        choices={
            right: f"A count reported during a period ends on the report date: {second_month}'s {september} are "
                   f"the strikes up to {so_far}, so {august} + {september} = {by_report} by then, below the "
                   f"{total} of {when}. Their difference is the strikes between the two reports.",
            "They cannot all be right as stated: one is wrong, or they count different things.":
                f"That reads {second_month}'s count as the whole month. It was reported on {so_far}, so it counts "
                "only the days up to the report; check the dates before you call two sources inconsistent.",
            f"{first_month} and {second_month} together had {total} + {september} = {total + september} strikes.":
                f"That adds a running total (which already includes {second_month}'s strikes up to that day) "
                "to a count for a period: those strikes would be counted twice.",
            "Nothing: a count for a month and a running total can never be compared.":
                "They can: add up consecutive period counts with .cumsum() and you get a running total.",
        },
        answer=right,
        lines=sorted({int(first["line"]), int(after["line"])}),
        hints=[f"When was the count for {second_month} reported? A count made during a period ends on the day "
               "it is reported.",
               "Turn the two counts into a running total (.cumsum()) on the report date and compare it with the "
               "running total reported next."],
        code=f'line_{month_line} = reported[reported["line"] == {month_line}].sort_values("start")\n'
             f'line_{month_line}[["start", "end", "value"]].assign(running=line_{month_line}["value"].cumsum())\n'
             '# compare the last running value with the next total in libya')


@REGISTRY.question("lesson")
def order(t: Tables, theater: str) -> Ordering:
    chosen = campaigns.milestones(campaigns.campaign_events(t.events, theater))
    where = ("from every theater" if theater == "all" else f"of the campaigns in {theater}"
             + (f" (some are reported for {COMBINED} together)" if (chosen["theater"] == COMBINED).any() else ""))
    return Ordering(
        f"Put these events {where} in date order, earliest first (each is a row of the events "
        "table, which has their dates; give the labels or the event ids).",
        answer=list(chosen["event_id"]),
        labels=dict(zip(chosen["event_id"], chosen["summary"])),
        aliases={row.event_id: [f"{row.actor}: {row.summary}"] for row in chosen.itertuples()},
        lines=seed_lines(chosen), where="the events table (its date column)",
        explanation="In the order of the date column: " + "; ".join(
            f"{at_precision(row.date, row.date_precision)}, {row.actor}" for row in chosen.itertuples()) + ".",
        hints=["Each label is the summary of one row of the events table; its date column says when.",
               "Find the rows (by their summary or event_id) and sort them by date."],
        code=f'asked = events[events["event_id"].isin({list(chosen["event_id"])})]\n'
             'asked.sort_values("date")["event_id"].tolist()')


@REGISTRY.question("lesson")
def rate_16000(t: Tables) -> MultipleChoice:
    counts = t.strike_counts
    case = counts[(counts["theater"] == COMBINED) & counts["metric"].isin(["airstrikes", "sorties"])
                  & (counts["count_type"] == "cumulative")]
    rate = campaigns.readable(campaigns.daily_rates(case)).set_index("record_id")
    claim, war = rate.loc[EARLY_CLAIM], rate.loc[WHOLE_WAR]
    flights = rate.loc["coalition_2015_07_21_sorties"]
    russia = campaigns.first_dates(t.events, "campaign_start").set_index(["actor", "theater"]).loc[("Russia", "Syria")]
    right = "Sorties: it probably counts flights, not airstrikes."
    return MultipleChoice(
        f"The article reports {claim.reported} coalition airstrikes in Iraq and Syria by {day(claim.end)}. "
        "Compare it with the rates per day in the table above: which reading fits the other numbers best?",
        choices={
            right:
                f"At least {claim.per_day:g} a day: close to the coalition's sortie rate ({flights.per_day:g} a "
                f"day up to {flights.end:%B %Y}, from {flights.reported} sorties) and "
                f"{claim.per_day / war.per_day:.0f} times its whole-war strike rate ({war.per_day:g} a day).",
            "Plausible: the coalition simply struck hardest in its first months.":
                f"It would mean at least {claim.per_day:g} strikes a day, {claim.per_day / war.per_day:.0f} times "
                f"the average of the whole war ({war.per_day:g} a day up to {war.end:%B %Y}).",
            "Russian strikes: it includes them.":
                f"Russia's campaign in Syria began on {day(russia.date)}, after this report.",
            f"One month: it is a count for {claim.end:%B %Y} only.":
                "The sentence says the strikes had been carried out by that date, a running total; as a count "
                "for part of one month it would be even less plausible.",
        },
        answer=right,
        lines=sorted({int(claim.line), int(war.line), int(flights.line)}),
        hints=["Compare rates per day, not totals: the totals cover different stretches of time.",
               "Which metric in the rates table runs at about the same rate per day as this figure?"],
        code='rates[["actor", "metric", "value", "days", "per_day"]]')


# --- lesson 03's summative check (its solutions use only the lesson's setup cell) ------------------

@REGISTRY.question("summative")
def libya_october(t: Tables) -> Numeric:
    libya = _libya(t.strike_counts).set_index("record_id")
    start, end = libya.loc["us_libya_2016_10_10"], libya.loc["us_libya_2016_10_31"]
    middle = libya.loc["us_libya_2016_10_17"]
    return Numeric(
        "In strike_counts, take the U.S. running total of airstrikes in Libya (actor \"United States\", theater "
        "\"Libya\", metric \"airstrikes\", count_type \"cumulative\"). How many airstrikes does it count after "
        f"the report of {day(start.period_end)} and up to the report of {day(end.period_end)}?",
        answer=int(end.value - start.value), unit="airstrikes",
        lines=[int(start.line), int(end.line)], where="the U.S. running total of airstrikes in Libya",
        explanation="The later running total minus the earlier one; the report in between does not change "
                    "the difference.",
        mistakes=[(int(end.value), "that is a running total: it counts every strike since the campaign began."),
                  (int(start.value), "that is the earlier running total, not the count between the reports."),
                  (int(end.value - middle.value), "that is only the last step between two reports; the "
                                                  "question spans more than one."),
                  (int(middle.value - start.value), "that is only the first step between two reports; the "
                                                    "question spans more than one.")],
        hints=["Subtract two running totals.",
               "Pick the two rows by period_end and subtract the earlier value from the later one."],
        code='us_libya = counts[(counts["actor"] == "United States") & (counts["theater"] == "Libya")\n'
             '                  & (counts["metric"] == "airstrikes") & (counts["count_type"] == "cumulative")]\n'
             'by_day = us_libya.set_index("period_end")["value"]\n'
             f'by_day["{end.period_end:%Y-%m-%d}"] - by_day["{start.period_end:%Y-%m-%d}"]')


@REGISTRY.question("summative")
def other_targets(t: Tables) -> PandasAnswer:
    counts = t.strike_counts
    other = counts[counts["target"] != "ISIL"]
    per_theater = other["theater"].astype("string").value_counts().rename("counts")
    per_theater.index = per_theater.index.astype(str)
    return PandasAnswer(
        "In strike_counts, the target column says against whom the strikes were directed. Make a Series indexed "
        "by theater with the number of rows whose target is not ISIL (only the theaters that have such rows; "
        "any order).",
        answer=per_theater, lines=seed_lines(other), where="the target and theater columns of strike_counts",
        explanation="Per theater: " + ", ".join(f"{name} {n}" for name, n in per_theater.items())
                    + ". Those rows count strikes against al-Qaeda, against several groups at once or against a "
                      "target the article does not name: such a count is never an ISIL total.",
        hints=["Keep the rows whose target is not \"ISIL\" (use !=).",
               "Count those rows per theater; theater is categorical, so keep only the theaters that occur "
               "(observed=True, or drop the zeros)."],
        code='not_isil = counts[counts["target"] != "ISIL"]\n'
             'not_isil.groupby("theater", observed=True).size()')


@REGISTRY.question("summative")
def yemen(t: Tables) -> MultipleChoice:
    rows = t.strike_counts.set_index("record_id").loc[["us_yemen_2017_10_23", "us_yemen_2017_10_25"]]
    (first, early), (second, late) = ((int(row.value), day(row.period_end)) for row in rows.itertuples())
    killed = t.casualty_claims.set_index("claim_id")["low"]
    said = (f"{killed['yemen_2017_10_23_first']} + {killed['yemen_2017_10_23_second']} and "
            f"{killed['yemen_2017_10_25']}")
    issues = t.inconsistencies.set_index("issue_id")
    right = "Probably two: the same strikes told twice, dated differently by two outlets."
    return MultipleChoice(
        f"strike_counts has two rows for U.S. airstrikes in al-Bayda, Yemen, both from line 442: {first} on "
        f"{early} ({rows['reported_by'].iloc[0]}) and {second} on {late} ({rows['reported_by'].iloc[1]}); "
        f"casualty_claims says they killed {said} ISIL fighters. How many airstrikes do these rows show?",
        choices={
            right: issues.loc["yemen_strikes_told_twice", "description"],
            f"{first + second}: two rows from two outlets, each reporting two strikes of its own.":
                "Same place, same number of strikes, the same number killed: adding the rows would count "
                "the same strikes twice.",
            "None: the two reports contradict each other, so neither can be used.":
                "They agree on everything but the date; a likely duplicate is counted once, not dropped.",
            "Unknown: it cannot be told without knowing which of the two days is the right one.":
                "The date matters for a timeline, not for how many strikes there were: both outlets say two.",
        },
        answer=right,
        lines=[442],
        hints=["Compare the two rows column by column: what differs, what is the same?",
               "Read line 442: how many fighters does each report say were killed, and where?"],
        code='counts.loc[counts["line"] == 442, ["record_id", "value", "period_end", "quote"]]')


@REGISTRY.question("summative")
def bounds(t: Tables) -> MultipleChoice:
    rows = _records(t.strike_counts, ["netherlands_2016_07_missions", "netherlands_2018_12_missions"])
    early, late = rows.iloc[0], rows.iloc[1]
    gap = int(late.value - early.value)
    right = "Not known: both totals are lower bounds."
    return MultipleChoice(
        f"strike_counts has two Dutch running totals of missions (actor Netherlands, metric missions): "
        f"{early.reported} by {early.when.split(' – ')[-1]} and {late.reported} by {late.when.split(' – ')[-1]} "
        "(see their low and high columns). How many missions were flown between the two reports?",
        choices={
            right:
                "Both rows have a low and no high: 'more than' and 'over' say only that the totals were at "
                "least that large, so their difference could be larger or smaller than the difference of the "
                "stated numbers.",
            f"Exactly {gap:,}: the later total minus the earlier one.":
                "That subtracts the stated numbers as if they were exact; the low and high columns say they "
                "are not.",
            f"At least {gap:,}, since both totals are at least what they state.":
                "If the first total was much more than its stated number, the difference could be smaller.",
            f"At most {gap:,}, since both totals are at least what they state.":
                "If the second total was much more than its stated number, the difference could be larger.",
        },
        answer=right,
        aliases={f"{bound} {gap:,}, since both totals are at least what they state.":
                 [f"{bound} {gap:,}", f"{bound} {gap}"] for bound in ("At least", "At most")},
        lines=[308],
        hints=["Look at the low and high columns of the two rows: which bound is missing?",
               "Try made-up true totals that fit both quotes and subtract them: is the result always the same?"],
        code='counts.loc[counts["record_id"].str.startswith("netherlands") & (counts["metric"] == "missions"),\n'
             '           ["value", "low", "high", "period_end", "quote"]]')


@REGISTRY.question("summative")
def rates(t: Tables) -> Ordering:
    rows = _records(t.strike_counts, RATE_RECORDS)
    ranked = rows.assign(per_day=_per_day(rows)).sort_values("per_day", ascending=False)
    return Ordering(
        "These rows of strike_counts count targets (the things hit) over different stretches of time. Put them "
        "in order of their average number of targets per day, highest first (count both the first and the last "
        "day: period_start to period_end; give the labels or the record ids).",
        answer=list(ranked["record_id"]),
        labels={row.record_id: f"{row.actor}: {row.quote} ({row.when})" for row in rows.itertuples()},
        aliases={row.record_id: [row.quote] for row in rows.itertuples()},
        lines=seed_lines(rows), where="the period_start, period_end and value columns of strike_counts",
        explanation="Divide each value by its days, (period_end - period_start).days + 1, and sort: a few targets "
                    "hit in one day run faster than a larger total spread over months.",
        hints=["A total over a long period can be large and still slow: compare values per day.",
               "Count each row's days from period_start to period_end, add 1, divide the value by them and sort."],
        code=f'picked = counts[counts["record_id"].isin({list(RATE_RECORDS)})]\n'
             'daily = picked["value"] / ((picked["period_end"] - picked["period_start"]).dt.days + 1)\n'
             'picked.assign(daily=daily).sort_values("daily", ascending=False)["record_id"].tolist()')


@REGISTRY.question("summative")
def per_day(t: Tables) -> Numeric:
    row = t.strike_counts.set_index("record_id").loc[PER_DAY_RECORD]
    days = (row.period_end - row.period_start).days + 1
    return Numeric(
        f"In strike_counts, the row {PER_DAY_RECORD} counts {int(row.value):,} {row.metric} (tanker refuelling "
        f"missions flown by the United States) from {day(row.period_start)} to {day(row.period_end)} "
        "(period_start to period_end). How many is that per day on average, counting both the first and the "
        "last day? Give two decimals.",
        answer=float(row.value / days), unit=f"{row.metric} a day", tolerance=0.006, decimals=2,
        lines=[int(row.line)], where="that row of strike_counts",
        explanation="The value divided by the days it covers, both ends included.",
        mistakes=[(float(row.value / (days - 1)), "you left out one day: count both the first and the last day "
                                                  "(add 1 to the difference of the dates)."),
                  (int(row.value), "that is the total, not a number per day."),
                  (float(row.value / (days / 7)), "that is a number per week, not per day."),
                  (float(days / row.value), "that is days per mission: divide the other way round.")],
        hints=["Divide the value by the number of days it covers.",
               "The difference of the two dates counts the days between them; add 1 to include both ends."],
        code=f'refuelling = counts.set_index("record_id").loc["{PER_DAY_RECORD}"]\n'
             'refuelling["value"] / ((refuelling["period_end"] - refuelling["period_start"]).days + 1)')


# --- practice set 03 -----------------------------------------------------------------------------

@REGISTRY.question("practice")
def by_metric(t: Tables) -> PandasAnswer:
    counts = t.strike_counts
    rows = counts[(counts["actor"] == "United States") & (counts["theater"] == COMBINED)
                  & (counts["count_type"] == "cumulative")]
    parts = [campaigns.period_counts(campaigns.running_total(counts, "United States", COMBINED, metric))
             for metric in schema.STRIKE_METRICS if (rows["metric"] == metric).any()]
    expected = pd.concat(parts)[["metric", "period_end", "value", "in_period"]].reset_index(drop=True)
    expected["metric"] = expected["metric"].astype("string")
    return PandasAnswer(
        "Make a table (columns metric, period_end, value, in_period; one row per report in us_rows, in any "
        "row order, the index does not matter) of the U.S. running totals for Iraq and Syria combined, with "
        "in_period the count since the report before it of the same metric; the first report of each metric "
        "counts from the campaign start.",
        answer=expected, lines=seed_lines(rows), where="the table us_rows",
        advice="Check in_period: within each metric, a report's total minus the one before it of the same "
               "metric; the first report of each metric counts from the campaign start.",
        explanation="Within each metric, each total minus the one before it. Without groupby, the first row of "
                    "one metric would be subtracted from the last row of another, a number that counts nothing.",
        hints=["Sort by metric and period_end, so each metric's reports follow each other in date order.",
               "Compute diff inside each metric: group by metric first (observed=True), then diff the value.",
               "The first report of each metric has no row before it: fill its gap with its own value."],
        code='in_order = us_rows.sort_values(["metric", "period_end"])\n'
             'since = in_order.groupby("metric", observed=True)["value"].diff().fillna(in_order["value"])\n'
             'in_order[["metric", "period_end", "value"]].assign(in_period=since)')


@REGISTRY.question("practice")
def after(t: Tables) -> Numeric:
    libya = _libya(t.strike_counts)
    announced = libya[libya["record_id"] == "us_libya_2016_10_31"].iloc[0]
    final = libya.iloc[-1]
    strikes = int(final.value - announced.value)
    days = (final.period_end - announced.period_end).days
    before_days = (announced.period_end - announced.period_start).days + 1
    issues = t.inconsistencies.set_index("issue_id")
    return Numeric(
        f"The campaign was reported ended at {announced.value} airstrikes ({day(announced.period_end)}); the final "
        f"total is {final.value} ({day(final.period_end)}). How many airstrikes a day, on average, came after the "
        f"announced end (from the day after {day(announced.period_end, year=False)} up to and including "
        f"{day(final.period_end, year=False)})? Give one decimal.",
        answer=strikes / days, rel_tolerance=0.02, unit="airstrikes a day", decimals=1,
        lines=[int(announced.line), int(final.line)], where="the table libya",
        explanation=campaigns.explain(issues, "libya_campaign_ended_then_continued")
                    + " Spread over the days between the two reports, that is the rate after the 'end'.",
        mistakes=[(strikes, "that is the number of strikes after the end, not a number per day."),
                  (float(final.value / days), "that divides the final running total, which counts the whole "
                                              "campaign, by the days after the end."),
                  (float(announced.value / before_days), "that is the rate before the announced end.")],
        hints=["Both numbers are running totals: their difference is the count between them.",
               "Divide that count by the days between the two reports' period_end (their difference, in days)."],
        code='end_row = libya[libya["record_id"] == "us_libya_2016_10_31"].iloc[0]\n'
             'last_row = libya.iloc[-1]\n'
             '(last_row["value"] - end_row["value"]) / (last_row["period_end"] - end_row["period_end"]).days')


@REGISTRY.question("practice")
def rate(t: Tables) -> Numeric:
    rows = _records(t.strike_counts, [EARLY_CLAIM, WHOLE_WAR]).set_index("record_id")
    daily = _per_day(rows)
    claim, war = rows.loc[EARLY_CLAIM], rows.loc[WHOLE_WAR]
    days = (rows["period_end"] - rows["period_start"]).dt.days + 1
    return Numeric(
        f"The coalition reported {claim.reported} airstrikes from {day(claim.period_start)} to "
        f"{day(claim.period_end)} ({EARLY_CLAIM}), and {war.reported} strikes over the whole war up to "
        f"{day(war.period_end)} ({WHOLE_WAR}). Compute each one's average per day (count both the first and the "
        "last day): how many times as fast as the whole war does the early figure run (its rate per day divided "
        "by the whole war's)?",
        answer=float(daily[EARLY_CLAIM] / daily[WHOLE_WAR]), rel_tolerance=0.02, unit="times", decimals=1,
        lines=seed_lines(rows), where="the table pair_rows",
        explanation="The early figure's value per day divided by the whole war's. 'Over' makes the early rate a "
                    "lowest rate, so the ratio is at least this: far faster than the coalition ever struck on "
                    "average.",
        mistakes=[(float(claim.value / war.value), "that divides the totals, not the rates per day: the "
                                                   "periods differ in length."),
                  (float(daily[WHOLE_WAR] / daily[EARLY_CLAIM]), "that is the ratio upside down."),
                  (float(daily[EARLY_CLAIM]), "that is the early figure's rate per day, not how many times the "
                                              "whole war's rate it is."),
                  (float(days[WHOLE_WAR] / days[EARLY_CLAIM]), "that compares the days only: divide each value by "
                                                               "its days first.")],
        hints=["A rate per day is the value divided by the days it covers.",
               "Count each row's days from period_start to period_end, plus 1; then divide the two rates."],
        code='daily = pair_rows["value"] / ((pair_rows["period_end"] - pair_rows["period_start"]).dt.days + 1)\n'
             f'daily["{EARLY_CLAIM}"] / daily["{WHOLE_WAR}"]')


@REGISTRY.question("practice")
def fits(t: Tables) -> MultipleChoice:
    rate = campaigns.daily_rates(_combined_totals(t.strike_counts)).set_index("record_id")
    claim, war = rate.loc[EARLY_CLAIM], rate.loc[WHOLE_WAR]
    flights = rate.loc["coalition_2015_07_21_sorties"]
    issues = t.inconsistencies.set_index("issue_id")
    return MultipleChoice(
        f"Compare the rate per day of the coalition's figure of {campaigns.amount(claim)} 'airstrikes' by "
        f"{day(claim.end)} with the rates of the other running totals: which metric does it fit best?",
        choices={
            "sorties": f"The coalition's sorties ran at {flights.per_day:g} a day, close to this figure's rate. "
                       + campaigns.explain(issues, "coalition_16000_airstrikes"),
            "airstrikes": f"The coalition's whole-war strike rate is {war.per_day:g} a day; this figure runs "
                          f"{claim.per_day / war.per_day:.0f} times as fast, in the very first months.",
            "missions": "The missions in the table are refuelling missions and Dutch flights, each counted for "
                        "one country; no mission count of the whole coalition is given to compare with.",
        },
        answer="sorties",
        lines=sorted({int(claim.line), int(war.line), int(flights.line)}),
        hints=["Compare per_day, not value: the totals cover different stretches of time.",
               "Find the coalition row whose per_day is nearest to this figure's."],
        code='others[others["actor"] == "Coalition"][["metric", "value", "per_day"]]')


@REGISTRY.question("practice")
def flights(t: Tables) -> SetAnswer:
    case = campaigns.readable(_combined_totals(t.strike_counts))
    labels = {row.record_id: f"{row.reported} ({row.actor}, {at_precision(row.period_end, row.date_precision)}): "
                             f"“{row.quote}”" for row in case.itertuples()}
    flying = case.loc[case["metric"].isin(FLIGHTS), "record_id"]
    return SetAnswer(
        "Which of these numbers count flights (sorties, or missions flown) rather than airstrikes? Read what each "
        "quote counts, then check it against the metric column of case.",
        answer=[labels[record] for record in flying], options=sorted(labels.values()),
        # a row as students name it: its record id, its reported text ("more than 2,100"), its value or its quote
        # (a value two rows share, such as 2100, then names neither)
        aliases={labels[row.record_id]: [row.record_id, row.reported, row.reported.replace(",", ""),
                                           str(row.value), f"{row.value:,}", row.quote]
                 for row in case.itertuples()},
        lines=seed_lines(case), where="the quotes and the metric column of case",
        advice="Judge each quote by what it says it counts (sorties, missions, strikes), not by the size of its "
               "number, nor by what lesson 03 suspects a number really counted; the metric column of case reads "
               "the quotes the same way.",
        explanation="Sorties and missions count flights: refuelling, surveillance and escort flights count too, "
                    "and a strike aircraft may come back without striking. The words 'sorties', 'missions' and "
                    "'flown' give them away; 'strikes' and 'air strikes' count attacks.",
        hints=["Read the verb and the noun of each quote: what is counted, a flight or an attack?",
               "The metric column of case says it too: keep the rows whose metric counts flights."],
        code='[labels[record] for record in case.loc[case["metric"].isin(["sorties", "missions"]), "record_id"]]')


@REGISTRY.question("practice")
def libya_order(t: Tables) -> Ordering:
    chosen = t.events.set_index("event_id").loc[list(PRACTICE_LIBYA_EVENTS)].sort_values("date")
    return Ordering(
        "Put these U.S. events in Libya in date order, earliest first (give their summaries or event ids).",
        answer=list(chosen.index), labels=dict(chosen["summary"].items()),
        lines=seed_lines(chosen), where="the table libya_events (and the date column of events)",
        explanation="In the order of the date column; the first comes before the campaign's official start, "
                    "the last two after its announced end.",
        hints=["Each event is a row of the events table; its date column says when.",
               "Find the six rows by their summaries, then sort them by date."],
        code=f'asked = events.set_index("event_id").loc[{list(PRACTICE_LIBYA_EVENTS)}]\n'
             'asked.sort_values("date").index.tolist()')


@REGISTRY.question("practice")
def afghan(t: Tables) -> MultipleChoice:
    rows = campaigns.with_days(_records(t.strike_counts, PRACTICE_AFGHAN))
    values = ", ".join(rows["reported"])
    year = f"{rows['start'].min():%Y}"
    right = "No: the periods overlap, the actors differ, and one is not only against ISIL."
    return MultipleChoice(
        f"Three counts of airstrikes in Afghanistan, all counts for a period: {values}. Can you add them up to "
        f"get the airstrikes on ISIL in Afghanistan in {year}?",
        choices={
            f"Yes: they add up to about {int(rows['value'].sum()):,}, since all of them are airstrikes in one "
            "country in one year.":
                "The periods overlap: they all start on the same day, so the same strikes would be counted "
                "two or three times.",
            right:
                f"All three start on {day(rows['start'].min())} and end on different days; "
                f"{' and '.join(sorted(set(rows['actor'])))} report them, and the largest has the target "
                f"'{rows['target'].iloc[-1]}' (line 411): it also counts strikes on other groups.",
            "Yes, once each of them is divided by its number of days.":
                "Rates per day make counts comparable, but they still cannot be added: the periods overlap.",
            "Never: counts for a period can never be added up.":
                "They can, when the periods follow each other without gaps or overlaps, for the same actor, "
                "metric and target: that is what .cumsum() does.",
        },
        answer=right,
        lines=seed_lines(rows),
        hints=["Look at the start and end columns: do the periods follow each other?",
               "Look at the actor and target columns too."],
        code='afghan[["actor", "target", "reported", "when"]]')


@REGISTRY.question("practice")
def canada(t: Tables) -> Numeric:
    counts = t.strike_counts
    rows = counts[(counts["actor"] == "Canada") & (counts["metric"] == "targets")
                  & (counts["count_type"] == "cumulative")]
    largest = int(rows["value"].max())
    return Numeric(
        "Canada reported several running totals of targets for the same days, one for each kind of target. "
        "How many targets did Canada strike in all over those days?",
        answer=int(rows["value"].sum()), unit="targets", lines=seed_lines(rows), where="the table canada",
        explanation="Same actor, metric, count type and days, and different kinds of target: these can be "
                    "added. A target count is not a strike count: one strike can hit several targets.",
        mistakes=[(largest, "that is only the largest kind of target; the question asks for all of them."),
                  (len(rows), "that counts the rows, not the targets they report."),
                  (int(rows["value"].sum() - largest), "that leaves out the largest kind of target.")],
        hints=["Each row counts one kind of target over the same days.",
               "Same actor, metric and days, different kinds: the rows can be added, one column of them."],
        code='canada["value"].sum()')


air_campaigns = REGISTRY.bank("lesson", "Lesson 03's questions for ``theater``, and its summative check.")
air_practice = REGISTRY.bank("practice", "Practice set 03's questions.")
