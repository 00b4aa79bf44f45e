"""Lesson 01's questions (the article as data) and its practice set's.

Every expected answer is computed here from fresh tables and the article file;
the lesson's ``section`` parameter scopes the share-of-words question.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import article, data, textstats
from ..dates import at_precision
from ..exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer
from ..lesson import require
from .bank import QuestionBank, seed_lines


def _issue_lines(issues: pd.DataFrame, issue: str) -> list[int]:
    return [int(line) for line in str(issues.loc[issue, "lines"]).split(";")]


def _found() -> tuple[pd.DataFrame, pd.DataFrame]:
    passages = data.passages()
    return passages, textstats.quantities(passages)


# --- the lesson ------------------------------------------------------------------------------------

def _no_text(passages: pd.DataFrame) -> SetAnswer:
    with_text = set(passages.loc[passages["kind"] != "heading", "section"])
    empty = sorted(set(passages["section"]) - with_text)
    text_counts = passages.loc[passages["kind"] != "heading", "section"].value_counts()
    near = sorted(text_counts.index[text_counts == 1])[:3]
    return SetAnswer(
        "Which sections of the article have no text passage at all, only headings? Answer with their "
        "names (a list or a set).",
        answer=empty, distractors=near,
        lines=seed_lines(passages[passages["section"].isin(empty)]),
        explanation="Each of them has a heading in the passages table and nothing else: the snapshot kept "
                    "the heading but lost (or never had) the text under it.",
        hints=["A set of all section names minus the set of sections that have at least one passage that is "
               "not a heading.",
               'set(passages["section"]) - set(passages.loc[passages["kind"] != "heading", "section"])'],
        code='with_text = set(passages.loc[passages["kind"] != "heading", "section"])\n'
             'set(passages["section"]) - with_text')


def _blank_convention(issues: pd.DataFrame) -> MultipleChoice:
    lines = _issue_lines(issues, "australia_iraq_table_vs_text")
    right = ("Blank = involved and dash = not involved is the table's own convention, and at least one "
             "cell breaks it: check a cell against the text before relying on it.")
    return MultipleChoice(
        "The involvement table reads a blank cell as involved and a dash — as not involved. Read the "
        "inconsistency australia_iraq_table_vs_text (its description, and the lines it names). What does "
        "it tell you about that reading?",
        choices={
            right: "A convention is a reading, not a fact: it holds for most cells, and this one shows it "
                   "can fail. The involved column is the table's claim, which the text can contradict.",
            "The text is wrong: a table is more reliable than prose.":
                "Nothing makes the table the authority: it lost its icons, and the text reports the "
                "strikes in detail. Neither side can simply win.",
            "The reading is backwards: a dash means involved.":
                "Look at where the dashes sit: most cells of the theaters few countries fought in. The "
                "convention holds for most cells; the question is what one failure means.",
            "They agree: a country can fly sorties over a theater without striking anything there.":
                "Re-read the description: the text reports strikes as well as sorties.",
        },
        answer=right, lines=lines,
        hints=['issues.loc[issues["issue_id"] == "australia_iraq_table_vs_text", "description"] gives it.',
               "Open both lines it names: what does the table row hold, what does the text report?"],
        code='issues.loc[issues["issue_id"] == "australia_iraq_table_vs_text", ["lines", "description"]]')


def _words_share(passages: pd.DataFrame, found: pd.DataFrame, section: str) -> Numeric:
    part = textstats.in_section(found, passages, section)
    in_words = part["written"] == "words"
    share = 100 * in_words.mean()
    scope = "the whole article" if section == "all" else f"the {section} section"
    mistakes = [(100 - share, "That is the share written in digits."),
                (int(in_words.sum()), "That is how many numbers are in words, not their percentage.")]
    if section != "all":
        mistakes.append((100 * (found["written"] == "words").mean(),
                         "That is the share for the whole article; keep only this section's numbers."))
    mistakes = [(value, message) for value, message in mistakes if abs(value - share) > 0.5]
    select = "found" if section == "all" else f'found[found["section"] == "{section}"]'
    return Numeric(
        f"Predict, then compute: what percentage of the numbers found in {scope} are written in words "
        "(the written column of found)? One decimal is enough.",
        answer=round(share, 1), unit="percent", tolerance=0.5, decimals=1,
        lines=[int(part["line"].min()), int(part["line"].max())],
        explanation="A comparison gives True/False per row and .mean() the share of True; times 100 makes "
                    "it a percentage. A search for digits alone would miss all of these numbers.",
        mistakes=mistakes,
        hints=['Compare the written column with "words": True for each number written in words.',
               "The mean of a True/False column is the share of True; multiply by 100."],
        code=f'part = {select}\n100 * (part["written"] == "words").mean()')


def _not_range(found: pd.DataFrame) -> SetAnswer:
    ranges = found[found["form"] == "range"]
    odd = ranges[ranges["reading"] != "range of values"]
    return SetAnswer(
        'A program reads every "X to Y" as a range of possible values. Which of the "ranges" found in the '
        "article are something else? Give their number texts (the number column).",
        answer=list(odd["number"]), options=list(ranges.sort_values("line")["number"]),
        lines=seed_lines(odd),
        explanation="A range says the true value lies somewhere between two ends. A vote gives two counts "
                    "(for and against), and a change over time gives a before and an after: both ends "
                    "are exact, and neither is a range.",
        hints=["Read each range in its context column, and open the line when the context is cut short.",
               "Ask of each: could the true value be anywhere between the two ends? Look for a vote, and for "
               "words of change (increased, reduced) before a 'from'."],
        code='ranges = found[found["form"] == "range"]\n'
             'ranges[["line", "number", "context"]]   # then read each context (and line) yourself')


def _range_test(found: pd.DataFrame) -> MultipleChoice:
    ranges = found[found["form"] == "range"]
    odd = ranges[ranges["reading"] != "range of values"]
    right = ("It catches a pair whose ends run downwards but misses one whose numbers rise: only the words "
             "around an 'X to Y' tell what it is.")
    return MultipleChoice(
        'Find the error. A classmate finds the "ranges" that are not ranges with '
        'ranges[ranges["low"] > ranges["high"]]. What is wrong with that test?',
        choices={
            right: "Run it and compare with the previous question: it finds fewer than there are. The order "
                   "of the two numbers is a clue at best; the words before them decide.",
            "Nothing: a low end above the high end is exactly what marks a non-range.":
                "Run the test and compare with your answer to the previous question: it does not find all.",
            "It should test low == high instead.":
                "Equal ends make an exact number; no row of form 'range' has them, so that test finds none.",
            "It overlooks the ranges written in words, such as 'between ... and ...'.":
                "Those are read into low and high like the others; how the range is worded is not the problem.",
        },
        answer=right, lines=seed_lines(odd),
        hints=["Run the classmate's line on the ranges table and count what it finds.",
               "Compare its rows with your answer to the previous question: which kind of non-range has its "
               "smaller number first?"],
        code='ranges = found[found["form"] == "range"]\nranges[ranges["low"] > ranges["high"]]   # finds only one')


def _density(passages: pd.DataFrame, found: pd.DataFrame) -> Ordering:
    parts = textstats.per_part(passages, found).loc[list(textstats.SECTIONS[1:])]
    ranked = (parts["numbers"] / parts["passages"]).sort_values(ascending=False)
    return Ordering(
        "Predict, then compute: put the four big sections in order of numbers per text passage "
        "(numbers / passages in the parts table), most first.",
        answer=list(ranked.index), lines=[int(line) for line in parts.loc[ranked.index, "first_line"]],
        explanation="Dividing the numbers column by the passages column gives numbers per passage; a "
                    "section with many numbers can still be wordy, and a short one can be dense with counts.",
        hints=["Divide one column of parts by the other: the result is a Series indexed by section.",
               '(parts["numbers"] / parts["passages"]).loc[[...the four sections...]].sort_values(ascending=False)'],
        code='per_passage = parts["numbers"] / parts["passages"]\n'
             'per_passage.loc[["Iraq", "Syria", "Libya", "Casualties"]].sort_values(ascending=False)')


def _bpc_gap(coalitions: pd.DataFrame, members: pd.DataFrame) -> Numeric:
    bpc = coalitions[coalitions["coalition_id"] == "bpc_2015"]
    named = members[(members["coalition_id"] == "bpc_2015") & (members["basis"] == "named")]
    stated = int(bpc["stated_members"].item())
    count = named["country"].nunique()
    return Numeric(
        'The Building Partner Capacity program (coalition_id "bpc_2015"): the article states a number of '
        "countries and names a list. How many countries does the named list have beyond the stated number "
        "(named minus stated)?",
        answer=count - stated, unit="countries", lines=seed_lines(pd.concat([bpc, named])),
        explanation="The passage states one total and names a longer list. The course keeps both as written "
                    "and records the disagreement; it does not correct either.",
        mistakes=[(count, "That is the length of the named list; subtract the stated number."),
                  (stated, "That is the stated number (the stated_members column); compare it with the list.")],
        hints=["The stated number is in the stated_members column of coalitions; the names are rows of "
               "coalition_members with basis 'named'.",
               'members[(members["coalition_id"] == "bpc_2015") & (members["basis"] == "named")]["country"]'
               ".nunique(), minus the stated number."],
        code='stated = coalitions.loc[coalitions["coalition_id"] == "bpc_2015", "stated_members"].item()\n'
             'named = members[(members["coalition_id"] == "bpc_2015") & (members["basis"] == "named")]\n'
             'named["country"].nunique() - stated')


def _unit(issues: pd.DataFrame, strikes: pd.DataFrame) -> MultipleChoice:
    lines = _issue_lines(issues, "coalition_16000_airstrikes")
    around = strikes[strikes["line"].isin(lines)].sort_values("period_end")
    claimed = around[(around["actor"] == "Coalition") & (around["metric"] == "airstrikes")].iloc[0]
    earlier = around[(around["actor"] == "United States") & (around["metric"] == "airstrikes")
                     & (around["period_end"] < claimed["period_end"])].iloc[-1]
    later = around[(around["actor"] == "Coalition") & (around["period_end"] > claimed["period_end"])].iloc[-1]
    when = at_precision(claimed["period_end"], claimed["date_precision"])
    right = "sorties: flights by one aircraft each"
    return MultipleChoice(
        f'The article reports "{claimed["quote"]}" by {when} (line {claimed["line"]}). Compare it with '
        "the other counts on the lines the inconsistency coalition_16000_airstrikes names: which count does "
        "that number fit better?",
        choices={
            "airstrikes, as the article says": f"Set it beside the US airstrikes by "
                f"{at_precision(earlier['period_end'], earlier['date_precision'])} ({earlier['value']:,}) and "
                f"the coalition's strikes up to {at_precision(later['period_end'], later['date_precision'])} "
                f"({later['value']:,}): the early figure is far too large for strikes.",
            right: "Only a count of flights grows that fast: the US alone had flown thousands of sorties for a "
                   "few hundred strikes in the first weeks. The course keeps the number as written and flags "
                   "it as implausible rather than changing it.",
            "munitions: bombs and missiles dropped": "The article gives no munitions count for this period, "
                "and it calls these airstrikes, not bombs.",
        },
        answer=right, lines=lines,
        hints=["Put the number next to the US airstrikes and sorties of the months before, and the coalition's "
               "total for the whole war.",
               "How many strikes a month would the number need, compared with the rest of the war?"],
        code='around = strikes[strikes["line"].isin(lines)].sort_values("period_end")\n'
             'around[["actor", "metric", "value", "period_end", "line"]]')


def _unrecorded(events: pd.DataFrame, passages: pd.DataFrame, issues: pd.DataFrame) -> PandasAnswer:
    told = textstats.told_twice(events, passages)
    told["recorded"] = textstats.recorded(told, issues.reset_index())
    missing = told[~told["recorded"]]
    return PandasAnswer(
        "Which events told more than once have no duplicate entry in the inconsistencies table? Answer "
        "with those rows of told (a DataFrame).",
        answer=missing, lines=sorted({int(n) for lines in missing["lines"] for n in lines.split("; ")}),
        explanation="~ turns True into False and back, so told[~told['recorded']] keeps the rows not recorded. "
                    "Some repeats are the Introduction summarising a later section; others are told twice in "
                    "one section. Either way, a naive count would count them twice.",
        hints=["The recorded column is True/False; you want the rows where it is False.",
               'told[~told["recorded"]]'],
        code='told[~told["recorded"]]')


# --- the summative check ---------------------------------------------------------------------------

def _vague_words(found: pd.DataFrame) -> Numeric:
    vague = found[found["form"] == "vague word"]
    return Numeric(
        "After from warcourse import textstats and found = textstats.quantities(data.passages()): how many "
        "numbers have the form 'vague word' "
        "(such as dozens or hundreds)?",
        answer=len(vague), unit="numbers", lines=seed_lines(vague),
        explanation="Each of them has a low (the least it can honestly mean) and no high.",
        mistakes=[(int(found["vague"].sum()), "That counts every vague reading (about, nearly, ...), not only "
                                              "the vague words: use the form column.")],
        hints=['Compare the form column with "vague word" and count the True values.'],
        code='(found["form"] == "vague word").sum()')


def _deep_headings(raw: pd.DataFrame) -> Numeric:
    deep = raw[raw["level"] >= 3]
    return Numeric(
        "After from warcourse import article, textstats and raw = textstats.line_kinds(article.read_lines()): "
        "the level column gives each heading's depth "
        "(2 for ##, 3 for ###, ...; 0 for lines that are not headings). How many headings of level 3 or "
        "deeper does the file have?",
        answer=len(deep), unit="headings", lines=[int(deep["line"].min()), int(deep["line"].max())],
        explanation="Subsections and deeper headings: the article's structure below its sections, which the "
                    "passages table keeps in its subsection column.",
        mistakes=[(int((raw["level"] == 3).sum()), "That counts one level only; the question asks for level 3 "
                                                   "and deeper."),
                  (int((raw["level"] > 0).sum()), "That counts every heading, level 2 too.")],
        hints=['A condition on the level column: raw["level"] >= 3, then count the True values.'],
        code='(raw["level"] >= 3).sum()')


def _involved_per_theater(involvement: pd.DataFrame) -> PandasAnswer:
    per = involvement.groupby("theater")["involved"].sum().astype("int64")
    return PandasAnswer(
        "Using the involvement table: how many countries does it mark as involved (involved is True) in each "
        "theater? Answer with a Series indexed by theater.",
        answer=per, lines=seed_lines(involvement),
        explanation="groupby('theater')['involved'].sum() adds up the True values per theater: the table's "
                    "convention (blank = involved), not a verified fact for every cell.",
        hints=['involvement.groupby("theater")["involved"].sum()'],
        code='involvement.groupby("theater")["involved"].sum()')


def _told_often(events: pd.DataFrame, passages: pd.DataFrame) -> SetAnswer:
    told = textstats.told_twice(events, passages)
    often = told[told["tellings"] >= 3]
    return SetAnswer(
        "After from warcourse import textstats and told = textstats.told_twice(data.events(), data.passages()): "
        "which events does the article tell "
        "three times or more? Give the values of the event column.",
        answer=list(often["event"]), distractors=list(told[told["tellings"] == 2]["event"].head(3)),
        lines=sorted({int(n) for lines in often["lines"] for n in lines.split("; ")}),
        explanation="The tellings column counts how often each event is told.",
        hints=['told[told["tellings"] >= 3]["event"]'],
        code='told.loc[told["tellings"] >= 3, "event"]')


def _brussels_gap(coalitions: pd.DataFrame, members: pd.DataFrame) -> Numeric:
    brussels = coalitions[coalitions["coalition_id"] == "brussels_2014"]
    listed = members[(members["coalition_id"] == "brussels_2014") & (members["basis"] != "excluded")]
    stated = int(brussels["stated_members"].item())
    count = listed["country"].nunique()
    return Numeric(
        'Using coalitions and coalition_members: for the Brussels meeting (coalition_id "brussels_2014"), '
        "what is the stated number of countries (stated_members) minus the number of distinct countries "
        "listed (basis not 'excluded')?",
        answer=stated - count, unit="countries", lines=seed_lines(pd.concat([brussels, listed])),
        explanation="The stated total and the resolved list disagree; the course keeps both and records it.",
        mistakes=[(count, "That is the length of the list; subtract it from the stated number."),
                  (stated, "That is the stated number alone.")],
        hints=["stated_members of the Brussels row, minus .nunique() of its members' countries."],
        code='stated = coalitions.loc[coalitions["coalition_id"] == "brussels_2014", "stated_members"].item()\n'
             'listed = members[(members["coalition_id"] == "brussels_2014") & (members["basis"] != "excluded")]\n'
             'stated - listed["country"].nunique()')


def article_as_data(section: str = "all") -> QuestionBank:
    """Lesson 01's questions; ``section`` scopes the share of numbers written in words."""
    require("section", section, textstats.SECTIONS)
    passages, found = _found()
    issues = data.inconsistencies().set_index("issue_id")
    events, coalitions, members = data.events(), data.coalitions(), data.coalition_members()
    bank = QuestionBank("article_as_data", section=section)
    bank.add("no_text", _no_text(passages))
    bank.add("blank_convention", _blank_convention(issues))
    bank.add("words_share", _words_share(passages, found, section))
    bank.add("not_range", _not_range(found))
    bank.add("range_test", _range_test(found))
    bank.add("density", _density(passages, found))
    bank.add("bpc_gap", _bpc_gap(coalitions, members))
    bank.add("unit", _unit(issues, data.strike_counts()))
    bank.add("unrecorded", _unrecorded(events, passages, issues))
    raw = textstats.line_kinds(article.read_lines())
    bank.add("vague_words", _vague_words(found), summative=True)
    bank.add("deep_headings", _deep_headings(raw), summative=True)
    bank.add("involved_per_theater", _involved_per_theater(data.involvement()), summative=True)
    bank.add("told_often", _told_often(events, passages), summative=True)
    bank.add("brussels_gap", _brussels_gap(coalitions, members), summative=True)
    return bank


