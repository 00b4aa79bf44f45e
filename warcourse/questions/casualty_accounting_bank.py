"""Lesson 04's questions (``casualty_accounting``, with its summative check) and practice set 04's
(``casualty_practice``), built from fresh tables."""

from __future__ import annotations

import pandas as pd

from .. import casualties, dates
from ..exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer
from .bank import Registry, Tables, seed_lines

REGISTRY = Registry(lesson="casualty_accounting", practice="casualty_practice",
                    parameters={"victim_category": casualties.VICTIM_CATEGORIES})

CAMPAIGN = "coalition_2019_03_strikes"
"""The article's count of the coalition's strikes (no source named): where its running totals start."""
COMPARE_PAIRS = (("andrews_2015_02", "austin_2015_02_23"), ("jordan_2015_02_08", "austin_2015_02_23"),
                 ("libya_2017_01_18_nbc", "libya_2017_01_18_official"),
                 ("airwars_2017", "coalition_2019_03_civilians"),
                 ("le_drian_2016_01_21", "macfarland_2016_08_total"),
                 ("airwars_2015_08", "coalition_2015_08_acknowledged"))
READ_IDS = ["airwars_2016_01", "cnn_us_official_2016_12", "coalition_2019_03_civilians"]  # practice set 04's ids
AFGHAN_ITEMS = ["moab_2017_04_13", "kot_2016_06", "us_commanders_afghanistan_2016_01", "kot_2016_07_26",
                "afghan_forces_2016_03_06", "nangarhar_2016_02_22"]  # practice set 04's items


def _said(claim: pd.Series) -> str:
    """A claim's bounds in words."""
    return casualties.describe_bounds(claim["low"], claim["high"], claim["vague"])


def _period(claim: pd.Series) -> str:
    return dates.period(claim["period_start"], claim["period_end"], claim["date_precision"])


def _by_id(t: Tables) -> pd.DataFrame:
    return t.casualty_claims.set_index("claim_id")


def _campaign(t: Tables) -> pd.Series:
    return t.strike_counts.set_index("record_id").loc[CAMPAIGN]


def _floor_in_digits(claims: pd.DataFrame) -> pd.Series:
    """Claims that give only a lower bound, stated as a number rather than a vague word."""
    return claims["low"].notna() & claims["high"].isna() & ~claims["vague"].astype(bool)


def _official_kills(claims: pd.DataFrame, start) -> pd.DataFrame:
    """Official running totals of ISIL fighters killed in Iraq and Syria (counting from the campaign's month)."""
    isil = claims[claims["victim_category"].eq("isil_fighters") & claims["place"].eq("Iraq and Syria")
                  & claims["claimant_type"].isin(casualties.OFFICIAL)]
    return casualties.readings(casualties.running_totals(isil, start))


# --- lesson 04 --------------------------------------------------------------------------------------------

@REGISTRY.question("lesson")
def wounded(t: Tables) -> MultipleChoice:
    mixed = _by_id(t).loc["afghanistan_2015_04_2016_03"]
    kept = "Only the killed: the wounded and the detained are alive."
    return MultipleChoice(
        f"The passage at line {int(mixed['line'])} reports suspected militants killed, wounded and detained "
        f"(read it: data.passages().set_index('line').loc[{int(mixed['line'])}, 'text']). The casualty_claims "
        "table has one row "
        "for it, afghanistan_2015_04_2016_03. What should that row count?",
        choices={
            kept: ("A military “casualty” includes the wounded and the captured, but this table, like this lesson, "
                   "counts deaths only. The wounded appear in a few passages only, so a total of wounded would be "
                   "incomplete in a way a reader could not see; they stay in the text, not in the table."),
            "Killed and wounded: both are casualties in the military sense of the word.": (
                "In military usage they are, but a sum of dead and wounded cannot be compared with the death "
                "counts in the other rows, and most passages give no wounded at all."),
            "Everyone: killed, wounded and detained were all taken off the battlefield.": (
                "That phrase mixes people who died with people who are alive; a death count that includes "
                "prisoners is no longer a death count."),
            "Nothing: numbers about “suspected” militants cannot be used.": (
                "The table keeps the claim and its claimant's words; “suspected” is a reason to read it "
                "critically, not to drop it."),
        },
        answer=kept, lines=seed_lines(mixed),
        hints=["Read the table's definition: one row is one claim of what?",
               "Ask whether a sum of dead and wounded could be compared with the other rows."],
        code='by_id.loc["afghanistan_2015_04_2016_03", ["quote", "low", "high"]]')


