"""Lesson 03's questions (``air_campaigns``, with its summative check) and practice set 03's (``air_practice``).

Every expected answer is computed here from freshly loaded tables, so nothing
a student does to the frames in the notebook changes what is right.
"""

from __future__ import annotations

import pandas as pd

from .. import campaigns, data, schema
from ..dates import at_precision, day
from ..exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer
from ..lesson import require
from ..theaters import COMBINED, in_theater, scope_name
from .bank import QuestionBank, seed_lines

KIND_RECORDS = ("us_libya_2016_10_02_day", "us_libya_2016_08_past_month", "us_libya_2016_10_10")
"""The three Libya quotes whose count type lesson 03 asks for."""
AFGHAN_2016 = ("us_afghanistan_2016_strikes_all", "us_afghanistan_2016_strikes_isk",
               "us_afghanistan_2016_strikes_al_qaeda")
"""Line 411: a total for 2016 and two of its parts."""
RATE_RECORDS = ("us_iraq_syria_2014_09_sorties", "coalition_2019_03_strikes", "us_iraq_syria_2014_12_19_airstrikes",
                "us_iraq_syria_2014_09_airstrikes")
"""Exact running totals (no qualifier) the summative check orders by their rate per day."""
PER_DAY_RECORD = "canada_2015_05_13_fighting_positions"
"""A running total whose rate per day the lesson never shows (the summative check asks for it)."""
PRACTICE_AFGHAN = ("coalition_afghanistan_2016_04_airstrikes", "us_afghanistan_2016_08_airstrikes",
                   "us_afghanistan_2016_strikes_all")
PRACTICE_LIBYA_EVENTS = ("us_libya_campaign_end", "us_sirte_heaviest_day", "us_libya_strikes_sep_2017",
                         "us_sabratha_strike", "us_b2_strike_sirte_camps", "us_libya_campaign_start")


def _records(counts: pd.DataFrame, ids) -> pd.DataFrame:
    """The rows of ``ids`` in that order, with ``reported`` and ``when`` (see ``campaigns.readable``)."""
    return campaigns.readable(counts.set_index("record_id").loc[list(ids)].reset_index())


# --- lesson 03 -----------------------------------------------------------------------------------

def _sorties(counts) -> MultipleChoice:
    sentence = counts[counts["record_id"].str.startswith("us_iraq_syria_2014_09")]
    by_metric = sentence.set_index("metric")["value"]
    sorties, strikes, refuelling = (int(by_metric[m]) for m in ("sorties", "airstrikes", "missions"))
    raid = counts[(counts["line"] == 128) & (counts["metric"] == "sorties")]
    aircraft = int(raid["value"].sum())
    return MultipleChoice(
        f"Predict before you read on. By {at_precision(sentence['period_end'].iloc[0], 'month')} the United "
        f"States had flown {sorties:,} sorties and carried out {strikes:,} airstrikes in Iraq and Syria "
        f"(line 208). What do these two numbers tell you together?",
        choices={
            "A sortie count is not a strike count: some flights strike nothing, and one strike can take "
            "several aircraft.":
                f"The {sorties:,} sorties include {refuelling:,} tanker refuelling missions, which strike nothing, "
                f"and a strike may take one aircraft or several: a pair of Tornados on line 270, {aircraft} "
                "aircraft in one raid on line 128. So the sentence gives no way to turn sorties into strikes.",
            f"Most of the flights struck nothing: at most {strikes:,} of them did.":
                "That assumes one aircraft per strike. The article has strikes by a pair of aircraft (line 270) "
                "and a raid by six (line 128), so how many flights took part in strikes is not known.",
            "Each sortie is an airstrike, so one of the numbers must be a typo.":
                "A sortie is one flight by one aircraft; refuelling, surveillance and escort flights are "
                "sorties too.",
            f"The {sorties:,} sorties are the {strikes:,} airstrikes plus the {refuelling:,} refuelling missions.":
                f"Add them up: {strikes:,} + {refuelling:,} = {strikes + refuelling:,}, not {sorties:,}; and "
                "an airstrike is not one flight.",
            f"Each airstrike took about {sorties / strikes:.0f} aircraft: divide the sorties by the strikes.":
                "That division assumes every flight took part in a strike; the refuelling missions alone "
                "show they did not.",
        },
        answer="A sortie count is not a strike count: some flights strike nothing, and one strike can take "
               "several aircraft.",
        lines=[208, 128, 270],
        hints=["Re-read the definitions at the top: what does one sortie count, what does one airstrike count?",
               "Look at line 128 and line 270: how many aircraft took part in one strike there?"],
        code='sentence[["metric", "value"]]  # three metrics: no row converts one into another')