# --- the practice set ------------------------------------------------------------------------------

def _quoted(issues: pd.DataFrame, issue: str) -> list[str]:
    return re.findall(r'"([^"]+)"', str(issues.loc[issue, "description"]))


def _libya(involvement: pd.DataFrame) -> Numeric:
    libya = involvement[involvement["theater"] == "Libya"]
    rows = libya[libya["involved"]]
    return Numeric(
        "How many countries does the involvement table mark as involved in Libya (by its convention: a "
        "blank cell is involved)?",
        answer=rows["country"].nunique(), unit="countries", lines=seed_lines(rows),
        explanation="Each has an empty cell in the Libya column of its row, which the table's convention "
                    "reads as involved.",
        mistakes=[(libya["country"].nunique(), "That counts every country in the Libya column, dashes too."),
                  (int((~libya["involved"]).sum()), "That counts the countries marked not involved (a dash)."),
                  (int(involvement["involved"].sum()), "That counts involved cells in every theater.")],
        hints=['Two conditions: theater equals "Libya", and involved is True.',
               'involvement[(involvement["theater"] == "Libya") & involvement["involved"]]["country"].nunique()'],
        code='involvement[(involvement["theater"] == "Libya") & involvement["involved"]]["country"].nunique()')


def _daesh(passages: pd.DataFrame, issues: pd.DataFrame) -> SetAnswer:
    daesh = passages[passages["text"].str.contains("Daesh", regex=False)]
    sections = sorted(daesh["section"].unique())
    others = [s for s in passages["section"].value_counts().index if s not in sections][:3]
    return SetAnswer(
        "Which sections of the article use the name Daesh?",
        answer=sections, distractors=others, lines=seed_lines(daesh),
        explanation="A search for one name finds only the passages that use it; the issue group_names lists "
                    "the others, which a search for 'Daesh' misses.",
        hints=['passages["text"].str.contains("Daesh") is True for the passages that use the name.',
               "Take the section column of those passages and its .unique() values."],
        code='passages[passages["text"].str.contains("Daesh")]["section"].unique()')


