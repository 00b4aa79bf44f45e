"""Hand-written codings (``data/annotations/*.yaml``) read strictly, with their line numbers.

Each record remembers the YAML line it starts on and the line of each of its keys,
so every later error can name ``file:line`` (the line of the field at fault, else the
record's first line) and the record's id. Quotes are located in the seed here: a quote
must occur in exactly one passage, and that passage's line becomes the record's
``line``.

The YAML is read with a safe loader that refuses, naming file and line:

- a file larger than ``MAX_BYTES`` (1 MB; the largest annotation file is ~75 kB),
  or nested deeper than ``MAX_DEPTH`` levels;
- anchors and aliases (``&name``, ``*name``, and so the ``<<`` merge key): write
  the value out each time (this also rules out "billion laughs" alias bombs);
- explicit tags (``!!int``, ``!!python/...``, ``!custom``): the build decides
  types from the data contract, not the file;
- a key written twice in one mapping (YAML would silently keep the last one);
- an empty file, or one with no records.

Unquoted dates stay text (``2015-02-30`` is then refused by the build as "not a
real date" instead of crashing the YAML parser).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.constructor import ConstructorError
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode

from .article import Article
from .errors import CourseError
from .files import utf8
from .paths import ANNOTATIONS, shown

MAX_BYTES = 1_000_000
MAX_DEPTH = 20
LINE_KEY = "__line__"
_IMPLICIT_TYPES_DROPPED = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge"}


class Mapping(dict):
    """A mapping read from YAML; ``lines`` gives the line each of its keys is on."""

    lines: dict[str, int]


@dataclass(frozen=True)
class Record:
    """One YAML mapping with the place it came from."""

    fields: dict
    file: str
    yaml_line: int

    def label(self, field: str | None = None) -> str:
        """``file:line (id)`` for messages: the line of ``field`` where it is known, else the record's."""
        ident = next((self.fields[k] for k in self.fields if k.endswith("_id")), None)
        line = getattr(self.fields, "lines", {}).get(field, self.yaml_line)
        return f"{self.file}:{line}" + (f" ({' '.join(str(ident).split())})" if ident else "")

    def fail(self, message: str, field: str | None = None) -> CourseError:
        """The error for ``message``, naming the line of ``field`` (the field at fault) when given."""
        return CourseError(f"{self.label(field)}: {message}")


class _StrictLoader(yaml.SafeLoader):
    """A safe loader without aliases, explicit tags, duplicate keys or timestamps.

    Every mapping gets the line it starts on under the key ``__line__``.
    """

    _depth = 0  # collections open around the node being composed

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _IMPLICIT_TYPES_DROPPED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise ConstructorError(None, None, "anchors and aliases (&, *) are not allowed; "
                                   "write the value out", event.start_mark)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and not (isinstance(event, ScalarEvent) and event.implicit[0]):
            shown_tag = tag.replace("tag:yaml.org,2002:", "!!")
            raise ConstructorError(None, None, f"the tag {shown_tag!r} is not allowed; write the plain "
                                   "value (the build knows each field's type)", event.start_mark)
        depth = self._depth
        if isinstance(event, CollectionStartEvent) and depth >= MAX_DEPTH:
            raise ConstructorError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                   event.start_mark)
        self._depth = depth + isinstance(event, CollectionStartEvent)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError) as exc:
            raise ConstructorError(None, None, f"cannot read {node.value!r:.60} ({exc})",
                                   node.start_mark) from None

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, MappingNode):
            raise ConstructorError(None, None, f"expected a mapping, found {node.id}", node.start_mark)
        mapping, first = Mapping(), {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str):
                raise ConstructorError(None, None, f"the key {key_node.value!r:.60} is not read as "
                                       f"text (YAML reads {type(key).__name__}); put it in quotes",
                                       key_node.start_mark)
            if key == LINE_KEY:
                raise ConstructorError(None, None, f"{LINE_KEY!r} is reserved", key_node.start_mark)
            if key in mapping:
                raise ConstructorError(None, None, f"duplicate key {key!r} (first on line "
                                       f"{first[key]}); each key may appear once",
                                       key_node.start_mark)
            first[key] = key_node.start_mark.line + 1
            mapping[key] = self.construct_object(value_node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        mapping.lines = first
        return mapping

    def construct_yaml_map(self, node):
        """SafeLoader's, keeping the lines of the keys (its own copies the mapping into a plain dict)."""
        data = Mapping()
        yield data
        value = self.construct_mapping(node)
        data.update(value)
        data.lines = value.lines


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_yaml_map)


def _read_text(path: Path, where: str) -> str:
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise CourseError(f"{where}: annotation file is missing") from None
    except OSError as exc:
        raise CourseError(f"{where}: cannot read the annotation file ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise CourseError(f"{where}: larger than {MAX_BYTES:,} bytes, the limit for an annotation "
                          "file; split it or remove what does not belong")
    return utf8(raw, where)


def read_yaml(path: Path):
    """Parse one annotation file strictly (see the module docstring); errors name file and line."""
    where = shown(path)
    text = _read_text(path, where)
    try:
        data = yaml.load(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = " ".join(str(exc.problem or exc.context or "").split())
        raise CourseError(f"{where}{line}: not valid YAML ({problem})") from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        problem = " ".join(str(exc).split())[:200]
        raise CourseError(f"{where}: not valid YAML ({problem})") from None
    if data is None or data == [] or (isinstance(data, dict) and set(data) == {LINE_KEY}):
        raise CourseError(f"{where}:1: the file is empty; expected its records (an emptied file "
                          "would silently empty its table)")
    return data


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
        raise record.fail(f"unknown field {unknown[0]!r}; expected only {', '.join(sorted(allowed))}", unknown[0])
    missing = sorted(f for f in required if record.fields.get(f) in (None, ""))
    if missing:
        raise record.fail(f"missing {missing[0]!r}", missing[0])


class QuoteIndex:
    """Finds the one passage of the article that contains a quote."""

    def __init__(self, article: Article):
        self.passages = article.passages
        self.where = str(article.path)

    def locate(self, quote, record: Record) -> int:
        """The seed line of the only passage containing ``quote``; otherwise a clear error."""
        if not isinstance(quote, str) or not quote.strip():
            raise record.fail("missing 'quote': every record needs the article's words for its fact", "quote")
        hits = [p.line for p in self.passages if quote in p.text]
        if not hits:
            raise record.fail(f"quote not found verbatim in {self.where}: {quote!r}", "quote")
        if len(hits) > 1:
            raise record.fail(f"quote found on lines {', '.join(map(str, hits))} of {self.where}; "
                              f"lengthen it until it is unique: {quote!r}", "quote")
        return hits[0]