def _kind(counts) -> MultipleChoice:
    trio = _records(counts, KIND_RECORDS)
    running = trio[trio["count_type"] == "cumulative"].iloc[0]
    return MultipleChoice(
        "Three quotes about U.S. airstrikes in Libya. Which one reports a running total?",
        choices={f"“{row.quote}”": f"This one is a {campaigns.COUNT_WORDS[row.count_type]}: "
                 + ("'bringing the total to' counts everything since the campaign began."
                    if row.count_type == "cumulative" else
                    "'in the past month' names a stretch of time." if row.count_type == "period" else
                    "a single date names one day's strikes.")
                 for row in trio.itertuples()},
        answer=f"“{running.quote}”",
        lines=seed_lines(trio),
        hints=["A running total counts everything since the campaign began.",
               "Look for words that say the number has grown to a new total."],
        code=f'counts.loc[counts["record_id"].isin({list(KIND_RECORDS)}), ["quote", "count_type"]]')


def _counted(counts, events, deployments, countries, theater) -> SetAnswer:
    mine = in_theater(counts, theater)
    counted = sorted(set(mine["actor"]))
    return SetAnswer(
        f"Predict, then check with pandas: for which of these actors does the article give at least one number "
        f"of airstrikes, sorties, missions, targets, munitions or operations in {scope_name(theater)}?",
        answer=counted,
        distractors=campaigns.without_counts(counts, events, deployments, countries, theater),
        lines=seed_lines(mine),
        explanation="Those actors have at least one row in strike_counts for the theater. The others began a "
                    "campaign or sent forces, but the article gives no number of what they did.",
        hints=["Every number of strikes, sorties and the like is a row of strike_counts; mine holds your "
               "theater's rows.",
               'The actor column of mine names who did it: mine["actor"].unique() lists them.'],
        code='sorted(mine["actor"].unique())')


def _target(counts) -> MultipleChoice:
    rows = _records(counts, AFGHAN_2016).set_index("record_id")
    total, isk, qaeda = (rows.loc[record] for record in AFGHAN_2016)
    added = int(total.value + isk.value + qaeda.value)
    return MultipleChoice(
        f"Find the error. A summary table takes the three numbers of line 411 ({total.reported}, "
        f"{isk.reported} and {qaeda.reported} U.S. strikes in Afghanistan in {total.when}) and reports "
        f"“{added:,} U.S. strikes on ISIL in Afghanistan in {total.when}”. What is wrong?",
        choices={
            "Two of the numbers are parts of the third, and the third also counts strikes on other groups.":
                f"“Including” makes the {isk.reported} and the {qaeda.reported} parts of the "
                f"{total.reported}; its target is {campaigns.TARGET_WORDS[total.target]}, the {qaeda.reported} "
                f"were against {campaigns.TARGET_WORDS[qaeda.target]}. Only the {isk.reported} strikes on IS-K "
                "count strikes on ISIL; keep the target column in every total.",
            "Nothing: the three counts cover the same year and the same country, so they add up.":
                "Same year and country, but read the sentence: one number contains the others.",
            "Only the al-Qaeda strikes should be left out; the rest is right.":
                "Leaving them out still adds the IS-K strikes to a total that already holds them, and that "
                "total is not all against ISIL.",
            "The three numbers should be averaged, not added.":
                "An average of a total and its parts means nothing; read which number contains which.",
        },
        answer="Two of the numbers are parts of the third, and the third also counts strikes on other groups.",
        lines=[411],
        hints=["Read line 411 word by word: which small word links the numbers?",
               "Look at the target column of the three rows: are they all against ISIL?"],
        code='counts.loc[counts["line"] == 411, ["value", "low", "high", "target", "quote"]]')


