"""Country names: the article's spellings mapped to one canonical name and an ISO 3166-1 code."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from .annotations import LINE_KEY, read_yaml, strip_lines
from .errors import CourseError
from .paths import ANNOTATIONS, shown
from .validate import iso3_override


@dataclass
class Countries:
    """Resolves spellings to canonical names and codes, remembering every spelling it saw."""

    aliases: dict[str, str]
    overrides: dict[str, str]
    source: str = "countries.yaml"
    seen: dict[str, set[str]] = field(default_factory=dict)
    _codes: dict[str, str | None] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, root: Path = ANNOTATIONS) -> Countries:
        path = root / "countries.yaml"
        data = read_yaml(path)
        where = shown(path)
        if not isinstance(data, dict) or set(data) - {"aliases", "iso3", LINE_KEY}:
            raise CourseError(f"{where}: expected a mapping with 'aliases' and 'iso3'")
        aliases, iso3 = strip_lines(data.get("aliases") or {}), data.get("iso3") or {}
        if not isinstance(aliases, dict) or not all(isinstance(v, str) for v in aliases.values()):
            raise CourseError(f"{where}: 'aliases' must map each spelling to a canonical name")
        if not isinstance(iso3, dict):
            raise CourseError(f"{where}: 'iso3' must map canonical names to {{code, note}}")
        overrides = {}
        for name, entry in iso3.items():
            if name == LINE_KEY:
                continue
            at = f"{where}:{entry[LINE_KEY]}" if isinstance(entry, dict) else where
            if not isinstance(entry, dict) or set(entry) != {"code", "note", LINE_KEY}:
                raise CourseError(f"{at}: iso3 entry for {name!r} needs a 'code' and a 'note'")
            overrides[name] = iso3_override(name, entry["code"], entry["note"], at)
        return cls(aliases, overrides, where)

    def canonical(self, name: str) -> str:
        """The canonical name of an article spelling (the spelling itself if it has no alias)."""
        name = " ".join(str(name).split())
        return self.aliases.get(name, name)

    def code(self, canonical: str) -> str | None:
        """ISO 3166-1 alpha-3 of a canonical name, or None if it is not a country."""
        if canonical in self.overrides:
            return self.overrides[canonical]
        if canonical not in self._codes:
            try:
                self._codes[canonical] = pycountry.countries.lookup(canonical).alpha_3
            except LookupError:
                self._codes[canonical] = None
        return self._codes[canonical]

    def resolve(self, spelling: str, where: str) -> tuple[str, str]:
        """(canonical name, iso3) of a spelling that must be a country; remembers the spelling."""
        name = self.canonical(spelling)
        code = self.code(name)
        if code is None:
            raise CourseError(f"{where}: {spelling!r} is not a country pycountry knows; add an alias "
                              f"or an iso3 entry to {self.source}")
        self.seen.setdefault(name, set()).add(" ".join(str(spelling).split()))
        return name, code

    def actor(self, spelling: str) -> str:
        """The canonical name of an actor; countries are remembered, organisations pass through."""
        name = self.canonical(spelling)
        if self.code(name) is not None:
            self.seen.setdefault(name, set()).add(" ".join(str(spelling).split()))
        return name

    def rows(self) -> list[dict]:
        """One row per country seen: canonical name, code, every spelling."""
        return [{"country": name, "iso3": self.code(name), "article_names": "; ".join(sorted(spellings))}
                for name, spellings in sorted(self.seen.items())]
