"""The repository keeps its promises to a new user: two commands, CI running the second, licences."""

import ast
import json
import re
import sys
from pathlib import Path

import jsonschema
from hypothesis import settings
from markdown_sections import section

from warcourse import mime
from warcourse.paths import ROOT


def readme_commands() -> list[str]:
    block = re.search(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_readme_starts_with_the_two_commands():
    install_and_open, install_and_test = readme_commands()
    assert install_and_open == "python -m pip install -r requirements.txt && jupyter lab"
    assert install_and_test.endswith("&& python -m pytest")


def test_ci_runs_the_readme_test_command_verbatim_and_refuses_an_empty_run():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()
    assert '"$status" -eq 5' in ci and "missing+=(chromium)" in ci and "apt-get install -y -qq" in ci
    assert "apt-get install -y -qq chromium-headless-shell" in ci, "the browser tests run in the headless shell"
    lint = next(n for n, line in enumerate(ci.splitlines()) if line.startswith("ruff check ."))
    assert lint < ci.splitlines().index(readme_commands()[1]), "ruff runs before the tests"


def test_requirements_stay_lean_and_end_with_the_package():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines[-1] == "-e ."
    for test_only in ("pytest", "nbval", "hypothesis", "playwright", "frictionless"):
        assert not any(line.lower().startswith(test_only) for line in lines), test_only


def test_requirements_install_the_course_jupyterlab_defaults():
    """jupyter-settings/ is a plain (not editable) install: editable installs skip its data file."""
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    assert "./jupyter-settings" in lines
    defaults = json.loads((ROOT / "jupyter-settings" / "warcourse.json").read_text())
    assert defaults == {
        "@jupyterlab/apputils-extension:kernels-settings": {"commsOverSubshells": "disabled"},
        "@jupyterlab/apputils-extension:notification": {"fetchNews": "false"},  # no news pop-up
        "@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": True},  # widget answers survive
    }
    project = (ROOT / "jupyter-settings" / "pyproject.toml").read_text()
    assert '"share/jupyter/lab/settings/overrides.d" = ["warcourse.json"]' in project


def test_the_course_jupyterlab_defaults_match_the_installed_schemas():
    """Every key and value in jupyter-settings/warcourse.json is one the installed JupyterLab accepts.

    A misspelt key or a value outside the schema would be dropped without a word.
    """
    share = Path(sys.prefix) / "share" / "jupyter"
    defaults = json.loads((ROOT / "jupyter-settings" / "warcourse.json").read_text())
    for plugin, values in defaults.items():
        package, name = plugin.split(":")
        found = [path for path in (share / "lab" / "schemas" / package / f"{name}.json",
                                   share / "labextensions" / package / "schemas" / package / f"{name}.json")
                 if path.exists()]
        assert found, f"no schema for {plugin} under {share}"
        schema = json.loads(found[0].read_text())
        assert set(values) <= set(schema["properties"]), plugin
        for key, value in values.items():
            jsonschema.validate(value, schema["properties"][key])


def test_licences_credit_the_article():
    for name in ("LICENSE", "LICENSE-CONTENT.md", "README.md", "data/README.md"):
        assert (ROOT / name).exists(), name
    for name in ("README.md", "data/README.md", "LICENSE-CONTENT.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "CC BY-SA 4.0" in text and "War against the Islamic State" in text, name


def test_no_property_test_has_a_time_limit():
    """Speed is measured in benchmarks/, not asserted: a hypothesis deadline fails a test when the machine
    is busy, so the root conftest.py's profiles have none, and no test's ``settings(...)`` sets one."""
    assert settings.default.deadline is None
    assert all(settings.get_profile(name).deadline is None for name in ("verdict", "explore"))
    timed = [f"{path.relative_to(ROOT)}:{node.lineno}"
             for path in sorted((ROOT / "tests").rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "settings"
             and any(keyword.arg == "deadline" for keyword in node.keywords)]
    assert timed == []


def test_the_guide_says_what_every_test_file_guards():
    """CONTRIBUTING.md's *What the tests guard* names every test file, so a maintainer who breaks one
    knows what it protects: by name, by its folder (``tests/browser/``, ``tests/grading/``), or, for a
    bank's own ``tests/banks/test_<topic>.py``, by that pattern."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    guards = section(guide, "## What the tests guard")
    topics = {path.stem.removesuffix("_bank") for path in (ROOT / "warcourse" / "questions").glob("*_bank.py")}
    topic_pattern = "`test_<topic>.py`" in guards
    unnamed = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        folder = path.parent.relative_to(ROOT).as_posix()
        by_folder = folder not in ("tests", "tests/banks") and f"`{folder}/`" in guards
        by_topic = topic_pattern and folder == "tests/banks" and path.stem.removeprefix("test_") in topics
        if f"`{path.name}`" not in guards and not by_folder and not by_topic:
            unnamed.append(path.relative_to(ROOT).as_posix())
    assert unnamed == [], f"CONTRIBUTING.md, 'What the tests guard' does not say what these guard: {unnamed}"


def test_the_widget_mime_types_are_spelled_only_in_warcourse_mime():
    """Code and tests import them from ``warcourse.mime``: a second spelling would go on passing after
    the first one changed. (The committed notebooks, written by ipywidgets, are what checks the spelling.)"""
    spelled = [f"{path.relative_to(ROOT)}:{number}"
               for folder in ("warcourse", "tests", "benchmarks") for path in sorted((ROOT / folder).rglob("*.py"))
               if path != ROOT / "warcourse" / "mime.py"
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if mime.WIDGET_STATE in line or mime.WIDGET_VIEW in line]
    assert spelled == [], f"import these MIME types from warcourse.mime instead: {spelled}"
