"""Facts right by rule, not by instance (issue 23).

Each test states one coding rule of the codebook, selects *every* row the rule applies to by the words of
its quote (or of the sentence its quote is in), its table and its columns, and asserts the coding. Rows the
words select but the rule does not fit are listed as reviewed exceptions, each with its reason; an
exception that no longer matches anything fails too, so the lists cannot go stale.
"""

from __future__ import annotations

import json
import re

import pytest

from warcourse import build, casualties, data, schema
from warcourse.paths import ROOT

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# A sentence ends at ". " or "; " before a capital, but not after an initial ("U.S. ground", "Col. Myles").
_SENTENCE_END = re.compile(r'(?<![A-Z])(?<!\b[A-Z][a-z])[.;] (?=[A-Z"*])')


def key(name: str) -> str:
    return schema.TABLES[name].primary_key[0]


def by_id(tables, name):
    return {row[key(name)]: row for row in tables[name]}


def sentence(text, row) -> str:
    """The sentence of the row's passage that holds its quote (the quote may run over a sentence end)."""
    passage = text[row["line"]]
    start = passage.index(row["quote"])
    end = start + len(row["quote"])
    ends = list(_SENTENCE_END.finditer(passage))
    first = max([m.end() for m in ends if m.end() <= start], default=0)
    last = min([m.start() for m in ends if m.start() >= end], default=len(passage))
    return passage[first:last]


def inferred(row) -> set[str]:
    return set((row["inferred"] or "").split(";")) - {""}


def selected(tables, names, pattern, where="quote", text=None):
    """(table, id, row, match) for every row of ``names`` whose quote (or sentence) matches ``pattern``."""
    out = []
    for name in names:
        for row in tables[name]:
            words = row["quote"] if where == "quote" else sentence(text, row)
            match = pattern.search(words)
            if match:
                out.append((name, row[key(name)], row, match))
    return out


def check_exceptions(found: set, exceptions: dict) -> None:
    """Every reviewed exception is still a row the rule selects (no stale exceptions)."""
    stale = set(exceptions) - found
    assert not stale, f"exceptions that the rule no longer selects: {sorted(stale)}"


# --- a count reported during a period ends on the report date -----------------------------------------------

_REPORT = re.compile(r"\b(?:On|on|In|in) (?:(\d{1,2}) )?(" + "|".join(MONTHS) + r")(?: (\d{4}))?,? [^.;]{0,80}?"
                     r"\b(?:reported|said|stated|announced|told|released|claimed)\b")
REPORT_DATE_EXCEPTIONS = {
    # the article dates the total a day after its own report; recorded as afghan_count_dated_after_report
    "nangarhar_2016_02_22": "afghan_count_dated_after_report",
}


def _report_date(row, sentence_text) -> str | None:
    found = list(_REPORT.finditer(sentence_text[: sentence_text.index(row["quote"])]))
    match = found[-1] if found else None
    if match is None:
        return None
    day, month, year = match.groups()
    year = year or (row["period_end"] or "")[:4]
    date = f"{year}-{MONTHS.index(month) + 1:02d}" + (f"-{int(day):02d}" if day else "")
    return date


def test_a_count_reported_during_a_period_ends_on_the_report_date(tables, text):
    """Strike counts for a period or running total and death claims: when the sentence dates its report
    ("On 22 September, Stars and Stripes reported ..."), the count cannot end after the report, and a
    count whose period holds the report date ends on it ("50 in September", said on 22 September)."""
    found = set()
    checked = 0
    for name in ("strike_counts", "casualty_claims"):
        for row in tables[name]:
            if name == "strike_counts" and row["count_type"] == "single_event":
                continue
            report = _report_date(row, sentence(text, row))
            if report is None or not row["period_end"]:
                continue
            ident = row[key(name)]
            end = row["period_end"]
            n = min(len(end), len(report))
            if end[:n] > report[:n]:
                found.add(ident)
                assert ident in REPORT_DATE_EXCEPTIONS, (name, ident, end, report)
                continue
            checked += 1
            if len(report) == 10 and len(end) < 10 and report.startswith(end):
                raise AssertionError(f"{ident}: counts {end} but was reported on {report}, inside that period; "
                                     "it ends on the report date")
    check_exceptions(found, REPORT_DATE_EXCEPTIONS)
    assert checked >= 20
    september = by_id(tables, "strike_counts")["us_libya_2016_09"]
    assert (september["period_start"], september["period_end"], september["date_precision"]) == \
        ("2016-09-01", "2016-09-22", "day")