def _steps(counts) -> PandasAnswer:
    libya = campaigns.running_total(counts, "United States", "Libya", "airstrikes")
    steps = campaigns.period_counts(libya)["in_period"]
    return PandasAnswer(
        "Make a Series with the number of U.S. airstrikes in Libya between each report of the running total "
        "and the one before it (same rows and order as libya; the first report counts from the campaign "
        "start).",
        answer=steps,
        lines=seed_lines(libya),
        explanation="Each value is a report's total minus the one before it; together they add up to the last "
                    "total, because a running total is the sum of the counts between its reports.",
        hints=["Subtract from each running total the one in the row before it.",
               "libya[\"value\"].diff() does that but leaves the first row empty: what did the first report "
               "count from?",
               "Fill the first row with the first total itself: .fillna(libya[\"value\"])."],
        code='libya["value"].diff().fillna(libya["value"])')


def _between(counts) -> Numeric:
    both = campaigns.running_total(counts, "United States", COMBINED, "airstrikes")
    first, second = both.iloc[0], both.iloc[1]
    return Numeric(
        f"How many U.S. airstrikes in Iraq and Syria were carried out after {day(first.period_end)} and up to "
        f"{day(second.period_end)}, according to the two running totals in us_both? Compute it with pandas.",
        answer=int(second.value - first.value),
        unit="airstrikes",
        lines=[int(first.line), int(second.line)],
        explanation="The later running total minus the earlier one: one step of .diff(), over "
                    f"{(second.period_end - first.period_end).days} days.",
        mistakes=[(int(second.value), "that is the later running total: it counts every strike since the "
                                      "campaign began, not the ones between the two reports."),
                  (int(first.value), "that is the earlier running total: the strikes up to the first report."),
                  (int(second.value + first.value), "you added two running totals; the later one already "
                                                    "contains the earlier one's strikes.")],
        hints=["A running total counts everything since the start: what does the difference of two of them "
               "count?",
               'Take us_both["value"] and subtract the earlier row from the later one (or use .diff()).'],
        code='us_both["value"].iloc[1] - us_both["value"].iloc[0]')


def _months(counts) -> MultipleChoice:
    libya = campaigns.running_total(counts, "United States", "Libya", "airstrikes")
    reported = campaigns.reported_counts(counts, libya)
    months = reported[reported["date_precision"] == "month"]
    august, september = int(months["value"].iloc[0]), int(months["value"].iloc[1])
    first_month, second_month = f"{months['start'].iloc[0]:%B}", f"{months['start'].iloc[1]:%B}"
    low, _ = campaigns.total_at(libya, months["end"].iloc[-1])
    by_26 = libya[libya["value"] == low].iloc[0]
    total = int(by_26.value)
    when = day(by_26.period_end, year=False)
    month_end = day(months["end"].iloc[-1], year=False)
    return MultipleChoice(
        f"{months['reported_by'].iloc[0]} counts {august} U.S. airstrikes in Libya in {first_month} and "
        f"{september} in {second_month}. {by_26.reported_by} puts the running total at {total} by {when}. "
        "What can you conclude?",
        choices={
            "They cannot all be right as stated: one is wrong, or they count different things.":
                f"The two months add up to fewer strikes by the end of {second_month} than the running total "
                f"already had by {when}. Different outlets may count strikes differently (with or without "
                "helicopters and drones, for example), or one figure is wrong.",
            f"{total - august - september} strikes must have happened between {when} and {month_end}.":
                f"Strikes after {when} cannot explain it: the running total was already {total} on that day, "
                "more than the two months add up to by the end of the month.",
            f"{first_month} and {second_month} together had {total} + {september} = {total + september} strikes.":
                f"That adds a running total (which already includes {second_month}'s strikes up to that day) "
                "to a count for a period: those strikes would be counted twice.",
            "Nothing: a monthly count and a running total can never be compared.":
                "They can: add up the monthly counts with .cumsum() and you get a running total.",
        },
        answer="They cannot all be right as stated: one is wrong, or they count different things.",
        lines=sorted({int(months["line"].iloc[0]), int(by_26.line)}),
        hints=["Turn the two monthly counts into a running total (.cumsum()).",
               f"Compare that running total at the end of {second_month} with the reported one: which is "
               "larger, and can a running total shrink?"],
        code='months["value"].cumsum()  # compare its last value with the running total reported before it')


def _order(events, theater) -> Ordering:
    steps = campaigns.milestones(campaigns.campaign_events(events, theater))
    return Ordering(
        f"Put these events in {scope_name(theater)} in date order, earliest first (the events table has "
        "their dates).",
        answer=list(steps["event_id"]),
        labels={row.event_id: f"{row.actor}: {row.summary.rstrip('.')}" for row in steps.itertuples()},
        lines=seed_lines(steps),
        explanation="In the order of the date column: " + "; ".join(
            f"{at_precision(row.date, row.date_precision)}, {row.actor}" for row in steps.itertuples()) + ".",
        hints=["Each label is a row of marks (or of the events table); its date column says when.",
               'Find the rows by their summary and sort them with .sort_values("date").'],
        code='marks.drop_duplicates("event_id").sort_values("date")[["date", "actor", "summary"]]')


