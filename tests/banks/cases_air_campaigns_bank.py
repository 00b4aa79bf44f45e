"""Cases of lesson 03 (``air_campaigns``, with its summative check) and practice set 03 (``air_practice``).

Each canonical answer is computed here with plain pandas from fresh tables; a choice is named by the
short label a student types (the words before its colon), found from the tables where they decide it.
"""

from __future__ import annotations

import pandas as pd

from banks.harness import built_bank, case

BOTH = "Iraq and Syria"
COVER = {"Iraq": ("Iraq", BOTH), "Syria": ("Syria", BOTH), "Libya": ("Libya",), "Afghanistan": ("Afghanistan",)}


def running(counts, actor, theater, metric="airstrikes") -> pd.DataFrame:
    rows = counts[(counts["actor"] == actor) & (counts["theater"] == theater) & (counts["metric"] == metric)
                  & (counts["count_type"] == "cumulative")]
    return rows.sort_values(["period_end", "value"], kind="mergesort")


def per_day(rows: pd.DataFrame) -> pd.Series:
    return rows["value"] / ((rows["period_end"] - rows["period_start"]).dt.days + 1)


def mine(counts, theater) -> pd.DataFrame:
    return counts if theater == "all" else counts[counts["theater"].astype(str).isin(COVER[theater])]


def _choice(exercise, words: str) -> str:
    """The one choice a question shows that contains ``words`` (a typical wrong pick)."""
    found = [choice for choice in exercise.describe() if words in choice]
    assert len(found) == 1, (words, found)
    return found[0].split(") ", 1)[1]


def by_date(t, shown) -> list:
    """The event ids a question shows, in the order of the events table's dates."""
    return t.events.set_index("event_id").loc[list(shown)].sort_values("date").index.tolist()


def nearest_metric(t) -> str:
    """The metric of the coalition running total whose rate per day is nearest the 'over 16,000' figure's."""
    counts = t.strike_counts
    rows = counts[(counts["actor"] == "Coalition") & (counts["theater"] == BOTH)
                  & (counts["count_type"] == "cumulative")].set_index("record_id")
    rates = per_day(rows)
    early = rates["coalition_2015_01_15_airstrikes"]
    others = rates.drop("coalition_2015_01_15_airstrikes")
    return str(rows.loc[(others - early).abs().idxmin(), "metric"])


# --- lesson 03 ---------------------------------------------------------------------------------------

def _sorties(words: str) -> str:
    return _choice(built_bank("air_campaigns", "all").sorties, words)


@case("air_campaigns.sorties", mistakes=lambda t: [(_sorties("typing error"), "refuelling"),
                                                    (_sorties("struck nothing"), "one aircraft per strike"),
                                                    (_sorties("divide the sorties"), "every flight")])
def _(t):
    return "Sorties are not strikes"


@case("air_campaigns.kind", mistakes=lambda t: [
    (f"“{t.strike_counts.set_index('record_id').loc['us_libya_2016_10_02_day', 'quote']}”", "single event"),
    (f"“{t.strike_counts.set_index('record_id').loc['us_libya_2016_08_past_month', 'quote']}”", "period"),
    ("the last one", "not one of the choices"),
    # one pair of quote marks around the quote it names, not two
    (t.strike_counts.set_index('record_id').loc['us_libya_2016_10_02_day', 'quote'], "chose “on 2 October")])
def _(t):
    counts = t.strike_counts
    trio = counts[counts["record_id"].isin(["us_libya_2016_10_02_day", "us_libya_2016_08_past_month",
                                            "us_libya_2016_10_10"])]
    return f"“{trio.loc[trio['count_type'] == 'cumulative', 'quote'].item()}”"


def _counted_mistakes(t, theater):
    right = sorted(set(mine(t.strike_counts, theater)["actor"]))
    others = sorted(set(built_bank("air_campaigns", theater).counted.options) - set(right))
    return [(right[:-1], "missing"), (right + others[:1], "belong"), (others[:2], "belong")]


SHORT = {"United Kingdom": "UK", "United States": "USA", "Netherlands": "Holland", "Coalition": "the coalition"}


@case("air_campaigns.counted", mistakes=_counted_mistakes,
      forms=lambda t, theater: [[SHORT.get(actor, actor)
                                 for actor in mine(t.strike_counts, theater)["actor"].unique()]])
def _(t, theater):
    return sorted(mine(t.strike_counts, theater)["actor"].unique())


@case("air_campaigns.target", mistakes=lambda t: [("Nothing", "contains the others"),
                                                   ("The three numbers should be averaged, not added.", "average"),
                                                   ("Only the al-Qaeda strikes should be left out of the sum; the "
                                                    "rest of the total is right as it is.", "already holds")])
