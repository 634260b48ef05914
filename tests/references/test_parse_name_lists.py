"""Author lists the name scanner reads as a whole (issue 14): one-word names inside
lists, "et al." in other languages, upper-case names and organisations, separators
other than commas."""

from __future__ import annotations

import pytest

from citecheck.references import parse_reference


def _families(text: str) -> list[str]:
    return [a.family for a in parse_reference(text).authors]


@pytest.mark.parametrize(
    ("text", "families"),
    [
        (
            "Sukarno, Hoffmann, A., Mardiasmo, & Setiawan, A. (2002). Kerja sama. "
            "Jurnal Ilmu, 60(3), 5073–5075.",
            ["Sukarno", "Hoffmann", "Mardiasmo", "Setiawan"],
        ),
        (
            "5. Rahman S, Wahyudi, Pratama R, Koentjaraningrat, Hoffmann A, Hamka, et al. "
            "Centrioles and cilia. J Cell Biol. 2001;5:3-9.",
            ["Rahman", "Wahyudi", "Pratama", "Koentjaraningrat", "Hoffmann", "Hamka"],
        ),
        (
            "2. Mulyadi, Saputra A, Nugroho A, Sugiyono, Becker D. A trajectory method. "
            "J Guid. 2010;3:1-9.",
            ["Mulyadi", "Saputra", "Nugroho", "Sugiyono", "Becker"],
        ),
        (
            "1. Sutrisno; Nugroho, A.; Mardiasmo; Arikunto; Nugroho, A. Rev. Mod. Phys. "
            "2023, 616, 8992.",
            ["Sutrisno", "Nugroho", "Mardiasmo", "Arikunto", "Nugroho"],
        ),
        ("[3] Hamka and R. Schäfer, JHEP 434, 015 (1980).", ["Hamka", "Schäfer"]),
        (
            "Mardiasmo. « Positive psychology: An introduction ». Physics Letters B 453 "
            "(2016) : 821-49.",
            ["Mardiasmo"],
        ),
        (
            "Hidayat, Nur, Rina Kusuma, Sutrisno und Budi Hoffmann. 1977. Stereotype "
            "threat. München: Beck.",
            ["Hidayat", "Kusuma", "Sutrisno", "Hoffmann"],
        ),
    ],
)
def test_one_word_names_inside_lists(text: str, families: list[str]) -> None:
    assert _families(text) == families


@pytest.mark.parametrize(
    "text",
    [
        # A one-word name is kept only when the list is confirmed after it.
        "E. Garnett, P. Yang, Nano Lett. 2010, 10, 1082.",
        "Newell, Kenneth B. 1976. Pattern poetry. Boston: Marlborough House.",
        "Cohen, Kalman J. and Richard M. Cyert. Theory of the Firm. Englewood Cliffs: "
        "Prentice-Hall, 1965.",
        "Horn, W., El Gorsey, A., Fe-Cr-Ni-metals in rocks from the floor of the crater. "
        "Meteoritics, 12, 1-9.",
    ],
)
def test_given_names_and_titles_are_not_one_word_names(text: str) -> None:
    expected = {
        "E. Garnett": ["Garnett", "Yang"],
        "Newell": ["Newell"],
        "Cohen": ["Cohen", "Cyert"],
        "Horn": ["Horn", "El Gorsey"],
    }
    key = next(k for k in expected if text.startswith(k))
    assert _families(text) == expected[key]


@pytest.mark.parametrize(
    ("text", "families", "et_al"),
    [
        (
            "Park, Sarah, Petrov, Peter [et al.] (2022): Message authentication. "
            "Nuclear Physics D822, 5192–5220.",
            ["Park", "Petrov"],
            True,
        ),
        (
            "HORVÁTH, L. vd.: “Geoscience impact”, Physical Review D, 1975, c. 576, sy. 10, s. 19.",
            ["HORVÁTH"],
            True,
        ),
        (
            "SUKARNO vd.: “Dementia”, Angewandte Chemie, 2002, c. 60, sy. 3, ss. 5073-5075.",
            ["SUKARNO"],
            True,
        ),
        (
            "Andersson, N., Lewis, F., Wijaya, M. A. ve Pratama, C. (1979). Learning to "
            "program. Physical Review D, 241, 081.",
            ["Andersson", "Lewis", "Wijaya", "Pratama"],
            False,
        ),
        (
            "di Stefano, P., M. Müller, og J. le Roux. 2000. „Étude“. European Physical "
            "Journal C 79, 060.",
            ["di Stefano", "Müller", "le Roux"],
            False,
        ),
        (
            "Wagner, Claire, Cohen, Xiaoming, and Nguyen, Pierre, II, Single wall nanotube "
            "fibers. Science 5 (2001), 3-9.",
            ["Wagner", "Cohen", "Nguyen"],
            False,
        ),
    ],
)
def test_et_al_and_conjunctions_in_other_languages(
    text: str, families: list[str], et_al: bool
) -> None:
    ref = parse_reference(text)
    assert [a.family for a in ref.authors] == families
    assert ref.et_al is et_al