def _rate_16000(counts, events) -> MultipleChoice:
    case = counts[(counts["theater"] == COMBINED) & counts["metric"].isin(["airstrikes", "sorties"])
                  & (counts["count_type"] == "cumulative")]
    rate = campaigns.readable(campaigns.daily_rates(case)).set_index("record_id")
    claim = rate.loc["coalition_2015_01_15_airstrikes"]
    war = rate.loc["coalition_2019_03_strikes"]
    flights = rate.loc["coalition_2015_07_21_sorties"]
    starts = campaigns.first_dates(events, "campaign_start").set_index(["actor", "theater"])
    russia = starts.loc[("Russia", "Syria")]
    return MultipleChoice(
        f"The article reports {claim.reported} coalition airstrikes in Iraq and Syria by {day(claim.end)}. "
        "Compare it with the rates per day in the table above: which reading fits the other numbers best?",
        choices={
            "It probably counts sorties (flights), not airstrikes.":
                f"At least {claim.per_day:g} a day: close to the coalition's sortie rate ({flights.per_day:g} a "
                f"day up to {flights.end:%B %Y}, from {flights.reported} sorties) and "
                f"{claim.per_day / war.per_day:.0f} times its whole-war strike rate ({war.per_day:g} a day).",
            "It is plausible: the coalition simply struck hardest in its first months.":
                f"It would mean at least {claim.per_day:g} strikes a day, {claim.per_day / war.per_day:.0f} times "
                f"the average of the whole war ({war.per_day:g} a day up to {war.end:%B %Y}).",
            "It includes the Russian strikes.":
                f"Russia's campaign in Syria began on {day(russia.date)}, after this report.",
            f"It is a count for {claim.end:%B %Y} only.":
                "The sentence says the strikes had been carried out by that date, a running total; as a count "
                "for part of one month it would be even less plausible.",
        },
        answer="It probably counts sorties (flights), not airstrikes.",
        lines=sorted({int(claim.line), int(war.line), int(flights.line)}),
        hints=["Compare rates per day, not totals: the totals cover different stretches of time.",
               "Which metric in the rates table runs at about the same rate per day as this figure?"],
        code='rates[["actor", "metric", "value", "days", "per_day"]]')


# --- lesson 03's summative check ---------------------------------------------------------------------

def _s_libya_october(counts) -> Numeric:
    libya = campaigns.running_total(counts, "United States", "Libya", "airstrikes").set_index("record_id")
    start, end = libya.loc["us_libya_2016_10_10"], libya.loc["us_libya_2016_10_31"]
    middle = libya.loc["us_libya_2016_10_17"]
    return Numeric(
        "In strike_counts, take the U.S. running total of airstrikes in Libya (actor \"United States\", theater "
        "\"Libya\", metric \"airstrikes\", count_type \"cumulative\"). How many airstrikes does it count after "
        f"the report of {day(start.period_end)} and up to the report of {day(end.period_end)}?",
        answer=int(end.value - start.value), unit="airstrikes",
        lines=[int(start.line), int(end.line)],
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
        code='libya = counts[(counts["actor"] == "United States") & (counts["theater"] == "Libya")\n'
             '                & (counts["metric"] == "airstrikes") & (counts["count_type"] == "cumulative")]\n'
             'by_day = libya.set_index("period_end")["value"]\n'
             'by_day["2016-10-31"] - by_day["2016-10-10"]')


def _s_other_targets(counts) -> SetAnswer:
    theaters = counts["theater"].astype("string")
    other = sorted(set(theaters[counts["target"] != "ISIL"]))
    return SetAnswer(
        "In strike_counts, the target column says against whom the strikes were directed. In which theaters "
        "(theater column) does the article give at least one count whose target is not ISIL?",
        answer=other, distractors=sorted(set(theaters) - set(other)),
        lines=seed_lines(counts[counts["target"] != "ISIL"]),
        explanation="Those theaters have counts against al-Qaeda, against several groups at once or against a "
                    "target the article does not name: such a count is never an ISIL total.",
        hints=["Keep the rows whose target is not \"ISIL\" (use !=).",
               'counts.loc[counts["target"] != "ISIL", "theater"].unique() lists their theaters.'],
        code='counts.loc[counts["target"] != "ISIL", "theater"].unique()')


