"""Lesson 02 and practice set 02 question banks: canonical answers (computed here with plain pandas) are
accepted, typical wrong answers are refused without giving the answer away, for every focus coalition."""

from __future__ import annotations

import pandas as pd
import pytest

from banks.common import accepted, assert_refused, choice_containing, wrong_choices
from warcourse import data, questions
from warcourse.errors import UsageError
from warcourse.exercises import MultipleChoice, SetAnswer
from warcourse.questions import key
from warcourse.regions import regions

FOCUS = ("brussels_2014", "wales_2014", "paris_2014", "bpc_2015", "russia_iraq_iran_syria_2015",
         "muslim_states_2015")


@pytest.fixture(scope="module")
def coalitions() -> pd.DataFrame:
    return data.coalitions()


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    return data.coalition_members()


@pytest.fixture(scope="module")
def rows(members, coalitions) -> pd.DataFrame:
    """Member rows (named or by reference) with the kind and date of their entry."""
    keep = members[members["basis"].isin(["named", "by_reference"])]
    return keep.merge(coalitions[["coalition_id", "kind", "date"]], on="coalition_id")


@pytest.fixture(scope="module")
def inv() -> pd.DataFrame:
    return data.involvement()


@pytest.fixture(scope="module", params=FOCUS)
def lesson(request):
    return request.param, questions.coalition_formation(request.param)


@pytest.fixture(scope="module")
def practice():
    return questions.coalition_practice()


def setof(rows: pd.DataFrame, coalition_id: str, basis=("named", "by_reference")) -> set:
    return set(rows.loc[(rows["coalition_id"] == coalition_id) & rows["basis"].isin(basis), "country"])


def period_ids(coalitions) -> list[str]:
    return list(coalitions.loc[coalitions["date"].dt.year <= 2015, "coalition_id"])


# --- structure ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["cjtf_oir", "Brussels", None])
def test_unknown_focus_is_refused(bad):
    with pytest.raises(UsageError, match="coalition"):
        questions.coalition_formation(bad)


def test_right_choice_position_varies(lesson, practice):
    _, bank = lesson
    positions = {source[name].order.index(key(source[name]).answer) for source in (bank, practice) for name in source
                 if isinstance(source[name], MultipleChoice)}
    assert len(positions) > 1


def test_hints_never_hold_the_answer(lesson, practice):
    _, bank = lesson
    for source in (bank, practice):
        for name in source:
            exercise = source[name]
            assert 2 <= len(key(exercise).hints) <= 3, exercise.id
            text = " ".join(key(exercise).hints)
            if isinstance(exercise, SetAnswer):
                assert not [item for item in key(exercise).answer if item in text], exercise.id
            if isinstance(exercise, MultipleChoice):
                assert key(exercise).answer not in text, exercise.id


# --- lesson questions ----------------------------------------------------------------------------------------

def test_order(lesson, coalitions):
    _, bank = lesson
    ids = ["wales_2014", "brussels_2014", "paris_2014", "cjtf_oir", "russia_iraq_iran_syria_2015",
           "muslim_states_2015"]
    chosen = coalitions[coalitions["coalition_id"].isin(ids)]
    canonical = list(chosen.sort_values("date")["coalition_id"])
    exercise = bank.order
    accepted(exercise, canonical)
    by_line = list(chosen.sort_values("line")["coalition_id"])
    assert by_line != canonical
    assert_refused(exercise, [by_line, canonical[::-1], canonical[1:2] + canonical[:1] + canonical[2:]])


def test_paris_removed(lesson, members):
    _, bank = lesson
    wales = setof(members, "wales_2014")
    assert "Poland" in setof(members, "paris_2014", ("excluded",)) and "Poland" not in wales
    exercise = bank.paris_removed
    accepted(exercise, choice_containing(exercise, "Nothing"))
    assert_refused(exercise, wrong_choices(exercise))


def test_brussels_by_reference(lesson, members, coalitions):
    _, bank = lesson
    wales = setof(members, "wales_2014")
    paris_named = setof(members, "paris_2014", ("named",))
    excluded = setof(members, "brussels_2014", ("excluded",))
    canonical = len(wales | (paris_named - excluded))
    brussels = setof(members, "brussels_2014")
    assert canonical == len(brussels - setof(members, "brussels_2014", ("named",)))
    exercise = bank.brussels_by_reference
    accepted(exercise, canonical)
    stated = int(coalitions.set_index("coalition_id").loc["brussels_2014", "stated_members"])
    assert_refused(exercise, [len(brussels), stated, len(wales | paris_named), len(wales) + len(paris_named)])


def test_meeting_only(lesson, rows, members, coalitions):
    _, bank = lesson
    period = rows[rows["date"].dt.year <= 2015]
    meeting = set(period.loc[period["kind"] == "meeting", "country"])
    canonical = len(meeting - set(period.loc[period["kind"] != "meeting", "country"]))
    exercise = bank.meeting_only
    accepted(exercise, canonical)
    everyone = members[members["coalition_id"].isin(period_ids(coalitions))]["country"].nunique()
    assert_refused(exercise, [period["country"].nunique(), len(meeting), everyone,
                              period.loc[period["kind"] == "coalition", "country"].nunique()])


