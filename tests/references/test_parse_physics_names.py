"""Physics/astronomy styles (no title, series letters, article numbers, arXiv ids) and
name shapes (particles, suffixes, spaced initials, corporate authors) found missing
by the CSL-style benchmark (bench/refparse). All examples are made up."""

from __future__ import annotations

import pytest

from citecheck.references import parse_reference


def _fields(text: str) -> tuple[object, ...]:
    p = parse_reference(text)
    return ([a.family for a in p.authors], p.year, p.title, p.container, p.volume, p.pages)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "A. Brandt, K. Osei and M. Varga, Phys. Rev. D 71, 034512 (2005).",
            (["Brandt", "Osei", "Varga"], "2005", None, "Phys. Rev. D", "71", "034512"),
        ),
        (
            "P. Lindqvist et al., Phys. Lett. B622 (2003) 118.",
            (["Lindqvist"], "2003", None, "Phys. Lett", "B622", "118"),
        ),
        (
            "Haugen T, Moreau A M and Quist K 2019 A&A 612 A14",
            (["Haugen", "Moreau", "Quist"], "2019", None, "A&A", "612", "A14"),
        ),
        (
            "Vargas R T, Olsen M S 2011 AJ 141 2210",
            (["Vargas", "Olsen"], "2011", None, "AJ", "141", "2210"),
        ),
        (
            "[4] E. Tamura, F. Roque, J. Am. Chem. Soc. 2016, 138, 5021.",
            (["Tamura", "Roque"], "2016", None, "J. Am. Chem. Soc", "138", "5021"),
        ),
    ],
)
def test_titleless_physics_and_chemistry_entries(text: str, want: tuple[object, ...]) -> None:
    assert _fields(text) == want


def test_a_short_title_before_the_journal_is_still_a_title() -> None:
    p = parse_reference("Okonkwo, B. (2012). Deep roots. Nature, 480, 33-36.")
    assert (p.title, p.container, p.volume) == ("Deep roots", "Nature", "480")


def test_a_capitalised_title_and_a_journal_are_two_parts() -> None:
    p = parse_reference(
        "Ferrand, L. and Pike, D., Typed Rewriting for Pattern Calculi, J. Logic Comput., 7 11-19 (1995)."
    )
    assert p.title == "Typed Rewriting for Pattern Calculi"


def test_book_volume_is_not_a_journal() -> None:
    p = parse_reference("Hale, Ruth M. The Harbour Economy, Vol. II . Boston: Lantern Press, 1951.")
    assert p.title == "The Harbour Economy, Vol. II"


def test_pages_that_look_like_a_year_before_the_year() -> None:
    p = parse_reference("J. Ortega, Phys. Rev. C 48, 1702 (1994).")
    assert (p.volume, p.pages, p.year) == ("48", "1702", "1994")


@pytest.mark.parametrize(
    ("text", "arxiv"),
    [
        ("B. Kowal, Nucl. Phys. B 88, 301 (1999) [hep-th/9901042].", "hep-th/9901042"),
        ("Ito, K. (2021). A note on sparse codes. arXiv preprint arXiv:2104.01234.", "2104.01234"),
        ("Ito K. 2020, Sparse codes again, arXiv:2003.04567v3 [astro-ph.GA]", "2003.04567"),
        ("Ito, K. (2022). Codes. https://arxiv.org/abs/2201.00042", "2201.00042"),
    ],
)
def test_arxiv_identifiers(text: str, arxiv: str) -> None:
    p = parse_reference(text)
    assert p.arxiv == arxiv
    assert p.volume is None or "0" not in (p.volume or "")[:1]


def test_arxiv_mention_does_not_leave_punctuation_in_the_title() -> None:
    p = parse_reference("[7] Rina Kov. Heat kernels on cusps. Preprint, arXiv:1301.2345, 2013.")
    assert p.title == "Heat kernels on cusps"
    assert p.year == "2013"


