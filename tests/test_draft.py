"""The lesson 05 checker: every number names its row, and the row's value, bound, theater, metric and hedge hold.

The mistakes and honest forms are those of issue 22, written in the syntax of ``warcourse.tracing``.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warcourse import brief, draft, rowfacts, tracing
from warcourse.errors import UsageError
from warcourse.exercises import configure
from warcourse.exercises.feedback import Note
from warcourse.theaters import COMBINED, covered

SIXTEEN = "coalition_2015_01_15_airstrikes"  # "over 16,000 airstrikes", Iraq and Syria together
SORTIES = "coalition_2015_07_21_sorties"  # "nearly 44,000 sorties", a running total, Iraq and Syria
AFGHAN_RANGE = "coalition_afghanistan_2016_04_airstrikes"  # "between 70 and 80 airstrikes"
AIRWARS_RANGE = "airwars_2016_01"  # "between 815 and 1,149 civilian non-combatants", Airwars


def kinds(text: str, theater: str = "Iraq") -> list[str]:
    return [finding.kind for finding in draft.review(text, theater).findings]


# --- mistakes: each is flagged, by name --------------------------------------------------------

@pytest.mark.parametrize("theater, text, kind", [
    # numbers it never sees
    ("Iraq", "The coalition had carried out\n99,999 airstrikes in Iraq.", "untraced"),
    ("Iraq", "In August 9,999 civilians were killed in Iraq.", "untraced"),
    ("Iraq", "The Combined Joint Task Force 99,999 airstrikes were made in Iraq.", "untraced"),
    ("Iraq", "Strikes rose from 800 in July 2014 to 99,999 in February 2015.", "untraced"),
    ("Iraq", "The coalition made 99k airstrikes in Iraq.", "untraced"),
    ("Iraq", "A million people fled Mosul.", "untraced"),
    ("Iraq", "The count fell by -5 in Iraq.", "untraced"),
    ("Iraq", "The coalition made over 16 000 airstrikes in Iraq and Syria combined.", "untraced"),
    ("Iraq", "Fourteen countries struck ISIL in Iraq.", "untraced"),
    ("Iraq", "The Coalition three in June 2020 hit camps in Iraq.", "untraced"),
    ("Afghanistan", "The coalition made 70–80 [coalition_afghanistan_2016_04_airstrikes] airstrikes in Afghanistan.",
     "untraced"),
    # bounds in the wrong direction, ranges collapsed, qualifiers dropped or added
    ("Iraq", "The coalition killed at most 1,291 [coalition_2019_03_civilians] civilians in Iraq and Syria, "
             "according to the US-led coalition.", "bound reversed"),
    ("Iraq", f"The coalition made up to 16,000 [{SIXTEEN}] airstrikes in Iraq and Syria combined.", "bound reversed"),
    ("Syria", "Airwars says at least 6,000 [airwars_2017] civilians were killed in Iraq and Syria in 2017.",
     "bound reversed"),
    ("Iraq", f"The coalition flew more than 44,000 [{SORTIES}] sorties in Iraq and Syria combined.", "bound reversed"),
    ("Afghanistan", f"The coalition made about 70 [{AFGHAN_RANGE}] airstrikes in Afghanistan.", "range collapsed"),
    ("Afghanistan", f"The coalition made nearly 80 [{AFGHAN_RANGE}] airstrikes in Afghanistan.", "range collapsed"),
    ("Syria", f"According to Airwars, about 1,000 [{AIRWARS_RANGE}] civilians were killed in Iraq and Syria.",
     "range collapsed"),
    ("Iraq", f"The coalition made 16,000 [{SIXTEEN}] airstrikes in Iraq and Syria combined.", "qualifier dropped"),
    # a ceiling is not a rough number: "as many as" and "nearly" (upper bounds, stored vague) never become "about"
    ("Iraq", f"The coalition flew about 44,000 [{SORTIES}] sorties in Iraq and Syria combined.", "qualifier changed"),
    ("Iraq", "A senior US military official told CNN that about 50,000 [cnn_us_official_2016_12] ISIL fighters "
             "had been killed in Iraq and Syria combined.", "qualifier changed"),
    ("Iraq", "The United States made about 1,361 [us_iraq_syria_2014_12_19_airstrikes] airstrikes in Iraq and "
             "Syria combined.", "qualifier added"),
    ("Iraq", "The United States made 1,362 [us_iraq_syria_2014_12_19_airstrikes] airstrikes in Iraq and Syria "
             "combined.", "wrong value"),
    # what a number counts
    ("Iraq", "The coalition killed 43 [australia_iraq_2014_10_17_sorties] civilians in Iraq.", "metric"),
    ("Iraq", f"The coalition carried out nearly 44,000 [{SORTIES}] airstrikes in Iraq and Syria combined.", "metric"),
    ("Iraq", f"In July 2015 alone the coalition flew nearly 44,000 [{SORTIES}] sorties in Iraq and Syria.",
     "count type"),
    ("Iraq", "The United Kingdom had made 1,361 [us_iraq_syria_2014_12_19_airstrikes] airstrikes in Iraq and Syria.",
     "actor"),
    ("Syria", f"According to Airwars, between 815 [{AIRWARS_RANGE}] and 1,149 [{AIRWARS_RANGE}] ISIL fighters were "
              "killed in Iraq and Syria.", "victim category"),
    ("Iraq", "Airwars and the coalition count 452 [= airwars_2015_08 + coalition_2015_08_acknowledged] civilians "
             "killed in Iraq and Syria.", "claims added"),
    ("Libya", "Egyptian airstrikes killed 114 [= egypt_derna_2015_02_16 + egypt_libya_2015_02_16] ISIL militants in "
              "Libya, no source named.", "claims added"),
    ("Iraq", "Sorties and strikes make 60,000 [= coalition_2015_07_21_sorties + coalition_2015_01_15_airstrikes] "
             "missions in Iraq and Syria.", "different kinds"),
    # scope and hedges, in the words of the sentence itself
    ("Iraq", f"Together with its allies, the coalition made over 16,000 [{SIXTEEN}] airstrikes in Iraq.", "combined"),
    ("Iraq", f"In Iraq alone, not in Iraq and Syria combined, the coalition made over 16,000 [{SIXTEEN}] airstrikes.",
     "combined"),
    ("Iraq", f"The campaign covered Iraq and Syria. The coalition made over 16,000 [{SIXTEEN}] airstrikes in Iraq.",
     "combined"),
    ("Libya", "The coalition launched 460 [coalition_afghanistan_2017_04_airstrikes] airstrikes in Libya.",
     "other theater"),
    ("Iraq", "Iran joined the air war on 21 June 2014 [iran_joined_air_war_claim].", "hedge dropped"),
    ("Iraq", "Claims differ. Iran joined the air war on 21 June 2014 [iran_joined_air_war_claim].", "hedge dropped"),
    ("Syria", "Over 100 [turkey_elbeyli_2015_07_23] ISIL militants were killed in Syria.", "claimant dropped"),
    ("Syria", "Russia killed over 600 [russia_2015_11_20] ISIL fighters in Syria.", "hedge dropped"),
    # tags and references that do not hold
    ("Iraq", "The article reports 40 [# casualty_claims theater=Iraq] death claims for Iraq.", "wrong count"),
    ("Iraq", "The coalition made 5 [no_such_row] airstrikes in Iraq.", "unknown id"),
    ("Iraq", "The coalition made 5 [= ] airstrikes in Iraq.", "bad computation"),
    ("Iraq", "The coalition made 5 [= coalition_2019_03_strikes coalition_2019_03_strikes] airstrikes in Iraq.",
     "bad computation"),
    ("Iraq", "The coalition made 5 [# casualty_claims weather=sunny] airstrikes in Iraq.", "bad count"),
    ("Iraq", "See the article (lines 1-20000000).", "line reference"),
    ("Iraq", "See the article (line 920).", "line reference"),
    ("Iraq", "The coalition made three [coalition_iraq_2020_06_camps] targets in Iraq.", "in words"),
])
def test_each_mistake_is_flagged_by_name(theater, text, kind):
    found = kinds(text, theater)
    assert kind in found, str(draft.review(text, theater))


# --- honest forms: they pass ---------------------------------------------------------------------

@pytest.mark.parametrize("theater, text", [
    ("Iraq", f"The coalition made over 16,000 [{SIXTEEN}] airstrikes in Iraq and Syria combined by 15 January 2015."),
    ("Iraq", f"The coalition made over 16 000 [{SIXTEEN}] airstrikes in Syria and Iraq together."),
    ("Syria", f"Iraq/Syria: over 16,000 [{SIXTEEN}] coalition airstrikes (Line 214, lines 210 to 214)."),
    ("Iraq", f"The coalition flew nearly 44,000 [{SORTIES}] sorties in Iraq and Syria by 21 July 2015."),
    ("Afghanistan", f"The coalition made between 70 [{AFGHAN_RANGE}] and 80 [{AFGHAN_RANGE}] airstrikes in "
                    "Afghanistan in April 2016."),
    ("Syria", f"According to Airwars, between 815 [{AIRWARS_RANGE}] and 1,149 [{AIRWARS_RANGE}] civilians were "
              "killed in Iraq and Syria."),
    ("Syria", "Airwars says as many as 6,000 [airwars_2017] civilians were killed in Iraq and Syria in 2017."),
    ("Iraq", "The coalition says it killed at least 1,291 [coalition_2019_03_civilians] civilians in Iraq and Syria."),
    ("Iraq", "One war correspondent suggested that Iran joined the air war on 21 June 2014 "
             "[iran_joined_air_war_claim]."),
    ("Syria", "Turkish news outlets reported that over 100 [turkey_elbeyli_2015_07_23] ISIL militants were killed in "
              "Syria."),
    ("Libya", "More than 80 [libya_2017_01_18_official] ISIL fighters were killed south of Sirte, Libya, according to "
              "a US official."),
    ("Libya", "The United States carried out 495 [us_libya_2016_12_19] airstrikes in Libya by 19 December 2016."),
    ("Iraq", "Airwars counted 448 [= airwars_2015_08 - coalition_2015_08_acknowledged] more civilian deaths in Iraq "
             "and Syria than the US-led coalition acknowledged."),
    ("Iraq", "The coalition acknowledged 0.4% [= coalition_2015_08_acknowledged / airwars_2015_08] of the civilian "
             "deaths Airwars counted in Iraq and Syria."),
    ("Iraq", "US troops in Iraq rose by 1,300 [= us_iraq_2015_02 - us_iraq_2014_12] between December 2014 and "
             "February 2015."),
    ("Iraq", "The Canadian campaign ended 18 [= canada_campaign_end - us_iraq_campaign_start_a] months after the US "
             "campaign in Iraq began."),
    ("Iraq", "The involvement table marks 43 [# involvement theater=Iraq involved=true] countries as involved in "
             "Iraq (lines 490–547)."),
    ("Iraq", "1. The coalition: over 16,000 [coalition_2015_01_15_airstrikes] airstrikes, Iraq and Syria combined.\n"
             "2. The United States: 1,361 [us_iraq_syria_2014_12_19_airstrikes] airstrikes, Iraq and Syria combined.\n"
             "- F-16s flew from Jordan in 2014–15, as Resolution 2170 allowed; the 22nd MEU stayed on board."),
])
def test_honest_sentences_pass(theater, text):
    review = draft.review(text, theater)
    assert review.ok, str(review)


def test_the_model_brief_passes_for_every_theater_without_exemption():
    tables = brief.load()
    for theater in brief.THEATERS:
        text = brief.build(tables, theater).markdown()
        review = draft.review(text, theater)
        assert review.ok, f"{theater}: {review}"
        untagged = [n for n in tracing.numbers_in(text) if n.tag is None]
        assert untagged == [] and review.checked >= 20


# --- the property: a row's own sentence passes; changing any one part is flagged ------------------

_WORDS = {"airstrikes": "airstrikes", "sorties": "sorties", "missions": "missions", "targets": "targets",
          "munitions": "munitions", "operations": "operations", "civilians": "civilians", "isil_fighters": "fighters",
          "other_militants": "militants", "coalition_personnel": "soldiers", "unspecified": "people",
          "personnel": "troops"}
_OTHER_WORD = {"airstrikes": "sorties", "sorties": "airstrikes", "missions": "targets", "targets": "missions",
               "munitions": "sorties", "operations": "sorties", "civilians": "fighters", "fighters": "civilians",
               "militants": "civilians", "soldiers": "civilians", "people": "airstrikes", "troops": "airstrikes",
               "aircraft": "airstrikes"}
_SWAP = {"lower": "up to", "upper": "over", "exact": "over", "about": "over"}


def _lesson_theater(row: rowfacts.Row) -> str | None:
    return next((t for t in brief.THEATERS if row.theater in covered(t)), None)


ROWS = sorted((row for row in rowfacts.facts().values()
               if row.table in ("strike_counts", "deployments", "casualty_claims") and _lesson_theater(row)),
              key=lambda row: row.id)


def sentence(row: rowfacts.Row, *, number: str | None = None, word: str | None = None, place: str | None = None,
             hedge: bool = True) -> str:
    """A sentence that keeps the row's value and qualifier, metric word, theater, claimant and hedge."""
    number = tracing.written(row) if number is None else number
    word = word or _WORDS.get(row.counts, "aircraft")
    place = place or ("in Iraq and Syria combined" if row.theater == COMBINED else f"in {row.theater}")
    if row.table == "casualty_claims":
        who = f", according to {row.actor}" if row.actor != brief.UNATTRIBUTED else ", no source named"
        if row.actor == brief.UNATTRIBUTED and row.certainty in rowfacts.HEDGED:
            who += ", unconfirmed"
        return f"{number} {word} were killed {place}{who if hedge else ''}."
    actor = "The coalition" if row.actor == "Coalition" else row.actor
    said = f", according to {row.source}" if row.certainty in rowfacts.HEDGED and hedge else ""
    return f"{actor}: {number} {word} {place}{said}."