def test_libya_august_and_september_add_up_to_the_running_total(tables):
    """Read right, 108 + 50 = 158 by 22 September fits 175 by 26 September: no inconsistency."""
    counts = data.strike_counts().set_index("record_id")
    by_report = counts.loc["us_libya_2016_08", "value"] + counts.loc["us_libya_2016_09", "value"]
    assert by_report <= counts.loc["us_libya_2016_09_26", "value"]
    assert "libya_august_september_vs_running_total" not in by_id(tables, "inconsistencies")


# --- a plan, an offer or an announcement is not a deployment ---------------------------------------------

_FUTURE = re.compile(r"\b(would|will|to be sent|plans?|planned|offer(?:ed|s)?|pledged?|intends?|is sending|"
                     r"was to)\b", re.IGNORECASE)
PLAN_EXCEPTIONS = {  # the sentence has a future verb, but not about the forces coded
    "us_iraq_2014_09_10_dispatched": "'had dispatched' the troops; 'would' is about the airstrikes",
    "uk_libya_tunisia_troops": "'is sending': reported as under way, not planned",
    "uk_afghanistan_2016_07_08_before": "'increased ... from 450 to 500' happened; 'would' is the 21's task",
    "uk_afghanistan_2016_07_08_after": "'increased ... from 450 to 500' happened; 'would' is the 21's task",
    "us_cameroon_2015_10": "'deployed 300'; 'will' is about their missions",
    "uk_afghanistan_troops_500": "the event of the increase from 450 to 500, which happened",
    "us_cameroon_deploy": "the event of the 300 deployed; 'will' is about their missions",
    "uss_san_antonio_deploy": "the ship 'deployed'; 'will carry' is about its helicopters",
}


def test_plans_and_announcements_are_not_deployments_that_happened(tables, text):
    found = set()
    rows = selected(tables, ("deployments",), _FUTURE, "sentence", text)
    events = [r for r in selected(tables, ("events",), _FUTURE, "sentence", text)
              if r[2]["event_type"] == "deployment"]
    for name, ident, row, _ in rows + events:
        if name == "deployments" and row["count_type"] == "planned":
            continue
        found.add(ident)
        assert ident in PLAN_EXCEPTIONS, (name, ident, row["quote"])
    check_exceptions(found, PLAN_EXCEPTIONS)
    planned = [d for d in tables["deployments"] if d["count_type"] == "planned"]
    assert {d["record_id"] for d in planned} == {
        "uk_syria_2015_03_trainers", "us_iraq_2014_09_10_trainers", "us_iraq_2014_11", "uk_2015_12_typhoons",
        "uk_2015_12_tornado"}
    for row in planned:  # and a planned row says so in its sentence
        assert _FUTURE.search(sentence(text, row)), row
    events = by_id(tables, "events")
    for ident in ("us_troops_doubling", "uk_reapers_announced", "uk_typhoons_deploy_b"):
        assert events[ident]["event_type"] == "announcement", ident


def test_troops_to_train_in_turkey_are_in_turkey(tables):
    """Line 111: the training 'was supposed to take place in Turkey': where the troops are."""
    assert by_id(tables, "deployments")["uk_syria_2015_03_trainers"]["theater"] == "Turkey"


def test_sums_of_deployments_leave_plans_out(tables):
    from warcourse import campaigns

    deployments = data.deployments()
    sent = campaigns.aircraft_sent(deployments, deployments[["actor", "theater"]].drop_duplicates())
    assert not (sent["count_type"] == "planned").any()


# --- duplicates are recorded ------------------------------------------------------------------------------

DUPLICATE_EXCEPTIONS = {  # same actor, asset and number on two lines, but two facts
    ("uk_iraq_2014_08_12_tornado", "uk_2015_12_02_typhoons"): "different aircraft",
}


def _duplicate_groups(tables) -> list[set[str]]:
    return [set((i["records"] or "").split(";")) for i in tables["inconsistencies"] if i["kind"] == "duplicate"]


