"""Run one handed-in notebook in a bubblewrap sandbox (or, told so, without one) and collect its report.

The sandbox (``bwrap``) sees: the system's ``/usr`` and a few files of ``/etc``, the Python
environment and the course's ``warcourse``, ``data``, ``seeds`` and ``notebooks`` folders, all
read-only; the package's ``questions`` folder replaced by recording stubs and ``brief.py`` by a
copy without the model brief (``without_model_brief``); a private writable folder holding a copy of
the notebook alone; a private ``/tmp`` and home. It has no network (``--unshare-net``), its own
process tree (``--unshare-pid``: every process in it ends with it), no capabilities and no new user
namespaces, no terminal (``--new-session``), and it dies with the grader (``--die-with-parent``). Its
environment is a short list (``environment``). Limits: address space, CPU seconds, processes, file
size (``LIMITS``), and the wall-clock ``timeout`` for the whole notebook.

Who runs the notebook depends on who runs the grader. A grader run by a user starts ``bwrap`` in a
new user namespace (``--unshare-user``), where the notebook is uid 1000: outside, its processes are
the grader's user, whose process limit holds (counting that user's other processes too). Linux
applies no process limit to root, and in such a namespace the notebook would still be root outside,
so a grader run as root starts ``bwrap`` privileged (no user namespace: root makes the mounts) and
the sandbox's command is ``setpriv``, which makes the runner a user of its own (``FIRST_UID`` and
up, one per running sandbox, so two sandboxes never share a process budget; ``claim_uid``) with no
capabilities, no supplementary groups and no new privileges before Python starts. A seccomp filter
(``no_user_namespaces``) refuses new user namespaces there, as ``--disable-userns`` does in the
other case. The private folder is that user's; ``/tmp`` and home are open to it (mode 1777), and the
folders above a bound one are made readable (``/root``, mode 700 outside, holds a pyenv Python).

The runner inside (``warcourse.grading.runner``) reports as JSON lines on its stdout, a pipe to the
grader; ``run`` keeps what arrives and, once the sandbox has ended, returns the lines it could parse
as plain data.
"""

from __future__ import annotations

import ast
import json
import os
import pwd
import resource
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CourseError
from ..paths import ROOT, imported_package

PACKAGE = ROOT / "warcourse"
VISIBLE = ("warcourse", "data", "seeds", "notebooks")  # what of the course a graded kernel sees
STUB = Path(__file__).parent / "stub"
LIMITS = {  # per process in the sandbox
    resource.RLIMIT_AS: 4 << 30,  # bytes of address space (a kernel with pandas and matplotlib takes ~1.5 GB)
    resource.RLIMIT_NPROC: 256,  # processes and threads of the sandbox's user (never root: see the docstring)
    resource.RLIMIT_FSIZE: 64 << 20,  # bytes a written file may reach
    resource.RLIMIT_CORE: 0,
}
REPORT_LIMIT = 100_000_000  # bytes of the runner's report read back
GRACE = 10  # seconds beyond the notebook's time limit for starting and stopping the run
HOME = "/home/student"
WORK = f"{HOME}/work"
FIRST_UID = 60000  # a grader run as root runs each sandbox as a user of its own: FIRST_UID, FIRST_UID + 1, ...
UIDS = 1000  # how many such users (sandboxes running at once, over every grader of the machine)
BWRAP_MISSING = ("grading runs each notebook in a bubblewrap sandbox, and bwrap is not installed: install the "
                 "package bubblewrap (apt install bubblewrap), or pass --no-sandbox to grade files you trust")


@dataclass
class Run:
    """What the runner reported: its JSON lines in order, and problems seen from outside."""

    lines: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    executed: Path | None = None


def privileged() -> bool:
    """Whether the grader runs as root, so that ``bwrap`` runs privileged and ``setpriv`` drops to a user."""
    return os.geteuid() == 0


