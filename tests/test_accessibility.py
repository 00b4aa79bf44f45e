"""Accessibility rules over every lesson and exercise notebook, and the figure helpers behind them.

- Headings form an outline: the first heading is the only H1 and no level is skipped.
- Links say where they go: no "here" or "click here", no bare web address as the link text.
- Figures are shown through ``warcourse.plots.show``: an ``<img>`` with alt text of at least five
  words and a caption with the title and a "Source:" line; no raw image output, in cells or in the
  stored state of widget Output areas. The rendered HTML (nbconvert) keeps the alt text.
- The palette is Okabe–Ito, and ``plots.show`` refuses a figure without alt text, axis labels, a title
  or a source line.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import matplotlib.pyplot as plt
import mistune
import nbformat
import pytest
from nbconvert import HTMLExporter

from warcourse import plots
from warcourse.errors import CourseError
from warcourse.mime import WIDGET_STATE
from warcourse.paths import EXERCISES, NOTEBOOKS, ROOT
from warcourse.release import is_relative

NOTEBOOK_FILES = sorted(path for path in [*NOTEBOOKS.glob("*.ipynb"), *EXERCISES.rglob("*.ipynb")]
                        if ".ipynb_checkpoints" not in path.parts)  # JupyterLab's copies are not the course's
IDS = [path.relative_to(ROOT).as_posix() for path in NOTEBOOK_FILES]
LESSONS = sorted(NOTEBOOKS.glob("*.ipynb"))
OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
VAGUE_LINKS = {"here", "click here", "this", "this link", "link", "more", "read more", "this page", "page", "see here"}
RAW_IMAGES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
MIN_ALT_WORDS = 5

# Markdown as JupyterLab shows it (GFM: tables, bare addresses become links); mistune comes with nbconvert.
markdown = mistune.create_markdown(escape=False, plugins=["table", "url", "strikethrough"])


class Tags(HTMLParser):
    """Headings, links, images and figure captions in a piece of HTML, with their text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.headings, self.links, self.images, self.captions = [], [], [], []
        self._open: list[tuple[str, dict, list[str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
            for _, _, text in self._open:
                text.append(attrs.get("alt") or "")
        elif re.fullmatch(r"h[1-6]|a|figcaption", tag):
            self._open.append((tag, attrs, []))

    def handle_data(self, data):
        for _, _, text in self._open:
            text.append(data)

    def handle_endtag(self, tag):
        if not self._open or self._open[-1][0] != tag:
            return
        tag, attrs, parts = self._open.pop()
        text = " ".join("".join(parts).split())
        if tag == "a":
            self.links.append((text, attrs.get("href", "")))
        elif tag == "figcaption":
            self.captions.append(text)
        else:
            self.headings.append((int(tag[1]), text))


def markdown_parts(nb):
    """(cell number, kind, details) for every heading, link and image of the markdown cells, in order.

    Each cell is rendered to HTML first, as JupyterLab does, so raw HTML in markdown counts too.
    """
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "markdown":
            tags = Tags(markdown(cell.source))
            yield from ((number, "heading", heading) for heading in tags.headings)
            yield from ((number, "link", link) for link in tags.links)
            yield from ((number, "image", image.get("alt") or "") for image in tags.images)


def outputs(nb):
    """(where, output) for every cell output and every output stored in a widget Output area's state."""
    for number, cell in enumerate(nb.cells, start=1):
        for output in cell.get("outputs", []):
            yield f"cell {number}", output
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for model_id, model in state.items():
        for output in model.get("state", {}).get("outputs", []) or []:
            yield f"widget Output {model_id[:8]}", output


def figure_problems(html: str) -> list[str]:
    """What is wrong with the figures in a text/html output (nothing when it holds no <img>)."""
    tags = Tags(html)
    if not tags.images:
        return []
    problems = [f"<img> alt text {image.get('alt')!r} does not describe the figure (fewer than {MIN_ALT_WORDS} words)"
                for image in tags.images if len((image.get("alt") or "").split()) < MIN_ALT_WORDS]
    for caption in tags.captions or [""]:
        title, _, source = caption.partition("Source:")
        if not title.strip(" .") or not source.strip():
            problems.append(f"figure caption {caption!r} lacks a title or a 'Source:' line")
    return problems


@pytest.fixture(scope="module", params=NOTEBOOK_FILES, ids=IDS)
def notebook(request):
    return nbformat.read(request.param, as_version=4)


def test_headings_form_an_outline(notebook):
    headings = [(number, *details) for number, kind, details in markdown_parts(notebook) if kind == "heading"]
    assert headings, "the notebook has no headings"
    problems = []
    number, level, text = headings[0]
    if level != 1:
        problems.append(f"cell {number}: the first heading {text!r} is H{level}, not H1")
    problems += [f"cell {number}: a second H1 {text!r}" for number, level, text in headings[1:] if level == 1]
    for (_, before, _), (number, level, text) in zip(headings, headings[1:]):
        if level > before + 1:
            problems.append(f"cell {number}: H{level} {text!r} follows an H{before} (a level is skipped)")
    assert problems == []


def test_links_say_where_they_go(notebook):
    problems = []
    for number, kind, details in markdown_parts(notebook):
        if kind != "link":
            continue
        text, url = details
        words = text.strip().lower()
        if not words or words in VAGUE_LINKS:
            problems.append(f"cell {number}: link text {text!r} for {url} does not say where it goes")
        elif re.match(r"(https?://|www\.)", words) or text.strip() == url:
            problems.append(f"cell {number}: the bare address {text!r} is the whole link text")
    assert problems == []


def test_markdown_images_have_alt_text(notebook):
    missing = [number for number, kind, alt in markdown_parts(notebook) if kind == "image" and not alt.strip()]
    assert missing == [], f"images without alt text in cells {missing}"


def test_figures_have_alt_text_and_source(notebook):
    problems = []
    for where, output in outputs(notebook):
        data = output.get("data", {})
        raw = [mime for mime in RAW_IMAGES if mime in data]
        if raw:
            problems.append(f"{where}: raw {', '.join(raw)} output without alt text; "
                            "show figures with warcourse.plots.show(fig, alt=...)")
        html = data.get("text/html", "")
        html = "".join(html) if isinstance(html, list) else html
        found = figure_problems(html)
        problems += [f"{where}: {problem}" for problem in found]
        if "<img" in html and not found and "Alt text:" not in "".join(data.get("text/plain", "")):
            problems.append(f"{where}: the figure's text/plain does not give its alt text")
    assert problems == []


@pytest.mark.parametrize("path", LESSONS, ids=[path.stem for path in LESSONS])
def test_rendered_html_keeps_alt_text(path):
    body, _ = HTMLExporter().from_notebook_node(nbformat.read(path, as_version=4))
    images = Tags(body).images
    assert [image for image in images if len((image.get("alt") or "").split()) < MIN_ALT_WORDS] == []


def figure(title="Strikes per month, 2016", *, xlabel="Month (2016)", ylabel="Airstrikes (count)"):
    fig, ax = plots.new(title, xlabel=xlabel, ylabel=ylabel, source="strike_counts, article line 360")
    ax.plot([1, 2, 3], [28, 100, 495], marker="o")
    return fig


def test_a_figure_renders_to_html_with_its_alt_text():
    alt = "A line rising from 28 strikes in August to 495 in December."
    shown = plots.show(figure(), alt=alt)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "plots.show(fig, alt=...)", outputs=[nbformat.v4.new_output(
            "display_data", data=shown._repr_mimebundle_())])])
    body, _ = HTMLExporter().from_notebook_node(nb)
    (image,) = Tags(body).images
    assert image["alt"] == alt and image["src"].startswith("data:image/png;base64,")
    assert base64.b64decode(image["src"].split(",", 1)[1]) == shown.png
    assert figure_problems(shown._repr_mimebundle_()["text/html"]) == []
    assert f"Alt text: {alt}" in shown._repr_mimebundle_()["text/plain"]