def test_the_same_forces_told_twice_are_recorded_as_a_duplicate(tables):
    """Deployments sent or planned: two rows of one actor with the same asset and number on different lines
    within a month tell one fact twice unless reviewed; a sum would count them twice."""
    groups = _duplicate_groups(tables)
    rows = [d for d in tables["deployments"] if d["count_type"] in ("increment", "planned") and d["date"]]
    found = set()
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if (a["actor"], a["asset"], a["value"]) != (b["actor"], b["asset"], b["value"]) or a["line"] == b["line"]:
                continue
            if abs(int(a["date"][:4]) * 12 + int(a["date"][5:7]) - int(b["date"][:4]) * 12 - int(b["date"][5:7])) > 1:
                continue
            pair = (a["record_id"], b["record_id"])
            found.add(pair)
            named = {f"deployments:{a['record_id']}", f"deployments:{b['record_id']}"}
            assert any(named <= g for g in groups) or pair in DUPLICATE_EXCEPTIONS, pair
    assert ("uk_2015_12_02_typhoons", "uk_2015_12_typhoons") in found or \
        ("uk_2015_12_typhoons", "uk_2015_12_02_typhoons") in found
    check_exceptions(found, {p: r for p, r in DUPLICATE_EXCEPTIONS.items() if p in found})


def test_the_six_typhoons_are_one_duplicate_with_their_records(tables):
    issue = by_id(tables, "inconsistencies")["uk_six_typhoons_told_twice"]
    assert issue["kind"] == "duplicate" and issue["lines"] == "130;278"
    assert {"deployments:uk_2015_12_02_typhoons", "deployments:uk_2015_12_typhoons"} <= \
        set(issue["records"].split(";"))


# --- "estimated", "about", "some" make a value vague ------------------------------------------------------

_VAGUE = re.compile(r"\b(estimated|estimate|about|around|approximately|roughly|some|nearly|almost|up to|"
                    r"as many as|less than|under|closely)\b", re.IGNORECASE)
VAGUE_EXCEPTIONS = {
    "us_libya_2016_10_17": "'up to 324': a running total reached, not a ceiling",
    "uk_iraq_2014_10_03_tornado": "'up to eight aircraft': a fleet brought to that size",
    "us_2015_munitions_all_theaters": "'approximately' qualifies the 22,000, not the 23,000 total",
}
BOUNDED = ("strike_counts", "deployments", "casualty_claims", "strength_estimates")


def test_estimated_about_and_some_make_a_value_vague(tables, text):
    """The quote's words, and the three words before it in the passage ("(approximately 22,000 ...")."""
    found = set()
    for name in BOUNDED:
        for row in tables[name]:
            passage = text[row["line"]]
            before = " ".join(passage[: passage.index(row["quote"])].split()[-3:])
            if not (_VAGUE.search(row["quote"]) or _VAGUE.search(before)):
                continue
            if not row["vague"]:
                found.add(row[key(name)])
                assert row[key(name)] in VAGUE_EXCEPTIONS, (name, row[key(name)], row["quote"])
    check_exceptions(found, VAGUE_EXCEPTIONS)
    claims = by_id(tables, "casualty_claims")
    for ident in ("nangarhar_2016_07_300", "macfarland_2016_08_before_arrival", "macfarland_2016_08_total"):
        assert claims[ident]["vague"], ident
    assert by_id(tables, "strength_estimates")["isil_kp_afghanistan_2015_cleveland"]["vague"]


def test_a_sum_of_vague_values_is_vague(tables):
    claims = by_id(tables, "casualty_claims")
    sums = [c for c in claims.values() if c["sum_of"]]
    assert sums
    for claim in sums:
        parts = [claims[p] for p in claim["sum_of"].split(";")]
        assert claim["vague"] == any(p["vague"] for p in parts), claim["claim_id"]


# --- hedges are kept in casualty claims -------------------------------------------------------------------

_HEDGE = re.compile(r"\b(claim(?:ed|ing|s)?|suggest(?:ed|s)?|reportedly|allegedly|alleged|"
                    r"(?:is|are|was|were) suspected|suspected of|"
                    r"(?:were|was) reported to|according to reports|purportedly|believed|difficult to confirm|"
                    r"appear likely|neither confirmed)\b", re.IGNORECASE)
