"""Pages, volumes, issues and years."""

from __future__ import annotations

import pytest

from citecheck.registry.matching.numbers import check_year, expand_pages, numbers_agree, pages_agree
from citecheck.registry.matching.record import view


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ("1425-37", ("1425", "1437")),
        ("1425–1437", ("1425", "1437")),
        ("pp. 8305-12", ("8305", "8312")),
        ("e33693", ("e33693", None)),
        ("S12-S15", ("s12", "s15")),
        ("hlm. 45-67.", ("45", "67")),
        ("", None),
    ],
)
def test_expand_pages(pages: str, expected: tuple[str, str | None] | None) -> None:
    assert expand_pages(pages) == expected


def test_pages_agree() -> None:
    assert pages_agree("314-20", "314-320") is True
    assert pages_agree("33693", "e33693") is True
    assert pages_agree("310-335", "317-335") is False
    assert pages_agree("314-321", "314-320") is False
    assert pages_agree(None, "314-320") is None


def test_numbers_agree() -> None:
    assert numbers_agree("2 Suppl", "2_suppl") is True
    assert numbers_agree("11", "11/12") is True
    assert numbers_agree("12", "11/12") is True
    assert numbers_agree("14", "18") is False
    assert numbers_agree("07", "7") is True
    assert numbers_agree(None, "7") is None
    # A volume printed as a Roman numeral is its value, not a different volume.
    assert numbers_agree("CCCLVI", "356") is True
    assert numbers_agree("xciii", "93") is True
    assert numbers_agree("XCIII", "94") is False
    assert numbers_agree("B", "2") is False


def test_years_against_every_publication_date() -> None:
    # 10.1136/jclinpath-2020-206745: online 2020-08-17, print 2021-05 (issue 2021).
    rec = view(
        {
            "published-online": {"date-parts": [[2020, 8, 17]]},
            "published-print": {"date-parts": [[2021, 5]]},
            "issued": {"date-parts": [[2020, 8, 17]]},
            "created": {"date-parts": [[2019, 1, 1]]},
        }
    )
    assert check_year("2021", rec).status == "exact"
    assert check_year("2020a", rec).matched_fields == ("published-online", "issued")
    near = check_year("2022", rec)
    assert near.status == "near" and near.distance == 1
    assert check_year("2019", rec).status == "near"  # created dates never count, but 2020-1
    assert check_year("2017", rec).status == "differ"
    assert check_year("n.d.", rec).status == "unknown"