@REGISTRY.question("lesson")
def range_bounds(t: Tables) -> MultipleChoice:
    span = _by_id(t).loc["airwars_2016_01"]
    low, high = int(span["low"]), int(span["high"])
    middle = (low + high) // 2
    right = f"low = {low:,}, high = {high:,}"
    return MultipleChoice(
        f"Airwars wrote that “{span['quote']}”. How should low and high be filled?",
        choices={
            right: ("“Between … and …” is a range: both ends are stated, so both go into the table, and vague "
                    "stays False."),
            f"low = {low:,}, high empty": (
                "That reads it as “at least …”, but the sentence also states an upper end; dropping it throws "
                "information away."),
            f"low = {middle:,}, high = {middle:,}": (
                "The middle of the range is not in the text. Airwars gave a range because it could not be more "
                "precise; one number would claim a precision nobody has."),
            f"low empty, high = {high:,}": (
                "That reads it as “as many as …”, as if any smaller number were possible; the sentence sets a "
                "floor too."),
        },
        answer=right, lines=seed_lines(span),
        hints=["Read the quote word by word: which words give a floor, which a ceiling?",
               "“Between A and B” states two numbers; the table has one column for each end."],
        code='by_id.loc["airwars_2016_01", ["quote", "low", "high", "vague"]]')


@REGISTRY.question("lesson")
def lower_bounds(t: Tables, victim_category: str) -> PandasAnswer:
    focused = casualties.focus(t.casualty_claims, victim_category)
    floor = _floor_in_digits(focused)
    lower = floor.groupby(focused["claimant_type"], observed=True).sum()
    lower.index = lower.index.astype(str)
    return PandasAnswer(
        "Make a Series with one value per claimant type in focused (grouped with observed=True): how many of "
        "its claims give only a lower bound stated as a number (low filled, high empty, and not vague: "
        "“hundreds” does not count here)? Types with none get 0.",
        answer=lower.rename("lower_bounds"),
        lines=seed_lines(focused), where="the low, high and vague columns of focused",
        explanation=("Per claimant type: " + ", ".join(f"{kind} {n}" for kind, n in lower.items())
                     + ". A lower bound (“more than”, “over”, “at least”) says nothing about how many more; a "
                       "vague word such as “hundreds” is a floor too, but not a number anyone stated."),
        hints=["Build one True/False Series with a value per claim, then group it by claimant type.",
               "Three conditions joined with &: one on low, one on high and one on vague (.notna(), .isna(), ~).",
               "Summing a True/False Series per group counts the True values."],
        code=('floor_only = focused["low"].notna() & focused["high"].isna() & ~focused["vague"]\n'
              'floor_only.groupby(focused["claimant_type"], observed=True).sum()'))


@REGISTRY.question("lesson")
def comparable(t: Tables) -> SetAnswer:
    by_id = _by_id(t)
    labels = {pair: f"{pair[0]} vs {pair[1]}" for pair in COMPARE_PAIRS}
    differences = {pair: casualties.scope_differences(by_id.loc[pair[0]], by_id.loc[pair[1]])
                   for pair in COMPARE_PAIRS}
    same = [labels[pair] for pair in COMPARE_PAIRS if not differences[pair]]
    return SetAnswer(
        "Which of these pairs of claims are comparable (same victims, same place, same months)? Use "
        "casualties.scope_differences or compare their scopes yourself; give the pairs as written, or as "
        "(a, b) tuples in either order.",
        answer=same, options=list(labels.values()), pairs=True,
        lines=seed_lines(by_id.loc[[claim for pair in COMPARE_PAIRS for claim in pair]]),
        where="the scope of each claim (victim_category, place, period)",
        explanation="Comparable: " + "; ".join(same) + ". The others differ: " + "; ".join(
            f"{labels[pair]} ({', '.join(differences[pair])})" for pair in COMPARE_PAIRS if differences[pair]) + ".",
        hints=["Compare four things for each pair: victim_category, place, first month and last month.",
               "casualties.scope_differences(a_row, b_row) lists what keeps two claims apart; [] means comparable.",
               "A claim dated by its year covers January to December; a running total starts in August 2014."],
        code=("listed = " + repr(list(COMPARE_PAIRS)).replace("), (", "),\n          (") + "\n"
              '[f"{a} vs {b}" for a, b in listed if not casualties.scope_differences(by_id.loc[a], by_id.loc[b])]'))