def test_any_list_errors(lesson, rows, members, coalitions):
    _, bank = lesson
    ids = period_ids(coalitions)
    exercise = bank.any_list_errors
    assert str(members[members["coalition_id"].isin(ids)]["country"].nunique()) in exercise.question
    period = rows[rows["coalition_id"].isin(ids)]
    options = {option: False for option in exercise.options}
    everyone = set(members.loc[members["coalition_id"].isin(ids), "country"])
    options["counts a country the article only excludes"] = bool(everyone - set(period["country"]))
    by_kind = period.groupby("country")["kind"].agg(lambda kinds: set(kinds.astype(str)))
    options["counts meeting-only countries as having joined"] = bool((by_kind == {"meeting"}).any())
    leaders = coalitions[coalitions["coalition_id"].isin(ids) & (coalitions["kind"] == "coalition")]["led_by"]
    options["adds up coalitions led by different powers"] = leaders.nunique() > 1
    canonical = [option for option, mistake in options.items() if mistake]
    assert len(canonical) == 3
    accepted(exercise, canonical)
    accepted(exercise, "\n".join(canonical))
    assert_refused(exercise, [list(options), canonical[:1], [o for o in options if o not in canonical],
                              canonical + ["counts a country once per list it is in"]])


def test_china_russia(lesson):
    _, bank = lesson
    exercise = bank.china_russia
    accepted(exercise, choice_containing(exercise, "does not say so"))
    assert_refused(exercise, wrong_choices(exercise))


def test_focus_regions(lesson, members):
    coalition, bank = lesson
    chosen = members[(members["coalition_id"] == coalition) & (members["basis"] != "excluded")]
    placed = chosen.merge(regions(chosen["iso3"]), on="iso3")
    canonical = placed.groupby("region").size()
    exercise = bank.focus_regions
    accepted(exercise, canonical)
    accepted(exercise, placed["region"].value_counts())
    every = members[members["coalition_id"] == coalition]
    wrong = [placed.groupby("continent").size(), canonical + 1, canonical.iloc[1:]]
    if len(every) != len(chosen):
        wrong.append(every.merge(regions(every["iso3"]), on="iso3").groupby("region").size())
    assert_refused(exercise, wrong)


def test_muslim_involvement(lesson, members, inv):
    _, bank = lesson
    muslim = setof(members, "muslim_states_2015")
    canonical = muslim & set(inv["country"])
    exercise = bank.muslim_involvement
    accepted(exercise, canonical)
    accepted(exercise, ", ".join(sorted(canonical)))
    involved = set(inv.loc[inv["involved"].fillna(False), "country"])
    nigeria = set(inv.loc[(inv["theater"] == "Nigeria") & inv["involved"].fillna(False), "country"])
    assert_refused(exercise, [muslim, sorted(canonical)[1:], muslim & nigeria, involved])


# --- summative check -----------------------------------------------------------------------------------------

def test_countries_per_kind(lesson, rows, members, coalitions):
    _, bank = lesson
    exercise = bank.countries_per_kind
    canonical = rows.groupby("kind", observed=True)["country"].nunique()
    accepted(exercise, canonical)
    by_hand = {kind: len(set(part["country"])) for kind, part in rows.groupby("kind", observed=True)}
    accepted(exercise, pd.Series(by_hand))
    every = members.merge(coalitions[["coalition_id", "kind"]], on="coalition_id")
    assert_refused(exercise, [rows.groupby("kind", observed=True).size(), coalitions["kind"].value_counts(),
                              every.groupby("kind", observed=True)["country"].nunique(), canonical.iloc[:2]])


def test_riis_paris(lesson, members):
    _, bank = lesson
    riis, paris = setof(members, "russia_iraq_iran_syria_2015"), setof(members, "paris_2014")
    exercise = bank.riis_paris
    accepted(exercise, riis & paris)
    assert_refused(exercise, [riis | paris, riis - paris, sorted(riis & paris)[:1]])


def test_two_coalitions(lesson, rows):
    _, bank = lesson
    per = rows[rows["kind"] == "coalition"].groupby("country").size()
    exercise = bank.two_coalitions
    accepted(exercise, int((per >= 2).sum()))
    assert_refused(exercise, [int((rows.groupby("country").size() >= 2).sum()), len(per), int((per >= 3).sum())])


def test_muslim_at_meetings(lesson, rows, members):
    _, bank = lesson
    muslim = setof(members, "muslim_states_2015")
    meetings = set(rows.loc[rows["kind"] == "meeting", "country"])
    exercise = bank.muslim_at_meetings
    accepted(exercise, len(muslim & meetings))
    paris, brussels = setof(members, "paris_2014"), setof(members, "brussels_2014")
    assert_refused(exercise, [len(muslim), len(muslim & paris) + len(muslim & brussels), len(muslim - meetings),
                              len(muslim & paris)])


