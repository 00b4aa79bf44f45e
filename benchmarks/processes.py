"""CPU seconds per kind of process while a command runs, sampled from Linux's ``/proc``.

The test suite's time goes to processes pytest starts: its xdist workers, the kernels that nbval,
``render`` and ``grade`` start, and for the browser tests a JupyterLab server, Playwright's driver
and headless Chromium. ``/usr/bin/time`` counts only the processes somebody waits for, and not by
kind. ``ProcessCPU`` reads the CPU time of every descendant of this process every ``period``
seconds and sums each process's last reading by kind. A process that lives less than one period is
missed: compare the total with the machine's busy time (``run.machine_cpu``).
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from pathlib import Path

KINDS = (  # (kind, pattern over "comm<NUL>cmdline"); the first match wins
    ("Chromium (browser tests)", r"chrom"),
    ("Playwright's driver (browser tests)", r"^node\x00|playwright"),
    ("JupyterLab server (browser tests)", r"-m\x00jupyterlab\b"),
    ("kernels (nbval, render, execute, browser tests)", r"ipykernel|kernel-[0-9a-f]+\.json"),
    ("pytest and its xdist workers", r"pytest|exec\(eval\(sys\.stdin"),
)
OTHER = "other (commands the tests run, the grader's sandboxed runs, git, pip)"
BROWSER = tuple(kind for kind, _ in KINDS if kind.endswith("(browser tests)"))  # only the browser tests start these
PERIOD = 0.5  # seconds between samples


def kind_of(comm: str, cmdline: str) -> str:
    """The kind of a process, from its name and command line (arguments separated by NUL)."""
    text = f"{comm}\x00{cmdline}"
    return next((kind for kind, pattern in KINDS if re.search(pattern, text, re.I)), OTHER)


class ProcessCPU:
    """A context manager: while it is open, a thread samples the CPU time of this process's descendants."""

    def __init__(self, period: float = PERIOD, proc: Path = Path("/proc")):
        self.period, self.proc, self.root = period, proc, os.getpid()
        self.tick = os.sysconf("SC_CLK_TCK")
        self.seen: dict[tuple[int, str], tuple[str, float]] = {}  # each descendant (pid, start time) -> (kind, CPU s)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ProcessCPU:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self.period):
            self._sample()

    def _sample(self) -> None:
        """Read every process's parent and CPU time; keep those descended from this process."""
        stats = {}
        for entry in self.proc.iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:  # it ended meanwhile
                    continue
                fields = stat[stat.rindex(")") + 2:].split()
                stats[int(entry.name)] = (stat[stat.index("(") + 1:stat.rindex(")")], int(fields[1]),
                                          (int(fields[11]) + int(fields[12])) / self.tick, fields[19])
        ours = {self.root} | {pid for pid, (_comm, _ppid, _cpu, start) in stats.items() if (pid, start) in self.seen}
        grown = True
        while grown:  # children of known descendants (a new process may have a new parent too)
            new = {pid for pid, (_c, ppid, _cpu, _s) in stats.items() if ppid in ours and pid not in ours}
            ours |= new
            grown = bool(new)
        for pid in ours - {self.root}:
            comm, _ppid, cpu, start = stats[pid]
            key = (pid, start)
            kind = self.seen[key][0] if key in self.seen else kind_of(comm, self._cmdline(pid))
            self.seen[key] = (kind, cpu)

    def _cmdline(self, pid: int) -> str:
        try:
            return (self.proc / str(pid) / "cmdline").read_text(errors="replace")
        except OSError:
            return ""

    def by_kind(self) -> dict[str, float]:
        """CPU seconds per kind, largest first."""
        totals = Counter()
        for kind, cpu in self.seen.values():
            totals[kind] += cpu
        return {kind: round(cpu, 1) for kind, cpu in totals.most_common()}