@REGISTRY.question("lesson")
def gap(t: Tables) -> Numeric:
    by_id = _by_id(t)
    monitor, official = by_id.loc["airwars_2015_08"], by_id.loc["coalition_2015_08_acknowledged"]
    later = by_id.loc["airwars_2016_01"]
    ratio = monitor["low"] / official["low"]
    return Numeric(
        "By August 2015, how many times the coalition's acknowledged number of civilian deaths is the Airwars "
        "count? Divide the monitor's low (claim airwars_2015_08) by the official one "
        "(coalition_2015_08_acknowledged).",
        answer=ratio, rel_tolerance=0.01, unit="times", decimals=0,
        lines=seed_lines(monitor), where="the table same_dates",
        explanation=(f"{monitor['low']:,} / {official['low']:,} = {ratio:,.0f}. The two claims have the same "
                     "victims, place and period, so the ratio is meaningful; it measures how far apart two "
                     "claimants are, not an error in either number."),
        mistakes=[(official["low"] / monitor["low"], "that is the ratio upside down: the official number "
                                                     "divided by the monitor's."),
                  (monitor["low"], "that is the monitor's count itself: divide it by the official one.", 0.5),
                  (monitor["low"] - official["low"], "that is the difference, not how many times.", 0.5),
                  (later["low"] / official["low"], "that takes a later Airwars total: the two counts must be "
                                                    "at the same date."),
                  (later["high"] / official["low"], "that takes a later Airwars total: the two counts must be "
                                                     "at the same date.")],
        hints=["Use the two claims dated August 2015, one by Airwars, one by the coalition.",
               "“How many times A is B” is B divided by A: the larger number goes on top."],
        code='by_id.loc["airwars_2015_08", "low"] / by_id.loc["coalition_2015_08_acknowledged", "low"]')


@REGISTRY.question("lesson")
def gap_kind(t: Tables) -> MultipleChoice:
    right = "A claimant gap: two claimants count the same deaths in different ways."
    return MultipleChoice(
        "Airwars (an independent monitor) and the coalition (a party to the war) give civilian deaths for the "
        "same victims, place and period, far apart. Which reading is right?",
        choices={
            right: ("Same scope, different claimants: the coalition acknowledges only the deaths its own "
                    "assessments accept, which takes months, and the monitor counts credible local reports, "
                    "missing the deaths nobody reports. Neither number is “the truth”. The course records such "
                    "a pair as kind claimant_gap in the inconsistencies table: a gap between claimants, which "
                    "says as much about who counts, and how, as about the deaths."),
            "A contradiction: one of the two numbers must be false, so the article contradicts itself.": (
                "Both are reported as what each claimant said; nothing in the article says either was misquoted. "
                "Different ways of counting give different numbers without anyone lying."),
            "Not comparable: the two claims differ in scope, so the gap between them means nothing.": (
                "Check the scope again: victims, place and months agree. Only the claimant differs, and comparing "
                "claimants is the point."),
            "A typo: the coalition's number must be a typing error in the article.": (
                "Nothing suggests a typo: the same passage says the coalition acknowledged “only” that many, "
                "so the writer meant the small number."),
        },
        answer=right, lines=seed_lines(_by_id(t).loc["airwars_2015_08"]),
        hints=["First check the scope of the two claims: is anything but the claimant different?",
               "Ask how each claimant counts: from local reports, or from its own records and assessments."],
        code='casualties.scope_differences(by_id.loc["airwars_2015_08"], by_id.loc["coalition_2015_08_acknowledged"])')


