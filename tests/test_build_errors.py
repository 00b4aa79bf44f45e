"""Bad input never becomes silent wrong data: the build refuses it in one line naming file and line.

Each build case mutates a COPY of data/annotations, runs ``python -m warcourse build`` in process
against it, and checks the exit status, the one-line message and that the tables are unchanged.

Parsing the YAML is most of a build, and most of a case's files are the committed ones, unchanged:
each committed file is parsed once for the whole module and each later read of the same bytes gets
a deep copy of that parse (``parse_each_committed_file_once``). A file a case writes or changes is
always read by the real reader, as is any file larger than the committed one.
"""

import copy
import csv
import errno
import io
import re
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warcourse import annotations, build, countries, data, schema
from warcourse.__main__ import main
from warcourse.errors import CourseError
from warcourse.paths import ANNOTATIONS, ROOT, SEED


@pytest.fixture(scope="module", autouse=True)
def parse_each_committed_file_once():
    """``read_yaml`` parses each committed annotation file once; reading the same bytes again gives a copy."""
    real = annotations.read_yaml
    committed = {path.name: path.read_bytes() for path in ANNOTATIONS.glob("*.yaml")}
    parsed = {}

    def read_yaml(path):
        path = Path(path)
        same = committed.get(path.name)
        try:  # the size first: the huge-file case must not be read here
            unchanged = same is not None and path.stat().st_size == len(same) and path.read_bytes() == same
        except OSError:
            unchanged = False
        if not unchanged:
            return real(path)
        if path.name not in parsed:
            parsed[path.name] = real(path)
        return copy.deepcopy(parsed[path.name])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(annotations, "read_yaml", read_yaml)
        patch.setattr(countries, "read_yaml", read_yaml)
        yield


@pytest.fixture(scope="module")
def fresh():
    return build.outputs(build.build())


@pytest.fixture
def data_dir(tmp_path, fresh):
    """A data folder: a copy of the annotations and the tables a fresh build writes."""
    folder = tmp_path / "data"
    shutil.copytree(ANNOTATIONS, folder / "annotations")
    build.write(fresh, folder)
    return folder


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def refused(args: list[str], capsys, tables: Path, code: int = 1) -> str:
    """Run the CLI in process; assert it fails with one line on stderr and leaves ``tables`` alone."""
    before = snapshot(tables)
    assert main(args) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert snapshot(tables) == before
    return err.strip()


def line_of(text: str, marker: str, record: bool, start: int) -> int:
    """The 1-based line of ``marker`` (from offset ``start``), or of the record (``- ``) it sits in."""
    lines = text.split("\n")
    at = text[: text.index(marker, start)].count("\n")
    if record:
        at = next(i for i in range(at, -1, -1) if lines[i].startswith("- "))
    return at + 1


def _swap_low_high(m):
    return f"  low: {m[2]}\n  high: {m[1]}"


