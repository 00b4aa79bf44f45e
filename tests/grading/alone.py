"""One ``grade`` run at a time across pytest-xdist workers (grading tests look at every process)."""

import contextlib
import fcntl
import os


@contextlib.contextmanager
def grading_alone(tmp_path_factory):
    """Hold the lock that one ``grade`` run at a time holds, across pytest-xdist workers.

    Grading tests look at every process and sandbox user on the machine afterwards ("no runner
    left"), so a grade run in another worker at that moment would look like a leak.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    with open(shared / "grading.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
