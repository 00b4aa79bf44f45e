"""Read, execute and write the course's notebooks (deterministically, atomically)."""

from __future__ import annotations

from pathlib import Path

import nbformat

from .errors import CourseError
from .files import write_atomic
from .paths import shown

KERNEL = "python3"


def read(path: Path) -> nbformat.NotebookNode:
    """A notebook, or a clear error naming the file."""
    try:
        return nbformat.read(str(path), as_version=4)
    except FileNotFoundError:
        raise CourseError(f"{shown(path)}: notebook not found") from None
    except Exception as exc:  # nbformat raises several unrelated types for a broken file
        raise CourseError(f"{shown(path)}: not a readable notebook ({exc})") from None


def execute(nb: nbformat.NotebookNode, folder: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel started in ``folder``; store outputs and widget state."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    from .kernels import AsyncLocalKernelManager

    client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL, record_timing=False,
                            kernel_manager_class=AsyncLocalKernelManager,
                            store_widget_state=True, resources={"metadata": {"path": str(folder)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        first = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise CourseError(f"a cell failed while executing: {first}") from None
    return nb


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write a notebook atomically."""
    text = nbformat.writes(nb)
    write_atomic(path, (text if text.endswith("\n") else text + "\n").encode("utf-8"))


def execute_in_place(path: Path) -> None:
    """Re-run a notebook and store its outputs in the same file."""
    nb = read(path)
    try:
        execute(nb, path.parent)
    except CourseError as exc:
        raise CourseError(f"{shown(path)}: {exc}") from None
    write(nb, path)