def mutations(row: rowfacts.Row) -> list[tuple[str, str]]:
    """(what was changed, the sentence with that one change)."""
    value = row.high if row.bound == "upper" else row.low
    out = [("value", sentence(row, number=tracing.written(row).replace(
        f"{int(value):,}", f"{int(value) * 10 + 7:,}", 1)))]
    if row.bound == "range":
        out.append(("qualifier", sentence(row, number=f"{int(row.low):,} [{row.id}]")))
    else:
        out.append(("qualifier", sentence(row, number=f"{_SWAP[row.bound]} {int(value):,} [{row.id}]")))
    word = _WORDS.get(row.counts, "aircraft")
    out.append(("metric", sentence(row, word=_OTHER_WORD[word])))
    other = "Libya" if row.theater != "Libya" else "Afghanistan"
    out.append(("theater", sentence(row, place=f"in {other}" if row.theater != COMBINED else "in Syria alone")))
    if row.certainty in rowfacts.HEDGED or (row.table == "casualty_claims" and row.actor != brief.UNATTRIBUTED):
        out.append(("hedge", sentence(row, hedge=False)))
    return out


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ROWS), st.data())
def test_a_rows_own_sentence_passes_and_any_one_change_is_flagged(row, data):
    theater = _lesson_theater(row)
    honest = sentence(row)
    assert draft.review(honest, theater).ok, f"{honest}\n{draft.review(honest, theater)}"
    changed, text = data.draw(st.sampled_from(mutations(row)))
    assert not draft.review(text, theater).ok, f"{changed} not flagged: {text}"