@REGISTRY.question("lesson")
def order(t: Tables) -> Ordering:
    kills = _official_kills(t.casualty_claims, _campaign(t)["period_start"])
    latest_first = kills.sort_values("period_end", ascending=False)
    return Ordering(
        "Put these official running totals of ISIL fighters killed in Iraq and Syria in order of the end of the "
        "period they count (period_end), latest first. Give the claim ids (or the labels).",
        answer=latest_first["claim_id"].tolist(),
        labels={row.claim_id: f"{row.claim_id} ({row.claimant}: {row.reading})" for row in kills.itertuples()},
        lines=seed_lines(kills), where="the table kills (its period_end column)",
        explanation=("Latest first: " + " → ".join(f"{row.reading} ({_period(row._asdict())})"
                                                   for row in latest_first.itertuples())
                     + ". The totals grow with time, but a ceiling has no low: sorting by the number is not "
                       "sorting by date. One claim was made later than it counts up to: a general's estimate of "
                       "the deaths before he arrived."),
        hints=["Sort by the end of the period, not by the day the claim was made, nor by the number.",
               "sort_values has a parameter for the direction; then take the claim_id column as a list."],
        code='kills.sort_values("period_end", ascending=False)["claim_id"].tolist()')


@REGISTRY.question("lesson")
def per_strike(t: Tables) -> Numeric:
    by_id = _by_id(t)
    whole_war, raqqa = by_id.loc["coalition_2019_03_civilians"], by_id.loc["amnesty_airwars_raqqa_2017"]
    strikes = int(_campaign(t)["value"])
    return Numeric(
        "The coalition's strikes (strike_counts row coalition_2019_03_strikes, column value) and the "
        "civilians they killed over the same period (casualty_claims row coalition_2019_03_civilians, column "
        "low), both from one sentence that names no source: for each of those civilian deaths, how many "
        "strikes were there? Give one decimal.",
        answer=strikes / whole_war["low"], tolerance=0.1, unit="strikes per civilian death", decimals=1,
        lines=seed_lines(whole_war), where="the two rows printed above the question",
        explanation=("Strikes divided by deaths. The deaths are “at least”, so the true number of strikes per "
                     "death can only be smaller: dividing by a lower bound gives an upper bound. The article "
                     "names no source for either number (claimant_type unattributed): say so when you use it."),
        mistakes=[(whole_war["low"] / strikes, "that is deaths per strike, the ratio upside down."),
                  (strikes / raqqa["low"], "that divides by the Raqqa count: one city over four months, not "
                                           "the whole-war figure for the same period as the strikes."),
                  (strikes - whole_war["low"], "that is a difference; the question asks for strikes per death.")],
        hints=["Both numbers come from one passage of the article and cover the same period.",
               "Strikes per death: the number of strikes goes on top."],
        code='round(campaign["value"] / by_id.loc["coalition_2019_03_civilians", "low"], 1)  # one decimal, as asked')


# --- lesson 04's summative check (its solutions use only the lesson's setup cell) ---------------------------

@REGISTRY.question("summative")
def s_unattributed(t: Tables) -> Numeric:
    claims = t.casualty_claims
    daily = claims["date_precision"].eq("day")
    unattributed = claims["claimant_type"].eq("unattributed")
    return Numeric(
        "In casualty_claims, how many unattributed claims (claimant_type 'unattributed': the article names no one "
        "who made them) are dated to the day (date_precision 'day')?",
        answer=int((daily & unattributed).sum()), unit="claims", lines=seed_lines(claims[daily & unattributed]),
        where="the claimant_type and date_precision columns of casualty_claims",
        explanation="Filter on both columns with & and count the rows.",
        mistakes=[(int(unattributed.sum()), "that counts unattributed claims of every date precision."),
                  (int(daily.sum()), "that counts claims dated to the day of every claimant type."),
                  (int((unattributed & claims["date_precision"].eq("month")).sum()),
                   "that counts the unattributed claims dated to the month.")],
        hints=["Two conditions, one on claimant_type and one on date_precision.",
               "Join the two True/False Series with & and count the True values."],
        code='(claims["claimant_type"].eq("unattributed") & claims["date_precision"].eq("day")).sum()')


