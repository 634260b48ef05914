"""Author blocks the parser must read one way and the citation reads another
(mononyms, surnames without initials, a two-word first surname): no author mismatch
when the cited names are the printed pieces; a missing co-author is still one."""

from __future__ import annotations

import pytest

from citecheck.linking import link
from citecheck.linking.printed import printed_pieces
from citecheck.model.document import Author, Citation, Document, Location, Reference

P = "paper.md"


def cite(*authors: str, year: str) -> Citation:
    return Citation(
        text=f"({', '.join(authors)} {year})",
        authors=authors,
        year=year,
        location=Location(path=P),
    )


def entry(text: str, *authors: tuple[str, str | None], year: str) -> Reference:
    """An entry of a typed list as the parser reads it (family, given)."""
    people = tuple(Author(family=f, given=g) for f, g in authors)
    return Reference(text=text, authors=people, year=year, location=Location(path=P))


def status(c: Citation, r: Reference) -> tuple[str, int | None]:
    doc = Document(
        path=P, format="markdown", citations=(c,), references=(r,), bibliography_found=True
    )
    [ln] = link(doc).links
    return ln.status, ln.reference


# Chicago inverts the first author, so "Wiryo, Budi Santoso, and Darmo" reads as one
# author with the given name "Budi Santoso"; the citation names three people.
MONONYMS = entry(
    'Wiryo, Budi Santoso, and Darmo. 2017. "Irigasi Sawah." Jurnal Tani 4 (2): 10-19.',
    ("Wiryo", "Budi Santoso"),
    year="2017",
)
BARE = entry(
    "Okafor, Lindqvist, Brandt, & Brandt. (2011). Trust in shared ledgers. Ledger, 3, 1-9.",
    ("Okafor", "Lindqvist"),
    year="2011",
)
TWO_WORD = entry(
    'Tan Wei, Sari Dewi, Made Putra, and Rina Lestari. 2021. "Sistem Antrian." Infra 2: 1-5.',
    ("Wei", "Tan"),
    ("Dewi", "Sari"),
    ("Putra", "Made"),
    ("Lestari", "Rina"),
    year="2021",
)


@pytest.mark.parametrize(
    ("c", "r"),
    [
        (cite("Wiryo", "Santoso", "Darmo", year="2017"), MONONYMS),
        (cite("Wiryo", "Darmo", year="2017"), MONONYMS),  # second piece: a given name
        (cite("Okafor", "Lindqvist", "Brandt", "Brandt", year="2011"), BARE),
        (cite("Tan Wei", "Putra", "Lestari", year="2021"), TWO_WORD),
    ],
)
def test_cited_names_are_the_printed_pieces(c: Citation, r: Reference) -> None:
    assert status(c, r) == ("exact", 0)


def test_a_missing_coauthor_is_still_reported() -> None:
    # Lindqvist may be Okafor's given name, but Brandt and Brandt are not both cited
    assert status(cite("Okafor", "Brandt", year="2011"), BARE)[0] == "author-mismatch"


def test_mononyms_among_initials() -> None:
    text = "Sumarno, Hartono, B., & Wulan, R. (2009). Cara mudah membuat situs. Andi."
    r = entry(text, ("Sumarno", "Hartono"), year="2009")
    assert status(cite("Sumarno", "Hartono", "Wulan", year="2009"), r) == ("exact", 0)


def test_with_initials_every_piece_must_be_named() -> None:
    apa = "Smith, J., Jones, K., & Lee, M. (2019). A title. Journal, 1, 1-2."
    r = entry(apa, ("Smith", "J."), ("Jones", "K."), ("Lee", "M."), year="2019")
    assert status(cite("Smith", "Lee", year="2019"), r)[0] == "author-mismatch"
    assert status(cite("Smith", "Jones", "Lee", year="2019"), r) == ("exact", 0)


def test_a_title_before_the_year_is_not_a_name_list() -> None:
    r = entry("World Bank. Poverty and shared prosperity 2018. Washington.", year="2018")
    assert printed_pieces(r) == ()


def test_the_entry_that_is_named_whole_beats_one_whose_piece_ends_with_the_name() -> None:
    # "Tanaka & Mori" ends the pieces of "Kenji Tanaka, R. S., & Mori, Y." (a name typed
    # in full where the family belongs) and is the whole of "Tanaka, K., & Mori, Y."
    whole = entry(
        "Tanaka, K., & Mori, Y. (2023). Gauges for rain. Hydro, 4, 1-9.",
        ("Tanaka", "K."),
        ("Mori", "Y."),
        year="2023",
    )
    typed = entry(
        "Kenji Tanaka, R. S., & Mori, Y. (2023). Rivers in spate. Hydro, 5, 2-8.",
        ("Kenji Tanaka", "R. S."),
        ("Mori", "Y."),
        year="2023",
    )
    doc = Document(
        path=P,
        format="markdown",
        citations=(cite("Tanaka", "Mori", year="2023"), cite("Kenji Tanaka", "Mori", year="2023")),
        references=(typed, whole),
        bibliography_found=True,
    )
    assert [(ln.status, ln.reference) for ln in link(doc).links] == [("exact", 1), ("exact", 0)]


def test_the_entry_that_opens_with_the_cited_name_is_the_one_cited() -> None:
    # an Indonesian name written given-first reads as family "Wibowo" in both entries
    alone = entry(
        "Wibowo. (2015). Jaringan Komputer. Yogyakarta: Madcoms.", ("Wibowo", None), year="2015"
    )
    given_first = entry(
        "Sari Wibowo. (2015). Aplikasi Pelacak Anak. Jurnal Ilmiah, 3, 1-9.",
        ("Wibowo", "Sari"),
        year="2015",
    )
    doc = Document(
        path=P,
        format="markdown",
        citations=(cite("Wibowo", year="2015"), cite("Sari Wibowo", year="2015")),
        references=(given_first, alone),
        bibliography_found=True,
    )
    assert [(ln.status, ln.reference) for ln in link(doc).links] == [("exact", 1), ("exact", 0)]
