"""Codings a conflict-data researcher would sign: hedges, bounds, targets and inferences kept (issue 14)."""

import re

import pytest

from warcourse import build, numbers, schema
from warcourse.errors import CourseError
from warcourse.paths import ROOT, SEED


def by_id(tables, name):
    key = schema.TABLES[name].primary_key[0]
    return {row[key]: row for row in tables[name]}


def test_a_plan_to_offer_troops_is_not_a_deployment(tables):
    deployments = tables["deployments"]
    assert not [d for d in deployments if d["line"] == 384 and d["theater"] == "Libya"]
    assert {d["record_id"] for d in deployments} >= {"uk_libya_tunisia_troops"}
    assert "uk_libya_offer" not in by_id(tables, "deployments")
    assert by_id(tables, "events")["uk_libya_training_offer"]["event_type"] == "announcement"


def test_troops_sent_to_tunisia_are_in_tunisia(tables):
    assert by_id(tables, "deployments")["uk_libya_tunisia_troops"]["theater"] == "Tunisia"


def test_yemen_strikes_told_twice_are_a_duplicate_naming_their_rows(tables):
    issue = by_id(tables, "inconsistencies")["yemen_strikes_told_twice"]
    assert issue["kind"] == "duplicate" and issue["lines"] == "442"
    named = set(issue["records"].split(";"))
    assert {"casualty_claims:yemen_2017_10_23_first", "casualty_claims:yemen_2017_10_23_second",
            "casualty_claims:yemen_2017_10_25", "strike_counts:us_yemen_2017_10_23",
            "strike_counts:us_yemen_2017_10_25"} <= named


def test_every_duplicate_names_the_rows_that_tell_it_twice(tables):
    for issue in tables["inconsistencies"]:
        if issue["kind"] == "duplicate":
            assert len((issue["records"] or "").split(";")) >= 2, issue["issue_id"]


def test_every_named_record_exists(tables):
    for issue in tables["inconsistencies"]:
        for item in (issue["records"] or "").split(";") if issue["records"] else ():
            table, ident = item.split(":")
            assert ident in by_id(tables, table), (issue["issue_id"], item)


@pytest.mark.parametrize("name, ident, certainty, attributed_to", [
    ("events", "iran_joined_air_war_claim", "suggested", "one war correspondent"),
    ("events", "turkey_elbeyli_raid", "unconfirmed", "various Turkish news outlets"),
    ("deployments", "turkey_syria_2015_07_23_special_forces", "unconfirmed", "various Turkish news outlets"),
    ("events", "jordan_strike_wave_a", "claimed", "Jordan"),
    ("events", "us_iraq_campaign_start_a", "reported", None),
])
def test_hedges_are_kept(tables, name, ident, certainty, attributed_to):
    row = by_id(tables, name)[ident]
    assert (row["certainty"], row["attributed_to"]) == (certainty, attributed_to)


def test_claims_and_suggestions_name_who_makes_them(tables):
    for name in ("events", "deployments"):
        for row in tables[name]:
            assert row["certainty"] in schema.CERTAINTIES
            if row["certainty"] in ("claimed", "suggested"):
                assert row["attributed_to"], row


def test_unattributed_claims_have_their_own_claimant_type(tables):
    claims = tables["casualty_claims"]
    unattributed = [c for c in claims if c["claimant"] == "Wikipedia (unattributed)"]
    assert len(unattributed) == 28  # 23, four single deaths added (issue 23), and line 478's "at least 1,291"
    assert {c["claimant_type"] for c in unattributed} == {"unattributed"}
    assert not [c for c in claims if c["claimant_type"] == "unattributed" and c not in unattributed]