def test_palette_is_okabe_ito():
    assert {color.upper() for color in plots.PALETTE.values()} == OKABE_ITO
    cycle = plots.STYLE["axes.prop_cycle"].by_key()["color"]
    assert {color.upper() for color in cycle} == OKABE_ITO
    assert {color.upper() for color in plots.colors(range(20)).values()} <= OKABE_ITO


def test_new_figures_draw_in_the_palette():
    fig = figure()
    (line,) = fig.axes[0].get_lines()
    assert line.get_color().upper() in OKABE_ITO


@pytest.mark.parametrize("alt", [None, "", "   ", "A chart.", "Line of strikes"])
def test_show_refuses_missing_or_empty_alt_text(alt):
    fig = figure()
    with pytest.raises(CourseError, match="alt text"):
        plots.show(fig, alt=alt)


@pytest.mark.parametrize("missing", ["xlabel", "ylabel"])
def test_show_refuses_an_unlabelled_axis(missing):
    fig = figure(**{missing: " "})
    with pytest.raises(CourseError, match="label"):
        plots.show(fig, alt="A line rising from 28 strikes in August to 495 in December.")


@pytest.mark.parametrize("title, source", [("", "strike_counts, article line 360"),
                                           ("Strikes per month, 2016", "  ")])
def test_show_refuses_an_empty_title_or_source(title, source):
    fig, ax = plots.new(title, xlabel="Month (2016)", ylabel="Airstrikes (count)", source=source)
    ax.plot([1, 2, 3], [28, 100, 495])
    with pytest.raises(CourseError, match="a figure needs a title and a source line"):
        plots.show(fig, alt="A line rising from 28 strikes in August to 495 in December.")


