"""``python -m warcourse render``: run lessons with papermill, write notebooks, HTML and an index.

Every ``-p NAME VALUE`` is checked against every chosen lesson before any
kernel starts (see ``catalogue``). Lessons run in parallel worker processes
(papermill changes the working directory of the process it runs in); each
prints one line as it finishes. For a lesson ``NN_topic`` the output folder
gets ``NN_topic.ipynb`` (executed) and ``NN_topic.html``; exercise sets go to
``exercises/`` and ``exercises/solutions/`` below it. ``index.html`` (and the
``index.json`` it is made from) lists every lesson ever rendered into that
folder with its title, parameters, status, time and date.

``index.json`` is read and written under a lock (on the output folder) and merged
record by record, so two renders into the same folder at once keep each
other's lessons. A folder that is not one, cannot be written, or holds an
``index.json`` that is not an index is refused before any lesson runs.

Every file is written to a temporary file in the same folder and moved into
place, so a failed lesson leaves its previous notebook and HTML untouched; the
index marks it failed and links to that previous render, and its executed
notebook, traceback included, is kept as ``NN_topic.failed.ipynb``. The run
goes on with the other lessons and exits 1 with a summary naming, for each
failure, the cell (``In [N]`` of the executed notebook, the injected
parameters cell included), the error type and message.

Ctrl-C (SIGINT to the whole process group or to the main process alone) stops
the run: the main process sends SIGTERM to its workers, each worker kills the
kernels it started and removes their connection files and IPC sockets and its
temporary files, and the command exits 130. Lessons finished before stay on
disk and in the index; the others keep their previous files.

In the HTML (see ``handout``), an output that carries a text/html fallback next
to a widget view (every exercise and exploration does) shows the fallback and
what the widget's Output areas hold (the figure an exploration drew): a static
page has no kernel to check answers or redraw. A widget view without such a
fallback shows its text form: drawing it would need JavaScript from a CDN, and
handouts work offline.
"""

from __future__ import annotations

import contextlib
import copy
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
import weakref
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

import jinja2
import nbformat

from . import handout, notebooks
from .catalogue import Lesson, discover, literal, resolve, select
from .errors import CourseError, UsageError, first_line
from .files import temporary, write_atomic
from .kernels import AsyncLocalKernelManager
from .mime import WIDGET_STATE, WIDGET_VIEW
from .notebooks import KERNEL
from .paths import ROOT

STOP_WAIT = 20  # seconds papermill, or a worker, gets to give up after an interrupt


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
    """A copy of ``nb`` for a page without a kernel and without scripts.

    An output with a text/html fallback next to a widget view shows the
    fallback, followed by whatever the widget's Output areas hold (a drawn
    figure); any other widget view shows its other forms (its text), and an
    output that is nothing but a widget view is left out. The widget state goes.
    """
    nb = copy.deepcopy(nb)
    state = nb.metadata.pop("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell in nb.cells:
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            view = data.pop(WIDGET_VIEW, None)
            if data or view is None:
                outputs.append(output)
            if view is not None and "text/html" in data:
                outputs += [nbformat.from_dict(o) for o in _drawn(state, view.get("model_id", ""))]
        if "outputs" in cell:
            cell.outputs = outputs
    return nb


def to_html(nb, title: str, nav: str, lesson: Lesson | None = None) -> str:
    """The executed notebook as an offline handout (see ``handout``), images embedded; ``nav``
    holds the links of its navigation bars (``handout.navigation``); the links of ``lesson``'s text to
    other lessons and course pages point at their pages in the render folder."""
    page = handout.page(static_view(nb), title, nav)
    return page if lesson is None else handout.relinked(page, lesson.path, lesson.slug)


def _error(exc: Exception) -> str:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        first = f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}".strip().splitlines()[0]
    else:
        first = first_line(exc)
    return first if len(first) <= 300 else first[:299] + "…"


class QuietKernelManager(AsyncLocalKernelManager):
    """A kernel manager that shuts its kernel down without interrupting it first, and that
    can kill every kernel it started in this process (``kill_kernels``).

    jupyter_client sends SIGINT before the shutdown request, and an idle ipykernel answers
    it by logging "KeyboardInterrupt caught in kernel." on the render's terminal. The kernel's
    own stdout and stderr (its log, not the cells' outputs, which papermill stores) go nowhere,
    so neither that nor a kernel killed by Ctrl-C writes on the terminal.
    """

    live: weakref.WeakSet = weakref.WeakSet()

    async def start_kernel(self, **kw):
        QuietKernelManager.live.add(self)
        kw.setdefault("stdout", subprocess.DEVNULL)
        kw.setdefault("stderr", subprocess.DEVNULL)
        await super().start_kernel(**kw)

    async def _async_interrupt_kernel(self):
        if not self.shutting_down:
            await super()._async_interrupt_kernel()