def _s_yemen(counts, claims, issues) -> MultipleChoice:
    rows = counts.set_index("record_id").loc[["us_yemen_2017_10_23", "us_yemen_2017_10_25"]]
    (first, early), (second, late) = ((int(row.value), day(row.period_end)) for row in rows.itertuples())
    killed = claims.set_index("claim_id")["low"]
    said = (f"{killed['yemen_2017_10_23_first']} + {killed['yemen_2017_10_23_second']} and "
            f"{killed['yemen_2017_10_25']}")
    return MultipleChoice(
        f"strike_counts has two rows for U.S. airstrikes in al-Bayda, Yemen, both from line 442: {first} on "
        f"{early} ({rows['reported_by'].iloc[0]}) and {second} on {late} ({rows['reported_by'].iloc[1]}); "
        f"casualty_claims says they killed {said} ISIL "
        "fighters. How many airstrikes do these rows show?",
        choices={
            "Probably two: the same strikes told twice, dated differently by two outlets.":
                issues.loc["yemen_strikes_told_twice", "description"],
            f"{first + second}: two rows, two strikes each.":
                "Same place, same number of strikes, the same number killed: adding the rows would count "
                "the same strikes twice.",
            "None: the two reports contradict each other, so neither can be used.":
                "They agree on everything but the date; a likely duplicate is counted once, not dropped.",
            "It cannot be told without knowing which day is right.":
                "The date matters for a timeline, not for how many strikes there were: both outlets say two.",
        },
        answer="Probably two: the same strikes told twice, dated differently by two outlets.",
        lines=[442],
        hints=["Compare the two rows column by column: what differs, what is the same?",
               "Read line 442: how many fighters does each report say were killed, and where?"],
        code='counts.loc[counts["line"] == 442, ["record_id", "value", "period_end", "quote"]]')


def _s_bounds(counts) -> MultipleChoice:
    rows = _records(counts, ["netherlands_2016_07_missions", "netherlands_2018_12_missions"])
    early, late = rows.iloc[0], rows.iloc[1]
    gap = int(late.value - early.value)
    return MultipleChoice(
        f"strike_counts has two Dutch running totals of missions (actor Netherlands, metric missions): "
        f"{early.reported} by {early.when.split(' – ')[-1]} and {late.reported} by {late.when.split(' – ')[-1]} "
        "(see their low and high columns). How many missions were flown between the two reports?",
        choices={
            "It cannot be worked out: both totals are lower bounds.":
                "Both rows have a low and no high: 'more than' and 'over' say only that the totals were at "
                "least that large, so their difference could be larger or smaller than the difference of the "
                "stated numbers.",
            f"Exactly {gap:,}.": "That subtracts the stated numbers as if they were exact; the low and high "
                                 "columns say they are not.",
            f"At least {gap:,}.": "If the first total was much more than its stated number, the difference "
                                  "could be smaller.",
            f"At most {gap:,}.": "If the second total was much more than its stated number, the difference "
                                 "could be larger.",
        },
        answer="It cannot be worked out: both totals are lower bounds.",
        lines=[308],
        hints=["Look at the low and high columns of the two rows: which bound is missing?",
               "Try made-up true totals that fit both quotes and subtract them: is the result always the same?"],
        code='counts.loc[counts["record_id"].str.startswith("netherlands") & (counts["metric"] == "missions"),\n'
             '           ["value", "low", "high", "period_end", "quote"]]')


def _s_rates(counts) -> Ordering:
    rows = _records(counts, RATE_RECORDS)
    rates = campaigns.daily_rates(rows)
    labels = {row.record_id: f"{row.actor}: {row.reported} {row.metric}, {row.when}" for row in rows.itertuples()}
    return Ordering(
        "These running totals of strike_counts (Iraq and Syria combined) cover different stretches of time. "
        "Put them in order of their average number per day, highest first (count both the first and the last "
        "day: period_start to period_end).",
        answer=list(rates["record_id"]), labels=labels, lines=seed_lines(rows),
        explanation="Divide each value by its days, (period_end - period_start).days + 1, and sort: the sorties "
                    "run fastest because a sortie is any flight, not an attack.",
        hints=["A total over a long period can be large and still slow: compare values per day.",
               'days = (rows["period_end"] - rows["period_start"]).dt.days + 1; then rows["value"] / days.'],
        code=f'rows = counts[counts["record_id"].isin({list(RATE_RECORDS)})]\n'
             'per_day = rows["value"] / ((rows["period_end"] - rows["period_start"]).dt.days + 1)\n'
             'rows.assign(per_day=per_day).sort_values("per_day", ascending=False)["record_id"]')


