"""``render`` and ``catalogue``: parameter validation before any kernel, parallel rendering,
atomic output, the index page, and the HTML fallback of widget outputs."""

import html
import json
import re
from datetime import date
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from warcourse import catalogue, handout, render
from warcourse.__main__ import main
from warcourse.errors import CourseError, UsageError
from warcourse.mime import WIDGET_STATE
from warcourse.paths import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
LESSON = FIXTURES / "90_fixture_lesson.ipynb"
FAILS = FIXTURES / "91_fixture_fails.ipynb"


def _notebook(path: Path, parameters: str, heading: str = "# A title") -> Path:
    cell = new_code_cell(parameters)
    cell.metadata["tags"] = ["parameters"]
    kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    nbformat.write(new_notebook(cells=[new_markdown_cell(heading), cell], metadata=kernel), path)
    return path


@pytest.fixture
def no_kernel(monkeypatch):
    """Fail the test if anything would start a kernel."""
    import papermill

    def refuse(*args, **kwargs):
        pytest.fail("papermill.execute_notebook was called")

    monkeypatch.setattr(papermill, "execute_notebook", refuse)


# --- lessons: discovery, titles, parameters ----------------------------------------------------

def test_parameters_and_allowed_values_come_from_the_comment():
    params = catalogue.from_path(LESSON).parameters()
    assert list(params) == ["show_solutions", "theater", "year"]
    assert params["show_solutions"] == catalogue.Parameter("show_solutions", False, (True, False))
    assert params["theater"].allowed == ("all", "Iraq", "Syria")
    assert params["year"].describe() == "year (2014, 2015, 2016)"


def test_title_is_the_first_markdown_heading():
    assert catalogue.from_path(LESSON).title() == "A fixture lesson"


def test_a_parameter_without_allowed_values_takes_any_value_of_its_type(tmp_path):
    nb = _notebook(tmp_path / "07_free.ipynb", "scale = 1.5  # how much to scale\nlabel = 'x'")
    params = catalogue.from_path(nb).parameters()
    assert params["scale"].allowed is None and params["scale"].describe() == "scale (any float)"
    assert params["scale"].convert("2", "07_free") == 2.0
    with pytest.raises(UsageError, match="bad value 'big' for scale in 07_free; allowed: scale"):
        params["scale"].convert("big", "07_free")


def test_a_single_allowed_value_is_a_tuple_of_one(tmp_path):
    nb = _notebook(tmp_path / "07_one.ipynb", "mode = 'only'  # allowed: 'only'")
    assert catalogue.from_path(nb).parameters()["mode"].allowed == ("only",)


def test_a_default_outside_its_allowed_values_is_a_course_error(tmp_path):
    nb = _notebook(tmp_path / "07_bad.ipynb", "theater = 'Mosul'  # allowed: 'Iraq', 'Syria'")
    with pytest.raises(CourseError, match='parameter theater: the default "Mosul" is not among its allowed'):
        catalogue.from_path(nb).parameters()


@pytest.mark.parametrize(("name", "text", "value"), [
    ("show_solutions", "True", True), ("show_solutions", "false", False),
    ("theater", "Syria", "Syria"), ("year", "2015", 2015)])
def test_command_line_text_is_converted_with_the_type_of_the_default(name, text, value):
    lesson = catalogue.from_path(LESSON)
    resolved = catalogue.resolve([lesson], [(name, text)])[lesson][name]
    assert resolved == value and type(resolved) is type(value)


@pytest.mark.parametrize(("name", "text"), [("show_solutions", "yes"), ("show_solutions", "1"),
                                            ("theater", "Mosul"), ("year", "2013"), ("year", "2015.0")])
def test_values_outside_the_allowed_set_are_refused(name, text):
    with pytest.raises(UsageError, match=f"bad value '{re.escape(text)}' for {name} in 90_fixture_lesson"):
        catalogue.resolve([catalogue.from_path(LESSON)], [(name, text)])


def test_a_parameter_applies_to_the_chosen_lessons_that_have_it():
    lesson, fails = catalogue.from_path(LESSON), catalogue.from_path(FAILS)
    resolved = catalogue.resolve([lesson, fails], [("theater", "Iraq"), ("show_solutions", "True")])
    assert resolved == {lesson: {"theater": "Iraq", "show_solutions": True}, fails: {"show_solutions": True}}


