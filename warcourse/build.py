"""Build the tables of the data contract from the seed and the annotations.

``build()`` reads everything and validates it before anything is written;
``write()`` replaces each file atomically; ``check()`` compares a fresh build
with the committed files. Every error is a ``CourseError`` naming a file, a
line or a record, and what was expected.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from . import article as article_mod
from . import schema, validate
from .annotations import QuoteIndex, Record, check_fields, records, strip_lines
from .countries import Countries
from .errors import CourseError
from .files import write_atomic
from .numbers import mentions
from .paths import ANNOTATIONS, DATA, SEED, shown

NUMERIC_FIELDS = {
    "coalitions": ("stated_members",),
    "strike_counts": ("value", "low", "high"),
    "deployments": ("value", "low", "high"),
    "casualty_claims": ("low", "high"),
    "strength_estimates": ("low", "high"),
}
ACTOR_FIELDS = ("actor", "led_by")
DATA_VERSION = "2.1.0"  # of the tables' contract: raise it when a column or a vocabulary changes
ARTICLE_URL = "https://en.wikipedia.org/wiki/"
_DATE_RE = re.compile(schema.DATE_PATTERN)
TERM_FIELD = {"named": "named", "excluded": "except", "by_reference": "from"}  # a member term's field per basis


@dataclass(frozen=True)
class Evidence:
    """A quote that the tables rely on, and the numbers it was coded with (none for not_coded quotes)."""

    line: int
    quote: str
    values: frozenset


@dataclass
class Build:
    """The result of a build: rows per table, plus what the coverage report needs."""

    tables: dict[str, list[dict]]
    article: article_mod.Article
    evidence: list[Evidence]  # quotes of coded rows that carry numbers
    excluded: list[Evidence]  # quotes of numbers deliberately not coded


def _date(value, record: Record, column: str) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise record.fail(f"{column} is {value!r}; expected an ISO date like 2014-09-05, 2014-09 or 2014", column)
    padding = {4: "-01-01", 7: "-01", 10: ""}[len(value)]
    try:
        dt.date.fromisoformat(value + padding)
    except ValueError:
        raise record.fail(f"{column} is {value!r}, which is not a real date", column) from None
    return value


def _value(record: Record, column: schema.Column):
    """A field's value, checked against its column's type and categories."""
    value = record.fields.get(column.name)
    if value is None and column.default is not None:
        value = column.default
    if column.type == "date":
        value = _date(value, record, column.name)
    elif value in (None, ""):
        value = None
    elif column.type == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        raise record.fail(f"{column.name} is {value!r}; expected a whole number", column.name)
    elif column.type == "boolean" and not isinstance(value, bool):
        raise record.fail(f"{column.name} is {value!r}; expected true or false", column.name)
    elif column.type == "string":
        if isinstance(value, bool):  # YAML 1.1, which PyYAML reads, makes an unquoted no, yes, on, off a bool
            raise record.fail(f"{column.name} is {str(value).lower()}, not text: YAML reads an unquoted yes, no, "
                              "on, off, true or false as true or false; put the word in quotes, e.g. "
                              f'{column.name}: "{"yes" if value else "no"}"', column.name)
        if not isinstance(value, str):
            raise record.fail(f"{column.name} is {value!r}; expected text (in quotes if YAML reads it as a number)",
                              column.name)
        value = " ".join(value.split())
    if value is None and column.required:
        raise record.fail(f"missing {column.name!r}", column.name)
    if column.enum and value is not None and value not in column.enum:
        raise record.fail(f"{column.name} is {value!r}; expected one of {', '.join(column.enum)} "
                          "(see the codebook in data/README.md)", column.name)
    return value


def _check_bounds(row: dict, record: Record) -> None:
    """``low`` <= ``high``, at least one of them, and ``value`` (where there is one) is one of them."""
    if "low" not in row:
        return
    low, high = row["low"], row["high"]
    if low is None and high is None:
        raise record.fail("low and high are both empty; code at least one bound (see the codebook)")
    if low is not None and high is not None and low > high:
        raise record.fail(f"low {low} is above high {high}", "high")
    if "value" in row and row["value"] not in (low, high):
        raise record.fail(f"value {row['value']} is neither low ({low}) nor high ({high}); "
                          "value is the number the quote states, low and high its bounds", "value")


def _check_attribution(row: dict, record: Record) -> None:
    certainty = row.get("certainty")
    if certainty in ("claimed", "suggested") and not row.get("attributed_to"):
        raise record.fail(f"certainty is {certainty!r} but attributed_to is empty; "
                          "name who claims, suggests or reports it, as the article does", "certainty")


def _inferred(record: Record, table: schema.Table) -> str | None:
    """The ``inferred`` field (a YAML list of column names) as 'a;b' in column order."""
    names = record.fields.get("inferred")
    if names in (None, []):
        return None
    allowed = [c for c in table.column_names if c in schema.INFERABLE]
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise record.fail(f"inferred is {names!r}; expected a list of column names like [date, theater]", "inferred")
    unknown = sorted(set(names) - set(allowed))
    if unknown:
        raise record.fail(f"inferred names {unknown[0]!r}; expected columns of {table.name} that can be inferred: "
                          f"{', '.join(allowed)} (a classification is the coder's reading, never listed; see "
                          "data/README.md)", "inferred")
    missing = [n for n in names if record.fields.get(n) in (None, "")]
    if missing:
        raise record.fail(f"inferred names {missing[0]!r}, which is empty; list only coded values", "inferred")
    return ";".join(c for c in allowed if c in names)


def _check_numbers(table: str, row: dict, record: Record) -> frozenset:
    """Every coded number is in its quote; a claim's ``named`` victims (counted by name or with "a",
    not with a number) are added to the number the quote states, or are the whole count."""
    values = []
    named = row.get("named") or 0
    if named < 0:
        raise record.fail(f"named is {named}; expected the number of victims the quote names (1 or more)", "named")
    for column in NUMERIC_FIELDS.get(table, ()):
        value = row.get(column)
        if value is None:
            continue
        stated = value - named
        if not (stated == 0 and named) and not mentions(row["quote"], stated):
            extra = f" ({value} minus the {named} named)" if named else ""
            raise record.fail(f"{column} {value}{extra} does not appear in its quote (as digits or words): "
                              f"{row['quote']!r}", column)
        values.append(stated if stated else value)
    return frozenset(values)


class Builder:
    """Holds what every table needs while the build runs."""

    def __init__(self, seed: Path, annotations: Path, check_snapshot: bool):
        self.article = article_mod.load(seed, check=check_snapshot)
        self.root = annotations
        self.quotes = QuoteIndex(self.article)
        self.countries = Countries.load(annotations)
        self.evidence: list[Evidence] = []
        self.ids: dict[str, set] = {}  # the ids of each coded table built so far

    def coded(self, table_name: str, extra: tuple[str, ...] = ()) -> tuple[list[dict], list[Record]]:
        """Rows of a coded table from its YAML, validated column by column."""
        table = schema.TABLES[table_name]
        fields = set(table.column_names) - {"line"}
        rows, recs = [], records(table_name, self.root)
        for record in recs:
            check_fields(record, fields | set(extra), {"quote"})
            row = {c.name: _value(record, c) for c in table.columns if c.name not in ("line", "inferred")}
            if "inferred" in table.column_names:
                row["inferred"] = _inferred(record, table)
            row["line"] = self.quotes.locate(row["quote"], record)
            for column in ACTOR_FIELDS:
                if row.get(column):
                    row[column] = self._actor(row[column], column, record)
            validate.row(table, row, record)
            _check_bounds(row, record)
            _check_attribution(row, record)
            values = _check_numbers(table_name, row, record)
            if values:
                self.evidence.append(Evidence(row["line"], row["quote"], values))
            rows.append({c: row[c] for c in table.column_names})
        self.ids[table_name] = {r[table.primary_key[0]] for r in rows}
        return rows, recs

    def _actor(self, spelling: str, column: str, record: Record) -> str:
        """A country's canonical name, or one of the organisations of ``schema.ACTORS``."""
        name = self.countries.actor(spelling)
        if name not in schema.ACTORS and self.countries.code(name) is None:
            raise record.fail(f"{column} is {spelling!r}; expected a country of countries.yaml or one of "
                              f"{', '.join(schema.ACTORS)} (see the codebook)", column)
        return name

    def coalitions(self) -> tuple[list[dict], list[dict]]:
        """Coalitions and their members, membership by reference resolved by set operations."""
        rows, recs = self.coded("coalitions", extra=("members",))
        known = {r["coalition_id"] for r in rows}
        members: dict[str, dict[str, dict]] = {}
        for row, record in zip(rows, recs):
            members[row["coalition_id"]] = self._members(row["coalition_id"], record, members, known)
        flat = [m for cid in members for m in members[cid].values()]
        return rows, flat

    def _members(self, cid: str, record: Record, done: dict, known: set) -> dict[str, dict]:
        terms = record.fields.get("members") or []
        if not isinstance(terms, list):
            raise record.fail("members must be a list of terms (named: [...] or from: <coalition_id>)", "members")
        result: dict[str, dict] = {}
        excluded: dict[str, dict] = {}
        for term in terms:
            term_rec = Record(term, record.file, term.get("__line__", record.yaml_line)) \
                if isinstance(term, dict) else record
            if not isinstance(term, dict):
                raise record.fail(f"member term {term!r} must be a mapping", "members")
            check_fields(term_rec, {"named", "from", "only", "except", "quote"}, {"quote"})
            validate.member_term(term, term_rec)
            line = self.quotes.locate(term["quote"], term_rec)

            def row(spelling, basis, term_rec=term_rec, line=line, quote=term["quote"]):
                name, code = self.countries.resolve(spelling, term_rec.label(TERM_FIELD[basis]))
                return name, {"coalition_id": cid, "country": name, "iso3": code, "basis": basis,
                              "line": line, "quote": quote}

            if "named" in term:
                for spelling in term["named"] or []:
                    name, r = row(spelling, "named")
                    result.setdefault(name, r)
            if "from" in term:
                ref = term["from"]
                if ref not in known:
                    raise term_rec.fail(f"refers to unknown coalition {ref!r}", "from")
                if ref not in done:
                    raise term_rec.fail(f"refers to {ref!r}, which must be defined earlier in the file", "from")
                only = term.get("only")
                if only not in (None, "named"):
                    raise term_rec.fail(f"only is {only!r}; expected 'named'", "only")
                source = {n for n, m in done[ref].items()
                          if m["basis"] != "excluded" and (only is None or m["basis"] == "named")}
                drop = {self.countries.canonical(s) for s in term.get("except") or []}
                for name in sorted(source - drop):
                    result.setdefault(name, row(name, "by_reference")[1])
            for spelling in term.get("except") or []:
                name, r = row(spelling, "excluded")
                excluded[name] = r
        for name, r in excluded.items():
            result.pop(name, None)
            result[name] = r
        return result

    def inconsistencies(self) -> list[dict]:
        table = schema.TABLES["inconsistencies"]
        out = []
        for record in records("inconsistencies", self.root):
            check_fields(record, {"issue_id", "kind", "quotes", "description", "records", "lesson"},
                         {"issue_id", "kind", "quotes", "description", "lesson"})
            quotes = record.fields["quotes"]
            if not isinstance(quotes, list) or not quotes:
                raise record.fail("quotes must be a list of the passages involved", "quotes")
            lines = sorted({self.quotes.locate(q, record) for q in quotes})
            record.fields["lesson"] = str(record.fields["lesson"]).zfill(2)
            row = {c.name: _value(record, c) for c in table.columns if c.name not in ("lines", "records")}
            row["lines"] = ";".join(map(str, lines))
            validate.row(table, row, record)
            row["records"] = self._named_records(record)
            out.append({c: row[c] for c in table.column_names})
        return out

    def _named_records(self, record: Record) -> str | None:
        """An inconsistency's ``records`` ({table: [id, ...]}) as 'table:id;...', each id checked."""
        named = strip_lines(record.fields.get("records"))
        if named is None:
            return None
        if not isinstance(named, dict) or not all(isinstance(v, list) for v in named.values()):
            raise record.fail("records must map a table to a list of its ids, like {casualty_claims: [a, b]}",
                              "records")
        out = []
        for table, ids in named.items():
            if table not in self.ids:
                raise record.fail(f"records names table {table!r}; expected one of {', '.join(self.ids)}", "records")
            for ident in ids:
                if ident not in self.ids[table]:
                    raise record.fail(f"records names {table}:{ident}, which is not a row of {table}", "records")
                out.append(f"{table}:{ident}")
        return ";".join(out) or None

    def not_coded(self) -> list[Evidence]:
        out = []
        for record in records("not_coded", self.root):
            check_fields(record, {"quote", "reason"}, {"quote", "reason"})
            line = self.quotes.locate(record.fields["quote"], record)
            out.append(Evidence(line, record.fields["quote"], frozenset()))
        return out

    def involvement(self) -> list[dict]:
        rows = []
        for cell in article_mod.involvement_rows(self.article):
            name, code = self.countries.resolve(cell["country"], f"{self.article.path}:{cell['line']}")
            rows.append({"country": name, "iso3": code, "theater": cell["theater"],
                         "involved": cell["involved"], "raw_cell": cell["raw_cell"],
                         "line": cell["line"], "quote": self.article.passage(cell["line"]).text})
        return rows


