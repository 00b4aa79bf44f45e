"""Where the course's files live, relative to the repository root."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_cac49730821b3f73.txt"
SEED_SHA256 = "e8b6fa40b8566793b8afa52b73748c68bbe1caf189019c7b8a31e5858670beea"
DATA = ROOT / "data"
ANNOTATIONS = DATA / "annotations"
TABLES = DATA / "tables"
DATAPACKAGE = DATA / "datapackage.json"
NOTEBOOKS = ROOT / "notebooks"
EXERCISES = ROOT / "exercises"


def shown(path: Path) -> str:
    """A path as a user should read it: relative to the repository when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def imported_package(python: str) -> Path | None:
    """The ``warcourse`` package folder that ``python`` imports when started outside any checkout (as a kernel
    or the grader's sandbox starts it), or None when it finds none."""
    found = subprocess.run([python, "-c", "import importlib.util as u; s = u.find_spec('warcourse'); "
                            "print(s.origin if s else '')"], cwd="/", capture_output=True, text=True, check=False)
    origin = found.stdout.strip()
    return Path(origin).parent.resolve() if origin else None
