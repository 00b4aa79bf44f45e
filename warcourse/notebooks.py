"""Read, execute and write the course's notebooks (deterministically, atomically)."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import nbformat

from .errors import CourseError, first_line
from .files import write_atomic
from .mime import WIDGET_STATE, WIDGET_VIEW
from .paths import shown

KERNEL = "python3"
MODEL_ID = re.compile(r"[0-9a-f]{32}")  # ipywidgets names a model uuid4().hex
WIDGET_IDS = uuid.UUID("5f0c3c1e-6d1b-4a57-9a43-7761726f7572")  # namespace for stable widget ids


def read(path: Path) -> nbformat.NotebookNode:
    """The notebook at ``path``, or a one-line CourseError naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CourseError(f"{shown(path)}: notebook not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CourseError(f"{shown(path)}: not a readable notebook ({first_line(exc)})") from None
    try:
        return parse(text)
    except CourseError as exc:
        raise CourseError(f"{shown(path)}: {exc}") from None


def parse(text: str) -> nbformat.NotebookNode:
    """The notebook in ``text``, validated; CourseError("not a readable notebook (...)") when it is none."""
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # nbformat raises JSON, validation and version errors of several kinds
        raise CourseError(f"not a readable notebook ({first_line(exc)[:200]})") from None
    return nb


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
    return tidy(nb)


def tidy(nb: nbformat.NotebookNode, run_numbers: bool = False) -> nbformat.NotebookNode:
    """An executed ``nb`` as the course stores it: adjacent prints joined, widget models
    named by cell, and (unless ``run_numbers``, which handouts show) every run number 1."""
    merge_adjacent_streams(nb)
    if not run_numbers:
        number_as_one_run(nb)
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


def number_as_one_run(nb: nbformat.NotebookNode) -> None:
    """Give every code cell and result the run number 1, in place.

    Numbered in order, a cell inserted near the top would renumber every cell below it;
    without a number, nbval would not check a cell's outputs (it takes it for one never run).
    """
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.execution_count = 1
            for output in cell.outputs:
                if output.output_type == "execute_result":
                    output.execution_count = 1


def _references(model: dict, state: dict) -> list[str]:
    """The ids of the models ``model`` refers to, in the order its saved JSON names them."""
    found = MODEL_ID.findall(json.dumps(model, sort_keys=True))
    return [ref for ref in dict.fromkeys(found) if ref in state]


def _owners(nb: nbformat.NotebookNode, state: dict) -> dict[str, tuple[str, int]]:
    """Each model's (cell key, position): the first cell whose outputs reach it, and the
    order in which that cell's outputs reach it (depth first, as the JSON names them).

    A model no output reaches but that refers to one (a link between two widgets) goes,
    with what else it refers to, after the models of that one's cell; a model neither
    is absent (nothing can show it).
    """
    owners, count = {}, {}

    def reach(root, cell):
        stack = [root]
        while stack:
            model = stack.pop()
            if model in state and model not in owners:
                owners[model] = (cell, count.get(cell, 0))
                count[cell] = owners[model][1] + 1
                stack.extend(reversed(_references(state[model], state)))

    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            reach(output.get("data", {}).get(WIDGET_VIEW, {}).get("model_id"), cell.get("id") or f"#{index}")
    linked = True
    while linked:
        linked = False
        for model in [model for model in state if model not in owners]:
            cell = next((owners[ref][0] for ref in _references(state[model], state) if ref in owners), None)
            if cell is not None and model not in owners:
                reach(model, cell)
                linked = True
    return owners


def stable_widget_ids(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` with each widget model named after its cell and its position there.

    ipywidgets names every model with a random id; the stored widget state and the
    outputs that show widgets refer to those ids. Named by cell id and position,
    a re-run rewrites no id, and inserting, editing or removing a question changes
    only that question's models. Models no output can show are dropped.
    """
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state")
    if not state:
        return nb
    names = {old: uuid.uuid5(WIDGET_IDS, f"{cell}/{position}").hex
             for old, (cell, position) in _owners(nb, state).items()}
    pattern = re.compile("|".join(map(re.escape, names)) or "(?!)")
    renamed = nbformat.reads(pattern.sub(lambda m: names[m.group(0)], nbformat.writes(nb)), as_version=4)
    kept = set(names.values())
    widgets = renamed.metadata.widgets[WIDGET_STATE]
    widgets.state = {model: saved for model, saved in widgets.state.items() if model in kept}
    return renamed


def write(nb: nbformat.NotebookNode, path: Path) -> bool:
    """Write a notebook atomically; False (and nothing written) when the file already holds exactly that."""
    text = nbformat.writes(nb)
    data = (text if text.endswith("\n") else text + "\n").encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    write_atomic(path, data)
    return True


def execute_in_place(path: Path) -> bool:
    """Re-run a notebook and store its outputs in the same file; whether the file changed."""
    try:
        nb = execute(read(path), path.parent)
    except CourseError as exc:
        raise CourseError(f"{shown(path)}: {exc}") from None
    return write(nb, path)
