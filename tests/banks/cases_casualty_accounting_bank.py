"""Cases of lesson 04 (``casualty_accounting``, with its summative check) and practice set 04 (``casualty_practice``).

Each canonical answer is computed here with plain pandas from fresh tables; a choice is named by the
short label a student types (the words before its colon), checked against the tables where they decide it.
"""

from __future__ import annotations

import pandas as pd

from banks.harness import built_bank, case

OFFICIAL = ("government", "military")


def by_id(t) -> pd.DataFrame:
    return t.casualty_claims.set_index("claim_id")


def focus(t, victim_category) -> pd.DataFrame:
    claims = t.casualty_claims
    return claims if victim_category == "all" else claims[claims["victim_category"] == victim_category]


def days(row) -> int:
    return (row["period_end"] - row["period_start"]).days + 1


def _choice(exercise, words: str) -> str:
    """The one choice a question shows that contains ``words`` (a typical wrong pick)."""
    found = [choice for choice in exercise.describe() if words in choice]
    assert len(found) == 1, (words, found)
    return found[0].split(") ", 1)[1]


# --- lesson 04 ---------------------------------------------------------------------------------------

@case("casualty_accounting.wounded", mistakes=lambda t: [("Killed and wounded", "military usage"),
                                                          ("Everyone", "alive"), ("Nothing", "critically")])
def _(t):
    return "Only the killed"


def _span(t):
    row = by_id(t).loc["airwars_2016_01"]
    return int(row["low"]), int(row["high"])


@case("casualty_accounting.range_bounds", mistakes=lambda t: [
    (f"low = {_span(t)[0]:,}, high empty", "upper end"), (f"low empty, high = {_span(t)[1]:,}", "floor"),
    (f"low = {sum(_span(t)) // 2:,}, high = {sum(_span(t)) // 2:,}", "middle")])
def _(t):
    low, high = _span(t)
    return f"low = {low:,}, high = {high:,}"


def _floors(t, victim_category, rule):
    claims = focus(t, victim_category)
    return rule(claims).groupby(claims["claimant_type"].astype(str)).sum().loc[
        claims["claimant_type"].astype(str).unique()]


def _digits(claims):
    return claims["low"].notna() & claims["high"].isna() & (claims["vague"] == False)  # noqa: E712


@case("casualty_accounting.lower_bounds", mistakes=lambda t, victim_category: [
    (_floors(t, victim_category, lambda c: c["high"].isna()), "your value"),
    (_floors(t, victim_category, lambda c: c["low"].notna() & c["high"].isna()), "your value"),
    (_floors(t, victim_category, lambda c: c["low"].notna()), "your value")])
def _(t, victim_category):
    return _floors(t, victim_category, _digits)


PAIRS = (("andrews_2015_02", "austin_2015_02_23"), ("jordan_2015_02_08", "austin_2015_02_23"),
         ("libya_2017_01_18_nbc", "libya_2017_01_18_official"), ("airwars_2017", "coalition_2019_03_civilians"),
         ("le_drian_2016_01_21", "macfarland_2016_08_total"), ("airwars_2015_08", "coalition_2015_08_acknowledged"))


def _scope(row) -> tuple:
    """Victims, place, first and last month (a claim dated by its year covers January to December)."""
    end = row["period_end"]
    last = end.to_period("Y").asfreq("M", "end") if row["date_precision"] == "year" else end.to_period("M")
    first = row["period_start"].to_period("M") if pd.notna(row["period_start"]) else None
    return row["victim_category"], row["place"], first, last


def _comparable(t) -> tuple[list, list]:
    claims = by_id(t)
    same = [(a, b) for a, b in PAIRS if _scope(claims.loc[a]) == _scope(claims.loc[b])]
    return same, [pair for pair in PAIRS if pair not in same]


