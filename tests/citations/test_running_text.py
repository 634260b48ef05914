"""Running text that is not a plain citation: labels glued to names, bare citations
in table cells and source lines, array subscripts, species authorities."""

from __future__ import annotations

import pytest

from citecheck.citations import extract_citations

LISTED = ("Okafor", "Lindqvist", "Tanaka", "BARROS", "Ferreira")


def cites(text: str, listed: tuple[str, ...] = LISTED) -> list[tuple[tuple[str, ...], str]]:
    found = extract_citations(text, path="x.md", listed_authors=listed)
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.authors, c.text) for c in found]


def test_language_labels_before_listed_names_are_cut() -> None:
    text = "Scores rise with age (Finnish Okafor et al., 2005; Welsh Lindqvist et al., 2019)."
    assert [a for a, _ in cites(text)] == [("Okafor",), ("Lindqvist",)]


def test_a_language_word_alone_is_still_a_surname() -> None:
    assert [a for a, _ in cites("As English (2005) showed.", ("English",))] == [("English",)]


@pytest.mark.parametrize(
    "text",
    [
        "Segundo Gabriel Ferreira (1999, p. 4), a igreja foi reformada.",
        "A perspectiva de Ferreira (1999) difere.",
    ],
)
def test_clause_words_and_prepositions_before_a_listed_name(text: str) -> None:
    # a given name stays ("Gabriel Ferreira"): inconsistent-citation knows it is one
    [((author,), _)] = cites(text)
    assert author.endswith("Ferreira") and author.split()[0] not in ("Segundo", "de")


def test_source_line_and_table_cell_without_brackets() -> None:
    text = (
        "| Igreja | Ano |\n"
        "|---|---|\n"
        "| Fonte: BARROS, 2014, p. 66. | Tanaka et al., 2010; Okafor, 2012 |\n"
        "| Total 2019 | Wave 2020 |\n"
    )
    assert [a for a, _ in cites(text)] == [("BARROS",), ("Tanaka",), ("Okafor",)]


def test_bare_cells_need_a_listed_author() -> None:
    assert cites("| Smith, 2019 | Brown, 2020 |\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "Isi S[0], S[1], ..., S[255] dengan bilangan 0 sampai 255 (Okafor, 2012).",
        "j = (0 + S[21] + K[2]) mod 4, see Okafor (2012).",
    ],
)
def test_array_subscripts_are_not_numeric_citations(text: str) -> None:
    assert all(a for a, _ in cites(text))  # only the author-year citation


def test_numbers_glued_to_words_still_cite() -> None:
    text = "Earlier studies[3] and Lindqvist et al[4] agree, in 12 g ([5][6])."
    found = extract_citations(text, path="x.md")
    assert [c.number for c in found] == [3, 4, 5, 6]


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Hosts were black rats (Rattus rattus Linnaeus, 1758) in houses.", []),
        ("The adapid Europolemur klatti (Weigelt, 1933) is known.", []),
        ("Jaws. (B)— Notharctus tenebrosus (Leidy, 1870), lower jaw.", []),
        ("Assigned to the species “Cantius ralstoni” (Okafor & Brandt, 1990) first.", []),
        ("Jaws. (B)— Okafor (2012), lower jaw.", [("Okafor",)]),
        ("Assigned to “Good Practice” (Okafor & Brandt, 1990) first.", [("Okafor", "Brandt")]),
        ("Samples came from Kenya pastures (Okafor, 2012).", [("Okafor",)]),
        ("Bayesian analysis (Okafor, 2012) helps.", [("Okafor",)]),
        ("Hosts were mice (Mastomys natalensis Smith, 1834; Okafor, 2012).", [("Okafor",)]),
        ("This varies (Modified from Okafor, 2012).", [("Okafor",)]),
    ],
)
def test_species_authorities_are_not_citations(text: str, authors: list[tuple[str]]) -> None:
    assert [a for a, _ in cites(text, ())] == authors


def test_in_press_forms_and_lone_initials() -> None:
    text = "(see Okafor, Brandt, & Tanaka, provisionally accepted). Gaube, S. (2024). A tutorial."
    assert [(c.authors, c.year) for c in extract_citations(text, path="x.md")] == [
        (("Okafor", "Brandt", "Tanaka"), "provisionally accepted")
    ]


def test_church_names_with_dates_are_not_citations() -> None:
    assert cites("As igrejas de Santa Teresa (1916) e de Nossa Senhora (1908).", ()) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The protocol proposed by Okafor et al., 2017 was followed.", [("Okafor",)]),
        ("These guidelines were inspired by Tanaka et al. 2018, who made one.", [("Tanaka",)]),
        ("Seperti Lindqvist dan Okafor, 2019 jelaskan.", [("Lindqvist", "Okafor")]),
        # a line of a PDF ends before the year
        ("The data proposed by Okafor et al.,\n2017 were followed.", [("Okafor",)]),
    ],
)
def test_bare_citations_in_prose_of_listed_authors(text: str, want: list[tuple[str, ...]]) -> None:
    assert [a for a, _ in cites(text)] == want


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("In March, 2017 the survey closed.", 0),  # not a listed author
        ("Wave Tanaka 2018 was larger.", 0),  # no comma and no et al.: a label
        ("As shown before (Okafor et al., 2017).", 1),  # read once, as the bracket
        ("Okafor et al., 2017/2018 figures.", 0),  # a year range is not a year
    ],
)
def test_bare_prose_needs_a_listed_author_and_a_citation_shape(text: str, n: int) -> None:
    assert len(cites(text)) == n


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        # APA 8.31: works cited inside a quotation need not be listed
        (
            'Okafor (2012, p. 4) writes that "reform was slow and uneven (Brandt, 1926; '
            'Moreau, 2000). For this reason the engineers led the change".',
            [("Okafor",)],
        ),
        (
            "Okafor (2012) writes: “reform was slow (Brandt, 1926) and the engineers "
            "led the change”.",
            [("Okafor",)],
        ),
        # a listed author inside the quotation is still read
        (
            'Okafor (2012) writes that "reform was slow (Lindqvist, 2019) and the '
            'engineers led the change".',
            [("Okafor",), ("Lindqvist",)],
        ),
        # a citation right after the quotation is the manuscript's own
        ('They call it "slow and uneven" (Brandt, 1926) and so do others.', [("Brandt",)]),
        ('A "term" (Brandt, 1926) and another "term" here.', [("Brandt",)]),
    ],
)
def test_citations_inside_a_quotation(text: str, authors: list[tuple[str]]) -> None:
    assert [a for a, _ in cites(text)] == authors
