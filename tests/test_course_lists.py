"""The pages that list the lessons for people stay true to the notebooks.

The course is what ``catalogue.discover`` finds in ``notebooks/`` and ``exercises/solutions/``. The
README, lesson 00's course map and the instructors' guide describe it in prose and tables; a new
lesson, practice set, question or parameter value that one of them leaves out fails here, naming
the page and what to change there.
"""

from __future__ import annotations

import importlib
import re
import shlex
from functools import cache

import pytest
from markdown_sections import section

from warcourse import catalogue, notebooks, questions
from warcourse.errors import UsageError
from warcourse.paths import ROOT

NOTEBOOKS = catalogue.discover()
LESSONS = [n for n in NOTEBOOKS if n.kind == "lesson"]
PRACTICE = [n for n in NOTEBOOKS if n.kind == "solutions"]
README = ROOT / "README.md"
GUIDE = ROOT / "instructors" / "guide.md"
COURSE_MAP = ROOT / "notebooks" / "00_start_here.ipynb"


def text(path) -> str:
    return path.read_text(encoding="utf-8")


def course_map() -> str:
    cells = notebooks.read(COURSE_MAP).cells
    found = [c.source for c in cells if c.cell_type == "markdown" and c.source.startswith("## The course map")]
    assert found, f"{COURSE_MAP.name}: no markdown cell starting with '## The course map'"
    return found[0]


def prose(lesson: catalogue.Lesson) -> str:
    """The notebook's markdown cells, joined."""
    return "\n".join(c.source for c in notebooks.read(lesson.path).cells if c.cell_type == "markdown")


@cache
def entries(lesson: catalogue.Lesson) -> list[questions.bank.Entry]:
    """The registered questions of the bank the notebook builds, without building any."""
    return getattr(questions, lesson.bank_call().bank).entries()


def count(lesson: catalogue.Lesson, role: str) -> int:
    return sum(entry.role == role for entry in entries(lesson))


def practice_for(lesson: catalogue.Lesson) -> catalogue.Lesson | None:
    return next((p for p in PRACTICE if p.number == lesson.number), None)


def test_every_lesson_and_practice_set_is_here():
    assert len(LESSONS) >= 6 and len(PRACTICE) >= 4


def test_the_readme_lesson_table_lists_every_lesson_in_order():
    table = section(text(README), "## The lessons")
    assert re.findall(r"^\| `(\d\d_\w+)` \|", table, re.M) == [n.name for n in LESSONS], (
        "README.md, '## The lessons': one row per notebook in notebooks/, in order")


def test_the_readme_counts_each_lessons_check_and_practice_questions():
    rows = re.findall(r"^\| (lesson \d\d[^|]*?) \| (\d+(?: / \d+)*)\b", text(README), re.M)
    expected = []
    for lesson in LESSONS:
        label, counts = [f"lesson {lesson.number}"], [count(lesson, "lesson")]
        if count(lesson, "summative"):
            label.append("check")
            counts.append(count(lesson, "summative"))
        practice = practice_for(lesson)
        if practice:
            label.append("practice")
            counts.append(count(practice, "practice"))
        expected.append((" / ".join(label), " / ".join(map(str, counts))))
    assert rows == expected, "README.md: the table of questions per notebook (lesson / check / practice)"


def test_lesson_00s_course_map_links_every_lesson_in_order():
    linked = re.findall(r"\]\((\d\d_\w+)\.ipynb\)", course_map())
    assert linked == [n.name for n in LESSONS], f"{COURSE_MAP.name}, '## The course map': one row per lesson"


def numbers_named(words: str) -> list[str]:
    """The two-digit numbers in "00, 04 and 05" or "01 to 04" (a range is spelled out)."""
    found = re.findall(r"\d\d", words)
    if " to " in words:
        first, last = map(int, found)
        return [f"{n:02d}" for n in range(first, last + 1)]
    return found


@pytest.mark.parametrize("page", [README, GUIDE], ids=lambda p: p.name)
def test_pages_name_the_lessons_with_a_content_note(page):
    words = " ".join(text(page).split())
    named = re.search(r"Lessons (\d\d(?:, \d\d)* and \d\d) open with", words)
    assert named, f"{page.name} no longer says 'Lessons NN, NN and NN open with' (a content note)"
    noted = [n.number for n in LESSONS if re.search(r"\bContent note\b", prose(n))]
    assert numbers_named(named.group(1)) == noted, f"{page.name}: the lessons with a content note"


