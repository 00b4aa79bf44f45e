"""Lesson 05's questions and its summative check's: canonical answers in plain pandas, other right forms,
typical mistakes."""

from __future__ import annotations

from banks.harness import built_bank, case, ten_times

BOTH = "Iraq and Syria"
COUNT_WORDS = {"cumulative": "running total", "period": "count for a period", "single_event": "single event"}


def _scope(theater: str) -> list[str]:
    return [theater, BOTH] if theater in ("Iraq", "Syria") else [theater]


def _events(t, theater):
    return t.events[t.events["theater"].isin(_scope(theater))]


def _claims(t, theater):
    claims = t.casualty_claims
    return claims[claims["place"].str.rsplit(", ", n=1).str[-1].isin(_scope(theater))]


def _involved(t, theater) -> set:
    inv = t.involvement
    return set(inv.loc[(inv["theater"] == theater) & inv["involved"], "country"])


def _other(theater):
    return "Iraq" if theater == "Syria" else "Syria"


# --- lesson 05 --------------------------------------------------------------------------------------

def _timeline(t, theater):
    """The items the question shows, put in date order here."""
    items = list(built_bank("putting_it_together", theater).timeline.labels)
    return list(t.events.set_index("event_id").loc[items].sort_values("date").index)


@case("putting_it_together.timeline",
      mistakes=lambda t, theater: [(_timeline(t, theater)[::-1], "right place"),
                                   (_timeline(t, theater)[1:] + _timeline(t, theater)[:1], "right place"),
                                   (_timeline(t, theater)[:-1], "missing")],
      forms=lambda t, theater: [list(t.events.set_index("event_id").loc[_timeline(t, theater), "summary"])])
def _(t, theater):
    return _timeline(t, theater)


def _brussels(t) -> set:
    m = t.coalition_members
    return set(m.loc[(m["coalition_id"] == "brussels_2014") & (m["basis"] != "excluded"), "country"])


def _outside(t, theater) -> set:
    return _involved(t, theater) - _brussels(t)


@case("putting_it_together.outside",
      mistakes=lambda t, theater: [(_brussels(t) - _involved(t, theater), "does not belong"),
                                   (_involved(t, theater), "too many"),
                                   (sorted(_outside(t, theater))[1:],
                                    "missing" if len(_outside(t, theater)) > 1 else "no items")])
def _(t, theater):
    return _outside(t, theater)


def _starts(t, theater):
    here = _events(t, theater)
    return here[here["event_type"] == "campaign_start"]


@case("putting_it_together.starts",
      mistakes=lambda t, theater: [(_starts(t, theater)["actor"].nunique() + 100, "too high"),
                                   ten_times(_starts(t, theater)["actor"].nunique()),
                                   (_events(t, theater)["actor"].nunique(), "every actor")])
def _(t, theater):
    return _starts(t, theater)["actor"].nunique()


def _same_kind(t, theater):
    """(the choices of the same metric and count type as the reference, the others). The reference is the
    largest airstrike running total, else count for a period, else a kind of total with two rows or more."""
    counts = t.strike_counts[t.strike_counts["theater"].isin(_scope(theater))]
    totals = counts[counts["count_type"].isin(["cumulative", "period"])]
    kinds = totals.groupby(["metric", "count_type"], observed=True).size()
    kinds = kinds[kinds >= 2]
    strikes = [kind for kind in (("airstrikes", "cumulative"), ("airstrikes", "period")) if kind in kinds.index]
    metric, count_type = strikes[0] if strikes else kinds.idxmax()
    choices = built_bank("putting_it_together", theater).same_kind.order
    same = [c for c in choices if f" {metric}, {COUNT_WORDS[count_type]} " in c]
    return same, [c for c in choices if c not in same]


@case("putting_it_together.same_kind",
      mistakes=lambda t, theater: [(choice, "you chose") for choice in _same_kind(t, theater)[1]])
def _(t, theater):
    same, _ = _same_kind(t, theater)
    assert len(same) == 1, same
    return same[0]


@case("putting_it_together.claimants",
      mistakes=lambda t, theater: [
          (_claims(t, theater).groupby("claimant_type", observed=True).size() * 2, "your value"),
          (_claims(t, theater).groupby("claimant_type", observed=True).size().iloc[1:], "missing"),
          (_claims(t, theater).groupby("claimant_type", observed=False).size(), "zero")])