def _(t):
    return "Counted twice"


def _libya_steps(t):
    libya = running(t.strike_counts, "United States", "Libya").reset_index(drop=True)
    return libya["value"].diff().fillna(libya["value"]), libya


@case("air_campaigns.steps", mistakes=lambda t: [(_libya_steps(t)[1]["value"].diff(), "not the ones asked for"),
                                                  (_libya_steps(t)[1]["value"], "not the ones asked for"),
                                                  (_libya_steps(t)[0].iloc[1:], "too few"),
                                                  (_libya_steps(t)[1]["value"].diff(),
                                                   "counts from the campaign start")])
def _(t):
    return _libya_steps(t)[0]


def _both(t):
    both = running(t.strike_counts, "United States", BOTH)
    return int(both["value"].iloc[0]), int(both["value"].iloc[1])


@case("air_campaigns.between", mistakes=lambda t: [(_both(t)[1], "later running total"),
                                                    (_both(t)[0], "earlier running total"),
                                                    (sum(_both(t)), "added two running totals")],
      forms=lambda t: [f"{_both(t)[1] - _both(t)[0]} strikes"])
def _(t):
    first, second = _both(t)
    return second - first


def _months_fit(t) -> bool:
    counts = t.strike_counts
    libya = counts[(counts["actor"] == "United States") & (counts["theater"] == "Libya")
                   & (counts["metric"] == "airstrikes")]
    monthly = libya[(libya["count_type"] == "period") & (libya["date_precision"] == "month")]
    same_report = libya[(libya["count_type"] == "period") & libya["line"].isin(monthly["line"])]
    last_day = same_report["period_end"].max()
    next_total = libya[(libya["count_type"] == "cumulative") & (libya["period_end"] > last_day)]["value"].min()
    return same_report["value"].sum() <= next_total


@case("air_campaigns.months", mistakes=lambda t: [
    ("They cannot all be right as stated: one is wrong, or they count different things.", "whole month"),
    ("Nothing", ".cumsum()"), (_choice(built_bank("air_campaigns", "all").months, "together had"), "counted twice")])
def _(t):
    assert _months_fit(t), "the two counts of the report no longer fit the next running total: rewrite the case"
    return "They fit"


def _order(t, theater):
    return by_date(t, built_bank("air_campaigns", theater).order.labels)


@case("air_campaigns.order", mistakes=lambda t, theater: [(_order(t, theater)[::-1], "right place"),
                                                          (_order(t, theater)[1:], "missing"),
                                                          (_order(t, theater)[1:] + _order(t, theater)[:1],
                                                           "right place")])
def _(t, theater):
    return _order(t, theater)


@case("air_campaigns.rate_16000", mistakes=lambda t: [("Plausible", "times"), ("Russian strikes", "began"),
                                                       ("One month", "running total")])
def _(t):
    return nearest_metric(t)


# --- lesson 03's summative check ------------------------------------------------------------------------

def _october(t):
    libya = running(t.strike_counts, "United States", "Libya").set_index("period_end")["value"]
    return int(libya["2016-10-10"]), int(libya["2016-10-17"]), int(libya["2016-10-31"])


@case("air_campaigns.libya_october", mistakes=lambda t: [(_october(t)[2], "running total"),
                                                          (_october(t)[0], "earlier running total"),
                                                          (_october(t)[2] - _october(t)[1], "last step")])
def _(t):
    start, _, end = _october(t)
    return end - start


def _not_isil(t):
    counts = t.strike_counts
    return counts.loc[counts["target"] != "ISIL", "theater"].astype(str)


@case("air_campaigns.other_targets", mistakes=lambda t: [
    (t.strike_counts.loc[t.strike_counts["target"] != "ISIL", "theater"].value_counts(), "zero"),
    (t.strike_counts["theater"].astype(str).value_counts(), "should not be among"),
    (_not_isil(t).value_counts().iloc[:-1], "missing")])
def _(t):
    return _not_isil(t).value_counts()


@case("air_campaigns.yemen", mistakes=lambda t: [("None", "likely duplicate"), ("Unknown", "timeline"),
                                                  ("4", "twice")])
def _(t):
    rows = t.strike_counts.set_index("record_id").loc[["us_yemen_2017_10_23", "us_yemen_2017_10_25"]]
    assert rows["value"].nunique() == 1 and rows["line"].nunique() == 1
    return "Probably two"


def _bounds(words: str) -> str:
    return _choice(built_bank("air_campaigns", "all").bounds, words)


