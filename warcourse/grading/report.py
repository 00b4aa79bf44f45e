"""The gradebook: long (student × question) and wide (a student per row) tables, as CSV and HTML.

Files, named after ``--out NAME.csv``: ``NAME.csv`` (long: one row per file and question, or one row
saying why a file was not graded), ``NAME-students.csv`` (wide: each question's result, the number
right and "n of N"), ``NAME-summary.csv`` (per question: how many files got it right, wrong, left it
unanswered or missing, and the most common wrong answer), and ``NAME.html`` with all three and, for
lesson 05, each student's brief with its review. A CSV cell that begins with ``=``, ``+``, ``-``,
``@`` (or a tab or carriage return) gets a leading ``'`` so a spreadsheet shows it as text. The HTML
comes from one Jinja2 template with autoescaping; a cell's colour comes from the verdict, never from
its text.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

RESULTS = ("right", "wrong", "unanswered", "missing")
LONG = ["student", "file", "notebook", "mode", "parameters", "status", "question", "version", "result", "tries",
        "hints", "solution first", "answer", "via", "note"]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")

TEMPLATE = """{% macro table(rows) -%}
<table><thead><tr>{% if rows %}{% for column in rows[0] %}<th scope="col">{{ column }}</th>{% endfor %}{% endif %}
</tr></thead><tbody>
{% for row in rows %}<tr>{% for column, value in row.items() %}
<td class="{{ classes.get(row.get('result'), '') if column == 'result' else '' }}">{{ value }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table>
{%- endmacro %}
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<style>
body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;margin-bottom:2em}
th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}
td.v-right{background:#e6f2e6}td.v-wrong{background:#f8e3e3}td.v-unanswered{background:#f2f2f2}
td.v-missing{background:#fff3d6}.brief{border:1px solid #bbb;padding:.5em 1em;margin-bottom:1.5em}
</style></head><body>
<h1>{{ title }}</h1>
{% for notebook, table in wide %}
<h2>Per student: {{ notebook }}</h2>
<table><thead><tr>{% for column in table.columns %}<th scope="col">{{ column }}</th>{% endfor %}</tr></thead><tbody>
{% for cells in table.cells %}<tr>{% for value, css in cells %}<td class="{{ css }}">{{ value }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table>
{% endfor %}
{% if briefs %}<h2>Briefs (lesson 05) and their review</h2>
{% for brief in briefs %}<section class="brief"><h3>{{ brief.student }}: {{ brief.findings }} finding(s)</h3>
{{ brief.html }}</section>
{% endfor %}{% endif %}
<h2>Per question</h2>
{{ table(summary) }}
<h2>Every file and question</h2>
{{ table(long) }}
</body></html>
"""
CLASSES = {result: f"v-{result}" for result in RESULTS}


def long_rows(submissions) -> list[dict]:
    """One row per file and question; a file not graded gets one row saying why."""
    table = []
    for sub in submissions:
        common = {"student": sub.student, "file": str(sub.path), "notebook": sub.notebook, "mode": sub.mode,
                  "parameters": ", ".join(f"{k}={v!r}" for k, v in sub.parameters.items()),
                  "status": sub.status, "note": sub.note}
        if not sub.rows:
            table.append({**common, "result": "not graded"})
        table += [{**common, **row, "note": "; ".join(filter(None, [sub.note, row.get("note", "")]))}
                  for row in sub.rows]
    return [{column: row.get(column, "") for column in LONG} for row in table]


def wide_rows(submissions) -> list[tuple[str, dict]]:
    """Per course notebook: a row per student with each question's result, the number right and "n of N"."""
    groups: dict[str, list] = {}
    for sub in submissions:
        groups.setdefault(sub.notebook or "(not identified)", []).append(sub)
    tables = []
    for notebook, members in groups.items():
        questions = list(dict.fromkeys(row["question"] for sub in members for row in sub.rows))
        rows, cells = [], []
        for sub in members:
            results = {row["question"]: row["result"] for row in sub.rows}
            right = sum(result == "right" for result in results.values())
            rows.append({"student": sub.student, "status": sub.status, **{q: results.get(q, "") for q in questions},
                         "right": right if sub.rows else "", "score": f"{right} of {len(sub.rows)}" if sub.rows else "",
                         "note": sub.note})
        columns = ["student", "status", *questions, "right", "score", "note"]
        for row in rows:  # (text, CSS class from the verdict) per cell
            cells.append([(row[c], CLASSES.get(row[c], "") if c in questions else "") for c in columns])
        tables.append((notebook, {"columns": columns, "rows": rows, "cells": cells}))
    return tables


def summary_rows(long: list[dict]) -> list[dict]:
    """Per notebook and question: files, how many right, wrong, unanswered, missing; the most common wrong answer."""
    groups: dict[tuple, list[dict]] = {}
    for row in long:
        if row["question"]:
            groups.setdefault((row["notebook"], row["parameters"], row["question"]), []).append(row)
    result = []
    for (notebook, parameters, question), members in groups.items():
        counts = Counter(row["result"] for row in members)
        wrong = Counter(row["answer"] for row in members if row["result"] == "wrong")
        common, times = wrong.most_common(1)[0] if wrong else ("", 0)
        result.append({"notebook": notebook, "parameters": parameters, "question": question, "files": len(members),
                       **{name: counts[name] for name in RESULTS}, "most common wrong answer": common,
                       "given by": times or ""})
    return result


def neutral(value: object) -> object:
    """A CSV cell a spreadsheet will not run as a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA) else value


def csv_text(rows: list[dict], columns: list[str] | None = None, header: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns or (list(rows[0]) if rows else LONG), lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows({key: neutral(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue()


def wide_csv(tables: list[tuple[str, dict]]) -> str:
    """Every notebook's wide table in one CSV (a notebook column first; questions of other notebooks blank)."""
    columns = ["notebook"] + list(dict.fromkeys(c for _, table in tables for c in table["columns"]))
    rows = [{"notebook": notebook, **row} for notebook, table in tables for row in table["rows"]]
    return csv_text(rows, columns)


def html(submissions, title: str = "Gradebook") -> str:
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    long = long_rows(submissions)
    briefs = [{"student": sub.student, "findings": sub.brief["findings"], "html": jinja2.utils.markupsafe.Markup(
        sub.brief["html"])} for sub in submissions if sub.brief]
    return env.from_string(TEMPLATE).render(title=title, wide=wide_rows(submissions), long=long,
                                            summary=summary_rows(long), briefs=briefs, classes=CLASSES).lstrip()


def outputs(out: Path) -> dict[str, Path]:
    """The files a gradebook is written to, named after ``out``."""
    return {"long": out, "wide": out.with_name(f"{out.stem}-students.csv"),
            "summary": out.with_name(f"{out.stem}-summary.csv"), "html": out.with_suffix(".html")}


def write(submissions, out: Path) -> dict[str, Path]:
    """Write every file of the gradebook (each atomically)."""
    from ..files import write_atomic

    files = outputs(out)
    long = long_rows(submissions)
    write_atomic(files["long"], csv_text(long, LONG).encode("utf-8"))
    write_atomic(files["wide"], wide_csv(wide_rows(submissions)).encode("utf-8"))
    write_atomic(files["summary"], csv_text(summary_rows(long)).encode("utf-8"))
    write_atomic(files["html"], html(submissions).encode("utf-8"))
    return files
