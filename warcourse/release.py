"""Student copies of the exercise sets, generated from the solutions (and the lessons' summative checks).

``exercises/solutions/NN_topic.ipynb`` is the source of truth. In a student copy
(``exercises/NN_topic.ipynb``) every code cell tagged ``solution`` keeps its
comments, its variable names and its ``ex.check(...)`` call, but the right-hand
side of each top-level assignment becomes ``...`` and every other statement is
dropped. The copy therefore runs, and each exercise says "not answered yet":

    # Which countries were in Paris but not in Brussels?      # Which countries were in Paris but not in Brussels?
    paris = set(members_of("paris_2014"))               ->     paris = ...
    only_paris = paris - set(members_of("brussels_2014"))      only_paris = ...
    q.paris.check(only_paris)                                  q.paris.check(only_paris)

Markdown cells tagged ``solution`` are removed, and the other markdown cells' relative
links, written from ``exercises/solutions/``, are rewritten to work from ``exercises/``.
Student copies are executed so their stored outputs are real; ``release --check`` fails
when a copy's cells no longer match what its solution would give.
"""

from __future__ import annotations

import ast
import copy
import posixpath
import re
import sys
from pathlib import Path

import nbformat

from . import notebooks
from .errors import CourseError
from .paths import EXERCISES, shown

TAG = "solution"
_LINK = re.compile(r"(`[^`]*`)|(\]\()([^)\s]+)")  # a code span (left alone) or a markdown link's target
HEADER = "# Your turn: replace each ... with your code, then run the cell."


def _is_check_call(node: ast.stmt) -> bool:
    return (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute) and node.value.func.attr == "check")


def placeholder(source: str, where: str = "cell") -> str:
    """The student version of a solution cell's code."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise CourseError(f"{where}: solution cell is not valid Python (line {exc.lineno}: {exc.msg})") \
            from None
    lines = source.splitlines()
    out = [HEADER]
    taken = 0  # source lines already consumed
    for node in tree.body:
        comments = [line for line in lines[taken:node.lineno - 1] if line.strip().startswith("#")]
        out += comments
        taken = node.end_lineno
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            out.append(" = ".join(ast.unparse(t) for t in targets) + " = ...")
        elif _is_check_call(node):
            out.append(ast.get_source_segment(source, node))
    if not any(_is_check_call(n) for n in tree.body):
        raise CourseError(f"{where}: a solution cell must end by calling an exercise's .check(...)")
    return "\n".join(out)


def is_relative(target: str) -> bool:
    """Whether a link's target is a path from the page's folder (not a web address, an anchor or ``/...``)."""
    return not re.match(r"[a-z][a-z0-9+.-]*:|[#/]", target)


def rebased(markdown: str) -> str:
    """``markdown`` with its relative links, written from ``exercises/solutions/``, made to work from ``exercises/``."""
    def rebase(match: re.Match) -> str:
        code, opening, target = match.groups()
        if code or not is_relative(target):
            return match.group(0)
        return opening + posixpath.normpath(posixpath.join("solutions", target))

    return _LINK.sub(rebase, markdown)


def student_copy(solution: nbformat.NotebookNode, where: str) -> nbformat.NotebookNode:
    """The student notebook for a solution notebook (sources only, outputs cleared)."""
    nb = copy.deepcopy(solution)
    cells = []
    for index, cell in enumerate(nb.cells, start=1):
        tags = cell.get("metadata", {}).get("tags", [])
        if TAG in tags:
            if cell.cell_type != "code":
                continue
            cell.source = placeholder(cell.source, f"{where}, cell {index}")
            cell.metadata["tags"] = [t for t in tags if t != TAG] + ["student"]
        if cell.cell_type == "markdown":
            cell.source = rebased(cell.source)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    return nb


def _signature(nb: nbformat.NotebookNode) -> list[tuple]:
    return [(c.cell_type, c.source, tuple(c.get("metadata", {}).get("tags", []))) for c in nb.cells]


def pairs(folder: Path = EXERCISES) -> list[tuple[Path, Path]]:
    """(solution, student copy) paths for every exercise set."""
    solutions = sorted((folder / "solutions").glob("[0-9][0-9]_*.ipynb"))
    return [(s, folder / s.name) for s in solutions]


def main(check: bool = False, folder: Path = EXERCISES) -> int:
    """Write (or, with ``check``, verify) every student copy and summative check; return an exit status."""
    from . import checks

    found = pairs(folder)
    if not found:
        raise CourseError(f"{shown(folder / 'solutions')}: no exercise sets (NN_topic.ipynb) found")
    wanted = [(student, lambda solution=solution: student_copy(notebooks.read(solution), shown(solution)), solution)
              for solution, student in found]
    wanted += [(check_path, lambda lesson=lesson: checks.check_notebook(lesson), lesson)
               for lesson, check_path in checks.pairs(folder=folder / "checks")]
    stale, unchanged = [], 0
    for target, make, source in wanted:
        expected = make()
        if check:
            if not target.exists():
                stale.append(f"{shown(target)}: missing")
            elif _signature(notebooks.read(target)) != _signature(expected):
                stale.append(f"{shown(target)}: out of date with {shown(source)}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if notebooks.write(notebooks.execute(expected, target.parent), target):
            print(f"wrote {shown(target)}")
        else:
            unchanged += 1
    for line in stale:
        print(line, file=sys.stderr)
    if stale:
        print("run `python -m warcourse release` to regenerate the student copies and checks", file=sys.stderr)
        return 1
    if check:
        print(f"ok: {len(wanted)} student copies and summative checks match their sources")
    elif unchanged:
        print(f"{unchanged} of {len(wanted)} student copies and summative checks unchanged")
    return 0