def _check_keys(tables: dict[str, list[dict]]) -> None:
    for name, rows in tables.items():
        table = schema.TABLES[name]
        seen = set()
        for row in rows:
            key = tuple(row[k] for k in table.primary_key)
            if key in seen:
                raise CourseError(f"{name}: duplicate key {', '.join(map(str, key))} "
                                  f"({', '.join(table.primary_key)} must be unique)")
            seen.add(key)
        for column, other, other_column in table.foreign_keys:
            targets = {r[other_column] for r in tables[other]}
            for row in rows:
                if row[column] is not None and row[column] not in targets:
                    raise CourseError(f"{name}: {column} {row[column]!r} is not in {other}.{other_column}")


def _check_links(claims: list[dict]) -> None:
    """``part_of`` and ``sum_of`` name other claims, never the row itself; a sum's parts are part of it."""
    ids = {c["claim_id"] for c in claims}
    for claim in claims:
        me = claim["claim_id"]
        parts = (claim["sum_of"] or "").split(";") if claim["sum_of"] else []
        for other in [claim["part_of"], *parts]:
            if other == me:
                raise CourseError(f"casualty_claims: {me} names itself in part_of or sum_of")
            if other is not None and other not in ids:
                raise CourseError(f"casualty_claims: {me} names {other!r} in sum_of, which is not a claim_id")
        if len(parts) == 1:
            raise CourseError(f"casualty_claims: {me} is the sum_of one claim; name every part, or use part_of")


