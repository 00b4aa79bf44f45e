"""Measure how fast the course runs, side by side on one machine, against the budgets of issues 10 and 17.

``python benchmarks/run.py [--quick] [--repeat N] [--only NAME ...] [--skip-install] [--skip-suite]
[--skip-browser] [--suite-parts PATH ...]``

Sections (``--only`` takes these names, or a notebook's number or name, which
also measures the floor):

- ``notebooks``: the two floors (``benchmarks/floor.ipynb``: kernel and imports;
  ``benchmarks/floor_figure.ipynb``: the same and one labelled figure drawn through
  ``warcourse.plots``), every lesson, practice set, solution and summative check, executed
  with papermill in this process, one after another, with the notebook's folder as working
  directory and the output in a temporary folder. Each gets one extra last cell that prints the kernel's peak RSS
  (``ru_maxrss``) and the packages it imported. ``lessons`` and ``exercises``
  pick a part.
- ``import``: ``python -c`` wall times of pandas alone and with warcourse, and
  ``python -X importtime`` of each warcourse submodule on top of pandas.
- ``build``: ``python -m warcourse build`` and ``build --check`` in a scratch
  copy of the repository, so ``data/`` is never written.
- ``render``: ``python -m warcourse render --out <temporary folder>``.
- ``profile``: ``benchmarks/profile_notebook.py`` on every lesson: where the kernel's time goes,
  per cell and per stage of the figure and table pipeline.
- ``browser``: every lesson opened in JupyterLab in headless Chromium (the harness of
  ``tests/browser/conftest.py``), one at a time: from opening it to an idle kernel, and from
  Run All to the last output.
- ``suite``: ``python -m pytest`` from the repository root, once (with ``--suite-parts``, the
  named test files or folders instead, each alone on one core).
- ``install``: ``pip install --no-cache-dir -r requirements.txt`` into a new
  virtual environment built from a copy of the package, once.

Every figure is a median (``statistics.median``) of ``perf_counter`` wall
times. Results go to ``benchmarks/results/latest.json`` and ``latest.md``
(written atomically); a section not measured in this run is carried over from
the previous file with its own date.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from importlib import metadata
from pathlib import Path

from processes import BROWSER, PERIOD, ProcessCPU  # benchmarks/ is on sys.path when this file runs

from warcourse import render
from warcourse.catalogue import Lesson, discover
from warcourse.errors import first_line
from warcourse.files import write_atomic
from warcourse.notebooks import read as read_notebook

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
RESULTS = BENCH / "results"
FLOOR = BENCH / "floor.ipynb"
FLOOR_FIGURE = BENCH / "floor_figure.ipynb"
PAPERMILL = render.papermill_options()  # every notebook runs as ``python -m warcourse render`` runs it
MARK = "warcourse-benchmark"
PROBE = (  # appended to every executed notebook: peak RSS of this kernel and what it imported
    "import json as _j, resource as _r, sys as _s\n"
    "_u = _r.getrusage(_r.RUSAGE_SELF)\n"
    f"print('{MARK}', _j.dumps({{'rss_kb': _u.ru_maxrss, 'cpu': _u.ru_utime + _u.ru_stime, "
    "'modules': sorted({m.partition('.')[0] for m in _s.modules if not m.startswith('_')})}))"
)
BUDGET = {  # issue 17 (against the floor with one figure, install, browser), issue 24 (suite), issue 10 (the rest)
    "figure_ratio": 1.6, "figure_median": 1.25, "notebook_ratio": 2.0, "median_ratio": 1.5, "import_s": 0.3,
    "build_s": 1.0, "check_s": 2.0, "rss_mb": 250.0, "suite_s": 150.0, "install_mb": 500.0, "browser_s": 1.5,
}
SECTIONS = ("notebooks", "profile", "browser", "import", "build", "render", "suite", "suite_parts", "install")
VERSIONS = ("pandas", "numpy", "matplotlib", "ipywidgets", "ipykernel", "jupyterlab", "papermill",
            "nbclient", "pytest", "pytest-xdist", "nbval")
MB = 1e6
PURPOSE = {  # why the largest installed packages are there (the install section names them)
    "pandas": "the course's tables (every lesson)",
    "numpy": "arrays under pandas and matplotlib",
    "jupyterlab": "the notebook interface students open",
    "matplotlib": "the figures",
    "babel": "JupyterLab's translations (jupyterlab-server needs it)",
    "pillow": "PNG encoding of the figures (and matplotlib needs it)",
    "fonttools": "matplotlib's font handling",
    "debugpy": "ipykernel's debugger (JupyterLab's debugger panel)",
    "pycountry": "country names and ISO codes in the build",
    "country-converter": "country spellings to ISO codes in the build",
    "jedi": "tab completion in the kernel (IPython)",
    "setuptools": "pip's build backend for the editable install",
    "pip": "the installer itself",
    "widgetsnbextension": "ipywidgets' front end (exercise widgets)",
    "jupyterlab-widgets": "ipywidgets' JupyterLab front end (exercise widgets)",
    "nbconvert": "rendering lessons to HTML",
    "kiwisolver": "matplotlib's constrained layout",
}


def label(nb: Lesson) -> str:
    """How the results name a notebook: ``lesson 03_air_campaigns``, ``check 03_air_campaigns``."""
    return {"lesson": "lesson ", "exercises": "exercises ", "solutions": "solutions ",
            "checks": "check "}[nb.kind] + nb.path.stem.removesuffix("_check")


# ---------------------------------------------------------------- helpers

def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def env() -> dict:
    """The environment for child processes: this interpreter's scripts first on PATH."""
    e = dict(os.environ)
    e["PATH"] = str(Path(sys.executable).parent) + os.pathsep + e.get("PATH", "")
    return e