def _s_per_day(counts) -> Numeric:
    row = counts.set_index("record_id").loc[PER_DAY_RECORD]
    days = (row.period_end - row.period_start).days + 1
    return Numeric(
        f"In strike_counts, the row {PER_DAY_RECORD} counts {int(row.value):,} {row.metric} (ISIL fighting "
        f"positions struck by Canada) from {day(row.period_start)} to {day(row.period_end)} (period_start to "
        "period_end). How many is that per day on average, counting both the first and the last day? "
        "Give three decimals.",
        answer=float(row.value / days), unit=f"{row.metric} a day", tolerance=0.0006, decimals=3,
        lines=[int(row.line)],
        explanation="The value divided by the days it covers, both ends included.",
        mistakes=[(float(row.value / (days - 1)), "you left out one day: count both the first and the last day "
                                                  "(add 1 to the difference of the dates)."),
                  (int(row.value), "that is the total, not a number per day."),
                  (float(row.value / (days / 7)), "that is a number per week, not per day."),
                  (float(days / row.value), "that is days per target: divide the other way round.")],
        hints=["Divide the value by the number of days it covers.",
               "(period_end - period_start).days counts the days between; add 1 to include both ends."],
        code=f'row = counts.set_index("record_id").loc["{PER_DAY_RECORD}"]\n'
             'row["value"] / ((row["period_end"] - row["period_start"]).days + 1)')


def air_campaigns(theater: str = "all") -> QuestionBank:
    """Lesson 03's questions for ``theater`` (the lesson's parameter), and its summative check."""
    require("theater", theater, campaigns.THEATERS)
    counts, events = data.strike_counts(), data.events()
    deployments, countries = data.deployments(), data.countries()
    issues = data.inconsistencies().set_index("issue_id")
    bank = QuestionBank("air_campaigns", theater=theater)
    bank.add("sorties", _sorties(counts))
    bank.add("kind", _kind(counts))
    bank.add("counted", _counted(counts, events, deployments, countries, theater))
    bank.add("target", _target(counts))
    bank.add("steps", _steps(counts))
    bank.add("between", _between(counts))
    bank.add("months", _months(counts))
    bank.add("order", _order(events, theater))
    bank.add("rate_16000", _rate_16000(counts, events))
    bank.add("libya_october", _s_libya_october(counts), summative=True)
    bank.add("other_targets", _s_other_targets(counts), summative=True)
    bank.add("yemen", _s_yemen(counts, data.casualty_claims(), issues), summative=True)
    bank.add("bounds", _s_bounds(counts), summative=True)
    bank.add("rates", _s_rates(counts), summative=True)
    bank.add("per_day", _s_per_day(counts), summative=True)
    return bank


# --- practice set 03 -----------------------------------------------------------------------------

def _p_by_metric(counts) -> PandasAnswer:
    rows = counts[(counts["actor"] == "United States") & (counts["theater"] == COMBINED)
                  & (counts["count_type"] == "cumulative")]
    parts = [campaigns.period_counts(campaigns.running_total(counts, "United States", COMBINED, metric))
             for metric in schema.STRIKE_METRICS if (rows["metric"] == metric).any()]  # the table's order
    expected = pd.concat(parts)[["metric", "period_end", "value", "in_period"]].reset_index(drop=True)
    expected["metric"] = expected["metric"].astype("string")
    return PandasAnswer(
        "Make a table (columns metric, period_end, value, in_period) of the U.S. running totals for Iraq and "
        "Syria combined, with the count between reports computed within each metric; the first report of "
        "each metric counts from the campaign start.",
        answer=expected, lines=seed_lines(rows),
        explanation="Within each metric, each total minus the one before it. Without groupby, the first row of "
                    "one metric would be subtracted from the last row of another, a number that counts nothing.",
        hints=["Sort by metric and period_end, so each metric's reports follow each other in date order.",
               "diff inside each metric: .groupby(\"metric\", observed=True)[\"value\"].diff().",
               "The first report of each metric has no row before it: fill it with its own value."],
        code='us = us_rows.sort_values(["metric", "period_end"]).reset_index(drop=True)\n'
             'steps = us.groupby("metric", observed=True)["value"].diff().fillna(us["value"])\n'
             'us[["metric", "period_end", "value"]].assign(in_period=steps)')