def test_a_parameter_no_chosen_lesson_has_is_refused_naming_the_allowed_ones():
    with pytest.raises(UsageError) as caught:
        catalogue.resolve([catalogue.from_path(LESSON), catalogue.from_path(FAILS)], [("theatre", "Iraq")])
    assert str(caught.value) == ("unknown parameter 'theatre' for any of the 2 chosen lessons; allowed: "
                                 "show_solutions (True, False), theater (\"all\", \"Iraq\", \"Syria\"), "
                                 "year (2014, 2015, 2016)")


def test_select_by_number_name_and_path(tmp_path):
    for folder in ("notebooks", "exercises", "exercises/solutions"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        _notebook(tmp_path / folder / "03_air_campaigns.ipynb", "x = 1")
    _notebook(tmp_path / "notebooks" / "04_casualties.ipynb", "x = 1")
    slugs = lambda chosen: [lesson.slug for lesson in chosen]  # noqa: E731
    assert slugs(catalogue.select([], tmp_path)) == ["03_air_campaigns", "04_casualties"]
    assert slugs(catalogue.select(["03"], tmp_path, exercises=True)) == [  # never the solutions: a folder for students
        "03_air_campaigns", "exercises/03_air_campaigns"]
    assert "solutions" not in " ".join(slugs(catalogue.select([], tmp_path, exercises=True)))
    assert slugs(catalogue.select(["04_casualties", "03"], tmp_path)) == ["04_casualties", "03_air_campaigns"]
    path = str(tmp_path / "exercises" / "solutions" / "03_air_campaigns.ipynb")
    assert slugs(catalogue.select([path], tmp_path)) == ["exercises/solutions/03_air_campaigns"]
    with pytest.raises(UsageError, match="no lesson '07'; known: 03_air_campaigns, 04_casualties"):
        catalogue.select(["07"], tmp_path)


# --- the command line refuses bad parameters before any kernel starts ---------------------------

def _render(*argv: str) -> int:
    return main(["render", *argv])


def test_unknown_parameter_is_one_line_status_2_and_nothing_written(tmp_path, capsys, no_kernel):
    out = tmp_path / "out"
    assert _render(str(LESSON), "-p", "theatre", "Iraq", "--out", str(out)) == 2
    captured = capsys.readouterr()
    assert captured.err == ("error: unknown parameter 'theatre' for 90_fixture_lesson; allowed: "
                            "show_solutions (True, False), theater (\"all\", \"Iraq\", \"Syria\"), "
                            "year (2014, 2015, 2016)\n")
    assert captured.out == "" and not out.exists()


def test_bad_value_is_one_line_and_status_2(tmp_path, capsys, no_kernel):
    out = tmp_path / "out"
    assert _render(str(LESSON), str(FAILS), "-p", "show_solutions", "maybe", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("error: bad value 'maybe' for show_solutions in 90_fixture_lesson; "
                          "allowed: show_solutions (True, False)")
    assert not out.exists()


@pytest.mark.parametrize("argv", [["07"], ["--jobs", "0", str(LESSON)],
                                  [str(LESSON), "-p", "year", "2014", "-p", "year", "2015"]])
def test_other_usage_errors_are_status_2(argv, tmp_path, capsys, no_kernel):
    assert _render(*argv, "--out", str(tmp_path / "out")) == 2
    assert capsys.readouterr().err.count("\n") == 1


# --- writing: atomic files, the index, the HTML fallback ---------------------------------------

def test_write_atomic_leaves_the_old_file_when_the_move_fails(tmp_path, monkeypatch):
    target = tmp_path / "03.html"
    target.write_text("old")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("warcourse.files.os.replace", broken)
    with pytest.raises(OSError):
        render.write_atomic(target, b"new")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["03.html"]


def test_static_view_shows_the_fallback_and_the_drawing_and_the_text_of_plain_widgets():
    drawing = nbformat.v4.new_output("display_data", {"text/plain": "a figure"})
    state = {"box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_html", "IPY_MODEL_out"]}},
             "html": {"model_name": "HTMLModel", "state": {"value": "<b>Q</b>"}},
             "out": {"model_name": "OutputModel", "state": {"outputs": [drawing]}}}
    nb = new_notebook(metadata={"widgets": {render.WIDGET_STATE: {"state": state}}})
    nb.cells = [new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", {"text/plain": "Q", "text/html": "<p>Q</p>",
                                                render.WIDGET_VIEW: {"model_id": "box"}}),
        nbformat.v4.new_output("display_data", {"text/plain": "VBox()",
                                                render.WIDGET_VIEW: {"model_id": "box"}}),
        nbformat.v4.new_output("display_data", {render.WIDGET_VIEW: {"model_id": "box"}})])]
    shown = render.static_view(nb)
    assert [o.data for o in shown.cells[0].outputs] == [
        {"text/plain": "Q", "text/html": "<p>Q</p>"}, {"text/plain": "a figure"}, {"text/plain": "VBox()"}]
    assert "widgets" not in shown.metadata and render.WIDGET_VIEW in nb.cells[0].outputs[0].data