HEDGE_EXCEPTIONS = {  # the hedge word in the sentence is not about this claim
    "kilis_2015_07_23_militant": "'alleged' is the ISIL attack; the shelling that killed the militant is not hedged",
    "makhmur_2020_03_08_isis": "'claimed the lives of' is not a hedge",
    "kabul_drone_strike_2021_08": "'believed' is about the strike's target, not the 10 civilians killed",
    "centcom_yemen_2017_10": "'co-claim attacks' is an analyst's phrase about AQAP and ISIS",
    "yemen_2017_10_25": "'co-claim attacks' is an analyst's phrase about AQAP and ISIS",
}
UNHEDGED_SENTENCE = {  # hedged, though the hedge is in the sentence before the quote
    "macfarland_2016_08_before_arrival": "the general's 'difficult to confirm' opens his statement",
    "macfarland_2016_08_total": "the general's 'difficult to confirm' opens his statement",
}


def _expected_certainty(word: str) -> str:
    word = word.lower()
    if word.startswith("claim"):
        return "claimed"
    if word.startswith("suggest"):
        return "suggested"
    return "unconfirmed"


def test_hedges_are_kept_in_casualty_claims(tables, text):
    assert "certainty" in schema.TABLES["casualty_claims"].column_names
    found, hedged = set(), set()
    for _, ident, row, match in selected(tables, ("casualty_claims",), _HEDGE, "sentence", text):
        hedged.add(ident)
        if row["certainty"] != _expected_certainty(match.group()):
            found.add(ident)
            assert ident in HEDGE_EXCEPTIONS, (ident, match.group(), row["certainty"])
    check_exceptions(found, HEDGE_EXCEPTIONS)
    unhedged = {c["claim_id"] for c in tables["casualty_claims"] if c["certainty"] != "reported"} - hedged
    assert unhedged == set(UNHEDGED_SENTENCE)
    claims = by_id(tables, "casualty_claims")
    assert "suspected" in claims["suruc_2015_07_20"]["attributed_to"]
    assert "alleged" in claims["kilis_2015_07_23_turkish_soldier"]["attributed_to"]
    assert claims["iraq_sinjar_2014_08"]["certainty"] == "unconfirmed"
    assert claims["afghan_forces_2016_03_06"]["certainty"] == "claimed"
    event = by_id(tables, "events")["shahidullah_shahid_killed"]  # the TTP claims nothing about its own action
    assert event["certainty"] == "reported" and "TTP" in event["attributed_to"]
    for claim in claims.values():
        if claim["certainty"] in ("claimed", "suggested"):
            assert claim["claimant"] != "Wikipedia (unattributed)", claim


# --- a claim the article attributes to nobody is unattributed ---------------------------------------------

_STOP = {"the", "of", "and", "to", "in", "on", "for", "us", "u.s", "general", "minister", "senior", "defence",
         "forces", "led", "news", "outlets", "army", "lieutenant", "deputy", "secretary", "state", "captain",
         "nato", "col", "coalition", "iii", "spokesman", "several", "region"}
SOURCE_EXCEPTIONS = {  # the sentence names the source by a pronoun, or the sentence before names it
    "turkey_elbeyli_2015_07_23": "'according to reports': the sentence before names various Turkish news outlets",
    "sinjar_2014_08_abducted_killed": "the sentence before names the human rights and observer organizations",
    "baghuz_2019": "the next sentence: 'it was reported by the New York Times'",
    "makhmur_2020_03_08_isis": "Col. Caggins is named earlier in the same long sentence",
    "bbc_taliban_clashes_2017": "the sentence before: 'The BBC also reported that ...'",
    "salvin_2017_drone_strikes": "the sentence before names Salvin; this one says 'he added'",
    "macfarland_2016_08_before_arrival": "the sentence before names MacFarland; this is his next sentence",
    "macfarland_2016_08_total": "the sentence before names MacFarland; this is his next sentence",
    "australia_iraq_2014_10_09_bombs": "the sentence before names Tony Abbott",
    "us_afghanistan_2016_operations": "the sentence before: 'Military.com reported'",
    "coalition_afghanistan_2017_04_airstrikes": "the sentence before: 'the Washington Post reported'",
}


def _names(source: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][\w-]*", source.replace(".", "")) if w.lower() not in _STOP and len(w) > 2]