def kill_kernels() -> None:
    """Kill the kernels this process started and remove their connection files and IPC sockets."""
    for manager in list(QuietKernelManager.live):
        process = getattr(manager.provisioner, "process", None)
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        manager.cleanup_connection_file()
        manager.cleanup_ipc_files()
        QuietKernelManager.live.discard(manager)


def papermill_options() -> dict:
    """How lessons run under papermill (``benchmarks/run.py`` times them the same way).

    Kernels talk over IPC sockets and shut down quietly, and papermill does not save the whole
    output notebook around every cell (which cost up to 2 s a lesson).
    """
    return {"kernel_name": KERNEL, "progress_bar": False, "log_output": False,
            "request_save_on_cell_execute": False, "kernel_manager_class": QuietKernelManager}


def render_one(lesson: Lesson, parameters: dict, out: Path, with_html: bool, nav: str | None = None) -> Outcome:
    """Execute ``lesson`` with ``parameters``; write its notebook (and HTML, with the links
    ``nav``, by default to the index only) into ``out``.

    Interrupted (KeyboardInterrupt), it kills its kernel and leaves no file behind.
    """
    from papermill.exceptions import PapermillExecutionError

    start = time.perf_counter()
    target = out / f"{lesson.slug}.ipynb"
    failed = target.with_suffix(".failed.ipynb")
    target.parent.mkdir(parents=True, exist_ok=True)
    executed = temporary(target, ".ipynb")
    stage = ""
    try:
        nb = notebooks.tidy(_execute(lesson, parameters, executed), run_numbers=True)  # as `execute` stores it
        notebooks.write(nb, executed)
        if with_html:
            stage = "HTML export: "
            page = to_html(nb, lesson.title(), nav or handout.navigation(lesson.slug, None, None), lesson)
            write_atomic(target.with_suffix(".html"), page.encode("utf-8"))
        os.replace(executed, target)
        failed.unlink(missing_ok=True)
        return Outcome(lesson, time.perf_counter() - start)
    except Exception as exc:  # one lesson's failure must not stop the others
        if isinstance(exc, PapermillExecutionError):  # papermill wrote the whole notebook first
            os.replace(executed, failed)
        return Outcome(lesson, time.perf_counter() - start, stage + _error(exc))
    finally:
        executed.unlink(missing_ok=True)


def _execute(lesson: Lesson, parameters: dict, executed: Path):
    """papermill's run of ``lesson`` into ``executed``, in a thread of its own.

    nbclient, in the main thread, would catch SIGINT and SIGTERM itself (to shut its kernel
    down, and then wait on); in a thread it cannot, so an interrupt reaches this thread, which
    kills the kernel (and any kernel still starting) until papermill gives up, then lets the
    KeyboardInterrupt go on.
    """
    import papermill

    result = {}

    def run():
        try:
            result["nb"] = papermill.execute_notebook(str(lesson.path), str(executed), parameters=parameters,
                                                      cwd=str(lesson.path.parent), **papermill_options())
        except BaseException as exc:  # handed to the caller's thread
            result["error"] = exc

    thread = threading.Thread(target=run, name=f"papermill {lesson.slug}", daemon=True)
    thread.start()
    try:
        thread.join()
    except BaseException:
        deadline = time.monotonic() + STOP_WAIT
        while thread.is_alive() and time.monotonic() < deadline:
            kill_kernels()  # again and again: a kernel may have been starting
            thread.join(0.5)
        kill_kernels()
        raise
    if "error" in result:
        raise result["error"]
    return result["nb"]


_busy = False  # a worker process is rendering a lesson


def _ignore(signum, frame):
    """A handler that does nothing (SIG_IGN set while a signal is pending makes Python raise)."""


def _stop_worker(signum, frame):
    """SIGTERM or SIGINT in a worker: interrupt the lesson it renders (once: Ctrl-C reaches a
    worker and its main process, which then sends SIGTERM), or end an idle worker."""
    if _busy:
        signal.signal(signal.SIGTERM, _ignore)
        signal.signal(signal.SIGINT, _ignore)
        raise KeyboardInterrupt
    os._exit(128 + signum)


