"""The data contract: every table, its columns, types, categories and keys.

This module is the single source of truth for the tables: the build validates
records against it, ``data/datapackage.json`` is generated from it, and
``warcourse.data`` types the columns with it. The codebook (``data/README.md``)
explains each category in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

THEATERS = (
    "Iraq", "Syria", "Iraq and Syria", "Libya", "Afghanistan", "Nigeria",
    "Yemen", "Somalia", "Philippines", "Lebanon", "Turkey", "Tunisia", "Global",
)
INVOLVEMENT_THEATERS = ("Iraq", "Syria", "Libya", "Nigeria", "Afghanistan")
PASSAGE_KINDS = ("heading", "paragraph", "list_item", "table_row")
PRECISIONS = ("day", "month", "year")
MEMBER_BASES = ("named", "by_reference", "excluded")
COALITION_KINDS = ("coalition", "meeting", "operation")
CERTAINTIES = ("reported", "claimed", "suggested", "unconfirmed")
STRIKE_TARGETS = ("ISIL", "al-Qaeda", "Taliban", "several", "unknown")
ACTORS = (  # actors that are not countries; a country actor is any canonical name of countries.yaml
    "Coalition", "ISIL", "Hezbollah", "Kurdish forces", "Afghan forces", "Libyan GNA forces",
    "United Nations", "United Nations Security Council", "New York Times",
)
EVENT_TYPES = (
    "coalition", "campaign_start", "campaign_end", "airstrike", "ground_operation",
    "deployment", "withdrawal", "isil_attack", "leader_killed", "announcement",
    "authorization", "territorial", "surveillance", "training", "aid",
)
STRIKE_METRICS = ("airstrikes", "sorties", "missions", "targets", "munitions", "operations")
STRIKE_COUNT_TYPES = ("single_event", "period", "cumulative")
DEPLOYMENT_COUNT_TYPES = ("stock", "increment", "cap", "planned")
CLAIMANT_TYPES = ("government", "military", "ngo", "media", "intergovernmental", "armed_group",
                  "unattributed")
VICTIM_CATEGORIES = (
    "isil_fighters", "civilians", "coalition_personnel", "local_forces", "other_militants", "unspecified",
)
INCONSISTENCY_KINDS = ("count_mismatch", "duplicate", "unit", "typo", "implausible", "terminology",
                       "claimant_gap")
LESSONS = ("01", "02", "03", "04", "05")

DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
ISO3_PATTERN = r"^[A-Z]{3}$"


@dataclass(frozen=True)
class Column:
    """One column: its name, Frictionless type, a description and constraints."""

    name: str
    type: str  # string | integer | number | boolean | date (an ISO string of varying precision)
    description: str
    enum: tuple[str, ...] | None = None
    required: bool = False
    pattern: str | None = None
    blank_is_value: bool = False  # an empty cell means "" (text), not "missing"
    default: object = None  # the value a record that leaves the field out gets


@dataclass(frozen=True)
class Table:
    """One table of the data contract."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = field(default=())  # (column, table, column)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _date(name: str, what: str) -> Column:
    return Column(name, "date", f"{what} (ISO 8601; its precision is in the precision column)",
                  pattern=DATE_PATTERN)


def _precision(name: str = "date_precision") -> Column:
    return Column(name, "string", "how precise the dates of this row are", enum=PRECISIONS)


_LINE = Column("line", "integer", "1-based line of the seed where the passage stating this fact starts",
               required=True)
_LINE_KEY = ("line", "passages", "line")  # every coded row's line is a passage of the seed
INFERABLE = ("actor", "date", "period_start", "period_end", "theater", "place", "target")  # data/README.md's table
_QUOTE = Column("quote", "string", "verbatim words of that passage that state the fact", required=True)
_INFERRED = Column("inferred", "string",
                   "the columns of this row whose value is not stated in its passage but inferred "
                   "(from another passage, a section's context or arithmetic), separated by ';'; "
                   "empty when every value is read from the passage",
                   pattern=r"^[a-z_]+(;[a-z_]+)*$")
_CERTAINTY = Column("certainty", "string", "how the article presents the fact: reported as fact, claimed "
                    "by a party, suggested by someone, or reported but unconfirmed", enum=CERTAINTIES,
                    required=True, default="reported")
_ATTRIBUTED_TO = Column("attributed_to", "string",
                        "who the article says reported, claimed or suggested it; empty when it names no one")


def _bounds(what: str) -> tuple[Column, ...]:
    return (
        Column("low", "integer", f"lower bound of {what}, empty if the quote gives none "
               "('nearly 44,000', 'up to 20')"),
        Column("high", "integer", f"upper bound of {what}, empty if the quote gives none "
               "('over 16,000', 'more than 1,000')"),
        Column("vague", "boolean", "true for 'about', 'around', 'nearly', 'up to' and vague words",
               required=True),
    )