def test_a_source_the_sentence_does_not_name_is_unattributed(tables, text):
    """A named claimant (or reporter of a strike count) appears in the sentence of its quote; line 478's
    'killed at least 1,291 civilians' names nobody, so it is unattributed, like its 34,464 strikes."""
    found = set()
    rows = [("casualty_claims", c["claim_id"], c, c["claimant"]) for c in tables["casualty_claims"]] + \
        [("strike_counts", s["record_id"], s, s["reported_by"]) for s in tables["strike_counts"]]
    for name, ident, row, source in rows:
        if source in ("Wikipedia (unattributed)", None):
            continue
        words = sentence(text, row).replace(".", "").lower()
        if not any(w.lower() in words for w in _names(source)):
            found.add(ident)
            assert ident in SOURCE_EXCEPTIONS, (name, ident, source)
    check_exceptions(found, SOURCE_EXCEPTIONS)
    claims = by_id(tables, "casualty_claims")
    assert claims["coalition_2019_03_civilians"]["claimant_type"] == "unattributed"
    assert by_id(tables, "strike_counts")["coalition_2019_03_strikes"]["reported_by"] == "Wikipedia (unattributed)"
    for claim in claims.values():
        assert (claim["claimant"] == "Wikipedia (unattributed)") == (claim["claimant_type"] == "unattributed")


# An outlet reporting what someone else said: "Fox News reported that ... 175 airstrikes ..., according to the
# U.S. military's Africa Command". The outlet is the first link the reader can check; the source it cites stays
# in the quote (a fork once "corrected" one such row to the Command, against all the others).
OUTLET_CITING = re.compile(r"\b([A-Z][\w.]*(?: (?:[A-Z][\w.]*|and|news))*) (?:also )?reported (?:that )?.*?"
                           r"\b(?:according to|said|announced)\b")


def test_a_count_an_outlet_reports_from_a_source_is_reported_by_the_outlet(tables, text):
    rows = selected(tables, ["strike_counts"], OUTLET_CITING, where="sentence", text=text)
    assert len(rows) >= 10, "the pattern no longer finds the outlets' reports"
    for _name, ident, row, match in rows:
        assert row["reported_by"].lower() == match.group(1).lower(), (ident, row["reported_by"], match.group(1))


# --- nested and summed claims are linked ------------------------------------------------------------------

LINKED = {  # (claim, the claim it is part of), by the article's words
    ("egypt_derna_2015_02_16", "egypt_libya_2015_02_16"): "(50 in Derna) of a total of 64",
    ("nicholson_2016_leaders", "nicholson_2016_fighters"): "'including the 12 most senior leaders'",
    ("macfarland_2016_08_before_arrival", "macfarland_2016_08_total"): "20,000 + 25,000 = 45,000",
    ("macfarland_2016_08_past_11_months", "macfarland_2016_08_total"): "20,000 + 25,000 = 45,000",
    ("kot_2016_07_26", "nangarhar_2016_07_300"): "the Kot dead of 26 July are dead of the same operation",
    ("nangarhar_2016_07_hundreds", "nangarhar_2016_07_300"): "'hundreds' and 'an estimated 300': one operation",
    ("yemen_2017_10_23_first", "centcom_yemen_2017_10"): "inside CENTCOM's 'last ten days'",
    ("yemen_2017_10_23_second", "centcom_yemen_2017_10"): "inside CENTCOM's 'last ten days'",
    ("yemen_2017_10_25", "centcom_yemen_2017_10"): "inside CENTCOM's 'last ten days'",
    ("libya_2017_01_18_official", "libya_2017_01_18_nbc"): "'more than 80' later 'revised upward to 90'",
}
SAME_LINE_APART = {  # claims on one line, same victims, that count different deaths or are a claimant gap
    ("yemen_2017_10_23_first", "yemen_2017_10_23_second"): "two strikes, 'a further 2'",
    ("yemen_2017_10_23_first", "yemen_2017_10_25"): "a duplicate: yemen_strikes_told_twice",
    ("yemen_2017_10_23_second", "yemen_2017_10_25"): "a duplicate: yemen_strikes_told_twice",
    ("airwars_2015_08", "coalition_2015_08_acknowledged"): "a claimant gap: airwars_vs_coalition_2015",
    ("airwars_2016_01", "airwars_2015_08"): "two running totals of one monitor, never added",
    ("airwars_2016_01", "coalition_2015_08_acknowledged"): "different dates of two claimants' running totals",
    ("amnesty_airwars_raqqa_2017", "coalition_2019_03_civilians"): "a claimant gap: raqqa_vs_coalition_civilian_total",
    ("nangarhar_2016_02_01", "us_commanders_afghanistan_2016_01"): "February 1 and January: different periods",
    ("nangarhar_2016_02_01", "nangarhar_2016_02_22"): "the 29 of 1 February and a later operation's 43",
    ("afghan_forces_2016_03_06", "nangarhar_2016_02_01"): "different operations",
    ("afghan_forces_2016_03_06", "nangarhar_2016_02_22"): "43 by 22 February within the 21-day operation's "
                                                           "'at least 200': left apart, the article does not say",
    ("afghan_forces_2016_03_06", "us_commanders_afghanistan_2016_01"): "January's operations and a later one",
    ("nangarhar_2016_02_22", "us_commanders_afghanistan_2016_01"): "January's operations and a later one",
    ("somalia_2017_11_isis", "yemen_2017_11_10_12"): "two countries",
    ("raqqa_2015_08_24_british_national", "uk_raqqa_2015_08_21"): "two strikes, 21 and 24 August",
    ("austin_2015_02_23", "jordan_2015_02_restated"): "set against each other: jordan_7000_in_three_days",
}


