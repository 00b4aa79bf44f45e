"""The capstone (lesson 05): a one-page brief on one theater, assembled from all the tables.

The brief answers five questions in order: who was involved, which coalitions they
belonged to, what the air campaign looked like in numbers of the same kind, what the
casualty claims say and how far they can be trusted, and which statements of the
article do not hold up. Every sentence is generated from table rows, and every number
in it carries the id of its row in the syntax of lesson 05's checker (``warcourse.tracing``):
``over 16,000 [coalition_2015_01_15_airstrikes]``, or a count of rows, ``43 [# involvement
theater=Iraq involved=true]``. Shown in a notebook, the ids become notes with each row's line and quote.

Figures the article gives for Iraq and Syria together (theater ``"Iraq and Syria"``)
enter both the Iraq and the Syria brief, always marked as combined: the article never
says how much of them belongs to either country, so they are never split.

For example::

    tables = brief.load()
    brief.build(tables, "Libya")        # displays as Markdown in a notebook
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from . import campaigns, casualties, data, dates, numbers, schema, tracing
from . import coalitions as co
from .exercises.feedback import joined, line_reference
from .lesson_setup import require
from .rowfacts import facts
from .theaters import COMBINED, claim_theater, claims_in, covered, in_theater

THEATERS = ("Iraq", "Syria", "Libya", "Afghanistan")  # lesson 05's `theater` parameter
HOLD_UP = ("count_mismatch", "implausible")  # the article disagrees with itself or with arithmetic
FLAGGING = HOLD_UP + ("duplicate",)  # kinds of inconsistency that can make a claim doubtful
UNATTRIBUTED = "Wikipedia (unattributed)"
SOURCES = ("official", "independent monitor", "international body", "media", "armed group", "no source named")
_SOURCE = {"government": "official", "military": "official", "ngo": "independent monitor",
           "intergovernmental": "international body", "media": "media", "armed_group": "armed group"}
FROM_SOURCE = {"official": "from officials (government or military)",
               "independent monitor": "from independent monitors",
         "international body": "from international bodies", "media": "from named media",
         "armed group": "from an armed group", "no source named": "name no source"}
VICTIMS = {"isil_fighters": "ISIL fighters", "civilians": "civilians", "coalition_personnel": "coalition soldiers",
           "local_forces": "local forces", "other_militants": "other militants",
           "unspecified": "people (the article does not say who)"}
ONE_VICTIM = {"isil_fighters": "ISIL fighter", "civilians": "civilian", "coalition_personnel": "coalition soldier",
              "local_forces": "member of the local forces", "other_militants": "other militant",
              "unspecified": "person (the article does not say who)"}
LISTED = 12  # cite up to this many lines one by one; more become a range
TARGET_WORDS = {"ISIL": "", "several": " against ISIL and other groups", "unknown": " (target not stated)",
                "Taliban": " against the Taliban"}  # what a strike count's target adds to its sentence
_DEATHS = re.compile(r"\bkill|\bdeath|\bdead", re.IGNORECASE)


# --- tables --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tables:
    """Every table the brief reads, loaded once."""

    involvement: pd.DataFrame
    coalitions: pd.DataFrame
    members: pd.DataFrame
    events: pd.DataFrame
    counts: pd.DataFrame
    deployments: pd.DataFrame
    claims: pd.DataFrame
    issues: pd.DataFrame
    passages: pd.DataFrame


def load() -> Tables:
    """All the tables of the brief, from ``warcourse.data``."""
    return Tables(data.involvement(), data.coalitions(), data.coalition_members(), data.events(),
                  data.strike_counts(), data.deployments(), data.casualty_claims(), data.inconsistencies(),
                  data.passages())


def coverage(tables: Tables) -> pd.DataFrame:
    """Rows per table for each theater of the involvement table, and for Iraq and Syria together."""
    places = list(schema.INVOLVEMENT_THEATERS)
    places.insert(places.index("Syria") + 1, COMBINED)
    involved = tables.involvement[tables.involvement["involved"]]
    claims = tables.claims["place"].map(claim_theater)
    table = pd.DataFrame({
        "countries involved": involved["theater"].astype("string").value_counts(),
        "events": tables.events["theater"].astype("string").value_counts(),
        "strike_counts": tables.counts["theater"].astype("string").value_counts(),
        "deployments": tables.deployments["theater"].astype("string").value_counts(),
        "casualty_claims": claims.value_counts(),
    }).reindex(places)
    table.loc[COMBINED, "countries involved"] = pd.NA
    return table.fillna({c: 0 for c in table.columns if c != "countries involved"}).astype("Int64") \
        .rename_axis("theater")


# --- citing lines --------------------------------------------------------------------------------

def cite(text: str, lines) -> str:
    """``text`` followed by its line reference in brackets ("(line 373)", "(lines 365, 367)", a range for
    more than ``LISTED`` lines)."""
    reference = line_reference(lines, LISTED)
    if not reference:
        raise ValueError(f"a reference needs at least one line: {text!r}")
    return f"{text} ({reference})"


def cited_lines(text: str) -> list[int]:
    """Every seed line a text cites (both ends of a range)."""
    return sorted({line for ref in tracing.line_refs(text) for line in ref.lines})


def tagged(row_id: str) -> str:
    """A row's number as the article bounds it, with its id after each number (``tracing.written``)."""
    return tracing.written(facts()[str(row_id)])


