"""Lesson 01 and practice set 01 question banks: canonical answers (computed here with plain pandas from
the tables, the article file and textstats' measurement tables) are accepted, typical wrong answers are
refused without giving the answer away, for every allowed section."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from banks.common import accepted, assert_refused, choice_containing, leaked, wrong_choices
from warcourse import article, data, questions, textstats
from warcourse.errors import UsageError
from warcourse.questions import key

SECTIONS = ("all", "Iraq", "Syria", "Libya", "Casualties")


@pytest.fixture(scope="module")
def passages() -> pd.DataFrame:
    return data.passages()


@pytest.fixture(scope="module")
def found(passages) -> pd.DataFrame:
    return textstats.quantities(passages)


@pytest.fixture(scope="module")
def issues() -> pd.DataFrame:
    return data.inconsistencies().set_index("issue_id")


@pytest.fixture(scope="module", params=SECTIONS)
def lesson(request):
    return request.param, questions.article_as_data(request.param)


@pytest.fixture(scope="module")
def q():
    return questions.article_as_data()


@pytest.fixture(scope="module")
def practice():
    return questions.article_practice()


# --- structure ---------------------------------------------------------------------------------------------

def test_a_section_that_is_not_allowed_is_refused():
    with pytest.raises(UsageError, match="section"):
        questions.article_as_data("Mars")


def test_right_choice_positions_vary(q, practice):
    letters = {key(ex).text[0] for ex in [q.blank_convention, q.range_test, q.unit, practice.dozens]}
    assert len(letters) > 1


# --- the lesson --------------------------------------------------------------------------------------------

def test_no_text(q, passages):
    text = passages[passages["kind"] != "heading"]
    right = sorted(set(passages["section"]) - set(text["section"]))
    accepted(q.no_text, right)
    accepted(q.no_text, set(right))
    near = [option for option in q.no_text.options if option not in right]
    assert near
    assert_refused(q.no_text, [right[:-1], right + near[:1], near, list(text["section"].unique())])


def test_blank_convention_is_a_convention_that_fails(q, issues):
    right = choice_containing(q.blank_convention, "convention", "breaks")
    accepted(q.blank_convention, right)
    assert_refused(q.blank_convention, wrong_choices(q.blank_convention))
    named = issues.loc["australia_iraq_table_vs_text", "lines"].split(";")
    assert set(q.blank_convention.lines) == {int(n) for n in named}
    # the data behind the question: Australia's Iraq cell is a dash although the text reports strikes
    inv = data.involvement()
    cell = inv[(inv["country"] == "Australia") & (inv["theater"] == "Iraq")]
    assert cell["raw_cell"].item() == "—"


def test_words_share(lesson, found, passages):
    section, bank = lesson
    lines = passages.loc[passages["section"] == section, "line"]
    part = found if section == "all" else found[found["line"].isin(lines)]
    share = 100 * (part["written"] == "words").sum() / len(part)
    accepted(bank.words_share, share)
    accepted(bank.words_share, round(share, 1))
    wrong = [100 - share, int((part["written"] == "words").sum()), share / 100, share + 3]
    assert_refused(bank.words_share, wrong)
    if section != "all":
        whole = 100 * (found["written"] == "words").mean()
        if abs(whole - share) > 0.5:
            assert "whole article" in bank.words_share.check(whole).message


def _not_ranges(found, passages) -> list[str]:
    text = passages.set_index("line")["text"]
    ranges = found[found["form"] == "range"]
    odd = []
    for row in ranges.itertuples():
        sentence = text[row.line].split(row.number)[0].rsplit(".", 1)[-1]
        if "vote" in sentence or re.search(r"(increased|reduced)\b.*\bfrom\s*$", sentence):
            odd.append(row.number)
    return odd


def test_not_range(q, found, passages):
    right = _not_ranges(found, passages)
    assert "450 to 500" in right and len(right) == 2
    accepted(q.not_range, right)
    ranges = found[found["form"] == "range"]
    backwards = list(ranges.loc[ranges["low"] > ranges["high"], "number"])
    others = [number for number in ranges["number"] if number not in right]
    assert_refused(q.not_range, [backwards, right + others[:1], others[:3], list(ranges["number"])])


def test_range_test_finds_the_flaw_of_low_above_high(q):
    accepted(q.range_test, choice_containing(q.range_test, "misses"))
    assert_refused(q.range_test, wrong_choices(q.range_test))


def test_density(q, found, passages):
    big = ["Iraq", "Syria", "Libya", "Casualties"]
    text = passages[passages["kind"] != "heading"]
    per = {s: (found["section"] == s).sum() / (text["section"] == s).sum() for s in big}
    right = sorted(big, key=per.get, reverse=True)
    accepted(q.density, right)
    by_numbers = sorted(big, key=lambda s: (found["section"] == s).sum(), reverse=True)
    assert by_numbers != right
    assert_refused(q.density, [by_numbers, list(reversed(right)), right[1:] + right[:1]])


def test_bpc_gap(q):
    co, members = data.coalitions(), data.coalition_members()
    stated = int(co.loc[co["coalition_id"] == "bpc_2015", "stated_members"].item())
    named = members[(members["coalition_id"] == "bpc_2015") & (members["basis"] == "named")]["country"].nunique()
    accepted(q.bpc_gap, named - stated)
    assert_refused(q.bpc_gap, [named, stated, stated - named, named + stated])


def test_unit(q):
    accepted(q.unit, choice_containing(q.unit, "sorties"))
    assert_refused(q.unit, wrong_choices(q.unit) + ["z"])
    assert "over 16,000" in q.unit.question  # the article's qualifier is kept


def _told_twice(events, passages) -> pd.DataFrame:
    repeated = events[events["event_id"].str.contains(r"_[a-z]$")].copy()
    repeated["event"] = repeated["event_id"].str[:-2]
    section = passages.set_index("line")["section"]
    rows = []
    for event, group in repeated.groupby("event"):
        if len(group) >= 2:
            lines = sorted(set(int(n) for n in group["line"]))
            rows.append({"event": event, "tellings": len(group), "lines": "; ".join(map(str, lines)),
                         "sections": "; ".join(dict.fromkeys(str(section[n]) for n in lines))})
    return pd.DataFrame(rows)


def test_unrecorded(q, passages, issues):
    told = _told_twice(data.events(), passages)
    duplicates = [set(lines.replace(" ", "").split(";"))
                  for lines in issues.loc[issues["kind"] == "duplicate", "lines"]]
    told["recorded"] = [any(set(lines.split("; ")) <= named for named in duplicates) for lines in told["lines"]]
    right = told[~told["recorded"]]
    accepted(q.unrecorded, right)
    for wrong in [told, told[told["recorded"]], right.drop(columns="tellings"), right.head(2)]:
        assert q.unrecorded.check(wrong).correct is False


# --- the summative check -----------------------------------------------------------------------------------

def test_summative(q, found, passages):
    assert set(q.summative) == {"vague_words", "deep_headings", "involved_per_theater", "told_often", "brussels_gap"}
    vague = int((found["form"] == "vague word").sum())
    accepted(q.vague_words, vague)
    assert_refused(q.vague_words, [int(found["vague"].sum()), vague + 1, vague - 1])

    levels = [len(m.group(1)) for line in article.read_lines() if (m := re.match(r"\s*(#{1,6})\s", line))]
    deep = sum(level >= 3 for level in levels)
    accepted(q.deep_headings, deep)
    assert_refused(q.deep_headings, [sum(level == 3 for level in levels), len(levels), deep + 1])

    inv = data.involvement()
    per = inv[inv["involved"]].groupby("theater", observed=True).size()
    accepted(q.involved_per_theater, per)
    for wrong in [inv.groupby("theater", observed=True).size(), per + 1, per.head(3)]:
        assert q.involved_per_theater.check(wrong).correct is False

    told = _told_twice(data.events(), passages)
    often = list(told.loc[told["tellings"] >= 3, "event"])
    accepted(q.told_often, often)
    twice = list(told.loc[told["tellings"] == 2, "event"])
    assert_refused(q.told_often, [often[:1], often + twice[:1], twice[:2]])

    co, members = data.coalitions(), data.coalition_members()
    stated = int(co.loc[co["coalition_id"] == "brussels_2014", "stated_members"].item())
    rows = members[(members["coalition_id"] == "brussels_2014") & (members["basis"] != "excluded")]
    listed = rows["country"].nunique()
    accepted(q.brussels_gap, stated - listed)
    assert_refused(q.brussels_gap, [stated, listed, listed - stated - 5])


# --- the practice set --------------------------------------------------------------------------------------

def test_practice_libya(practice):
    inv = data.involvement()
    libya = inv[inv["theater"] == "Libya"]
    accepted(practice.libya, int(libya["involved"].sum()))
    assert_refused(practice.libya, [len(libya), int((~libya["involved"]).sum()), int(inv["involved"].sum())])


def test_practice_daesh(practice, passages):
    right = sorted(set(passages.loc[passages["text"].str.contains("Daesh", regex=False), "section"]))
    accepted(practice.daesh, right)
    others = [o for o in practice.daesh.options if o not in right]
    assert_refused(practice.daesh, [right[:1], right + others[:1], others])


def test_practice_places(practice, passages, issues):
    spellings = re.findall(r'"([^"]+)"', issues.loc["place_spellings", "description"])
    assert len(spellings) == 4
    mask = passages["text"].apply(lambda text: any(s in text for s in spellings))
    right = passages.loc[mask, ["line", "section"]]
    accepted(practice.places, right)
    first = passages.loc[passages["text"].str.contains(spellings[0], regex=False), ["line", "section"]]
    for wrong in [first, passages.loc[mask, ["line"]], passages.loc[mask, ["line", "section", "kind"]]]:
        assert practice.places.check(wrong).correct is False


def test_practice_dates(practice, issues):
    texts = re.findall(r'"([^"]+)"', issues.loc["date_formats", "description"])
    right = sorted(texts, key=lambda t: pd.Timestamp(pd.to_datetime(t)))
    accepted(practice.dates, right)
    assert_refused(practice.dates, [sorted(texts), list(reversed(right)), right[1:] + right[:1]])


def test_practice_sinjar(practice, found, issues):
    lines = [int(n) for n in issues.loc["sinjar_trapped_vs_escaped", "lines"].split(";")]
    there = found[found["line"].isin(lines)]
    low = there.loc[there["form"] == "range", "low"].item()
    high = there.loc[there["form"] == "range", "high"].item()
    trapped = there.loc[there["form"] == "approximate", "low"].item()
    accepted(practice.sinjar, low - trapped)
    assert_refused(practice.sinjar, [high - trapped, low, trapped, trapped + low])


def test_practice_dozens(practice):
    accepted(practice.dozens, choice_containing(practice.dozens, "no upper limit"))
    assert_refused(practice.dozens, wrong_choices(practice.dozens))


def test_practice_words(practice, found):
    libya = found[(found["section"] == "Libya") & (found["written"] == "words")]
    right = libya["subsection"].value_counts().sort_index()
    accepted(practice.words, right)
    everything = found[found["section"] == "Libya"]["subsection"].value_counts()
    for wrong in [everything, right + 1, right.head(1)]:
        assert practice.words.check(wrong).correct is False


@pytest.mark.parametrize("bank", ["lesson", "practice"])
def test_hints_and_question_texts_do_not_give_the_answer_away(bank, q, practice):
    chosen = q if bank == "lesson" else practice
    for name in chosen:
        exercise = chosen[name]
        for text in [*key(exercise).hints, exercise.question]:
            assert not leaked(exercise, text), f"{name}: {text}"