@case("air_campaigns.bounds", mistakes=lambda t: [(_bounds("Exactly"), "are not"),
                                                   (_bounds("At least"), "smaller"), (_bounds("At most"), "larger"),
                                                   # the short form before the comma names the choice too
                                                   (_bounds("At least").split(",")[0], "smaller")])
def _(t):
    rows = t.strike_counts[t.strike_counts["record_id"].str.startswith("netherlands")
                           & (t.strike_counts["metric"] == "missions")]
    assert rows["high"].isna().all() and rows["low"].notna().all()
    return "Not known"


RATE_ROWS = ["canada_2015_05_13_fighting_positions", "canada_2015_05_13_vehicles", "us_libya_2016_08_16_vbieds",
             "us_libya_2016_08_16_pickup"]


def _rates(t):
    rows = t.strike_counts.set_index("record_id").loc[RATE_ROWS]
    by_rate = per_day(rows).sort_values(ascending=False).index.tolist()
    by_value = rows["value"].sort_values(ascending=False).index.tolist()
    assert by_rate != by_value  # the question is worth asking: totals and rates order differently
    return by_rate, by_value


@case("air_campaigns.rates", mistakes=lambda t: [(_rates(t)[1], "right place"), (_rates(t)[0][::-1], "right place"),
                                                  (_rates(t)[0][:-1], "missing")],
      forms=lambda t: [t.strike_counts.set_index("record_id").loc[_rates(t)[0], "quote"].tolist()])
def _(t):
    return _rates(t)[0]


def _refuelling(t):
    row = t.strike_counts[t.strike_counts["record_id"] == "us_iraq_syria_2014_09_refueling"]
    return int(row["value"].item()), int(((row["period_end"] - row["period_start"]).dt.days + 1).item())


@case("air_campaigns.per_day", mistakes=lambda t: [(_refuelling(t)[0] / (_refuelling(t)[1] - 1), "one day"),
                                                    (_refuelling(t)[0], "total"),
                                                    (_refuelling(t)[0] / _refuelling(t)[1] * 7, "per week"),
                                                    (_refuelling(t)[1] / _refuelling(t)[0], "other way round")],
      forms=lambda t: [f"{_refuelling(t)[0] / _refuelling(t)[1]:.2f}/day",
                       f"{_refuelling(t)[0] / _refuelling(t)[1]:.2f} missions a day"])
def _(t):
    value, days = _refuelling(t)
    return round(value / days, 2)


# --- practice set 03 --------------------------------------------------------------------------------------

def _by_metric(t):
    counts = t.strike_counts
    us = counts[(counts["actor"] == "United States") & (counts["theater"] == BOTH)
                & (counts["count_type"] == "cumulative")]
    return us.sort_values(["metric", "period_end"]).reset_index(drop=True)


@case("air_practice.by_metric", mistakes=lambda t: [
    (_by_metric(t)[["metric", "period_end", "value"]].assign(
        in_period=_by_metric(t)["value"].diff().fillna(_by_metric(t)["value"])), "not the ones asked for"),
    (_by_metric(t)[["metric", "period_end", "value"]].assign(in_period=_by_metric(t)["value"]),
     "not the ones asked for"),
    (_by_metric(t)[["metric", "period_end", "value"]], "missing"),
    (_by_metric(t)[["metric", "period_end", "value"]].assign(
        in_period=_by_metric(t)["value"].diff().fillna(_by_metric(t)["value"])), "within each metric")],
      forms=lambda t: [_canonical_by_metric(t).sort_values(["period_end", "metric"]),
                       _canonical_by_metric(t).sort_values(["period_end", "metric"]).reset_index(drop=True)])
def _canonical_by_metric(t):
    us = _by_metric(t)
    steps = us.groupby("metric", observed=True)["value"].diff().fillna(us["value"])
    return us[["metric", "period_end", "value"]].assign(in_period=steps)


def _after(t):
    libya = running(t.strike_counts, "United States", "Libya").set_index("record_id")
    final, announced = libya.iloc[-1], libya.loc["us_libya_2016_10_31"]
    return int(final["value"] - announced["value"]), (final["period_end"] - announced["period_end"]).days, final


@case("air_practice.after", mistakes=lambda t: [(_after(t)[0], "not a number per day"),
                                                 (_after(t)[2]["value"] / _after(t)[1], "final running total"),
                                                 (_after(t)[0] / (_after(t)[1] + 30), "too low")],
      forms=lambda t: [f"{_after(t)[0] / _after(t)[1]:.1f}/day", f"{_after(t)[0] / _after(t)[1]:.1f} airstrikes a day"])
