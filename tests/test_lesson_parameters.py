"""Every allowed value of every lesson parameter renders, and changes what the lesson shows.

Each lesson runs once per non-default value of each of its parameters (the first of
those runs also with ``show_solutions=True``), in two worker processes, through the
same ``render_one`` that ``python -m warcourse render`` uses.
"""

import nbformat
import pytest

from warcourse import catalogue, render

LESSONS = [n for n in catalogue.discover(exercises=False) if n.kind == "lesson"]


def variants():
    """(lesson, parameters) for every non-default value of every parameter of every lesson."""
    out = []
    for lesson in LESSONS:
        params = lesson.parameters()
        others = [(name, value) for name, p in params.items() if name != "show_solutions"
                  for value in p.allowed if value != p.default]
        if not others:
            out.append((lesson, {"show_solutions": True}))
        for index, (name, value) in enumerate(others):
            out.append((lesson, {name: value, "show_solutions": index == 0}))
    return out


def text_of(nb) -> str:
    """Every text/plain and stream output of a notebook, in order."""
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text") or output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def solutions_shown(nb) -> int:
    """Outputs that show a worked answer (a refusal, "Solution: not yet ...", is not one)."""
    texts = [str(o.get("data", {}).get("text/plain", "")) for cell in nb.cells for o in cell.get("outputs", [])]
    return sum(text.startswith("Solution") and "Answer:" in text for text in texts)


@pytest.mark.slow
def test_every_allowed_value_renders_and_changes_the_lesson(tmp_path):
    cases = variants()
    assert {lesson.name for lesson, _ in cases} == {lesson.name for lesson in LESSONS}
    tasks = [(lesson, params, tmp_path / f"case{i}", False) for i, (lesson, params) in enumerate(cases)]
    failures = [f"{o.lesson.name}: {o.error}" for o in render._run(tasks, jobs=2) if not o.ok]
    assert failures == []
    for (lesson, params), (_, _, out, _) in zip(cases, tasks):
        stored = nbformat.read(lesson.path, as_version=4)
        fresh = nbformat.read(out / f"{lesson.slug}.ipynb", as_version=4)
        label = f"{lesson.name} {params}"
        assert solutions_shown(stored) == 0, f"{lesson.name}: stored outputs show solutions"
        if params["show_solutions"]:
            assert solutions_shown(fresh) > 0, f"{label}: no solution shown"
        if len(params) > 1:
            assert text_of(fresh) != text_of(stored), f"{label}: the lesson shows the same text"
