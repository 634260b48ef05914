"""Issue 14, fourth pass: Turkish and GOST locators, titles that run into the journal,
a volume alone at the end, "Name (Given)" lists, a lab as group author."""

from __future__ import annotations

import pytest

from citecheck.references import parse_reference


@pytest.mark.parametrize(
    ("text", "volume", "issue", "pages"),
    [
        (
            "AKSOY Deniz vd., “Dağ köylerinde su”, Journal of Hydrology, C. 699, S. 24, 1990, "
            "s. 089103.",
            "699",
            "24",
            "089103",
        ),
        (
            "KAYA Ali, “Kıyı yönetimi”, Ocean Letters, C. 298 (2025), ss. 6558-62.",
            "298",
            None,
            "6558-62",
        ),
        (
            "4. Petrov A. [и др.]. Rivers of the north // Journal of Hydrology. 2003. № 18 (503). "
            "C. 1431–1450.",
            "503",
            "18",
            "1431–1450",
        ),
        (
            "Moreau K, Ndiaye A. (2009) Solutions of the wave equation. Comm Math Phys 285.",
            "285",
            None,
            None,
        ),
        (
            "Okafor, B. 1998, A study of dunes: Astronomy & Astrophysics, 510, A32.",
            "510",
            None,
            "A32",
        ),
        (
            "L. Moreau, A study of dunes and ripples on sandy coasts, Coastal Letters, 1985, 812, "
            "p R101.",
            "812",
            None,
            "R101",
        ),
        (
            "K. Moreau u. a.: Wellen in flachen Becken und ihre Modelle, Coastal Letters 97 (2010), "
            "S. 043103.",
            "97",
            None,
            "043103",
        ),
        (
            "Moreau, Luc & Ana Ndiaye. 1995. Dunes of the north. Journal of Coasts 527. 095114.",
            "527",
            None,
            "095114",
        ),
        (
            "Moreau, L., and Ndiaye, A. 2011. “Dunes of the north”, Biochemistry, (50), "
            "pp. 11097–11108.",
            "50",
            None,
            "11097–11108",
        ),
        (
            "L. Moreau u. a., „Dünen im Norden“, in: Küstenforschung, 320 (2023), H. 13, S. 2627–2637.",
            "320",
            "13",
            "2627–2637",
        ),
        (
            "Moreau, L. and A. Ndiaye 1980 ‘Dunes of the north’, J Coasts 434.2: 015.",
            "434",
            "2",
            "015",
        ),
        (
            "Moreau, L et al, ‘Dunes of the North’ (1982) 61(20) Journal of Coasts 5284",
            "61",
            "20",
            "5284",
        ),
    ],
)
def test_locators(text: str, volume: str, issue: str | None, pages: str | None) -> None:
    p = parse_reference(text)
    assert (p.volume, p.issue, p.pages) == (volume, issue, pages)


def test_title_before_colon_journal() -> None:
    p = parse_reference("Okafor, B. 1998, A study of dunes: Astronomy & Astrophysics, 510, A32.")
    assert (p.title, p.container) == ("A study of dunes", "Astronomy & Astrophysics")


def test_page_word_is_not_a_trailing_volume() -> None:
    p = parse_reference("Moreau, Luc. Dunes and Ripples. Paris: Seuil, 1974, p. 19.")
    assert p.volume is None
    assert p.pages == "19"


def test_conference_year_before_pages_is_not_a_volume() -> None:
    p = parse_reference(
        "7. Moreau L, Ndiaye A. Dunes. Proceedings of the 7th Conference on Coasts. ACM, "
        "2013:165–72."
    )
    assert (p.volume, p.year, p.pages) == (None, "2013", "165–72")


def test_name_then_given_in_parentheses() -> None:
    p = parse_reference(
        "Moreau (Claire), Ndiaye (A.), Okafor (Ben) Jr., “Dunes”, Coastal Letters 62 (2015), p. 20."
    )
    assert [a.family for a in p.authors] == ["Moreau", "Ndiaye", "Okafor"]
    assert p.authors[1].given == "A."
    assert p.title == "Dunes"


def test_editor_in_parentheses_is_not_a_given_name() -> None:
    p = parse_reference("Moreau (Ed.), Dunes, Paris, 2001.")
    assert not any(a.given == "Ed." for a in p.authors)


def test_lab_as_group_author() -> None:
    p = parse_reference("Example AI. (2023). A family of models. Technical report.")
    assert [(a.family, a.corporate) for a in p.authors] == [("Example AI", True)]
    assert p.year == "2023"
    assert p.title == "A family of models"


