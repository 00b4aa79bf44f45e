"""axe-core over the course's own outputs in JupyterLab: feedback, ``where_from`` lists, tables, figures.

Every lesson and practice set (the student copies), and the widget fixture, run in JupyterLab
with solutions shown, are audited for WCAG 2.0/2.1 level A and AA, restricted to the output areas
(``.jp-OutputArea``): JupyterLab's own interface is not the course's to fix. Requests leaving the
machine are blocked while the audit runs. A violation fails naming the rule, the element and the
notebook.

Nothing is let through. Two library weaknesses are avoided in the lessons instead: an ipywidgets
slider's handle has no accessible name (lesson 00 uses a labelled number box), and JupyterLab's
scrolling output element around a too-wide pandas table cannot take the keyboard focus (lessons keep
tables narrow).
"""

from __future__ import annotations

import re

import pytest
from audit import axe_violations

from warcourse.paths import EXERCISES, NOTEBOOKS

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def audit(notebook) -> None:
    """No WCAG A/AA violation in the notebook's output areas, with the network blocked meanwhile."""
    left = []

    def block(route):
        left.append(route.request.url)
        route.abort()

    outside = re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])(?!data:|blob:)")
    notebook.context.route(outside, block)
    try:
        assert notebook.page.locator(".jp-OutputArea-output").count() > 0
        violations = axe_violations(notebook.page, ".jp-OutputArea")
    finally:
        notebook.context.unroute(outside, block)
    assert violations == [], f"{notebook.path}:\n" + "\n".join(map(str, violations))
    assert left == [], f"{notebook.path} asked the network for {left}"


def test_exercise_widget_outputs_in_jupyterlab_have_no_wcag_violation(fixture_nb):
    audit(fixture_nb)


AUDITED = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) + sorted(EXERCISES.glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("source", AUDITED, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_lesson_and_practice_set_has_no_wcag_violation(notebooks, source):
    if source.parent == NOTEBOOKS and source.stem in notebooks.pages:  # already open for the other tests
        audit(notebooks.ready(source.stem))
        return
    notebook = notebooks.run_once(source)
    try:
        audit(notebook)
    finally:
        notebook.close()
