"""axe-core over the course's own outputs in JupyterLab: feedback, ``where_from`` lists, tables, figures.

The notebooks the shared browser fixtures open and run (the widget fixture, and lessons 00 and 02
with solutions shown) are audited for WCAG 2.0/2.1 level A and AA, restricted to the output areas
(``.jp-OutputArea``): JupyterLab's own interface is not the course's to fix. Requests leaving the
machine are blocked while the audit runs. A violation fails naming the rule, the element and the
notebook.

Two kinds of violation belong to the libraries, not to the course's HTML, and are let through by
rule and element (the README's accessibility statement lists them):

- ipywidgets: the handle of a slider (``.noUi-handle``, role slider) has no accessible name in
  ipywidgets 8 (its description is a separate label); nothing set from Python reaches it;
- JupyterLab and pandas: a DataFrame wider than the output area scrolls, and JupyterLab's
  scrolling output element cannot take the keyboard focus (scrollable-region-focusable).
"""

from __future__ import annotations

import re

import pytest

from audit import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]



def known(page, violation) -> bool:
    """Whether ``violation`` is one of the libraries' listed above."""
    if violation.rule == "aria-input-field-name":
        return violation.target.endswith(".noUi-handle")
    if violation.rule == "scrollable-region-focusable":
        return page.evaluate("target => Boolean(document.querySelector(target)?.querySelector("
                             "':scope > div > table.dataframe'))", violation.target)
    return False


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
        violations = [v for v in axe_violations(notebook.page, ".jp-OutputArea") if not known(notebook.page, v)]
    finally:
        notebook.context.unroute(outside, block)
    assert violations == [], f"{notebook.path}:\n" + "\n".join(map(str, violations))
    assert left == [], f"{notebook.path} asked the network for {left}"


def test_lesson_outputs_in_jupyterlab_have_no_wcag_violation(lesson):
    audit(lesson)


def test_exercise_widget_outputs_in_jupyterlab_have_no_wcag_violation(fixture_nb):
    audit(fixture_nb)