def test_nested_and_summed_claims_are_linked(tables):
    """Claims on one line about the same victims overlap unless reviewed: the table links them with
    part_of / sum_of, or records them as a duplicate or a claimant gap."""
    claims = by_id(tables, "casualty_claims")
    for (part, whole), _ in LINKED.items():
        assert claims[part]["part_of"] == whole, part
    total = claims["macfarland_2016_08_total"]
    assert set(total["sum_of"].split(";")) == {"macfarland_2016_08_before_arrival",
                                                "macfarland_2016_08_past_11_months"}
    linked = {tuple(sorted(p)) for p in LINKED}
    apart = {tuple(sorted(p)) for p in SAME_LINE_APART}
    found = set()
    rows = list(claims.values())
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if a["line"] != b["line"] or a["victim_category"] != b["victim_category"]:
                continue
            pair = tuple(sorted((a["claim_id"], b["claim_id"])))
            found.add(pair)
            assert pair in linked or pair in apart or a["part_of"] == b["part_of"] is not None, pair
    check_exceptions(found, {p: r for p, r in [(tuple(sorted(k)), v) for k, v in SAME_LINE_APART.items()]})
    assert not [c for c in rows if c["part_of"] and c["part_of"] not in claims]


def test_a_sum_across_linked_claims_is_refused(tables):
    claims = data.casualty_claims()
    nested = claims[claims["claim_id"].isin(["egypt_libya_2015_02_16", "egypt_derna_2015_02_16"])]
    with pytest.raises(ValueError, match="cannot be added"):
        casualties.addable_low(nested)
    summed = claims[claims["claim_id"].str.startswith("macfarland_2016_08")]
    assert len(casualties.overlaps(summed)) == 2  # each part with the total; the parts apart are addable
    apart = claims[claims["claim_id"].isin(["egypt_libya_2015_02_16", "libya_coptic_2015_02"])]
    assert casualties.addable_low(apart) == 64 + 21


# --- "X killed along with N others" -----------------------------------------------------------------------

_OTHERS = re.compile(r"\b(?:along with|and) (\d+) other", re.IGNORECASE)


def test_a_named_person_killed_with_n_others_makes_n_plus_one(tables):
    hits = selected(tables, ("casualty_claims",), _OTHERS)
    assert len(hits) == 3  # lines 391, 393, 403
    for _, ident, row, match in hits:
        others = int(match.group(1))
        assert (row["low"], row["high"], row["named"]) == (others + 1, others + 1, 1), ident


def test_people_of_unstated_kind_are_unspecified(tables):
    hits = selected(tables, ("casualty_claims",), re.compile(r"\bpeople\b"))
    assert hits
    for _, ident, row, _ in hits:
        assert row["victim_category"] == "unspecified", ident


# --- line 63 lost a name ----------------------------------------------------------------------------------

