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

Property tests (hypothesis) try the same examples on every run, with no time limit per example
(hypothesis's default, 200 ms, can fail a test only because the machine is busy), so the suite's
verdict changes only when the code does; speed is measured in ``benchmarks/``, not asserted.
``python -m pytest --hypothesis-profile=explore`` tries new random examples on each run, to find
what those miss; add what it finds to the test as an ``@example``.
"""

import signal

import nbval.kernel
from hypothesis import settings

from warcourse.kernels import LocalKernelManager

settings.register_profile("verdict", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile("verdict")


def pytest_configure(config):
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