def test_index_lists_lessons_with_title_parameters_status_time_date_and_link():
    records = {
        "90_fixture_lesson": {"title": "A <fixture>", "parameters": {"theater": "Iraq", "year": 2015},
                              "seconds": 2.34, "date": "2024-05-01", "status": "ok", "error": "",
                              "link": "90_fixture_lesson.html", "link_date": "2024-05-01"},
        "exercises/91_x": {"title": "Fails", "parameters": {}, "seconds": 1.0, "date": "2024-05-02",
                           "status": "failed", "error": "cell 3: ValueError: no",
                           "link": "exercises/91_x.html", "link_date": "2024-04-30"}}
    page = render.index_html(records)
    row = re.search(r'<tr class="ok">.*?</tr>', page).group(0)
    for part in ("A &lt;fixture&gt;", "90_fixture_lesson", 'theater = &#34;Iraq&#34;, year = 2015',
                 "<td>ok</td>", "<td>2.3 s</td>", "<td>2024-05-01</td>",
                 '<a href="90_fixture_lesson.html">HTML</a>'):
        assert part in row
    failed = re.search(r'<tr class="failed">.*?</tr>', page).group(0)
    assert "failed: cell 3: ValueError: no" in failed
    assert '<a href="exercises/91_x.html">previous render (2024-04-30)</a>' in failed
    assert page == render.index_html(dict(reversed(records.items())))


# --- rendering fixture notebooks (starts kernels) ----------------------------------------------

