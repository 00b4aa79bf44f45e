"""Lesson 00's questions: one of each kind, to learn how answering, hints and solutions work."""

from __future__ import annotations

from ..dates import at_precision
from ..exercises import MultipleChoice, Numeric, Ordering, PandasAnswer, SetAnswer
from ..exercises.names import country
from .bank import Registry, Tables, seed_lines

ORDER_EVENTS = ("russia_syria_campaign_start_b", "us_libya_campaign_start", "us_iraq_campaign_start_c")
"""The three events lesson 00 puts in order (ids of the events table)."""

REGISTRY = Registry(lesson="start_here")


def _heading(section: str, subsection: str) -> str:
    return f"{section} › {subsection}"


@REGISTRY.question("lesson")
def sections(t: Tables) -> MultipleChoice:
    counts = t.passages["section"].value_counts()
    longest = counts.index[0]
    choices = {name: f"{name} has more passages than any other section: .value_counts() puts it first."
               if name == longest else
               f"{name} is among the long sections, but another has more passages; count them all with "
               ".value_counts() instead of judging by eye."
               for name in counts.index[:4]}
    return MultipleChoice(
        "Predict first, then check with pandas: which section of the article has the most passages "
        "(rows of the passages table, headings included)?",
        choices=choices, answer=longest,
        lines=[int(t.passages.loc[t.passages["section"] == longest, "line"].min())],
        hints=["Each row of passages is one passage; its section column names the section.",
               "The method .value_counts() on that column counts the rows of each section, most first."],
        where="the section column of passages",
        code='passages["section"].value_counts().idxmax()')


@REGISTRY.question("lesson")
def syria(t: Tables) -> Numeric:
    involvement = t.involvement
    rows = involvement[involvement["theater"] == "Syria"]
    involved = rows[rows["involved"]]
    return Numeric(
        "How many countries does the involvement table mark as involved in Syria (involved is True)?",
        answer=involved["country"].nunique(), unit="countries", lines=seed_lines(involved),
        explanation="Those are the rows with theater Syria whose involved column is True: the cells the "
                    "article's table left blank, which the course reads as 'involved'.",
        mistakes=[(rows["country"].nunique(), "That counts every row of the Syria column, the dashes too: "
                                              "keep only the rows where involved is True."),
                  (int((~rows["involved"]).sum()), "That counts the countries marked not involved (a dash)."),
                  (int(involvement["involved"].sum()), "That counts involved cells in every theater, not "
                                                       "only Syria.")],
        hints=["Two conditions: the theater is Syria, and involved is True.",
               "Join the two conditions with & inside involvement[...] to keep the rows where both hold.",
               "Then count the distinct values of the country column of those rows with .nunique()."],
        where="the Syria rows of the involvement table",
        code='involved_in_syria = involvement[(involvement["theater"] == "Syria") & involvement["involved"]]\n'
             'involved_in_syria["country"].nunique()')


@REGISTRY.question("lesson")
def wales(t: Tables) -> SetAnswer:
    members = t.coalition_members
    in_wales = members[(members["coalition_id"] == "wales_2014") & (members["basis"] != "excluded")]
    in_paris = members[(members["coalition_id"] == "paris_2014") & (members["basis"] == "named")]
    answer = sorted(set(in_wales["country"]))
    others = sorted(set(in_paris["country"]) - set(answer))
    return SetAnswer(
        'Which of these countries were at the meeting in Wales (coalition_id "wales_2014" in '
        "coalition_members)? Type their letters in the widget (\"A, C\"), or give a list in code.",
        answer=answer, options=sorted(answer + others[::3]), normalise=country,
        lines=seed_lines(in_wales),
        explanation="The Wales rows of coalition_members name them; the other countries offered here "
                    "appear in the Paris conference's list, not in the Wales one.",
        hints=["Filter coalition_members as in the Sinjar example above, with another coalition_id.",
               "Keep the rows whose coalition_id is the Wales one, and whose basis is not excluded.",
               "Their country column holds the answer."],
        where="the wales_2014 rows of coalition_members",
        code='wales_members = members[(members["coalition_id"] == "wales_2014") & (members["basis"] != "excluded")]\n'
             'list(wales_members["country"])')