def _places(passages: pd.DataFrame, issues: pd.DataFrame) -> PandasAnswer:
    spellings = _quoted(issues, "place_spellings")
    pattern = "|".join(map(re.escape, spellings))
    spelled = passages.loc[passages["text"].str.contains(pattern), ["line", "section"]]
    return PandasAnswer(
        "The issue place_spellings quotes four spellings between double quotes in its description. Which "
        "passages contain one of them? Answer with a DataFrame with the columns line and section.",
        answer=spelled, lines=seed_lines(spelled),
        explanation="The same places are spelled differently in different sections: matching by one "
                    "spelling would split each place in two.",
        hints=["re.findall(r'\"([^\"]+)\"', description) lists what is between double quotes.",
               '"|".join(spellings) makes a pattern matching any of them; use it with str.contains and '
               '.loc[rows, ["line", "section"]].'],
        code='spellings = re.findall(r\'"([^"]+)"\', issues.loc["place_spellings", "description"])\n'
             'passages.loc[passages["text"].str.contains("|".join(spellings)), ["line", "section"]]')


def _dates(issues: pd.DataFrame) -> Ordering:
    texts = _quoted(issues, "date_formats")
    return Ordering(
        "The issue date_formats quotes three dates, each in another format. Put them in time order, "
        "earliest first (give the date texts as quoted, in a list).",
        answer=sorted(texts, key=pd.to_datetime), lines=_issue_lines(issues, "date_formats"),
        explanation="pd.to_datetime reads each format; sorting by the date each text stands for, not by the "
                    "text, gives the time order.",
        hints=["Sorting the texts as text puts them in alphabetical order, not time order.",
               "sorted(texts, key=pd.to_datetime) sorts texts by the date they stand for."],
        code='texts = re.findall(r\'"([^"]+)"\', issues.loc["date_formats", "description"])\n'
             "sorted(texts, key=pd.to_datetime)")