@case("casualty_accounting.comparable", mistakes=lambda t: [
    ([f"{a} vs {b}" for a, b in _comparable(t)[0][:-1]], "missing"),
    ([f"{a} vs {b}" for a, b in _comparable(t)[0] + _comparable(t)[1][:1]], "belong"),
    ([f"{a} vs {b}" for a, b in PAIRS], "too many")],
      forms=lambda t: [[f"{b} vs. {a}" for a, b in _comparable(t)[0]], [(b, a) for a, b in _comparable(t)[0]],
                       # as students write a pair: "a, b", "(a, b)", "a and b", "a – b", or a set of two
                       [f"{a}, {b}" for a, b in _comparable(t)[0]], [f"({b}, {a})" for a, b in _comparable(t)[0]],
                       [f"{a} and {b}" for a, b in _comparable(t)[0]], [f"{a} – {b}" for a, b in _comparable(t)[0]],
                       {frozenset(pair) for pair in _comparable(t)[0]}])
def _(t):
    return [f"{a} vs {b}" for a, b in _comparable(t)[0]]


def _gap(t):
    claims = by_id(t)
    return claims.loc["airwars_2015_08", "low"], claims.loc["coalition_2015_08_acknowledged", "low"]


@case("casualty_accounting.gap", mistakes=lambda t: [(_gap(t)[1] / _gap(t)[0], "upside down"),
                                                      (_gap(t)[0] - _gap(t)[1], "difference"),
                                                      (_gap(t)[0], "count itself"),  # not in the difference's band
                                                      (by_id(t).loc["airwars_2016_01", "low"] / _gap(t)[1],
                                                       "later airwars total")],
      forms=lambda t: [f"{_gap(t)[0] / _gap(t)[1]:.0f}x", f"{_gap(t)[0] / _gap(t)[1]:.0f} times"])
def _(t):
    monitor, official = _gap(t)
    return monitor / official


@case("casualty_accounting.gap_kind", mistakes=lambda t: [("A contradiction", "misquoted"),
                                                           ("Not comparable", "scope again"), ("A typo", "typo"),
                                                           # the worked code's output, an empty list, passed as is
                                                           ([], "expected one choice")])
def _(t):
    monitor, official = by_id(t).loc["airwars_2015_08"], by_id(t).loc["coalition_2015_08_acknowledged"]
    assert _scope(monitor) == _scope(official) and monitor["claimant_type"] != official["claimant_type"]
    return "A claimant gap"


def _kills(t) -> pd.DataFrame:
    claims = t.casualty_claims
    start = t.strike_counts.set_index("record_id").loc["coalition_2019_03_strikes", "period_start"]
    return claims[claims["victim_category"].eq("isil_fighters") & claims["place"].eq("Iraq and Syria")
                  & claims["claimant_type"].isin(OFFICIAL)
                  & (claims["period_start"].dt.to_period("M") == start.to_period("M"))]


@case("casualty_accounting.order", mistakes=lambda t: [
    (_kills(t).sort_values("low", ascending=False)["claim_id"].tolist(), "right place"),
    (_kills(t).sort_values("period_end")["claim_id"].tolist(), "right place"),
    (_kills(t).sort_values("period_end", ascending=False)["claim_id"].tolist()[:-1], "missing")])
def _(t):
    kills = _kills(t)
    by_low = kills.sort_values("low", ascending=False)["claim_id"].tolist()
    right = kills.sort_values("period_end", ascending=False)["claim_id"].tolist()
    assert by_low != right  # sorting by the number is a wrong method here, and it shows
    return right


def _per_strike(t):
    strikes = t.strike_counts.set_index("record_id").loc["coalition_2019_03_strikes", "value"]
    return strikes, by_id(t).loc["coalition_2019_03_civilians", "low"]


@case("casualty_accounting.per_strike", mistakes=lambda t: [
    (_per_strike(t)[1] / _per_strike(t)[0], "upside down"),
    (_per_strike(t)[0] / by_id(t).loc["amnesty_airwars_raqqa_2017", "low"], "raqqa"),
    (_per_strike(t)[0] - _per_strike(t)[1], "difference")],
      forms=lambda t: [f"{_per_strike(t)[0] / _per_strike(t)[1]:.1f} strikes"])
def _(t):
    strikes, deaths = _per_strike(t)
    return round(strikes / deaths, 1)


# --- lesson 04's summative check --------------------------------------------------------------------------

def _unattributed(t, precision=None):
    claims = t.casualty_claims
    rows = claims[claims["claimant_type"] == "unattributed"]
    return int((rows["date_precision"] == precision).sum()) if precision else len(rows)


