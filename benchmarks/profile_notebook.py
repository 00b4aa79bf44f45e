"""Where a notebook's time goes inside the kernel: per cell, and per stage of the figure and table pipeline.

``python benchmarks/profile_notebook.py notebooks/03_air_campaigns.ipynb [more.ipynb ...] [--json]``

Runs the notebook's code cells in this process through IPython's ``InteractiveShell`` (so
results are displayed through the same formatters a kernel uses, HTML included), in the
notebook's folder, twice, each in a fresh interpreter (so the first figure pays for loading
matplotlib and its fonts, as in a new kernel): once plainly to time each cell (wall and CPU), once under
``cProfile`` to split the time among the stages named in ``STAGES`` (cumulative time of the
named functions; stages nest, e.g. *text layout* is inside *draw*). The kernel start and the
messaging papermill adds are not here; ``run.py`` measures those.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

# (label, file suffix, function name): cumulative time of every matching function, outermost calls only
STAGES = (
    ("imports (importlib _find_and_load, outermost)", "<frozen importlib._bootstrap>", "_find_and_load"),
    ("plots.new: figure, axes, labels", "warcourse/plots.py", "new"),
    ("plots.show: check + render", "warcourse/plots.py", "show"),
    ("  canvas draw (layout + rasterise)", "backend_agg.py", "draw"),
    ("    constrained layout passes", "_constrained_layout.py", "do_constrained_layout"),
    ("    text layout (Text._get_layout)", "text.py", "_get_layout"),
    ("    tick locating/formatting (Axis._update_ticks)", "axis.py", "_update_ticks"),
    ("    log-scale ticks (LogLocator.tick_values)", "ticker.py", "tick_values"),
    ("    font lookup (font_manager.findfont)", "font_manager.py", "findfont"),
    ("  PNG: RGBA -> RGB -> 64 colours (Image.quantize)", "PIL/Image.py", "quantize"),
    ("  PNG: encode (Image.save)", "PIL/Image.py", "save"),
    ("Figure._repr_mimebundle_ (base64 + HTML)", "warcourse/plots.py", "_repr_mimebundle_"),
    ("sources.where_from", "warcourse/sources.py", "where_from"),
    ("Sources HTML", "warcourse/sources.py", "_repr_html_"),
    ("DataFrame HTML (DataFrame._repr_html_)", "pandas/core/frame.py", "_repr_html_"),
    ("Styler HTML (Styler._repr_html_)", "pandas/io/formats/style.py", "_repr_html_"),
    ("data.load (tables)", "warcourse/data.py", "load"),
    ("question banks (warcourse/questions/*)", "warcourse/questions/", "*"),
    ("exercise widgets (_repr_mimebundle_ / _ipython_display_)", "warcourse/exercises/", "_ipython_display_"),
)


# (label, module, attribute path): wrapped with a timer in ``--_mode stages`` (no profiler overhead)
TIMED = (
    ("plots.new: figure, axes, labels", "warcourse.plots", "new"),
    ("plots.show: check + render", "warcourse.plots", "show"),
    ("  canvas draw (layout + rasterise)", "matplotlib.backends.backend_agg", "FigureCanvasAgg.draw"),
    ("    constrained layout", "matplotlib.layout_engine", "ConstrainedLayoutEngine.execute"),
    ("    text layout (Text._get_layout)", "matplotlib.text", "Text._get_layout"),
    ("    tick locating/formatting (Axis._update_ticks)", "matplotlib.axis", "Axis._update_ticks"),
    ("  PNG: 64 colours (Image.quantize)", "PIL.Image", "Image.quantize"),
    ("  PNG: RGBA -> RGB (Image.convert)", "PIL.Image", "Image.convert"),
    ("  PNG: encode (Image.save)", "PIL.Image", "Image.save"),
    ("Figure._repr_mimebundle_ (base64 + HTML)", "warcourse.plots", "Figure._repr_mimebundle_"),
    ("sources.where_from", "warcourse.sources", "where_from"),
    ("DataFrame HTML (DataFrame._repr_html_)", "pandas.core.frame", "DataFrame._repr_html_"),
    ("Styler HTML (Styler._repr_html_)", "pandas.io.formats.style", "Styler._repr_html_"),
    ("data.load (tables)", "warcourse.data", "load"),
)


def wrap_timers() -> dict[str, list[float]]:
    """Wrap each of ``TIMED`` with a wall/CPU timer (outermost calls only); return the totals, filled as cells run."""
    import functools
    import importlib

    totals = {}
    for label, module, attr in TIMED:
        owner = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)
        totals[label] = [0.0, 0.0, 0]
        depth = [0]

        def timed(*args, _original=original, _total=totals[label], _depth=depth, **kwargs):
            _depth[0] += 1
            cpu, start = time.process_time(), time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                _depth[0] -= 1
                if not _depth[0]:
                    _total[0] += time.perf_counter() - start
                    _total[1] += time.process_time() - cpu
                    _total[2] += 1

        setattr(owner, name, functools.wraps(original)(timed))
    return totals


def bank_timer() -> list[float]:
    """Time every ``questions.<bank>(...)`` call (the bank builders the lessons call)."""
    import warcourse.questions as questions

    total = [0.0, 0.0, 0]
    for name in getattr(questions, "__all__", dir(questions)):
        builder = getattr(questions, name)
        if callable(builder) and not name.startswith("_") and getattr(builder, "__module__", "").startswith(
                "warcourse.questions."):
            def timed(*args, _builder=builder, **kwargs):
                cpu, start = time.process_time(), time.perf_counter()
                try:
                    return _builder(*args, **kwargs)
                finally:
                    total[0] += time.perf_counter() - start
                    total[1] += time.process_time() - cpu
                    total[2] += 1
            setattr(questions, name, timed)
    return total


def code_cells(path: Path) -> list[str]:
    from warcourse.notebooks import read

    return [c.source for c in read(path).cells if c.cell_type == "code"]


def shell():
    from IPython.core.interactiveshell import InteractiveShell

    sh = InteractiveShell.instance()
    sh.display_formatter.active_types = list(sh.display_formatter.formatters)  # HTML too, as a kernel
    return sh


def run_cells(cells: list[str], folder: Path, probe=None) -> list[dict]:
    """Run each cell (output discarded); wall and CPU seconds of each (and ``probe()`` after it)."""
    import contextlib
    import io

    sh = shell()
    sh.user_ns.clear()
    sh.init_user_ns()
    old = os.getcwd()
    os.chdir(folder)
    times = []
    try:
        for i, source in enumerate(cells):
            sink = io.StringIO()
            cpu, start = time.process_time(), time.perf_counter()
            with contextlib.redirect_stdout(sink):
                result = sh.run_cell(source, store_history=False)
            times.append({"cell": i, "seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                          "source": source.strip().splitlines()[0][:70] if source.strip() else "",
                          "error": None if result.success else repr(result.error_in_exec or result.error_before_exec),
                          "probe": probe() if probe else None})
    finally:
        os.chdir(old)
    return times


def stages(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative seconds per stage (a stage's recursive calls counted once: cProfile's cumtime)."""
    out = {}
    for label, suffix, name in STAGES:
        total = 0.0
        for (file, _, func), (_, _, _, cum, callers) in stats.stats.items():
            if suffix in file and (name == "*" or func == name):
                # outermost only: skip calls made from another function matching this stage
                if (name == "*" or func == "_find_and_load") and any(
                        suffix in c[0] and (name == "*" or c[2] == name) for c in callers):
                    continue
                total += cum
        out[label] = round(total, 3)
    return out