def self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def machine_cpu() -> float:
    """CPU seconds the whole machine has been busy (Linux's /proc/stat). Unlike ``child_cpu``, it counts
    processes nobody waits for (Chromium's renderers, the kernels a JupyterLab server starts), and
    anything else running meanwhile."""
    user, nice, system, _idle, _iowait, irq, softirq = map(int, Path("/proc/stat").read_text().split()[1:8])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def run(cmd: list[str], cwd: Path, timeout: float = 3600, extra: dict | None = None):
    """Run a command; return (wall seconds, CPU seconds of it and its children, CompletedProcess)."""
    cpu, start = child_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env() | (extra or {}), capture_output=True, text=True,
                          timeout=timeout)
    return time.perf_counter() - start, child_cpu() - cpu, proc


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def median(values: list[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def load_avg() -> float:
    return round(os.getloadavg()[0], 2)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) * 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    versions = {}
    for name in VERSIONS:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {"cpu": cpu, "cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)),
            "ram_gb": round(mem / 1e9, 1), "python": platform.python_version(),
            "platform": platform.platform(), "packages": versions}


# ---------------------------------------------------------------- notebooks

def execute(path: Path, tmp: Path) -> dict:
    """Execute a copy of ``path`` (plus the probe cell) with papermill; time, RSS, modules or error."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    nb = read_notebook(path)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    source, output = tmp / f"in-{path.name}", tmp / f"out-{path.name}"
    nbformat.write(nb, source)
    cpu, start = self_cpu(), time.perf_counter()
    try:
        done = papermill.execute_notebook(str(source), str(output), cwd=str(path.parent), **PAPERMILL)
    except PapermillExecutionError as exc:
        text = f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
        return {"seconds": time.perf_counter() - start, "error": text.splitlines()[0][:300]}
    except Exception as exc:  # the kernel did not start or died; the other notebooks still run
        return {"seconds": time.perf_counter() - start, "error": first_line(exc)[:300]}
    seconds, client = time.perf_counter() - start, self_cpu() - cpu
    for out in done.cells[-1].get("outputs", []):
        for line in out.get("text", "").splitlines():
            if line.startswith(MARK):
                probe = json.loads(line[len(MARK):])
                return {"seconds": seconds, "rss_mb": round(probe["rss_kb"] * 1024 / MB, 1),
                        "cpu": probe["cpu"], "client_cpu": client, "modules": probe["modules"],
                        **cell_times(done)}
    return {"seconds": seconds, "error": "the probe cell printed nothing"}


def cell_times(nb) -> dict:
    """From papermill's metadata: time until the first cell started, the cells' total, the slowest three."""
    def at(meta) -> datetime:
        return datetime.fromisoformat(meta["start_time"])

    code = [(i, c) for i, c in enumerate(nb.cells[:-1]) if c.cell_type == "code"]
    first = next((c for c in nb.cells if c.metadata.get("papermill", {}).get("start_time")), None)
    cells = sorted(((c.metadata.papermill.get("duration") or 0.0, i, c) for i, c in code),
                   key=lambda t: -t[0])
    return {"startup": (at(first.metadata.papermill) - at(nb.metadata.papermill)).total_seconds() if first else None,
            "cells": sum(d for d, _, _ in cells), "code_cells": len(code),
            "slowest": [{"cell": i, "seconds": round(d, 2), "source": (c.source.strip().splitlines() or [""])[0][:70]}
                        for d, i, c in cells[:3]]}


def summarize(label: str, path: Path, runs: list[dict]) -> dict:
    ok = [r for r in runs if "error" not in r]
    item = {"item": label, "path": str(path.relative_to(ROOT)), "runs": len(ok),
            "seconds": median([r["seconds"] for r in ok]), "kernel_cpu_s": median([r["cpu"] for r in ok]),
            "rss_mb": max((r["rss_mb"] for r in ok), default=None),
            "papermill_cpu_s": median([r["client_cpu"] for r in ok]),
            "startup_s": median([r["startup"] for r in ok if r["startup"] is not None]),
            "cells_s": median([r["cells"] for r in ok])}
    if ok:
        item |= {"code_cells": ok[-1]["code_cells"], "slowest_cells": ok[-1]["slowest"]}
    errors = [r["error"] for r in runs if "error" in r]
    if errors:
        item["error"] = errors[0]
    return item


def measure_notebooks(chosen: list[Lesson], repeat: int) -> dict:
    """The floor and each notebook, round by round (floor first in every round)."""
    import papermill  # noqa: F401  (imported once, before any timer starts)

    load = load_avg()
    with tempfile.TemporaryDirectory(prefix="warcourse-bench-nb-") as tmp:
        log("notebooks: warm-up run of both floors")
        execute(FLOOR, Path(tmp))
        execute(FLOOR_FIGURE, Path(tmp))
        runs: dict[Path, list[dict]] = {FLOOR: [], FLOOR_FIGURE: []} | {nb.path: [] for nb in chosen}
        for round_ in range(1, repeat + 1):
            for path in runs:
                result = execute(path, Path(tmp))
                runs[path].append(result)
                state = result.get("error") or f"{result['rss_mb']} MB"
                log(f"  round {round_}/{repeat} {path.relative_to(ROOT)}: {result['seconds']:.2f} s ({state})")
    floor = summarize("floor (kernel + import pandas, matplotlib, ipywidgets, warcourse)", FLOOR, runs[FLOOR])
    figure = summarize("floor with one figure (the same + one labelled figure through warcourse.plots)",
                       FLOOR_FIGURE, runs[FLOOR_FIGURE])
    items = []
    for nb in chosen:
        item = summarize(label(nb), nb.path, runs[nb.path])
        for key, base in (("", floor), ("fig_", figure)):
            if item["seconds"] is not None and base["seconds"]:
                item[f"{key}ratio"] = round(item["seconds"] / base["seconds"], 2)
                item[f"{key}cpu_ratio"] = round((item["kernel_cpu_s"] + item["papermill_cpu_s"])
                                                / (base["kernel_cpu_s"] + base["papermill_cpu_s"]), 2)
        items.append(item)
    ratios = [i["ratio"] for i in items if "ratio" in i]
    fig_ratios = [i["fig_ratio"] for i in items if "fig_ratio" in i]
    modules = sorted({m for rs in runs.values() for r in rs for m in r.get("modules", [])})
    return {"floor": floor, "floor_figure": figure, "items": items, "median_ratio": median(ratios),
            "median_fig_ratio": median(fig_ratios), "median_fig_cpu_ratio": median(
                [i["fig_cpu_ratio"] for i in items if "fig_cpu_ratio" in i]), "repeat": repeat,
            "papermill": {name: getattr(value, "__name__", value) for name, value in PAPERMILL.items()},
            "kernel_modules": modules, "load_avg_1min": [load, load_avg()]}


# ---------------------------------------------------------------- profile and browser

def measure_profile(chosen: list[Lesson]) -> dict:
    """``profile_notebook.profile`` of each lesson (and of the floor with one figure), in fresh interpreters."""
    sys.path.insert(0, str(BENCH))
    import profile_notebook

    load = load_avg()
    items = []
    for path in [FLOOR_FIGURE] + [nb.path for nb in chosen if nb.kind == "lesson"]:
        log(f"profile: {path.relative_to(ROOT)}")
        result = profile_notebook.profile(path, with_cprofile=False)
        result["notebook"] = str(path.relative_to(ROOT))
        items.append(result)
    return {"items": items, "load_avg_1min": [load, load_avg()]}


def browser_harness():
    """``tests/browser/conftest.py`` as a module (its JupyterLab server and notebook page), or None with why."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("browser_conftest", ROOT / "tests" / "browser" / "conftest.py")
    harness = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(harness)
    if harness.chromium_path() is None:
        return None, f"no Chromium: {harness.INSTALL}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return None, f"no playwright: {harness.INSTALL}"
    return harness, ""


def measure_browser(chosen: list[Lesson], repeat: int) -> dict:
    """Each lesson in JupyterLab, one at a time: open -> kernel idle, Run All -> last output (wall seconds)."""
    harness, why = browser_harness()
    if harness is None:
        return {"error": why}
    from playwright.sync_api import sync_playwright

    load = load_avg()
    lessons = [nb for nb in chosen if nb.kind == "lesson"]
    times = {nb.path: {"open": [], "run_all": []} for nb in lessons}
    errors = {}
    with tempfile.TemporaryDirectory(prefix="warcourse-bench-browser-") as tmp, sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=harness.chromium_path(), args=harness.CHROMIUM_ARGS)
        lab = harness.LabServer(Path(tmp))
        try:
            lab.wait_until_ready()
            for round_ in range(repeat + 1):  # the first round warms the server, the browser and the disk
                for nb in lessons:
                    start = time.perf_counter()
                    page = harness.NotebookPage(chromium, lab, nb.path, Path(tmp), show_solutions=False)
                    try:
                        page.status.filter(has_text="| Idle").wait_for(timeout=harness.KERNEL_START * 1000)
                        opened = time.perf_counter()
                        page.start_run()
                        clicked = time.perf_counter()
                        page.finish_run()
                        done = time.perf_counter()
                        if page.error_outputs():
                            errors[label(nb)] = page.error_outputs()[0][:200]
                    except Exception as exc:  # one lesson failing must not lose the others
                        errors[label(nb)] = first_line(exc)[:200]
                        continue
                    finally:
                        page.page.close()
                        page.context.close()
                        for session in lab.api("/api/sessions"):  # end its kernel before the next lesson
                            request = urllib.request.Request(lab.url(f"/api/sessions/{session['id']}"),
                                                             method="DELETE")
                            urllib.request.urlopen(request, timeout=10).close()
                    if round_:
                        times[nb.path]["open"].append(opened - start)
                        times[nb.path]["run_all"].append(done - clicked)
                    log(f"  browser round {round_}/{repeat} {nb.path.name}: open {opened - start:.2f} s, "
                        f"run all {done - clicked:.2f} s")
        finally:
            lab.stop()
            chromium.close()
    items = [{"item": label(nb), "open_s": median(times[nb.path]["open"]),
              "run_all_s": median(times[nb.path]["run_all"]), "runs": len(times[nb.path]["run_all"])}
             for nb in lessons]
    return {"items": items, "errors": errors, "load_avg_1min": [load, load_avg()]}


