"""Lesson 01's, its summative check's and practice set 01's questions: canonical answers in plain pandas.

The numbers of the article are found with ``warcourse.numbers.find_quantities`` (tested on its own);
how each is stated, its section and everything counted from them is worked out here, not by textstats.
"""

from __future__ import annotations

import re

import pandas as pd

from banks.harness import case
from warcourse import article
from warcourse.numbers import VAGUE_WORDS, find_quantities

BIG = ["Iraq", "Syria", "Libya", "Casualties"]


def _form(q) -> str:
    if q.text.strip().lower() in VAGUE_WORDS:
        return "vague word"
    if q.low is None:
        return "upper bound"
    if q.high is None:
        return "lower bound"
    return "range" if q.low != q.high else "approximate" if q.vague else "exact"


def _numbers(t) -> pd.DataFrame:
    rows = [{"line": int(p.line), "section": p.section, "subsection": p.subsection, "number": q.text,
             "low": q.low, "high": q.high, "form": _form(q),
             "written": "digits" if re.search(r"\d", q.text) else "words",
             "before": str(p.text)[:q.start]}
            for p in t.passages.itertuples() for q in find_quantities(str(p.text))]
    return pd.DataFrame(rows).sort_values("line", kind="mergesort")


def _in(frame: pd.DataFrame, section: str) -> pd.DataFrame:
    return frame if section == "all" else frame[frame["section"] == section]


def _issue_lines(t, issue: str) -> list[int]:
    issues = t.inconsistencies.set_index("issue_id")
    return [int(n) for n in str(issues.loc[issue, "lines"]).split(";")]


def _quoted(t, issue: str) -> list[str]:
    return re.findall(r'"([^"]+)"', t.inconsistencies.set_index("issue_id").loc[issue, "description"])


# --- the lesson ------------------------------------------------------------------------------------

def _text_sections(t) -> set:
    return set(t.passages.loc[t.passages["kind"] != "heading", "section"])


def _no_text(t) -> list:
    return sorted(set(t.passages["section"]) - _text_sections(t))


def _one_passage(t) -> list:
    counts = t.passages.loc[t.passages["kind"] != "heading", "section"].value_counts()
    return sorted(counts.index[counts == 1])


@case("article_as_data.no_text",
      mistakes=lambda t: [(_no_text(t)[:-1], "missing"), (_no_text(t) + _one_passage(t)[:1], "belong"),
                          (_one_passage(t)[:3], "does not belong")])
def _(t):
    return _no_text(t)


@case("article_as_data.blank_convention",
      mistakes=lambda t: [("The text is wrong: a table is more reliable than prose, so keep the table's reading.",
                           "authority"),
                          ("the reading is backwards", "dashes sit"),
                          ("They agree", "strikes as well as sorties")])
def _(t):
    return "It is a convention, and at least one cell breaks it: check cells against the text."


def _share(t, section):
    part = _in(_numbers(t), section)
    return 100 * (part["written"] == "words").sum() / len(part)


@case("article_as_data.words_share",
      mistakes=lambda t, section: [(100 - _share(t, section), "digits"),
                                   (int((_in(_numbers(t), section)["written"] == "words").sum()), "how many"),
                                   (_share(t, section) / 100, "100 times")],
      forms=lambda t, section: [f"{_share(t, section):.1f}%", f"{_share(t, section):.2f} percent"])
def _(t, section):
    return _share(t, section)


def _ranges(t) -> pd.DataFrame:
    numbers = _numbers(t)
    return numbers[numbers["form"] == "range"]


def _not_ranges(t) -> list:
    ranges = _ranges(t)
    sentence = ranges["before"].str.split(". ", regex=False).str[-1]
    odd = sentence.str.contains(r"\bvot", regex=True) | sentence.str.contains(r"\b(?:increas|reduc)\w*\b.*\bfrom\s*$")
    return list(ranges.loc[odd, "number"])


@case("article_as_data.not_range",
      mistakes=lambda t: [(list(_ranges(t).loc[_ranges(t)["low"] > _ranges(t)["high"], "number"]), "missing"),
                          (_not_ranges(t) + [n for n in _ranges(t)["number"] if n not in _not_ranges(t)][:1],
                           "too many"),
                          (list(_ranges(t)["number"]), "too many")])
def _(t):
    return _not_ranges(t)


@case("article_as_data.range_test",
      mistakes=lambda t: [("Nothing", "does not find all"),
                          ("It should test low == high instead, since a non-range has two equal ends.", "finds none"),
                          ("It overlooks the ranges written in words, such as 'between 70 and 80', which it "
                           "cannot read.", "how the range is worded")])
def _(t):
    return "It finds a vote whose first count is larger, but misses a change whose numbers rise."


def _density(t, by_numbers: bool = False) -> list:
    numbers = _numbers(t)
    text = t.passages[t.passages["kind"] != "heading"]
    per = {s: (numbers["section"] == s).sum() / (1 if by_numbers else (text["section"] == s).sum()) for s in BIG}
    return sorted(BIG, key=per.get, reverse=True)