def build(seed: Path = SEED, annotations: Path = ANNOTATIONS, *, check_snapshot: bool = True) -> Build:
    """Read the seed and the annotations, validate everything, return the tables in memory."""
    b = Builder(seed, annotations, check_snapshot)
    coalitions, members = b.coalitions()
    tables = {
        "passages": [asdict(p) for p in b.article.passages],
        "involvement": b.involvement(),
        "coalitions": coalitions,
        "coalition_members": members,
        "events": b.coded("events")[0],
        "strike_counts": b.coded("strike_counts")[0],
        "deployments": b.coded("deployments")[0],
        "casualty_claims": b.coded("casualty_claims")[0],
        "strength_estimates": b.coded("strength_estimates")[0],
        "inconsistencies": b.inconsistencies(),
    }
    excluded = b.not_coded()
    tables["countries"] = b.countries.rows()
    tables = {name: _sorted(name, rows) for name, rows in tables.items()}
    _check_keys(tables)
    _check_links(tables["casualty_claims"])
    return Build(tables, b.article, b.evidence, excluded)


def _sorted(name: str, rows: list[dict]) -> list[dict]:
    table = schema.TABLES[name]
    if name == "involvement":
        order = schema.INVOLVEMENT_THEATERS
        return sorted(rows, key=lambda r: (r["country"], order.index(r["theater"])))
    if "line" in table.column_names and name != "passages":
        return sorted(rows, key=lambda r: (r["line"], *(str(r[k]) for k in table.primary_key)))
    return sorted(rows, key=lambda r: tuple(r[k] for k in table.primary_key))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(name: str, rows: list[dict]) -> bytes:
    """A table as CSV bytes: contract column order, '\\n' line ends, empty cell for missing."""
    columns = schema.TABLES[name].column_names
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
    return buffer.getvalue().encode("utf-8")


