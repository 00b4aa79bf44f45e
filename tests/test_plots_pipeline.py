"""The figure pipeline's shortcuts change no pixel and keep PNG bytes deterministic."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from warcourse import plots


def figure(title: str = "Strikes by month, 2016"):
    fig, ax = plots.new(title, xlabel="Month (2016)", ylabel="Airstrikes (count, log scale)",
                        source="strike_counts, article lines 359-366")
    ax.plot([1, 2, 3, 4], [28, 175, 367, 495], marker="o", label="United States")
    ax.set_yscale("log")
    ax.annotate("announced end", (3, 367), fontsize=7)
    ax.legend()
    return fig


def pixels(png: bytes) -> bytes:
    return Image.open(io.BytesIO(png)).convert("RGB").tobytes()


def test_cached_font_heights_draw_the_same_pixels(monkeypatch):
    cached = plots.show(figure(), alt="A line rising from 28 to 495 strikes on a log axis.").png
    monkeypatch.setattr(plots, "_font_height_metrics", lambda renderer, prop: (None, None, None))
    uncached = plots.show(figure(), alt="A line rising from 28 to 495 strikes on a log axis.").png
    assert cached == uncached


def test_font_heights_follow_the_font_settings():
    import matplotlib

    fig = figure()
    plots.show(fig, alt="A line rising from 28 to 495 strikes on a log axis.")
    prop = fig.axes[0].title.get_fontproperties()
    renderer = fig.canvas.get_renderer()
    before = plots._font_height_metrics(renderer, prop)
    with matplotlib.rc_context({"font.sans-serif": ["STIXGeneral"], "font.family": "sans-serif"}):
        other = plots._font_height_metrics(renderer, prop)
    assert plots._font_height_metrics(renderer, prop) == before
    assert other != before


@pytest.mark.parametrize("title", ["Strikes by month, 2016", "A two-line title:\nsecond line"])
def test_png_bytes_are_deterministic_and_lossless(title):
    first = plots.show(figure(title), alt="A line rising from 28 to 495 strikes on a log axis.").png
    again = plots.show(figure(title), alt="A line rising from 28 to 495 strikes on a log axis.").png
    assert first == again
    fig = figure(title)
    fig.canvas.draw()
    drawn = Image.frombuffer("RGBA", fig.canvas.get_width_height(physical=True), fig.canvas.buffer_rgba(),
                             "raw", "RGBA", 0, 1).convert("RGB")
    quantized = drawn.quantize(colors=64, method=Image.Quantize.FASTOCTREE).convert("RGB")
    assert pixels(first) == quantized.tobytes()  # the PNG holds exactly the 64-colour image
