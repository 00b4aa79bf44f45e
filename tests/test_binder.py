"""Binder: repo2docker reads runtime.txt (Python 3.11) and requirements.txt, without building.

repo2docker installs the repository as a package (`pip install .`) after requirements.txt,
which would replace the editable install of `-e .` (and warcourse would then look for data/
inside site-packages); postBuild re-installs it editable, so it must run after that step.
"""

import importlib.util
import re
import subprocess
import sys

import pytest

from warcourse.paths import ROOT


def test_binder_files_say_what_binder_needs():
    assert (ROOT / "runtime.txt").read_text() == "python-3.11\n"
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    assert [line for line in lines if line and not line.startswith("#")][-1] == "-e ."


@pytest.mark.skipif(importlib.util.find_spec("repo2docker") is None,
                    reason="repo2docker is not installed: pip install jupyter-repo2docker")
def test_repo2docker_plans_python_311_with_requirements(tmp_path):
    command = [sys.executable, "-m", "repo2docker", "--no-build", "--debug", "--no-run", str(ROOT)]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    plan = done.stdout + done.stderr
    assert done.returncode == 0, plan
    assert re.search(r"python[= ]?3\.11\b", plan), plan
    assert re.search(r"pip install .*-r \"?requirements\.txt", plan), plan
    package = plan.find('install --no-cache-dir .\n')
    if package >= 0:
        assert plan.find("./postBuild", package) > package, "postBuild must re-install warcourse editable"
