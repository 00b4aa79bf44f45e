"""Browser fixtures: one JupyterLab 4 server and one headless Chromium for the whole session.

The server listens on 127.0.0.1 with a random token, at a free port it picks itself (another
process may take the port a test probed first) and records in its runtime folder. Its root is a
temporary folder holding copies of the notebooks under test (outputs cleared, same paths as in
the repository), and it has its own config, runtime, settings and workspaces folders with
autosave, news and update checks off, so a test never writes into the repository. Comms over
kernel subshells are off through the course's own JupyterLab defaults (``jupyter-settings/``,
installed by requirements.txt), not through the test, so the tests check that those defaults work.
Chromium is Debian's package, driven by the ``playwright`` Python package through
``executable_path``: its headless shell (``chromium-headless-shell``, the same engine without the
browser's windows, which is what Playwright itself runs headless) where installed, as ``.ci/run``
does, for it takes a fifth less CPU than ``chromium --headless``; else ``chromium``.
Where either is missing, every browser test skips with a reason saying how to install it.
A failing test saves a screenshot of each notebook page it used and shows the server log's tail.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import nbformat.sign
import pytest

from warcourse.exercises.letters import LETTERS
from warcourse.mime import WIDGET_VIEW
from warcourse.paths import NOTEBOOKS, ROOT

collect_ignore_glob = ["fixtures/*"]  # test data for the browser tests, not notebooks for nbval

FIXTURE = Path(__file__).parent / "fixtures" / "widgets.ipynb"
LESSONS = ("00_start_here", "02_coalition_formation")  # lesson 00 and one of 02-04

CHROMIUM = ("/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell",
            "/usr/lib/chromium/chromium", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
INSTALL = ("install Debian's chromium (apt-get install chromium chromium-headless-shell) and the test extra "
           "(pip install -e '.[test]', which brings playwright); .ci/run installs both")
SETTINGS = {  # JupyterLab user settings for the test server
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}
SERVER_START = 90  # seconds; generous because the full suite runs notebooks on every core
KERNEL_START = 90
RUN_ALL = 240
STEP = 30  # one click, keystroke or feedback round trip
EXERCISE = ".warcourse-exercise-widget"  # the CSS hooks warcourse.exercises.views adds
CHECK = "button.warcourse-check"
HINT = "button.warcourse-hint"
SOLUTION = "button.warcourse-solution-button"
NOTE = ".widget-output.warcourse-feedback div.warcourse-note"  # a hint or a solution (Note._repr_html_)
FEEDBACK_AREA = ".widget-output.warcourse-feedback"
FEEDBACK = f"{FEEDBACK_AREA} div.warcourse-feedback"  # the message itself (Feedback._repr_html_)
WIDGET_MESSAGES = ("Loading widget...", "Error displaying widget")


def chromium_path() -> str | None:
    """Debian's Chromium, its headless shell first (or the one named by $CHROMIUM_PATH), or None."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), *CHROMIUM, shutil.which("chromium-headless-shell"),
                      shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


LAB_IDLE = "#jp-main-statusbar .jp-StatusBar-TextItem[title^='Change kernel']"  # says "| Idle" when idle
CELL_OUTPUTS = ".jp-Cell-outputArea > .jp-OutputArea-child > .jp-OutputArea-output"  # a CSS selector
WIDGET_VIEWS = ("[...document.querySelectorAll(outputs)]"  # JavaScript: how many of ``outputs`` show a widget
                ".filter(node => node.querySelector(':scope > .jupyter-widgets')).length")


def workspace_url(path: str) -> str:
    """The JupyterLab URL of the notebook at ``path``, in a workspace of its own."""
    workspace = re.sub(r"\W", "-", path)
    return f"/lab/workspaces/{workspace}/tree/{path}"


def widget_views(source: Path) -> int:
    """How many outputs of the committed notebook are widget views."""
    nb = nbformat.read(source, as_version=4)
    return sum(WIDGET_VIEW in output.get("data", {}) for cell in nb.cells if cell.cell_type == "code"
               for output in cell.outputs)