def _sinjar(found: pd.DataFrame, issues: pd.DataFrame) -> Numeric:
    lines = _issue_lines(issues, "sinjar_trapped_vs_escaped")
    there = found[found["line"].isin(lines)]
    got_out = there[there["form"] == "range"].iloc[0]
    trapped = there[there["form"] == "approximate"].iloc[0]
    answer = int(got_out["low"] - trapped["low"])
    return Numeric(
        "The issue sinjar_trapped_vs_escaped names two lines: one gives a range for the people who escaped or "
        "were evacuated from the Sinjar Mountains, the other an approximate number trapped there. Using found, "
        "how many more people does the lowest figure for those who got out give than the number trapped?",
        answer=answer, unit="people", lines=lines,
        explanation="Even the low end of the range is above the number said to be trapped. The counts may "
                    "come from different days or sources, but the article never says so.",
        mistakes=[(int(got_out["high"] - trapped["low"]), "That uses the high end of the range; the question "
                                                          "asks for the lowest figure."),
                  (int(got_out["low"]), "That is the low end of the range alone; subtract the number trapped."),
                  (int(trapped["low"]), "That is the number trapped alone.")],
        hints=['Select the found rows on the two lines; the form column tells the range from the approximate '
               "number.",
               "Subtract the approximate number from the low column of the range."],
        code='there = found[found["line"].isin(lines)]\n'
             'low = there.loc[there["form"] == "range", "low"].item()\n'
             'low - there.loc[there["form"] == "approximate", "low"].item()')