def _p_after(counts, issues) -> Numeric:
    libya = campaigns.running_total(counts, "United States", "Libya", "airstrikes")
    announced = libya[libya["record_id"] == "us_libya_2016_10_31"].iloc[0]
    final = libya.iloc[-1]
    before = libya.iloc[-3]
    return Numeric(
        f"The campaign was reported ended at {announced.value} airstrikes ({day(announced.period_end)}); the final "
        f"total is {final.value} ({day(final.period_end)}). How many airstrikes came after the announced end?",
        answer=int(final.value - announced.value), unit="airstrikes",
        lines=[int(announced.line), int(final.line)],
        explanation=campaigns.explain(issues, "libya_campaign_ended_then_continued"),
        mistakes=[(int(final.value), "that is the final running total, not the strikes after the end."),
                  (int(announced.value), "that is the total at the announced end."),
                  (int(final.value - before.value), "that subtracts an earlier report, not the one that "
                                                    "announced the end.")],
        hints=["Both numbers are running totals: their difference is the count between them.",
               'Pick the row with record_id "us_libya_2016_10_31" and the last row of libya.'],
        code='announced = libya.loc[libya["record_id"] == "us_libya_2016_10_31", "value"].item()\n'
             'libya["value"].iloc[-1] - announced')


def _p_rate(counts) -> Numeric:
    row = campaigns.readable(counts[counts["record_id"] == "coalition_2015_01_15_airstrikes"]).iloc[0]
    days = (row.period_end - row.period_start).days + 1
    return Numeric(
        f"The article reports {row.reported} coalition airstrikes from {day(row.period_start)} to "
        f"{day(row.period_end)}. Taking the total as {int(row.value):,}, how many is that per day on average? "
        "Count both the first and the last day.",
        answer=float(row.value / days), rel_tolerance=0.02, unit="airstrikes a day", decimals=1,
        lines=[int(row.line)],
        explanation="The value divided by the days it covers, both ends included. 'Over' makes this the lowest "
                    "rate the quote allows.",
        mistakes=[(int(row.value), "that is the total, not a number per day."),
                  (float(row.value / (days / 30.44)), "that is a number per month, not per day."),
                  (float(row.value / (days / 7)), "that is a number per week, not per day.")],
        hints=["Divide the value by the number of days it covers.",
               "Count the days with (period_end - period_start).days + 1."],
        code='claim = claim_row.iloc[0]\n'
             'claim["value"] / ((claim["period_end"] - claim["period_start"]).days + 1)')


def _p_fits(counts, issues) -> MultipleChoice:
    case = counts[(counts["theater"] == COMBINED) & (counts["count_type"] == "cumulative")
                  & counts["metric"].isin(["airstrikes", "sorties", "missions"])]
    rate = campaigns.daily_rates(case).set_index("record_id")
    claim, war = rate.loc["coalition_2015_01_15_airstrikes"], rate.loc["coalition_2019_03_strikes"]
    flights = rate.loc["coalition_2015_07_21_sorties"]
    return MultipleChoice(
        f"Compare your rate per day for the coalition's figure of over {claim.value:,} 'airstrikes' by "
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
        code='rates[rates["actor"] == "Coalition"][["metric", "value", "per_day"]]')


def _p_flights(counts) -> SetAnswer:
    case = campaigns.readable(counts[(counts["theater"] == COMBINED) & (counts["count_type"] == "cumulative")
                                     & counts["metric"].isin(["airstrikes", "sorties", "missions"])])
    labels = {row.record_id: f"{row.reported} ({row.actor}, {at_precision(row.period_end, row.date_precision)}): "
                             f"“{row.quote}”" for row in case.itertuples()}
    flying = case.loc[case["metric"].isin(["sorties", "missions"]), "record_id"]
    return SetAnswer(
        "Which of these numbers count flights rather than attacks?",
        answer=[labels[record] for record in flying], options=sorted(labels.values()),
        lines=seed_lines(case),
        explanation="Sorties and missions count flights: refuelling, surveillance and escort flights count too, "
                    "and a strike aircraft may come back without striking. The words 'sorties', 'missions' and "
                    "'flown' give them away; 'strikes' and 'air strikes' count attacks.",
        hints=["Read the verb and the noun of each quote: what is counted, a flight or an attack?",
               "The metric column of case says it too: keep the rows whose metric counts flights."],
        code='flying = case.loc[case["metric"].isin(["sorties", "missions"]), "record_id"]\n'
             '[labels[record] for record in flying]')