# --- robustness ------------------------------------------------------------------------------------

@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-–[]=#+*/()%_\nabcIraqSyriaover nearly lines")),
               max_size=120))
def test_no_text_raises(text):
    review = draft.review(text, "Syria")
    assert isinstance(str(review), str) and review.to_html().startswith("<div")


def test_huge_numbers_ids_and_references_give_findings_not_tracebacks():
    text = ("5 [" + "9" * 4300 + "] airstrikes; 10" + "0" * 400 + " [coalition_2019_03_strikes] strikes; "
            "(line " + "7" * 4300 + "); 3 [= (((] ; 4 [= a / ] ; 2 [# " + "x " * 3000 + "]; 6 [#] ; [=]")
    found = kinds(text)
    assert {"unknown id", "wrong value", "line reference", "bad computation", "bad count"} <= set(found)


def test_100_kb_of_text_is_checked_in_under_a_second():
    text = brief.build(brief.load(), "Iraq").markdown()
    text = (text * (100_000 // len(text) + 1))[:100_000]
    draft.review("warm up", "Iraq")
    start = time.process_time()
    review = draft.review(text, "Iraq")
    assert time.process_time() - start < 1.0
    assert review.checked > 500


def test_theater_must_be_allowed_and_text_must_be_text():
    with pytest.raises(UsageError, match="allowed"):
        draft.review("1 [x]", "Mars")
    with pytest.raises(UsageError, match="string"):
        draft.review(495, "Libya")


# --- the review, the draft and the rubric ------------------------------------------------------------

def test_the_review_lists_every_number_with_its_row_line_and_quote():
    review = draft.review(f"The coalition made over 16,000 [{SIXTEEN}] airstrikes in Iraq and Syria combined "
                          f"(line 214).", "Syria")
    assert review.ok and review.checked == 1
    text = str(review)
    assert f"“16,000” [{SIXTEEN}]" in text and "article line 214" in text and "over 16,000 airstrikes" in text
    html = review.to_html()
    assert "<sup>1</sup>" in html and "article line 214" in html and SIXTEEN in html


def test_a_flagged_review_says_so_and_escapes_html():
    review = draft.review("The <b>US</b> made 9,999 airstrikes in Libya.", "Libya")
    assert str(review).startswith("Review: 1 finding; 0 numbers traced to a row:")
    assert "which row says this? add its id" in str(review)
    assert "<b>" not in review.to_html() and 'role="status"' in review.to_html()


def test_cite_writes_a_rows_number_with_its_id():
    assert draft.Draft.cite(SIXTEEN) == f"over 16,000 [{SIXTEEN}]"
    assert draft.Draft.cite(AFGHAN_RANGE) == f"between 70 [{AFGHAN_RANGE}] and 80 [{AFGHAN_RANGE}]"
    rows = draft.Draft("Iraq").rows("air")["strike_counts"]
    row = rows[rows["record_id"] == SORTIES]
    assert draft.Draft.cite(row) == f"nearly 44,000 [{SORTIES}]" == draft.Draft.cite(row.iloc[0])
    assert draft.Draft.cite("iran_joined_air_war_claim") == "[iran_joined_air_war_claim]"
    with pytest.raises(UsageError, match="one row"):
        draft.Draft.cite(rows)
    with pytest.raises(UsageError, match="no table row"):
        draft.Draft.cite("nothing_here")


def test_sections_are_written_reviewed_and_shown():
    checker = draft.Draft("Libya")
    assert isinstance(checker.write("who", "..."), Note)
    assert "not written yet" in checker.markdown()
    review = checker.write("air", "The United States carried out 495 [us_libya_2016_12_19] airstrikes in Libya by "
                                  "19 December 2016.")
    assert review.ok and "495 [us_libya_2016_12_19] airstrikes" in checker.markdown()
    assert checker.review().ok and checker.review().checked == 1
    with pytest.raises(UsageError, match="sections are"):
        checker.write("weather", "sunny")
    with pytest.raises(UsageError, match="string"):
        checker.write("air", 495)
    assert set(checker.rows("air")) == {"events", "strike_counts"}


def test_the_rubric_says_what_is_checked_and_what_is_left_to_the_reader():
    rubric = draft.Draft.rubric().text
    assert "The checker verifies:" in rubric and "It leaves to you" in rubric
    assert draft.RUBRIC == draft.CHECKED + draft.LEFT
    assert all(point in rubric for point in draft.RUBRIC)


def test_the_model_brief_is_hidden_unless_solutions_are_on():
    checker = draft.Draft("Libya")
    assert isinstance(checker.model(), Note)
    try:
        configure(show_solutions=True)
        model = checker.model()
        assert isinstance(model, brief.Brief)
        assert "<sup>1</sup>" in model._repr_markdown_() and "**Notes**" in model._repr_markdown_()
    finally:
        configure(show_solutions=False)


@pytest.mark.parametrize("after, says", [
    ("[us_iraq_syria_2014_12_19_airstrikes airstrikes", "not closed"),
    ("(us_iraq_syria_2014_12_19_airstrikes) airstrikes", "square brackets"),
    ("[] airstrikes", "brackets are empty"),
    ("airstrikes [us_iraq_syria_2014_12_19_airstrikes]", "stands after the words"),
])
def test_a_tag_written_almost_right_is_named_for_what_is_wrong_with_it(after, says):
    """A student who did add an id is told what is wrong with how it is written, not "add its id"."""
    found = draft.review(f"The United States made 1,361 {after} in Iraq and Syria combined.", "Iraq").findings
    assert [finding.kind for finding in found] == ["untraced"] and says in found[0].message