def _dozens(found: pd.DataFrame, issues: pd.DataFrame) -> MultipleChoice:
    line = _issue_lines(issues, "hezbollah_dozens_vs_250")[0]
    on_line = found[found["line"] == line]
    vague = on_line[on_line["form"] == "vague word"].iloc[0]
    exact = on_line[on_line["form"] == "exact"].iloc[0]
    right = "not strictly: the vague word has no upper limit"
    return MultipleChoice(
        f'The issue hezbollah_dozens_vs_250 (line {line}): one report says "{vague["number"]}", the other '
        f'gives a unit of "{exact["number"]}". Do the two contradict each other, as the course reads them '
        "(low and high in found)?",
        choices={
            right: "The vague word has a low and no high, so the larger number is not ruled out. But a reader "
                   "who hears the word pictures far fewer: the article gives both without saying which is "
                   "right, so neither should be used alone.",
            "yes: the vague word means an exact number":
                "The course reads the vague word as a least amount with no upper limit, not as an exact number.",
            "yes: the vague word means fewer than a hundred":
                "Nothing in the word sets an upper limit; look at its high value.",
            "they cannot be compared: the other number is a range":
                "Look at the form of the other number: only the vague word has an open end.",
        },
        answer=right, lines=[line],
        hints=[f'found[found["line"] == {line}] shows both readings.',
               "Compare the high of the vague word with the other number."],
        code=f'found.loc[found["line"] == {line}, ["number", "low", "high", "form"]]')


def _words(found: pd.DataFrame) -> PandasAnswer:
    libya = found[(found["section"] == "Libya") & (found["written"] == "words")]
    return PandasAnswer(
        "In the Libya section, how many numbers are written in words in each subsection? Answer with a Series "
        "indexed by subsection (subsections with none are left out).",
        answer=libya.groupby("subsection").size(), lines=seed_lines(libya),
        explanation="Numbers in words are easy to miss for a search that looks for digits.",
        hints=["Filter found on two columns: section and written.",
               '.groupby("subsection").size() counts the rows per subsection.'],
        code='found[(found["section"] == "Libya") & (found["written"] == "words")].groupby("subsection").size()')


def article_practice() -> QuestionBank:
    """The questions of practice set 01."""
    passages, found = _found()
    issues = data.inconsistencies().set_index("issue_id")
    bank = QuestionBank("article_practice")
    bank.add("libya", _libya(data.involvement()))
    bank.add("daesh", _daesh(passages, issues))
    bank.add("places", _places(passages, issues))
    bank.add("dates", _dates(issues))
    bank.add("sinjar", _sinjar(found, issues))
    bank.add("dozens", _dozens(found, issues))
    bank.add("words", _words(found))
    return bank
