"""Issue 14, fifth pass (titles and names): where a title ends before a book or a
journal, a chapter printed without its title, Slovene "in" between names."""

from __future__ import annotations

import pytest

from citecheck.references import parse_reference


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Moreau, K. 2001. Grooming habits, in Primate Field Studies, ed. A. Ndiaye, "
            "Springer, Berlin, pp. 3-20.",
            "Grooming habits",
        ),
        (
            "Moreau, K. 2001. Proteins of the liver, in Ndiaye, A., and Roe, B. eds., Liver "
            "Biology: Wiley, pp. 3-20.",
            "Proteins of the liver",
        ),
        (
            "Moreau K. Rivers of the north // Journal of Hydrology. 2003. Vol. 3. P. 4-9.",
            "Rivers of the north",
        ),
        (
            "Moreau K., Rivers of the north [w:] Proceedings of the River Meeting, red. A. "
            "Ndiaye, Warszawa 2001.",
            "Rivers of the north",
        ),
        # lower case after the comma: the title goes on
        (
            "Moreau, K. 2001. Growth of cells, an early marker, in Alzheimer's disease. "
            "J. Neurosci. 5, 3-20.",
            "Growth of cells, an early marker, in Alzheimer's disease",
        ),
    ],
)
def test_title_ends_before_book_or_journal(text: str, title: str) -> None:
    assert parse_reference(text).title == title


def test_chapter_without_title() -> None:
    r = parse_reference(
        "[3] K. Moreau, A. Ndiaye, in Proceedings of the River Meeting, Wiley, 1995, pp. 86-90."
    )
    assert [a.family for a in r.authors] == ["Moreau", "Ndiaye"]
    assert r.title is None
    assert r.container == "Proceedings of the River Meeting"


@pytest.mark.parametrize(
    "text",
    [
        "Moreau, K., Roe, B. in Ndiaye, A. (2004). Rivers of the north. Hydrology, 6, 30-35.",
        "Moreau, K., Roe, B., in Ndiaye, A. (2004): Rivers of the north. Hydrology, 6, 30-35.",
    ],
)
def test_slovene_in_between_names(text: str) -> None:
    r = parse_reference(text)
    assert [a.family for a in r.authors] == ["Moreau", "Roe", "Ndiaye"]
    assert r.title == "Rivers of the north"
    assert r.container == "Hydrology"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a publisher joined by "&", then its place
        (
            "Moreau, K., (1975), Rivers of the North: Ice, Sand, and Rock, Smith & Roe, "
            "New York, NY.",
            "Rivers of the North: Ice, Sand, and Rock",
        ),
        # a thesis's university; a place of publication alone
        ("Moreau, K. 1962. Rivers of the north, Stanford University.", "Rivers of the north"),
        ("Moreau, K., Rivers of the north, Rio de Janeiro 2000.", "Rivers of the north"),
        # a university after the genre is no publisher for the part before it
        (
            "Moreau, K., Rivers: Ice, Common Sense, Politics, Doctoral dissertation, "
            "Universität Wien, 1986.",
            "Rivers: Ice, Common Sense, Politics",
        ),
        # access notes, medium notes, versions, repositories
        (
            "Moreau, Karin, Rivers of the north, Zenodo, 1965, https://example.org/x, "
            "eingesehen 7.6.2024.",
            "Rivers of the north",
        ),
        ("MOREAU, K. Rivers of the north [en ligne], Zenodo, 2001.", "Rivers of the north"),
        ("Moreau, K., Rivers of the north, version 1.8.9, Zenodo, 2001.", "Rivers of the north"),
        # a version at the end of a title stays
        (
            "Moreau, K. Report on the Language Haskell, version 1.2. ACM Notices, 27(5), 1992.",
            "Report on the Language Haskell, version 1.2",
        ),
        (
            "Moreau, K. 2001. Rivers of the north. in Proceedings of the River Meeting, pp. 3-9.",
            "Rivers of the north",
        ),
    ],
)
def test_title_trimmed_of_publisher_place_and_notes(text: str, title: str) -> None:
    assert parse_reference(text).title == title