def test_the_wales_passage_lost_a_name_and_the_record_says_so(tables):
    issues = by_id(tables, "inconsistencies")
    lost = issues["wales_ninth_country_lost"]
    assert lost["kind"] == "typo" and set(lost["lines"].split(";")) == {"63", "69", "74"}
    assert "Poland" in lost["description"] and "Poland" in issues["brussels_total"]["description"]
    assert "paris_excludes_poland" not in issues
    wales = {m["country"] for m in tables["coalition_members"] if m["coalition_id"] == "wales_2014"}
    assert "Poland" not in wales  # the text's list is kept as it is; the record explains the loss


# --- targets and theaters ---------------------------------------------------------------------------------

_OTHER_ENEMY = re.compile(r"\b(PKK|Kurdistan Workers' Party|Taliban|al-Qaeda|al-Shabaab|Khorasan)\b")
TARGET_EXCEPTIONS = {  # the sentence names another group, but not as the target of this count
    "us_afghanistan_2016_strikes_isk": "'including 267 against IS-K'",
    "bbc_taliban_clashes_2017": "a claim, not a strike count",
}


def test_counts_against_other_enemies_are_not_coded_against_isil(tables, text):
    found = set()
    for name in ("strike_counts", "deployments"):
        for row in tables[name]:
            if row["theater"] == "Global" and row["target"] == "ISIL":
                raise AssertionError(f"{row['record_id']}: a count over all theaters is not against ISIL alone")
            if _OTHER_ENEMY.search(sentence(text, row)) and row["target"] == "ISIL":
                found.add(row["record_id"])
                assert row["record_id"] in TARGET_EXCEPTIONS, row["record_id"]
    check_exceptions(found, {k: v for k, v in TARGET_EXCEPTIONS.items() if k in found})
    assert by_id(tables, "deployments")["turkey_2015_07_24_f16"]["target"] == "several"
    assert by_id(tables, "strike_counts")["us_2015_munitions_all_theaters"]["target"] != "ISIL"


# --- inferred, by one written rule ------------------------------------------------------------------------

_THEATER_WORDS = {
    "Iraq": r"Iraq", "Syria": r"Syria", "Libya": r"Libya", "Afghanistan": r"Afghan", "Nigeria": r"Nigeria|Boko Haram",
    "Yemen": r"Yemen", "Somalia": r"Somali", "Philippines": r"Philippine|Marawi", "Lebanon": r"Leban",
    "Turkey": r"Turk", "Tunisia": r"Tunisia",
}


def _theater_named(theater: str, passage: str) -> bool:
    if theater == "Iraq and Syria":
        return "Iraq" in passage and "Syria" in passage
    return bool(re.search(_THEATER_WORDS[theater], passage))


def test_a_theater_the_passage_does_not_name_is_inferred(tables, text):
    """The codebook's rule: a theater taken from the section heading (or the operation) is listed in
    `inferred`; one the passage names is not. `Global` (no one theater) is the coder's reading, never listed."""
    checked = 0
    for name in ("events", "strike_counts", "deployments", "strength_estimates"):
        for row in tables[name]:
            if row["theater"] == "Global":
                assert "theater" not in inferred(row), (name, row[key(name)])
                continue
            checked += 1
            named = _theater_named(row["theater"], text[row["line"]])
            assert named != ("theater" in inferred(row)), (name, row[key(name)], row["theater"], row["line"])
    assert checked > 250


_COUNTED_BACK = re.compile(r"\b(in the last [\w-]+ (?:days|weeks|months)|the past (?:[\w-]+ )?(?:days?|weeks?|months?)|"
                           r"a year after|[\w-]+-day operation)\b", re.IGNORECASE)
COUNTED_BACK_EXCEPTIONS = {
    "yemen_2017_10_25": "the 'last ten days' are CENTCOM's count, not this strike's day",
    "us_yemen_2017_10_25": "the 'last ten days' are CENTCOM's count, not this strike's day",
}


def test_a_start_counted_back_from_a_report_is_inferred(tables, text):
    found = set()
    hits = selected(tables, ("strike_counts", "casualty_claims"), _COUNTED_BACK, "sentence", text)
    for _, ident, row, _ in hits:
        if "period_start" not in inferred(row):
            found.add(ident)
            assert ident in COUNTED_BACK_EXCEPTIONS, ident
    check_exceptions(found, COUNTED_BACK_EXCEPTIONS)
    assert len(hits) >= 6


