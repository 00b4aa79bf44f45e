"""Shared fixtures: the repository paths and a scratch copy of the seed and annotations."""

import shutil
from pathlib import Path

import pytest

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