def require_bwrap() -> str:
    """The ``bwrap`` command, checked to work here (as root: privileged, dropping to a user of its own
    with ``setpriv``); CourseError (one line) otherwise."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise CourseError(BWRAP_MISSING)
    if privileged():
        setpriv = shutil.which("setpriv", path="/usr/bin:/bin")
        if setpriv is None:
            raise CourseError("grading as root drops each sandbox to a user of its own with setpriv, which is not "
                              "installed: install util-linux, or grade as another user")
        command = [bwrap, *_UNSHARE_PRIVILEGED, *_CAPS_PRIVILEGED, "--ro-bind", "/", "/", "--",
                   *_setpriv(FIRST_UID + UIDS - 1), "true"]
    else:
        command = [bwrap, "--unshare-all", "--unshare-user", "--cap-drop", "ALL", "--ro-bind", "/", "/", "true"]
    test = subprocess.run(command, capture_output=True, text=True)
    if test.returncode != 0:
        first = (test.stderr.strip().splitlines() or ["no message"])[0]
        raise CourseError(f"bwrap cannot make a sandbox here ({first}); grade with --no-sandbox only files you trust")
    return bwrap


def require_same_package() -> None:
    """The runner in the sandbox imports ``warcourse`` as this Python finds it from elsewhere than this folder: that
    must be this package, which the sandbox shows (a grade run in another checkout than the installed one would
    fail every file before its first cell)."""
    installed = imported_package(sys.executable)
    if installed != PACKAGE.resolve():
        raise CourseError(f"the sandbox's Python would import warcourse from {installed or 'nowhere'}, not from "
                          f"{PACKAGE.parent} where grade runs: run grade in the checkout this Python has installed, "
                          "or install this one (python -m pip install -e .)")


_UNSHARE_PRIVILEGED = ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
_CAPS_PRIVILEGED = ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID",
                    "--cap-add", "CAP_SETPCAP"]  # what setpriv needs, and setpriv drops them all


def _setpriv(uid: int) -> list[str]:
    """The command that makes the rest of the command line user ``uid`` with no privileges."""
    return ["/usr/bin/setpriv" if Path("/usr/bin/setpriv").exists() else "/bin/setpriv", f"--reuid={uid}",
            f"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]


@contextmanager
def claim_uid():
    """A user id no account has and no other sandbox of this machine uses, held until the block ends
    (the claim is an abstract socket named after it, which ends with the process that holds it)."""
    for uid in range(FIRST_UID, FIRST_UID + UIDS):
        try:
            pwd.getpwuid(uid)
            continue
        except KeyError:
            pass
        claim = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            claim.bind(f"\0warcourse-sandbox-uid-{uid}")
        except OSError:
            claim.close()
            continue
        with claim:
            yield uid
        return
    raise RuntimeError(f"all {UIDS} sandbox user ids are in use")


_ARCHES = {"x86_64": (0xC000003E, {"clone": 56, "unshare": 272, "clone3": 435}),
           "aarch64": (0xC00000B7, {"clone": 220, "unshare": 97, "clone3": 435})}


def no_user_namespaces() -> bytes | None:
    """A seccomp program (classic BPF, as ``bwrap --seccomp`` reads it) refusing ``clone`` and ``unshare``
    with ``CLONE_NEWUSER`` (EPERM) and ``clone3``, whose flags it cannot read (ENOSYS: the C library then
    uses ``clone``); a system call of another architecture ends the process. None on other machines."""
    arch = _ARCHES.get(os.uname().machine)
    if arch is None or sys.byteorder != "little":
        return None
    audit, nr = arch
    ld, jeq, jge, jset, ret = 0x20, 0x15, 0x35, 0x45, 0x06
    allow, kill = 0x7FFF0000, 0x80000000
    eperm, enosys = 0x00050000 | 1, 0x00050000 | 38
    program = [
        (ld, 0, 0, 4),  # 0: the architecture
        (jeq, 1, 0, audit),  # 1
        (ret, 0, 0, kill),  # 2: another architecture
        (ld, 0, 0, 0),  # 3: the system call's number
        (jge, 6, 0, 0x40000000),  # 4: x32 calls -> 11
        (jeq, 5, 0, nr["clone3"]),  # 5 -> 11
        (jeq, 1, 0, nr["unshare"]),  # 6 -> 8
        (jeq, 0, 2, nr["clone"]),  # 7 -> 8, else 10
        (ld, 0, 0, 16),  # 8: the flags (first argument, low half)
        (jset, 2, 0, 0x10000000),  # 9: CLONE_NEWUSER -> 12
        (ret, 0, 0, allow),  # 10
        (ret, 0, 0, enosys),  # 11
        (ret, 0, 0, eperm),  # 12
    ]
    return b"".join(struct.pack("=HBBI", *op) for op in program)


def without_model_brief(source: str) -> str:
    """``brief.py`` without the functions that write the model brief (those returning a Section or a Brief),
    nor the names bound to them."""
    tree = ast.parse(source)
    dropped = {node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.returns is not None
               and ast.unparse(node.returns).strip("'\"") in ("Section", "Brief")}
    kept = [node for node in tree.body if not (isinstance(node, ast.FunctionDef) and node.name in dropped)
            and not (isinstance(node, ast.Assign) and {n.id for n in ast.walk(node.value)
                                                       if isinstance(n, ast.Name)} & dropped)]
    tree.body = kept
    doc = "# In a graded kernel: warcourse/brief.py without the model brief (warcourse.grading.sandbox).\n"
    return doc + ast.unparse(tree) + "\n"


def _python_paths() -> list[Path]:
    """Folders the kernel imports from: the Python environment and sys.path, but nothing of the course's
    root beyond ``VISIBLE`` (a checkout also holds the solutions and its history), no folder holding it,
    nor the grader's working folder."""
    found = []
    prefixes = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    for entry in [*sorted(prefixes), *sys.path[1:]]:
        path = Path(entry).resolve() if entry else None
        if path is None or not path.is_dir() or path == Path("/") or str(path).startswith("/usr/"):
            continue
        if path not in prefixes and (path == ROOT or path in ROOT.parents or ROOT in path.parents
                                     or path == Path.cwd().resolve()):
            continue
        if not any(path == done or done in path.parents for done in found):
            found = [done for done in found if path not in done.parents] + [path]
    return sorted(found)


