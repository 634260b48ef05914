"""Name keys and comparison tiers."""

from __future__ import annotations

import pytest

from citecheck.text.names import (
    EXACT,
    FUZZY,
    NONE,
    VARIANT,
    compare,
    fold,
    fuzzy_accepts,
    name_key,
    split_abbreviation,
)


def tier(a: str, b: str) -> int:
    return compare(name_key(a), name_key(b)).tier


def test_fold() -> None:
    assert fold("Rodríguez-Bolívar") == "rodriguez bolivar"
    assert fold("O’Brien") == "obrien"
    assert fold("Łukasz Øster Straße") == "lukasz oster strasse"


def test_split_abbreviation() -> None:
    assert split_abbreviation("World Health Organization [WHO]") == (
        "World Health Organization",
        "WHO",
    )
    assert split_abbreviation("World Health Organization (WHO)") == (
        "World Health Organization",
        "WHO",
    )
    assert split_abbreviation("Smith (ed.)") == ("Smith (ed.)", None)


@pytest.mark.parametrize(
    ("cited", "listed", "expected"),
    [
        ("Müller", "Muller", EXACT),
        ("Mueller", "Müller", VARIANT),
        ("Berg", "van der Berg", VARIANT),
        ("Bolívar", "Rodríguez Bolívar", VARIANT),
        ("Ahmad", "Ahmad bin Abdullah", VARIANT),
        ("WHO", "World Health Organization", VARIANT),
        ("UNESCO", "United Nations Educational, Scientific and Cultural Organization", VARIANT),
        ("Rahmawati", "Rahnawati", FUZZY),
        ("Kurniawan", "Kurniawati", FUZZY),  # 2 edits on 10 letters: a likely typo
        ("Li", "Lu", NONE),
        ("Kim", "Kin", NONE),
        ("Wang", "Wong", NONE),
        ("Smith", "Jones", NONE),
    ],
)
def test_tiers(cited: str, listed: str, expected: int) -> None:
    assert tier(cited, listed) == expected


def test_short_names_accept_only_a_swap() -> None:
    assert fuzzy_accepts("wnag", "wang")[0]
    assert not fuzzy_accepts("wang", "wong")[0]


def test_threshold_is_configurable() -> None:
    assert compare(name_key("Rahmawati"), name_key("Rahnawati"), 95).tier == NONE
