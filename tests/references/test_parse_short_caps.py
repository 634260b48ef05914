"""Upper-case surnames of two or three letters before bare initials ("ABE H et al.")."""

from __future__ import annotations

import pytest

from citecheck.references import parse_reference


@pytest.mark.parametrize(
    ("text", "names", "et_al"),
    [
        ("OTA K et al. (2015) Leaf traits of a shrub. *Plant J* 4:1–9.", [("OTA", "K")], True),
        (
            "MAE R; KOWALSKI T (1990) Counting seeds. *Seed Sci* 2:5–8.",
            [("MAE", "R"), ("KOWALSKI", "T")],
            False,
        ),
        (
            "WU J, DO M, NG KW (2019) Root growth. J Roots 3:1-2.",
            [("WU", "J"), ("DO", "M"), ("NG", "KW")],
            False,
        ),
    ],
)
def test_short_upper_case_surname_first(
    text: str, names: list[tuple[str, str]], et_al: bool
) -> None:
    ref = parse_reference(text)
    assert [(a.family, a.given) for a in ref.authors] == names
    assert ref.et_al is et_al


def test_initials_before_a_surname_stay_initials() -> None:
    ref = parse_reference("AB Moss and CD Lane (2001) A study of moss.")
    assert [a.family for a in ref.authors] == ["Moss", "Lane"]