def datapackage(front_matter: dict) -> bytes:
    """``data/datapackage.json``: every table's schema, keys, licence, source, version and citation.

    The seed's front matter gives the title and the snapshot time; it holds no revision id, so the
    source is the live article's address with the snapshot time (see the codebook)."""
    resources = []
    for name, table in schema.TABLES.items():
        fields = []
        for c in table.columns:
            field = {"name": c.name, "type": "string" if c.type == "date" else c.type,
                     "description": c.description}
            constraints = {}
            if c.required:
                constraints["required"] = True
            if c.enum:
                constraints["enum"] = list(c.enum)
            if c.pattern:
                constraints["pattern"] = c.pattern
            if constraints:
                field["constraints"] = constraints
            if c.type == "boolean":
                field["trueValues"], field["falseValues"] = ["true"], ["false"]
            fields.append(field)
        table_schema = {"fields": fields, "missingValues": [""], "primaryKey": list(table.primary_key)}
        if table.foreign_keys:
            table_schema["foreignKeys"] = [
                {"fields": col, "reference": {"resource": "" if other == name else other, "fields": other_col}}
                for col, other, other_col in table.foreign_keys]
        resources.append({
            "name": name, "path": f"tables/{name}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": table.description, "schema": table_schema,
        })
    subject, snapshot = front_matter.get("subject", ""), str(front_matter.get("pubDate", ""))
    url = ARTICLE_URL + subject.replace(" ", "_")
    package = {
        "profile": "tabular-data-package",
        "name": "counting-a-war",
        "version": DATA_VERSION,
        "title": f"Counting a war: tables coded from the Wikipedia article '{subject}' "
                 f"(snapshot of {snapshot[:10]})",
        "citation": f"Counting a war, data tables version {DATA_VERSION}, coded from Wikipedia "
                    f"contributors, '{subject}', Wikipedia, snapshot of {snapshot}, {url} "
                    "(the snapshot records no revision id); CC BY-SA 4.0.",
        "licenses": [{"name": "CC-BY-SA-4.0", "title": "Creative Commons Attribution-ShareAlike 4.0",
                      "path": "https://creativecommons.org/licenses/by-sa/4.0/"}],
        "sources": [{"title": f"{subject} (Wikipedia, snapshot of {snapshot}; no revision id recorded)",
                     "path": url}],
        "resources": resources,
    }
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def outputs(result: Build) -> dict[str, bytes]:
    """Every generated file, relative to ``data/``, as bytes."""
    files = {f"tables/{name}.csv": to_csv(name, rows) for name, rows in result.tables.items()}
    files["datapackage.json"] = datapackage(result.article.front_matter)
    return files


