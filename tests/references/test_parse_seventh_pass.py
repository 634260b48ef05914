"""Issue 14, seventh pass: Roman volumes in more places, volume and pages printed with
no space between them, and the readings these must not make."""

from __future__ import annotations

import pytest

from citecheck.references import parse_reference


@pytest.mark.parametrize(
    ("text", "container", "volume", "issue", "first_page"),
    [
        (
            "Moreau, K., ‘Waves on shallow shelves’, Coastal Letters, lxxv (1978), 2068–87.",
            "Coastal Letters",
            "lxxv",
            None,
            "2068",
        ),
        (
            "Moreau, K., ‘Waves on shallow shelves’, Coastal Letters B cxii (2002), 3484–510.",
            "Coastal Letters B",
            "cxii",
            None,
            "3484",
        ),
        (
            "Moreau K., Waves on shallow shelves, “Coastal Lett” CLXXXVI, 2003, p. 245.",
            "Coastal Lett",
            "CLXXXVI",
            None,
            "245",
        ),
        (
            "Moreau K., Waves on shallow shelves, “Coastal Lett” LXXII, 1, 1993, pp. 523–557.",
            "Coastal Lett",
            "LXXII",
            "1",
            "523",
        ),
        (
            "Moreau, K., ‘Waves on shallow shelves’, Coastal Letters, cxxxvi, no. 3 (2010), "
            "pp 422–49",
            "Coastal Letters",
            "cxxxvi",
            "3",
            "422",
        ),
        (
            "Moreau, K., « Waves on shallow shelves », Coastal Letters, vol. CDLXXXIV, 2004, "
            "p. 232951.",
            "Coastal Letters",
            "CDLXXXIV",
            None,
            "232951",
        ),
        (
            "Moreau K, Ndiaye L. Waves on shallow shelves. Coastal Lett. 1991;2795948–5970.",
            "Coastal Lett",
            "279",
            None,
            "5948",
        ),
        (
            "MOREAU, K. 2011. Waves on shallow shelves. Coastal Lett 32688–694.",
            "Coastal Lett",
            "32",
            None,
            "688",
        ),
        (
            "Moreau K, Ndiaye L. Waves on shallow shelves. Coastal Lett. 2010, 8946863‑6867.",
            "Coastal Lett",
            "894",
            None,
            "6863",
        ),
    ],
)
def test_volume_shapes(
    text: str, container: str, volume: str, issue: str | None, first_page: str
) -> None:
    p = parse_reference(text)
    assert (p.container, p.volume, p.issue) == (container, volume, issue)
    assert p.pages is not None and p.pages.startswith(first_page)


@pytest.mark.parametrize(
    ("text", "volume", "pages"),
    [
        # An abbreviated last page is not volume and pages glued together.
        ("Moreau K. Waves on shallow shelves. Coastal Lett. 2001;27:1687–97.", "27", "1687–97"),
        ("Moreau, K., ‘Waves’, Proceedings of the Meeting (1968), 1193–201.", None, "1193–201"),
        ("Moreau K. Waves. In: Book of Waves. London: Wiley; 2001. p. 4799–811.", None, "4799–811"),
        # A generational suffix is not a Roman volume; "Washington, DC" is a place.
        ("Moreau, K., Ndiaye III (1993), Waves on shallow shelves, Alfabeta.", None, None),
        ("Moreau, K. (2010). Waves on Shallow Shelves. Washington, DC (2010).", None, None),
    ],
)
def test_not_glued_nor_roman(text: str, volume: str | None, pages: str | None) -> None:
    p = parse_reference(text)
    assert (p.volume, p.pages) == (volume, pages)


@pytest.mark.parametrize(
    ("text", "container", "volume", "issue"),
    [
        (
            "Moreau, K., Waves on shallow shelves. Coastal Lett. 821,3, 1979, 236–248.",
            "Coastal Lett",
            "821",
            "3",
        ),
        (
            "Moreau, K., Waves on shallow shelves, in: Geology, 24,11 (1996), S. 963–967.",
            "Geology",
            "24",
            "11",
        ),
        (
            "Moreau, K. (1987): Waves. In: Child Development 58/3. S. 698–712.",
            "Child Development",
            "58",
            "3",
        ),
        (
            "Moreau, K. 1993. “Waves on shallow shelves”. Coastal Letters434: A81.",
            "Coastal Letters",
            "434",
            None,
        ),
    ],
)
def test_volume_glued_by_commas_and_to_the_journal(
    text: str, container: str, volume: str, issue: str | None
) -> None:
    p = parse_reference(text)
    assert (p.container, p.volume, p.issue) == (container, volume, issue)


@pytest.mark.parametrize(
    ("text", "families"),
    [
        (
            "de Haas, Miller, y Castles. (2015). The age of migration. Guilford.",
            ["de Haas", "Miller", "Castles"],
        ),
        (
            "Moreau, Ndiaye, and Okafor (2001) Waves on shallow shelves. Wiley.",
            ["Moreau", "Ndiaye", "Okafor"],
        ),
        (
            "Moreau, Ndiaye, Okafor et Dubois 2013 Waves on shallow shelves. Wiley.",
            ["Moreau", "Ndiaye", "Okafor", "Dubois"],
        ),
        # "Surname, Given" pairs stay pairs.
        (
            "Moreau, Karl, Ndiaye, Lena, 2019. Waves on shallow shelves. Wiley.",
            ["Moreau", "Ndiaye"],
        ),
        (
            "Moreau, Karl, Ndiaye, J. R. R. y Okafor, Lena, “Waves on shelves”, Coastal 3, 2003.",
            ["Moreau", "Ndiaye", "Okafor"],
        ),
    ],
)
def test_family_name_lists(text: str, families: list[str]) -> None:
    assert [a.family for a in parse_reference(text).authors] == families


def test_a_statutes_year_is_its_own_not_the_amended_laws() -> None:
    p = parse_reference(
        "BRASIL. Projeto de Lei do Senado nº 470, de 2018. Altera a Lei nº 9.605, de 12 de "
        "fevereiro de 1998, para elevar a pena. Brasília: Senado Federal."
    )
    assert p.year == "2018"
    p = parse_reference(
        "BRASIL. Lei nº 9.605, de 12 de fevereiro de 1998. Dispõe sobre as sanções penais."
    )
    assert p.year == "1998"


def test_last_name_right_before_an_abbreviated_journal() -> None:
    p = parse_reference("[2] C Moreau, S Ndiaye, and W Okafor A&A 390 A12 (1998).")
    assert [a.family for a in p.authors] == ["Moreau", "Ndiaye", "Okafor"]
    assert (p.container, p.volume) == ("A&A", "390")
    p = parse_reference("[12] L Moreau, J Ndiaye, and S C Okafor Nucl. Phys. C277 6504 (2005).")
    assert [a.family for a in p.authors] == ["Moreau", "Ndiaye", "Okafor"]
