"""Classes of false findings from the fifth blind batch of real manuscripts (issue 13),
each with our own minimal examples."""

from __future__ import annotations

import pytest

from citecheck.citations import extract_citations


def cites(text: str) -> list[tuple[tuple[str, ...], str, str | None]]:
    found = extract_citations(text, path="x.md")
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.authors, c.text, c.year) for c in found]


def test_a_group_joined_by_commas_is_read_item_by_item() -> None:
    text = "Leaves adapt (Okafor et al. 1996, Lindqvist and Tanaka 2004) to shade."
    assert cites(text) == [
        (("Okafor",), "Okafor et al. 1996", "1996"),
        (("Lindqvist", "Tanaka"), "Lindqvist and Tanaka 2004", "2004"),
    ]


def test_comma_items_mix_with_semicolons_and_a_prefix() -> None:
    text = "As measured (e.g. Okafor et al. 2014, De Souza and Lee 2015; Tanaka 2001)."
    assert [a for a, _t, _y in cites(text)] == [("Okafor",), ("De Souza", "Lee"), ("Tanaka",)]


def test_apa_pieces_wrongly_joined_by_a_comma_are_both_read() -> None:
    assert [a for a, _t, _y in cites("Shown (Okafor, 2019, Tanaka, 2020).")] == [
        ("Okafor",),
        ("Tanaka",),
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Known (Okafor, 2019, 2020a).", ["2019", "2020a"]),
        ("Known (Okafor 2019, p. 4).", ["2019"]),
        ("Known (Okafor 2019, Table 2).", ["2019"]),
    ],
)
def test_years_locators_and_labels_after_a_comma_stay_in_the_piece(
    text: str, years: list[str]
) -> None:
    assert [y for _a, _t, y in cites(text)] == years


@pytest.mark.parametrize(
    "line",
    [
        "        if row[21]=='normal':",
        "data_ = [float(row[0]), float(row[21]), label]",
        "for item in rows: total += item[12]",
    ],
)
def test_an_index_on_a_line_of_source_code_is_not_a_citation(line: str) -> None:
    assert extract_citations(line, path="x.docx", numbered_references=True) == []


def test_a_citation_glued_to_a_word_in_prose_is_still_read() -> None:
    found = extract_citations("As studies[3], [4] show.", path="x.md", numbered_references=True)
    assert [c.number for c in found] == [3, 4]


@pytest.mark.parametrize("nd", ["kein Datum", "o. J.", "s.f.", "sin fecha", "sem data"])
def test_no_date_as_word_processors_print_it(nd: str) -> None:
    assert [(a, y is not None) for a, _t, y in cites(f"Wichtig (Okafor, {nd}).")] == [
        (("Okafor",), True)
    ]