@case("article_as_data.density",
      mistakes=lambda t: [(_density(t, by_numbers=True), "right place"), (list(reversed(_density(t))), "right place"),
                          (_density(t)[:3], "missing")],
      # the sorted Series itself (numbers per passage, indexed by section)
      forms=lambda t: [pd.Series(range(len(BIG), 0, -1), index=_density(t), dtype=float)])
def _(t):
    return _density(t)


def _stated_and_listed(t, coalition: str, named_only: bool) -> tuple[int, int]:
    co, members = t.coalitions, t.coalition_members
    stated = int(co.loc[co["coalition_id"] == coalition, "stated_members"].item())
    rows = members[members["coalition_id"] == coalition]
    rows = rows[rows["basis"] == "named"] if named_only else rows[rows["basis"] != "excluded"]
    return stated, rows["country"].nunique()


@case("article_as_data.bpc_gap",
      mistakes=lambda t: [(_stated_and_listed(t, "bpc_2015", True)[1], "length of the named list"),
                          (_stated_and_listed(t, "bpc_2015", True)[0], "stated number"),
                          (-(_stated_and_listed(t, "bpc_2015", True)[1] - _stated_and_listed(t, "bpc_2015", True)[0]),
                           "sign")])
def _(t):
    stated, named = _stated_and_listed(t, "bpc_2015", True)
    return named - stated


@case("article_as_data.unit",
      mistakes=lambda t: [("airstrikes, as the article says", "too large for strikes"),
                          ("munitions", "no munitions count"), ("bombs", "not one of the choices"),
                          ("airstrikes", "too large for strikes"), ("strikes", "too large for strikes")],
      forms=lambda t: ["sorties", "Sorties.", "flights", "sortie"])
def _(t):
    return "sorties: flights by one aircraft each"


def _told(t) -> pd.DataFrame:
    events = t.events
    repeated = events[events["event_id"].str.contains(r"_[a-z]$")].assign(event=lambda f: f["event_id"].str[:-2])
    section = t.passages.set_index("line")["section"]
    duplicates = [set(lines.replace(" ", "").split(";"))
                  for lines in t.inconsistencies.loc[t.inconsistencies["kind"] == "duplicate", "lines"]]
    rows = []
    for event, group in repeated.groupby("event"):
        if len(group) >= 2:
            lines = sorted(set(int(n) for n in group["line"]))
            rows.append({"event": event, "tellings": len(group), "lines": "; ".join(map(str, lines)),
                         "sections": "; ".join(dict.fromkeys(str(section[n]) for n in lines)),
                         "recorded": any({str(n) for n in lines} <= named for named in duplicates)})
    return pd.DataFrame(rows)


@case("article_as_data.unrecorded",
      mistakes=lambda t: [(_told(t), "too many"), (_told(t)[_told(t)["recorded"]], "too many"),
                          (_told(t)[~_told(t)["recorded"]].drop(columns="tellings"), "missing")],
      forms=lambda t: [_told(t)[~_told(t)["recorded"]].reset_index(drop=True)])
def _(t):
    told = _told(t)
    return told[~told["recorded"]]


# --- the summative check ---------------------------------------------------------------------------

def _iraq(t) -> pd.DataFrame:
    numbers = _numbers(t)
    return numbers[numbers["section"] == "Iraq"]


@case("article_as_data.open_high",
      mistakes=lambda t: [(int((_iraq(t)["form"] == "lower bound").sum()), "lower bounds only"),
                          (int((_iraq(t)["form"] == "vague word").sum()), "vague words only"),
                          (int((_numbers(t)["low"].notna() & _numbers(t)["high"].isna()).sum()), "whole article")])
def _(t):
    iraq = _iraq(t)
    return int((iraq["low"].notna() & iraq["high"].isna()).sum())


def _levels() -> list[int]:
    return [len(m.group(1)) for line in article.read_lines() if (m := re.match(r"\s*(#{1,6})\s", line))]


@case("article_as_data.deep_headings",
      mistakes=lambda t: [(sum(level == 3 for level in _levels()), "one level only"),
                          (len(_levels()), "every heading"), (sum(level > 3 for level in _levels()), "level 3 itself")])
def _(t):
    return sum(level >= 3 for level in _levels())


def _theaters_per_country(t) -> pd.Series:
    inv = t.involvement
    return inv[inv["involved"].fillna(False).astype(bool)].groupby("country").size()


@case("article_as_data.one_theater",
      mistakes=lambda t: [(len(_theaters_per_country(t)), "involved anywhere"),
                          (int(_theaters_per_country(t).sum()), "pairs"),
                          (t.involvement["country"].nunique(), "every country"),
                          (_theaters_per_country(t) == 1, "True/False values")])  # the condition, not its count
def _(t):
    return int((_theaters_per_country(t) == 1).sum())


