"""Country regions come from country_converter's data, for every country in the tables."""

import pytest

from warcourse import data
from warcourse.errors import CourseError
from warcourse.regions import regions


def test_every_country_in_the_tables_has_a_region():
    codes = data.countries()["iso3"]
    out = regions(codes)
    assert out["region"].notna().all() and (out["region"] != "").all()
    assert list(out["iso3"]) == list(codes)


def test_known_regions():
    out = regions(["FRA", "JOR", "XKX", "TWN"]).set_index("iso3")["region"]
    assert out.to_dict() == {"FRA": "Western Europe", "JOR": "Western Asia",
                             "XKX": "Southern Europe", "TWN": "Eastern Asia"}


def test_unknown_code_is_a_clear_error():
    with pytest.raises(CourseError, match="no region known for ZZZ"):
        regions(["FRA", "ZZZ"])
