"""Read, execute and write the course's notebooks (deterministically, atomically)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat

from .errors import CourseError
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

    client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL, record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(folder)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        first = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise CourseError(f"a cell failed while executing: {first}") from None
    return nb


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write a notebook atomically: to a temporary file beside it, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            nbformat.write(nb, handle)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def execute_in_place(path: Path) -> None:
    """Re-run a notebook and store its outputs in the same file."""
    nb = read(path)
    try:
        execute(nb, path.parent)
    except CourseError as exc:
        raise CourseError(f"{shown(path)}: {exc}") from None
    write(nb, path)
