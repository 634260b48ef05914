"""Shapes that whole CSL style families print (strings written for these tests)."""

from __future__ import annotations

from citecheck.references import parse_reference
from citecheck.references.parse import ParsedReference


def fams(p: ParsedReference) -> list[str]:
    return [a.family for a in p.authors]


def test_short_cite_key_before_the_entry_is_dropped() -> None:
    # French archaeology styles: "Key Year : full entry"
    p = parse_reference(
        "Marchetti 1998 : L. Marchetti, Les amphores du port antique, Revue des fouilles, "
        "12, 1998, 45-67."
    )
    assert fams(p) == ["Marchetti"]
    assert p.year == "1998"
    assert p.title == "Les amphores du port antique"
    # Italian styles: "Key Year = full entry", the journal in guillemets
    p = parse_reference(
        "Ferri 2004 = G. Ferri, T. Balbo, Scavi nella valle alta, «Notizie degli Scavi», "
        "58 (2004), p. 11–30."
    )
    assert fams(p) == ["Ferri", "Balbo"]
    assert p.title == "Scavi nella valle alta"
    assert p.container == "Notizie degli Scavi"
    assert p.volume == "58"


def test_name_and_year_that_are_not_a_key_are_kept() -> None:
    p = parse_reference("World Health Organization 2019 World health statistics 2019. Geneva: WHO.")
    assert fams(p) == ["World Health Organization"]
    p = parse_reference("Okonkwo J, Lindqvist A M 2017 A&A 597 A6")
    assert fams(p) == ["Okonkwo", "Lindqvist"]
    assert p.volume == "597"


def test_gsa_title_colon_journal_v_p() -> None:
    p = parse_reference(
        "Whitcombe, R., and Osei, K., 1994, Basin margins of the upper plain: Journal of "
        "Sedimentary Studies, v. 41, no. 2, p. 210–233."
    )
    assert p.title == "Basin margins of the upper plain"
    assert p.container == "Journal of Sedimentary Studies"
    assert (p.volume, p.issue, p.pages) == ("41", "2", "210–233")


def test_abbreviated_journal_without_title() -> None:
    p = parse_reference("[2] K. Moreau, T. Abara, and L. Fenn, Rev. Mod. Phys. 71, 4450 (2011).")
    assert p.title is None
    assert p.container == "Rev. Mod. Phys"
    assert (p.volume, p.pages) == ("71", "4450")
    p = parse_reference("[3] H. Dorn, P. Ilves, Angew. Chem. Int. Ed. 2009, 48, 7383.")
    assert p.title is None
    assert p.volume == "48"


def test_title_case_title_before_an_abbreviated_journal_is_kept() -> None:
    p = parse_reference(
        "R. T. Vollmer. The Temporal Query Language Tquel. ACM TODS, 12(2), 247-298, 1987."
    )
    assert p.title == "The Temporal Query Language Tquel"


def test_series_letter_volume_before_year() -> None:
    p = parse_reference(
        "A. Berg, Tunnelling in thin films, Physics Letters, C490 (2003), p. 7886–7893."
    )
    assert p.volume in ("C490", "490")
    assert p.pages == "7886–7893"


def test_title_ended_by_in_has_no_trailing_space() -> None:
    p = parse_reference(
        "Lund, P., Patterns of the river trade, in Proceedings of the Third Workshop on "
        "Rivers, Oslo, 1999, pp. 10-20."
    )
    assert p.title == "Patterns of the river trade"