def _p_libya_order(events) -> Ordering:
    chosen = events.set_index("event_id").loc[list(PRACTICE_LIBYA_EVENTS)].sort_values("date")
    return Ordering(
        "Put these U.S. events in Libya in date order, earliest first.",
        answer=list(chosen.index), labels={event: summary.rstrip(".") for event, summary in chosen["summary"].items()},
        lines=seed_lines(chosen),
        explanation="In the order of the date column; the first comes before the campaign's official start, "
                    "the last two after its announced end.",
        hints=["Each event is a row of the events table; its date column says when.",
               'Sort the chosen rows with .sort_values("date") and give their ids in that order.'],
        code='list(chosen.sort_values("date").index)')


def _p_afghan(counts) -> MultipleChoice:
    afghan = campaigns.with_days(_records(counts, PRACTICE_AFGHAN))
    values = ", ".join(afghan["reported"])
    year = f"{afghan['start'].min():%Y}"
    return MultipleChoice(
        f"Three counts of airstrikes in Afghanistan, all counts for a period: {values}. Can you add them up to "
        f"get the airstrikes on ISIL in Afghanistan in {year}?",
        choices={
            f"Yes: they add up to about {int(afghan['value'].sum()):,}.":
                "The periods overlap: they all start on the same day, so the same strikes would be counted "
                "two or three times.",
            "No: the periods overlap, the counts are by different actors, and one is not only against ISIL.":
                f"All three start on {day(afghan['start'].min())} and end on different days; "
                f"{' and '.join(sorted(set(afghan['actor'])))} report them, and the largest has the target "
                f"'{afghan['target'].iloc[-1]}' (line 411): it also counts strikes on other groups.",
            "Yes, once each is divided by its number of days.":
                "Rates per day make counts comparable, but they still cannot be added: the periods overlap.",
            "No: counts for a period can never be added.":
                "They can, when the periods follow each other without gaps or overlaps, for the same actor, "
                "metric and target: that is what .cumsum() does.",
        },
        answer="No: the periods overlap, the counts are by different actors, and one is not only against ISIL.",
        lines=seed_lines(afghan),
        hints=["Look at the start and end columns: do the periods follow each other?",
               "Look at the actor and target columns too."],
        code='afghan[["actor", "target", "value", "low", "high", "start", "end"]]')


def _p_canada(counts) -> Numeric:
    canada = counts[(counts["actor"] == "Canada") & (counts["metric"] == "targets")
                    & (counts["count_type"] == "cumulative")]
    largest = int(canada["value"].max())
    return Numeric(
        "Canada reported several running totals of targets for the same days, one for each kind of target. "
        "How many targets did Canada strike in all over those days?",
        answer=int(canada["value"].sum()), unit="targets", lines=seed_lines(canada),
        explanation="Same actor, metric, count type and days, and different kinds of target: these can be "
                    "added. A target count is not a strike count: one strike can hit several targets.",
        mistakes=[(largest, "that is only the largest kind of target; the question asks for all of them."),
                  (len(canada), "that counts the rows, not the targets they report."),
                  (int(canada["value"].sum() - largest), "that leaves out the largest kind of target.")],
        hints=["Each row counts one kind of target over the same days.",
               'Add up the value column: canada["value"].sum().'],
        code='canada["value"].sum()')


def air_practice() -> QuestionBank:
    """Practice set 03's questions."""
    counts, events = data.strike_counts(), data.events()
    issues = data.inconsistencies().set_index("issue_id")
    bank = QuestionBank("air_practice")
    bank.add("by_metric", _p_by_metric(counts))
    bank.add("after", _p_after(counts, issues))
    bank.add("rate", _p_rate(counts))
    bank.add("fits", _p_fits(counts, issues))
    bank.add("flights", _p_flights(counts))
    bank.add("libya_order", _p_libya_order(events))
    bank.add("afghan", _p_afghan(counts))
    bank.add("canada", _p_canada(counts))
    return bank