def test_what_the_passage_states_is_not_marked_inferred(tables):
    assert "date" not in inferred(by_id(tables, "events")["sinjar_airdrops"])  # "between 7–14 August 2014"
    assert "period_start" not in inferred(by_id(tables, "casualty_claims")["salvin_2017_drone_strikes"])
    assert "period_start" not in inferred(by_id(tables, "strike_counts")["coalition_afghanistan_2017_04_airstrikes"])


# --- overstated inconsistencies ---------------------------------------------------------------------------

def test_overstated_inconsistencies_are_corrected_or_removed(tables):
    issues = by_id(tables, "inconsistencies")
    for gone in ("isil_killed_series_does_not_add_up", "afghan_districts_dozen_vs_nine",
                 "libya_august_september_vs_running_total", "paris_excludes_poland"):
        assert gone not in issues, gone
    assert "do not strictly contradict" in issues["hezbollah_dozens_vs_250"]["description"]
    assert issues["libya_two_totals_16_august"]["kind"] == "terminology"
    assert "need not be an error" in issues["libya_august_104_vs_108"]["description"]
    assert "206" not in issues["us_iraq_airstrikes_start_told_three_times"]["lines"].split(";")
    assert "without naming who counted" in issues["raqqa_vs_coalition_civilian_total"]["description"]


# --- coverage ---------------------------------------------------------------------------------------------

_ONE_DEATH = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[A-Z][\w.-]*\s+){0,3}"
                        r"(?:soldier|serviceman|national|pilot)\b"
                        r"[^.;]{0,80}?\b(?:killed|executed)\b|\bexecuted by immolation\b")


def test_every_single_death_the_article_reports_is_coded(tables):
    claims_on = {c["line"] for c in tables["casualty_claims"]}
    hits = [p["line"] for p in tables["passages"] if _ONE_DEATH.search(p["text"])]
    assert {122, 124, 296, 407} <= set(hits)
    assert set(hits) <= claims_on


def test_not_coded_reasons_do_not_contradict_the_table(tables):
    from warcourse.build import not_coded_reasons

    for entry in not_coded_reasons():
        assert "keeps the lower end" not in entry["reason"], entry


# --- lessons say what the table says ----------------------------------------------------------------------

def _notebook_text(name: str, cell_type: str | None = None) -> str:
    cells = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if cell_type in (None, c["cell_type"]))


def test_lesson_03_months_agrees_with_the_table():
    from warcourse import questions

    counts = data.strike_counts().set_index("record_id")
    august, september = counts.loc["us_libya_2016_08", "value"], counts.loc["us_libya_2016_09", "value"]
    total = counts.loc["us_libya_2016_09_26", "value"]
    for theater in ("all", "Libya"):
        months = questions.air_campaigns(theater).months
        answer = questions.key(months).answer
        assert answer.startswith("They fit") and "22 September" in answer, answer
        assert months.check(answer).correct
        why = str(months.check(answer).message)
        assert f"{august} + {september} = {august + september}" in why and f"{total}" in why, why
        wrong = [c for c in months.order if "cannot all be right" in str(c)]
        assert len(wrong) == 1 and not months.check(wrong[0]).correct
    source = _notebook_text("03_air_campaigns.ipynb", "code")
    assert "libya_august_september_vs_running_total" not in source


def test_lesson_04_statements_agree_with_the_table():
    claims = data.casualty_claims().set_index("claim_id")
    total = claims.loc["macfarland_2016_08_total"]
    assert bool(total["vague"]) and total["low"] == 45000
    markdown = _notebook_text("04_casualty_accounting.ipynb", "markdown")
    everything = _notebook_text("04_casualty_accounting.ipynb")
    assert "largest exact claim" not in everything
    assert f"the general behind the {total['low']:,}" in " ".join(markdown.split())
    assert "coalition's\nown count of its strikes" not in markdown and "coalition's own count" not in markdown
    assert "isil_killed_series_does_not_add_up" not in everything


def test_the_codebook_names_every_new_column_and_category():
    codebook = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for word in ("certainty", "named", "part_of", "sum_of", "planned", "unspecified", "target",
                 "uk_six_typhoons_told_twice", "wales_ninth_country_lost", "2.1.0"):
        assert f"`{word}`" in codebook, word
    assert build.DATA_VERSION == "2.1.0"
