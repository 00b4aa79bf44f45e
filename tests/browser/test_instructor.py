"""What an instructor relies on, in the real browser: answers survive, and other front ends work.

- An answer given with a widget and one given in code survive saving, closing (the kernel shut
  down) and reopening: the course's JupyterLab defaults (``jupyter-settings/``) save widget
  state with the notebook, and JupyterLab shows it again from there.
- Jupyter Notebook 7 (``/notebooks/...``) and Voila (``/voila/render/...``) show lesson 00's
  exercise widgets and give feedback (a question unanswered, answered wrongly, then rightly); Voila
  shows no code, so its feedback never asks for code. The widget fixture's own kinds are checked in
  JupyterLab (``test_jupyterlab.py``); one page per front end keeps the suite's CPU down.

All pages use the session's one JupyterLab server (Notebook 7 and Voila are extensions of the same
Jupyter server) and its one browser, with copies of the fixture notebook and of lesson 00 under ``instructor/``.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request
import warnings

import nbformat
import pytest

from conftest import CHECK, EXERCISE, FIXTURE, KERNEL_START, RUN_ALL, STEP, Exercise, NotebookPage, exactly, staged
from warcourse import questions
from warcourse.mime import WIDGET_STATE
from warcourse.paths import NOTEBOOKS
from warcourse.questions import key

pytestmark = pytest.mark.browser

SKY = "fixture sky"
RIGHT, WRONG = "✔ Right.", "✘ Not quite"  # the fixture's own messages are checked in test_jupyterlab.py
NOT_ANSWERED = "… Not answered yet: choose or type your answer and press Check."
CODE_ANSWER = "q.apples.check(1149)"
LESSON = NOTEBOOKS / "00_start_here.ipynb"  # the lesson Notebook 7 and Voila show


def stage(lab, name: str, nb: nbformat.NotebookNode) -> str:
    """Write ``nb`` to ``instructor/<name>`` on the server; return its path there."""
    path = f"instructor/{name}"
    (lab.root / "instructor").mkdir(exist_ok=True)
    nbformat.write(nb, lab.root / path)
    return path


class Page(NotebookPage):
    """A notebook page at any server URL (JupyterLab, Notebook 7 or Voila), in its own browser context."""

    def __init__(self, browser, lab, path: str, url: str, screenshots):
        self.lab, self.source, self.screenshots, self.path = lab, lab.root / path, screenshots, path
        # JupyterLab's notebook toolbar and Notebook 7's top bar both carry this indicator
        self.open_page(browser, url, ".jp-Notebook-ExecutionIndicator[data-status='idle']")

    def run_all(self) -> None:
        """Run All from the Run menu once the page's kernel is idle; wait until every cell ran.

        The page's idle indicator shows before its kernel exists, and Run All then asks which kernel
        to start; so wait for the server's session too.
        """
        deadline = time.monotonic() + KERNEL_START
        while not any(session["path"] == self.path and session["kernel"]["execution_state"] == "idle"
                      for session in self.lab.api("/api/sessions")):
            assert time.monotonic() < deadline, f"no idle kernel for {self.path} within {KERNEL_START} s"
            time.sleep(0.2)
        self.status.first.wait_for(timeout=KERNEL_START * 1000)
        self.click_run_all()
        self.wait_until_cells_ran()
        self.status.first.wait_for(timeout=RUN_ALL * 1000)
        assert self.cells_not_run() == [], "cells did not run (an earlier cell failed?)"
        assert self.error_outputs() == [], "cells show errors"

    def widget(self, question: str, within: float = RUN_ALL) -> Exercise:
        """The exercise widget asking ``question`` (the whole box: question, inputs, Check, feedback)."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        box = self.page.locator(EXERCISE).filter(has=self.page.locator(CHECK)).filter(has_text=question)
        try:
            box.wait_for(timeout=within * 1000)
        except PlaywrightTimeout:
            raise AssertionError(f"no widget asking {question!r} within {within} s; {self.what_shows()}") from None
        return Exercise(self, box, None)

    def reopened_widget(self, question: str) -> Exercise:
        """The widget drawn from the notebook's saved state after the page is loaded again.

        jupyterlab-manager reads a notebook's saved widget state once, when the notebook opens, and
        drops it without a word when the kernel is not attached to it at that moment (``restoreWidgets``
        catches the "Kernel not set" error): the outputs then show no widget until the cells run again.
        A student reloads the page; so does this test, once, and says so in a warning.
        """
        try:
            return self.widget(question, within=STEP)
        except AssertionError as missing:
            warnings.warn(f"the saved widget state showed only after a second reload; the first time: {missing}",
                          stacklevel=2)
            self.page.reload()
            return self.widget(question)

    def what_shows(self) -> str:
        """What the page and the server show instead, for a failure's message (widgets are restored from
        the saved state only once the notebook's kernel is ready)."""
        kernels = [session["kernel"]["execution_state"] for session in self.lab.api("/api/sessions")
                   if session["path"] == self.path]
        widget_outputs = [" ".join(text.split())[:120] for text in self.page.locator(".jp-OutputArea-output")
                          .all_text_contents() if "widget" in text.lower()]
        logged = [line for line in self.lab.log.read_text(errors="replace").splitlines()
                  if re.search(r"kernel|error|warn", line, re.IGNORECASE)][-12:]
        return (f"the notebook's kernels: {kernels or 'none'}; outputs about widgets: {widget_outputs or 'none'}; "
                f"screenshot: {self.screenshot(f'{self.path}-no-widget')}; the server's last lines on kernels "
                "and errors:\n" + "\n".join(logged))

    def save(self) -> None:
        with self.page.expect_response(lambda response: response.request.method == "PUT"
                                       and "/api/contents/" in response.url):
            self.page.locator(".lm-MenuBar-itemLabel", has_text=exactly("File")).click()
            self.page.locator("li.lm-Menu-item[data-command='docmanager:save']").click()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    return tmp_path_factory.mktemp("instructor-screenshots")