def count(ids) -> str:
    """A number of rows with their ids: "3 [# id_a id_b id_c]"."""
    ids = list(dict.fromkeys(str(i) for i in ids))
    return f"{len(ids)} [# {' '.join(ids)}]"


def tag_numbers(text: str, row_id: str) -> str:
    """``text`` (an inconsistency's description) with each of its numbers followed by ``[row_id]``; numbers
    in words outside quotation marks are written in digits."""
    out, last = [], 0
    for number in tracing.numbers_in(text):
        if number.tag is not None or number.value is None:
            continue
        before = text[:number.start]
        quoted = before.count("“") > before.count("”") or before.count('"') % 2 == 1
        shown = number.text
        if number.in_words and not quoted:
            shown = tracing.in_digits(number.value)
        out += [text[last:number.start], f"{shown} [{row_id}]"]
        last = number.end
    return "".join(out + [text[last:]])


def in_words(text: str) -> str:
    return text.replace("_", " ")


# --- sections and the brief ----------------------------------------------------------------------

class ShownAsMarkdown:
    """Shows as its ``markdown()`` in a notebook (rendered) and as plain text (nbval compares that)."""

    def __str__(self) -> str:
        return self.markdown()

    def _repr_markdown_(self) -> str:
        return self.markdown()

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(self.markdown())


@dataclass(frozen=True, repr=False)  # shown by its markdown, not the dataclass repr
class Section(ShownAsMarkdown):
    """One section of the brief: a heading and its paragraphs (a paragraph starting "- " is a list item)."""

    heading: str
    paragraphs: tuple[str, ...]

    def markdown(self) -> str:
        blocks, items = [f"**{self.heading}**"], []
        for paragraph in self.paragraphs:
            if paragraph.startswith("- "):
                items.append(paragraph)
                continue
            if items:
                blocks.append("\n".join(items))
                items = []
            blocks.append(paragraph)
        if items:
            blocks.append("\n".join(items))
        return "\n\n".join(blocks)


@dataclass(frozen=True, repr=False)
class Brief(ShownAsMarkdown):
    """The one-page brief on a theater: its sections in order."""

    theater: str
    sections: tuple[Section, ...]

    def markdown(self) -> str:
        """The brief as written, every number followed by its row id (what lesson 05's checker reads)."""
        head = (f"**Theater brief: {self.theater}.** From the Wikipedia article \"War against the Islamic "
                "State\"; each number carries the id of the table row it comes from (the notes give each row's "
                "article line and quote).")
        return "\n\n".join([head] + [section.markdown() for section in self.sections])

    def rendered(self) -> str:
        """The brief for reading: each id becomes a note number, the notes list the rows' lines and quotes."""
        text, notes = tracing.footnoted(self.markdown(), facts())
        text = re.sub(r"\{\{(\d+)\}\}", r"<sup>\1</sup>", text)
        return text + ("\n\n**Notes**\n\n" + "\n".join(notes) if notes else "")

    def _repr_markdown_(self) -> str:
        return self.rendered()

    def lines(self) -> list[int]:
        """Every seed line the brief cites."""
        return cited_lines(self.markdown())