def _(t):
    strikes, days, _ = _after(t)
    return strikes / days


def _two_rates(t):
    rows = t.strike_counts.set_index("record_id").loc[["coalition_2015_01_15_airstrikes", "coalition_2019_03_strikes"]]
    return per_day(rows), rows


@case("air_practice.rate", mistakes=lambda t: [
    (_two_rates(t)[1]["value"].iloc[0] / _two_rates(t)[1]["value"].iloc[1], "totals"),
    (_two_rates(t)[0].iloc[1] / _two_rates(t)[0].iloc[0], "upside down"),
    (_two_rates(t)[0].iloc[0], "rate per day")],
      forms=lambda t: [f"{_two_rates(t)[0].iloc[0] / _two_rates(t)[0].iloc[1]:.1f}x",
                       f"{_two_rates(t)[0].iloc[0] / _two_rates(t)[0].iloc[1]:.2f} times"])
def _(t):
    rates, _ = _two_rates(t)
    return rates.iloc[0] / rates.iloc[1]


@case("air_practice.fits", mistakes=lambda t: [("airstrikes", "times as fast"), ("missions", "no mission count"),
                                                ("strikes", "not one of the choices")])
def _(t):
    return nearest_metric(t)


def _flying(t):
    counts = t.strike_counts
    return counts[(counts["theater"] == BOTH) & (counts["count_type"] == "cumulative")
                  & counts["metric"].isin(["sorties", "missions"])]


def _flights(t):
    options = built_bank("air_practice").flights.options
    flying = _flying(t)
    right = [option for option in options if any(f"“{quote}”" in option for quote in flying["quote"])]
    assert len(right) == len(flying)
    return right, [option for option in options if option not in right]


def _suspected(t):
    """The options of the coalition's airstrike counts on the lines of the 'over 16,000' inconsistency, which
    lesson 03 suspects counted sorties: the quotes still count airstrikes."""
    lines = [int(line) for line in t.inconsistencies.set_index("issue_id").loc["coalition_16000_airstrikes", "lines"]
             .split(";")]
    counts = t.strike_counts
    quotes = counts.loc[counts["line"].isin(lines) & counts["actor"].eq("Coalition")
                        & counts["metric"].eq("airstrikes"), "quote"]
    return [option for option in _flights(t)[1] if any(f"“{quote}”" in option for quote in quotes)]


@case("air_practice.flights", mistakes=lambda t: [(_flights(t)[0][:-1], "missing"),
                                                   (_flights(t)[0] + _flights(t)[1][:1], "belong"),
                                                   (_flights(t)[1], "belong"),
                                                   (_flights(t)[0] + _suspected(t), "what it says it counts")],
      forms=lambda t: [_flying(t)["record_id"].tolist(), _flying(t)["quote"].tolist()])
def _(t):
    return _flights(t)[0]


def _libya_order(t):
    return by_date(t, built_bank("air_practice").libya_order.labels)


@case("air_practice.libya_order", mistakes=lambda t: [(_libya_order(t)[::-1], "right place"),
                                                       ([_libya_order(t)[1], _libya_order(t)[0], *_libya_order(t)[2:]],
                                                        "right place"),
                                                       (_libya_order(t)[:-1], "missing")],
      forms=lambda t: [t.events.set_index("event_id").loc[_libya_order(t), "summary"].str.rstrip(".").tolist()])
def _(t):
    return _libya_order(t)


@case("air_practice.afghan", mistakes=lambda t: [("yes: they add up to about 1,210, since all of them are airstrikes "
                                                   "in one country in one year", "overlap"), ("Never", "cumsum"),
                                                  ("Yes, once each of them is divided by its number of days.",
                                                   "overlap")])
def _(t):
    rows = t.strike_counts.set_index("record_id").loc[["coalition_afghanistan_2016_04_airstrikes",
                                                       "us_afghanistan_2016_08_airstrikes",
                                                       "us_afghanistan_2016_strikes_all"]]
    assert rows["period_start"].nunique() == 1 and rows["actor"].nunique() > 1
    return "No"


def _canada(t):
    counts = t.strike_counts
    return counts.loc[(counts["actor"] == "Canada") & (counts["metric"] == "targets")
                      & (counts["count_type"] == "cumulative"), "value"]


@case("air_practice.canada", mistakes=lambda t: [(int(_canada(t).max()), "largest kind"),
                                                  (len(_canada(t)), "counts the rows"),
                                                  (int(_canada(t).sum() - _canada(t).max()), "leaves out")],
      forms=lambda t: [f"{int(_canada(t).sum())} targets"])
def _(t):
    return int(_canada(t).sum())