# ---------------------------------------------------------------- import

def warcourse_modules() -> list[str]:
    package = ROOT / "warcourse"
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def notebook_imports(notebooks: list[Lesson]) -> list[str]:
    """The warcourse modules the notebooks import (``from warcourse import data`` -> warcourse.data)."""
    found = set()
    pattern = re.compile(r"^\s*(?:from\s+(warcourse(?:\.\w+)*)\s+import\s+\(?([^#\n]+)|import\s+(warcourse[\w.]*))",
                         re.M)
    for nb in notebooks:
        for cell in read_notebook(nb.path).cells:
            if cell.cell_type != "code":
                continue
            for base, names, plain in pattern.findall(cell.source):
                if plain:
                    found.add(plain)
                    continue
                found.add(base)
                for name in re.split(r"[,\s()]+", names):
                    module = f"{base}.{name}"
                    relative = Path(*module.split("."))
                    if name and ((ROOT / relative).with_suffix(".py").exists() or (ROOT / relative).is_dir()):
                        found.add(module)
    return sorted(found)


def importtime(statement: str) -> tuple[float, dict]:
    """Seconds ``statement`` adds after ``import pandas`` (-X importtime), and its heaviest packages."""
    _, _, proc = run([sys.executable, "-X", "importtime", "-c", f"import pandas; {statement}"], ROOT, 120)
    if proc.returncode:
        raise RuntimeError(last_line(proc.stderr))
    entries = []
    for line in proc.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| ( *)(\S+)", line)
        if match:
            entries.append((int(match.group(1)), len(match.group(2)), match.group(3)))
    after = [i for i, e in enumerate(entries) if e[1:] == (0, "pandas")][-1] + 1
    total = sum(us for us, depth, _ in entries[after:] if depth == 0)
    pulled: dict[str, int] = {}
    for us, _, name in entries[after:]:
        root = name.partition(".")[0]
        if root != "warcourse":
            pulled[root] = max(pulled.get(root, 0), us)
    top = dict(sorted(pulled.items(), key=lambda kv: -kv[1])[:4])
    return total / 1e6, {k: round(v / 1e6, 3) for k, v in top.items()}


def measure_import(notebooks: list[Lesson], repeat: int) -> dict:
    """Wall time of ``python -c`` with and without warcourse; importtime of each submodule."""
    used = notebook_imports(notebooks) or ["warcourse.data", "warcourse.plots", "warcourse.exercises"]
    variants = {
        "pandas": "import pandas",
        "pandas + import warcourse": "import pandas, warcourse",
        "pandas + data, plots, exercises": "import pandas; from warcourse import data, plots, exercises",
        "pandas, pyplot, ipywidgets": "import pandas, matplotlib.pyplot, ipywidgets",
        "pandas, pyplot, ipywidgets + notebook imports":
            "import pandas, matplotlib.pyplot, ipywidgets; import " + ", ".join(used),
    }
    load = load_avg()
    times: dict[str, list[float]] = {name: [] for name in variants}
    cpus: dict[str, list[float]] = {name: [] for name in variants}
    errors = {}
    runs = 5 * repeat
    log(f"import: {runs} rounds of {len(variants)} interpreters")
    run([sys.executable, "-c", variants["pandas, pyplot, ipywidgets + notebook imports"]], ROOT, 120)
    for _ in range(runs):
        for name, statement in variants.items():
            seconds, cpu, proc = run([sys.executable, "-c", statement], ROOT, 120)
            if proc.returncode:
                errors[name] = last_line(proc.stderr)
            else:
                times[name].append(seconds)
                cpus[name].append(cpu)
    med = {name: median(values) for name, values in times.items()}
    cpu_med = {name: median(values) for name, values in cpus.items()}

    def over(name: str, base: str, of: dict | None = None) -> float | None:
        of = of or med
        return round(of[name] - of[base], 3) if of[name] is not None and of[base] is not None else None

    modules = []
    log(f"import: -X importtime of {len(warcourse_modules())} submodules")
    for module in warcourse_modules():
        try:
            samples = [importtime(f"import {module}") for _ in range(repeat)]
            modules.append({"module": module, "seconds": median([s for s, _ in samples]),
                            "pulls_in": samples[-1][1]})
        except RuntimeError as exc:
            modules.append({"module": module, "error": str(exc)})
    modules.sort(key=lambda m: -(m.get("seconds") or 0))
    pairs = {"warcourse_over_pandas": ("pandas + import warcourse", "pandas"),
             "lesson_imports_over_pandas": ("pandas + data, plots, exercises", "pandas"),
             "own_code_over_floor_imports": ("pandas, pyplot, ipywidgets + notebook imports",
                                             "pandas, pyplot, ipywidgets")}
    return {"runs": runs, "median_s": med, "median_cpu_s": cpu_med, "errors": errors, "notebook_imports": used,
            "cpu_over": {key: over(a, b, cpu_med) for key, (a, b) in pairs.items()},
            "warcourse_over_pandas": over("pandas + import warcourse", "pandas"),
            "lesson_imports_over_pandas": over("pandas + data, plots, exercises", "pandas"),
            "own_code_over_floor_imports": over("pandas, pyplot, ipywidgets + notebook imports",
                                                "pandas, pyplot, ipywidgets"),
            "submodules": modules, "load_avg_1min": [load, load_avg()]}