# --- who was involved ----------------------------------------------------------------------------

def involved(involvement: pd.DataFrame, theater: str) -> pd.DataFrame:
    """The countries the involvement table marks as involved in the theater (a blank cell), by name."""
    require("theater", theater, THEATERS)
    rows = involvement[(involvement["theater"] == theater) & involvement["involved"]]
    return rows.sort_values("country").reset_index(drop=True)


def actions(tables: Tables, theater: str) -> pd.DataFrame:
    """What the text reports countries doing in the theater alone: events, strike counts, deployments."""
    require("theater", theater, THEATERS)
    parts = [(name, frame[frame["theater"] == theater]) for name, frame in
             (("events", tables.events), ("strike_counts", tables.counts), ("deployments", tables.deployments))]
    rows = pd.concat([frame[["actor", "line", "quote"]].assign(table=name) for name, frame in parts],
                     ignore_index=True)
    return rows.sort_values(["actor", "line", "table"]).reset_index(drop=True)


def unmarked(tables: Tables, theater: str) -> pd.DataFrame:
    """Reported actions of countries that the involvement table marks as *not* involved in the theater."""
    table = tables.involvement[tables.involvement["theater"] == theater]
    absent = set(table.loc[~table["involved"], "country"])
    done = actions(tables, theater)
    return done[done["actor"].isin(absent)].reset_index(drop=True)


def who(tables: Tables, theater: str) -> Section:
    """Section: the involved countries, and any country the text shows acting that the table leaves out."""
    here = involved(tables.involvement, theater)
    text = [cite(f"The article's involvement table marks {len(here)} [# involvement theater={theater} involved=true] "
                 f"countries as involved in {theater}", tables.involvement["line"])
            + "; it does not say when, or with what."]
    for country, rows in unmarked(tables, theater).groupby("actor", sort=True):
        row = tables.involvement[(tables.involvement["country"] == country)
                                 & (tables.involvement["theater"] == theater)]
        text.append(cite(f"The table marks {country} as not involved in {theater}", row["line"])
                    + ", " + cite("yet the text reports what it did there", rows["line"]) + ".")
    actors = sorted(set(actions(tables, theater)["actor"]) - set(tables.involvement["country"]))
    if actors:
        text.append(f"The text also reports actors that the involvement table does not list: {'; '.join(actors)}.")
    return Section("Who was involved", tuple(text))


# --- coalitions ----------------------------------------------------------------------------------