def write(files: dict[str, bytes], data_dir: Path = DATA) -> list[str]:
    """Write the files atomically (each to a temporary file, then renamed); return those that changed."""
    changed = []
    for relative, content in sorted(files.items()):
        target = data_dir / relative
        if target.exists() and target.read_bytes() == content:
            continue
        try:
            write_atomic(target, content)
        except OSError as exc:
            raise CourseError(f"{shown(target)}: cannot write ({exc.strerror or exc}); "
                              "check that the folder exists and is writable") from None
        changed.append(relative)
    return changed


def differences(files: dict[str, bytes], data_dir: Path = DATA) -> list[str]:
    """How the committed files differ from a fresh build, one line each (empty when equal)."""
    problems = []
    for relative, content in sorted(files.items()):
        target = data_dir / relative
        if not target.exists():
            problems.append(f"{shown(target)}: missing; run `python -m warcourse build`")
            continue
        committed = target.read_bytes()
        if committed == content:
            continue
        if relative.startswith("tables/"):
            from . import data  # pandas, only when a committed table differs

            unreadable = data.problem(relative.removeprefix("tables/").removesuffix(".csv"), target)
            if unreadable:
                problems.append(unreadable)
                continue
        old = committed.decode("utf-8", "replace").split("\n")
        new = content.decode("utf-8").split("\n")
        if old != new:
            row = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
            problems.append(f"{shown(target)}: differs from a fresh build at row {row} "
                            f"(committed {old[row] if row < len(old) else '<end>'!r:.80}, "
                            f"fresh {new[row] if row < len(new) else '<end>'!r:.80}); "
                            "run `python -m warcourse build`")
    return problems


def not_coded_reasons(annotations: Path = ANNOTATIONS) -> list[dict]:
    """The ``not_coded.yaml`` entries, for the codebook."""
    return [strip_lines(r.fields) for r in records("not_coded", annotations)]