# ---------------------------------------------------------------- build and render

def scratch_copy(tmp: Path) -> Path:
    """A copy of what ``build`` reads and writes, so timing it never touches the repository."""
    copy = tmp / "repo"
    for name in ("seeds", "data", "warcourse"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def measure_build(repeat: int) -> dict:
    load = load_avg()
    result = {}
    with tempfile.TemporaryDirectory(prefix="warcourse-bench-build-") as tmp:
        copy = scratch_copy(Path(tmp))
        extra = {"PYTHONPATH": str(copy)}
        _, _, proc = run([sys.executable, "-c", "import warcourse; print(warcourse.__file__)"], copy, 60, extra)
        if not proc.stdout.strip().startswith(str(copy)):
            raise RuntimeError(f"the scratch copy is not the warcourse imported: {proc.stdout.strip()}")
        for name, args in (("build", ["build"]), ("build --check", ["build", "--check"])):
            run([sys.executable, "-m", "warcourse", *args], copy, 300, extra)  # warm-up, compiles .pyc
            times, cpus, status = [], [], None
            for _ in range(3 * repeat):
                seconds, cpu, proc = run([sys.executable, "-m", "warcourse", *args], copy, 300, extra)
                times.append(seconds)
                cpus.append(cpu)
                status = {"exit": proc.returncode, "said": last_line(proc.stdout + "\n" + proc.stderr)}
            log(f"{name}: {median(times)} s (exit {status['exit']})")
            result[name] = {"seconds": median(times), "cpu_s": median(cpus), "runs": len(times), **status}
    result["load_avg_1min"] = [load, load_avg()]
    return result


def measure_render(repeat: int) -> dict:
    load = load_avg()
    lessons = len([nb for nb in discover() if nb.kind == "lesson"])
    times, cpus, status = [], [], {}
    with tempfile.TemporaryDirectory(prefix="warcourse-bench-render-") as tmp:
        for round_ in range(repeat):
            out = Path(tmp) / f"out{round_}"
            seconds, cpu, proc = run([sys.executable, "-m", "warcourse", "render", "--out", str(out)], ROOT, 3600)
            times.append(seconds)
            cpus.append(cpu)
            status = {"exit": proc.returncode, "said": last_line(proc.stderr if proc.returncode else proc.stdout)}
            log(f"render: {seconds:.1f} s (exit {proc.returncode})")
    return {"seconds": median(times), "cpu_s": median(cpus), "runs": len(times), "lessons": lessons,
            "jobs": os.cpu_count(), **status, "load_avg_1min": [load, load_avg()]}


# ---------------------------------------------------------------- suite and install

def pytest_run(args: list[str], timeout: float) -> tuple[dict, str]:
    """``python -m pytest ARGS``: wall seconds, its CPU (all told, and per kind of process) and the
    machine's, exit code, summary line and the slowest tests ``--durations`` listed; and the whole output."""
    machine = machine_cpu()
    with ProcessCPU() as processes:
        seconds, cpu, proc = run([sys.executable, "-m", "pytest", *args], ROOT, timeout)
    machine = machine_cpu() - machine
    text = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout + "\n" + proc.stderr)
    slowest = re.findall(r"^(\d+\.\d+)s (?:call|setup|teardown)\s+(\S+)", text, re.M)
    return {"seconds": round(seconds, 1), "cpu_s": round(cpu, 1), "machine_cpu_s": round(machine, 1),
            "cpu_by_kind": processes.by_kind(),
            "exit": proc.returncode, "summary": last_line(re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout)),
            "slowest": [{"seconds": float(x), "test": t} for x, t in slowest]}, text


def measure_suite() -> dict:
    """``python -m pytest`` once (``-q --durations=10`` only change what it prints)."""
    load = load_avg()
    log("suite: python -m pytest (once; this takes minutes)")
    result, text = pytest_run(["-q", "--durations=10"], 7200)
    summary = result["summary"]
    counts = {kind.rstrip("s"): int(n) for n, kind in
              re.findall(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed)", summary)}
    log(f"suite: {result['seconds']:.1f} s, {summary}")
    return {**result, "counts": counts, "slowest": result["slowest"][:10],
            "skipped": re.findall(r"^SKIPPED (.+)$", text, re.M)[:10],
            "failed": re.findall(r"^(?:FAILED|ERROR) (.+)$", text, re.M)[:20],
            "workers": os.cpu_count(), "load_avg_1min": [load, load_avg()]}


def tree_size(path: Path) -> int:
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() or f.is_symlink())


def requirement_names(path: Path) -> list[str]:
    names = []
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-e") or line == ".":
            names.append("warcourse")
        elif line and not line.startswith("-"):
            names.append(re.split(r"[\s<>=!~;\[]", line, maxsplit=1)[0])
    return names


def packages(site: Path, requirements: list[str]) -> list[dict]:
    """Installed distributions by size, with the requirements.txt lines that pull each in."""
    from packaging.markers import default_environment
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name as canon

    dists, needs = {}, {}
    for dist in metadata.distributions(path=[str(site)]):
        name = canon(dist.metadata["Name"])
        size = 0
        for f in dist.files or []:
            located = Path(f.locate())
            if located.is_file():
                size += located.lstat().st_size
        dists[name] = size
        needs[name] = set()
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate(default_environment() | {"extra": ""}):
                needs[name].add(canon(req.name))

    def closure(top: str) -> set[str]:
        seen, todo = set(), [canon(top)]
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo += needs.get(name, ())
        return seen

    reach = {top: closure(top) for top in requirements}
    rows = [{"package": name, "mb": round(size / MB, 1),
             "pulled_in_by": [top for top in requirements if name in reach[top]]}
            for name, size in dists.items()]
    return sorted(rows, key=lambda r: -r["mb"])