@REGISTRY.question("summative")
def s_upper_bounds(t: Tables) -> SetAnswer:
    claims = t.casualty_claims
    ceiling = claims["high"].notna() & claims["low"].isna()
    floor = claims["low"].notna() & claims["high"].isna()
    return SetAnswer(
        "In casualty_claims, which claims give only an upper bound (high filled, low empty)? Give their claim_id "
        "values.",
        answer=claims.loc[ceiling, "claim_id"].tolist(),
        distractors=claims.loc[floor, "claim_id"].head(4).tolist() + ["airwars_2017_03", "airwars_2016_01"],
        lines=seed_lines(claims[ceiling]), where="the low and high columns of casualty_claims", conditions=2,
        explanation="“As many as” and “up to” set a ceiling only, so low stays empty.",
        hints=["An upper bound has a high and no low.", "Use .notna() on one bound and .isna() on the other."],
        code='claims.loc[claims["high"].notna() & claims["low"].isna(), "claim_id"].tolist()')


@REGISTRY.question("summative")
def s_ceiling(t: Tables) -> MultipleChoice:
    official = _by_id(t).loc["cnn_us_official_2016_12"]
    ceiling_value = f"{int(official['high']):,}"
    since = dates.at_precision(official["period_start"], "month")
    until = dates.at_precision(official["period_end"], "month")
    honest = f"At most {ceiling_value} killed since {since}, said one unnamed senior US official."
    return MultipleChoice(
        f"casualty_claims row cnn_us_official_2016_12: in {until} a senior US military official told CNN that "
        f"“{official['quote']}” since the war began. Which sentence reports it honestly?",
        choices={
            honest: ("It keeps the bound (“as many as” sets a ceiling), the period (a running total since the "
                     "campaign began) and who said so."),
            f"At least {ceiling_value} ISIL fighters were killed by the coalition in its war on ISIL.": (
                "“As many as” limits the number from above, not from below."),
            f"{ceiling_value} ISIL fighters were killed in {official['period_end']:%Y}, a senior official said.": (
                "The claim counts from the start of the war, not one year, and it is a ceiling, not a count."),
            f"About {ceiling_value} ISIL fighters were killed, as the coalition confirmed.": (
                "“As many as” is not “about”, and an unnamed official speaking to a broadcaster is not a "
                "confirmation by the coalition."),
        },
        answer=honest, lines=seed_lines(official),
        aliases={choice: [f"{start} {number}" for number in (ceiling_value, int(official["high"]))]
                 for start, choice in [("At most", honest), ("About", f"About {ceiling_value} ISIL fighters were "
                                                                       "killed, as the coalition confirmed."),
                                       ("At least", f"At least {ceiling_value} ISIL fighters were killed by the "
                                                    "coalition in its war on ISIL.")]},
        hints=["What does “as many as” bound: from above or from below?",
               "Check period_start: since when does the claim count? And who made it?"],
        code='by_id.loc["cnn_us_official_2016_12", ["claimant", "low", "high", "period_start", "period_end"]]')


@REGISTRY.question("summative")
def s_afghan_types(t: Tables) -> PandasAnswer:
    claims = t.casualty_claims
    afghan = claims[claims["place"].str.endswith("Afghanistan")]
    types = afghan["claimant_type"].astype(str).value_counts()
    return PandasAnswer(
        "In casualty_claims, take the claims whose place ends with 'Afghanistan'. Make a Series indexed by "
        "claimant_type with the number of claims of each type (only the types that occur).",
        answer=types.rename("claims"), lines=seed_lines(afghan),
        where="the place and claimant_type columns of casualty_claims",
        explanation="Per claimant type: " + ", ".join(f"{kind} {n}" for kind, n in types.items())
                    + ". Most of the Afghan claims name no claimant at all.",
        hints=["Filter with .str.endswith on place.",
               "Then count the claims per claimant_type; keep only the types that occur (observed=True, or drop "
               "the zeros)."],
        code=('afghan_claims = claims[claims["place"].str.endswith("Afghanistan")]\n'
              'afghan_claims.groupby("claimant_type", observed=True).size()'))


