"""The build: tables of the data contract, provenance checks, determinism, atomic writes."""

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from warcourse import build, schema
from warcourse.errors import CourseError
from warcourse.numbers import mentions
from warcourse.paths import DATA, ROOT, SEED


@pytest.fixture(scope="module")
def result():
    return build.build()


@pytest.fixture(scope="module")
def files(result):
    return build.outputs(result)


def rows_of(files, name):
    return list(csv.DictReader(io.StringIO(files[f"tables/{name}.csv"].decode("utf-8"))))


def test_every_contract_table_has_exactly_its_columns(files):
    for name, table in schema.TABLES.items():
        header = files[f"tables/{name}.csv"].decode("utf-8").split("\n", 1)[0]
        assert header.split(",") == table.column_names, name


def test_committed_tables_match_a_fresh_build(files):
    assert build.differences(files) == []


def test_build_is_byte_identical_twice(files):
    assert build.outputs(build.build()) == files


def test_quotes_are_verbatim_in_their_passage(result):
    text = {p.line: p.text for p in result.article.passages}
    for name in schema.CODED_TABLES:
        if name == "inconsistencies":
            continue
        for row in result.tables[name]:
            assert row["quote"] in text[row["line"]], (name, row)


def test_coded_numbers_appear_in_their_quotes(result):
    """Every number is in its quote; a claim's named victims ("X killed along with 120 others", "a Canadian
    soldier") are added to the number stated, or are the whole count."""
    for name, columns in build.NUMERIC_FIELDS.items():
        for row in result.tables[name]:
            named = row.get("named") or 0
            for column in columns:
                if row[column] is not None:
                    stated = row[column] - named
                    assert (stated == 0 and named) or mentions(row["quote"], stated), (name, row)


def test_named_victims_are_counted_with_the_others(result):
    claims = {c["claim_id"]: c for c in result.tables["casualty_claims"]}
    assert (claims["kot_2016_07_26"]["low"], claims["kot_2016_07_26"]["named"]) == (121, 1)  # Emarati + 120
    assert (claims["ttp_nangarhar_2015_07"]["low"], claims["ttp_nangarhar_2015_07"]["named"]) == (25, 1)
    assert (claims["afghanistan_2015_02_khadim"]["low"], claims["afghanistan_2015_02_khadim"]["named"]) == (6, 1)
    for claim in claims.values():
        if claim["named"]:
            assert claim["low"] >= claim["named"] and claim["high"] >= claim["named"], claim


def test_sizes_the_course_relies_on(result):
    t = result.tables
    assert len(t["involvement"]) == 290
    assert len(t["events"]) >= 80
    assert len(t["inconsistencies"]) >= 12
    theaters = {e["theater"] for e in t["events"]}
    assert {"Iraq", "Syria", "Libya", "Afghanistan"} <= theaters


def test_membership_by_reference_is_resolved_with_sets(result):
    members = {}
    for m in result.tables["coalition_members"]:
        members.setdefault(m["coalition_id"], {}).setdefault(m["basis"], set()).add(m["country"])
    wales = members["wales_2014"]["named"]
    paris = members["paris_2014"]
    brussels = members["brussels_2014"]
    assert len(wales) == 9
    assert paris["by_reference"] == wales - {"Australia"}
    assert paris["excluded"] >= {"Australia", "Poland"}
    assert brussels["excluded"] == {"China", "Russia"}
    assert brussels["by_reference"] == wales | (paris["named"] - {"China", "Russia"})
    assert len(brussels["named"] | brussels["by_reference"]) == 58


def test_stated_totals_that_disagree_are_kept_and_recorded(result):
    coalitions = {c["coalition_id"]: c for c in result.tables["coalitions"]}
    assert coalitions["brussels_2014"]["stated_members"] == 59
    counted = {}
    for m in result.tables["coalition_members"]:
        if m["basis"] != "excluded":
            counted[m["coalition_id"]] = counted.get(m["coalition_id"], 0) + 1
    flagged = {int(line) for i in result.tables["inconsistencies"] for line in i["lines"].split(";")}
    for cid, c in coalitions.items():
        if c["stated_members"] is not None and c["stated_members"] != counted.get(cid, 0):
            assert c["line"] in flagged, f"{cid}: stated {c['stated_members']} vs {counted.get(cid)}"


def test_countries_have_iso3_and_cover_every_country_column(result):
    countries = {c["country"]: c for c in result.tables["countries"]}
    for name in ("coalition_members", "involvement"):
        for row in result.tables[name]:
            assert countries[row["country"]]["iso3"] == row["iso3"]
    assert countries["Kosovo"]["iso3"] == "XKX"
    assert countries["United States"]["iso3"] == "USA"


def test_every_required_number_is_coded_or_excluded(result):
    from warcourse import coverage

    _, missing = coverage.report(result)
    assert [(o.line, o.quantity.text) for o in missing] == []


