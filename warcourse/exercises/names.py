"""Country names as students write them: the course's country table, pycountry and the usual short forms.

Bank authors pass ``normalise=country`` to a set or an ordering of countries, so "UK", "Britain" and
"United Kingdom" are one item; anything that is not a country is matched like any other label.
"""

from __future__ import annotations

import re
from functools import cache

from .matching import normalise

SHORT_FORMS = {  # ISO 3166-1 alpha-3 -> what people write that neither the table nor pycountry knows
    "GBR": ("UK", "U.K.", "Britain", "Great Britain", "England"),
    "USA": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the US", "the USA"),
    "ARE": ("UAE", "U.A.E.", "the UAE", "Emirates", "the Emirates"),
    "SAU": ("Saudi", "Saudi-Arabia", "KSA"),
    "NLD": ("Holland", "The Netherlands"),
    "KOR": ("Korea", "Republic of Korea"),
    "CZE": ("Czechia",),
    "TUR": ("Türkiye", "Turkiye"),
    "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "MKD": ("Macedonia",),
    "BIH": ("Bosnia",),
    "RUS": ("Russian Federation",),
    "SYR": ("Syrian Arab Republic",),
    "IRN": ("Islamic Republic of Iran",),
    "PSE": ("State of Palestine", "Palestinian territories"),
}


def _key(text: str) -> str:
    return re.sub(r"^the ", "", normalise(text).replace("-", " ").replace(".", ""))


@cache
def _codes() -> dict[str, str]:
    from .. import data

    codes: dict[str, str] = {}
    for row in data.countries().itertuples():
        for spelling in [row.country, row.iso3, *str(row.article_names).split("; ")]:
            codes.setdefault(_key(spelling), row.iso3)
    for code, forms in SHORT_FORMS.items():
        for form in forms:
            codes.setdefault(_key(form), code)
    return codes


def country(text: str) -> str:
    """The matching key of a country name (its ISO code), or the normalised text for anything else."""
    key = _key(text)
    if key in _codes():
        return _codes()[key]
    import pycountry  # only for names the course's table and the short forms do not know (a lesson imports little)

    try:
        return pycountry.countries.lookup(text.strip()).alpha_3
    except (LookupError, AttributeError):
        return normalise(text)


def spellings(name: str) -> list[str]:
    """Other ways of writing the country ``name`` that ``country`` accepts (for tests and banks)."""
    code = country(name)
    return sorted({form for form, found in _forms().items() if found == code and form != name})


@cache
def _forms() -> dict[str, str]:
    from .. import data

    forms = {}
    for row in data.countries().itertuples():
        forms |= {spelling: row.iso3 for spelling in [row.country, *str(row.article_names).split("; ")]}
    return forms | {form: code for code, many in SHORT_FORMS.items() for form in many}