@REGISTRY.question("summative")
def s_civilian_running(t: Tables) -> Numeric:
    claims = t.casualty_claims
    civil = claims[claims["victim_category"].eq("civilians") & claims["place"].eq("Iraq and Syria")]
    from_start = civil["period_start"].dt.to_period("M").eq(pd.Period("2014-08", "M"))
    return Numeric(
        "In casualty_claims, how many civilian claims (victim_category 'civilians') about 'Iraq and Syria' are "
        "running totals, counting from August 2014 (period_start in that month)?",
        answer=int(from_start.sum()), unit="claims", lines=seed_lines(civil[from_start]),
        where="the victim_category, place and period_start columns of casualty_claims",
        explanation="Running totals start with the campaign; the other claims count one month or one year.",
        mistakes=[(len(civil), "that counts every civilian claim about Iraq and Syria, also those for one "
                               "month or one year."),
                  (int((from_start & civil["claimant_type"].eq("ngo")).sum()), "that counts only one claimant's "
                                                                              "running totals."),
                  (int(claims["victim_category"].eq("civilians").sum()), "that counts civilian claims about "
                                                                          "every place.")],
        hints=["Filter victim_category and place first.",
               "Compare period_start.dt.to_period('M') with August 2014."],
        code=('civil_both = claims[claims["victim_category"].eq("civilians") & claims["place"].eq("Iraq and Syria")]\n'
              '(civil_both["period_start"].dt.to_period("M") == pd.Period("2014-08", "M")).sum()'))


# --- practice set 04 --------------------------------------------------------------------------------------

@REGISTRY.question("practice")
def read(t: Tables) -> PandasAnswer:
    by_id = _by_id(t)
    chosen = by_id.loc[READ_IDS]
    return PandasAnswer(
        "Make a DataFrame indexed by the claim ids in `ids`, with columns low and high read from each claim's quote "
        "with numbers.read_quantity (a missing bound stays missing).",
        answer=chosen[["low", "high"]].astype("Float64"), lines=seed_lines(chosen),
        where="the quotes of the three claims",
        explanation="; ".join(f"“{row.quote}” → {_said(by_id.loc[row.Index])}" for row in chosen.itertuples())
                    + ". An empty bound stays empty (<NA>).",
        hints=["numbers.read_quantity(text) returns an object with .low and .high (None when missing).",
               "Build the table from two lists, one per column, with the ids as its index."],
        code=('parsed = [numbers.read_quantity(by_id.loc[claim_id, "quote"]) for claim_id in ids]\n'
              'pd.DataFrame({"low": [p.low for p in parsed], "high": [p.high for p in parsed]}, index=ids)'))


@REGISTRY.question("practice")
def vague(t: Tables) -> MultipleChoice:
    sinjar = _by_id(t).loc["sinjar_2014_08_abducted_killed"]
    floor = int(sinjar["low"])
    word = "A floor: the word is read as the least it can honestly mean."
    return MultipleChoice(
        f"The article says “{sinjar['quote']}”. The table stores low = {floor}, high empty, vague = True. Why?",
        choices={
            word: ("“Hundreds” needs at least two hundreds, and says nothing about how many more: low is that "
                   "floor, high stays empty, vague is True. Anyone who needs one number must say it is a floor."),
            "Elsewhere: the article gives that number in another passage.": (
                "The passage has no digits for this claim; the number comes from the course's rule for reading "
                "the word."),
            "Lost text: the upper bound was lost when the article was converted to text.": (
                "Nothing was lost: the word itself gives no upper limit, so there is none to store."),
            "A best guess: it is the most likely number of deaths, given what the passage says.": (
                "It is a floor, not a best guess: “hundreds” may be far more."),
        },
        answer=word, lines=seed_lines(sinjar),
        hints=["Look for digits in the quote: are there any?", "What is the smallest number “hundreds” can mean?"],
        code='by_id.loc["sinjar_2014_08_abducted_killed", ["quote", "low", "high", "vague"]]')


@REGISTRY.question("practice")
def lower_civilians(t: Tables) -> SetAnswer:
    claims = t.casualty_claims
    civilians = claims[claims["victim_category"].eq("civilians")]
    floor = _floor_in_digits(civilians)
    return SetAnswer(
        "Which civilian claims give only a lower bound stated as a number (low filled, high empty, and not "
        "vague)? Give their claim_id values.",
        answer=civilians.loc[floor, "claim_id"].tolist(), options=sorted(civilians["claim_id"]),
        lines=seed_lines(civilians[floor]), where="the low, high and vague columns of the civilian claims",
        conditions=3,
        explanation="“More than” and “at least” fix a minimum only; a vague word such as “hundreds” does too, "
                    "but it states no number.",
        hints=["Keep the civilian claims first.",
               "Three conditions: low is there, high is not, and vague is False."],
        code=('civilian_rows = claims[claims["victim_category"].eq("civilians")]\n'
              'civilian_rows.loc[civilian_rows["low"].notna() & civilian_rows["high"].isna()\n'
              '                  & ~civilian_rows["vague"], "claim_id"].tolist()'))


