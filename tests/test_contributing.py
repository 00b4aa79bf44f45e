"""CONTRIBUTING.md's *Add a question*, followed literally on a copy of the course.

The copy holds the package, the seed and the tables, lesson 00 and the question tests. The recipe's
code blocks are applied as the guide says (the question above ``wales``, the case appended, the cells
script and the commands run from the copy's root, with ``PYTHONPATH`` at the copy so that the kernel
and pytest import the copy's package). The question then shows in the executed lesson, its case
passes, and the notebook's JSON differs from a run without it only by added lines (every line
of the run without it is, in order, a line of the run with it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from markdown_sections import section

from warcourse.paths import ROOT

LESSON = "notebooks/00_start_here.ipynb"
KEPT = ["warcourse", "seeds", "data", "pyproject.toml", "conftest.py", "tests/conftest.py", LESSON,
        "tests/banks/__init__.py", "tests/banks/harness.py", "tests/banks/common.py",
        "tests/banks/cases_start_here_bank.py", "tests/banks/test_questions.py"]


def recipe() -> list[str]:
    """The code blocks of the guide's *Add a question* section, in order."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:python|bash)\n(.*?)```", section(guide, "## Add a question"), re.S)


def copy_course(to: Path) -> None:
    for name in KEPT:
        source, target = ROOT / name, to / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)


def unmatched(old: list[str], new: list[str]) -> list[str]:
    """The lines of ``old`` that are not, in order, lines of ``new``: none when a diff only adds lines."""
    lines = iter(new)
    return [line for line in old if not any(line == candidate for candidate in lines)]


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    done = subprocess.run(["bash", "-euc", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.mark.slow
def test_the_guide_adds_a_question_and_the_diff_shows_only_it(tmp_path):
    question, case, cells, execute, tests = recipe()[:5]
    course = tmp_path / "course"
    copy_course(course)
    lesson = course / LESSON

    run(execute, course)  # the lesson as the package stores it: what the maintainer's diff starts from
    before = lesson.read_text(encoding="utf-8")

    bank = course / "warcourse/questions/start_here_bank.py"
    above = '@REGISTRY.question("lesson")\ndef wales('
    text = bank.read_text(encoding="utf-8")
    assert text.count(above) == 1, "the guide places the question above the wales question"
    bank.write_text(text.replace(above, question + "\n\n" + above), encoding="utf-8")
    with (course / "tests/banks/cases_start_here_bank.py").open("a", encoding="utf-8") as cases:
        cases.write("\n\n" + case)
    run(cells, course)
    run(execute, course)

    nb = nbformat.read(lesson, as_version=4)
    shown = next(cell for cell in nb.cells if cell.source == "q.operations")
    assert any("How many rows of the coalitions table are military operations" in output.get("data", {})
               .get("text/plain", "") for output in shown.outputs)

    passed = run(tests, course).stdout
    assert re.search(r"\b([2-9]|\d\d+) passed\b", passed) and "failed" not in passed, passed

    after = lesson.read_text(encoding="utf-8").splitlines()
    missing = unmatched(before.splitlines(), after)
    assert len(after) > len(before.splitlines()) and not missing, f"lines removed or changed: {missing[:9]}"