@REGISTRY.question("lesson")
def order(t: Tables) -> Ordering:
    events = t.events
    chosen = events[events["event_id"].isin(ORDER_EVENTS)].sort_values("date")
    return Ordering(
        "Put these three events of the events table in the order they happened, earliest first.",
        answer=list(chosen["event_id"]), labels=dict(zip(chosen["event_id"], chosen["summary"])),
        lines=seed_lines(chosen),
        explanation="In the order of the date column: " + "; ".join(
            f"{at_precision(row.date, row.date_precision)}: {row.summary}" for row in chosen.itertuples()),
        hints=["The date column of the events table says when each event happened.",
               "Keep the three rows with .isin() on the event_id column, then sort them by date.",
               "Read the event_id column of the sorted rows, top to bottom, into a list."],
        where="the date column of the events table",
        code=f'three_events = events[events["event_id"].isin({list(ORDER_EVENTS)!r})]\n'
             'list(three_events.sort_values("date")["event_id"])')


@REGISTRY.question("lesson")
def france(t: Tables) -> PandasAnswer:
    coalitions = t.coalitions
    led = coalitions[coalitions["led_by"] == "France"]
    return PandasAnswer(
        "Which rows of the coalitions table have France in the led_by column? Answer with those rows, "
        "all columns (a DataFrame; their order and index do not matter).",
        answer=led, lines=seed_lines(led),
        explanation="One condition inside coalitions[...] keeps the rows where it is True, with every column.",
        hints=["A condition on one column, used inside the table's brackets, keeps rows.",
               "Compare the led_by column with the text France: that gives True or False for each row.",
               "Put that comparison inside coalitions[...]; keep every column."],
        where="the led_by column of the coalitions table",
        code='coalitions[coalitions["led_by"] == "France"]')


@REGISTRY.question("lesson")
def sinjar_heading(t: Tables) -> MultipleChoice:
    passages, members = t.passages, t.coalition_members
    line = int(members.loc[members["coalition_id"] == "sinjar_humanitarian_2014", "line"].iloc[0])
    where = passages[passages["subsection"].notna()].drop_duplicates(["section", "subsection"])
    headings = [(row.section, row.subsection) for row in where.itertuples()]
    row = passages[passages["line"] == line].iloc[0]
    right = (row["section"], row["subsection"])
    same_section = [key for key in headings if key[0] == right[0] and key != right][:2]
    elsewhere = [key for key in headings if key[0] != right[0]][:1]
    choices = {_heading(*right): "The line column of the Sinjar rows leads to this passage in the passages table."}
    for key in same_section + elsewhere:
        choices[_heading(*key)] = ("That is another heading: open the line the Sinjar rows give, in the passages "
                                   "table, and read its section and subsection columns.")
    shown = [right, *same_section, *elsewhere]
    # as students write a heading: "Section - Subsection", ("Section", "Subsection"), or the subsection alone
    aliases = {_heading(*key): [*(f"{key[0]}{sep}{key[1]}" for sep in (" - ", " – ", ", ", " / ", ": ")),
                                key, list(key), *([key[1]] if [k[1] for k in shown].count(key[1]) == 1 else [])]
               for key in shown}
    return MultipleChoice(
        "Where a number comes from: the countries of the Sinjar airdrops (sinjar_humanitarian_2014) come "
        "from one line of the article. Open that line in the passages table: under which heading is it? "
        "(Type Section › Subsection, or Section > Subsection, or the choice's letter.)",
        choices=choices, answer=_heading(*right), lines=[line], aliases=aliases,
        hints=["The line column of the coalition_members rows says which line of the article states them.",
               "Keep the row of passages whose line column equals that line, as you did for Wales.",
               "Read its section and subsection columns."],
        where="the passages row at the line of the Sinjar rows",
        code='sinjar_passage = passages[passages["line"] == sinjar["line"].iloc[0]]\n'
             'sinjar_passage[["line", "section", "subsection"]]')


start_here = REGISTRY.bank("lesson", "Lesson 00's questions: multiple choice, a number, a set, an ordering, a "
                                    "table, a source.")
