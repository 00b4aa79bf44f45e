"""Grade a class of practice-set submissions with ``python -m warcourse grade --jobs 2``; time per file.

    python benchmarks/grade_class.py              # 40 files, --jobs 2
    python benchmarks/grade_class.py --files 100  # the budget's class

The class is practice set 03 handed in as the solutions notebook (every cell answered) and as
the student copy (nothing answered), half each, graded in a bubblewrap sandbox as an instructor
would. Budget (issue 25): 100 practice-set submissions within 4 minutes on 2 cores, that is
4.8 s of wall time per file at ``--jobs 2``. On a shared machine the wall time also measures the
other load, so the CPU seconds one file takes in its sandbox (the runner reports them) are
measured too, one file at a time, for a projection on two idle cores. Writes
``results/grade_class.md`` and ``.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
BUDGET = 240 / 100  # seconds of wall time per file, 2 cores


def sandbox_cpu(sources: list[Path]) -> list[float]:
    """CPU seconds each source takes to run in its sandbox, as the runner reports them."""
    sys.path.insert(0, str(ROOT))
    from warcourse.grading.sandbox import Sandbox

    runs = [Sandbox(True, 300).run(source.read_text(encoding="utf-8"), None) for source in sources]
    return [next(line["cpu"] for line in run.lines if "cpu" in line) for run in runs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    sources = [ROOT / "exercises" / "solutions" / "03_air_campaigns.ipynb",
               ROOT / "exercises" / "03_air_campaigns.ipynb"]
    with tempfile.TemporaryDirectory(prefix="grade-bench-") as temp:
        folder = Path(temp)
        files = []
        for n in range(args.files):
            files.append(folder / f"student{n:03d}.ipynb")
            shutil.copyfile(sources[n % 2], files[-1])
        load = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "warcourse", "grade", *map(str, files), "--out",
                               str(folder / "book.csv"), "--jobs", str(args.jobs)], cwd=ROOT,
                              capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the grader and bwrap; not the sandboxes' insides
        grader = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / args.files
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        statuses = [line.split(",")[5] for line in (folder / "book.csv").read_text().splitlines()[1:]]
        cpu = sandbox_cpu(sources)
    per_file = wall / args.files
    idle = (sum(cpu) / len(cpu) + grader) * 100 / min(args.jobs, os.cpu_count() or 1)
    result = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "files": args.files,
              "jobs": args.jobs, "cores": os.cpu_count(), "load_before": round(load, 2), "wall_s": round(wall, 1),
              "per_file_s": round(per_file, 2), "projected_100_s": round(per_file * 100, 1),
              "budget_100_s": 240, "within_budget": per_file <= BUDGET, "statuses": sorted(set(statuses)),
              "sandbox_cpu_per_file_s": [round(c, 2) for c in cpu], "grader_cpu_per_file_s": round(grader, 2),
              "projected_100_idle_s": round(idle, 1),
              "python": platform.python_version()}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "grade_class.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "grade_class.md").write_text(
        f"# Grading a class ({result['date']})\n\n"
        f"`python -m warcourse grade` over {args.files} submissions of practice set 03 (half solved, half blank), "
        f"`--jobs {args.jobs}`, bubblewrap sandbox, {result['cores']} cores, load average {result['load_before']} "
        f"before the run.\n\n| files | wall | per file | 100 files (projected) | budget for 100 |\n"
        f"|---|---|---|---|---|\n"
        f"| {args.files} | {wall:.1f} s | {per_file:.2f} s | {per_file * 100:.0f} s | 240 s "
        f"({'within' if result['within_budget'] else 'over'}) |\n\n"
        f"CPU in the sandbox per file (solved, blank): {', '.join(f'{c:.2f} s' for c in cpu)}; with the grader's "
        f"{grader:.2f} s per file, 100 files on {args.jobs} idle cores: {idle:.0f} s.\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
