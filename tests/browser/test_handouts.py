"""The rendered handouts in headless Chromium: offline, and WCAG 2.1 AA under axe-core.

Every lesson's page and the index are written once per session by the render command's own code
from the stored outputs (see ``handouts``), into a temporary folder. Each page, and the index, is
opened from ``file://`` with every other request aborted, as on a machine without a network: it
must log no console error, fail no request, and have no axe-core violation of WCAG 2.0/2.1 level A or AA. axe-core comes
with the ``axe-playwright-python`` package (no download).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from audit import axe_violations

from warcourse import render
from warcourse.__main__ import main
from warcourse.catalogue import discover

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSONS = [lesson.slug for lesson in discover(exercises=False)]
PAGES = ["index", *LESSONS, *render.handout.COURSE_PAGES]


@pytest.fixture(scope="session")
def handouts(tmp_path_factory) -> Path:
    """A folder with every lesson's page and the index, written by ``python -m warcourse render``'s own
    code (in process, one job) from the lessons' stored outputs instead of a papermill run: nbval keeps
    those equal to a fresh run, and ``test_render.py`` and ``test_lesson_parameters.py`` run the
    papermill step (the latter with a real lesson exported to HTML)."""
    out = tmp_path_factory.mktemp("handouts")

    def stored(lesson, parameters, executed):
        return nbformat.read(lesson.path, as_version=4)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "_execute", stored)
        code = main(["render", "--jobs", "1", "--out", str(out)])
    assert code == 0, f"render failed with exit code {code}"
    return out


class OfflinePage:
    """A rendered page opened from disk with the network blocked; what failed is recorded."""

    def __init__(self, browser, path: Path):
        self.path = path
        self.problems: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route(re.compile(r"^(?!file:)"), self._block)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console error: {m.text}"))
        self.page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))
        self.page.goto(path.as_uri(), wait_until="load")

    def _block(self, route) -> None:
        self.problems.append(f"network request: {route.request.url}")
        route.abort()

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module", params=PAGES)
def handout(request, browser, handouts):
    """One page, opened once for the tests that look at it."""
    page = OfflinePage(browser, handouts / f"{request.param}.html")
    yield page
    page.close()


def test_a_handout_works_offline(handout):
    assert handout.page.locator("h1").count() >= 1
    assert handout.problems == [], f"{handout.path.name}: " + "; ".join(handout.problems)


def test_a_handout_has_no_wcag_violation(handout):
    assert handout.page.url == handout.path.as_uri(), "the page was left before its audit"
    violations = axe_violations(handout.page)
    assert violations == [], f"{handout.path.name}:\n" + "\n".join(map(str, violations))
    assert handout.problems == []


def test_a_page_links_to_its_neighbours_and_the_index(handout):
    """A lesson page links to the previous and next lesson and to the index, which opens; the index links
    to every lesson in order. Last in this file: it leaves the shared page on another page."""
    slug = handout.path.stem
    links = handout.page.locator("a[href$='.html']")
    for n in range(links.count()):  # every page a page links to is in the folder
        assert (handout.path.parent / links.nth(n).get_attribute("href").split("#")[0]).is_file(), slug
    if slug in render.handout.COURSE_PAGES:
        assert handout.page.locator("nav.warcourse-nav a[rel=index]").get_attribute("href") == "index.html"
        return
    if slug == "index":
        links = handout.page.locator("a[href$='.html']")
        assert [links.nth(n).get_attribute("href") for n in range(links.count())] == [f"{s}.html" for s in LESSONS]
        return
    at = LESSONS.index(slug)
    nav = handout.page.locator("nav.warcourse-nav").first
    assert nav.locator("a[rel=index]").get_attribute("href") == "index.html"
    for rel, other in (("prev", LESSONS[at - 1] if at else None),
                       ("next", LESSONS[at + 1] if at + 1 < len(LESSONS) else None)):
        links = nav.locator(f"a[rel={rel}]")
        assert links.count() == (1 if other else 0), f"{slug}: {rel}"
        if other:
            assert links.get_attribute("href") == f"{other}.html"
    nav.locator("a[rel=index]").click()
    handout.page.wait_for_url("**/index.html")
    assert handout.problems == []
