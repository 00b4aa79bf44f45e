"""The seed and its parsing into passages and the involvement table."""

import hashlib

import pytest

from warcourse import article
from warcourse.errors import CourseError
from warcourse.paths import SEED, SEED_SHA256


@pytest.fixture(scope="module")
def parsed():
    return article.load()


def test_seed_is_the_published_snapshot():
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256


def test_front_matter_is_parsed(parsed):
    assert parsed.front_matter["subject"] == "War against the Islamic State"
    assert str(parsed.front_matter["pubDate"]).startswith("2023-10-23")


def test_passages_keep_their_seed_line(parsed):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for p in parsed.passages:
        if p.kind == "paragraph":
            assert p.text[:20] in article.clean(lines[p.line - 1])


def test_wiki_links_images_and_object_lines_are_dropped(parsed):
    texts = [p.text for p in parsed.passages]
    assert not any("[[" in t or "]]" in t or "[object Object]" in t for t in texts)
    assert not any(t.startswith("![") for t in texts)
    turkey = next(p for p in parsed.passages if "İncirlik" in p.text)
    assert "allowed the United States to use İncirlik and Diyarbakır air bases" in turkey.text
    assert "Turkey–ISIL conflict#" not in turkey.text


def test_empty_sections_are_kept_as_headings(parsed):
    egypt = [p for p in parsed.passages if p.section == "Egypt"]
    assert [p.kind for p in egypt] == ["heading"]
    mali = [p for p in parsed.passages if p.subsection == "Mali"]
    assert [p.kind for p in mali] == ["heading"]


def test_sections_and_subsections(parsed):
    p = next(p for p in parsed.passages if "By 16 August, U.S. airstrikes hit" in p.text)
    assert (p.section, p.subsection, p.kind) == ("Libya", "U.S. airstrikes", "paragraph")
    assert parsed.passages[0].section == "Introduction"


def test_clean_resolves_markup():
    assert article.clean("a [[Target#x|label]] b [[Plain]] *Wasp* **San**[object Object]") == \
        "a label b Plain Wasp San"


def test_involvement_table_has_58_countries_by_5_theaters(parsed):
    cells = article.involvement_rows(parsed)
    assert len(cells) == 290
    assert len({c["country"] for c in cells}) == 58
    assert {c["theater"] for c in cells} == {"Iraq", "Syria", "Libya", "Nigeria", "Afghanistan"}
    afg = {c["theater"]: c["involved"] for c in cells if c["country"] == "Afghanistan"}
    assert afg == {"Iraq": False, "Syria": False, "Libya": False, "Nigeria": False, "Afghanistan": True}
    assert all(c["raw_cell"] in ("", "—") for c in cells)
    assert not any("\U0001F1E6" <= ch <= "\U0001F1FF" for c in cells for ch in c["country"])


@pytest.mark.parametrize("damage, expected", [
    (lambda b: b"", "the file is empty"),
    (lambda b: b[:200] + b"\xff\xfe" + b[200:], "not valid UTF-8"),
    (lambda b: b.replace(b"---\n", b"", 1), "expected '---' opening the YAML front matter"),
    (lambda b: b.replace(b"subject: War", b"subject: [War", 1), "front matter is not valid YAML"),
    (lambda b: b[:b.index(b"\n---\n", 10) + 5], "no section headings found"),
    (lambda b: b.replace(b"1,149", b"1,148"), "the seed has changed"),
    (lambda b: b.replace(b"\n\n", b"\n", 1), "the seed has changed"),
])
def test_damaged_seed_gives_one_clear_line(tmp_path, damage, expected):
    broken = tmp_path / SEED.name
    broken.write_bytes(damage(SEED.read_bytes()))
    with pytest.raises(CourseError) as err:
        article.load(broken)
    message = str(err.value)
    assert expected in message
    assert SEED.name in message and "\n" not in message


def test_utf8_error_names_the_line(tmp_path):
    raw = SEED.read_bytes().split(b"\n")
    raw[99] = raw[99] + b"\xff"
    broken = tmp_path / SEED.name
    broken.write_bytes(b"\n".join(raw))
    with pytest.raises(CourseError, match=r":100: not valid UTF-8"):
        article.load(broken)