@pytest.fixture
def page_at(browser, lab, screenshots):
    """``page_at(path, url)`` opens a page; every page opened is closed after the test."""
    opened = []

    def open_page(path: str, url: str) -> Page:
        opened.append(Page(browser, lab, path, url, screenshots))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()


def shut_down_kernels(lab, path: str) -> None:
    """End the kernel of every session on ``path``, as closing the notebook and its kernel would."""
    for session in lab.api("/api/sessions"):
        if session["path"] == path:
            request = urllib.request.Request(lab.url(f"/api/sessions/{session['id']}"), method="DELETE")
            urllib.request.urlopen(request, timeout=10).close()
    deadline = time.monotonic() + STEP
    while any(session["path"] == path for session in lab.api("/api/sessions")):
        assert time.monotonic() < deadline, f"the kernel of {path} did not shut down"
        time.sleep(0.2)


def last_code_cell(page, notebook: nbformat.NotebookNode):
    """The notebook's last code cell on the page, once JupyterLab has drawn every one.

    JupyterLab attaches an opened notebook's cells one after another: until the last is drawn, the
    last code cell on the page is an earlier one.
    """
    from playwright.sync_api import expect

    cells = page.locator(".jp-CodeCell")
    expect(cells).to_have_count(sum(cell.cell_type == "code" for cell in notebook.cells), timeout=STEP * 1000)
    return cells.last