def test_show_refuses_a_figure_not_made_by_the_course():
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    with pytest.raises(CourseError, match="plots.new"):
        plots.show(fig, alt="A line rising from three to four on two days.")
    plt.close(fig)


def test_the_course_leaves_the_notebook_backend_alone():
    """Importing the plots module must not switch backends (a student's plt.plot would then show nothing)."""
    code = "import matplotlib, warcourse.plots; print(matplotlib.get_backend())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=dict(os.environ, MPLBACKEND="svg"))
    assert done.stdout.strip() == "svg"


def test_the_figure_rules_catch_raw_and_undescribed_images():
    """The checks above fail on what they should (so a passing run means something)."""
    raw = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})])])
    assert [output for _, output in outputs(raw)]
    assert figure_problems('<figure><img src="x" alt="A chart"><figcaption>T. Source: s</figcaption></figure>')
    assert figure_problems('<figure><img src="x" alt="A line rising over five months">'
                           "<figcaption>Strikes</figcaption></figure>")
    assert figure_problems('<img src="x" alt="A line rising over five months">')
    state = {"widgets": {WIDGET_STATE: {"state": {"abc": {"state": {"outputs": [
        {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo="}}]}}}}}}
    stored = nbformat.v4.new_notebook(metadata=json.loads(json.dumps(state)))
    assert [where for where, _ in outputs(stored)] == ["widget Output abc"]


def course_pages() -> list[Path]:
    """The repository's Markdown pages: not those in hidden folders (.git, .pytest_cache), in a virtual
    environment a maintainer keeps in the checkout, or in what the course writes (rendered/, build/)."""
    found = []
    for folder, subfolders, files in os.walk(ROOT):
        here = Path(folder)
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".")
                               and name not in ("node_modules", "__pycache__", "rendered", "build")
                               and not (here / name / "pyvenv.cfg").exists())
        found += [here / name for name in files if name.endswith(".md")]
    return sorted(found)


PAGES = course_pages()


@pytest.mark.parametrize("path", NOTEBOOK_FILES + PAGES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_relative_links_lead_to_a_file(path):
    """A link to another file of the course works from where the notebook or page is opened."""
    if path.suffix == ".ipynb":
        links = [(f"cell {number}", *details) for number, kind, details in markdown_parts(nbformat.read(path, 4))
                 if kind == "link"]
    else:
        links = [("", *link) for link in Tags(markdown(path.read_text(encoding="utf-8"))).links]
    broken = [f"{where} [{text}]({url})" for where, text, url in links
              if url.startswith("/")  # a server path: it works on no one else's server
              or is_relative(url) and not (path.parent / unquote(url.split("#", 1)[0])).exists()]
    assert broken == [], f"{path.relative_to(ROOT)}: links to files that do not exist from there"


def test_outline_and_link_rules_catch_bad_markdown():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        "## Not a title\n\n#### Skipped\n\n# Second\n\nSee [here](https://example.org), "
        "https://example.org and <h3>html</h3> `# not a heading`\n\n```\n# not a heading\n```")])
    parts = list(markdown_parts(nb))
    assert [details for _, kind, details in parts if kind == "heading"] == [
        (2, "Not a title"), (4, "Skipped"), (1, "Second"), (3, "html")]
    assert [details[0] for _, kind, details in parts if kind == "link"] == ["here", "https://example.org"]