PRACTICE_RANGES = [  # (page, what names the first and last practice set there)
    (COURSE_MAP, r"Lessons (\d\d) to (\d\d) each have a practice set"),
    (GUIDE, r"practice sets `exercises/(\d\d)`–`(\d\d)`"),
    (GUIDE, r"`exercises/(\d\d)_…` to `exercises/(\d\d)_…`"),
]


@pytest.mark.parametrize("page, pattern", PRACTICE_RANGES, ids=lambda v: getattr(v, "name", None) or v[:20])
def test_pages_name_the_practice_sets_there_are(page, pattern):
    words = " ".join((course_map() if page == COURSE_MAP else text(page)).split())
    found = re.findall(pattern, words)
    assert found, f"{page.name} no longer says {pattern!r}: update PRACTICE_RANGES to its new words"
    numbers = [p.number for p in PRACTICE]
    assert numbers == [f"{n:02d}" for n in range(int(numbers[0]), int(numbers[-1]) + 1)], "no gap in the sets"
    for first, last in found:
        assert (first, last) == (numbers[0], numbers[-1]), f"{page.name}: practice sets {first} to {last}"


NAMED_SET = re.compile(r"\b[Pp]ractice sets? (\d\d)\b")


def test_each_lesson_section_of_the_guide_names_only_its_own_practice_set():
    """The guide's *50-minute slot* sends work home "with practice set NN": the lesson's own one."""
    page = text(GUIDE)
    for lesson in LESSONS:
        named = set(NAMED_SET.findall(section(page, f"## Lesson {lesson.number}:")))
        own = {p.number for p in PRACTICE if p.number == lesson.number}
        assert named <= own, (f"instructors/guide.md, lesson {lesson.number} names practice set(s) {sorted(named)}; "
                              f"its own is {sorted(own) or 'none'}")


@pytest.mark.parametrize("module", sorted((ROOT / "warcourse" / "questions").glob("*_bank.py")), ids=lambda p: p.stem)
def test_a_bank_module_names_only_the_practice_set_it_builds(module):
    """A bank module's comments name the practice set whose questions it holds ("practice set 03's ...")."""
    defined = set(vars(importlib.import_module(f"warcourse.questions.{module.stem}"))) & set(questions.BANKS)
    built = {p.number for p in PRACTICE if p.bank_call().bank in defined}
    named = set(NAMED_SET.findall(text(module)))
    assert named <= built, (f"warcourse/questions/{module.name} names practice set(s) {sorted(named - built)}; "
                            f"it builds {sorted(built) or 'none'}")


def test_the_guide_times_every_lesson_in_order():
    table = section(text(GUIDE), "## Timing at a glance")
    assert re.findall(r"^\| `(\d\d_\w+)` \|", table, re.M) == [n.name for n in LESSONS], (
        "instructors/guide.md, '## Timing at a glance': one row per lesson")


def minutes_in(words: str) -> list[int]:
    """The first number or range of minutes in ``words`` ("80–95 min" gives [80, 95], "90 min + ..." [90])."""
    found = re.search(r"(\d+)(?:–(\d+))?", words)
    assert found, f"no minutes in {words!r}"
    return [int(n) for n in found.groups() if n]


def time_given(notebook: catalogue.Lesson) -> tuple[bool, list[int]]:
    """Whether the notebook's "Time:" line says "about", and its minutes (one number or a range)."""
    given = re.search(r"Time: (about )?(\d+(?:–\d+)?) minutes", prose(notebook))
    assert given, f"{notebook.slug}: no 'Time: ... minutes' line at the top"
    return bool(given.group(1)), minutes_in(given.group(2))


def test_the_guides_timing_table_shows_the_time_each_notebook_gives():
    table = section(text(GUIDE), "## Timing at a glance")
    rows = dict(re.findall(r"^\| `(\d\d_\w+)` \| ([^|]+?) \|", table, re.M))
    for lesson in LESSONS:
        about, minutes = time_given(lesson)
        printed = ("~" if about else "") + "–".join(map(str, minutes)) + " min"
        assert rows[lesson.name] == printed, f"instructors/guide.md, timing of {lesson.name}: the lesson says {printed}"
    given = [minute for practice in PRACTICE for minute in time_given(practice)[1]]
    practice_row = re.search(r"^\| practice sets [^|]+\| ([^|]+?) \|", table, re.M)
    assert practice_row and practice_row.group(1) == f"{min(given)}–{max(given)} min", (
        f"instructors/guide.md, timing of the practice sets: they say {min(given)} to {max(given)} minutes")