@pytest.mark.parametrize(
    ("text", "families"),
    [
        (
            "2. L. JENSEN - P. OKAFOR - G. SILVA, Elastic matching, Nucl. Phys. B 274 (2025) 5661.",
            ["JENSEN", "OKAFOR", "SILVA"],
        ),
        (
            "NASSER H. II ET B. NORDLANDER, 2009 « Multistage negotiation », Reviews of "
            "Modern Physics, 238 : 4639-4659.",
            ["NASSER", "NORDLANDER"],
        ),
        ("[20] BUTCHER J C. General linear method. Appl. Numer. Math, 1985, 1: 273.", ["BUTCHER"]),
        ("[7] LASUSA M. Crime, Violence and Migration. Insight Crime, 2016.", ["LASUSA"]),
        (
            "Ferreira, John/Bianchi, Sarah/Haddad, Siti, III/degli Esposti, Francesca: "
            "Titel, Berlin 2001.",
            ["Ferreira", "Bianchi", "Haddad", "degli Esposti"],
        ),
        (
            "Berruto, Pereira 1984 Aino Berruto, L. Pereira, “Efficient organization”, "
            "A&A, 698 (1984) 3.",
            ["Berruto", "Pereira"],
        ),
    ],
)
def test_upper_case_names_and_separators(text: str, families: list[str]) -> None:
    assert _families(text) == families


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "PLANCK COLLABORATION. Cosmological parameters. A&A 594 (2016) A13.",
            "PLANCK COLLABORATION",
        ),
        ("MINISTERIO DE SALUD, 2010. Informe anual. Lima: MINSA.", "MINISTERIO DE SALUD"),
        ("U.S. CENSUS BUREAU 2021 « Population estimates ». Washington.", "U.S. CENSUS BUREAU"),
        ("R CORE TEAM. R: A language and environment. Vienna, 2012.", "R CORE TEAM"),
        (
            "12. Deutsche Forschungsgemeinschaft. ApJ 2012, 327, 3007–3024.",
            "Deutsche Forschungsgemeinschaft",
        ),
    ],
)
def test_organisations_in_any_case(text: str, name: str) -> None:
    ref = parse_reference(text)
    assert [a.family for a in ref.authors] == [name]


@pytest.mark.parametrize(
    ("text", "families"),
    [
        ("Okafor/Young, Ein Titel der Arbeit, Zeitschrift 5 (2003) 10.", ["Okafor", "Young"]),
        ("SUKARNO/HAMKA: “Über die Sprache”, 1995.", ["SUKARNO", "HAMKA"]),
        (
            "Sugiyono/Hakim, Nur/Hoffmann, Rina/Mulyadi (1968): Beyond bags of features. "
            "Nature 5, 3-9.",
            ["Sugiyono", "Hakim", "Hoffmann", "Mulyadi"],
        ),
        (
            "Koentjaraningrat/Sukarno/Kusuma, A./Pratama, A. (1991): Papillons. Paris: Gallimard.",
            ["Koentjaraningrat", "Sukarno", "Kusuma", "Pratama"],
        ),
    ],
)
def test_names_joined_by_slashes(text: str, families: list[str]) -> None:
    assert _families(text) == families


def test_a_slash_title_is_not_a_name_list() -> None:
    assert _families("Input/Output, a study of devices. London: Press, 2001.") == []


@pytest.mark.parametrize(
    ("text", "families"),
    [
        # a surname whose first word is an organisation word, then the given name
        (
            "Bank Muñoz, Carolina. 2017. Building Power from Below. Ithaca: ILR Press.",
            ["Bank Muñoz"],
        ),
        # an organisation and its place
        (
            "Kementerian Kesehatan, Jakarta. 2019. Profil Kesehatan Indonesia.",
            ["Kementerian Kesehatan"],
        ),
    ],
)
def test_no_one_word_co_author_after_an_organisation_alone(text: str, families: list[str]) -> None:
    assert _families(text) == families


def test_a_given_first_name_with_an_apostrophe_prefix_keeps_the_list_whole() -> None:
    # "Lucy D’Agostino McGowan" stopped the scan of a Chicago list, and the year was then
    # looked for in the locator ("4 (43): 1686")
    text = (
        "Hale, Hanna, Mara Averick, Lucy D’Agostino McGowan, Sean O'Brien Tully, et al. "
        "2019. “Welcome to the Garden.” Journal of Open Plants 4 (43): 1686."
    )
    ref = parse_reference(text)
    assert len(ref.authors) == 4 and ref.et_al
    assert ref.year == "2019"


def test_family_name_with_an_initial_inside() -> None:
    # "S. de Silva, R.": the family name holds an initial (a bib file's "{S. de Silva}")
    ref = parse_reference(
        "S. de Silva, R., Brown, X., & Lee, Z. (2022). A fast package for matrices. "
        "Journal of Matrices, 41, 100633."
    )
    assert [(a.family, a.given) for a in ref.authors] == [
        ("S. de Silva", "R."),
        ("Brown", "X."),
        ("Lee", "Z."),
    ]
    assert ref.year == "2022"
    # initials-first lists keep their reading
    assert _families("J. Smith, R. Jones, and K. Lee. A title. Journal, 2020.") == [
        "Smith",
        "Jones",
        "Lee",
    ]