def _sections_per_issue(t, lesson: str | None) -> pd.Series:
    issues = t.inconsistencies if lesson is None else t.inconsistencies[t.inconsistencies["lesson"] == lesson]
    long = issues.assign(line=issues["lines"].astype(str).str.split(";")).explode("line")
    long["section"] = long["line"].astype(int).map(t.passages.set_index("line")["section"])
    return long.groupby("issue_id")["section"].nunique()


@case("article_as_data.spread_issues",
      mistakes=lambda t: [(int(t.inconsistencies.loc[t.inconsistencies["lesson"] == "01", "lines"].astype(str)
                               .str.contains(";").sum()), "two or more lines"),
                          (int((t.inconsistencies["lesson"] == "01").sum()), "every inconsistency"),
                          (int((_sections_per_issue(t, None) >= 2).sum()), "every lesson")])
def _(t):
    return int((_sections_per_issue(t, "01") >= 2).sum())


@case("article_as_data.passages_with_words",
      mistakes=lambda t: [(int((_numbers(t)["written"] == "words").sum()), "share a passage"),
                          (_numbers(t)["line"].nunique(), "digits too"), (len(t.passages), "every passage")])
def _(t):
    numbers = _numbers(t)
    return numbers.loc[numbers["written"] == "words", "line"].nunique()


# --- the practice set ------------------------------------------------------------------------------

def _libya(t) -> pd.DataFrame:
    inv = t.involvement
    return inv[inv["theater"] == "Libya"]


@case("article_practice.libya",
      mistakes=lambda t: [(len(_libya(t)), "dashes too"), (int((~_libya(t)["involved"]).sum()), "not involved"),
                          (int(t.involvement["involved"].sum()), "every theater")])
def _(t):
    return int(_libya(t)["involved"].sum())


def _daesh(t) -> list:
    return sorted(set(t.passages.loc[t.passages["text"].str.contains("Daesh", regex=False), "section"]))


def _busy_sections(t) -> list:
    return [s for s in t.passages["section"].value_counts().index if s not in _daesh(t)][:3]


@case("article_practice.daesh",
      mistakes=lambda t: [(_daesh(t)[:1], "missing"), (_daesh(t) + _busy_sections(t)[:1], "belong"),
                          (_busy_sections(t), "does not belong")])
def _(t):
    return _daesh(t)


def _spelled(t, spellings: list[str]) -> pd.DataFrame:
    mask = t.passages["text"].map(lambda text: any(s in text for s in spellings))
    return t.passages.loc[mask, ["line", "section"]]


@case("article_practice.places",
      mistakes=lambda t: [(_spelled(t, _quoted(t, "place_spellings")[:1]), "too few"),
                          (_spelled(t, _quoted(t, "place_spellings"))[["line"]], "missing"),
                          (t.passages.loc[t.passages["kind"] == "heading", ["line", "section"]], "too many")],
      forms=lambda t: [_spelled(t, _quoted(t, "place_spellings")).reset_index(drop=True)])
def _(t):
    return _spelled(t, _quoted(t, "place_spellings"))


def _dates(t) -> list[str]:
    return sorted(_quoted(t, "date_formats"), key=lambda text: pd.Timestamp(text))


@case("article_practice.dates",
      mistakes=lambda t: [(sorted(_quoted(t, "date_formats")), "right place"),
                          (list(reversed(_dates(t))), "right place"), (_dates(t)[:2], "missing")])
def _(t):
    return _dates(t)


def _sinjar(t) -> tuple[int, int, int]:
    numbers = _numbers(t)
    there = numbers[numbers["line"].isin(_issue_lines(t, "sinjar_trapped_vs_escaped"))]
    got_out = there[there["form"] == "range"].iloc[0]
    return int(got_out["low"]), int(got_out["high"]), int(there.loc[there["form"] == "approximate", "low"].iloc[0])


@case("article_practice.sinjar",
      mistakes=lambda t: [(_sinjar(t)[1] - _sinjar(t)[2], "high end"), (_sinjar(t)[0], "subtract the number trapped"),
                          (_sinjar(t)[2], "number trapped alone")])
def _(t):
    low, _, trapped = _sinjar(t)
    return low - trapped


@case("article_practice.dozens",
      mistakes=lambda t: [("yes: the vague word means an exact number", "least amount"),
                          ("yes: the vague word means fewer than a hundred", "upper limit"),
                          ("they cannot be compared", "open end")])
def _(t):
    return "not strictly: the vague word has no upper limit"


def _libya_words(t) -> pd.DataFrame:
    numbers = _numbers(t)
    return numbers[(numbers["section"] == "Libya") & (numbers["written"] == "words")]


@case("article_practice.words",
      mistakes=lambda t: [(_numbers(t)[_numbers(t)["section"] == "Libya"].groupby("subsection").size(), "row labels"),
                          (_libya_words(t).groupby("subsection").size().iloc[:1], "missing"),
                          (_libya_words(t).groupby("subsection").size() + 1, "your value")],
      forms=lambda t: [_libya_words(t)["subsection"].value_counts(),
                       _libya_words(t).groupby("subsection").size().reset_index(name="count")])
def _(t):
    return _libya_words(t).groupby("subsection").size()
