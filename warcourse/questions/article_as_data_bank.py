"""Lesson 01's questions (the article as data), its summative check's and its practice set's.

Every expected answer is computed here from fresh tables and the article file;
the lesson's ``section`` parameter scopes the share-of-words question.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import article, campaigns, textstats
from ..dates import at_precision
from ..exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer
from .bank import Registry, Tables, seed_lines

REGISTRY = Registry(lesson="article_as_data", practice="article_practice", parameters={"section": textstats.SECTIONS})

OPEN_HIGH_SECTION = "Iraq"
"""The section of the summative question on numbers with a low and no high."""


def _issue_lines(issues: pd.DataFrame, issue: str) -> list[int]:
    row = issues.loc[issues["issue_id"] == issue, "lines"].item()
    return [int(line) for line in str(row).split(";")]


def _quoted(issues: pd.DataFrame, issue: str) -> list[str]:
    return re.findall(r'"([^"]+)"', str(issues.loc[issues["issue_id"] == issue, "description"].item()))


def _ranges(t: Tables) -> tuple[pd.DataFrame, pd.Series]:
    """The ranges found in the article and, for each, whether it is a range of values."""
    found = textstats.quantities(t.passages)
    ranges = found[found["form"] == "range"]
    return ranges, textstats.range_readings(t.passages).loc[ranges.index] == "range of values"


def _told(t: Tables) -> pd.DataFrame:
    told = textstats.told_twice(t.events, t.passages)
    told["recorded"] = textstats.recorded(told, t.inconsistencies)
    return told


def _told_lines(rows: pd.DataFrame) -> list[int]:
    return sorted({int(n) for lines in rows["lines"] for n in lines.split("; ")})


# --- the lesson ------------------------------------------------------------------------------------

@REGISTRY.question("lesson")
def no_text(t: Tables) -> SetAnswer:
    passages = t.passages
    text = passages[passages["kind"] != "heading"]
    empty = sorted(set(passages["section"]) - set(text["section"]))
    per_section = text["section"].value_counts()
    near = sorted(per_section.index[per_section == 1])[:3]
    return SetAnswer(
        "Which sections of the article have no text passage at all, only headings? Answer with their "
        "names (a list or a set).",
        answer=empty, distractors=near,
        lines=seed_lines(passages[passages["section"].isin(empty)]),
        explanation="Each of them has a heading in the passages table and nothing else: the snapshot kept "
                    "the heading but lost (or never had) the text under it.",
        hints=["A section has text when at least one of its passages is not a heading.",
               "Make two sets: every section name, and the sections of the passages whose kind is not heading.",
               "The difference of two sets, a - b, keeps what is in a and not in b."],
        where="the kind and section columns of passages",
        code='sections_with_text = set(passages.loc[passages["kind"] != "heading", "section"])\n'
             'set(passages["section"]) - sections_with_text')


@REGISTRY.question("lesson")
def blank_convention(t: Tables) -> MultipleChoice:
    right = "It is a convention, and at least one cell breaks it: check cells against the text."
    return MultipleChoice(
        "The involvement table reads a blank cell as involved and a dash — as not involved. Read the "
        "inconsistency australia_iraq_table_vs_text (its description, and the lines it names). What does "
        "it tell you about that reading?",
        choices={
            right: "A convention is a reading, not a fact: it holds for most cells, and this one shows it "
                   "can fail. The involved column is the table's claim, which the text can contradict.",
            "The text is wrong: a table is more reliable than prose, so keep the table's reading.":
                "Nothing makes the table the authority: it lost its icons, and the text reports the "
                "strikes in detail. Neither side can simply win.",
            "The reading is backwards: a dash means involved and a blank means not involved.":
                "Look at where the dashes sit: most cells of the theaters few countries fought in. The "
                "convention holds for most cells; the question is what one failure means.",
            "They agree: a country can fly sorties over a theater without striking anything there.":
                "Re-read the description: the text reports strikes as well as sorties.",
        },
        answer=right, lines=_issue_lines(t.inconsistencies, "australia_iraq_table_vs_text"),
        hints=["Read the issue's description, printed under the rows.",
               "Open the lines it names in passages: what does the table row hold, what does the text report?",
               "Can a reading hold for every cell when one cell disagrees with the text?"],
        where="the issue's description and the two lines it names",
        code='convention_lines = [int(n) for n in table_issue["lines"].item().split(";")]\n'
             'passages.loc[passages["line"].isin(convention_lines), ["line", "section", "text"]]')


@REGISTRY.question("lesson")
def words_share(t: Tables, section: str) -> Numeric:
    passages = t.passages
    found = textstats.quantities(passages)
    part = textstats.in_section(found, passages, section)
    in_words = part["written"] == "words"
    share = 100 * in_words.mean()
    scope = "the whole article" if section == "all" else f"the {section} section"
    mistakes = [(100 - share, "That is the share written in digits."),
                (int(in_words.sum()), "That is how many numbers are in words, not their percentage.", 0)]
    whole = 100 * (found["written"] == "words").mean()
    if section != "all" and abs(whole - share) > 1:
        mistakes.append((whole, "That is the share for the whole article; keep only this section's numbers."))
    select = "found" if section == "all" else f'found[found["section"] == "{section}"]'
    return Numeric(
        f"Predict, then compute: what percentage of the numbers found in {scope} are written in words "
        "(the written column of found)? One decimal is enough.",
        answer=round(share, 1), unit="percent", tolerance=0.5, decimals=1,
        lines=[int(part["line"].min()), int(part["line"].max())],
        explanation="A comparison gives True/False per row and .mean() the share of True; times 100 makes "
                    "it a percentage. A search for digits alone would miss all of these numbers.",
        mistakes=mistakes,
        hints=["Keep the numbers of the part asked for: all of found, or the rows of the chosen section.",
               'Compare the written column with "words": True for each number written in words.',
               "The mean of a True/False column is the share of True; multiply it by 100."],
        where="the written column of found" + ("" if section == "all" else f", in the {section} section"),
        code=f'section_numbers = {select}\n100 * (section_numbers["written"] == "words").mean()')


@REGISTRY.question("lesson")
def not_range(t: Tables) -> SetAnswer:
    ranges, of_values = _ranges(t)
    odd = ranges[~of_values]
    return SetAnswer(
        'A program reads every "X to Y" as a range of possible values. Which of the "ranges" found in the '
        "article are something else? Give their number texts (the number column).",
        answer=list(odd["number"]), options=list(ranges.sort_values("line")["number"]),
        lines=seed_lines(odd),
        explanation="A range says the true value lies somewhere between two ends. A vote gives two counts "
                    "(for and against), and a change over time gives a before and an after: both ends "
                    "are exact, and neither is a range.",
        hints=["Read each range in its context column, and open the line when the context is cut short.",
               "Ask of each: could the true value be anywhere between the two ends?",
               "Look for a vote, and for words of change (increased, reduced) before a 'from'."],
        where="the context column of the ranges table (open a line when it is cut short)",
        code='text_of_line = passages.set_index("line")["text"]\n'
             "# the words of its sentence before each range\n"
             "before = pd.Series([text_of_line[row.line].split(row.number)[0].split(\". \")[-1]\n"
             "                    for row in ranges.itertuples()], index=ranges.index)\n"
             "# a vote (for to against) or a change (increased ... from X to Y): two exact numbers\n"
             'list(ranges.loc[before.str.contains(r"voted|(?:increased|reduced) .*from $"), "number"])')


@REGISTRY.question("lesson")
def range_test(t: Tables) -> MultipleChoice:
    ranges, of_values = _ranges(t)
    right = "It finds a vote whose first count is larger, but misses a change whose numbers rise."
    return MultipleChoice(
        'Find the error. A classmate finds the "ranges" that are not ranges with '
        'ranges[ranges["low"] > ranges["high"]]. What is wrong with that test?',
        choices={
            right: "Run it and compare with the previous question: it finds fewer than there are. The order "
                   "of the two numbers is a clue at best; the words before them decide.",
            "Nothing: a low end above the high end is exactly what marks a non-range.":
                "Run the test and compare with your answer to the previous question: it does not find all.",
            "It should test low == high instead, since a non-range has two equal ends.":
                "Equal ends make an exact number; no row of form 'range' has them, so that test finds none.",
            "It overlooks the ranges written in words, such as 'between 70 and 80', which it cannot read.":
                "Those are read into low and high like the others; how the range is worded is not the problem.",
        },
        answer=right, lines=seed_lines(ranges[~of_values]),
        hints=["Run the classmate's line on the ranges table and see what it finds.",
               "Compare its rows with your answer to the previous question.",
               "Which kind of non-range has its smaller number first?"],
        where="the ranges table and your answer to the previous question",
        code='ranges[ranges["low"] > ranges["high"]]')


@REGISTRY.question("lesson")
def density(t: Tables) -> Ordering:
    big = list(textstats.SECTIONS[1:])
    parts = textstats.per_part(t.passages, textstats.quantities(t.passages)).loc[big]
    ranked = (parts["numbers"] / parts["passages"]).sort_values(ascending=False)
    return Ordering(
        "Predict, then compute: put the four big sections in order of numbers per text passage "
        "(numbers / passages in the parts table), most first.",
        answer=list(ranked.index), lines=[int(line) for line in parts.loc[ranked.index, "first_line"]],
        explanation="Dividing the numbers column by the passages column gives numbers per passage; a "
                    "section with many numbers can still be wordy, and a short one can be dense with counts.",
        hints=["Numbers per passage is one column of parts divided by another.",
               "Dividing two columns gives a Series indexed by section; keep the four big sections with .loc.",
               "Sort it, most first, and give its index as a list."],
        where="the numbers and passages columns of parts",
        code='numbers_per_passage = parts["numbers"] / parts["passages"]\n'
             'list(numbers_per_passage.loc[list(textstats.SECTIONS[1:])].sort_values(ascending=False).index)')


@REGISTRY.question("lesson")
def bpc_gap(t: Tables) -> Numeric:
    coalitions, members = t.coalitions, t.coalition_members
    bpc = coalitions[coalitions["coalition_id"] == "bpc_2015"]
    named = members[(members["coalition_id"] == "bpc_2015") & (members["basis"] == "named")]
    stated = int(bpc["stated_members"].item())
    count = named["country"].nunique()
    return Numeric(
        'The Building Partner Capacity program (coalition_id "bpc_2015"): the article states a number of '
        "countries and names a list. How many countries does the named list have beyond the stated number "
        "(named minus stated)?",
        answer=count - stated, unit="countries", lines=seed_lines(bpc, named),
        explanation="The passage states one total and names a longer list. The course keeps both as written "
                    "and records the disagreement; it does not correct either.",
        mistakes=[(count, "That is the length of the named list; subtract the stated number."),
                  (stated, "That is the stated number (the stated_members column); compare it with the list.")],
        hints=["The stated number is in the stated_members column of coalitions; the names are rows of "
               "coalition_members.",
               "Keep the coalition_members rows of bpc_2015 whose basis is named, and count their distinct "
               "countries.",
               "Subtract the stated number from that count."],
        where="the bpc_2015 rows of coalitions and coalition_members",
        code='bpc_stated = coalitions.loc[coalitions["coalition_id"] == "bpc_2015", "stated_members"].item()\n'
             'bpc_named = members[(members["coalition_id"] == "bpc_2015") & (members["basis"] == "named")]\n'
             'bpc_named["country"].nunique() - bpc_stated')


@REGISTRY.question("lesson")
def unit(t: Tables) -> MultipleChoice:
    strikes = t.strike_counts
    lines = _issue_lines(t.inconsistencies, "coalition_16000_airstrikes")
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
                f"{at_precision(earlier['period_end'], earlier['date_precision'])} ({campaigns.amount(earlier)}) and "
                f"the coalition's strikes up to {at_precision(later['period_end'], later['date_precision'])} "
                f"({campaigns.amount(later)}): the early figure is far too large for strikes.",
            right: "Only a count of flights grows that fast: the US alone had flown thousands of sorties for a "
                   "few hundred strikes in the first weeks. The course keeps the number as written and flags "
                   "it as implausible rather than changing it.",
            "munitions: bombs and missiles dropped": "The article gives no munitions count for this period, "
                "and it calls these airstrikes, not bombs.",
        },
        answer=right, lines=lines,
        aliases={"airstrikes, as the article says": ["airstrikes", "strikes", "air strikes"],
                 right: ["sortie", "flights", "air sorties"]},
        hints=["Put the number next to the US airstrikes and sorties of the months before, and the coalition's "
               "total for the whole war.",
               "How many strikes a month would the number need, compared with the rest of the war?"],
        where="the counts on the lines the issue names, in the table above the question",
        code='flights_and_strikes = around[around["metric"].isin(["airstrikes", "sorties"])]\n'
             'flights_and_strikes[["actor", "metric", "value", "period_end", "line"]]')


@REGISTRY.question("lesson")
def unrecorded(t: Tables) -> PandasAnswer:
    told = _told(t)
    missing = told[~told["recorded"]]
    return PandasAnswer(
        "Which events told more than once have no duplicate entry in the inconsistencies table? Answer "
        "with those rows of told, all columns (a DataFrame; their order and index do not matter).",
        answer=missing, lines=_told_lines(missing),
        explanation="~ turns True into False and back, so told[~told['recorded']] keeps the rows not recorded. "
                    "Some repeats are the Introduction summarising a later section; others are told twice in "
                    "one section. Either way, a naive count would count them twice.",
        hints=["The recorded column says, for each event of told, whether a duplicate entry names all its lines.",
               "You want the rows where it is False; ~ turns True into False and back.",
               "Use that condition inside told[...]."],
        where="the recorded column of told",
        code='told[~told["recorded"]]')


# --- the summative check ---------------------------------------------------------------------------

@REGISTRY.question("summative")
def open_high(t: Tables) -> Numeric:
    found = textstats.quantities(t.passages)
    part = found[found["section"] == OPEN_HIGH_SECTION]
    rows = part[part["low"].notna() & part["high"].isna()]
    everywhere = found[found["low"].notna() & found["high"].isna()]
    return Numeric(
        "Using textstats.quantities(passages) (the lesson's found table): how many numbers in the "
        f"{OPEN_HIGH_SECTION} section have a low but no high (the high is missing)?",
        answer=len(rows), unit="numbers", lines=seed_lines(rows),
        explanation="Lower bounds ('more than ...') and vague words ('dozens') both keep the least the text "
                    "can honestly mean, and no most.",
        mistakes=[(int((part["form"] == "lower bound").sum()), "That counts the lower bounds only; a vague "
                                                                "word has no high either."),
                  (int((part["form"] == "vague word").sum()), "That counts the vague words only; a lower bound "
                                                               "has no high either."),
                  (len(everywhere), f"That counts the whole article; keep the {OPEN_HIGH_SECTION} section only.")],
        hints=["The found table reads each number as a low and a high; look at which forms leave the high empty.",
               f"Keep the rows of the {OPEN_HIGH_SECTION} section (its section column).",
               "Count the rows whose low is there (.notna()) and whose high is missing (.isna())."],
        where=f"the low and high columns of found, in the {OPEN_HIGH_SECTION} section",
        code="all_numbers = textstats.quantities(passages)\n"
             f'section_numbers = all_numbers[all_numbers["section"] == "{OPEN_HIGH_SECTION}"]\n'
             '(section_numbers["low"].notna() & section_numbers["high"].isna()).sum()')


@REGISTRY.question("summative")
def deep_headings(t: Tables) -> Numeric:
    raw = textstats.line_kinds(article.read_lines())
    deep = raw[raw["level"] >= 3]
    return Numeric(
        "textstats.line_kinds(lines) gives each line of the article file a level: a heading's depth "
        "(2 for ##, 3 for ###, ...; 0 for lines that are not headings). How many headings of level 3 or "
        "deeper does the file have?",
        answer=len(deep), unit="headings", lines=[int(deep["line"].min()), int(deep["line"].max())],
        explanation="Subsections and deeper headings: the article's structure below its sections, which the "
                    "passages table keeps in its subsection column.",
        mistakes=[(int((raw["level"] == 3).sum()), "That counts one level only; the question asks for level 3 "
                                                   "and deeper."),
                  (int((raw["level"] > 0).sum()), "That counts every heading, level 2 too."),
                  (int((raw["level"] > 3).sum()), "That leaves out level 3 itself: 'or deeper' includes it.")],
        hints=["Each row of textstats.line_kinds(lines) is one line of the file, with its level.",
               "Level 3 or deeper is a condition on the level column.",
               "Count the True values of that condition."],
        where="the level column of textstats.line_kinds(lines)",
        code='(textstats.line_kinds(lines)["level"] >= 3).sum()')


@REGISTRY.question("summative")
def one_theater(t: Tables) -> Numeric:
    involvement = t.involvement
    per_country = involvement.groupby("country")["involved"].sum()
    once = per_country[per_country == 1]
    return Numeric(
        "How many countries does the involvement table mark as involved (involved is True) in exactly one "
        "theater?",
        answer=len(once), unit="countries",
        lines=seed_lines(involvement[involvement["country"].isin(once.index) & involvement["involved"]]),
        explanation="Counting the theaters of each country (groupby on country, the sum of involved) shows "
                    "how many fought in one place only, by the table's convention (blank = involved).",
        mistakes=[(int((per_country >= 1).sum()), "That counts the countries involved anywhere; the question "
                                                  "asks for exactly one theater."),
                  (int(involvement["involved"].sum()), "That counts involved cells (country and theater "
                                                       "pairs), not countries."),
                  (involvement["country"].nunique(), "That counts every country of the table.")],
        hints=["Count, for each country, the theaters where involved is True.",
               "Group the rows by country and add up the involved column: True counts as 1.",
               "Count the countries whose number is exactly 1."],
        where="the involved column of the involvement table, country by country",
        code='theaters_per_country = involvement.groupby("country")["involved"].sum()\n'
             "(theaters_per_country == 1).sum()")


@REGISTRY.question("summative")
def spread_issues(t: Tables) -> Numeric:
    issues, passages = t.inconsistencies, t.passages
    ours = issues[issues["lesson"] == "01"]
    section = passages.set_index("line")["section"]
    spread = ours["lines"].astype(str).str.split(";").map(lambda lines: {section[int(n)] for n in lines})
    several = ours[spread.map(len) >= 2]
    return Numeric(
        'The lines column of the inconsistencies table lists the article lines of each issue ("126;130;278"). '
        'How many of the inconsistencies of lesson 01 (lesson "01") name lines in two or more different '
        "sections of the article?",
        answer=len(several), unit="inconsistencies",
        lines=sorted({int(n) for lines in several["lines"].astype(str) for n in lines.split(";")}),
        explanation="A contradiction across sections is one a reader of a single section never sees: the "
                    "Introduction summarising a later section, or two sections telling one event.",
        mistakes=[(int((ours["lines"].astype(str).str.count(";") >= 1).sum()),
                   "That counts the issues that name two or more lines; some of those lines share a section."),
                  (len(ours), "That counts every inconsistency of lesson 01."),
                  (int((issues["lines"].astype(str).str.split(";").map(
                      lambda lines: len({section[int(n)] for n in lines})) >= 2).sum()),
                   'That counts the inconsistencies of every lesson; keep those of lesson "01".')],
        hints=['Split the lines column at ";" so that each line of an issue becomes its own row '
               "(.str.split, then .explode).",
               "Look up the section of each line in passages: set_index on its line column gives a Series "
               "from line to section.",
               "Count the distinct sections of each issue_id with groupby and .nunique(), then the issues "
               "with two or more."],
        where="the lines column of lesson 01's inconsistencies, and the section of each line in passages",
        code='issue_lines_long = issues[issues["lesson"] == "01"]\n'
             'issue_lines_long = issue_lines_long.assign(line=issue_lines_long["lines"].astype(str).str.split(";"))\n'
             'issue_lines_long = issue_lines_long.explode("line")\n'
             'section_of = passages.set_index("line")["section"]\n'
             'issue_lines_long["section"] = issue_lines_long["line"].astype(int).map(section_of)\n'
             '(issue_lines_long.groupby("issue_id")["section"].nunique() >= 2).sum()')


@REGISTRY.question("summative")
def passages_with_words(t: Tables) -> Numeric:
    found = textstats.quantities(t.passages)
    in_words = found[found["written"] == "words"]
    return Numeric(
        "Using textstats.quantities(passages) (the lesson's found table): how many passages hold at least one "
        "number written in words (the written column)?",
        answer=in_words["line"].nunique(), unit="passages", lines=seed_lines(in_words),
        explanation="Each row of found is one number with the line of its passage; the distinct lines of the "
                    "numbers in words are the passages that hold one. A search for digits misses them all.",
        mistakes=[(len(in_words), "That counts the numbers written in words; several can share a passage."),
                  (found["line"].nunique(), "That counts the passages with any number, digits too."),
                  (len(t.passages), "That counts every passage of the article.")],
        hints=["Each row of found is one number, with the line of the passage it is in.",
               "Keep the numbers written in words.",
               "Count the distinct lines among them (.nunique())."],
        where="the written and line columns of found",
        code="all_numbers = textstats.quantities(passages)\n"
             'all_numbers.loc[all_numbers["written"] == "words", "line"].nunique()')


# --- the practice set ------------------------------------------------------------------------------

@REGISTRY.question("practice")
def libya(t: Tables) -> Numeric:
    involvement = t.involvement
    rows = involvement[involvement["theater"] == "Libya"]
    involved = rows[rows["involved"]]
    return Numeric(
        "How many countries does the involvement table mark as involved in Libya (by its convention: a "
        "blank cell is involved)?",
        answer=involved["country"].nunique(), unit="countries", lines=seed_lines(involved),
        explanation="Each has an empty cell in the Libya column of its row, which the table's convention "
                    "reads as involved.",
        mistakes=[(rows["country"].nunique(), "That counts every country in the Libya column, dashes too."),
                  (int((~rows["involved"]).sum()), "That counts the countries marked not involved (a dash)."),
                  (int(involvement["involved"].sum()), "That counts involved cells in every theater.")],
        hints=['Two conditions: theater equals "Libya", and involved is True.',
               "Join them with & inside involvement[...] to keep the rows where both hold.",
               "Count the distinct countries of those rows with .nunique()."],
        where="the Libya rows of the involvement table",
        code='involvement[(involvement["theater"] == "Libya") & involvement["involved"]]["country"].nunique()')


@REGISTRY.question("practice")
def daesh(t: Tables) -> SetAnswer:
    passages = t.passages
    using = passages[passages["text"].str.contains("Daesh", regex=False)]
    sections = sorted(using["section"].unique())
    others = [s for s in passages["section"].value_counts().index if s not in sections][:3]
    return SetAnswer(
        "Which sections of the article use the name Daesh?",
        answer=sections, distractors=others, lines=seed_lines(using),
        explanation="A search for one name finds only the passages that use it; the issue group_names lists "
                    "the others, which a search for 'Daesh' misses.",
        hints=["A text search on the text column finds the passages that use the name.",
               '.str.contains("Daesh") is True for those passages.',
               "Take the section column of those passages and its distinct values."],
        where="the text and section columns of passages",
        code='passages[passages["text"].str.contains("Daesh")]["section"].unique()')


@REGISTRY.question("practice")
def places(t: Tables) -> PandasAnswer:
    passages = t.passages
    spellings = _quoted(t.inconsistencies, "place_spellings")
    pattern = "|".join(map(re.escape, spellings))
    spelled = passages.loc[passages["text"].str.contains(pattern), ["line", "section"]]
    return PandasAnswer(
        f"The issue place_spellings quotes {len(spellings)} spellings between double quotes in its description. "
        "Which passages contain one of them? Answer with a DataFrame with the columns line and section "
        "(the order of its rows and its index do not matter).",
        answer=spelled, lines=seed_lines(spelled),
        explanation="The same places are spelled differently in different sections: matching by one "
                    "spelling would split each place in two.",
        hints=["re.findall(r'\"([^\"]+)\"', description) lists what is between double quotes.",
               '"|".join(...) of the spellings makes one pattern that matches any of them; use it with '
               ".str.contains on the text column.",
               "Keep the matching passages with .loc, and only the columns line and section."],
        where="the description of the issue place_spellings, and the text column of passages",
        code='place_spellings = re.findall(r\'"([^"]+)"\', issues.loc["place_spellings", "description"])\n'
             'passages.loc[passages["text"].str.contains("|".join(place_spellings)), ["line", "section"]]')


@REGISTRY.question("practice")
def dates(t: Tables) -> Ordering:
    texts = _quoted(t.inconsistencies, "date_formats")
    return Ordering(
        f"The issue date_formats quotes {len(texts)} dates, each in another format. Put them in time order, "
        "earliest first (give the date texts as quoted, in a list).",
        answer=sorted(texts, key=pd.to_datetime), lines=_issue_lines(t.inconsistencies, "date_formats"),
        explanation="Each format is read by pd.to_datetime; sorting by the date each text stands for, not by "
                    "the text, gives the time order.",
        hints=["Sorting the texts as text puts them in alphabetical order, not time order.",
               "sorted() takes a key= function that says what to sort by.",
               "pd.to_datetime turns a date text into a date; use it as the key."],
        where="the dates quoted in the issue date_formats",
        code='date_texts = re.findall(r\'"([^"]+)"\', issues.loc["date_formats", "description"])\n'
             "sorted(date_texts, key=pd.to_datetime)")


@REGISTRY.question("practice")
def sinjar(t: Tables) -> Numeric:
    found = textstats.quantities(t.passages)
    lines = _issue_lines(t.inconsistencies, "sinjar_trapped_vs_escaped")
    there = found[found["line"].isin(lines)]
    got_out = there[there["form"] == "range"].iloc[0]
    trapped = there[there["form"] == "approximate"].iloc[0]
    return Numeric(
        "The issue sinjar_trapped_vs_escaped names two lines: one gives a range for the people who escaped or "
        "were evacuated from the Sinjar Mountains, the other an approximate number trapped there. Using found, "
        "how many more people does the lowest figure for those who got out give than the number trapped?",
        answer=int(got_out["low"] - trapped["low"]), unit="people", lines=lines,
        explanation="Even the low end of the range is above the number said to be trapped. The counts may "
                    "come from different days or sources, but the article never says so.",
        mistakes=[(int(got_out["high"] - trapped["low"]), "That uses the high end of the range; the question "
                                                          "asks for the lowest figure."),
                  (int(got_out["low"]), "That is the low end of the range alone; subtract the number trapped."),
                  (int(trapped["low"]), "That is the number trapped alone.")],
        hints=["Select the found rows on the two lines the issue names.",
               "The form column tells the range (got out) from the approximate number (trapped).",
               "Subtract the trapped number from the low column of the range."],
        where="the found rows on the two lines the issue names",
        code='sinjar_lines = [int(n) for n in issues.loc["sinjar_trapped_vs_escaped", "lines"].split(";")]\n'
             'on_lines = found[found["line"].isin(sinjar_lines)]\n'
             'on_lines.loc[on_lines["form"] == "range", "low"].item() - '
             'on_lines.loc[on_lines["form"] == "approximate", "low"].item()')


@REGISTRY.question("practice")
def dozens(t: Tables) -> MultipleChoice:
    found = textstats.quantities(t.passages)
    line = _issue_lines(t.inconsistencies, "hezbollah_dozens_vs_250")[0]
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
        hints=[f"Open the found rows of line {line}: both numbers are there.",
               "Compare the high of the vague word with the other number."],
        code=f'found.loc[found["line"] == {line}, ["number", "low", "high", "form"]]')


@REGISTRY.question("practice")
def words(t: Tables) -> PandasAnswer:
    found = textstats.quantities(t.passages)
    libya = found[(found["section"] == "Libya") & (found["written"] == "words")]
    return PandasAnswer(
        "In the Libya section, how many numbers are written in words in each subsection? Answer with a Series "
        "indexed by subsection (subsections with none are left out).",
        answer=libya.groupby("subsection").size(), lines=seed_lines(libya),
        explanation="Numbers in words are easy to miss for a search that looks for digits.",
        hints=["Filter found on two columns: section and written.",
               "Count the rows of each subsection with groupby.",
               "A groupby count leaves out the subsections with no rows, as the question asks."],
        where="the Libya rows of found written in words",
        code='found[(found["section"] == "Libya") & (found["written"] == "words")].groupby("subsection").size()')


# --- the banks -------------------------------------------------------------------------------------

article_as_data = REGISTRY.bank("lesson", "Lesson 01's questions and its summative check's; ``section`` scopes "
                                         "the share of numbers in words.")
article_practice = REGISTRY.bank("practice", "Practice set 01's questions.")