@case("casualty_accounting.s_unattributed", mistakes=lambda t: [
    (_unattributed(t), "every date precision"),
    (int((t.casualty_claims["date_precision"] == "day").sum()), "every claimant type"),
    (_unattributed(t, "month"), "dated to the month")])
def _(t):
    return _unattributed(t, "day")


def _bounds_only(t, filled, empty):
    claims = t.casualty_claims
    return claims.loc[claims[filled].notna() & claims[empty].isna(), "claim_id"].tolist()


@case("casualty_accounting.s_upper_bounds", mistakes=lambda t: [
    (_bounds_only(t, "high", "low")[:-1], "missing"),
    (_bounds_only(t, "high", "low") + _bounds_only(t, "low", "high")[:1], "belong"),
    (_bounds_only(t, "low", "high")[:4], "belong")])
def _(t):
    return _bounds_only(t, "high", "low")


def _ceiling(words: str) -> str:
    return _choice(built_bank("casualty_accounting", "all").s_ceiling, words)


@case("casualty_accounting.s_ceiling", mistakes=lambda t: [(_ceiling("At least"), "from above"),
                                                            (_ceiling("a senior official said"), "not one year"),
                                                            (_ceiling("About"), "confirmation"),
                                                            (_ceiling("At least").split(" ISIL")[0], "from above")],
      forms=lambda t: [f"at most {int(by_id(t).loc['cnn_us_official_2016_12', 'high']):,}",
                       f"At most {int(by_id(t).loc['cnn_us_official_2016_12', 'high'])}"])
def _(t):
    row = by_id(t).loc["cnn_us_official_2016_12"]
    assert pd.isna(row["low"]) and pd.notna(row["high"])
    return _choice(built_bank("casualty_accounting", "all").s_ceiling, "At most")


def _afghan(t):
    claims = t.casualty_claims
    return claims[claims["place"].str.endswith("Afghanistan")]


@case("casualty_accounting.s_afghan_types", mistakes=lambda t: [
    (_afghan(t)["claimant_type"].value_counts(), "categorical"),
    (t.casualty_claims["claimant_type"].astype(str).value_counts(), "should not be among"),
    (_afghan(t)["claimant_type"].astype(str).value_counts().iloc[1:], "missing")])
def _(t):
    return _afghan(t)["claimant_type"].astype(str).value_counts()


def _civilian(t):
    claims = t.casualty_claims
    return claims[(claims["victim_category"] == "civilians") & (claims["place"] == "Iraq and Syria")]


@case("casualty_accounting.s_civilian_running", mistakes=lambda t: [
    (len(_civilian(t)), "one month or one year"),
    (int((t.casualty_claims["victim_category"] == "civilians").sum()), "every place"),
    (int(((_civilian(t)["period_start"].dt.strftime("%Y-%m") == "2014-08")
          & (_civilian(t)["claimant_type"] == "ngo")).sum()), "one claimant")])
def _(t):
    return int((_civilian(t)["period_start"].dt.strftime("%Y-%m") == "2014-08").sum())


# --- practice set 04 --------------------------------------------------------------------------------------

READ_IDS = ["airwars_2016_01", "cnn_us_official_2016_12", "coalition_2019_03_civilians"]


@case("casualty_practice.read", mistakes=lambda t: [
    (by_id(t).loc[READ_IDS, ["low", "high"]].fillna(0), "should be missing"),
    (by_id(t).loc[READ_IDS, ["low"]], "missing"),
    (by_id(t).loc[READ_IDS, ["low", "high"]].reset_index(drop=True), "labelled another way")])
def _(t):
    return by_id(t).loc[READ_IDS, ["low", "high"]]


@case("casualty_practice.vague", mistakes=lambda t: [("Elsewhere", "no digits"), ("Lost text", "nothing was lost"),
                                                      ("A best guess", "not a best guess")])
def _(t):
    row = by_id(t).loc["sinjar_2014_08_abducted_killed"]
    assert bool(row["vague"]) and pd.isna(row["high"])
    return "A floor"


def _civilians(t):
    claims = t.casualty_claims
    return claims[claims["victim_category"] == "civilians"]