@pytest.mark.parametrize(
    "line",
    [
        "Moreau, L., and A. Ndiaye. “Dunes and Ripples”. Coastal Letters 215 (2012): 3757–78. "
        "World Coast Organization. “Tides and Currents”. Ocean Letters 688 (1995): 3820–36.",
        "Coastal Research Team. (2013). Tides and currents of the north. Amsterdam: Elsevier. "
        "Moreau, L. (1997). Dunes and ripples on sandy coasts. Paris: Seuil.",
    ],
)
def test_glued_entry_of_an_organisation_is_split(line: str) -> None:
    from citecheck.references.segment import split_entries

    assert len(split_entries(line)) == 2


@pytest.mark.parametrize(
    "line",
    [
        "Moreau, L. 2007. “Dunes and Ripples on Sandy Coasts of the North Sea”. In Proceedings "
        "of the Coastal Meeting. Cambridge University Press. 2007.",
        "Moreau, L., and A. Ndiaye. 1984. Dunes and ripples on sandy coasts of the north. "
        "Journal of the American Coastal Society 763. 7497–7504.",
        "MOREAU, Luc, 1985. Dunes and ripples on sandy coasts of the north. Royal Coastal "
        "Society Notices. 1985. vol. 11, p. 1146–1151.",
        "Moreau, L., & Ndiaye, A. (1999). Dunes and ripples on sandy coasts. In Proceedings of "
        "the 1999 National Meeting of The Coastal Institute (CI 1999) (pp. 621–626). San Diego, CA.",
    ],
)
def test_publisher_or_journal_is_not_a_glued_entry(line: str) -> None:
    from citecheck.references.segment import split_entries

    assert len(split_entries(line)) == 1


@pytest.mark.parametrize(
    ("text", "families", "title"),
    [
        (
            "NOVÁK, Jan, Petr DVOŘÁK a Eva KRÁL. O dunách. Journal of Coasts. 2016, 281(19), 017.",
            ["NOVÁK", "DVOŘÁK", "KRÁL"],
            "O dunách",
        ),
        (
            "1. Moreau J., Ndiaye N., Okafor C. và cộng sự. (2016). Dunes and ripples. J Coast, "
            "354, 5842–5866.",
            ["Moreau", "Ndiaye", "Okafor"],
            "Dunes and ripples",
        ),
    ],
)
def test_other_language_connectors(text: str, families: list[str], title: str) -> None:
    p = parse_reference(text)
    assert [a.family for a in p.authors] == families
    assert p.title == title


def test_polish_quoted_journal_after_comma_title() -> None:
    p = parse_reference(
        "Moore P. i in., Dunes of the north, „Journal of Coasts” 2002, t. 455, nr 7."
    )
    assert (p.title, p.container, p.volume) == ("Dunes of the north", "Journal of Coasts", "455")


def test_short_key_with_year_in_parentheses() -> None:
    p = parse_reference(
        "Moreau et al. (2001) R. Moreau et al. Dunes and ripples of the north. Coastal Letters. "
        "356, (2001), 83."
    )
    assert [a.family for a in p.authors] == ["Moreau"]
    assert p.title == "Dunes and ripples of the north"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "MOREAU, Luc, 1986. Dunes and ripples of the north [en ligne]. 1986. Paris: Seuil.",
            "Dunes and ripples of the north",
        ),
        ("MOREAU L. 2019. Dunes of the north[EB/OL]. arXiv. 2019.", "Dunes of the north"),
        (
            "Moreau, L. (2015) Dunes and ripples of the north. arXiv.",
            "Dunes and ripples of the north",
        ),
    ],
)
def test_medium_notes_and_preprint_servers_end_titles(text: str, title: str) -> None:
    p = parse_reference(text)
    assert p.title == title
    assert p.container is None


def test_upper_case_family_lists_with_initials_and_particles() -> None:
    p = parse_reference(
        "MOREAU Luc, NDIAYE Ana, OKAFOR J. R., DIALLO Awa et SOW Ali, 1992. « Dunes du nord »."
    )
    assert [a.family for a in p.authors] == ["MOREAU", "NDIAYE", "OKAFOR", "DIALLO", "SOW"]
    assert p.title == "Dunes du nord"
    q = parse_reference(
        "HEIDE Ulrich von der, Ana MOREAU, “Dunes du nord”, Coasts, 1977, ss. 147-56"
    )
    assert [a.family for a in q.authors][1:] == ["MOREAU"]
    assert q.title == "Dunes du nord"
