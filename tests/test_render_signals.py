"""``render`` as real processes: two renders into one folder at once, and Ctrl-C.

Each test runs ``python -m warcourse render`` in a subprocess with its own temporary folder
(``TMPDIR``), where the kernels' connection files and IPC sockets go, so the test can see
that none is left behind.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from warcourse.paths import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
LESSON = FIXTURES / "90_fixture_lesson.ipynb"
NOISE = "KeyboardInterrupt caught in kernel"

pytestmark = pytest.mark.slow


def _copy(tmp_path: Path, name: str, sleep: float = 0) -> Path:
    """The fixture lesson under another name, optionally ending with a cell that sleeps."""
    nb = nbformat.read(LESSON, as_version=4)
    if sleep:
        nb.cells.append(new_code_cell(f"import time\ntime.sleep({sleep})"))
    path = tmp_path / "lessons" / f"{name}.ipynb"
    path.parent.mkdir(exist_ok=True)
    nbformat.write(nb, path)
    return path


class Render:
    """``python -m warcourse render ARGS`` in its own session, with its own temporary folder."""

    def __init__(self, tmp_path: Path, label: str, *args: str):
        # a short folder: IPC socket paths are limited to about 100 characters, and pytest's are deep
        self.tmp = Path(tempfile.mkdtemp(prefix=f"wc-{label}-", dir="/tmp"))
        self.log = {name: tmp_path / f"{label}.{name}" for name in ("out", "err")}
        with open(self.log["out"], "wb") as out, open(self.log["err"], "wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "warcourse", "render", *args], cwd=ROOT, stdout=out, stderr=err,
                stdin=subprocess.DEVNULL, env=dict(os.environ, TMPDIR=str(self.tmp)), start_new_session=True)

    def wait(self, timeout: float = 120) -> int:
        return self.process.wait(timeout)

    def text(self, name: str) -> str:
        return self.log[name].read_text()

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def kernel_files(self) -> list[str]:
        return sorted(p.name for p in self.tmp.iterdir() if p.name.startswith("kernel-"))

    def descendants(self) -> set[int]:
        """The process ids of every process below this render (workers and kernels)."""
        parents = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(stat.parent.name)] = int(fields[1])
        found, frontier = set(), {self.process.pid}
        while frontier:
            frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
            found |= frontier
        return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _consistent(out: Path) -> dict:
    """The index, after checking that it describes what is on disk and nothing half-written is there."""
    records = json.loads((out / "index.json").read_text())
    assert not [p.name for p in out.rglob(".tmp-*")]
    for slug, record in records.items():
        assert record["link"] and (out / record["link"]).is_file(), slug
    for path in out.rglob("*.ipynb"):
        nbformat.validate(nbformat.read(path, as_version=4))
        assert path.name.removesuffix(".ipynb").removesuffix(".failed") in records
    return records


def test_two_renders_into_one_folder_at_once_keep_both_lessons_and_shut_kernels_down_quietly(tmp_path):
    out = tmp_path / "out"
    first = Render(tmp_path, "first", str(LESSON), str(_copy(tmp_path, "93_first_copy")), "--out", str(out),
                   "--jobs", "2", "--no-html")
    second = Render(tmp_path, "second", str(_copy(tmp_path, "94_second_copy")), "--out", str(out),
                    "--jobs", "1", "--no-html")
    assert (first.wait(), second.wait()) == (0, 0), first.text("err") + second.text("err")
    assert set(_consistent(out)) == {"90_fixture_lesson", "93_first_copy", "94_second_copy"}
    for render in (first, second):
        assert NOISE not in render.text("err") and "Traceback" not in render.text("err")
        assert render.kernel_files() == []
        render.close()


@pytest.mark.parametrize("target", ["main process", "process group"])
def test_ctrl_c_stops_workers_and_kernels_and_leaves_a_true_index(tmp_path, target):
    out = tmp_path / "out"
    render = Render(tmp_path, "render", str(LESSON), str(_copy(tmp_path, "95_slow", sleep=300)),
                    "--out", str(out), "--jobs", "2")
    deadline = time.monotonic() + 120
    while not ((out / "index.json").exists() and len(render.kernel_files()) >= 2):  # 90 done, 95 running
        assert render.process.poll() is None, render.text("err")
        assert time.monotonic() < deadline, f"no lesson finished: {render.text('err')}"
        time.sleep(0.05)
    below = render.descendants()
    assert len(below) >= 3  # two workers and the slow lesson's kernel

    if target == "main process":
        os.kill(render.process.pid, signal.SIGINT)
    else:
        os.killpg(render.process.pid, signal.SIGINT)  # as Ctrl-C in a terminal (kernels have their own session)
    assert render.wait(60) == 130
    err = render.text("err")
    assert err.endswith("interrupted\n") and "Traceback" not in err, err
    deadline = time.monotonic() + 10
    while [pid for pid in below if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in below if _alive(pid)] == []
    assert render.kernel_files() == []
    render.close()
    assert set(_consistent(out)) == {"90_fixture_lesson"}
    assert not list(out.glob("95_slow*"))