def measure_install() -> dict:
    """A fresh venv and ``pip install --no-cache-dir -r requirements.txt`` (once, from PyPI)."""
    load = load_avg()
    with tempfile.TemporaryDirectory(prefix="warcourse-bench-install-") as tmp:
        src, venv = Path(tmp) / "src", Path(tmp) / "venv"
        for folder in ("warcourse", "jupyter-settings"):  # requirements.txt installs both from the checkout
            if (ROOT / folder).is_dir():
                shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        for name in ("requirements.txt", "pyproject.toml", "README.md", "LICENSE", "LICENSE-CONTENT.md"):
            if (ROOT / name).exists():
                shutil.copy(ROOT / name, src / name)
        made, _, proc = run([sys.executable, "-m", "venv", str(venv)], src, 300)
        if proc.returncode:
            return {"error": last_line(proc.stderr)}
        python = venv / "bin" / "python"
        log("install: pip install --no-cache-dir -r requirements.txt (once, from PyPI)")
        seconds, _, proc = run([str(python), "-m", "pip", "install", "--no-cache-dir", "--disable-pip-version-check",
                             "-q", "-r", "requirements.txt"], src, 3600)
        if proc.returncode:
            return {"error": last_line(proc.stderr), "seconds": round(seconds, 1)}
        site = next(venv.glob("lib/python*/site-packages"))
        pip_version = run([str(python), "-m", "pip", "--version"], src, 60)[2].stdout.split()[1]
        rows = packages(site, requirement_names(src / "requirements.txt"))
        size = tree_size(venv)
        log(f"install: {seconds:.0f} s, {size / MB:.0f} MB")
        return {"seconds": round(seconds, 1), "venv_seconds": round(made, 1), "mb": round(size / MB, 1),
                "site_packages_mb": round(tree_size(site) / MB, 1), "pip": pip_version,
                "packages": len(rows), "top": rows[:8], "load_avg_1min": [load, load_avg()]}


def measure_suite_parts(parts: list[str]) -> dict:
    """Each of ``parts`` (test files or folders) alone, on one core (``-n 0``), once: for a busy machine,
    where the whole suite on every core would disturb other work (and be disturbed by it)."""
    load = load_avg()
    items = []
    for part in parts:
        log(f"suite part: python -m pytest -n 0 {part}")
        result, _ = pytest_run(["-n", "0", "-q", "--durations=5", part], 3600)
        items.append({"part": part, **result, "slowest": result["slowest"][:5]})
    return {"items": items, "load_avg_1min": [load, load_avg()]}


# ---------------------------------------------------------------- budgets and report

def budgets(s: dict) -> list[dict]:
    """One row per budget of issues 10 and 17 that the results can speak to."""
    rows = []

    def add(name, value, limit, unit, detail=""):
        if value is not None:
            rows.append({"budget": name, "value": value, "limit": limit, "unit": unit,
                         "met": value <= limit,
                         "share": round(value / limit, 2), "detail": detail})

    nb = s.get("notebooks")
    if nb and nb["items"]:
        timed = [i for i in nb["items"] if "ratio" in i]
        over = [i["item"] for i in timed if i["ratio"] > BUDGET["notebook_ratio"]]
        failed = [i["item"] for i in nb["items"] if "ratio" not in i]
        with_fig = [i for i in timed if "fig_ratio" in i]
        if with_fig:
            worst = max(with_fig, key=lambda i: i["fig_ratio"])
            over_fig = [f"{i['item']} {i['fig_ratio']:.2f}x" for i in with_fig
                        if i["fig_ratio"] > BUDGET["figure_ratio"]]
            cpu_worst = max(with_fig, key=lambda i: i["fig_cpu_ratio"])
            add("every notebook within 1.6x the floor with one figure", worst["fig_ratio"], BUDGET["figure_ratio"],
                "x", f"worst: {worst['item']}" + (f"; over: {', '.join(over_fig)}" if over_fig else "")
                + f"; in CPU time (kernel + papermill) worst {cpu_worst['fig_cpu_ratio']:.2f}x ({cpu_worst['item']})")
            add("median notebook within 1.25x the floor with one figure", nb["median_fig_ratio"],
                BUDGET["figure_median"], "x", f"{len(with_fig)} notebooks; in CPU time median "
                f"{fmt(nb.get('median_fig_cpu_ratio'))}x")
        if timed:
            worst = max(timed, key=lambda i: i["ratio"])
            detail = f"worst: {worst['item']}" + (f"; over: {', '.join(over)}" if over else "")
            add("every notebook within 2.0x the floor", worst["ratio"], BUDGET["notebook_ratio"], "x",
                detail + (f"; failed: {', '.join(failed)}" if failed else ""))
            cpu = [i["cpu_ratio"] for i in timed if "cpu_ratio" in i]
            add("median notebook within 1.5x the floor", nb["median_ratio"], BUDGET["median_ratio"], "x",
                f"{len(timed)} notebooks" + (f"; in CPU time (kernel + papermill) median {median(cpu):.2f}x, "
                                             f"worst {max(cpu):.2f}x" if cpu else ""))
        measured = [i for i in nb["items"] if i["rss_mb"] is not None]
        if measured:
            worst = max(measured, key=lambda i: i["rss_mb"])
            add("kernel peak RSS under 250 MB", worst["rss_mb"], BUDGET["rss_mb"], "MB",
                f"worst: {worst['item']}; floor: {nb['floor']['rss_mb']} MB")
    imp = s.get("import")
    if imp:
        cpu = imp.get("cpu_over", {})
        add("`import warcourse` adds under 0.3 s to `import pandas`", imp["warcourse_over_pandas"],
            BUDGET["import_s"], "s", f"bare package; CPU {fmt(cpu.get('warcourse_over_pandas'))} s")
        add("... with `from warcourse import data, plots, exercises`", imp["lesson_imports_over_pandas"],
            BUDGET["import_s"], "s", f"includes ipywidgets (matplotlib loads with the first figure); CPU "
            f"{fmt(cpu.get('lesson_imports_over_pandas'))} s, of which warcourse's own modules "
            f"{fmt(cpu.get('own_code_over_floor_imports'))} s")
    b = s.get("build")
    if b:
        add("build under 1 s", b["build"]["seconds"], BUDGET["build_s"], "s", f"exit {b['build']['exit']}")
        add("build --check under 2 s", b["build --check"]["seconds"], BUDGET["check_s"], "s",
            f"exit {b['build --check']['exit']}")
    br = s.get("browser")
    if br and br.get("items") and nb:
        gaps = browser_gaps(br, nb)
        if gaps:
            worst = max(gaps, key=lambda g: g["gap_s"])
            add("Run All in JupyterLab within 1.5 s of papermill", worst["gap_s"], BUDGET["browser_s"], "s",
                f"worst: {worst['item']} (Run All {worst['run_all_s']:.2f} s vs papermill "
                f"{worst['papermill_s']:.2f} s, "
                "kernel start included in papermill only)" + (f"; errors: {br['errors']}" if br.get("errors") else ""))
    suite = s.get("suite")
    if suite:
        add("test suite under 150 s on 2 cores", suite["seconds"], BUDGET["suite_s"], "s",
            f"{suite['summary']} ({suite['workers']} cores; the machine busy {suite.get('machine_cpu_s')} CPU-s)")
    inst = s.get("install")
    if inst and "mb" in inst:
        top = inst["top"][0]
        add("requirements.txt installs under 500 MB", inst["mb"], BUDGET["install_mb"], "MB",
            f"largest: {top['package']} {top['mb']} MB")
    return rows


def browser_gaps(br: dict, nb: dict) -> list[dict]:
    """Each lesson's Run All in the browser against its papermill time (kernel start included) in ``nb``."""
    papermill = {i["item"]: i["seconds"] for i in nb["items"] if i.get("seconds")}
    return [{"item": i["item"], "run_all_s": i["run_all_s"], "papermill_s": papermill[i["item"]],
             "gap_s": round(i["run_all_s"] - papermill[i["item"]], 2)}
            for i in br["items"] if i.get("run_all_s") and i["item"] in papermill]


