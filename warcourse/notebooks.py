"""Read, execute and write the course's notebooks (deterministically, atomically)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import nbformat

from .errors import CourseError
from .files import write_atomic
from .paths import shown

KERNEL = "python3"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_IDS = uuid.UUID("5f0c3c1e-6d1b-4a57-9a43-7761726f7572")  # namespace for stable widget ids


def read(path: Path) -> nbformat.NotebookNode:
    """A notebook, or a clear error naming the file."""
    try:
        return nbformat.read(str(path), as_version=4)
    except FileNotFoundError:
        raise CourseError(f"{shown(path)}: notebook not found") from None
    except Exception as exc:  # nbformat raises several unrelated types for a broken file
        raise CourseError(f"{shown(path)}: not a readable notebook ({exc})") from None


def execute(nb: nbformat.NotebookNode, folder: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """``nb`` run cell by cell in a fresh kernel started in ``folder``, with outputs and widget state."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    from .kernels import AsyncLocalKernelManager

    client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL, record_timing=False,
                            kernel_manager_class=AsyncLocalKernelManager,
                            store_widget_state=True, resources={"metadata": {"path": str(folder)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        raise CourseError(f"a cell failed while executing: {exc.ename}: {exc.evalue}") from None
    merge_adjacent_streams(nb)
    return stable_widget_ids(nb)


def merge_adjacent_streams(nb: nbformat.NotebookNode) -> None:
    """Join consecutive stdout (or stderr) outputs of a cell into one, in place.

    How a kernel splits printed text into messages depends on timing, so without this
    a re-run can store one print as two outputs. (nbclient's ``coalesce_streams`` also
    merges text printed after a table into the text before it, reordering the cell.)
    """
    for cell in nb.cells:
        merged = []
        for output in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (output.output_type == "stream" and previous is not None
                    and previous.output_type == "stream" and previous.name == output.name):
                previous.text += output.text
            else:
                merged.append(output)
        if "outputs" in cell:
            cell.outputs = merged


def stable_widget_ids(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` with its widget models renamed by creation order, so a re-run rewrites no ids.

    ipywidgets names every model with a random id; the stored widget state and the
    outputs that show widgets refer to those ids. Renaming them keeps a re-executed
    notebook byte-identical when nothing else changed.
    """
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state")
    if not state:
        return nb
    names = {old: uuid.uuid5(WIDGET_IDS, str(index)).hex for index, old in enumerate(state)}
    pattern = re.compile("|".join(map(re.escape, names)))
    return nbformat.reads(pattern.sub(lambda m: names[m.group(0)], nbformat.writes(nb)), as_version=4)


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write a notebook atomically."""
    text = nbformat.writes(nb)
    write_atomic(path, (text if text.endswith("\n") else text + "\n").encode("utf-8"))


def execute_in_place(path: Path) -> None:
    """Re-run a notebook and store its outputs in the same file."""
    try:
        nb = execute(read(path), path.parent)
    except CourseError as exc:
        raise CourseError(f"{shown(path)}: {exc}") from None
    write(nb, path)