@REGISTRY.question("practice")
def by_type(t: Tables) -> PandasAnswer:
    claims = t.casualty_claims
    fighters = claims[claims["victim_category"].eq("isil_fighters")]
    grouped = fighters.groupby("claimant_type", observed=True).agg(claims=("claim_id", "size"),
                                                                   vague=("vague", "sum"))
    grouped.index = grouped.index.astype(str)
    return PandasAnswer(
        "Make a DataFrame indexed by claimant_type with columns claims (how many claims) and vague (how many of them "
        "are vague), for the ISIL-fighter claims; only the types that have claims.",
        answer=grouped.astype("int64"), lines=seed_lines(fighters), where="the ISIL-fighter rows of claims",
        explanation="Per claimant type (claims, vague): " + ", ".join(
            f"{kind} ({row.claims}, {row.vague})" for kind, row in grouped.iterrows())
            + ". Counting claims is fine; adding up their deaths is not, because running totals overlap.",
        hints=["groupby('claimant_type', observed=True) keeps only the types that occur.",
               "Name each column in .agg: one counts the claim ids (size), one sums the vague flags."],
        code=('isil_claims = claims[claims["victim_category"].eq("isil_fighters")]\n'
              'isil_claims.groupby("claimant_type", observed=True).agg(\n'
              '    claims=("claim_id", "size"), vague=("vague", "sum"))'))


@REGISTRY.question("practice")
def afghan_order(t: Tables) -> Ordering:
    picked = casualties.readings(_by_id(t).loc[AFGHAN_ITEMS])
    ordered = picked.sort_values("period_end")
    return Ordering(
        "Order these claims by the end of the period they count (period_end), earliest first (give the claim "
        "ids or the labels).",
        answer=ordered.index.tolist(),
        labels={claim: f"{claim}: {row.claimant}, {row.reading}, {row.place}" for claim, row in picked.iterrows()},
        lines=seed_lines(picked), where="the period_end column of the claims in items",
        explanation="In order: " + " → ".join(f"{claim} ({_period(row)})" for claim, row in ordered.iterrows()) + ".",
        hints=["Use the period's end, not its start (one claim has no start).",
               "Pick the rows of items in by_id, sort them by that column and take their index as a list."],
        code='by_id.loc[items].sort_values("period_end").index.tolist()')


@REGISTRY.question("practice")
def running(t: Tables) -> SetAnswer:
    claims = t.casualty_claims
    start = _campaign(t)["period_start"]
    region = claims[claims["victim_category"].eq("isil_fighters") & claims["place"].eq("Iraq and Syria")]
    totals = casualties.running_totals(region, start)
    return SetAnswer(
        f"Which ISIL-fighter claims about Iraq and Syria count from {dates.at_precision(start, 'month')}, the month "
        "the coalition's campaign began (period_start in that month)? Give their claim ids.",
        answer=totals["claim_id"].tolist(), options=sorted(region["claim_id"]),
        lines=seed_lines(region), where="the period_start column of those claims",
        explanation=(f"{len(totals)} of {len(region)} are running totals. The others count a shorter period: "
                     + "; ".join(f"{row.claim_id} ({_period(row._asdict())})"
                                 for row in region[~region.index.isin(totals.index)].itertuples()) + "."),
        hints=["Running totals start with the campaign.", "Compare period_start.dt.to_period('M') with the "
                                                          "campaign's start month."],
        code=('isil_iraq_syria = claims[claims["victim_category"].eq("isil_fighters")\n'
              '                         & claims["place"].eq("Iraq and Syria")]\n'
              'from_start = isil_iraq_syria["period_start"].dt.to_period("M") == campaign_start.to_period("M")\n'
              'isil_iraq_syria.loc[from_start, "claim_id"].tolist()'))


