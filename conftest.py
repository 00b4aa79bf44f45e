"""pytest set-up for everything collected: tests/, notebooks/ and exercises/.

Files run longest first: pytest-xdist (``--dist loadfile``) hands out whole files in collection
order, so a long file handed out last would keep one worker busy while the other waits. Browser
files come first, then files with slow tests (marked ``slow``) and the notebooks under nbval, then
the rest; within each group the collection order stays.

nbval starts its kernels with jupyter_client's ``KernelManager``, which gives
each kernel TCP ports that another kernel starting at the same moment can
take first. Swapping in ``warcourse.kernels.LocalKernelManager`` makes
nbval's kernels use IPC sockets, like every kernel the course itself starts.

A shell starts a background job (``python -m pytest &``) with SIGINT ignored, and every process
started from it inherits that: the Ctrl-C tests of ``render`` and ``grade`` would then interrupt a
process that cannot hear it. So a SIGINT found ignored is given Python's usual handler again.

The kernels that nbval, render and grade start import ``warcourse`` as installed for the
``python3`` kernel's Python, not from the folder pytest runs in. When that one is another checkout
(a second clone installed into the same Python) or missing, every notebook would fail with "No
module named warcourse" or, worse, pass on another checkout's code; so the run stops first and
says how to install this one.

Property tests (hypothesis) try the same examples on every run, with no time limit per example
(hypothesis's default, 200 ms, can fail a test only because the machine is busy), so the suite's
verdict changes only when the code does; speed is measured in ``benchmarks/``, not asserted.
``python -m pytest --hypothesis-profile=explore`` tries new random examples on each run, to find
what those miss; add what it finds to the test as an ``@example``.
"""

import signal
import sys
from pathlib import Path

import nbval.kernel
import pytest
from hypothesis import settings
from jupyter_client.kernelspec import NoSuchKernel

from warcourse.kernels import LocalKernelManager
from warcourse.paths import imported_package

settings.register_profile("verdict", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile("verdict")


def installed_warcourse() -> Path | None:
    """The ``warcourse`` package a ``python3`` kernel imports, or None without one."""
    try:
        python = LocalKernelManager(kernel_name="python3").format_kernel_cmd()[0]  # as nbval would start it
    except NoSuchKernel:  # nbval's own error names the missing kernel
        python = sys.executable
    return imported_package(python)


def pytest_configure(config):
    here = Path(__file__).parent.resolve()
    if not hasattr(config, "workerinput"):  # once, in the main process
        installed = installed_warcourse()
        if installed != here / "warcourse":
            pytest.exit(f"kernels would import warcourse from {installed or 'nowhere (it is not installed)'}, "
                        f"not from {here}: install this checkout first, in a virtual environment of its own "
                        "(python -m venv .venv && source .venv/bin/activate && "
                        "python -m pip install -r requirements.txt -e \".[test]\"; installed into an environment "
                        "that another checkout uses, it would become that checkout's warcourse too)", returncode=4)
    nbval.kernel.KernelManager = LocalKernelManager
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _weight(item) -> int:
    """0 for a browser test, 1 for a slow test or a notebook cell under nbval, 2 for the rest."""
    if item.get_closest_marker("browser"):
        return 0
    return 1 if item.get_closest_marker("slow") or item.path.suffix == ".ipynb" else 2


def pytest_collection_modifyitems(config, items):
    """Longest files first (see above), keeping each file's items together and in order."""
    first = {}
    for item in items:
        weight = _weight(item)
        first[item.path] = min(first.get(item.path, weight), weight)
    order = {path: index for index, path in enumerate(dict.fromkeys(item.path for item in items))}
    items.sort(key=lambda item: (first[item.path], order[item.path]))
