"""axe-core (from the axe-playwright-python package, no download) for the browser tests."""

from __future__ import annotations

import re
from typing import NamedTuple

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Violation(NamedTuple):
    """One element in violation of one axe-core rule."""

    rule: str
    impact: str
    target: str  # a CSS selector of the element
    message: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}): {self.target}: {self.message[:200]}"


def axe_violations(page, context: str | None = None) -> list[Violation]:
    """Every element of ``page`` (within the CSS selector ``context``) that axe-core finds in
    violation of WCAG 2.0/2.1 level A or AA."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    found = Axe().run(page, context=context, options=options).response["violations"]
    return [Violation(rule["id"], rule["impact"], " ".join(map(str, node["target"])),
                      " ".join(node.get("failureSummary", "").split()))
            for rule in found for node in rule["nodes"]]


OUTSIDE = re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])(?!data:|blob:)")  # any request off the machine


def audit(notebook, within: str = "") -> None:
    """No WCAG A/AA violation in a JupyterLab notebook page's output areas (JupyterLab's own interface is
    not the course's to fix), with requests leaving the machine blocked meanwhile. ``within`` is a CSS
    selector of the notebook's panel where the page holds more than one."""
    left = []

    def block(route):
        left.append(route.request.url)
        route.abort()

    notebook.context.route(OUTSIDE, block)
    try:
        assert notebook.page.locator(f"{within} .jp-OutputArea-output".strip()).count() > 0
        violations = axe_violations(notebook.page, f"{within} .jp-OutputArea".strip())
    finally:
        notebook.context.unroute(OUTSIDE, block)
    assert violations == [], f"{notebook.path}:\n" + "\n".join(map(str, violations))
    assert left == [], f"{notebook.path} asked the network for {left}"
