"""The benchmarks' own helpers: what counts as which kind of process when the suite's CPU is split."""

import subprocess
import sys

import pytest

from warcourse.paths import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from processes import OTHER, ProcessCPU, kind_of  # noqa: E402  (benchmarks/ is not a package)


@pytest.mark.parametrize("comm, cmdline, kind", [
    ("chromium", "/usr/lib/chromium/chromium\x00--type=renderer", "Chromium (browser tests)"),
    ("node", "/venv/playwright/driver/node\x00run-driver", "Playwright's driver (browser tests)"),
    ("python", "/venv/bin/python\x00-m\x00jupyterlab\x00--no-browser", "JupyterLab server (browser tests)"),
    ("python", "/venv/bin/python\x00-m\x00ipykernel_launcher\x00-f\x00/tmp/kernel-1a2b.json",
     "kernels (nbval, render, execute, browser tests)"),
    ("python", "/venv/bin/python\x00-c\x00import sys;exec(eval(sys.stdin.readline()))", "pytest and its xdist workers"),
    ("python", "/venv/bin/python\x00-m\x00warcourse\x00release", OTHER),
    ("bwrap", "bwrap\x00--unshare-all", OTHER),
])
def test_a_process_is_counted_as_its_kind(comm, cmdline, kind):
    assert kind_of(comm, cmdline) == kind


def test_a_busy_child_is_counted_and_the_sampler_itself_is_not():
    busy = ("import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass\n"
            "time.sleep(1)")  # idle at the end, so that a late sample still sees all of its CPU
    with ProcessCPU(period=0.1) as processes:
        subprocess.run([sys.executable, "-c", busy], check=True)
    assert 0.5 <= processes.by_kind().get(OTHER, 0) <= 1.5, processes.by_kind()
