"""Hand-written codings (``data/annotations/*.yaml``) read with their line numbers.

Each record remembers the YAML line it starts on, so every later error can name
``file:line`` and the record's id. Quotes are located in the seed here: a quote
must occur in exactly one passage, and that passage's line becomes the record's
``line``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .article import Article
from .errors import CourseError
from .paths import ANNOTATIONS, shown


@dataclass(frozen=True)
class Record:
    """One YAML mapping with the place it came from."""

    fields: dict
    file: str
    yaml_line: int

    @property
    def label(self) -> str:
        """``file:line (id)`` for messages."""
        ident = next((self.fields[k] for k in self.fields if k.endswith("_id")), None)
        return f"{self.file}:{self.yaml_line}" + (f" ({ident})" if ident else "")

    def fail(self, message: str) -> CourseError:
        return CourseError(f"{self.label}: {message}")


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records the line of every mapping under the key ``__line__``."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def read_yaml(path: Path):
    """Parse one annotation file; bad YAML is reported with its file and line."""
    where = shown(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CourseError(f"{where}: annotation file is missing") from None
    except UnicodeDecodeError:
        raise CourseError(f"{where}: not valid UTF-8") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise CourseError(f"{where}{line}: not valid YAML ({getattr(exc, 'problem', None) or exc})") \
            from None


def strip_lines(value):
    """A copy of parsed YAML without the ``__line__`` bookkeeping."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def records(name: str, root: Path = ANNOTATIONS) -> list[Record]:
    """The records of ``<name>.yaml``: a YAML list of mappings."""
    path = root / f"{name}.yaml"
    data = read_yaml(path)
    where = shown(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise CourseError(f"{where}: expected a list of records (lines starting with '- ')")
    out = []
    for index, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise CourseError(f"{where}: item {index} is {type(item).__name__}; expected a mapping")
        out.append(Record(item, where, item.get("__line__", 0)))
    return out


def check_fields(record: Record, allowed: set[str], required: set[str]) -> None:
    """Reject unknown and missing fields, naming them and what was expected."""
    present = {k for k in record.fields if k != "__line__"}
    unknown = sorted(present - allowed)
    if unknown:
        raise record.fail(f"unknown field {unknown[0]!r}; expected only {', '.join(sorted(allowed))}")
    missing = sorted(f for f in required if record.fields.get(f) in (None, ""))
    if missing:
        raise record.fail(f"missing {missing[0]!r}")


class QuoteIndex:
    """Finds the one passage of the article that contains a quote."""

    def __init__(self, article: Article):
        self.passages = article.passages
        self.where = str(article.path)

    def locate(self, quote, record: Record) -> int:
        """The seed line of the only passage containing ``quote``; otherwise a clear error."""
        if not isinstance(quote, str) or not quote.strip():
            raise record.fail("missing 'quote': every record needs the article's words for its fact")
        hits = [p.line for p in self.passages if quote in p.text]
        if not hits:
            raise record.fail(f"quote not found verbatim in {self.where}: {quote!r}")
        if len(hits) > 1:
            raise record.fail(f"quote found on lines {', '.join(map(str, hits))} of {self.where}; "
                              f"lengthen it until it is unique: {quote!r}")
        return hits[0]