def fmt(value, unit="") -> str:
    if value is None:
        return "—"
    return f"{value:.2f}{unit}" if isinstance(value, float) else f"{value}{unit}"


def markdown(res: dict) -> str:
    s, m = res["sections"], res["machine"]
    out = ["# Benchmark results", "",
           f"Written {res['date']} by `python benchmarks/run.py {' '.join(res['argv'])}`".rstrip() + ".",
           f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, Python {m['python']}; "
           + ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v) + ".", "",
           "Sections not measured in this run are carried over from an earlier one; each says when.", "",
           "## Budgets", "", "| budget | measured | limit | met? | share of budget | detail |",
           "|---|---|---|---|---|---|"]
    for r in res["budgets"]:
        out.append(f"| {r['budget']} | {fmt(r['value'])} {r['unit']} | {r['limit']} {r['unit']} | "
                   f"{'yes' if r['met'] else '**no**'} | {r['share']:.0%} | {r['detail']} |")
    out += ["", "## Timings", "",
            "CPU s is the CPU time of the kernel (notebooks) or of the command and its children; "
            "unlike wall time it barely changes when other work shares the machine.", "",
            "*Ratio to floor* is against `floor.ipynb` (kernel + imports); *ratio to figure floor* against "
            "`floor_figure.ipynb` (the same + one labelled figure through `warcourse.plots`), in wall time and, "
            "after the slash, in CPU time (kernel + papermill), which a busy machine barely moves.", "",
            "| item | median s | runs | ratio to floor | ratio to figure floor (wall / CPU) | CPU s | peak RSS MB "
            "| budget | met? |",
            "|---|---|---|---|---|---|---|---|---|"]

    def row(item, seconds, runs, ratio=None, cpu=None, rss=None, budget="", met=None, fig=""):
        shown = "" if met is None else ("yes" if met else "**no**")
        out.append(f"| {item} | {fmt(seconds)} | {runs} | {fmt(ratio) if ratio else ''} | {fig} | "
                   f"{fmt(cpu) if cpu else ''} | {fmt(rss) if rss else ''} | {budget} | {shown} |")

    nb = s.get("notebooks")
    if nb:
        f, ff = nb["floor"], nb.get("floor_figure")
        row(f["item"], f["seconds"], f["runs"], 1.0, f.get("kernel_cpu_s"), f["rss_mb"])
        if ff:
            row(ff["item"], ff["seconds"], ff["runs"], round(ff["seconds"] / f["seconds"], 2), ff.get("kernel_cpu_s"),
                ff["rss_mb"], fig="1.00 / 1.00")
        for i in nb["items"]:
            if "ratio" not in i:
                out.append(f"| {i['item']} | failed | | | | | | | **no**: {i.get('error', '')} |")
                continue
            met = (i.get("fig_ratio", 0) <= BUDGET["figure_ratio"] and i["ratio"] <= BUDGET["notebook_ratio"]
                   and i["rss_mb"] <= BUDGET["rss_mb"])
            row(i["item"], i["seconds"], i["runs"], i["ratio"], i.get("kernel_cpu_s"), i["rss_mb"],
                "≤ 1.6x figure floor, ≤ 2.0x floor, < 250 MB", met,
                fig=f"{i['fig_ratio']:.2f} / {i['fig_cpu_ratio']:.2f}" if "fig_ratio" in i else "")
        if nb["median_ratio"] is not None:
            row("median of the notebooks", None, "", nb["median_ratio"], budget="≤ 1.25x figure floor, ≤ 1.5x floor",
                met=nb["median_ratio"] <= BUDGET["median_ratio"] and (nb.get("median_fig_ratio") or 0)
                <= BUDGET["figure_median"],
                fig=f"{fmt(nb.get('median_fig_ratio'))} / {fmt(nb.get('median_fig_cpu_ratio'))}")
    imp = s.get("import")
    if imp:
        row('`python -c "import pandas"`', imp["median_s"]["pandas"], imp["runs"],
            cpu=imp.get("median_cpu_s", {}).get("pandas"))
        for key, label, budget in (
                ("warcourse_over_pandas", "`import warcourse`, added to pandas", True),
                ("lesson_imports_over_pandas", "`from warcourse import data, plots, exercises`, added", True),
                ("own_code_over_floor_imports",
                 "warcourse modules the notebooks import, added to pandas + pyplot + ipywidgets", False)):
            value = imp[key]
            met = None if not budget or value is None else value <= BUDGET["import_s"]
            row(label, value, imp["runs"], cpu=imp.get("cpu_over", {}).get(key),
                budget="< 0.3 s" if budget else "", met=met)
    b = s.get("build")
    if b:
        for name, limit in (("build", BUDGET["build_s"]), ("build --check", BUDGET["check_s"])):
            r = b[name]
            row(f"`python -m warcourse {name}`", r["seconds"], r["runs"], cpu=r.get("cpu_s"),
                budget=f"< {limit:g} s", met=r["seconds"] <= limit and r["exit"] == 0)
    r = s.get("render")
    if r:
        row(f"`python -m warcourse render` ({r['lessons']} lessons, {r['jobs']} jobs, exit {r['exit']})",
            r["seconds"], r["runs"], cpu=r.get("cpu_s"))
    suite = s.get("suite")
    if suite:
        row(f"`python -m pytest` ({suite['summary']}; the machine busy {suite.get('machine_cpu_s')} CPU-s)",
            suite["seconds"], 1, cpu=suite.get("cpu_s"), budget=f"< {BUDGET['suite_s']:g} s",
            met=suite["seconds"] <= BUDGET["suite_s"])
    inst = s.get("install")
    if inst and "mb" in inst:
        row(f"`pip install -r requirements.txt` into a new venv ({inst['mb']:.0f} MB)", inst["seconds"], 1,
            budget="< 500 MB", met=inst["mb"] <= BUDGET["install_mb"])
    if nb:
        out += ["", "## Where notebook time goes", "",
                "Medians. *Start*: from papermill's start to the first cell (kernel start); *cells*: the sum "
                "of papermill's per-cell durations, each of which includes papermill saving the whole output "
                "notebook as the cell starts; *other*: the rest (the save after each cell, messaging, "
                "shutdown). *papermill CPU* is spent in the process that runs papermill, mostly on those saves "
                f"(`request_save_on_cell_execute={nb.get('papermill', PAPERMILL)['request_save_on_cell_execute']}`).",
                "",
                "| notebook | wall s | start s | cells s | other s | code cells | papermill CPU s "
                "| slowest cells (s) |",
                "|---|---|---|---|---|---|---|---|"]
        for i in [nb["floor"], *([nb["floor_figure"]] if nb.get("floor_figure") else [])] + [
                i for i in nb["items"] if i.get("slowest_cells")]:
            other = i["seconds"] - (i["startup_s"] or 0) - i["cells_s"]
            slow = "; ".join(f"[{c['cell']}] {c['seconds']:.2f} `{c['source'].replace('|', '/')}`"
                             for c in i["slowest_cells"])
            out.append(f"| {i['item'].split(' (')[0]} | {fmt(i['seconds'])} | {fmt(i['startup_s'])} | "
                       f"{fmt(i['cells_s'])} | {fmt(round(other, 3))} | {i['code_cells']} | "
                       f"{fmt(i['papermill_cpu_s'])} | {slow} |")
    out += over_budget_markdown(nb, s.get("profile"))
    out += profile_markdown(s.get("profile"))
    br = s.get("browser")
    if br:
        out += ["", "## Lessons in JupyterLab", ""]
        if "error" in br:
            out.append(f"Not measured: {br['error']}")
        else:
            out += ["Headless Chromium on JupyterLab (the harness of `tests/browser/conftest.py`), one lesson at a "
                    "time, each with a new kernel; medians after one warm-up round. *Open*: from loading the page to "
                    "the status bar's idle kernel; *Run All*: from clicking Run all to the last output (no cell "
                    "queued, kernel idle, no widget loading). *Papermill* is the same lesson's median above, kernel "
                    "start included.", "", "| lesson | open s | Run All s | papermill s | Run All − papermill s |",
                    "|---|---|---|---|---|"]
            gaps = {g["item"]: g for g in browser_gaps(br, nb)} if nb else {}
            for i in br["items"]:
                g = gaps.get(i["item"], {})
                out.append(f"| {i['item']} | {fmt(i['open_s'])} | {fmt(i['run_all_s'])} | {fmt(g.get('papermill_s'))} "
                           f"| {fmt(g.get('gap_s'))} |")
            out += [f"- error in {k}: {v}" for k, v in br.get("errors", {}).items()]
    out += ["", "## Details", ""]
    for name in SECTIONS:
        if name in s:
            sec = s[name]
            out.append(f"- **{name}**: measured {sec['measured']} ({sec['mode']}), 1-minute load average "
                       f"{sec.get('load_avg_1min')} at start and end.")
    if imp:
        heavy = [x for x in imp["submodules"] if "seconds" in x][:5]
        out += ["", "Heaviest warcourse submodules (seconds each adds to `import pandas`, `-X importtime`):", ""]
        out += [f"- `{x['module']}`: {x['seconds']:.3f} s; pulls in "
                + ", ".join(f"{k} {v:.3f} s" for k, v in x["pulls_in"].items()) for x in heavy]
        out += [f"- `{x['module']}`: does not import: {x['error']}" for x in imp["submodules"] if "error" in x]
    if inst and "top" in inst:
        out += ["", f"Largest installed packages (of {inst['packages']}, "
                f"site-packages {inst['site_packages_mb']:.0f} MB; "
                "'pulled in by' names the requirements.txt lines that need it):", ""]
        out += [f"- {p['package']}: {p['mb']:.0f} MB, pulled in by {', '.join(p['pulled_in_by']) or 'pip itself'}"
                + (f"; for {PURPOSE[p['package']]}" if p["package"] in PURPOSE else "") for p in inst["top"][:8]]
    if suite and suite.get("cpu_by_kind"):
        out += suite_cpu_markdown(suite)
    if suite and suite["slowest"]:
        out += ["", "Slowest tests:", ""] + [f"- {t['seconds']:.1f} s `{t['test']}`" for t in suite["slowest"]]
    if suite and (suite["failed"] or suite["skipped"]):
        out += ["", "Failed or skipped:", ""] + [f"- {x}" for x in suite["failed"] + suite["skipped"]]
    parts = s.get("suite_parts")
    if parts:
        out += ["", f"Test files timed alone on one core (`-n 0`, {parts['measured']}), the machine being busy:", "",
                "| part | wall s | CPU s | machine busy, CPU s | result | slowest |", "|---|---|---|---|---|---|"]
        for i in parts["items"]:
            slow = "; ".join(f"{t['seconds']:.1f} s `{t['test']}`" for t in i["slowest"][:3])
            busy = i.get("machine_cpu_s")
            out.append(f"| `{i['part']}` | {i['seconds']:.1f} | {i['cpu_s']:.1f} | {'' if busy is None else busy} | "
                       f"{i['summary']} | {slow} |")
    return "\n".join(out) + "\n"