# (file, regex, replacement, marker of the line the message names, is that the record's line?, message): a message
# names the line of the field at fault, or the record's first line when no one field is
CASES = [
    ("countries", r"^(  U\.S\.: United States\n)", r"\1  U.S.: Canada\n", "U.S.: Canada", False,
     "duplicate key 'U.S.'"),
    ("events", r"^(  date_precision: \w+)\n", r"\1\n  date_precision: year\n", "precision: year", False,
     "duplicate key 'date_precision'"),
    ("casualty_claims", r"^  low: (\d+)\n  high: (?!\1\n)(\d+)$", _swap_low_high, "  high: ", False,
     r"(high \d+ is below low|low \d+ is above high) \d+"),
    ("casualty_claims", r'^(  period_start: "\d{4}-\d\d-\d\d"\n  period_end: )"\d{4}', r'\1"2001',
     'period_end: "2001', False, "period_end 2001-.* is before period_start"),
    ("events", r'^  date: "(\d{4}-\d\d)-\d\d"\n  date_precision: day', r'  date: "\1"\n  date_precision: day',
     '  date: "', False, r"date '\d{4}-\d\d' does not match date_precision 'day'"),
    ("events", r'^  date: "(\d{4})-\d\d"\n  date_precision: month', r'  date: "\1"\n  date_precision: month',
     '  date: "', False, r"date '\d{4}' does not match date_precision 'month'"),
    ("casualty_claims", r'^  period_start: "(\d{4}-\d\d)-\d\d"(\n.*\n  date_precision: day)',
     r'  period_start: "\1"\2', "period_start", False, "period_start .* does not match date_precision"),
    ("countries", r"Russia: \{code: RUS", "Russia: {code: rus", "Russia:", False, "three capital letters"),
    ("countries", r"Russia: \{code: RUS", "Russia: {code: USA", "Russia:", False,
     "USA is pycountry's code for 'United States'"),
    ("countries", r"Taiwan: \{code: TWN", "Taiwan: {code: CHN", "Taiwan:", False,
     "pycountry's code for it is TWN"),
    ("countries", r"Palestine: \{code: PSE", "Palestine: {code: PSX", "Palestine:", False,
     "PSX is not an ISO 3166-1 code"),
    ("countries", r"Kosovo: \{code: XKX", "Kosovo: {code: SRB", "Kosovo:", False,
     "SRB is pycountry's code for 'Serbia'"),
    ("events", r"^- event_id: \w+", "- event_id: Bad-Id", "Bad-Id", True,
     "event_id 'Bad-Id' is not snake_case"),
    ("strike_counts", r"^- record_id: \w+", "- record_id: record 1", "record 1", True, "not snake_case"),
    ("inconsistencies", r"^- issue_id: \w+", "- issue_id: Brussels__total", "Brussels", True,
     "not snake_case"),
    ("events", r'^  date: "\d{4}-\d\d-\d\d"', '  date: "2015-02-30"', "2015-02-30", False, "not a real date"),
    ("events", r'^  date: "\d{4}-\d\d-\d\d"', "  date: 2015-02-30", "2015-02-30", False, "not a real date"),
    ("events", r'^  date: "\d{4}-\d\d"', '  date: "2015-13"', "2015-13", False, "not a real date"),
    ("events", r'^  date: "\d{4}-\d\d-\d\d"', '  date: "2015-02-01T25:00"', "T25", False,
     "expected an ISO date"),
    ("strike_counts", r"^  value: \d+", "  value: !!int abc", "!!int", False, "tag '!!int' is not allowed"),
    ("strike_counts", r"^  value: \d+", "  value: !!float abc", "!!float", False, "tag '!!float'"),
    ("strike_counts", r"^  value: \d+", "  value: !!python/object/apply:os.system [echo]", "!!python",
     False, "tag '!!python/object/apply:os.system' is not allowed"),
    ("events", r"^  theater: \w+", "  theater: !custom Iraq", "!custom", False, "tag '!custom'"),
    ("events", r"^(- event_id: \w+)", r"\1\n  summary: &s Something\n  actor: *s", "&s", False,
     "anchors and aliases"),
    ("events", r"^(  summary: .*)$", r"\1\n  <<: {actor: ISIL}", "<<:", False, "unknown field '<<'"),
    ("events", r"^(- event_id: \w+)", r"\1\n  1: one", "1: one", False, "the key '1' is not read as text"),
    ("events", r"^  actor: .+$", "  actor: no", "actor: no", False,
     r'actor is false, not text: YAML reads an unquoted yes, no, .*; put the word in quotes, e\.g\. actor: "no"'),
    ("events", r"^  actor: .+$", "  actor: On", "actor: On", False,
     r"actor is true, not text: .*put the word in quotes"),
    ("strike_counts", r"^(  quote: .)", r"\1zzz ", "zzz", False, "quote not found verbatim"),
    ("strike_counts", r"^  reported_by: .+$", "  reported_by: no", "reported_by: no", False,
     "reported_by is false, not text"),
    ("events", r"^  actor: .+$", "  actor: 1914", "actor: 1914", False,
     r"actor is 1914; expected text \(in quotes if YAML reads it as a number\)"),
]