def environment(sandboxed: bool) -> dict[str, str]:
    """The graded kernel's whole environment."""
    bins = [str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"]
    env = {"PATH": ":".join(dict.fromkeys(bins)), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "HOME": HOME if sandboxed else os.environ.get("HOME", "/tmp"), "TMPDIR": "/tmp",
           "MPLBACKEND": "agg", "PYTHONDONTWRITEBYTECODE": "1"}
    if os.environ.get("PYTHONPATH"):  # a checkout run with PYTHONPATH imports the same course in the kernel
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    if not sandboxed:
        env["TMPDIR"] = tempfile.gettempdir()
    return env


def bwrap_command(bwrap: str, stubs: Path, work: Path, runner: list[str], uid: int | None = None,
                  seccomp: int | None = None) -> list[str]:
    """The bwrap command line running ``runner`` (see the module's docstring): in a user namespace,
    or, given ``uid``, privileged with ``setpriv`` making the runner that user (and ``seccomp``, a file
    descriptor of ``no_user_namespaces``, refusing new user namespaces)."""
    if uid is None:
        command = [bwrap, "--unshare-all", "--unshare-user", "--uid", "1000", "--gid", "1000", "--cap-drop", "ALL",
                   "--disable-userns"]
    else:
        command = [bwrap, *_UNSHARE_PRIVILEGED, *_CAPS_PRIVILEGED]
        if seccomp is not None:
            command += ["--seccomp", str(seccomp)]
    command += ["--die-with-parent", "--new-session", "--clearenv",
                "--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp",
                "--tmpfs", "/home", "--perms", "1777", "--dir", HOME]
    for name in ("bin", "lib", "lib32", "lib64", "sbin"):
        top = Path("/") / name
        if top.is_symlink():
            command += ["--symlink", os.readlink(top), str(top)]
        elif top.is_dir():
            command += ["--ro-bind", str(top), str(top)]
    for name in ("fonts", "ld.so.cache", "localtime", "passwd", "group", "nsswitch.conf", "alternatives"):
        command += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    binds = [*_python_paths(), *(ROOT / name for name in VISIBLE if (ROOT / name).exists())]
    made = {Path("/"), Path("/usr"), Path("/tmp"), Path("/home"), *binds}
    for path in binds:  # folders above a bound one, open to the sandbox's user (/root is not)
        for parent in reversed(path.parents):
            if parent not in made and not any(bound in parent.parents for bound in binds):
                command += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
    for path in _python_paths():
        command += ["--ro-bind", str(path), str(path)]
    for name in VISIBLE:
        command += ["--ro-bind-try", str(ROOT / name), str(ROOT / name)]
    command += ["--ro-bind", str(stubs / "questions"), str(PACKAGE / "questions"),
                "--ro-bind", str(stubs / "brief.py"), str(PACKAGE / "brief.py")]
    for compiled in sorted((PACKAGE / "__pycache__").glob("brief.*.pyc")):  # the model brief, compiled
        command += ["--ro-bind", "/dev/null", str(compiled)]
    command += ["--bind", str(work), WORK, "--chdir", WORK]
    for key, value in environment(sandboxed=True).items():
        command += ["--setenv", key, value]
    return [*command, "--", *([] if uid is None else _setpriv(uid)), *runner]


def _stubs(folder: Path, brief_stub: str) -> Path:
    """The stub folder bound over ``questions`` and ``brief.py`` (its text ``brief_stub``), written in ``folder``."""
    shutil.copytree(STUB / "questions", folder / "questions", ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "brief.py").write_text(brief_stub, encoding="utf-8")
    return folder


def _limits(cpu_seconds: int) -> None:
    """In the child, before bwrap starts: the sandbox's limits."""
    for limit, value in {**LIMITS, resource.RLIMIT_CPU: cpu_seconds}.items():
        soft, hard = resource.getrlimit(limit)
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(limit, (value, value if hard == resource.RLIM_INFINITY else hard))


class Sandbox:
    """Runs notebooks, one per call, each in its own sandbox; ``stop()`` ends every one still running."""

    def __init__(self, sandboxed: bool, timeout: float):
        self.sandboxed, self.timeout = sandboxed, timeout
        self.bwrap = require_bwrap() if sandboxed else None
        if sandboxed:
            require_same_package()
        self.privileged = sandboxed and privileged()
        # made once, here: Python 3.11.7's parser is not safe to call from several grading threads at once
        self.brief_stub = without_model_brief((PACKAGE / "brief.py").read_text(encoding="utf-8")) if sandboxed else ""
        self.running: set[subprocess.Popen] = set()
        self.lock = threading.Lock()
        self.stopping = False

    @property
    def mode(self) -> str:
        return "sandbox" if self.sandboxed else "no sandbox"

    def run(self, notebook_json: str, keep: Path | None) -> Run:
        """Execute the notebook (its JSON text); return the runner's report, and copy the executed
        notebook to ``keep`` when given."""
        with tempfile.TemporaryDirectory(prefix="warcourse-grade-") as temp:
            temp = Path(temp)
            work = temp / "work"
            work.mkdir()
            name = "submission.ipynb"
            (work / name).write_text(notebook_json, encoding="utf-8")
            inside = Path(WORK) if self.sandboxed else work
            runner = [sys.executable, "-m", "warcourse.grading.runner", str(inside / name), str(self.timeout)]
            result = Run()
            with claim_uid() if self.sandboxed and self.privileged else nullcontext() as uid:
                fds: tuple[int, ...] = ()
                if self.sandboxed:
                    stubs = temp / "stubs"
                    stubs.mkdir()
                    if uid is not None:  # the private folder is the sandbox's user's
                        for path in (work, work / name):
                            os.chown(path, uid, uid)
                        program = no_user_namespaces()
                        if program is not None:
                            fds = (_memfd(program),)
                    command = bwrap_command(self.bwrap, _stubs(stubs, self.brief_stub), work, runner, uid, *fds)
                    env = {}
                else:
                    command, env = [*runner, "--no-sandbox"], environment(sandboxed=False)
                try:
                    report, result.problems = self._wait(command, env, work, fds)
                finally:
                    for fd in fds:
                        os.close(fd)
            result.lines = _parse(report)
            executed = work / "executed.ipynb"
            if keep is not None and executed.is_file() and not executed.is_symlink():
                keep.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(executed, keep)
                result.executed = keep
            return result

    def _wait(self, command: list[str], env: dict, work: Path, fds: tuple[int, ...] = ()) -> tuple[bytes, list[str]]:
        """Run ``command`` to its end or the time limit, reading its report from a pipe (at most
        ``REPORT_LIMIT`` bytes kept); kill its whole process group either way."""
        with self.lock:
            if self.stopping:
                raise KeyboardInterrupt
            process = subprocess.Popen(command, env=env, cwd=work, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, start_new_session=True, pass_fds=fds,
                                       preexec_fn=lambda: _limits(int(self.timeout) + GRACE))
            self.running.add(process)
            pidfd = _pidfd(process)  # here, before anything can reap the process
        chunks: list[bytes] = []
        reader = threading.Thread(target=_read, args=(process.stdout, chunks), daemon=True)
        reader.start()
        problems = []
        try:
            if not _ended(process, pidfd, self.timeout + GRACE):
                problems.append(f"stopped by the grader after {self.timeout + GRACE:g} s")
        finally:
            if pidfd is not None:
                os.close(pidfd)
            _kill(process)
            reader.join()
            process.stdout.close()
            with self.lock:
                self.running.discard(process)
        return b"".join(chunks), problems

    def stop(self) -> None:
        """End every sandbox still running (on Ctrl-C): each one's processes die with it."""
        with self.lock:
            self.stopping = True
            for process in list(self.running):
                _kill(process)


def _memfd(data: bytes) -> int:
    """A file descriptor reading ``data`` from its start."""
    fd = os.memfd_create("warcourse-seccomp", os.MFD_CLOEXEC)
    os.write(fd, data)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def _pidfd(process: subprocess.Popen) -> int | None:
    """A file descriptor that becomes readable when ``process`` ends (None before Linux 5.3)."""
    try:
        return os.pidfd_open(process.pid)
    except (AttributeError, OSError):
        return None


def _ended(process: subprocess.Popen, pidfd: int | None, seconds: float) -> bool:
    """Whether ``process`` ended within ``seconds``, woken by its end (``Popen.wait`` with a timeout
    polls, up to 50 ms late); ``_kill`` reaps it."""
    if pidfd is None:
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            return False
        return True
    poller = select.poll()
    poller.register(pidfd, select.POLLIN)
    deadline = time.monotonic() + seconds
    while True:
        left = max(0.0, deadline - time.monotonic())
        if poller.poll(min(left, 86400) * 1000):  # milliseconds, a day at most per call
            return True
        if not left:
            return False


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def _read(pipe, chunks: list[bytes]) -> None:
    """Keep the first ``REPORT_LIMIT`` bytes of ``pipe``, and drain the rest so the writer never blocks."""
    kept = 0
    while chunk := pipe.read1(1 << 16):
        if kept < REPORT_LIMIT:
            chunks.append(chunk[:REPORT_LIMIT - kept])
            kept += len(chunks[-1])


def _parse(report: bytes) -> list[dict]:
    """The report's JSON lines that are objects (anything else, a line nested too deep to read included, is
    skipped); nothing is evaluated."""
    lines = []
    for raw in report.splitlines():
        try:
            item = json.loads(raw)
        except (ValueError, RecursionError):  # a handed-in notebook can write anything to its report
            continue
        if isinstance(item, dict):
            lines.append(item)
    return lines