@pytest.mark.parametrize("name, ident, low, high, vague", [
    ("strike_counts", "coalition_afghanistan_2016_04_airstrikes", 70, 80, False),  # between 70 and 80
    ("strike_counts", "coalition_2015_01_15_airstrikes", 16000, None, False),       # over 16,000
    ("strike_counts", "coalition_2015_07_21_sorties", None, 44000, True),          # nearly 44,000
    ("strike_counts", "us_afghanistan_2016_08_airstrikes", None, 140, True),       # nearly 140
    ("strike_counts", "us_libya_2016_10_17", 324, 324, False),                     # "up to 324": a total reached
    ("strike_counts", "netherlands_2018_12_airstrikes", 2100, 2100, True),         # approximately 2100
    ("deployments", "us_iraq_2014_08_13_marines", None, 20, True),                 # up to 20
    ("deployments", "turkey_2015_07_24_f16", 70, None, False),                     # at least 70
    ("deployments", "uk_afghanistan_2016_07_08_before", 450, 450, False),          # from 450 to 500: a change
    ("deployments", "uk_afghanistan_2016_07_08_after", 500, 500, False),
])
def test_qualifiers_become_bounds(tables, name, ident, low, high, vague):
    row = by_id(tables, name)[ident]
    assert (row["low"], row["high"], row["vague"]) == (low, high, vague)
    assert row["value"] in (low, high)


def test_bounds_are_ordered_and_hold_the_stated_value(tables):
    for name in ("strike_counts", "deployments", "casualty_claims", "strength_estimates"):
        for row in tables[name]:
            assert row["low"] is not None or row["high"] is not None, row
            if row["low"] is not None and row["high"] is not None:
                assert row["low"] <= row["high"], row
            if "value" in row:
                assert row["value"] in (row["low"], row["high"]), row


@pytest.mark.parametrize("ident, target", [
    ("us_syria_2014_09_22_khorasan", "al-Qaeda"),          # line 120: the Khorasan group
    ("us_afghanistan_2016_strikes_all", "several"),         # line 411: includes strikes on the Taliban
    ("us_afghanistan_2016_strikes_isk", "ISIL"),
    ("us_afghanistan_2016_strikes_al_qaeda", "al-Qaeda"),
    ("coalition_afghanistan_2017_04_airstrikes", "unknown"),  # "against terrorists"
])
def test_strikes_say_against_whom(tables, ident, target):
    assert by_id(tables, "strike_counts")[ident]["target"] == target


def test_coalitions_distinguish_meetings_operations_and_coalitions(tables):
    kinds = {c["coalition_id"]: c["kind"] for c in tables["coalitions"]}
    assert kinds["paris_2014"] == "meeting"
    assert kinds["syria_airstrikes_2014"] == "operation"
    assert kinds["sinjar_humanitarian_2014"] == "operation"
    assert kinds["wales_2014"] == "coalition"
    assert set(kinds.values()) == set(schema.COALITION_KINDS)


def test_one_inference_one_coding_for_campaign_starts(tables):
    """The same inferred start (8 August 2014), written at each row's precision and marked inferred."""
    claims = by_id(tables, "casualty_claims")
    start = {"day": "2014-08-08", "month": "2014-08"}
    for ident in ("austin_2015_02_23", "blinken_2015_06", "le_drian_2016_01_21", "andrews_2015_02",
                  "airwars_2016_01", "cnn_us_official_2016_12"):
        claim = claims[ident]
        assert claim["period_start"] == start[claim["date_precision"]], ident
        assert "period_start" in claim["inferred"].split(";"), ident


def test_inferred_names_real_columns_only(tables):
    for name in ("events", "strike_counts", "deployments", "casualty_claims", "strength_estimates"):
        columns = set(schema.TABLES[name].column_names)
        for row in tables[name]:
            for column in (row["inferred"] or "").split(";") if row["inferred"] else ():
                assert column in columns and row[column] is not None, (name, row)


def test_a_year_not_in_the_passage_is_marked_inferred(tables, text):
    for name in ("events", "strike_counts", "deployments", "casualty_claims", "strength_estimates"):
        for row in tables[name]:
            inferred = set((row["inferred"] or "").split(";"))
            for column in ("date", "period_start", "period_end"):
                value = row.get(column)
                if value and column not in inferred:
                    assert value[:4] in text[row["line"]], (name, column, row)


def test_inconsistency_lines_are_where_their_quotes_are(tables, text):
    from warcourse.annotations import records
    from warcourse.paths import ANNOTATIONS

    issues = by_id(tables, "inconsistencies")
    for record in records("inconsistencies", ANNOTATIONS):
        found = sorted({line for q in record.fields["quotes"] for line, t in text.items() if q in t})
        assert issues[record.fields["issue_id"]]["lines"] == ";".join(map(str, found))


def test_every_line_is_a_foreign_key_to_passages():
    for name, table in schema.TABLES.items():
        if "line" in table.column_names and name != "passages":
            assert ("line", "passages", "line") in table.foreign_keys, name


