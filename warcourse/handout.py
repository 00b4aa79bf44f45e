"""The HTML handout of one executed lesson: offline, accessible, one parameters cell, navigation.

The page is nbconvert's ``lab`` template with four changes:

- no script from a CDN: require.js, MathJax, mermaid and the widget manager are left out
  (``render.static_view`` has already replaced widget views by their static fallbacks), so a
  page opened from a USB stick or behind a firewall shows everything and logs no error;
- a small inline stylesheet, after the lab theme, that meets WCAG 2.1 AA contrast (4.5:1) for
  the In/Out prompts and the syntax colours and underlines links; the lessons in JupyterLab
  are untouched;
- the ``parameters`` cell shows each parameter once, with the value the lesson ran with
  (papermill's injected cell is merged into it and dropped);
- a navigation bar, at the top and at the bottom, to the previous and next lesson and the index;
- links to a lesson, a practice set or a check point at its page in the render folder, and links to the
  course's Markdown pages (``COURSE_PAGES``: the glossary, further reading) at the pages ``course_page``
  writes there; a link to another file of the repository (data/README.md) becomes its text and path.
  A lesson that was never rendered into the folder has no page there yet.
"""

from __future__ import annotations

import ast
import copy
import html
import posixpath
import re
from pathlib import Path

from jinja2 import DictLoader, Environment

from .paths import ROOT

COURSE_PAGES = ("glossary", "further_reading")  # notebooks/NAME.md, written as NAME.html beside the lessons

TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}<style type="text/css">{{ resources.handout_css }}</style>{%- endblock html_head_css -%}
{%- block body_header -%}{{ super() }}
<nav class="warcourse-nav" aria-label="Lessons">{{ resources.handout_nav }}</nav>
{%- endblock body_header -%}
{%- block body_footer -%}
<nav class="warcourse-nav" aria-label="Lessons, end of page">{{ resources.handout_nav }}</nav>
{{ super() }}
{%- endblock body_footer -%}
"""

# Colours checked against the lab theme's backgrounds (white page, #f5f5f5 code cells):
# every one reaches at least 4.5:1.
CSS = """
:root {
  --jp-cell-inprompt-font-color: #1f5f99;
  --jp-cell-outprompt-font-color: #a0401f;
  --jp-cell-prompt-opacity: 1;
  --jp-cell-prompt-not-active-opacity: 1;
  --jp-cell-prompt-not-active-font-color: #474747;
  --jp-mirror-editor-comment-color: #3a6b6b;
  --jp-mirror-editor-operator-color: #8a1ccc;
  --jp-mirror-editor-meta-color: #8a1ccc;
  --jp-mirror-editor-builtin-color: #00701a;
  --jp-mirror-editor-keyword-color: #00701a;
  --jp-mirror-editor-string-color: #a01818;
  --jp-mirror-editor-number-color: #006b00;
  --jp-mirror-editor-variable-2-color: #0d47a1;
  --jp-mirror-editor-def-color: #0047b3;
  --jp-mirror-editor-attribute-color: #6b6b00;
  --jp-mirror-editor-error-color: #c40000;
  --jp-content-link-color: #0d47a1;
}
.jp-InputPrompt, .jp-OutputPrompt { opacity: 1; }
a, .jp-RenderedHTMLCommon a:link, .jp-RenderedHTMLCommon a:visited { text-decoration: underline; }
nav.warcourse-nav { margin: 1em 0 1em calc(var(--jp-cell-prompt-width) + 22px); padding: .5em 0;
  font-family: var(--jp-content-font-family); font-size: var(--jp-content-font-size1);
  display: flex; flex-wrap: wrap; gap: .5em 2em; border-top: 1px solid #767676;
  border-bottom: 1px solid #767676; }
nav.warcourse-nav a { color: #0d47a1; }
"""


def one_parameters_cell(nb):
    """A copy of ``nb`` whose ``parameters`` cell shows the values papermill injected.

    Each assignment keeps its line and comment (the allowed values); only the value changes.
    The injected cell is dropped, and the cells that ran are numbered again from 1. A notebook
    without an injected cell comes back unchanged.
    """
    nb = copy.deepcopy(nb)
    tagged = {tag: i for i, cell in enumerate(nb.cells) for tag in cell.metadata.get("tags", [])}
    if "injected-parameters" not in tagged or "parameters" not in tagged:
        return nb
    injected = nb.cells[tagged["injected-parameters"]].source
    values = {node.targets[0].id: ast.get_source_segment(injected, node.value)
              for node in ast.parse(injected).body
              if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)}
    cell = nb.cells[tagged["parameters"]]
    cell.source = _replaced(cell.source, values)
    del nb.cells[tagged["injected-parameters"]]
    ran = [cell for cell in nb.cells if cell.cell_type == "code" and cell.get("execution_count")]
    for number, cell in enumerate(ran, 1):  # In [1], In [2], ... without the gap the dropped cell left
        cell.execution_count = number
        for output in cell.get("outputs", []):
            if output.get("output_type") == "execute_result":
                output["execution_count"] = number
    return nb


def _replaced(source: str, values: dict[str, str]) -> str:
    """``source`` with the value of each top-level ``name = value`` replaced by ``values[name]``."""
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line.encode("utf-8")))
    encoded = source.encode("utf-8")
    edits = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) \
                and node.targets[0].id in values:
            value = node.value
            edits.append((starts[value.lineno - 1] + value.col_offset,
                          starts[value.end_lineno - 1] + value.end_col_offset, values[node.targets[0].id]))
    for begin, end, text in sorted(edits, reverse=True):
        encoded = encoded[:begin] + text.encode("utf-8") + encoded[end:]
    return encoded.decode("utf-8")


def navigation(slug: str, previous: tuple[str, str] | None, following: tuple[str, str] | None) -> str:
    """The links of the page ``slug``'s navigation bars: the index, and the (slug, title) of its neighbours."""
    here = posixpath.dirname(slug) or "."

    def link(target: str, rel: str, text: str) -> str:
        href = html.escape(posixpath.relpath(target, here), quote=True)
        return f'<a href="{href}" rel="{rel}">{html.escape(text)}</a>'

    parts = [link("index.html", "index", "All lessons (index)")]
    if previous:
        parts.append(link(previous[0] + ".html", "prev", f"Previous: {previous[1]}"))
    if following:
        parts.append(link(following[0] + ".html", "next", f"Next: {following[1]}"))
    return " ".join(parts)


def rendered_path(repo_path: str) -> str | None:
    """Where the render folder holds what ``repo_path`` (relative to the repository) is, or None: a lesson
    (notebooks/NN_topic.ipynb), a practice set or a check (exercises/...), a course page (notebooks/NAME.md)."""
    parts = repo_path.split("/")
    if parts[0] == "notebooks" and len(parts) == 2:
        stem, suffix = posixpath.splitext(parts[1])
        if suffix == ".ipynb" or (suffix == ".md" and stem in COURSE_PAGES):
            return f"{stem}.html"
    if parts[0] == "exercises" and parts[-1].endswith(".ipynb") and "solutions" not in parts:
        return posixpath.splitext(repo_path)[0] + ".html"
    return None


def relinked(body: str, source: Path, slug: str, root: Path = ROOT) -> str:
    """``body`` with each relative link that ``source`` (a file of the repository) makes to a lesson, an exercise
    set or a course page pointing at that page's place in the render folder, from the page ``slug``; a link to
    another file of the repository becomes its text followed by the file's path."""
    here = posixpath.dirname(slug) or "."

    def fix(match: re.Match) -> str:
        href, attributes, text = html.unescape(match.group(1)), match.group(2), match.group(3)
        path, _, fragment = href.partition("#")
        if not path or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:|/", path):
            return match.group(0)
        try:
            repo_path = (source.parent / path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return match.group(0)
        if not (root / repo_path).is_file():  # the page's own links (its navigation) name no file of the repository
            return match.group(0)
        target = rendered_path(repo_path)
        if target is None:
            return f"{text} ({html.escape(repo_path)} in the course's repository)"
        new = posixpath.relpath(target, here) + (f"#{fragment}" if fragment else "")
        return f'<a href="{html.escape(new, quote=True)}"{attributes}>{text}</a>'

    return re.sub(r'<a href="([^"]*)"([^>]*)>(.*?)</a>', fix, body, flags=re.S)


COURSE_PAGE = Environment(autoescape=True).from_string("""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>body { font-family: system-ui, sans-serif; max-width: 48em; margin: 2em auto; padding: 0 1em;
  line-height: 1.5; color: #1a1a1a; } a { color: #0d47a1; text-decoration: underline; }
nav { margin: 1em 0; padding: .5em 0; border-top: 1px solid #767676; border-bottom: 1px solid #767676; }</style>
</head>
<body><nav class="warcourse-nav" aria-label="Lessons"><a href="index.html" rel="index">All lessons (index)</a></nav>
<main>{{ body | safe }}</main></body></html>
""")


def course_page(name: str, root: Path = ROOT) -> str:
    """``notebooks/NAME.md`` as a page of the render folder, its links relinked like a lesson's."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    source = root / "notebooks" / f"{name}.md"
    text = source.read_text(encoding="utf-8")
    title = next((line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("# ")), name)
    return COURSE_PAGE.render(title=title, body=relinked(markdown2html_mistune(text), source, name, root))


def page(nb, title: str, nav: str) -> str:
    """The handout of the executed (and already static) notebook ``nb``."""
    from nbconvert import HTMLExporter

    # embed_images stays off: nbconvert then parses each inline HTML tag of a Markdown output on its own and
    # writes the brief's note marks "7<sup>1</sup>" as "7<sup></sup>1" ("71 countries"); figures are outputs,
    # embedded either way, and no lesson's Markdown shows a picture.
    exporter = HTMLExporter(template_name="lab",
                            extra_loaders=[DictLoader({"handout.html.j2": TEMPLATE})],
                            template_file="handout.html.j2")
    resources = {"metadata": {"name": title}, "handout_css": CSS, "handout_nav": nav}
    body, _ = exporter.from_notebook_node(one_parameters_cell(nb), resources=resources)
    return body