def test_answers_survive_saving_closing_and_reopening(page_at, lab):
    nb = staged(FIXTURE, show_solutions=False)
    nb.cells.append(nbformat.v4.new_code_cell(f"{CODE_ANSWER.split('(')[0]}(...)"))  # an answer in code, as lessons ask
    path = stage(lab, "answers.ipynb", nb)
    notebook = page_at(path, f"/lab/workspaces/instructor-answers/tree/{path}")
    notebook.run_all()
    sky = notebook.widget(SKY)
    sky.choose("blue")
    widget_feedback = sky.check()
    assert widget_feedback.startswith(RIGHT)
    code = last_code_cell(notebook.page, nb)
    code.locator(".cm-content").click()
    notebook.page.keyboard.press("Control+A")
    notebook.page.keyboard.type(CODE_ANSWER)
    notebook.page.keyboard.press("Control+Enter")  # run the cell and stay in it
    output = code.locator(".jp-OutputArea-output")
    output.filter(has_text=RIGHT).wait_for()
    code_feedback = " ".join(output.text_content().split())
    notebook.save()

    saved = nbformat.read(lab.root / path, as_version=4)
    assert saved.cells[-1].source == CODE_ANSWER
    assert RIGHT in json.dumps(saved.cells[-1].outputs, ensure_ascii=False)
    state = saved.metadata["widgets"][WIDGET_STATE]["state"]  # saveState, from jupyter-settings/
    assert any("warcourse-exercise-widget" in model["state"].get("_dom_classes", ()) for model in state.values())
    assert RIGHT in json.dumps(state, ensure_ascii=False)  # the feedback area is saved too

    shut_down_kernels(lab, path)
    notebook.page.reload()
    sky = notebook.reopened_widget(SKY)  # drawn from the saved state: the new kernel has run nothing
    assert sky.radio("blue").is_checked()
    assert not sky.radio("green").is_checked()
    assert " ".join(sky.feedback.text_content().split()) == widget_feedback
    code = last_code_cell(notebook.page, saved)
    assert code.locator(".cm-content").text_content() == CODE_ANSWER
    assert " ".join(code.locator(".jp-OutputArea-output").text_content().split()) == code_feedback


def test_the_course_defaults_save_widget_state_and_ask_about_no_news(lab):
    """The defaults of jupyter-settings/ as the server gives them (the test server's own settings aside)."""
    for plugin, setting, value in (("@jupyter-widgets/jupyterlab-manager:plugin", "saveState", True),
                                   ("@jupyterlab/apputils-extension:notification", "fetchNews", "false")):
        settings = lab.api(f"/lab/api/settings/{plugin}")
        assert settings["schema"]["properties"][setting]["default"] == value, plugin  # overrides change defaults


def answer_a_lesson_question_wrongly_then_rightly(page) -> None:
    """Lesson 00's multiple choice question, asked of the bank for its choices (no answer typed here):
    pressing Check before choosing says so without asking for code (Voila shows none), a wrong
    choice is named in its feedback, the right one is right."""
    exercise = questions.start_here().sections
    wrong_choice = next(choice for choice in exercise.order if choice != key(exercise).answer)
    widget = page.widget(exercise.question[:60])
    not_answered = widget.check()
    assert not_answered == NOT_ANSWERED
    assert not re.search(r"\bcode\b|replace", not_answered)
    widget.choose(wrong_choice)
    wrong = widget.check()
    assert wrong.startswith(WRONG) and wrong_choice in wrong
    widget.choose(key(exercise).answer)
    assert widget.check().startswith(RIGHT)


def test_a_lesson_in_notebook_7(page_at, lab):
    """Run every cell, then answer with the widget.

    Not a typed number checked at once: Notebook 7 (7.6) sends widget messages over kernel
    subshells even with the course's ``commsOverSubshells: disabled``, so a Check clicked within a
    millisecond of leaving the box can overtake the typed value (see tests/browser/README.md).
    """
    path = stage(lab, "lesson_notebook7.ipynb", staged(LESSON, show_solutions=False))
    notebook = page_at(path, f"/notebooks/{path}")
    notebook.run_all()
    assert notebook.widget_problems() == [], "widgets did not render"
    answer_a_lesson_question_wrongly_then_rightly(notebook)
    assert notebook.widget_console_errors() == []


def test_a_lesson_in_voila(page_at, lab):
    path = stage(lab, "lesson_voila.ipynb", staged(LESSON, show_solutions=False))
    page = page_at(path, f"/voila/render/{path}")  # Voila runs every cell before it shows the page
    answer_a_lesson_question_wrongly_then_rightly(page)
    body = page.page.locator("body").inner_text()
    assert "import ipywidgets" not in body and "questions.start_here()" not in body, "Voila shows no code"
    assert page.widget_console_errors() == []
