"""Lesson 00's questions: one of each kind, to learn how answering, hints and solutions work."""

from __future__ import annotations

from .. import data
from ..dates import at_precision
from ..exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer
from .bank import QuestionBank, seed_lines

ORDER_EVENTS = ("russia_syria_campaign_start_b", "us_libya_campaign_start", "us_iraq_campaign_start_c")
"""The three events lesson 00 puts in order (ids of the events table)."""


def _sections(passages) -> MultipleChoice:
    counts = passages["section"].value_counts()
    top = counts.head(4)
    longest = top.index[0]
    choices = {name: f"{name} has more passages than any other section: .value_counts() puts it first."
               if name == longest else
               f"{name} is among the long sections, but another has more passages; count them all with "
               ".value_counts() instead of judging by eye."
               for name in top.index}
    return MultipleChoice(
        "Predict first, then check with pandas: which section of the article has the most passages "
        "(rows of the passages table, headings included)?",
        choices=choices, answer=longest,
        lines=[int(passages.loc[passages["section"] == longest, "line"].min())],
        hints=["Each row of passages is one passage; its section column names the section.",
               "passages[\"section\"].value_counts() counts the rows of each section, most first."],
        code='passages["section"].value_counts().idxmax()')


def _syria(involvement) -> Numeric:
    syria = involvement[involvement["theater"] == "Syria"]
    involved = syria[syria["involved"]]
    return Numeric(
        "How many countries does the involvement table mark as involved in Syria (involved is True)?",
        answer=involved["country"].nunique(), unit="countries", lines=seed_lines(involved),
        explanation="Those are the rows with theater Syria whose involved column is True: the cells the "
                    "article's table left blank, which the course reads as 'involved'.",
        mistakes=[(syria["country"].nunique(), "That counts every row of the Syria column, the dashes too: "
                                               "keep only the rows where involved is True."),
                  ((~syria["involved"]).sum(), "That counts the countries marked not involved (a dash)."),
                  (int(involvement["involved"].sum()), "That counts involved cells in every theater, not "
                                                       "only Syria.")],
        hints=["Two conditions: the theater is Syria, and involved is True; join them with &.",
               'involvement[(involvement["theater"] == "Syria") & involvement["involved"]] keeps those rows; '
               "count their countries with .nunique()."],
        code='syria = involvement[(involvement["theater"] == "Syria") & involvement["involved"]]\n'
             'syria["country"].nunique()')


def _wales(members) -> SetAnswer:
    in_wales = members[(members["coalition_id"] == "wales_2014") & (members["basis"] != "excluded")]
    in_paris = members[(members["coalition_id"] == "paris_2014") & (members["basis"] == "named")]
    wales = sorted(set(in_wales["country"]))
    others = sorted(set(in_paris["country"]) - set(wales))
    return SetAnswer(
        'Which of these countries were at the meeting in Wales (coalition_id "wales_2014" in '
        "coalition_members)? Tick them in the widget, or give a list in code.",
        answer=wales, distractors=others[::3],
        lines=seed_lines(in_wales),
        explanation="The Wales rows of coalition_members name them; the other countries offered here "
                    "appear in the Paris conference's list, not in the Wales one.",
        hints=["Filter coalition_members as in the Sinjar example, with another coalition_id.",
               'members[members["coalition_id"] == "wales_2014"]["country"] lists the Wales countries.'],
        code='members.loc[members["coalition_id"] == "wales_2014", "country"]')


def _order(events) -> Ordering:
    chosen = events[events["event_id"].isin(ORDER_EVENTS)].sort_values("date")
    return Ordering(
        "Put these three events of the events table in the order they happened, earliest first.",
        answer=list(chosen["event_id"]), labels=dict(zip(chosen["event_id"], chosen["summary"])),
        lines=seed_lines(chosen),
        explanation="In the order of the date column: " + "; ".join(
            f"{at_precision(row.date, row.date_precision)}: {row.summary}" for row in chosen.itertuples()),
        hints=["The date column of the events table says when each event happened.",
               'events[events["event_id"].isin([...the three ids...])].sort_values("date") lists them in order.'],
        code='chosen = events[events["event_id"].isin(["russia_syria_campaign_start_b", '
             '"us_libya_campaign_start", "us_iraq_campaign_start_c"])]\n'
             'list(chosen.sort_values("date")["event_id"])')


def _france(coalitions) -> PandasAnswer:
    led = coalitions[coalitions["led_by"] == "France"]
    return PandasAnswer(
        "Which rows of the coalitions table have France in the led_by column? Answer with those rows, "
        "all columns (a DataFrame).",
        answer=led, lines=seed_lines(led),
        explanation="One condition inside coalitions[...] keeps the rows where it is True, with every column.",
        hints=["A condition on one column, used inside the table's brackets, keeps rows.",
               'coalitions[coalitions["led_by"] == ...] keeps the rows whose led_by is the value you give.'],
        code='coalitions[coalitions["led_by"] == "France"]')


def _sinjar_heading(passages, members) -> MultipleChoice:
    sinjar = members[members["coalition_id"] == "sinjar_humanitarian_2014"]
    line = int(sinjar["line"].iloc[0])
    where = passages[passages["subsection"].notna()].drop_duplicates(["section", "subsection"])
    label = {(row.section, row.subsection): f"{row.section} › {row.subsection}" for row in where.itertuples()}
    row = passages[passages["line"] == line].iloc[0]
    right = (row["section"], row["subsection"])
    same_section = [key for key in label if key[0] == right[0] and key != right][:2]
    elsewhere = [key for key in label if key[0] != right[0]][:1]
    choices = {label[right]: "The line column of the Sinjar rows leads to this passage in the passages table."}
    for key in same_section + elsewhere:
        choices[label[key]] = ("That is another heading: open the line the Sinjar rows give, in the passages "
                               "table, and read its section and subsection columns.")
    return MultipleChoice(
        "Where a number comes from: the countries of the Sinjar airdrops (sinjar_humanitarian_2014) come "
        "from one line of the article. Open that line in the passages table: under which heading is it?",
        choices=choices, answer=label[right], lines=[line],
        hints=["The line column of the coalition_members rows says which line of the article states them.",
               'passages[passages["line"] == n] opens line n; look at its section and subsection.'],
        code='line = sinjar["line"].iloc[0]\npassages.loc[passages["line"] == line, ["section", "subsection"]]')


def start_here() -> QuestionBank:
    """The questions of lesson 00: multiple choice, a number, a set, an ordering, a table, a source."""
    passages, members = data.passages(), data.coalition_members()
    bank = QuestionBank("start_here")
    bank.add("sections", _sections(passages))
    bank.add("syria", _syria(data.involvement()))
    bank.add("wales", _wales(members))
    bank.add("order", _order(data.events()))
    bank.add("france", _france(data.coalitions()))
    bank.add("sinjar_heading", _sinjar_heading(passages, members))
    return bank