def exactly(text: str) -> re.Pattern:
    """A pattern matching ``text`` as the whole (stripped) text of an element."""
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def staged(source: Path, *, show_solutions: bool, stored: bool = False) -> nbformat.NotebookNode:
    """A copy of a notebook with no outputs or widget state, optionally with solutions switched on;
    with ``stored``, the notebook as committed (outputs and saved widget state)."""
    nb = nbformat.read(source, as_version=4)
    if stored:
        return nb
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    if show_solutions:
        cell = next((cell for cell in nb.cells if "parameters" in cell.metadata.get("tags", [])), None)
        pattern = re.compile(r"^show_solutions\s*=\s*False\b", re.MULTILINE)
        if cell is None or not pattern.search(cell.source):
            raise AssertionError(f"{source.name}: no `show_solutions = False` in a cell tagged parameters")
        cell.source = pattern.sub("show_solutions = True", cell.source)
    return nb


class LabServer:
    """A JupyterLab process serving a temporary folder; ``stop`` ends it and its kernels."""

    def __init__(self, home: Path):
        self.root = home / "root"
        self.log = home / "server.log"
        self.runtime = home / "runtime"
        self.port: int | None = None  # known once the server has written its info file
        self.token = secrets.token_hex(24)
        settings = home / "settings"
        for plugin, values in SETTINGS.items():
            package, name = plugin.split(":")
            path = settings / package / f"{name}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        labconfig = home / "config" / "labconfig"
        labconfig.mkdir(parents=True)
        (labconfig / "page_config.json").write_text(json.dumps({"buildCheck": False, "buildAvailable": False}))
        self.root.mkdir()
        self.data = home / "data"  # its notebook signatures: a stored copy is signed as trusted there
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(self.runtime),
                   JUPYTER_DATA_DIR=str(self.data))
        command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
                   "--ServerApp.port=0",
                   f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
                   f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={home / 'workspaces'}",
                   "--LabApp.news_url=None",
                   "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: StoredNotebooks opens notebooks with it
                   "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, start_new_session=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}?token={self.token}"

    def api(self, path: str, post: dict | None = None):
        """GET ``path`` from the server's REST API (POST ``post`` as JSON when given); the decoded answer."""
        data = None if post is None else json.dumps(post).encode()
        request = urllib.request.Request(self.url(path), data=data, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def wait_until_ready(self) -> None:
        info = self.runtime / f"jpserver-{self.process.pid}.json"
        deadline = time.monotonic() + SERVER_START
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.port = self.port or json.loads(info.read_text())["port"]
                self.api("/api/status")
                return
            except (OSError, ValueError, KeyError):  # no info file yet, half written, or not answering
                time.sleep(0.2)
        raise RuntimeError(f"JupyterLab did not answer within {SERVER_START} s:\n{self.log_tail()}")

    def add(self, source: Path, *, show_solutions: bool, stored: bool = False) -> str:
        """Copy a notebook under the server root (at its repository path, under ``stored/`` for a
        copy with its committed outputs); return that path."""
        relative = ("stored/" if stored else "") + source.resolve().relative_to(ROOT).as_posix()
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        nb = staged(source, show_solutions=show_solutions, stored=stored)
        if stored:  # trusted, as if run here: else JupyterLab draws no widget and sanitises the HTML
            nbformat.sign.NotebookNotary(data_dir=str(self.data)).sign(nb)
        nbformat.write(nb, target)
        return relative

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # the server shuts its kernels down on SIGTERM
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait(10)


class Exercise:
    """One exercise widget in the page: its question, kind, inputs, Check button and feedback."""

    def __init__(self, notebook: NotebookPage, output, solution):
        self.notebook, self.output, self.solution = notebook, output, solution
        self.question = output.locator(".widget-html-content").first.text_content().strip()
        self.button = output.locator(CHECK)
        self.feedback = output.locator(FEEDBACK)

    @property
    def kind(self) -> str:
        for kind, selector in (("choice", ".widget-radio-box"), ("lines", ".widget-textarea textarea"),
                               ("set", ".warcourse-pick"), ("ordering", ".warcourse-order"),
                               ("number", ".widget-text input")):
            if self.output.locator(selector).count():
                return kind
        return "unknown"

    def answer(self) -> str:
        """The expected answer, read from the solution block shown under the widget.

        A choice reads "b) text — why", a set "2 items: A; B": both come back as the bare answer
        (the choice's text; the items joined with "; ").
        """
        if self.solution is None:
            raise AssertionError(f"no solution block under {self.question!r} (is show_solutions on?)")
        text = self.solution.locator("strong").first.text_content().strip().removeprefix("Answer:").strip()
        if self.kind == "choice":
            return re.sub(r"^[a-z]\) ", "", text).split(" — ")[0]
        if self.kind in ("set", "lines"):
            return text.split(": ", 1)[1]
        return text

    def labels(self) -> list[str]:
        """The choices (radio buttons), or the options or items listed by letter, as shown (without letters)."""
        shown = self.output.locator(".widget-radio-box label")
        if not shown.count():
            return [" ".join(text.split()[1:]) for text in self.output.locator(".warcourse-options li")
                    .all_text_contents()]
        return [" ".join(text.split()) for text in shown.all_text_contents()]

    def radio(self, label: str):
        return self.output.locator(".widget-radio-box label", has_text=exactly(label)).locator("input")

    def choose(self, label: str) -> None:
        self.radio(label).click()

    def letters(self, labels) -> str:
        """The letters of ``labels`` (options or items, as shown), separated by commas."""
        shown = self.labels()
        return ", ".join(LETTERS[shown.index(label)] for label in labels)

    def type(self, text: str) -> None:
        """Click into the answer box, clear it and type ``text`` key by key."""
        box = self.output.locator(".widget-text input")
        box.click()
        box.press("Control+A")
        box.press("Backspace")
        box.press_sequentially(text)

    def type_and_check_at_once(self, text: str) -> str:
        """Type ``text`` and click Check with no pause for the kernel; return the new feedback.

        In one JavaScript task: the input event of each keystroke, the change event of leaving the
        box, then the click, as the fastest typist would make them.
        """
        with self.new_feedback() as result:
            self.output.evaluate("""(node, [text, check]) => {
                const box = node.querySelector('.widget-text input');
                box.focus();
                box.value = '';
                for (const key of text) {
                    box.value += key;
                    box.dispatchEvent(new Event('input', {bubbles: true}));
                }
                box.dispatchEvent(new Event('change', {bubbles: true}));
                node.querySelector(check).click();
            }""", [text, CHECK])
        return result.text

    def pick(self, labels) -> None:
        """Type the letters of ``labels`` (a set's options, or an ordering's items first to last)."""
        self.type(self.letters(labels))

    def text_box(self):
        """The text box of a set exercise without options."""
        return self.output.locator(".widget-textarea textarea")

    def write_lines(self, items) -> None:
        """Click into the text box, clear it and type ``items``, one per line."""
        box = self.text_box()
        box.click()
        box.press("Control+A")
        box.press("Backspace")
        for number, item in enumerate(items):
            if number:
                box.press("Enter")
            box.press_sequentially(item)

    def check(self) -> str:
        """Click Check and return the new feedback text."""
        with self.new_feedback() as result:
            self.button.click()
        return result.text

    def ask(self, what: str) -> str:
        """Click the "hint" or "solution" button and return the note it shows."""
        with FreshFeedback(self, NOTE) as result:
            self.output.locator({"hint": HINT, "solution": SOLUTION}[what]).click()
        return result.text

    def new_feedback(self):
        """A context: inside it, do what shows feedback; ``.text`` holds it after.

        Each Check empties the feedback area before filling it, so even the same message again is new.
        """
        return FreshFeedback(self)


class FreshFeedback:
    """Marks the feedback shown now, and on exit waits for feedback that was not there before."""

    def __init__(self, exercise: Exercise, selector: str = FEEDBACK):
        self.exercise, self.selector = exercise, selector
        self.text = ""

    def __enter__(self):
        self.exercise.output.locator(self.selector).evaluate_all(
            "nodes => nodes.forEach(node => node.dataset.seen = 'yes')")
        return self

    def __exit__(self, kind, value, traceback):
        if kind is None:
            fresh = self.exercise.output.locator(f"{self.selector}:not([data-seen])")
            fresh.wait_for(timeout=STEP * 1000)
            self.text = " ".join(fresh.text_content().split())
        return False


class NotebookPage:
    """A copy of ``source`` opened in its own browser context and JupyterLab workspace."""

    def __init__(self, browser, lab: LabServer, source: Path, screenshots: Path, *, show_solutions: bool):
        self.lab, self.source, self.screenshots = lab, source, screenshots
        self.path = lab.add(source, show_solutions=show_solutions)
        self.open_page(browser, workspace_url(self.path), LAB_IDLE)

    def open_page(self, browser, url: str, idle: str) -> None:
        """A page of its own browser context at the server's ``url``, recording console errors;
        ``idle`` selects what shows the kernel is idle."""
        self.console_errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.set_default_timeout(STEP * 1000)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        self.status = self.page.locator(idle)
        self.page.goto(self.lab.url(url))

    def _console(self, message) -> None:
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            self.console_errors.append(f"{message.text} ({where})")

    def widget_console_errors(self) -> list[str]:
        return [error for error in self.console_errors if "widget" in error.lower()]

    def click_run_all(self) -> None:
        """Click Run All in the Run menu."""
        self.page.locator(".lm-MenuBar-itemLabel", has_text=exactly("Run")).click()
        self.page.locator("li.lm-Menu-item[data-command='runmenu:run-all']").click()

    def wait_until_cells_ran(self) -> None:
        """Wait until some code cell has run and none is queued or running (no "[*]:" prompt)."""
        self.page.wait_for_function(
            """() => {
                const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
                    .map(node => node.textContent.trim());
                return prompts.some(text => /^\\[\\d+\\]:$/.test(text)) && !prompts.includes('[*]:');
            }""",
            timeout=RUN_ALL * 1000, polling=200)

    def start_run(self) -> None:
        """Wait for an idle kernel (the status bar says so), then click Run All."""
        self.status.filter(has_text="| Idle").wait_for(timeout=KERNEL_START * 1000)
        self.click_run_all()

    def finish_run(self) -> None:
        """Wait until no cell is queued or running, the kernel is idle and no widget is still loading."""
        self.wait_until_cells_ran()
        self.status.filter(has_text="| Idle").wait_for(timeout=RUN_ALL * 1000)
        self.page.get_by_text(WIDGET_MESSAGES[0]).first.wait_for(state="detached", timeout=STEP * 1000)

    def cells_not_run(self) -> list[str]:
        """The first line of each code cell that has no execution count after Run All."""
        return self.page.evaluate(r"""() => [...document.querySelectorAll('.jp-CodeCell')]
            .filter(cell => !/^\[\d+\]:$/.test(cell.querySelector('.jp-InputArea-prompt').textContent.trim()))
            .map(cell => cell.querySelector('.cm-line')?.textContent ?? '')""")

    def widget_outputs(self) -> int:
        """How many cell outputs show a widget view."""
        return self.page.evaluate(f"outputs => ({WIDGET_VIEWS})", CELL_OUTPUTS)

    def widget_problems(self) -> list[str]:
        return [f"{message!r} shown {count} time(s)" for message in WIDGET_MESSAGES
                if (count := self.page.get_by_text(message).count())]

    def error_outputs(self) -> list[str]:
        """The text of every error or stderr output (tracebacks are shown as stderr)."""
        errors = self.page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        return [" ".join(text.split())[:300] for text in errors.all_text_contents()]

    def exercises(self) -> list[Exercise]:
        """Every graded exercise widget (one with a Check button), in page order."""
        found = []
        graded = self.page.locator(EXERCISE).filter(has=self.page.locator(CHECK))
        for cell in self.page.locator(".jp-CodeCell").filter(has=graded).all():
            outputs = cell.locator(CELL_OUTPUTS)
            widgets = outputs.filter(has=graded).all()
            solutions = cell.locator(".warcourse-solution").all()
            for index, widget in enumerate(widgets):
                found.append(Exercise(self, widget, solutions[index] if len(solutions) == len(widgets) else None))
        return found

    def exercise(self, question: str) -> Exercise:
        matches = [exercise for exercise in self.exercises() if question in exercise.question]
        assert len(matches) == 1, f"{len(matches)} exercises ask {question!r} in {self.path}"
        return matches[0]

    def first(self, kind: str) -> Exercise:
        for exercise in self.exercises():
            if exercise.kind == kind:
                return exercise
        raise AssertionError(f"{self.path} has no {kind} exercise widget")

    def type_keys(self, text: str) -> None:
        """Type into whatever has the focus, key by key."""
        self.page.keyboard.type(text)

    def press_check(self, exercise: Exercise, key: str = "Enter") -> None:
        """Tab to the exercise's Check button and press ``key`` on it."""
        self.tab_to(exercise.button)
        self.page.keyboard.press(key)

    def answer_by_keyboard(self, exercise: Exercise, box, text: str) -> str:
        """Tab to ``box``, replace its text by typing ``text``, check with the keyboard; return the feedback."""
        self.tab_to(box)
        with exercise.new_feedback() as feedback:
            self.page.keyboard.press("Control+A")
            self.type_keys(text)
            self.press_check(exercise)
        return feedback.text

    def select_cell(self, exercise: Exercise) -> None:
        """From the active cell in command mode, press arrow keys until the exercise's cell is active.

        The active cell gets the focus first, as a click on it would: Escape does not leave a
        widget's text field, and the arrow keys then move the text cursor instead.
        """
        self.page.locator(".jp-Notebook-cell.jp-mod-active").focus()
        self.page.keyboard.press("Escape")
        cell = exercise.output.locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')]")
        target = int(cell.get_attribute("data-windowed-list-index"))
        for _ in range(200):
            active = int(self.page.locator(".jp-Notebook-cell.jp-mod-active").get_attribute("data-windowed-list-index"))
            if active == target:
                return
            self.page.keyboard.press("ArrowDown" if active < target else "ArrowUp")
        raise AssertionError("the arrow keys did not reach the exercise's cell")

    def tab_to(self, target, limit: int = 30) -> int:
        """Press Tab (Shift+Tab when the focus is after ``target``) until ``target`` has the focus.

        Returns how many presses it took.
        """
        focused = "node => node === document.activeElement"
        if target.evaluate(focused):
            return 0
        after = target.evaluate("node => Boolean(node.compareDocumentPosition(document.activeElement) & "
                                "Node.DOCUMENT_POSITION_FOLLOWING)")
        key = "Shift+Tab" if after else "Tab"
        for presses in range(1, limit + 1):
            self.page.keyboard.press(key)
            if target.evaluate(focused):
                return presses
        where = self.page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
        raise AssertionError(f"{limit} presses of {key} did not reach the target; the focus is on {where}")

    def screenshot(self, name: str) -> Path:
        self.screenshots.mkdir(parents=True, exist_ok=True)
        path = self.screenshots / (re.sub(r"[^\w.-]+", "_", name) + ".png")
        self.page.screenshot(path=str(path))
        return path

    def close(self) -> None:
        self.context.close()  # the kernel ends with the server


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip(f"no Chromium found (looked for {', '.join(CHROMIUM)} and $CHROMIUM_PATH): {INSTALL}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip(f"the playwright package is not installed: {INSTALL}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def lab(browser, tmp_path_factory):
    """The JupyterLab server (started only when a browser is there to use it)."""
    server = LabServer(tmp_path_factory.mktemp("lab"))
    try:
        server.wait_until_ready()
        yield server
    finally:
        server.stop()


class Notebooks:
    """The notebooks under test, opened and run side by side; ``ready(name)`` waits for one to finish."""

    def __init__(self, browser, lab: LabServer, screenshots: Path):
        self.browser, self.screenshots = browser, screenshots
        self.lab, self.pages, self.failed = lab, {}, {}
        sources = {"fixture": (FIXTURE, False)}
        sources |= {name: (NOTEBOOKS / f"{name}.ipynb", True) for name in LESSONS}
        for name, (source, show_solutions) in sources.items():
            if source.exists():
                self.pages[name] = NotebookPage(browser, lab, source, screenshots, show_solutions=show_solutions)
        for name, notebook in self.pages.items():
            self._guard(name, notebook.start_run)

    def _guard(self, name: str, step) -> None:
        if name in self.failed:
            return
        try:
            step()
        except Exception as error:
            notebook = self.pages[name]
            shot = notebook.screenshot(f"running-{Path(notebook.path).stem}")
            self.failed[name] = (f"{notebook.path} did not run in JupyterLab ({error}); screenshot: {shot}\n"
                                 f"server log:\n{self.lab.log_tail()}")

    def ready(self, name: str) -> NotebookPage:
        assert name in self.pages, (f"no shared page for notebooks/{name}.ipynb: "
                                    "add it to the lessons this fixture opens")
        self._guard(name, self.pages[name].finish_run)
        if name in self.failed:
            raise AssertionError(self.failed[name])
        return self.pages[name]

    def close(self) -> None:
        for notebook in self.pages.values():
            notebook.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where a failing test's screenshots go ($BROWSER_SCREENSHOTS, or a temporary folder)."""
    return Path(os.environ.get("BROWSER_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))


@pytest.fixture(scope="session")
def notebooks(browser, lab, screenshots):
    opened = Notebooks(browser, lab, screenshots)
    yield opened
    opened.close()


class StoredNotebooks(NotebookPage):
    """One JupyterLab page, loaded once, that opens committed notebooks with their stored outputs and
    saved widget state, one after another, running nothing (nbval keeps the stored outputs equal to a
    fresh run). Each notebook is opened by JupyterLab's own ``docmanager:open`` command (the server
    exposes the app as ``window.jupyterapp``) on one idle kernel started for the page, and closed
    before the next: loading JupyterLab again for each notebook cost three times the CPU of opening
    it, and starting a kernel for each a third more. The widget manager needs a kernel to draw saved
    widgets; an idle one with no widgets of its own is what a student's fresh kernel is."""

    ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook in front

    def __init__(self, browser, lab: LabServer, screenshots: Path):
        self.lab, self.source, self.screenshots, self.path = lab, None, screenshots, ""
        self.open_page(browser, workspace_url("stored"), LAB_IDLE)
        self.page.wait_for_function("() => window.jupyterapp !== undefined", timeout=SERVER_START * 1000)
        self.page.evaluate("async () => { await window.jupyterapp.started; await window.jupyterapp.restored; }")
        self.kernel = lab.api("/api/kernels", {"name": "python3"})["id"]

    def open(self, source: Path) -> StoredNotebooks:
        """Show ``source`` (closing the one shown before) and wait until its saved widgets are drawn.

        Under load, JupyterLab's widget manager now and then restores a notebook's saved state while its
        kernel connection is still starting and draws some saved widgets as "Error displaying widget";
        the notebook is then closed and opened once more, and a second failure fails the test.
        """
        self._close_all()
        self.source, self.path = source, self.lab.add(source, show_solutions=False, stored=True)
        views = widget_views(source)
        self._open()
        assert self.page.locator(".jp-NotebookPanel").count() == 1, f"{self.path}: an earlier notebook is still open"
        if self._drawn(views) is None:
            return self
        self._close_all()
        self._open()
        problem = self._drawn(views)
        if problem is not None:
            raise AssertionError(f"{self.path}: {problem}")
        return self

    def _open(self) -> None:
        self.page.evaluate("async args => { await window.jupyterapp.commands.execute('docmanager:open', args); }",
                           {"path": self.path, "factory": "Notebook", "kernel": {"id": self.kernel}})

    def _close_all(self) -> None:
        """Close every notebook tab without saving (opening one marks it changed: JupyterLab would ask
        whether to save it, and the dialog would stay over the next notebook). Its session stays, on
        the page's one kernel."""
        self.page.evaluate("""() => {
            for (const widget of Array.from(window.jupyterapp.shell.widgets('main'))) {
                if (widget.context) widget.context.model.dirty = false;
                widget.close();
            }
        }""")
        self.page.locator(".jp-NotebookPanel").first.wait_for(state="detached")

    def _drawn(self, views: int) -> str | None:
        """None once ``views`` saved widgets are drawn in the notebook in front; else what is wrong."""
        try:
            self.page.wait_for_function(
                f"""([outputs, views]) => ({WIDGET_VIEWS}) >= views || [...document.querySelectorAll(outputs)]
                    .some(node => node.textContent.includes('Error displaying'))""",
                arg=[f"{self.ACTIVE} {CELL_OUTPUTS}", views], timeout=KERNEL_START * 1000, polling=200)
            self.page.get_by_text(WIDGET_MESSAGES[0]).first.wait_for(state="detached")
        except Exception as error:
            return f"its saved widgets were not drawn ({error}); {self.widget_problems()}"
        problems = self.widget_problems()
        return f"{problems}" if problems else None


@pytest.fixture(scope="module")
def stored_notebooks(browser, lab, screenshots):
    """The page for notebooks as stored; each test leaves it with nothing open."""
    opened = StoredNotebooks(browser, lab, screenshots)
    yield opened
    opened.close()


@pytest.fixture
def stored(stored_notebooks):
    """The page for notebooks as stored: ``stored.open(source)``."""
    return stored_notebooks


@pytest.fixture
def fixture_nb(notebooks) -> NotebookPage:
    """The fixture notebook (one exercise of each widget kind, literal values), every cell run."""
    return notebooks.ready("fixture")


@pytest.fixture(params=LESSONS)
def lesson(request, notebooks) -> NotebookPage:
    """A lesson run with ``show_solutions = True``, so each exercise shows its answer under its widget."""
    return notebooks.ready(request.param)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On failure, save a screenshot of every notebook page the test used and name the files."""
    report = yield
    if report.when != "call" or not report.failed:
        return report
    pages = [value for value in getattr(item, "funcargs", {}).values() if isinstance(value, NotebookPage)]
    for notebook in pages:
        try:
            shot = notebook.screenshot(f"{item.name}-{Path(notebook.path).stem}")
        except Exception as error:  # a crashed page must not hide the test's own failure
            shot = f"could not take a screenshot: {error}"
        report.sections.append(("browser", f"screenshot of {notebook.path}: {shot}"))
    if pages:
        report.sections.append(("jupyter server log (tail)", pages[0].lab.log_tail()))
    return report