@pytest.mark.parametrize(
    ("text", "families"),
    [
        ("B. 't Veld and C. Moro, Phys. Rev. B 40, 112 (1990).", ["'t Veld", "Moro"]),
        ("C. Ruffo degli Espinosi, Nucl. Phys. A 12, 1 (1980).", ["Ruffo degli Espinosi"]),
        ("'t Veld B, Moro C 1991 Spin waves in thin films (Zenodo)", ["'t Veld", "Moro"]),
        (
            "Berg, T. van den, & Lutz, K. von (1998). Flow in pipes. Journal of Pipes, 4(2), 1-9.",
            ["Berg", "Lutz"],
        ),
        ("Obi S III, Lund M 2018 Nucl. Phys. B 930 44", ["Obi", "Lund"]),
        ("Okafor, J., Jr., & Dale, P. (2004). Soil. Soil Journal, 3, 7-9.", ["Okafor", "Dale"]),
    ],
)
def test_particles_and_suffixes(text: str, families: list[str]) -> None:
    assert [a.family for a in parse_reference(text).authors] == families


@pytest.mark.parametrize(
    ("text", "family"),
    [
        (
            "U.S. Geological Survey, 2015. Water use in the region. Water Notes 9, 1-9.",
            "U.S. Geological Survey",
        ),
        ("Ministerio de Agricultura. Informe anual. Madrid; 2019.", "Ministerio de Agricultura"),
        (
            "Institut national de la recherche agronomique (2018). Les sols. Paris: INRA.",
            "Institut national de la recherche agronomique",
        ),
    ],
)
def test_corporate_authors(text: str, family: str) -> None:
    p = parse_reference(text)
    assert [a.family for a in p.authors] == [family]
    assert p.authors[0].corporate


@pytest.mark.parametrize(
    ("text", "families", "et_al"),
    [
        (
            "4. Lemaire J-P, Cho S-Y. Growth of roots. Plant J. 2010;17(5):37-39.",
            ["Lemaire", "Cho"],
            False,
        ),
        (
            "Vogel, Anna/Roth, Peter B./Kunz, Eva: Stadtluft, in: Umwelt 39, 1994, 81-85.",
            ["Vogel", "Roth", "Kunz"],
            False,
        ),
        ("Vogel, Anna / Roth, Peter (1978): «Stadtluft», Umwelt.", ["Vogel", "Roth"], False),
        ("P. Kunz u. a., „Stadtluft“, in: Umwelt, 28 (2007), S. 29–30.", ["Kunz"], True),
        ("Suryadi et al., ‘Sawah dan air’, Jurnal Tani, 3, 2001, p. 7.", ["Suryadi"], True),
        (
            "Rossi, Anna – Verdi, Luca – van Dam, Piet, Il mercato (1988).",
            ["Rossi", "Verdi", "van Dam"],
            False,
        ),
        (
            "13. Lutz K von, Obi F. Winds. Class Quantum Grav. 2011;119(7):051582.",
            ["Lutz", "Obi"],
            False,
        ),
        (
            "National Academies of Arts, Letters, and Music. 2004. Sound in rooms. Report.",
            ["National Academies of Arts, Letters, and Music"],
            False,
        ),
    ],
)
def test_name_list_separators_and_shapes(text: str, families: list[str], et_al: bool) -> None:
    p = parse_reference(text)
    assert [a.family for a in p.authors] == families
    assert p.et_al is et_al
    assert p.title is not None and not p.title.startswith(("/", "–", "et al"))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Geo- metric phases of spin chains", "Geometric phases of spin chains"),
        ("Francis- McIntyre, A. and Lee, B.", "Francis-McIntyre, A. and Lee, B."),
        ("self- assessment in non- LTE models", "self-assessment in non-LTE models"),
        ("MODE- LING OF FLOWS", "MODELING OF FLOWS"),
        ("pp. 12- 15", "pp. 12- 15"),
    ],
)
def test_pdf_hyphenation_repair(text: str, want: str) -> None:
    from citecheck.references.clean import repair_hyphenation

    assert repair_hyphenation(text) == want


def test_repaired_title() -> None:
    p = parse_reference("Lind, K. (2019). Geo- metric phases of spin chains. Phys. Rev. B, 9, 1-9.")
    assert p.title == "Geometric phases of spin chains"


def test_hyphenation_keeps_suspended_hyphens_and_chains() -> None:
    from citecheck.references.clean import repair_hyphenation

    assert repair_hyphenation("self- and peer review") == "self- and peer review"
    assert repair_hyphenation("Nap- of-the-Earth flight") == "Nap-of-the-Earth flight"