def test_the_guides_plan_for_each_lesson_agrees_with_its_section_and_what_the_lesson_says():
    """One lesson, one plan: the timing table's "plan for" column is the time in the lesson's section
    heading, and it overlaps the time the lesson prints for students (a plan of 70–85 minutes for a
    lesson that says "about 90" tells the instructor and the class two different things)."""
    page = text(GUIDE)
    plans = dict(re.findall(r"^\| `(\d\d_\w+)` \| [^|]+ \| ([^|]+?) \|", section(page, "## Timing at a glance"), re.M))
    for lesson in LESSONS:
        heading = re.search(rf"^## Lesson {lesson.number}: [^\n]*\(([^)]*)\)$", page, re.M)
        assert heading, f"instructors/guide.md: '## Lesson {lesson.number}: Title (time)'"
        plan = minutes_in(plans[lesson.name])
        assert minutes_in(heading.group(1)) == plan, (
            f"instructors/guide.md, lesson {lesson.number}: the section heading says {heading.group(1)}, "
            f"the timing table plans {plans[lesson.name]}")
        printed = time_given(lesson)[1]
        assert printed[0] <= plan[-1] and plan[0] <= printed[-1], (
            f"instructors/guide.md, lesson {lesson.number}: plans {plans[lesson.name]}, but the lesson tells "
            f"students {'–'.join(map(str, printed))} minutes; change one of them")


def test_the_guide_has_a_section_per_lesson_in_order():
    numbers = re.findall(r"^## Lesson (\d\d): ", text(GUIDE), re.M)
    assert numbers == [n.number for n in LESSONS], "instructors/guide.md: a '## Lesson NN: Title (time)' per lesson"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda n: n.name)
def test_the_guide_lists_each_parameters_allowed_values(lesson):
    chosen = {name: p for name, p in lesson.parameters().items() if name != "show_solutions"}
    if not chosen:
        return
    words = section(text(GUIDE), f"## Lesson {lesson.number}:")
    paragraph = words.split("**Parameters.**", 1)[-1].split("\n\n", 1)[0] if "**Parameters.**" in words else ""
    assert paragraph, f"instructors/guide.md, lesson {lesson.number}: no **Parameters.** paragraph"
    assert "`show_solutions`" in paragraph
    for name, parameter in chosen.items():
        listed = re.search(rf"`{name}`: ((?:`[^`]*`,?\s*)+)", paragraph)
        assert listed, f"instructors/guide.md, lesson {lesson.number}: **Parameters.** does not list `{name}`"
        values = re.findall(r'`"([^"]*)"`', listed.group(1))
        assert values == [str(v) for v in parameter.allowed], (
            f"instructors/guide.md, lesson {lesson.number}: `{name}` allows {list(parameter.allowed)}")


def test_the_guides_week_on_one_theater_uses_real_parameters_and_values():
    table = section(text(GUIDE), "## A week on one theater").split("\n\n", 2)[1]
    header, _, *rows = table.splitlines()
    columns = [re.match(r"lesson (\d\d) `(\w+)`", cell.strip()) for cell in header.strip("|").split("|")][1:]
    assert columns and all(columns), f"instructors/guide.md, a week on one theater: read 'lesson NN `name`' in {header}"
    by_number = {n.number: n for n in LESSONS}
    allowed = []  # per column
    for column in columns:
        number, name = column.groups()
        parameters = by_number[number].parameters()
        assert name in parameters, f"lesson {number} has no parameter {name}"
        allowed.append([str(v) for v in parameters[name].allowed])
    for row in rows:
        for column, values, cell in zip(columns, allowed, row.strip("|").split("|")[1:]):
            name = column.group(2)
            for value in re.findall(r'`"([^"]*)"`', cell):
                assert value in values, f"instructors/guide.md, a week on one theater: {name} {value!r}"


def render_commands():
    """Every ``python -m warcourse render NN ... -p NAME VALUE`` written for people to copy."""
    pages = {README: text(README), GUIDE: text(GUIDE), **{lesson.path: prose(lesson) for lesson in LESSONS}}
    return [pytest.param(command, id=f"{page.name}:{command[25:60]}")
            for page, words in pages.items()
            for command in re.findall(r"python -m warcourse render [^`\n]* -p [^`\n]*", words)]


@pytest.mark.parametrize("command", render_commands())
def test_every_render_command_on_a_page_names_real_parameters(command):
    words = shlex.split(command)[4:]
    names = [w for w in words[:words.index("-p")] if not w.startswith("-")]
    given = [(words[i + 1], words[i + 2]) for i, w in enumerate(words) if w == "-p"]
    try:
        catalogue.resolve(catalogue.select(names), given)
    except UsageError as error:
        pytest.fail(f"{command}: {error}")