def suite_cpu_markdown(suite: dict) -> list[str]:
    """Where the suite's CPU went, by kind of process, against what the time budget allows on this machine."""
    kinds, busy, cores = suite["cpu_by_kind"], suite.get("machine_cpu_s"), suite["workers"]
    allowed = BUDGET["suite_s"] * cores
    out = ["", f"Where the suite's CPU went (sampled from /proc every {PERIOD:g} s; the machine was busy {busy} CPU-s, "
           f"and {BUDGET['suite_s']:g} s on {cores} cores allows at most {allowed:g} CPU-s):", "",
           "| kind of process | CPU s | share of the budget's CPU |", "|---|---|---|"]
    out += [f"| {kind} | {cpu:.1f} | {cpu / allowed:.0%} |" for kind, cpu in kinds.items()]
    browser = sum(cpu for kind, cpu in kinds.items() if kind in BROWSER)
    out += ["", f"Chromium, Playwright's driver and the JupyterLab server (the browser tests alone) took "
            f"{browser:.0f} CPU-s, {browser / allowed:.0%} of it."]
    return out


def over_budget_markdown(nb: dict | None, prof: dict | None) -> list[str]:
    """For each notebook over 1.6x the figure floor: by how much, and what its profile says it spends."""
    if not nb or not nb.get("floor_figure") or not nb["floor_figure"].get("seconds"):
        return []
    floor = nb["floor_figure"]
    limit = BUDGET["figure_ratio"] * floor["seconds"]
    over = [i for i in nb["items"] if i.get("fig_ratio", 0) > BUDGET["figure_ratio"]]
    if not over:
        return []
    profiles = {i["notebook"]: i for i in (prof or {}).get("items", [])}  # by path: solutions share stems
    base = profiles.get(str(FLOOR_FIGURE.relative_to(ROOT)))
    out = ["", "## Over budget: by how much, and where the time goes", "",
           f"The limit is 1.6 x {floor['seconds']:.2f} s = {limit:.2f} s. *Beyond the floor*: kernel CPU seconds "
           "above the figure floor's. From the profile: CPU seconds in `plots.new` + `plots.show` (all figures, "
           "not the plotting calls between them), in building the question bank, and code cells (each costs "
           "about 5 ms of kernel messaging under papermill).", "",
           "| notebook | wall s | over the limit by | kernel CPU beyond the floor | figures CPU (count) | "
           "question bank CPU | code cells |", "|---|---|---|---|---|---|---|"]
    for i in over:
        pr = profiles.get(i["path"])
        figs = bank = "—"
        if pr:
            stages = pr["timed_stages"]
            cpu = sum(v["cpu"] for k, v in stages.items() if k.startswith("plots."))
            if base:
                cpu_floor = sum(v["cpu"] for k, v in base["timed_stages"].items() if k.startswith("plots."))
                figs = f"{cpu:.2f} ({stages['plots.new: figure, axes, labels']['calls']}; floor {cpu_floor:.2f})"
            bank = fmt(next((v["cpu"] for k, v in stages.items() if k.startswith("questions.")), None))
        out.append(f"| {i['item']} | {fmt(i['seconds'])} | {i['seconds'] - limit:.2f} s "
                   f"({i['seconds'] / limit - 1:.0%}) | {i['kernel_cpu_s'] - floor['kernel_cpu_s']:.2f} | {figs} | "
                   f"{bank} | {i.get('code_cells', '—')} |")
    return out