def in_child(path: Path, mode: str) -> dict:
    """Run ``mode`` (time or profile) on ``path`` in a fresh interpreter, as a fresh kernel would."""
    import subprocess

    proc = subprocess.run([sys.executable, __file__, "--_mode", mode, str(path)], capture_output=True, text=True,
                          check=True)
    return json.loads(proc.stdout)


def child(path: Path, mode: str) -> dict:
    cells = code_cells(path)
    if mode == "time":
        return {"cells": run_cells(cells, path.parent)}
    if mode == "stages":
        totals = wrap_timers()
        totals["questions.<bank>(...) (build the question bank)"] = bank_timer()
        shows = totals["plots.show: check + render"]
        cells = run_cells(cells, path.parent, probe=lambda: shows[2])
        drew = [c for before, c in zip([0] + [c["probe"] for c in cells], cells) if c["probe"] > before]
        return {"stages": {k: {"seconds": round(v[0], 3), "cpu": round(v[1], 3), "calls": v[2]}
                           for k, v in totals.items()},
                "cells_cpu": round(sum(c["cpu"] for c in cells), 3),
                "figure_cells_cpu": round(sum(c["cpu"] for c in drew), 3), "figure_cells": len(drew)}
    profiler = cProfile.Profile()
    profiler.enable()
    run_cells(cells, path.parent)
    profiler.disable()
    stats = pstats.Stats(profiler)
    return {"total": stats.total_tt, "stages": stages(stats)}


def profile(path: Path, with_cprofile: bool = True) -> dict:
    first = in_child(path, "time")["cells"]
    prof = in_child(path, "profile") if with_cprofile else {"total": None, "stages": {}}
    timed = in_child(path, "stages")
    total = sum(t["seconds"] for t in first)
    slow = sorted(first, key=lambda t: -t["cpu"])[:6]
    return {"notebook": str(path), "cells_s": round(total, 3), "cells_cpu_s": round(sum(t["cpu"] for t in first), 3),
            "profiled_s": prof["total"] and round(prof["total"], 3), "stages": prof["stages"],
            "timed_stages": timed["stages"], "figure_cells_cpu": timed["figure_cells_cpu"],
            "figure_cells": timed["figure_cells"],
            "slowest": [{k: (round(v, 3) if isinstance(v, float) else v) for k, v in t.items()} for t in slow],
            "errors": [t for t in first if t["error"]]}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("notebooks", nargs="+", type=Path)
    p.add_argument("--json", action="store_true")
    p.add_argument("--_mode", choices=("time", "profile", "stages"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args._mode:
        print(json.dumps(child(args.notebooks[0].resolve(), args._mode)))
        return 0
    results = [profile(path.resolve()) for path in args.notebooks]
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    for r in results:
        print(f"{r['notebook']}: cells {r['cells_s']:.2f} s wall, {r['cells_cpu_s']:.2f} s CPU "
              f"(first run in a fresh process); under cProfile {r['profiled_s']} s")
        print("  timed (wall s, CPU s, calls), no profiler:")
        for label, t in r["timed_stages"].items():
            print(f"  {t['seconds']:6.3f} {t['cpu']:6.3f} {t['calls']:4d}  {label}")
        print("  under cProfile (cumulative s, inflated by the profiler):")
        for label, seconds in r["stages"].items():
            print(f"  {seconds:6.3f}  {label}")
        for t in r["slowest"]:
            print(f"  cell {t['cell']}: {t['seconds']:.3f} s wall {t['cpu']:.3f} s CPU  {t['source']}")
        for t in r["errors"]:
            print(f"  ERROR cell {t['cell']}: {t['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
