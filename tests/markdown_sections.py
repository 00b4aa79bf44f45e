"""Cutting one section out of a Markdown page (README, CONTRIBUTING.md, the instructors' guide), for the
tests that check what a page says."""

from __future__ import annotations

import re


def section(page: str, heading: str) -> str:
    """The text under the first line that starts with ``heading`` (e.g. "## Lesson 3:"), up to the next
    heading of the same or a higher level; fails naming the heading when the page has none."""
    level = heading.split(" ", 1)[0]
    found = re.search(rf"^{re.escape(heading)}[^\n]*\n(.*?)(?=^#{{1,{len(level)}}} |\Z)", page, re.M | re.S)
    assert found, f"no heading {heading!r}"
    return found.group(1)