@REGISTRY.question("practice")
def jordan(t: Tables) -> Numeric:
    by_id = _by_id(t)
    claim, austin = by_id.loc["jordan_2015_02_08"], by_id.loc["austin_2015_02_23"]
    claim_days = casualties.days_covered(claim["period_start"], claim["period_end"])
    austin_days = casualties.days_covered(austin["period_start"], austin["period_end"])
    claim_rate, austin_rate = claim["low"] / claim_days, austin["low"] / austin_days
    return Numeric(
        "Jordan's claim (jordan_2015_02_08) and the whole coalition's (austin_2015_02_23): Jordan's daily rate is "
        "how many times the coalition's average daily rate? Count both the first and the last day "
        "(casualties.days_covered).",
        answer=claim_rate / austin_rate, rel_tolerance=0.02, unit="times", decimals=0,
        lines=seed_lines(by_id.loc[["jordan_2015_02_08", "austin_2015_02_23"]]), where="the two claims' rows",
        explanation=("Jordan's deaths per day divided by the coalition's. The coalition's number is a lower bound, "
                     "so the ratio is at most this. One country claiming in three days most of what the whole "
                     "coalition claimed in months is a reason to doubt the claim, not to add it up."),
        mistakes=[(claim["low"] / austin["low"], "that divides the totals, not the daily rates: the periods "
                                                "differ in length."),
                  (austin_rate / claim_rate, "that is the ratio upside down."),
                  ((claim["low"] / (claim_days - 1)) / (austin["low"] / (austin_days - 1)),
                   "that leaves out one day of each period: count both the first and the last day.")],
        hints=["First compute each claim's deaths per day.", "Then divide Jordan's rate by the coalition's."],
        code=('jordan_row, austin_row = by_id.loc["jordan_2015_02_08"], by_id.loc["austin_2015_02_23"]\n'
              'jordan_daily = jordan_row["low"] / casualties.days_covered(jordan_row["period_start"], '
              'jordan_row["period_end"])\n'
              'austin_daily = austin_row["low"] / casualties.days_covered(austin_row["period_start"], '
              'austin_row["period_end"])\n'
              'jordan_daily / austin_daily'))


@REGISTRY.question("practice")
def raqqa(t: Tables) -> MultipleChoice:
    by_id = _by_id(t)
    city, whole_war = by_id.loc["amnesty_airwars_raqqa_2017"], by_id.loc["coalition_2019_03_civilians"]
    honest = "Both can stand: different places and periods, and a gap between counters."
    return MultipleChoice(
        f"{city['claimant']}: “{city['quote']}” ({city['place']}, {city['period_end']:%Y}). The article's "
        f"whole-war figure, with no source named: “{whole_war['quote']}” ({_period(whole_war)}). What follows?",
        choices={
            honest: ("Two lower bounds with different scopes (" + "; ".join(
                casualties.scope_differences(city, whole_war)) + ") do not contradict each other. That the "
                "monitors' count for one city is larger than the figure for the whole war shows how differently "
                "the two were counted: the inconsistencies table records the pair as a claimant_gap."),
            "A contradiction: the two numbers contradict each other, so one of them is false.": (
                "Both are lower bounds: “more than” in one city and “at least” for the whole war can both hold."),
            "More in one city: Raqqa had more than all of the war's civilian deaths put together.": (
                f"That reads two floors as complete counts: “at least” {whole_war['low']:,.0f} says nothing about "
                "how many more died in the whole war, and the two claims have different places, periods and "
                "counters."),
            "A typo: the whole-war figure must be a typing error in the article.": (
                "Nothing suggests a typo: a lower bound of unnamed source can be far below what monitors count."),
        },
        answer=honest, lines=seed_lines(city),
        hints=["Compare the two claims' places and periods (casualties.scope_differences).",
               "Ask what “more than” and “at least” allow, and who is counting."],
        code='casualties.scope_differences(by_id.loc["amnesty_airwars_raqqa_2017"], '
             'by_id.loc["coalition_2019_03_civilians"])')


casualty_accounting = REGISTRY.bank("lesson", "Lesson 04's questions for one ``victim_category``, and its "
                                                "summative check.")
casualty_practice = REGISTRY.bank("practice", "Practice set 04's questions.")
