"""A lesson renders with a non-default parameter value, and the value changes what the lesson shows.

Each lesson is rendered once, through the same ``render_one`` that ``python -m warcourse render``
uses, with the first non-default value of each of its parameters and ``show_solutions=True``
(lesson 00 has only that one). One test per lesson, so pytest-xdist spreads them. Every allowed
value of every parameter runs too, cell by cell and in process, in
``tests/banks/test_solutions_run.py``; this file is about the render path (papermill's injected
parameters, a kernel, the written notebook and its HTML page, which ``tests/browser/test_handouts.py``
audits as made from the stored outputs).
"""

import nbformat
import pytest

from warcourse import catalogue, render

LESSONS = [n for n in catalogue.discover(exercises=False) if n.kind == "lesson"]


def variant(lesson) -> dict:
    """The parameters a lesson is rendered with: the first non-default value of each, solutions shown."""
    chosen = {name: next(value for value in p.allowed if value != p.default)
              for name, p in lesson.parameters().items() if name != "show_solutions"}
    return {**chosen, "show_solutions": True}


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
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.name)
def test_a_non_default_value_renders_and_changes_the_lesson(tmp_path, lesson):
    params = variant(lesson)
    (outcome,) = render._run([(lesson, params, tmp_path, True)], jobs=1)  # with its HTML page
    assert outcome.ok, f"{lesson.name} {params}: {outcome.error}"
    stored = nbformat.read(lesson.path, as_version=4)
    fresh = nbformat.read(tmp_path / f"{lesson.slug}.ipynb", as_version=4)
    assert solutions_shown(stored) == 0, f"{lesson.name}: stored outputs show solutions"
    assert solutions_shown(fresh) > 0, f"{lesson.name} {params}: no solution shown"
    if len(params) > 1:
        assert text_of(fresh) != text_of(stored), f"{lesson.name} {params}: the lesson shows the same text"
    assert "<h1" in (tmp_path / f"{lesson.slug}.html").read_text(encoding="utf-8")