def test_repository_is_no_journal() -> None:
    r = parse_reference("MOREAU, K. Rivers of the north [online]. Zenodo, 2001.")
    assert r.title == "Rivers of the north"
    assert r.container is None
    assert r.publisher == "Zenodo"


def test_access_date_is_not_the_year() -> None:
    r = parse_reference(
        "Moreau, Karin, Rivers of the north, Zenodo, 1965, https://example.org/x, "
        "eingesehen 7.6.2024."
    )
    assert r.year == "1965"


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        # names the scanner stops in, then the year of an author-date style
        (
            "MOREAU, Karin, NDIAYE, Awa, 'T HOOFT, Gerard et ROE, Bea, 2015. Rivers of the "
            "north. Paris : Seuil.",
            "Rivers of the north",
            "2015",
        ),
        # ... or the sentence end after the last name
        (
            "[6] Moreau K, Sutrisno, Supriyadi. Rivers of the north. Hydrol Rev 2012;21:37-78.",
            "Rivers of the north",
            "2012",
        ),
    ],
)
def test_title_after_names_the_scanner_left(text: str, title: str, year: str) -> None:
    r = parse_reference(text)
    assert r.title == title
    assert r.year == year


def test_title_in_title_case_is_not_taken_for_names() -> None:
    r = parse_reference("Moreau, K. 2001. Rivers, Lakes and Seas of the North, Seuil, Paris.")
    assert r.title == "Rivers, Lakes and Seas of the North"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # "., " after the names is no opening quote
        (
            "Ernest, Moreau., Rivers of the North, New York, Free Press, 1973.",
            "Rivers of the North",
        ),
        ("Moreau, K. (2019), Rivers of the North, Cambridge, MA 2003.", "Rivers of the North"),
        # GB/T 7714 "Title//Proceedings"
        (
            "[10] MOREAU K, NDIAYE A. Rivers of the north//Proceedings of the River Meeting. "
            "MIT Press, 2007: 87-92.",
            "Rivers of the north",
        ),
        # a proceedings sentence is no second title sentence
        (
            "31. Moreau K, Ndiaye A. Rivers of the north. Proceedings of the 11th Meeting of "
            "the River Society (RS 1998). Nashville, TN; 1998:1665-73.",
            "Rivers of the north",
        ),
    ],
)
def test_title_ends_before_place_or_proceedings(text: str, title: str) -> None:
    assert parse_reference(text).title == title


def test_names_the_scanner_left_before_a_quoted_title() -> None:
    # family names only, then a quoted title
    r = parse_reference(
        "Moreau, Ndiaye, and Roe, ‘Rivers of the North’, 113 Hydrology Review (1982) 249."
    )
    assert r.title == "Rivers of the North"
    assert r.container == "Hydrology Review"


def test_chinese_law_citation_shape() -> None:
    r = parse_reference(
        "〔1〕D. Moreau、B. Roe 等：《Rivers of the north》，载《Hydrology》2006年第24期。"
    )
    assert [a.family for a in r.authors] == ["Moreau", "Roe"]
    assert r.title == "Rivers of the north"


def test_space_before_the_period_after_the_year() -> None:
    r = parse_reference(
        "Moreau, Karin & Roe, Bea 2020 . Rivers of the north. Hydrology. 12(3), 61-65."
    )
    assert r.year == "2020"
    assert r.title == "Rivers of the north"


@pytest.mark.parametrize(
    "text",
    [
        "36. Moreau, E.; Ndiaye, A. In Rivers of the North; Roe, R.; Allen, C., Eds.; Seuil: "
        "Paris, 2020; 19-30.",
        "[33] K. Moreau, In Rivers of the North (Ed.: Roe, G.), Seuil, Paris, 1989, pp. 70–79.",
        "[30] M. E. Moreau, Tesis, Universitas Indonesia, 2003.",
    ],
)
def test_chapter_or_thesis_without_a_title(text: str) -> None:
    assert parse_reference(text).title is None


def test_title_starting_with_in_is_kept() -> None:
    r = parse_reference("Moreau, K. In vivo silencing of a kinase. J. Immunol. 2001, 5, 3-4.")
    assert r.title == "In vivo silencing of a kinase"