@pytest.mark.slow
def test_render_with_non_default_parameters(tmp_path, capsys):
    out = tmp_path / "out"
    assert _render(str(LESSON), "-p", "theater", "Syria", "-p", "show_solutions", "true",
                   "--out", str(out), "--jobs", "1") == 0
    assert re.match(r"ok +90_fixture_lesson +\d+\.\d s\n", capsys.readouterr().out)

    nb = nbformat.read(out / "90_fixture_lesson.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and 'theater = "Syria"' in injected[0].source
    texts = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert "theater is Syria, year is 2014" in texts and "Solution: Iraq" in texts
    assert nb.metadata.widgets[WIDGET_STATE]["state"]

    page = (out / "90_fixture_lesson.html").read_text(encoding="utf-8")
    assert "<title>A fixture lesson</title>" in page
    assert "theater is Syria, year is 2014" in page and "Solution: Iraq" in page
    assert '<p class="fixture-exercise">Which theater saw the first strike? (Syria)</p>' in page
    assert '<p class="fixture-drawing">drawn for Syria</p>' in page  # from the Output widget's state
    assert "IntSlider(value=" in page and "jupyter-widgets" not in page  # the slider, as text
    assert "<script" not in page and not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # offline
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert text.count('theater = "Syria"  # allowed: "all", "Iraq", "Syria"') == 1  # one parameters cell
    assert 'theater = "all"' not in text and "show_solutions = True  # allowed" in text

    index = (out / "index.html").read_text(encoding="utf-8")
    assert page.count('<a href="index.html" rel="index">') == 2  # navigation at the top and the bottom
    assert "A fixture lesson" in index and 'theater = &#34;Syria&#34;' in index
    assert "show_solutions = True" in index and date.today().isoformat() in index
    assert '<a href="90_fixture_lesson.html">HTML</a>' in index
    assert not list(out.glob(".tmp-*"))


@pytest.mark.slow
def test_one_failing_lesson_does_not_stop_the_other(tmp_path, capsys):
    out = tmp_path / "out"
    assert _render(str(FAILS), str(LESSON), "--out", str(out), "--jobs", "2", "--no-html") == 1
    captured = capsys.readouterr()
    assert re.search(r"^ok +90_fixture_lesson +\d+\.\d s$", captured.out, re.M)
    error = "cell 3: ValueError: the fixture fails here on purpose"
    assert re.search(rf"^FAIL 91_fixture_fails +\d+\.\d s  {error}$", captured.out, re.M)
    assert f"1 of 2 lesson(s) failed:\n  91_fixture_fails: {error}" in captured.err
    assert (out / "90_fixture_lesson.ipynb").exists() and not (out / "90_fixture_lesson.html").exists()
    assert not (out / "91_fixture_fails.ipynb").exists()
    failed = nbformat.read(out / "91_fixture_fails.failed.ipynb", as_version=4)
    assert any(o.get("ename") == "ValueError" for c in failed.cells for o in c.get("outputs", []))
    records = json.loads((out / "index.json").read_text())
    assert records["91_fixture_fails"]["status"] == "failed"
    assert records["90_fixture_lesson"]["link"] == "90_fixture_lesson.ipynb"


@pytest.mark.slow
def test_a_failed_html_export_keeps_the_previous_render(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    assert _render(str(LESSON), "--out", str(out), "--jobs", "1") == 0
    before = {p.name: p.read_bytes() for p in out.glob("90_*")}

    from nbconvert import HTMLExporter

    def broken(self, nb, resources=None, **kw):
        raise RuntimeError("export broke halfway")

    monkeypatch.setattr(HTMLExporter, "from_notebook_node", broken)
    assert _render(str(LESSON), "-p", "theater", "Iraq", "--out", str(out), "--jobs", "1") == 1
    assert "90_fixture_lesson: HTML export: RuntimeError: export broke halfway" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.glob("90_*.*") if ".failed." not in p.name} == before
    assert not list(out.glob(".tmp-*"))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "failed: HTML export: RuntimeError: export broke halfway" in index
    assert f'<a href="90_fixture_lesson.html">previous render ({date.today().isoformat()})</a>' in index


# --- the command line: lesson numbers, help ----------------------------------------------------

def test_a_one_digit_number_means_the_lesson_with_a_leading_zero(tmp_path):
    (tmp_path / "notebooks").mkdir()
    _notebook(tmp_path / "notebooks" / "03_air_campaigns.ipynb", "x = 1")
    assert [lesson.slug for lesson in catalogue.select(["3"], tmp_path)] == ["03_air_campaigns"]


def test_render_help_lists_every_lesson_with_its_parameters_and_allowed_values(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["render", "--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    for lesson in catalogue.discover():
        if lesson.kind != "solutions":
            assert f"  {lesson.slug}  {lesson.title()}" in text
            for parameter in lesson.parameters().values():
                assert parameter.describe() in text
    assert "e.g. 3 or 03_air_campaigns" in text


def test_top_level_help_is_plain_text_and_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "`" not in text
    for command in ("build", "release", "execute", "render", "links"):
        assert re.search(rf"^    {command} ", text, re.M)


# --- the output folder and its index are checked before any lesson runs ------------------------

def test_out_that_is_a_file_or_lies_under_one_is_refused(tmp_path, capsys, no_kernel):
    (tmp_path / "file").write_text("x")
    assert _render(str(LESSON), "--out", str(tmp_path / "file")) == 2
    assert capsys.readouterr().err == f"error: --out {tmp_path / 'file'} is a file, not a folder\n"
    assert _render(str(LESSON), "--out", str(tmp_path / "file" / "a" / "b")) == 2
    err = capsys.readouterr().err
    assert err == (f"error: --out {tmp_path / 'file' / 'a' / 'b'} lies under {tmp_path / 'file'}, "
                   "which is a file, not a folder\n")


def test_out_that_cannot_be_written_is_refused(tmp_path, capsys, no_kernel, monkeypatch):
    def denied(target, suffix=".tmp"):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(render, "temporary", denied)
    assert _render(str(LESSON), "--out", str(tmp_path / "out")) == 2
    assert capsys.readouterr().err == f"error: --out {tmp_path / 'out'} cannot be written (Permission denied)\n"


GOOD = {"title": "T", "parameters": {}, "seconds": 1.0, "date": "2024-05-01", "status": "ok", "error": "",
        "link": "x.html", "link_date": "2024-05-01"}


@pytest.mark.parametrize(("content", "message"), [
    ("[]", "expected an object of lessons, found list"),
    ('"a string"', "expected an object of lessons, found str"),
    ("{not json", "cannot read it as JSON"),
    (b"\xff\xfe", "cannot read it as JSON"),
    ('{"x": 1}', "the record of 'x' is not an object"),
    (json.dumps({"x": {k: v for k, v in GOOD.items() if k != "link"}}), "the record of 'x' has no 'link'"),
    (json.dumps({"x": GOOD | {"seconds": "1"}}), "'seconds' of 'x' is '1', expected int or float"),
    (json.dumps({"x": GOOD | {"parameters": []}}), "'parameters' of 'x' is [], expected dict")])
def test_a_corrupt_index_is_one_line_before_any_lesson_runs(tmp_path, capsys, no_kernel, content, message):
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.json").write_bytes(content if isinstance(content, bytes) else content.encode())
    assert _render(str(LESSON), "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {out / 'index.json'}: ") and message in err
    assert err.rstrip().endswith("fix or delete it (the next render writes a new one)")


def test_index_html_escapes_every_value_it_takes_from_the_index():
    evil = '"><script>alert(1)</script>'
    records = {evil: {"title": evil, "parameters": {evil: evil}, "seconds": 1, "date": evil,
                      "status": evil, "error": evil, "link": evil, "link_date": evil}}
    page = render.index_html(records)
    assert "<script" not in page and 'class="failed"' in page
    assert page.count("&lt;script&gt;") >= 6


# --- the handout: one parameters cell, navigation ----------------------------------------------

def test_the_parameters_cell_shows_the_injected_values_once():
    params = new_code_cell('show = False  # allowed: True, False\ntheater = "all"  # allowed: "all", "Iraq"\n'
                           'n = (1,\n     2)  # a tuple')
    params.metadata["tags"] = ["parameters"]
    injected = new_code_cell('# Parameters\ntheater = "Iraq"\nn = (3, 4)\n')
    injected.metadata["tags"] = ["injected-parameters"]
    nb = new_notebook(cells=[new_markdown_cell("# T"), params, injected, new_code_cell("print(theater)")])
    shown = handout.one_parameters_cell(nb)
    assert [c.source for c in shown.cells[1:]] == [
        'show = False  # allowed: True, False\ntheater = "Iraq"  # allowed: "all", "Iraq"\nn = (3, 4)  # a tuple',
        "print(theater)"]
    assert len(nb.cells) == 4
    for number, cell in enumerate(nb.cells[1:], 1):  # as papermill ran them: the injected cell was In [2]
        cell.execution_count = number
    assert [cell.execution_count for cell in handout.one_parameters_cell(nb).cells[1:]] == [1, 2]
    del nb.cells[2]
    assert handout.one_parameters_cell(nb).cells[1].source == params.source


def test_navigation_links_to_the_index_and_the_neighbours_relative_to_the_page():
    assert handout.navigation("03_x", ("02_y", "Lesson <2>"), None) == (
        '<a href="index.html" rel="index">All lessons (index)</a> '
        '<a href="02_y.html" rel="prev">Previous: Lesson &lt;2&gt;</a>')
    nav = handout.navigation("exercises/solutions/03_x", None, ("exercises/solutions/04_z", "Z"))
    assert 'href="../../index.html"' in nav and 'href="04_z.html" rel="next"' in nav


def test_neighbours_are_the_rendered_lessons_of_the_same_kind_around_a_lesson(tmp_path):
    course = []
    for name in ("00_a", "01_b", "02_c", "03_d"):
        course.append(catalogue.Lesson(_notebook(tmp_path / f"{name}.ipynb", "x = 1", f"# Title {name}")))
    nav = render.neighbours(course[1], course, {"00_a", "01_b", "03_d"})
    assert 'href="00_a.html" rel="prev">Previous: Title 00_a' in nav
    assert 'href="03_d.html" rel="next">Next: Title 03_d' in nav
    assert "rel=\"prev\"" not in render.neighbours(course[0], course, {"01_b"})


@pytest.mark.slow
def test_a_full_disk_while_writing_the_index_leaves_no_truncated_notebook(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    real = render.write_atomic

    def full(target, data):
        if target.name.startswith("index."):
            raise OSError(28, "No space left on device")
        real(target, data)

    monkeypatch.setattr(render, "write_atomic", full)
    assert _render(str(LESSON), "--out", str(out), "--jobs", "1") == 1
    err = capsys.readouterr().err
    assert err == (f"error: cannot write the index in {out} (No space left on device); the lessons "
                   "rendered so far are on disk, the others untouched\n")
    nbformat.validate(nbformat.read(out / "90_fixture_lesson.ipynb", as_version=4))
    assert "</html>" in (out / "90_fixture_lesson.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["90_fixture_lesson.html",
                                                     "90_fixture_lesson.ipynb"]


@pytest.mark.slow
def test_a_full_disk_while_papermill_writes_leaves_no_truncated_notebook(tmp_path, capsys, monkeypatch):
    from papermill.iorw import LocalHandler

    def full(self, buf, path):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(buf[: len(buf) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(LocalHandler, "write", full)
    out = tmp_path / "out"
    assert _render(str(LESSON), "--out", str(out), "--jobs", "1") == 1
    assert "No space left on device" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "index.json"]


def test_a_handout_keeps_inline_html_of_markdown_outputs():
    """The model brief marks each number's note with <sup>: the handout must show "7" then note 1, never "71"."""
    cell = new_code_cell("draft.model()", execution_count=1)
    text = "The involvement table marks 7<sup>1</sup> countries; 26<sup>12</sup> members in all."
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/markdown": text, "text/plain": "x"},
                                           execution_count=1)]
    page = render.to_html(new_notebook(cells=[new_markdown_cell("# T"), cell]), "T", "")
    assert "marks 7<sup>1</sup> countries" in page and "26<sup>12</sup> members" in page


def test_a_handouts_links_point_at_pages_of_the_render_folder(tmp_path):
    """Lessons link to notebooks and Markdown pages of the repository; in the render folder those are pages."""
    body = ('<a href="01_the_article_as_data.ipynb">lesson 01</a> <a href="glossary.md#counting-deaths">terms</a> '
            '<a href="../data/README.md">the codebook</a> <a href="https://example.org/a.md">web</a> '
            '<a href="#Objectives">up</a> <a href="../exercises/03_air_campaigns.ipynb" rel="x">practice</a> '
            '<a href="index.html" rel="index">All lessons</a>')
    out = handout.relinked(body, ROOT / "notebooks" / "00_start_here.ipynb", "00_start_here")
    assert '<a href="01_the_article_as_data.html">lesson 01</a>' in out
    assert '<a href="glossary.html#counting-deaths">terms</a>' in out
    assert "the codebook (data/README.md in the course's repository)" in out
    assert '<a href="https://example.org/a.md">web</a>' in out and '<a href="#Objectives">up</a>' in out
    assert '<a href="exercises/03_air_campaigns.html" rel="x">practice</a>' in out
    assert '<a href="index.html" rel="index">All lessons</a>' in out  # the navigation's own links stay
    from_set = handout.relinked('<a href="../notebooks/glossary.md">g</a>',
                                ROOT / "exercises" / "03_air_campaigns.ipynb", "exercises/03_air_campaigns")
    assert from_set == '<a href="../glossary.html">g</a>'
    page = handout.course_page("glossary")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page and "<h1" in page
