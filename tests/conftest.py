"""Shared fixtures: the repository paths, a scratch copy of the seed and annotations, the built tables,
figures drawn without pixels."""

import shutil
from pathlib import Path

import pytest

from warcourse import build, plots
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


def _draw_without_pixels(fig) -> bytes:
    """``plots._png`` without the pixels: the same renderer and font hook, the figure laid out and every
    artist drawn, but the renderer's draw calls do nothing and no PNG is encoded (returns b"")."""
    renderer = fig.canvas.get_renderer()
    renderer._get_font_height_metrics = plots._font_height_metrics.__get__(renderer)
    with renderer._draw_disabled():
        fig.draw(renderer)
    return b""


@pytest.fixture
def without_pixels(monkeypatch):
    """Figures are laid out and drawn (what fails at draw time still fails) but not painted: painting the
    pixels is most of a figure's time, and nbval and the render tests paint every lesson's figures."""
    monkeypatch.setattr(plots, "_png", _draw_without_pixels)