def _(t, theater):
    return _claims(t, theater).groupby("claimant_type", observed=True).size()


def _flaw(t, theater) -> str:
    counts = t.strike_counts[t.strike_counts["theater"].isin(_scope(theater))]
    if ((counts["theater"] == BOTH) & (counts["metric"] == "airstrikes")).any():
        return "It gives a figure for Iraq and Syria together as the theater's alone."
    if (counts["low"].notna() & counts["high"].notna() & (counts["low"] != counts["high"])).any():
        return "It keeps one end of a range and drops the other."
    return "The number is not the one the cited line gives for this theater."


@case("putting_it_together.find_the_error",
      mistakes=lambda t, theater: [
          ("Nothing: the number, the actor and the line all match the table's row.", "not only with its value"),
          ("The line reference is missing, so a reader cannot check the number.", "cites its line"),
          ("Airstrikes must never be counted in a brief, only the deaths they caused.", "may quote")])
def _(t, theater):
    return _flaw(t, theater)


# --- lesson 05's summative check ---------------------------------------------------------------------

@case("putting_it_together.check_both",
      mistakes=lambda t, theater: [(len(_involved(t, theater) | _involved(t, _other(theater))), "union"),
                                   (len(_involved(t, theater) & _involved(t, _other(theater))) + 100, "too high"),
                                   ten_times(len(_involved(t, theater) & _involved(t, _other(theater))))])
def _(t, theater):
    return len(_involved(t, theater) & _involved(t, _other(theater)))


def _unattributed(t, theater):
    claims = _claims(t, theater)
    return claims[claims["claimant_type"] == "unattributed"]


@case("putting_it_together.check_unattributed",
      mistakes=lambda t, theater: [
          (_claims(t, theater).groupby("victim_category", observed=True).size(), "your value"),
          (_unattributed(t, theater).groupby("victim_category", observed=True).size().iloc[1:], "missing"),
          (_unattributed(t, theater).groupby("victim_category", observed=False).size(), "zero")],
      forms=lambda t, theater: [_unattributed(t, theater)["victim_category"].astype(str).value_counts()])
def _(t, theater):
    return _unattributed(t, theater).groupby("victim_category", observed=True).size()


def _starters(t, theater) -> set:
    return set(_starts(t, theater)["actor"])


@case("putting_it_together.check_starters",
      mistakes=lambda t, theater: [(_starters(t, theater) | _starters(t, _other(theater)), "too many"),
                                   (sorted(_starters(t, theater) & _starters(t, _other(theater)))[1:],
                                    "missing" if len(_starters(t, theater) & _starters(t, _other(theater))) > 1
                                    else "no items"),
                                   (["ISIL"], "does not belong")],
      forms=lambda t, theater: [["USA" if a == "United States" else "UK" if a == "United Kingdom" else a
                                 for a in _starters(t, theater) & _starters(t, _other(theater))]])
def _(t, theater):
    return _starters(t, theater) & _starters(t, _other(theater))


def _loose(claims):
    return claims[claims["low"].isna() | claims["high"].isna() | claims["vague"]]


def _fighters(t, theater):
    claims = _claims(t, theater)
    return claims[claims["victim_category"] == "isil_fighters"]


@case("putting_it_together.check_loose",
      mistakes=lambda t, theater: [(len(_loose(_fighters(t, theater))) + 100, "too high"),
                                   ten_times(len(_loose(_fighters(t, theater))))]
      + [(int(_fighters(t, theater)["vague"].sum()), "vague ones")
         if int(_fighters(t, theater)["vague"].sum()) not in (len(_loose(_fighters(t, theater))),
                                                              len(_loose(_claims(t, theater)))) else (-1, "sign")])
def _(t, theater):
    return len(_loose(_fighters(t, theater)))


@case("putting_it_together.check_add_up",
      mistakes=lambda t, theater: [
          ("Add them up: together they give the total number of deaths.", "twice"),
          ("Keep the larger one, since the smaller one must have missed some deaths.", "hides"),
          ("Average them, so that neither claimant's count is favoured.", "nothing in particular")])
def _(t, theater):
    return "Set them side by side, each with its claimant."