def profile_markdown(prof: dict | None) -> list[str]:
    """The profile section: per-stage seconds (timers, no profiler) and the slowest cells of each lesson."""
    if not prof:
        return []
    items = prof["items"]
    labels = list(items[0]["timed_stages"])
    out = ["", "## Where a lesson's kernel time goes (profile)", "",
           "From `benchmarks/profile_notebook.py`: each notebook's code cells run in a fresh interpreter through "
           "IPython's InteractiveShell (display formatters included, no kernel messaging). Stages are timed by "
           "wrapping the named functions (outermost calls; indented stages are inside the one above). "
           "CPU seconds, with calls in brackets; wall seconds are in latest.json.", "",
           "| stage | " + " | ".join(Path(i["notebook"]).stem for i in items) + " |",
           "|---|" + "---|" * len(items)]
    out.append("| all cells (CPU s) | " + " | ".join(fmt(i["cells_cpu_s"]) for i in items) + " |")
    out.append("| cells that show a figure: all their CPU (data, artists, layout, draw, PNG) | " + " | ".join(
        f"{i['figure_cells_cpu']:.2f} ({i['figure_cells']})" if "figure_cells_cpu" in i else "—" for i in items) + " |")
    figures = [sum(i["timed_stages"][k]["cpu"] for k in labels if k.startswith("plots.")) for i in items]
    out.append("| figures (plots.new + plots.show, not the plotting calls between), share of all cells | " + " | ".join(
        f"{f:.2f} ({f / i['cells_cpu_s']:.0%})" if i["cells_cpu_s"] else "—" for f, i in zip(figures, items)) + " |")
    for label in labels:
        cells = [i["timed_stages"][label] for i in items]
        depth = (len(label) - len(label.lstrip())) // 2
        out.append(f"| {'↳ ' * depth}{label.strip()} | "
                   + " | ".join(f"{c['cpu']:.3f} ({c['calls']})" for c in cells) + " |")
    out += ["", "Slowest cells (CPU s, first line):", ""]
    for i in items:
        out.append(f"- {Path(i['notebook']).stem}: " + "; ".join(
            f"[{c['cell']}] {c['cpu']:.2f} `{c['source'].replace('|', '/')}`" for c in i["slowest"][:4]))
    return out




# ---------------------------------------------------------------- command line

def plan(args) -> tuple[set[str], list[Lesson]]:
    """The sections to measure and the notebooks to execute."""
    notebooks = discover()
    if not args.only:
        sections = set(SECTIONS)
        chosen = notebooks
    else:
        sections, chosen = set(), []
        for name in args.only:
            if name in SECTIONS:
                sections.add(name)
                chosen += notebooks if name in ("notebooks", "profile", "browser") else []
            elif name in ("lessons", "exercises", "floor"):
                sections.add("notebooks")
                chosen += [nb for nb in notebooks if (nb.kind == "lesson") == (name == "lessons")
                           and name != "floor"]
            else:
                match = [nb for nb in notebooks if name in (nb.path.stem, nb.path.stem[:2])]
                if not match:
                    stems = ", ".join(dict.fromkeys(nb.path.stem for nb in notebooks))
                    raise SystemExit(f"--only {name}: not a section ({', '.join(SECTIONS)}, lessons, exercises, "
                                     f"floor) nor a notebook ({stems})")
                sections.add("notebooks")
                chosen += match
        chosen = list(dict.fromkeys(chosen))
    explicit = set(args.only or ())
    sections.discard("suite_parts")
    if args.suite_parts:
        sections.discard("suite")
        sections.add("suite_parts")
    for name, skipped in (("suite", args.skip_suite), ("install", args.skip_install),
                          ("browser", args.skip_browser), ("profile", False)):
        if skipped or (args.quick and name not in explicit):
            sections.discard(name)
    return sections, chosen


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python benchmarks/run.py", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true",
                   help="one repeat; skip install, suite, profile and browser unless named in --only")
    p.add_argument("--repeat", type=int, default=None, help="runs per median (default 3; short items run 3-5x more)")
    p.add_argument("--only", nargs="+", metavar="NAME",
                   help=f"measure only these: {', '.join(SECTIONS)}, lessons, exercises, floor, or a notebook")
    p.add_argument("--skip-install", action="store_true", help="do not time a fresh install")
    p.add_argument("--skip-suite", action="store_true", help="do not time the test suite")
    p.add_argument("--skip-browser", action="store_true", help="do not time the lessons in JupyterLab")
    p.add_argument("--suite-parts", nargs="+", metavar="PATH", default=[],
                   help="time these test files or folders alone on one core instead of the whole suite")
    args = p.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    if repeat < 1:
        p.error("--repeat must be at least 1")
    sections, chosen = plan(args)
    mode = f"{'quick' if args.quick else 'full'}, repeat {repeat}"
    now = lambda: datetime.now().astimezone().isoformat(timespec="seconds")  # noqa: E731

    measured = {}
    steps = {
        "notebooks": lambda: measure_notebooks(chosen, repeat),
        "import": lambda: measure_import(discover(), repeat),
        "build": lambda: measure_build(repeat),
        "render": lambda: measure_render(repeat),
        "profile": lambda: measure_profile(chosen),
        "browser": lambda: measure_browser(chosen, repeat),
        "suite": measure_suite,
        "suite_parts": lambda: measure_suite_parts(args.suite_parts),
        "install": measure_install,
    }
    for name in SECTIONS:
        if name in sections:
            once = name in ("suite", "suite_parts", "install", "profile")
            measured[name] = steps[name]() | {"measured": now(), "mode": "once" if once else mode}

    previous = {}
    if (RESULTS / "latest.json").exists():
        try:
            previous = json.loads((RESULTS / "latest.json").read_text())["sections"]
        except (ValueError, KeyError):
            previous = {}
    merged = {name: measured.get(name) or previous.get(name) for name in SECTIONS}
    merged = {k: v for k, v in merged.items() if v}
    result = {"date": now(), "argv": sys.argv[1:] if argv is None else argv, "machine": machine(),
              "budgets": budgets(merged), "sections": merged}
    text = markdown(result)
    write_atomic(RESULTS / "latest.json", (json.dumps(result, indent=1) + "\n").encode("utf-8"))
    write_atomic(RESULTS / "latest.md", text.encode("utf-8"))
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
