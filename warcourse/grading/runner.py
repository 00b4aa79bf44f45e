"""Inside the sandbox: run one handed-in notebook, cell by cell, and report what happened as JSON lines.

``python -m warcourse.grading.runner NOTEBOOK SECONDS [--no-sandbox]``

The cells run in this process, in an IPython shell (no kernel, no sockets: a sandbox starts in a
few tenths of a second less, which a class of a hundred notebooks feels). Before each cell the
runner writes ``{"start": N}`` (N: the cell's index in the notebook), after a cell that raised
``{"error": N, "name": ...}``, and at the end ``{"finished": true}`` or ``{"stopped": N, "why": ...}``
(``exit()``, or the notebook's ``SECONDS`` used up: the cell running then is interrupted), then
the CPU seconds the run took (``{"cpu": ...}``). The
recording banks (``recorder``) write their records to the same pipe, which is the grader's: a
line written there cannot be taken back, so a notebook cannot reset its tries or withdraw an
answer, and anything else it writes there is at most an answer the grader judges like any other.
The notebook's own stdout and stderr are captured per cell; the executed notebook is written next
to the handed-in one (for ``grade --keep``), with outputs beyond ``OUTPUT_LIMIT`` dropped.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
from pathlib import Path

from .recorder import FD

OUTPUT_LIMIT = 1_000_000  # characters of output kept per cell in the executed notebook
PREAMBLE = "import warcourse.grading.recorder as _warcourse_recorder\n"


class TimeLimit(BaseException):
    """Raised in the running cell when the notebook's time is up."""


def _alarm(signum, frame):
    raise TimeLimit("the notebook's time limit")


def report(fd: int, **fields) -> None:
    os.write(fd, (json.dumps(fields) + "\n").encode("utf-8"))


def shell():
    """An IPython shell where ``exit()`` ends the run, as it ends a kernel."""
    from IPython.core.interactiveshell import InteractiveShell

    class Shell(InteractiveShell):
        def ask_exit(self):
            self.exit_now = True

    return Shell.instance(colors="nocolor")


def outputs(captured, error: bool) -> list:
    """A cell's captured output as notebook outputs, each cut to ``OUTPUT_LIMIT`` characters."""
    from nbformat.v4 import new_output

    found = [new_output("stream", name=name, text=text[:OUTPUT_LIMIT])
             for name, text in (("stdout", captured.stdout), ("stderr", captured.stderr)) if text]
    for rich in captured.outputs:
        data = {mime: value if len(str(value)) <= OUTPUT_LIMIT else "(too large to keep)"
                for mime, value in rich.data.items()}
        found.append(new_output("display_data", data=data, metadata=rich.metadata or {}))
    if error:
        found.append(new_output("error", ename="error", evalue="see the output above", traceback=[]))
    return found


def run(notebook: Path, seconds: float, sandboxed: bool, fd: int) -> None:
    from IPython.utils.capture import capture_output

    from ..notebooks import read, write

    nb = read(notebook)
    ip = shell()
    setup = PREAMBLE + ("" if sandboxed else "_warcourse_recorder.install_questions()\n")
    if any("Draft" in cell.source for cell in nb.cells if cell.cell_type == "code"):
        setup += "_warcourse_recorder.install_draft()\n"
    ip.run_cell(setup + "del _warcourse_recorder", store_history=False)
    deadline = time.monotonic() + seconds
    signal.signal(signal.SIGALRM, _alarm)
    try:
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            report(fd, start=index)
            signal.setitimer(signal.ITIMER_REAL, max(0.01, deadline - time.monotonic()), 1)
            with capture_output() as captured:
                result = ip.run_cell(cell.source, store_history=True)
            signal.setitimer(signal.ITIMER_REAL, 0)
            cell.execution_count = result.execution_count
            cell.outputs = outputs(captured, not result.success)
            failure = result.error_in_exec or result.error_before_exec
            if isinstance(failure, TimeLimit) or time.monotonic() >= deadline:
                report(fd, stopped=index, why=f"still running after {seconds:g} s (the notebook's time limit)")
                break
            if failure is not None:
                report(fd, error=index, name=type(failure).__name__)
            if ip.exit_now:
                report(fd, stopped=index, why="exit() ended the notebook")
                break
        else:
            report(fd, finished=True)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        write(nb, notebook.with_name("executed.ipynb"))
        used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
        report(fd, cpu=round(sum(u.ru_utime + u.ru_stime for u in used), 2))  # for benchmarks/grade_class.py


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    fd = os.dup(1)  # the grader's pipe; the notebook's own output goes nowhere but into its cells
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.environ[FD] = str(fd)
    run(Path(argv[0]), float(argv[1]), sandboxed="--no-sandbox" not in argv[2:], fd=fd)
    return 0


if __name__ == "__main__":
    status = main(sys.argv[1:])
    # Everything is reported: end now. Python's own shutdown (IPython writing its history, the
    # notebook's atexit handlers and non-daemon threads, freeing every module) took a few tenths of
    # a second a notebook, and a thread left running would hold the sandbox to the grader's limit.
    os._exit(status)