def test_datapackage_validates_with_frictionless():
    import frictionless  # here, not at the top: it takes a second to import, in every worker that collects

    report = frictionless.validate(str(DATA / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_write_is_atomic_and_keeps_old_files_on_failure(tmp_path, files, monkeypatch):
    build.write(files, tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.csv")}
    changed = {k: v + b"x" for k, v in files.items()}

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("warcourse.files.os.replace", broken_replace)
    with pytest.raises(CourseError, match="cannot write .*disk full"):
        build.write(changed, tmp_path)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.csv")} == before
    assert not list(tmp_path.rglob("*.tmp"))


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "warcourse", *args], cwd=cwd,
                          capture_output=True, text=True)


def test_cli_build_check_passes_on_the_committed_tables():
    done = run_cli("build", "--check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok:")


def break_annotation(scratch: Path, name: str, old: str, new: str) -> None:
    path = scratch / "annotations" / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("name, old, new, expected", [
    ("coalitions", "stated_members: 9", "stated_members: 8", "does not appear in its quote"),
    ("coalitions", "Those nine countries agreed", "Those nine countries agreed happily",
     "quote not found verbatim"),
    ("coalitions", "place: Wales", "plaice: Wales", "unknown field 'plaice'"),
    ("coalitions", "date_precision: day", "date_precision: week", "expected one of day, month, year"),
    ("coalitions", "- coalition_id: wales_2014", "- coalition_id: wales_2014\n  oops: [", "not valid YAML"),
    ("coalitions", 'date: "2014-09-05"', 'date: "2014-09-31"', "not a real date"),
    ("coalitions", "from: wales_2014", "from: wales_2041", "unknown coalition 'wales_2041'"),
    ("coalitions", '  quote: "Those nine countries agreed to do so"\n', "", "missing 'quote'"),
])
def test_broken_annotation_gives_one_clear_line(scratch, name, old, new, expected):
    break_annotation(scratch, name, old, new)
    with pytest.raises(CourseError) as err:
        build.build(scratch / SEED.name, scratch / "annotations")
    message = str(err.value)
    assert expected in message
    assert f"{name}.yaml" in message and "\n" not in message


def test_ambiguous_quote_names_both_lines(scratch):
    break_annotation(scratch, "coalitions", "Those nine countries agreed to do so", "Syria")
    with pytest.raises(CourseError, match=r"quote found on lines \d+, \d+"):
        build.build(scratch / SEED.name, scratch / "annotations")


def test_changed_seed_names_the_first_changed_line(scratch):
    seed = scratch / SEED.name
    seed.write_bytes(seed.read_bytes().replace(b"between 815 and 1,149", b"between 815 and 1,148"))
    with pytest.raises(CourseError, match=r"the seed has changed .*first difference at line 472"):
        build.build(seed, scratch / "annotations")


def test_cli_reports_errors_without_traceback(scratch, tmp_path):
    seed = scratch / SEED.name
    seed.write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys, warcourse.paths as p, pathlib; p.SEED = pathlib.Path(sys.argv[1]);"
         "import warcourse.build as b; b.SEED = p.SEED;"
         "from warcourse.__main__ import main; sys.exit(main(['build', '--check']))", str(seed)],
        capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0 and "the file is empty" in done.stderr


def test_data_loader_types_columns():
    from warcourse import data

    claims = data.casualty_claims()
    assert str(claims["low"].dtype) == "Int64"
    assert str(claims["vague"].dtype) == "boolean"
    assert str(claims["claimant_type"].dtype) == "category"
    assert str(data.events()["date"].dtype).startswith("datetime64")
    claims.loc[:, "low"] = 0
    assert data.casualty_claims()["low"].ne(0).any(), "each call must return a fresh copy"


def test_data_loader_names_a_missing_or_changed_table(tmp_path):
    from warcourse import data

    with pytest.raises(CourseError, match=r"events.csv: table is missing"):
        data.load("events", tmp_path)
    (tmp_path / "events.csv").write_text("event_id,date\nx,2014\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"events.csv: missing column 'date_precision'"):
        data.load("events", tmp_path)
    with pytest.raises(CourseError, match="no table called 'event'"):
        data.load("event")


def test_duplicate_key_is_named(scratch):
    path = scratch / "annotations" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.split("- event_id: ", 2)[1].split("\n", 1)[0]
    second = text.split("- event_id: ", 3)[2].split("\n", 1)[0]
    path.write_text(text.replace(f"- event_id: {second}\n", f"- event_id: {first}\n", 1), encoding="utf-8")
    with pytest.raises(CourseError, match=rf"events: duplicate key {first} \(event_id must be unique\)"):
        build.build(scratch / SEED.name, scratch / "annotations")


def test_stale_committed_table_is_reported_with_its_row(tmp_path, files):
    build.write(files, tmp_path)
    events = tmp_path / "tables" / "events.csv"
    rows = events.read_text(encoding="utf-8").split("\n")
    rows[3] = "x" + rows[3]
    events.write_text("\n".join(rows), encoding="utf-8")
    problems = build.differences(files, tmp_path)
    assert len(problems) == 1
    assert "events.csv: differs from a fresh build at row 3" in problems[0]
    assert "python -m warcourse build" in problems[0]