@pytest.mark.parametrize("name, pattern, replacement, marker, record, message", CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_bad_annotation_is_refused_naming_file_and_line(data_dir, capsys, name, pattern, replacement,
                                                         marker, record, message):
    path = data_dir / "annotations" / f"{name}.yaml"
    original = path.read_text(encoding="utf-8")
    match = re.search(pattern, original, flags=re.M)
    assert match, f"{pattern!r} not in {name}.yaml"
    text = re.sub(pattern, replacement, original, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    err = refused(["build", "--data", str(data_dir)], capsys, data_dir / "tables")
    assert f"{name}.yaml:{line_of(text, marker, record, match.start())}" in err
    assert re.search(message, err), err


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


@pytest.mark.parametrize("name, text, message", [
    ("events", "", ":1: the file is empty"),
    ("events", "# every record deleted\n", ":1: the file is empty"),
    ("strike_counts", "[]\n", ":1: the file is empty"),
    ("countries", "{}\n", ":1: the file is empty"),
    ("events", BILLION_LAUGHS, ":1: not valid YAML (anchors and aliases"),
    ("events", "- " * 30 + "x\n", ":1: not valid YAML (nested more than"),
    ("events", "- event_id: a\n  date: [\n", ":3: not valid YAML"),
])
def test_bad_annotation_file_is_refused(data_dir, capsys, name, text, message):
    (data_dir / "annotations" / f"{name}.yaml").write_text(text, encoding="utf-8")
    err = refused(["build", "--data", str(data_dir)], capsys, data_dir / "tables")
    assert f"{name}.yaml{message}" in err


def test_huge_annotation_file_is_refused_without_reading_it(data_dir, capsys):
    path = data_dir / "annotations" / "events.yaml"
    with path.open("ab") as handle:
        handle.write(b"#" * 50_000_000)
    tracemalloc.start()
    err = refused(["build", "--data", str(data_dir)], capsys, data_dir / "tables")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert f"events.yaml: larger than {annotations.MAX_BYTES:,} bytes" in err
    assert peak < 3 * annotations.MAX_BYTES


@pytest.mark.parametrize("error", [PermissionError(errno.EACCES, "Permission denied"),
                                   OSError(errno.EROFS, "Read-only file system")])
def test_unwritable_tables_give_one_line(data_dir, capsys, monkeypatch, error):
    (data_dir / "tables" / "events.csv").write_bytes(b"stale\n")

    def fail(target, content):
        raise error

    monkeypatch.setattr("warcourse.build.write_atomic", fail)
    err = refused(["build", "--data", str(data_dir)], capsys, data_dir / "tables")
    assert re.fullmatch(rf"error: .*events\.csv: cannot write \({error.strerror}\); .*", err)


def test_tables_under_a_file_give_one_line(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    err = refused(["build", "--annotations", str(ANNOTATIONS), "--data", str(blocker / "data")],
                  capsys, tmp_path)
    assert "cannot write" in err


# --- committed tables are read strictly -------------------------------------------------------


def edit_cell(path: Path, row: int, column: str, value: str) -> int:
    """Set one cell of a table file; return the CSV line of that row (the header is line 1)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    cells = next(csv.reader([lines[row]]))
    cells[header.index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    lines[row] = buffer.getvalue()
    path.write_text("\n".join(lines), encoding="utf-8")
    return row + 1


@pytest.mark.parametrize("name, column, value, message", [
    ("events", "theater", "Mars", "column 'theater' is 'Mars'; expected one of Iraq"),
    ("casualty_claims", "claimant_type", "NGO", "column 'claimant_type' is 'NGO'; expected one of"),
    ("events", "line", "12x", "column 'line' is '12x'; expected a whole number"),
    ("involvement", "involved", "yes", "column 'involved' is 'yes'; expected true or false"),
    ("events", "date", "2015-02-30", "column 'date' is '2015-02-30'; expected an ISO date"),
    ("countries", "iso3", "usa", "column 'iso3' is 'usa'; expected text matching"),
    ("events", "event_type", "", "column 'event_type' is empty; it is required"),
])
def test_committed_table_with_a_bad_cell_names_table_line_and_column(data_dir, capsys, name, column,
                                                                       value, message):
    path = data_dir / "tables" / f"{name}.csv"
    line = edit_cell(path, 3, column, value)
    with pytest.raises(CourseError) as err:
        data.read(path, schema.TABLES[name])
    assert f"{name}.csv:{line}: {message}" in str(err.value)
    assert main(["build", "--check", "--data", str(data_dir)]) == 1
    assert str(err.value) in capsys.readouterr().err.splitlines()


EVENT_COLUMNS = len(schema.TABLES["events"].columns)


@pytest.mark.parametrize("content, message", [
    (b"", "events.csv: the table file is empty"),
    (b"\n\n", "events.csv: the table file is empty"),
    (None, "events.csv:3: not valid UTF-8 (byte 0xff)"),
    (b"\xef\xbb\xbf", "events.csv:1: starts with a byte-order mark"),
    (b"event_id\n", "events.csv: the table has a header but no rows"),
    ("ragged", f"events.csv:3: {EVENT_COLUMNS - 1} cells; expected {EVENT_COLUMNS}"),
])
def test_committed_table_that_cannot_be_read_says_why(data_dir, capsys, content, message):
    path = data_dir / "tables" / "events.csv"
    good = path.read_bytes()
    if content is None:
        lines = good.split(b"\n")
        lines[2] = lines[2].replace(b"a", b"\xff", 1)
        content = b"\n".join(lines)
    elif content == "ragged":
        lines = good.split(b"\n")
        lines[2] = lines[2].split(b",", 1)[1]
        content = b"\n".join(lines)
    elif content == b"\xef\xbb\xbf":
        content += good
    path.write_bytes(content)
    with pytest.raises(CourseError, match=re.escape(message)):
        data.read(path, schema.TABLES["events"])
    assert main(["build", "--check", "--data", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert message in err and "differs from a fresh build" not in err


def test_committed_tables_read_back_as_built(data_dir):
    for name, table in schema.TABLES.items():
        assert len(data.read(data_dir / "tables" / f"{name}.csv", table)) > 0


# --- the seed ---------------------------------------------------------------------------------


@pytest.mark.parametrize("change, message", [
    (lambda raw: raw.replace(b"\n", b"\r\n"), r":1: has Windows \(CRLF\) line endings"),
    (lambda raw: b"\xef\xbb\xbf" + raw, r":1: starts with a byte-order mark \(BOM\)"),
])
def test_seed_with_crlf_or_bom_says_so(tmp_path, change, message):
    seed = tmp_path / SEED.name
    seed.write_bytes(change(SEED.read_bytes()))
    with pytest.raises(CourseError, match=message) as err:
        build.build(seed)
    assert "git checkout -- seeds/" in str(err.value)


def test_changed_seed_points_at_git_not_a_folder_a_clone_lacks(tmp_path):
    seed = tmp_path / SEED.name
    seed.write_bytes(SEED.read_bytes().replace(b"1,149", b"1,148", 1))
    with pytest.raises(CourseError) as err:
        build.build(seed)
    assert "git checkout -- seeds/" in str(err.value) and "shared" not in str(err.value)


# --- any YAML document is built or refused in one line ------------------------------------------

FUZZED = ("events", "strike_counts", "casualty_claims", "coalitions", "inconsistencies", "not_coded",
          "countries")
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(),
                     st.text(max_size=20), st.sampled_from(["2015-02-30", "2014-09", "2014", "Iraq",
                                                            "United States", "day", "U.S.", "-1"]))
_keys = st.sampled_from(sorted({c.name for t in schema.TABLES.values() for c in t.columns}
                               | {"members", "named", "from", "except", "only", "quotes", "reason",
                                  "aliases", "iso3", "code", "note", "x"}))
_values = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(_keys, inner, max_size=6)),
                       max_leaves=30)
_TOKENS = ["- ", ": ", "\n", "  ", "&a ", "*a", "!!int ", "!!python/name:os.system ", "!x ", "{", "}",
           "[", "]", "'", '"', "? ", "<<: ", "event_id", "quote", "2015-02-30", "0b_", "%YAML 1.1\n",
           "---\n", "...\n", "#", "|\n", "\t", "\ufeff", "é", "\x85"]


def _real(name: str) -> list:
    return annotations.strip_lines(annotations.read_yaml(ANNOTATIONS / f"{name}.yaml"))


@st.composite
def documents(draw):
    """YAML text: token soup, dumped random data, or a real record with one field changed."""
    kind = draw(st.sampled_from(["tokens", "data", "mutated"]))
    name = draw(st.sampled_from(FUZZED))
    if kind == "tokens":
        text = "".join(draw(st.lists(st.sampled_from(_TOKENS) | st.text(max_size=5), max_size=60)))
    elif kind == "data":
        text = yaml.safe_dump(draw(st.lists(_values, max_size=3) | _values), allow_unicode=True)
    else:
        real = _real(name)
        if isinstance(real, dict):
            real = {"aliases": real["aliases"], "iso3": dict(list(real["iso3"].items())[:2])}
            real[draw(st.sampled_from(["aliases", "iso3"]))][draw(_keys)] = draw(_values)
        else:
            record = dict(real[draw(st.integers(0, len(real) - 1))])
            if record.get("members") and draw(st.booleans()):
                term = dict(draw(st.sampled_from(record["members"])))
                term[draw(st.sampled_from(["named", "from", "only", "except", "x"]))] = draw(_values)
                record["members"] = [term]
            else:
                record[draw(st.sampled_from(sorted(record)) | _keys)] = draw(_values)
            real = [record]
        text = yaml.safe_dump(real, allow_unicode=True, sort_keys=False)
    return name, text[:4000]


@pytest.fixture(scope="module")
def builder():
    return build.Builder(SEED, ANNOTATIONS, check_snapshot=False)


def build_one(b: build.Builder, name: str, root: Path) -> None:
    """What the build does with one annotation file."""
    b.root = root
    if name == "countries":
        build.Countries.load(root)
    elif name == "coalitions":
        b.coalitions()
    elif name in ("inconsistencies", "not_coded"):
        getattr(b, name)()
    else:
        b.coded(name)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_any_yaml_document_builds_or_is_refused_in_one_line(builder, document):
    name, text = document
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / f"{name}.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            build_one(builder, name, Path(folder))
        except CourseError as exc:
            assert "\n" not in str(exc) and f"{name}.yaml" in str(exc), str(exc)


@pytest.mark.parametrize("text", [BILLION_LAUGHS, "- event_id: !!python/object/apply:os.system [id]\n"])
def test_cli_refuses_hostile_yaml_in_one_line(tmp_path, text):
    folder = tmp_path / "annotations"
    shutil.copytree(ANNOTATIONS, folder)
    (folder / "events.yaml").write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "warcourse", "build", "--check", "--annotations",
                           str(folder)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "events.yaml:1: not valid YAML" in done.stderr
