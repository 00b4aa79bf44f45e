"""World regions of countries, from the UN M49 classification as shipped by ``country_converter``.

``country_converter`` (coco) keeps a table of every country with its ISO codes,
UN M49 region ("Western Asia") and continent. Its converter API does not run
under pandas 3, so this module reads coco's own data file directly; the
regions are coco's, not ours. Kosovo (XKX) and Taiwan (TWN), which the UN does
not list, get coco's geographic region (Southern Europe, Eastern Asia).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import pandas as pd

from .errors import CourseError


@cache
def _table() -> pd.DataFrame:
    try:
        source = resources.files("country_converter") / "country_data.tsv"
        with source.open(encoding="utf-8") as handle:
            frame = pd.read_csv(handle, sep="\t", dtype=str, keep_default_na=False,
                                usecols=["ISO3", "continent", "UNregion"])
    except (ModuleNotFoundError, FileNotFoundError, ValueError) as exc:
        raise CourseError(f"cannot read country regions from country_converter ({exc}); "
                          "install it with `python -m pip install -r requirements.txt`") from None
    return frame.rename(columns={"ISO3": "iso3", "UNregion": "region"}).drop_duplicates("iso3")


def regions(iso3) -> pd.DataFrame:
    """``iso3``, ``region`` (UN M49 sub-region) and ``continent`` for the given ISO 3166-1 alpha-3 codes."""
    wanted = pd.Series(list(iso3), name="iso3", dtype="str")
    out = wanted.to_frame().merge(_table(), on="iso3", how="left")
    missing = sorted(out.loc[out["region"].isna(), "iso3"].unique())
    if missing:
        raise CourseError(f"no region known for {', '.join(missing)}")
    return out
