"""The course's figures: one colour-blind-safe palette, titles, labelled axes, a source line, alt text.

For example::

    fig, ax = plots.new("U.S. airstrikes in Libya, 2016", xlabel="Date (2016)",
                        ylabel="Airstrikes since 1 August (count)",
                        source="strike_counts, article lines 359-366")
    ax.plot(...)
    plots.show(fig, alt="A rising line from 28 strikes on 9 August to 495 on 19 December.")

``show`` refuses a figure without a title, axis labels, a source line or alt
text, and displays it as an ``<img>`` with that alt text, so screen readers and
the rendered HTML both get a description.

Figures are made without pyplot (a ``Figure`` on an Agg canvas), so importing this
module leaves the notebook's own backend alone: a student's ``plt.plot`` still
shows inline. matplotlib itself is imported by the first ``new``, so a notebook
that draws nothing does not pay for it.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from itertools import cycle

from cycler import cycler

from .errors import CourseError

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
PALETTE = {
    "blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
    "purple": "#CC79A7", "sky": "#56B4E9", "yellow": "#F0E442", "black": "#000000",
}
ORDER = ("blue", "orange", "green", "vermillion", "purple", "sky", "black", "yellow")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
GREY = "#999999"

STYLE = {
    "figure.figsize": (7.0, 3.8),
    "figure.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "legend.frameon": False,
    "axes.prop_cycle": cycler(color=[PALETTE[c] for c in ORDER]),
}


def colors(keys) -> dict:
    """A stable colour for each key, in palette order."""
    return {key: PALETTE[name] for key, name in zip(keys, cycle(ORDER))}


def markers(keys) -> dict:
    """A stable marker for each key, so colour is never the only cue."""
    return {key: m for key, m in zip(keys, cycle(MARKERS))}


def new(title: str, *, xlabel: str, ylabel: str, source: str, size: tuple[float, float] | None = None,
        ncols: int = 1, nrows: int = 1, **subplot_kw):
    """A figure with the course style, its title, axis labels and a source line at the bottom."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MatplotlibFigure

    with matplotlib.rc_context(STYLE):
        fig = MatplotlibFigure(figsize=size or STYLE["figure.figsize"], layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, **subplot_kw)
    fig.suptitle(title, fontweight="bold", fontsize=12)
    for ax in (axes.flat if hasattr(axes, "flat") else [axes]):
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        _apply_axes_style(ax)
    fig.text(0.0, 0.0, f"Source: {source}", fontsize=8, color="#444444", ha="left", va="bottom",
             transform=fig.transFigure)
    fig.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))
    fig._warcourse = {"title": title, "source": source}
    return fig, axes


def _apply_axes_style(ax) -> None:
    for key in ("top", "right"):
        ax.spines[key].set_visible(False)
    ax.grid(True, color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_prop_cycle(color=[PALETTE[c] for c in ORDER])


def year_axis(ax) -> None:
    """A date x axis with a tick and a label at every 1 January."""
    import matplotlib.dates as mdates

    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))


def concise_date_axis(ax, **locator_options) -> None:
    """A date x axis with ticks chosen by ``AutoDateLocator(**locator_options)``, labelled concisely."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(**locator_options)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


@dataclass(frozen=True)
class Figure:
    """A rendered figure: PNG bytes, its alt text, title and source, shown as ``<img alt=...>``."""

    png: bytes
    alt: str
    title: str
    source: str

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = base64.b64encode(self.png).decode("ascii")
        img = (f'<figure class="warcourse-figure"><img src="data:image/png;base64,{data}" '
               f'alt="{html.escape(self.alt, quote=True)}" style="max-width:100%">'
               f"<figcaption>{html.escape(self.title)}. Source: {html.escape(self.source)}</figcaption>"
               "</figure>")
        text = f"[Figure: {self.title}]\nAlt text: {self.alt}\nSource: {self.source}"
        return {"text/html": img, "text/plain": text}


def check(fig) -> None:
    """Raise unless the figure has a non-empty title and source line and labelled axes (the course's rules)."""
    meta = getattr(fig, "_warcourse", None)
    if not meta:
        raise CourseError("make figures with warcourse.plots.new(...) so they get a title and source line")
    if not all(isinstance(meta.get(key), str) and meta[key].strip() for key in ("title", "source")):
        raise CourseError("a figure needs a title and a source line")
    for ax in fig.axes:
        if not ax.get_visible() or not ax.has_data():
            continue
        if not ax.get_xlabel().strip() or not ax.get_ylabel().strip():
            raise CourseError(f"figure {meta['title']!r}: every axis needs a label with its unit")


def _png(fig) -> bytes:
    """The figure as a 64-colour PNG (a third of the bytes of a full-colour one, no visible loss).

    ``canvas.draw`` lays the figure out and draws it once; ``savefig`` would draw it twice
    (a layout pass, then the real one) and encode a PNG only for it to be decoded here.
    zlib's default level: level 9 (``optimize``) took six times as long for 12 % fewer bytes.
    """
    from PIL import Image

    renderer = fig.canvas.get_renderer()  # the one draw() uses (cached per size and dpi)
    renderer._get_font_height_metrics = _font_height_metrics.__get__(renderer)
    fig.canvas.draw()
    size = fig.canvas.get_width_height(physical=True)
    image = Image.frombuffer("RGBA", size, fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    image = image.convert("RGB").quantize(colors=64, method=Image.Quantize.FASTOCTREE)
    small = io.BytesIO()
    image.save(small, format="PNG", compress_level=6)
    return small.getvalue()


_HEIGHTS: dict = {}  # (FontProperties, dpi, font rcParams) -> (ascent, descent, line gap) in pixels
_FONT_PARAMS = ("font.family", "font.sans-serif", "font.serif", "font.monospace", "font.cursive", "font.fantasy")


def _font_height_metrics(renderer, prop):
    """A font's ascent, descent and line gap, as ``Text._get_layout`` computes them, computed once.

    Without this hook matplotlib looks the font up and reads its OS/2 (or hhea) and head tables
    for every text on every layout pass (a constrained-layout figure is laid out three times),
    about a fifth of drawing a course figure; the numbers, and so the pixels, are the same.
    """
    from matplotlib import rcParams
    from matplotlib.font_manager import fontManager, get_font

    key = (prop, renderer.dpi, tuple(tuple(rcParams[name]) for name in _FONT_PARAMS))  # what picks the file
    if key not in _HEIGHTS:
        font = get_font(fontManager._find_fonts_by_props(prop))
        found = (None, None, None)
        for table_name, gap, ascent, descent in (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                                                ("hhea", "lineGap", "ascent", "descent")):
            table = font.get_sfnt_table(table_name)
            if table is not None:
                scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points() * renderer.dpi / 72
                found = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
                break
        _HEIGHTS[(prop.copy(), *key[1:])] = found
    return _HEIGHTS[key]


def show(fig, alt: str) -> Figure:
    """Check the figure and render it to PNG; returning it makes Jupyter display it."""
    if not isinstance(alt, str) or len(alt.split()) < 5:
        raise CourseError("alt text must describe what the figure shows in a sentence or two")
    check(fig)
    meta = fig._warcourse
    return Figure(_png(fig), " ".join(alt.split()), meta["title"], meta["source"])


def save(fig, path, alt: str) -> Figure:
    """Render a figure and also write its PNG to ``path`` (for looking at it outside Jupyter)."""
    figure = show(fig, alt)
    with open(path, "wb") as handle:
        handle.write(figure.png)
    return figure
