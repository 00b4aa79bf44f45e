"""``python -m warcourse render``: run lessons with papermill, write notebooks, HTML and an index.

Every ``-p NAME VALUE`` is checked against every chosen lesson before any
kernel starts (see ``lessons``). Lessons run in parallel worker processes
(papermill changes the working directory of the process it runs in); each
prints one line as it finishes. For a lesson ``NN_topic`` the output folder
gets ``NN_topic.ipynb`` (executed) and ``NN_topic.html``; exercise sets go to
``exercises/`` and ``exercises/solutions/`` below it. ``index.html`` (and the
``index.json`` it is made from) lists every lesson ever rendered into that
folder with its title, parameters, status, time and date.

Every file is written to a temporary file in the same folder and moved into
place, so a failed lesson leaves its previous notebook and HTML untouched; the
index marks it failed and links to that previous render, and its executed
notebook, traceback included, is kept as ``NN_topic.failed.ipynb``. The run
goes on with the other lessons and exits 1 with a summary naming, for each
failure, the cell (``In [N]`` of the executed notebook, the injected
parameters cell included), the error type and message.

In the HTML, an output that carries a text/html fallback next to a widget view
(every exercise and exploration does) shows the fallback and what the widget's
Output areas hold (the figure an exploration drew): a static page has no kernel
to check answers or redraw, and a widget view needs JavaScript from a CDN
(require.js, @jupyter-widgets/html-manager) to show anything. Outputs that are
only a widget keep their view, drawn from the widget state papermill stores in
the notebook.
"""

from __future__ import annotations

import copy
import html
import json
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

import nbformat

from .errors import CourseError, UsageError
from .files import temporary, write_atomic
from .lessons import Lesson, literal, resolve, select
from .notebooks import KERNEL
from .paths import ROOT

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


@dataclass
class Outcome:
    """How one lesson's render went; ``error`` is empty when it went well."""

    lesson: Lesson
    seconds: float
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def _drawn(state: dict, model_id: str) -> list[dict]:
    """The outputs held by Output widgets in the widget tree below ``model_id``, in order."""
    model = state.get(model_id, {})
    fields = model.get("state", {})
    found = list(fields.get("outputs", [])) if model.get("model_name") == "OutputModel" else []
    for child in fields.get("children", []):
        found += _drawn(state, child.removeprefix("IPY_MODEL_"))
    return found


def static_view(nb):
    """A copy of ``nb`` for a page without a kernel.

    An output with a text/html fallback next to a widget view shows the
    fallback, followed by whatever the widget's Output areas hold (a drawn
    figure); other widget views stay. Without any, the widget state is dropped.
    """
    nb = copy.deepcopy(nb)
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    views = 0
    for cell in nb.cells:
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            outputs.append(output)
            if WIDGET_VIEW in data and "text/html" in data:
                view = data.pop(WIDGET_VIEW)
                outputs += [nbformat.from_dict(o) for o in _drawn(state, view.get("model_id", ""))]
            views += WIDGET_VIEW in data
        if "outputs" in cell:
            cell.outputs = outputs
    if not views:
        nb.metadata.pop("widgets", None)
    return nb