_COUNTRY = Column("country", "string", "canonical country name (see the countries table)", required=True)
_ISO3 = Column("iso3", "string", "ISO 3166-1 alpha-3 code (XKX for Kosovo, see the codebook)",
               required=True, pattern=ISO3_PATTERN)

TABLES: dict[str, Table] = {t.name: t for t in (
    Table(
        "passages", "One heading, paragraph, list item or table row of the article.",
        (
            Column("line", "integer", "1-based line of the seed", required=True),
            Column("section", "string", "the level-2 heading the passage sits under"),
            Column("subsection", "string", "the nearest deeper heading, empty if none"),
            Column("kind", "string", "what the line is", enum=PASSAGE_KINDS, required=True),
            Column("text", "string", "the line with wiki markup resolved and [object Object] dropped"),
        ),
        ("line",),
    ),
    Table(
        "countries", "A country named anywhere in the tables.",
        (
            _COUNTRY,
            _ISO3,
            Column("article_names", "string", "every spelling the article uses, separated by '; '",
                   required=True),
        ),
        ("country",),
    ),
    Table(
        "coalitions", "A coalition, a meeting or conference of states, or a joint operation against ISIL.",
        (
            Column("coalition_id", "string", "short identifier", required=True),
            Column("name", "string", "a descriptive name", required=True),
            Column("kind", "string", "a standing coalition, a meeting or conference, or a joint operation",
                   enum=COALITION_KINDS, required=True),
            Column("led_by", "string", "the leading or hosting country, empty if none"),
            _date("date", "when it was formed or met"),
            _precision(),
            Column("place", "string", "where it was formed or met"),
            Column("stated_members", "integer",
                   "the number of members the article states, empty if it states none"),
            _LINE,
            _QUOTE,
        ),
        ("coalition_id",),
        (_LINE_KEY,),
    ),
    Table(
        "coalition_members", "A country in a coalition, and how the article names it.",
        (
            Column("coalition_id", "string", "the coalition", required=True),
            _COUNTRY,
            _ISO3,
            Column("basis", "string", "named in a list, included by reference to another coalition, "
                   "or explicitly excluded", enum=MEMBER_BASES, required=True),
            _LINE,
            _QUOTE,
        ),
        ("coalition_id", "country"),
        (("coalition_id", "coalitions", "coalition_id"), ("country", "countries", "country"), _LINE_KEY),
    ),
    Table(
        "involvement", "A country x theater cell of the article's involvement table.",
        (
            _COUNTRY,
            _ISO3,
            Column("theater", "string", "the theater of the column", enum=INVOLVEMENT_THEATERS,
                   required=True),
            Column("involved", "boolean", "true for a blank cell (its icon was lost), false for '—'",
                   required=True),
            Column("raw_cell", "string", "the cell as the snapshot has it, spaces trimmed "
                   "(empty text for a blank cell)", blank_is_value=True),
            Column("line", "integer", "1-based line of the seed holding the country's table row",
                   required=True),
            Column("quote", "string", "that table row as the passages table has it", required=True),
        ),
        ("country", "theater"),
        (("country", "countries", "country"), _LINE_KEY),
    ),
    Table(
        "events", "Something that happened on a date.",
        (
            Column("event_id", "string", "short identifier", required=True),
            _date("date", "when it happened"),
            _precision(),
            Column("actor", "string", "who acted (canonical country name or an organisation)",
                   required=True),
            Column("theater", "string", "where", enum=THEATERS, required=True),
            Column("event_type", "string", "what kind of event", enum=EVENT_TYPES, required=True),
            Column("summary", "string", "one plain sentence", required=True),
            _CERTAINTY,
            _ATTRIBUTED_TO,
            _INFERRED,
            _LINE,
            _QUOTE,
        ),
        ("event_id",),
        (_LINE_KEY,),
    ),
    Table(
        "strike_counts", "A reported number of airstrikes, sorties, missions, targets, munitions "
        "or operations.",
        (
            Column("record_id", "string", "short identifier", required=True),
            Column("actor", "string", "who struck", required=True),
            Column("theater", "string", "where", enum=THEATERS, required=True),
            Column("metric", "string", "what is counted", enum=STRIKE_METRICS, required=True),
            Column("value", "integer", "the number the quote states", required=True),
            *_bounds("the count"),
            Column("target", "string", "against whom the strikes were directed", enum=STRIKE_TARGETS,
                   required=True),
            Column("count_type", "string", "one event, a stated period, or a running total",
                   enum=STRIKE_COUNT_TYPES, required=True),
            _date("period_start", "first day counted"),
            _date("period_end", "last day counted"),
            _precision(),
            Column("reported_by", "string", "who reported the number, as the article says"),
            _INFERRED,
            _LINE,
            _QUOTE,
        ),
        ("record_id",),
        (_LINE_KEY,),
    ),
    Table(
        "deployments", "A reported number of personnel, aircraft or ships.",
        (
            Column("record_id", "string", "short identifier", required=True),
            Column("actor", "string", "who deployed", required=True),
            Column("theater", "string", "where", enum=THEATERS, required=True),
            Column("asset", "string", "personnel, or an aircraft or ship type", required=True),
            Column("value", "integer", "the number the quote states", required=True),
            *_bounds("the number"),
            Column("target", "string", "against whom the forces were sent (ISIL unless the passage names "
                   "another enemy)", enum=STRIKE_TARGETS, required=True, default="ISIL"),
            Column("count_type", "string", "total present, more sent, an authorised maximum, or a plan, "
                   "offer or announcement of forces still to be sent (never a deployment that happened)",
                   enum=DEPLOYMENT_COUNT_TYPES, required=True),
            _CERTAINTY,
            _ATTRIBUTED_TO,
            _date("date", "when"),
            _precision(),
            _INFERRED,
            _LINE,
            _QUOTE,
        ),
        ("record_id",),
        (_LINE_KEY,),
    ),
    Table(
        "casualty_claims", "One claim of deaths by one claimant.",
        (
            Column("claim_id", "string", "short identifier", required=True),
            Column("claimant", "string", "who makes the claim", required=True),
            Column("claimant_type", "string", "what kind of claimant", enum=CLAIMANT_TYPES,
                   required=True),
            Column("victim_category", "string", "who died", enum=VICTIM_CATEGORIES, required=True),
            Column("low", "integer", "lower bound of the claim, empty if none is stated"),
            Column("high", "integer", "upper bound of the claim, empty if none is stated"),
            Column("vague", "boolean", "true for words like 'dozens', 'about', 'as many as'",
                   required=True),
            _date("period_start", "first day the claim covers"),
            _date("period_end", "last day the claim covers"),
            _precision(),
            Column("place", "string", "where the deaths occurred"),
            Column("attributed_to", "string", "who the deaths are attributed to, with the article's hedge "
                   "kept ('ISIL (suspected)')"),
            _CERTAINTY,
            Column("named", "integer", "victims the quote counts by name or with 'a'/'an' rather than with a "
                   "number, included in low and high ('X was killed along with 120 others' is 121, named 1); "
                   "empty when none"),
            Column("part_of", "string", "the claim_id of a claim that counts these deaths too (a part of it, or "
                   "the same deaths told again): never add the two"),
            Column("sum_of", "string", "the claim_ids this claim is the stated sum of, separated by ';': never "
                   "add it to them", pattern=r"^[a-z0-9_]+(;[a-z0-9_]+)*$"),
            _INFERRED,
            _LINE,
            _QUOTE,
        ),
        ("claim_id",),
        (_LINE_KEY, ("part_of", "casualty_claims", "claim_id")),
    ),
    Table(
        "strength_estimates", "An estimate of how many fighters a group had at a date (not deaths).",
        (
            Column("record_id", "string", "short identifier", required=True),
            Column("force", "string", "the group estimated (ISIL, ISIL-KP, ISS, al-Shabaab)",
                   required=True),
            Column("theater", "string", "where", enum=THEATERS, required=True),
            Column("place", "string", "the area the estimate covers"),
            Column("low", "integer", "lower bound, empty if none is stated"),
            Column("high", "integer", "upper bound, empty if none is stated"),
            Column("vague", "boolean", "true for 'about', 'around', 'less than'", required=True),
            _date("date", "when the estimate applies"),
            _precision(),
            Column("estimated_by", "string", "who made the estimate, as the article says"),
            _INFERRED,
            _LINE,
            _QUOTE,
        ),
        ("record_id",),
        (_LINE_KEY,),
    ),
    Table(
        "inconsistencies", "A place where the article disagrees with itself or with arithmetic.",
        (
            Column("issue_id", "string", "short identifier", required=True),
            Column("kind", "string", "what kind of problem", enum=INCONSISTENCY_KINDS, required=True),
            Column("lines", "string", "the seed lines involved, separated by ';'", required=True,
                   pattern=r"^[0-9]+(;[0-9]+)*$"),
            Column("description", "string", "what a student can check", required=True),
            Column("records", "string", "the coded rows it concerns as table:id, separated by ';' "
                   "(empty when it names none); rows named by a duplicate tell one fact twice and are "
                   "never added together", pattern=r"^[a-z_]+:[a-z0-9_]+(;[a-z_]+:[a-z0-9_]+)*$"),
            Column("lesson", "string", "the lesson that teaches it", enum=LESSONS, required=True),
        ),
        ("issue_id",),
    ),
)}

CODED_TABLES = ("coalitions", "events", "strike_counts", "deployments", "casualty_claims",
                "strength_estimates", "inconsistencies")