@case("casualty_practice.lower_civilians", mistakes=lambda t: [
    (_civilians(t).loc[_civilians(t)["high"].isna(), "claim_id"].tolist(), "belong"),
    (_civilians(t).loc[_digits(_civilians(t)), "claim_id"].tolist()[:-1], "missing"),
    (_civilians(t).loc[_civilians(t)["low"].isna(), "claim_id"].tolist(), "belong")])
def _(t):
    return _civilians(t).loc[_digits(_civilians(t)), "claim_id"].tolist()


def _fighters(t):
    claims = t.casualty_claims
    return claims[claims["victim_category"] == "isil_fighters"].assign(
        claimant_type=lambda f: f["claimant_type"].astype(str))


@case("casualty_practice.by_type", mistakes=lambda t: [
    (_fighters(t).groupby("claimant_type").agg(claims=("claim_id", "size"), vague=("low", "count")),
     "too high"),
    (t.casualty_claims.groupby("claimant_type", observed=True).agg(claims=("claim_id", "size"),
                                                                    vague=("vague", "sum")), "should not be among"),
    (_fighters(t).groupby("claimant_type").agg(claims=("claim_id", "size")), "missing")])
def _(t):
    return _fighters(t).groupby("claimant_type").agg(claims=("claim_id", "size"), vague=("vague", "sum"))


ITEMS = ["moab_2017_04_13", "kot_2016_06", "us_commanders_afghanistan_2016_01", "kot_2016_07_26",
         "afghan_forces_2016_03_06", "nangarhar_2016_02_22"]


@case("casualty_practice.afghan_order", mistakes=lambda t: [
    (by_id(t).loc[ITEMS].sort_values("period_start").index.tolist(), "right place"),
    (by_id(t).loc[ITEMS].sort_values("period_end", ascending=False).index.tolist(), "right place"),
    (by_id(t).loc[ITEMS].sort_values("period_end").index.tolist()[1:], "missing")])
def _(t):
    return by_id(t).loc[ITEMS].sort_values("period_end").index.tolist()


def _region(t):
    claims = t.casualty_claims
    return claims[(claims["victim_category"] == "isil_fighters") & (claims["place"] == "Iraq and Syria")]


def _from_start(t):
    start = t.strike_counts.set_index("record_id").loc["coalition_2019_03_strikes", "period_start"]
    region = _region(t)
    return region.loc[region["period_start"].dt.to_period("M") == start.to_period("M"), "claim_id"].tolist()


@case("casualty_practice.running", mistakes=lambda t: [
    (_region(t)["claim_id"].tolist(), "belong"), (_from_start(t)[:-2], "missing"),
    (_from_start(t)[1:] + [c for c in _region(t)["claim_id"] if c not in _from_start(t)][:1], "belong"),
    # the condition itself, not the ids it keeps
    (_region(t)["claim_id"].isin(_from_start(t)), "True/False values")])
def _(t):
    return _from_start(t)


def _jordan(t):
    claims = by_id(t)
    jordan, austin = claims.loc["jordan_2015_02_08"], claims.loc["austin_2015_02_23"]
    return jordan["low"] / days(jordan), austin["low"] / days(austin), jordan, austin


@case("casualty_practice.jordan", mistakes=lambda t: [
    (_jordan(t)[2]["low"] / _jordan(t)[3]["low"], "divides the totals"),
    (1 / round(_jordan(t)[0] / _jordan(t)[1], 1), "upside down"),
    (_jordan(t)[1] / _jordan(t)[0], "upside down")],
      forms=lambda t: [f"{_jordan(t)[0] / _jordan(t)[1]:.1f}x"])
def _(t):
    jordan_rate, austin_rate, _, _ = _jordan(t)
    return jordan_rate / austin_rate


@case("casualty_practice.raqqa", mistakes=lambda t: [("A contradiction", "lower bounds"),
                                                      ("More in one city", "different places"),
                                                      ("More in one city", "floors as complete counts"),
                                                      ("A typo", "typo")])
def _(t):
    city, war = by_id(t).loc["amnesty_airwars_raqqa_2017"], by_id(t).loc["coalition_2019_03_civilians"]
    assert _scope(city) != _scope(war) and pd.isna(city["high"]) and pd.isna(war["high"])
    return "Both can stand"