def _in_worker(*task) -> Outcome:
    """``render_one`` in a worker process; interrupted, the worker ends once it has cleaned up."""
    global _busy
    _busy = True
    try:
        return render_one(*task)
    except KeyboardInterrupt:
        os._exit(130)
    finally:
        _busy = False


def _start_worker() -> None:
    signal.signal(signal.SIGTERM, _stop_worker)
    signal.signal(signal.SIGINT, _stop_worker)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop every worker (SIGTERM, then SIGKILL after STOP_WAIT seconds) and cancel what is queued;
    a second Ctrl-C meanwhile does not cut this short."""
    previous = signal.signal(signal.SIGINT, _ignore)
    processes = list((pool._processes or {}).values())  # the executor has no public list of them
    for process in processes:
        if process.is_alive():
            os.kill(process.pid, signal.SIGTERM)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(STOP_WAIT)
        if process.is_alive():
            process.kill()
            process.join()
    signal.signal(signal.SIGINT, previous)


def _run(tasks: list[tuple], jobs: int):
    """Outcomes as lessons finish: in worker processes, or here for a single job.

    Closed early (an interrupt, an error in the caller), it stops the workers first.
    """
    if jobs == 1 or len(tasks) == 1:
        for task in tasks:
            yield render_one(*task)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker)
    try:
        futures = {pool.submit(_in_worker, *task): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # a worker that died
                yield Outcome(futures[future][0], 0.0, _error(exc))
    except BaseException:
        _stop(pool)
        raise
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


INDEX = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string("""\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Counting a war: rendered lessons</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}\
td,th{border:1px solid #999;padding:.4em .6em;text-align:left;vertical-align:top}\
tr.failed td{background:#fde8e8}a{color:#0d47a1;text-decoration:underline}</style>
</head>
<body>
<main>
<h1>Counting a war: rendered lessons</h1>
<p>Made with <code>python -m warcourse render</code>.</p>
<table>
<tr><th>Lesson</th><th>Parameters</th><th>Status</th><th>Time</th><th>Rendered</th><th>Open</th></tr>
{% for row in rows %}\
<tr class="{{ 'ok' if row.ok else 'failed' }}"><td><strong>{{ row.title }}</strong><br><code>{{ row.slug }}</code></td>\
<td>{{ row.parameters or 'none' }}</td><td>{{ row.status }}</td>\
<td>{{ '%.1f' % row.seconds }} s</td><td>{{ row.date }}</td>\
<td>{% if row.href %}<a href="{{ row.href }}">{{ row.label }}</a>{% else %}none{% endif %}</td></tr>
{% endfor %}\
</table>
</main>
</body>
</html>
""")
"""The index page's template (Jinja2, every value escaped)."""


def index_html(records: dict[str, dict]) -> str:
    """The index page: one row per lesson, linking to its HTML (or notebook)."""
    rows = []
    for slug, r in sorted(records.items()):
        ok = r["status"] == "ok"
        label = "HTML" if (r["link"] or "").endswith(".html") else "notebook"
        rows.append({
            "slug": slug, "title": r["title"], "ok": ok, "seconds": r["seconds"], "date": r["date"],
            "parameters": ", ".join(f"{name} = {literal(value)}" for name, value in r["parameters"].items()),
            "status": "ok" if ok else f"{r['status']}: {r['error']}",
            "href": quote(r["link"]) if r["link"] else None,
            "label": label if ok else f"previous render ({r['link_date']})",
        })
    return INDEX.render(rows=rows)


FIELDS = {"title": (str,), "parameters": (dict,), "seconds": (int, float), "date": (str,),
          "status": (str,), "error": (str,), "link": (str, type(None)), "link_date": (str, type(None))}


def load_index(out: Path) -> dict[str, dict]:
    """The records of ``out/index.json`` ({} when there is none); CourseError when it is no index."""
    path = out / "index.json"
    fix = "fix or delete it (the next render writes a new one)"
    try:
        records = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise CourseError(f"{path}: cannot read it as JSON ({exc}); {fix}") from None
    if not isinstance(records, dict):
        raise CourseError(f"{path}: expected an object of lessons, found {type(records).__name__}; {fix}")
    for slug, record in records.items():
        if not isinstance(record, dict):
            raise CourseError(f"{path}: the record of {slug!r} is not an object; {fix}")
        for field, kinds in FIELDS.items():
            value = record.get(field, KeyError)
            if value is KeyError:
                raise CourseError(f"{path}: the record of {slug!r} has no {field!r}; {fix}")
            if not isinstance(value, kinds) or isinstance(value, bool):
                expected = " or ".join("null" if k is type(None) else k.__name__ for k in kinds)
                raise CourseError(f"{path}: {field!r} of {slug!r} is {value!r}, expected {expected}; {fix}")
    return records


@contextlib.contextmanager
def _locked(out: Path):
    """Hold a lock on the folder ``out`` itself (another render into ``out`` waits for it), so no lock file is
    left among the pages; on Windows, which has no ``fcntl``, renders into one folder at once are not protected."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    folder = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)  # closing it releases the lock


def _update_index(out: Path, slug: str, make_record) -> None:
    """Under the lock: read the index, set ``slug``'s record to ``make_record(old record)``, write it."""
    with _locked(out):
        records = load_index(out)
        records[slug] = make_record(records.get(slug, {}))
        try:
            write_atomic(out / "index.json", (json.dumps(records, indent=1, sort_keys=True) + "\n").encode())
            write_atomic(out / "index.html", index_html(records).encode("utf-8"))
        except OSError as exc:
            raise CourseError(f"cannot write the index in {out} ({exc.strerror or exc}); the lessons "
                              "rendered so far are on disk, the others untouched") from None


def prepare(out: Path) -> dict[str, dict]:
    """Create ``out`` and check it can be written and holds a valid index; return its records."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file, not a folder")
    blocking = next((p for p in out.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise UsageError(f"--out {out} lies under {blocking}, which is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        temporary(out / "index.json").unlink()
    except OSError as exc:
        raise UsageError(f"--out {out} cannot be written ({exc.strerror or exc})") from None
    with _locked(out):
        return load_index(out)


def neighbours(lesson: Lesson, course: list[Lesson], available: set[str]) -> str:
    """The navigation links of ``lesson``'s page: the index, and the previous and next notebook
    of the same kind in the course whose page is in ``available`` (slugs)."""
    same = [other for other in course if other.kind == lesson.kind]
    around = {"previous": None, "following": None}
    if lesson in same:
        at = same.index(lesson)
        for key, others in (("previous", reversed(same[:at])), ("following", same[at + 1:])):
            found = next((o for o in others if o.slug in available), None)
            around[key] = (found.slug, found.title()) if found else None
    return handout.navigation(lesson.slug, around["previous"], around["following"])


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
    records = prepare(out)
    with_html = not args.no_html
    used = {lesson: {name: p.default for name, p in lesson.parameters().items()} | overrides[lesson]
            for lesson in chosen}
    titles = {lesson: lesson.title() for lesson in chosen}
    pages = {lesson.slug for lesson in chosen} | {
        slug for slug, r in records.items() if (r["link"] or "").endswith(".html")}
    course = discover(root)
    tasks = [(lesson, overrides[lesson], out, with_html, neighbours(lesson, course, pages))
             for lesson in chosen]
    width = max(len(lesson.slug) for lesson in chosen)

    today = date.today().isoformat()
    failures = []
    with tqdm(total=len(tasks), unit="lesson", file=sys.stderr, disable=None) as bar, \
            contextlib.closing(_run(tasks, min(jobs, len(tasks)))) as outcomes:
        for outcome in outcomes:
            lesson = outcome.lesson
            line = f"{'ok' if outcome.ok else 'FAIL':<4} {lesson.slug:<{width}} {outcome.seconds:6.1f} s"
            bar.write(line + (f"  {outcome.error}" if outcome.error else ""), file=sys.stdout)
            bar.update()
            _update_index(out, lesson.slug, lambda old, o=outcome: _record(  # after each lesson
                o, titles[o.lesson], used[o.lesson], with_html, old, today, out))
            if not outcome.ok:
                failures.append(outcome)
    if with_html and len(failures) < len(tasks):  # the course pages the rendered lessons link to
        for name in handout.COURSE_PAGES:
            if (root / "notebooks" / f"{name}.md").is_file():
                write_atomic(out / f"{name}.html", handout.course_page(name, root).encode("utf-8"))
    print(f"index: {out / 'index.html'}")
    if failures:
        print(f"{len(failures)} of {len(tasks)} lesson(s) failed:", file=sys.stderr)
        for outcome in sorted(failures, key=lambda o: o.lesson.slug):
            kept = out / f"{outcome.lesson.slug}.failed.ipynb"
            where = f" (executed notebook: {kept})" if kept.exists() else ""
            print(f"  {outcome.lesson.slug}: {outcome.error}{where}", file=sys.stderr)
        return 1
    return 0