def test_operations_order(lesson, coalitions):
    _, bank = lesson
    ops = coalitions[coalitions["kind"] == "operation"]
    canonical = list(ops.sort_values("date")["coalition_id"])
    exercise = bank.operations_order
    accepted(exercise, canonical)
    assert_refused(exercise, [list(ops.sort_values("line")["coalition_id"]), canonical[::-1], canonical[:-1]])


def test_meeting_list(lesson):
    _, bank = lesson
    exercise = bank.meeting_list
    accepted(exercise, choice_containing(exercise, "represented at that gathering"))
    assert_refused(exercise, wrong_choices(exercise))


# --- practice set --------------------------------------------------------------------------------------------

def test_wales_not_paris(practice, members):
    wales, paris = setof(members, "wales_2014"), setof(members, "paris_2014")
    exercise = practice.wales_not_paris
    accepted(exercise, wales - paris)
    assert_refused(exercise, [paris - wales, wales & paris, setof(members, "paris_2014", ("excluded",))])


def test_union(practice, members):
    three = [setof(members, c) for c in ("wales_2014", "paris_2014", "brussels_2014")]
    exercise = practice.union
    accepted(exercise, len(three[0] | three[1] | three[2]))
    assert_refused(exercise, [sum(len(s) for s in three), len(three[2]), len(three[0] & three[1] & three[2]),
                              members[members["coalition_id"].isin(["wales_2014", "paris_2014", "brussels_2014"])]
                              ["country"].nunique()])


def test_bpc(practice, members, coalitions):
    exercise = practice.bpc
    accepted(exercise, len(setof(members, "bpc_2015")))
    stated = int(coalitions.set_index("coalition_id").loc["bpc_2015", "stated_members"])
    assert_refused(exercise, [stated, len(setof(members, "wales_2014")), 130])


def test_by_size(practice, members, coalitions):
    chosen = members[members["coalition_id"].isin(period_ids(coalitions)) & (members["basis"] != "excluded")]
    sizes = chosen.groupby("coalition_id").size().sort_values(ascending=False)
    canonical = list(sizes.index)
    exercise = practice.by_size
    accepted(exercise, canonical)
    with_excluded = members[members["coalition_id"].isin(canonical)].groupby("coalition_id").size()
    assert_refused(exercise, [canonical[::-1], sorted(canonical), canonical[:-1],
                              list(with_excluded.sort_values().index)])


def test_sizes(practice, members):
    canonical = members[members["basis"] != "excluded"].groupby("coalition_id").size()
    exercise = practice.sizes
    accepted(exercise, canonical)
    assert_refused(exercise, [members.groupby("coalition_id").size(), canonical.iloc[1:],
                              members.groupby("country").size(), canonical.to_frame("n")])


def test_table(practice, members):
    three = ["wales_2014", "paris_2014", "brussels_2014"]
    chosen = members[members["coalition_id"].isin(three) & (members["basis"] != "excluded")]
    canonical = pd.crosstab(chosen["country"], chosen["coalition_id"]) > 0
    exercise = practice.table
    accepted(exercise, canonical)
    every = members[members["coalition_id"].isin(three)]
    assert_refused(exercise, [pd.crosstab(every["country"], every["coalition_id"]) > 0,
                              canonical.T,
                              canonical.iloc[:-1], ~canonical])


def test_except_what(practice, members):
    left_out = setof(members, "brussels_2014", ("excluded",))
    assert left_out <= setof(members, "paris_2014", ("named",))
    exercise = practice.except_what
    accepted(exercise, choice_containing(exercise, "Paris added"))
    assert_refused(exercise, wrong_choices(exercise))


def test_nigeria(practice, members, inv):
    muslim = setof(members, "muslim_states_2015")
    nigeria = set(inv.loc[(inv["theater"] == "Nigeria") & inv["involved"].fillna(False), "country"])
    exercise = practice.nigeria
    accepted(exercise, muslim & nigeria)
    assert_refused(exercise, [nigeria, muslim & set(inv.loc[inv["theater"] == "Nigeria", "country"]),
                              sorted(muslim & nigeria)[1:]])


def test_africa(practice, members):
    chosen = members[(members["coalition_id"] == "muslim_states_2015") & (members["basis"] != "excluded")]
    placed = chosen.merge(regions(chosen["iso3"]), on="iso3")
    exercise = practice.africa
    africa = int((placed["continent"] == "Africa").sum())
    accepted(exercise, africa)
    assert_refused(exercise, [len(placed), len(placed) - africa, int((placed["continent"] == "Asia").sum())])


def test_outside(practice, members, inv, coalitions):
    chosen = members[members["coalition_id"].isin(period_ids(coalitions)) & (members["basis"] != "excluded")]
    war = set(inv.loc[inv["theater"].isin(["Iraq", "Syria"]) & inv["involved"].fillna(False), "country"])
    canonical = war - set(chosen["country"])
    exercise = practice.outside
    accepted(exercise, canonical)
    every = set(members.loc[members["coalition_id"].isin(period_ids(coalitions)), "country"])
    assert_refused(exercise, [war - every, war, sorted(canonical)[1:]])
