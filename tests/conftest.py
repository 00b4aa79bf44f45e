"""Shared fixtures: the repository paths, a scratch copy of the seed and annotations, the built tables."""

import shutil
from pathlib import Path

import pytest

from warcourse import build
from warcourse.paths import ANNOTATIONS, ROOT, SEED


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A temporary folder holding a copy of the seed and of data/annotations/."""
    shutil.copy(SEED, tmp_path / SEED.name)
    shutil.copytree(ANNOTATIONS, tmp_path / "annotations")
    return tmp_path


@pytest.fixture
def repo() -> Path:
    return ROOT


@pytest.fixture(scope="module")
def tables():
    """The coded tables as a fresh build makes them (rows as dicts); a module may define its own ``tables``."""
    return build.build().tables


@pytest.fixture(scope="module")
def text(tables):
    """Each passage's text by its seed line."""
    return {p["line"]: p["text"] for p in tables["passages"]}

