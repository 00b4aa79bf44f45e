"""axe-core (from the axe-playwright-python package, no download) for the browser tests."""

from __future__ import annotations

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