def reach(members: pd.DataFrame, coalitions: pd.DataFrame, countries) -> pd.DataFrame:
    """For every coalition list with one of ``countries``: how many of them are in it (``of_these``), how
    many members it has, and the lines of its member rows; most of ``countries`` first."""
    rows = co.member_rows(members)
    inside = rows[rows["country"].isin(set(countries))]
    table = coalitions[["coalition_id", "date", "date_precision"]].copy()
    table["members"] = table["coalition_id"].map(rows.groupby("coalition_id").size()).fillna(0).astype("int64")
    table["of_these"] = table["coalition_id"].map(inside.groupby("coalition_id").size()).fillna(0).astype("int64")
    table["lines"] = table["coalition_id"].map(rows.groupby("coalition_id")["line"].agg(
        lambda s: tuple(sorted(set(int(x) for x in s)))))
    table = table[table["of_these"] > 0].assign(name=lambda t: t["coalition_id"].map(co.label))
    return table.sort_values(["of_these", "date"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def largest_list(coalitions: pd.DataFrame, members: pd.DataFrame) -> str:
    """The id of the coalition with the longest member list."""
    counts = co.count_check(coalitions, members)
    return str(counts.sort_values(["listed", "date"], ascending=[False, True]).iloc[0]["coalition_id"])


def outside(members: pd.DataFrame, countries, coalition_id: str) -> set[str]:
    """The ``countries`` that are not members of one coalition."""
    return set(countries) - co.members_of(members, coalition_id)


def in_no_list(members: pd.DataFrame, countries) -> set[str]:
    """The ``countries`` that are members of no coalition at all."""
    return set(countries) - set(co.member_rows(members)["country"])


def alliances(tables: Tables, theater: str) -> Section:
    """Section: how far the theater's countries were in the coalition lists, and who was in none."""
    here = involved(tables.involvement, theater)
    countries = set(here["country"])
    table = reach(tables.members, tables.coalitions, countries)
    lines_of = dict(zip(here["country"], here["line"]))
    lists = [cite(f"the {row.name} list of {dates.at_precision(row.date, row.date_precision)}, "
                  f"{row.members} [# coalition_members coalition_id={row.coalition_id} basis={'|'.join(co.MEMBER)}] "
                  "members in all", row.lines) for row in table.head(3).itertuples()]
    text = [f"The lists that hold the most of the countries involved in {theater}, most of them first (each with "
            "its size, which is not the order): " + "; ".join(lists) + "."]
    biggest = largest_list(tables.coalitions, tables.members)
    out = sorted(outside(tables.members, countries, biggest))
    none = sorted(in_no_list(tables.members, countries))
    if out:
        text.append(cite(f"Outside the {co.label(biggest)} list, the longest one: {joined(out)}",
                         [lines_of[c] for c in out]) + ".")
    if none:
        text.append(cite(f"In no coalition list at all: {joined(none)}", [lines_of[c] for c in none]) + ".")
    else:
        text.append(f"Every country involved in {theater} is in at least one coalition list.")
    return Section("Which coalitions they belonged to", tuple(text))


# --- the air campaign ----------------------------------------------------------------------------

def same_kind(counts: pd.DataFrame, theater: str) -> pd.DataFrame:
    """One headline number per actor and metric, running totals and counts for a period only,
    grouped by metric and count type (only numbers in one group can be set side by side)."""
    heads = campaigns.headlines(in_theater(counts, theater))
    heads = heads[heads["count_type"].isin(campaigns.TOTALS)].copy()
    heads["combined"] = heads["theater"] == COMBINED
    order = {m: i for i, m in enumerate(schema.STRIKE_METRICS)}
    heads["_m"] = heads["metric"].astype("string").map(order)
    heads = heads.sort_values(["_m", "count_type", "value"], ascending=[True, False, False], kind="mergesort")
    return heads.drop(columns="_m").reset_index(drop=True)


def scope(row) -> str:
    """", Iraq and Syria together" for a row the article gives for both countries, else ""."""
    return f", {COMBINED} together" if str(row["theater"]) == COMBINED else ""


def hedge(row) -> str:
    """How an event is known, when the article hedges it: ", as one war correspondent suggested" ("" when reported)."""
    certainty = str(row["certainty"])
    if certainty == "reported":
        return ""
    source = row["attributed_to"] if isinstance(row["attributed_to"], str) and row["attributed_to"] else "a source"
    verb = {"suggested": "suggested", "claimed": "claimed", "unconfirmed": "reported, unconfirmed"}[certainty]
    return f", as {source} {verb}" if certainty != "unconfirmed" else f" ({source} {verb})"


def dated(event) -> str:
    """An event in a sentence: its actor with the event's id, its date, the article's hedge, its scope."""
    return (f"{event['actor']} [{event['event_id']}], {dates.on(event['date'], event['date_precision'])}"
            f"{hedge(event)}{scope(event)}")


def air(tables: Tables, theater: str) -> Section:
    """Section: campaign starts and ends, then the headline numbers grouped by metric and count type."""
    chosen = in_theater(tables.events, theater)
    starts = campaigns.first_dates(chosen, "campaign_start")
    ends = campaigns.first_dates(chosen, "campaign_end")
    first, last = starts.iloc[0], starts.iloc[-1]
    if len(starts) == 1:
        text = [cite(f"The article dates a campaign start in {theater} for one actor only: {dated(first)}",
                     [first.line]) + "."]
    else:
        text = [cite(f"The article dates a campaign start in {theater} for {count(starts['event_id'])} actors",
                     starts["line"])
                + "; " + cite(f"first: {dated(first)}", [first.line])
                + "; " + cite(f"last: {dated(last)}", [last.line]) + "."]
    if len(ends):
        end = ends.iloc[-1]
        text.append(cite(f"It dates {count(ends['event_id'])} campaign end{'s' if len(ends) > 1 else ''}",
                         ends["line"])
                    + "; " + cite(f"last: {dated(end)}", [end.line]) + ".")
    else:
        text.append(f"It dates no end of any campaign in {theater}.")
    heads = same_kind(tables.counts, theater)
    own = heads[~heads["combined"] & (heads["metric"] == "airstrikes")]
    if own.empty:
        text.append(f"No running total or count for a period of airstrikes covers {theater} alone"
                    + (f"; the ones below are for {COMBINED} together." if heads["combined"].any() else "."))
    for (metric, count_type), group in heads.groupby(["metric", "count_type"], observed=True, sort=False):
        items = "; ".join(cite(f"{row.actor}: {tagged(row.record_id)} {metric}"
                               + TARGET_WORDS.get(str(row.target), f" against {row.target}")
                               + f" {campaigns.during(row._asdict())}"
                               + (f", {COMBINED} combined" if row.combined else ""), [row.line])
                          for row in group.head(3).itertuples())
        text.append(f"- {metric.capitalize()}, {campaigns.COUNT_PLURALS[count_type]}: {items}.")
    return Section("The air campaign in numbers of the same kind", tuple(text))


# --- casualty claims -----------------------------------------------------------------------------

def theater_lines(tables: Tables, theater: str) -> set[int]:
    """The article's lines about a theater: its section, the passages that name it, and the passages that
    hold a row of the tables for it (combined rows for Iraq and Syria included)."""
    passages = tables.passages
    named = passages["text"].str.contains(rf"\b{theater}\b", regex=True)
    lines = set(passages.loc[(passages["section"] == theater) | named, "line"].astype(int))
    for frame in (tables.events, tables.counts, tables.deployments):
        lines |= set(in_theater(frame, theater)["line"].astype(int))
    return lines | set(claims_in(tables.claims, theater)["line"].astype(int))


def issues_for(tables: Tables, theater: str) -> pd.DataFrame:
    """The inconsistencies with a line about the theater (see ``theater_lines``): those that do not hold up
    (``HOLD_UP`` kinds) first, then the others; ``holds_up`` says which."""
    lines = theater_lines(tables, theater)
    listed = tables.issues["lines"].map(lambda text: {int(line) for line in text.split(";")})
    rows = tables.issues[listed.map(lambda named: bool(named & lines))].copy()
    rows["holds_up"] = ~rows["kind"].isin(HOLD_UP)
    return rows.sort_values(["holds_up", "kind", "issue_id"]).reset_index(drop=True)


def disputes(claim, issues: pd.DataFrame) -> list[str]:
    """The inconsistencies (``FLAGGING`` kinds) that concern one claim: they name its line, speak of deaths
    and state its number (its low or its high, in digits or words)."""
    found = []
    for issue in issues[issues["kind"].isin(FLAGGING)].itertuples():
        lines = {int(line) for line in issue.lines.split(";")}
        values = [v for v in (claim["low"], claim["high"]) if not pd.isna(v)]
        if (int(claim["line"]) in lines and _DEATHS.search(issue.description)
                and any(numbers.mentions(issue.description, int(v)) for v in values)):
            found.append(issue.issue_id)
    return sorted(found)


def trust(claims: pd.DataFrame, issues: pd.DataFrame) -> pd.DataFrame:
    """The claims with what bears on trusting them: ``source`` (official, monitor, media, no source named, ...),
    ``bounds`` and ``reading`` (see ``casualties.readings``), ``precision`` (see ``precision``: "about 500" is
    not exact), and ``flagged_by``: the inconsistencies that dispute the claim (see ``disputes``), with
    ``flagged`` true when there is one."""
    out = casualties.readings(claims)
    out["precision"] = precision(out)
    out["source"] = out["claimant_type"].astype("string").map(_SOURCE).where(out["claimant"] != UNATTRIBUTED,
                                                                              "no source named")
    out["source"] = pd.Categorical(out["source"], categories=SOURCES)
    out["flagged_by"] = ["; ".join(disputes(row, issues)) for _, row in out.iterrows()]
    out["flagged"] = out["flagged_by"] != ""
    return out


def same_scope(claims: pd.DataFrame) -> list[pd.DataFrame]:
    """Groups of claims with the same victims, place and months (see ``casualties.scope``), in line order."""
    keyed = pd.concat([claims, casualties.scope(claims)[["first_month", "last_month"]]], axis=1)
    keys = ["victim_category", "place", "first_month", "last_month"]
    groups = [group for _, group in keyed.groupby(keys, observed=True, sort=False) if len(group) > 1]
    return sorted(groups, key=lambda group: (int(group["line"].min()), str(group["claim_id"].iloc[0])))


def victims(row, killed: bool = False) -> str:
    """Who died: in the singular for a claim of exactly one death ("coalition soldier"), else in the plural
    ("civilians")."""
    one = all(not pd.isna(row[bound]) and row[bound] == 1 for bound in ("low", "high"))
    return (ONE_VICTIM if one else VICTIMS)[str(row["victim_category"])] + (" killed" if killed else "")


def claim_text(row, killed: bool = False) -> str:
    claimant = "no source named" if row["claimant"] == UNATTRIBUTED else row["claimant"]
    return f"{casualties.describe_bounds(row['low'], row['high'], row['vague'])} {victims(row, killed)} ({claimant})"


def claim_tagged(row, killed: bool = False) -> str:
    """A claim in a sentence: its number with its id, its victims, and who says so (with the article's hedge)."""
    hedged = str(row.get("certainty", "reported")) in ("claimed", "suggested", "unconfirmed")
    who = (f"according to {row['claimant']}" if row["claimant"] != UNATTRIBUTED
           else "no source named" + (f", {row['certainty']}" if hedged else ""))
    return f"{tagged(row['claim_id'])} {victims(row, killed)}, {who}"


def largest(claims: pd.DataFrame) -> pd.Series:
    """The claim with the largest lower bound (an exact number is its own lower bound); the largest upper
    bound only when no claim has a lower one. On a tie, the first in the article."""
    by = "low" if claims["low"].notna().any() else "high"
    return claims.sort_values([by, "line"], ascending=[False, True], na_position="last").iloc[0]


PRECISION = {"exact": "an exact number", "range": "a range", "loose": "only a bound or a vague word"}


def precision(claims: pd.DataFrame) -> pd.Series:
    """Each claim's precision for the brief (``PRECISION``): every claim is in exactly one of them."""
    exact = (claims["low"] == claims["high"]).fillna(False) & ~claims["vague"].astype(bool)
    ranged = (claims["low"] < claims["high"]).fillna(False) & ~claims["vague"].astype(bool)
    kinds = pd.Series("loose", index=claims.index).mask(exact, "exact").mask(ranged, "range")
    return pd.Categorical(kinds, categories=list(PRECISION))


def deaths(tables: Tables, theater: str) -> Section:
    """Section: how many claims, from which sources, how precise, how many doubtful; the largest; same scopes."""
    here = trust(claims_in(tables.claims, theater), issues_for(tables, theater))
    both = here[here["theater"] == COMBINED]
    places = "|".join(place.replace(" ", "_") for place in covered(theater))
    text = [cite(f"The article reports {len(here)} [# casualty_claims theater={places}] death claims for {theater}",
                 here["line"])
            + (", " + cite(f"{len(both)} [# casualty_claims theater={COMBINED.replace(' ', '_')}] of them for "
                           f"{COMBINED} together", both["line"]) if len(both) else "")
            + "."]
    parts = [cite(f"{count(group['claim_id'])} {'claims' if len(group) > 1 else 'claim'} {FROM_SOURCE[source]}",
                  group["line"]) for source, group in here.groupby("source", observed=True, sort=True)]
    text.append("By source: " + "; ".join(parts) + ".")
    kinds = precision(here)
    parts = [cite(f"{count(group['claim_id'])} {'claims give' if len(group) > 1 else 'claim gives'} {PRECISION[kind]}",
                  group["line"]) for kind, group in here.groupby(kinds, sort=False)]
    flagged = here[here["flagged"]]
    if len(flagged):
        parts.append(cite(f"{count(flagged['claim_id'])} {'claims are' if len(flagged) > 1 else 'claim is'} disputed "
                          "by an inconsistency of the article", flagged["line"]))
    text.append("By precision: " + "; ".join(parts) + ".")
    top = largest(here)
    text.append(cite(f"The largest claim: {claim_tagged(top, killed=True)}, "
                     f"{dates.period(top['period_start'], top['period_end'], str(top['date_precision']))}"
                     f", {top['place']}", [top["line"]]) + ".")
    for group in same_scope(here):
        first = group.iloc[0]
        period = dates.period(first["period_start"], first["period_end"], str(first["date_precision"]))
        if len(group[["claimant", "low", "high"]].drop_duplicates()) == 1:
            again = " ".join(f"[{claim_id}]" for claim_id in group["claim_id"].iloc[1:])
            text.append("- Told twice, so count this claim once: "
                        + cite(f"{claim_tagged(first)}, {first['place']}, {period} {again}", group["line"]) + ".")
            continue
        text.append("- Same victims, place and months, so read their quotes side by side: "
                    + cite(", against ".join(claim_tagged(row) for _, row in group.iterrows())
                           + f", {first['place']}, {period}", group["line"]) + ".")
    return Section("What the casualty claims say, and how far to trust them", tuple(text))


# --- what does not hold up -----------------------------------------------------------------------

def problems(tables: Tables, theater: str) -> Section:
    """Section: the theater's inconsistencies of the ``HOLD_UP`` kinds, and the places where the involvement
    table contradicts the text (``unmarked``) that the inconsistencies table does not record yet."""
    issues = issues_for(tables, theater)
    wrong = issues[~issues["holds_up"]]
    text = [f"- {in_words(row.kind).capitalize()}: "
            f"{cite(tag_numbers(row.description, row.issue_id), row.lines.split(';'))}" for row in wrong.itertuples()]
    recorded = {int(line) for lines in wrong["lines"] for line in lines.split(";")}
    table = tables.involvement[tables.involvement["theater"] == theater].set_index("country")["line"]
    for country, rows in unmarked(tables, theater).groupby("actor", sort=True):
        if int(table[country]) not in recorded:  # not yet in the inconsistencies table
            text.append(f"- Table against text: {country} is marked as not involved in {theater}, but the text "
                        + cite("reports its actions there", rows["line"]) + ".")
    if not text:
        text.append(f"No statement about {theater} is recorded as contradicting another or arithmetic.")
    if issues["holds_up"].any():
        kinds = ", ".join(in_words(kind) for kind in schema.INCONSISTENCY_KINDS
                          if (issues.loc[issues["holds_up"], "kind"] == kind).any())
        text.append(f"The other issues recorded for {theater} ({kinds}) make the text harder to count from, "
                    "but do not contradict it.")
    return Section("What does not hold up", tuple(text))


# --- assembling the brief ------------------------------------------------------------------------

SECTIONS = (who, alliances, air, deaths, problems)


def build(tables: Tables, theater: str) -> Brief:
    """The brief on ``theater``: its five sections, each built from the tables."""
    require("theater", theater, THEATERS)
    return Brief(theater, tuple(section(tables, theater) for section in SECTIONS))