def to_html(nb, title: str) -> str:
    """The executed notebook as one HTML page (lab template, images embedded)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", embed_images=True)
    body, _ = exporter.from_notebook_node(static_view(nb), resources={"metadata": {"name": title}})
    return body


def _error(exc: Exception) -> str:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        text = f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
    else:
        text = f"{type(exc).__name__}: {exc}"
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return first if len(first) <= 300 else first[:299] + "…"


def papermill_options() -> dict:
    """How lessons run under papermill (``benchmarks/run.py`` times them the same way).

    Kernels talk over IPC sockets, and papermill does not save the whole output notebook
    around every cell (which cost up to 2 s a lesson).
    """
    from .kernels import AsyncLocalKernelManager

    return {"kernel_name": KERNEL, "progress_bar": False, "log_output": False,
            "request_save_on_cell_execute": False, "kernel_manager_class": AsyncLocalKernelManager}


def render_one(lesson: Lesson, parameters: dict, out: Path, with_html: bool) -> Outcome:
    """Execute ``lesson`` with ``parameters``; write its notebook (and HTML) into ``out``."""
    import papermill

    start = time.perf_counter()
    target = out / f"{lesson.slug}.ipynb"
    failed = target.with_suffix(".failed.ipynb")
    target.parent.mkdir(parents=True, exist_ok=True)
    executed = temporary(target, ".ipynb")
    stage = ""
    try:
        nb = papermill.execute_notebook(str(lesson.path), str(executed), parameters=parameters,
                                        cwd=str(lesson.path.parent), **papermill_options())
        if with_html:
            stage = "HTML export: "
            write_atomic(target.with_suffix(".html"), to_html(nb, lesson.title()).encode("utf-8"))
        os.replace(executed, target)
        failed.unlink(missing_ok=True)
        return Outcome(lesson, time.perf_counter() - start)
    except Exception as exc:  # one lesson's failure must not stop the others
        if executed.exists() and executed.stat().st_size:
            os.replace(executed, failed)
        return Outcome(lesson, time.perf_counter() - start, stage + _error(exc))
    finally:
        executed.unlink(missing_ok=True)


def _run(tasks: list[tuple], jobs: int):
    """Outcomes as lessons finish: in worker processes, or here for a single job."""
    if jobs == 1 or len(tasks) == 1:
        for task in tasks:
            yield render_one(*task)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))
    try:
        futures = {pool.submit(render_one, *task): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # a worker that died
                yield Outcome(futures[future][0], 0.0, _error(exc))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _record(outcome: Outcome, title: str, parameters: dict, with_html: bool, old: dict, today: str,
            out: Path) -> dict:
    record = {"title": title, "parameters": parameters, "seconds": round(outcome.seconds, 1),
              "date": today, "status": "ok" if outcome.ok else "failed", "error": outcome.error}
    if outcome.ok:
        record["link"] = f"{outcome.lesson.slug}.{'html' if with_html else 'ipynb'}"
        record["link_date"] = today
    else:
        kept = old.get("link")
        record["link"] = kept if kept and (out / kept).exists() else None
        record["link_date"] = old.get("link_date") if record["link"] else None
    return record


def index_html(records: dict[str, dict]) -> str:
    """The index page: one row per lesson, linking to its HTML (or notebook)."""
    rows = []
    for slug, r in sorted(records.items()):
        params = ", ".join(f"{name} = {literal(value)}" for name, value in r["parameters"].items())
        status = "ok" if r["status"] == "ok" else f"failed: {r['error']}"
        if r["link"]:
            label = "HTML" if r["link"].endswith(".html") else "notebook"
            if r["status"] != "ok":
                label = f"previous render ({r['link_date']})"
            link = f'<a href="{html.escape(quote(r["link"]))}">{html.escape(label)}</a>'
        else:
            link = "none"
        rows.append(f'<tr class="{r["status"]}"><td><strong>{html.escape(r["title"])}</strong><br>'
                    f'<code>{html.escape(slug)}</code></td><td>{html.escape(params) or "none"}</td>'
                    f'<td>{html.escape(status)}</td><td>{r["seconds"]:.1f} s</td>'
                    f'<td>{html.escape(r["date"])}</td><td>{link}</td></tr>')
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        "<title>Counting a war: rendered lessons</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:.4em .6em;text-align:left;vertical-align:top}"
        "tr.failed td{background:#fde8e8}</style>",
        "</head>", "<body>", "<h1>Counting a war: rendered lessons</h1>",
        "<p>Made with <code>python -m warcourse render</code>.</p>",
        "<table>", "<tr><th>Lesson</th><th>Parameters</th><th>Status</th><th>Time</th>"
        "<th>Rendered</th><th>Open</th></tr>",
        *rows, "</table>", "</body>", "</html>", ""])


def _load_records(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_index(out: Path, records: dict[str, dict]) -> None:
    write_atomic(out / "index.json", (json.dumps(records, indent=1, sort_keys=True) + "\n").encode())
    write_atomic(out / "index.html", index_html(records).encode("utf-8"))


def main(args, root: Path = ROOT) -> int:
    """Render the chosen lessons; 0 when all went well, 1 when any failed."""
    from tqdm import tqdm

    jobs = (os.cpu_count() or 1) if args.jobs is None else args.jobs
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    chosen = select(args.lessons, root, exercises=args.exercises)
    if not chosen:
        raise CourseError(f"no lessons to render: {root / 'notebooks'} holds no NN_topic.ipynb")
    overrides = resolve(chosen, [tuple(pair) for pair in args.parameter])

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    used = {lesson: {name: p.default for name, p in lesson.parameters().items()} | overrides[lesson]
            for lesson in chosen}
    titles = {lesson: lesson.title() for lesson in chosen}
    tasks = [(lesson, overrides[lesson], out, not args.no_html) for lesson in chosen]
    width = max(len(lesson.slug) for lesson in chosen)

    records = _load_records(out / "index.json")
    today = date.today().isoformat()
    failures = []
    with tqdm(total=len(tasks), unit="lesson", file=sys.stderr, disable=None) as bar:
        for outcome in _run(tasks, min(jobs, len(tasks))):
            lesson = outcome.lesson
            line = f"{'ok' if outcome.ok else 'FAIL':<4} {lesson.slug:<{width}} {outcome.seconds:6.1f} s"
            bar.write(line + (f"  {outcome.error}" if outcome.error else ""), file=sys.stdout)
            bar.update()
            records[lesson.slug] = _record(outcome, titles[lesson], used[lesson], not args.no_html,
                                           records.get(lesson.slug, {}), today, out)
            _write_index(out, records)  # after each lesson: an interrupted run leaves a true index
            if not outcome.ok:
                failures.append(outcome)
    print(f"index: {out / 'index.html'}")
    if failures:
        print(f"{len(failures)} of {len(tasks)} lesson(s) failed:", file=sys.stderr)
        for outcome in sorted(failures, key=lambda o: o.lesson.slug):
            kept = out / f"{outcome.lesson.slug}.failed.ipynb"
            where = f" (executed notebook: {kept})" if kept.exists() else ""
            print(f"  {outcome.lesson.slug}: {outcome.error}{where}", file=sys.stderr)
        return 1
    return 0