def test_datapackage_has_version_citation_and_source():
    import json

    package = json.loads(build.datapackage({"subject": "War against the Islamic State",
                                            "pubDate": "2023-10-23 01:10"}))
    assert package["version"] == build.DATA_VERSION
    assert "2023-10-23 01:10" in package["citation"] and "no revision id" in package["citation"]
    assert package["sources"][0]["path"] == "https://en.wikipedia.org/wiki/War_against_the_Islamic_State"
    assert "oldid" not in json.dumps(package)


def mutate(scratch, name, old, new):
    path = scratch / "annotations" / f"{name}.yaml"
    content = path.read_text(encoding="utf-8")
    assert old in content, old
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("name, old, new, expected", [
    ("strike_counts", "  low: 70\n  high: 80\n", "  low: 90\n  high: 80\n",
     r"low 90 is above high 80|high 80 is below low 90"),
    ("strike_counts", "  value: 70\n  low: 70\n  high: 80\n", "  value: 75\n  low: 70\n  high: 80\n",
     "value 75 is neither low"),
    ("strike_counts", "  target: al-Qaeda", "  target: Khorasan", "target is 'Khorasan'; expected one of"),
    ("events", "  certainty: suggested", "  certainty: rumoured", "certainty is 'rumoured'; expected one of"),
    ("events", '  attributed_to: "one war correspondent"\n', "", "attributed_to is empty"),
    ("deployments", "  inferred: [theater]", "  inferred: [theatre]", "inferred names 'theatre'"),
    ("deployments", "  inferred: [theater]", "  inferred: [asset]", "inferred names 'asset'.*never listed"),
    ("coalitions", "  kind: meeting", "  kind: summit", "kind is 'summit'; expected one of"),
    ("events", "  actor: Hezbollah", "  actor: Hizbullah", "actor is 'Hizbullah'; expected a country"),
    ("inconsistencies", "strike_counts: [us_yemen_2017_10_23,", "strike_counts: [us_yemen_2017_10_22,",
     "records names strike_counts:us_yemen_2017_10_22"),
])
def test_bad_new_codings_are_refused_with_one_line(scratch, name, old, new, expected):
    mutate(scratch, name, old, new)
    with pytest.raises(CourseError) as err:
        build.build(scratch / SEED.name, scratch / "annotations")
    message = str(err.value)
    assert re.search(expected, message) and f"{name}.yaml" in message and "\n" not in message


def test_the_codebook_lists_the_columns_the_build_lets_a_coder_infer():
    """data/README.md's table of what may be inferred, and schema.INFERABLE, which the build enforces."""
    codebook = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    table = codebook.split("| column | inferred when | rule |", 1)[1].split("\n\n", 1)[0]
    listed = {name for row in table.splitlines()[2:] for name in re.findall(r"`([a-z_]+)`", row.split("|")[1])}
    assert listed == set(schema.INFERABLE)


def _bound(quantity) -> str:
    word = quantity.qualifier
    return ("lower" if word in numbers.LOWER else "upper" if word in numbers.UPPER
            else "about" if word in numbers.ABOUT else "")


def test_an_inconsistency_keeps_the_qualifiers_of_the_numbers_it_repeats():
    """A description that repeats a number the article qualifies ("around 60 percent") keeps that qualifier, or
    one of the same kind, where it first gives the number: the course's own text must survive the reading it
    teaches."""
    from warcourse import article, data

    lines = article.read_lines()
    dropped = []
    for row in data.inconsistencies().itertuples():
        said = [q for q in numbers.find_quantities(row.description) if (q.low, q.high) != (None, None)]
        kinds: dict[float, set[str]] = {}  # each number of the cited lines: how they qualify it (tellings differ)
        for line in str(row.lines).split(";"):
            for quantity in numbers.find_quantities(lines[int(line) - 1]):
                value = quantity.low if quantity.low is not None else quantity.high
                kinds.setdefault(value, set()).add(_bound(quantity))
        for value, bounds in kinds.items():
            first = next((q for q in said if value in (q.low, q.high)), None)
            if bounds != {""} and first is not None and _bound(first) not in bounds:
                dropped.append(f"{row.issue_id}: the article says {value:g} with {sorted(bounds)}, "
                               f"the description {first.text!r}")
    assert dropped == [], "\n".join(dropped)
