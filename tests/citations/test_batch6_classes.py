"""Classes of false findings from the sixth blind batch of real manuscripts (issue 13),
each with our own minimal invented examples: a list line labelled with several numbers,
organisations declined in a sentence or named at length with lower-case words, data
labels with a year, an "el al." typo, surnames without initials joined by "y", and a
book listed beside a chapter of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.references.segment import label_numbers, split_entries
from tests.support.checks import findings


def test_a_list_line_labelled_with_several_numbers_labels_each_of_them(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nKanban is a method [1]. Boards [2], cards [3] and limits [4] help. "
        "Teams meet daily [5].\n\n# References\n\n"
        "1) https://example.org/kanban\n"
        "2,3,4) https://example.org/boards-thesis\n"
        "5) https://example.org/daily\n"
    )
    assert findings(tmp_path, text) == []


def test_label_numbers_must_rise_one_by_one() -> None:
    assert label_numbers("2,3,4) https://example.org") == (2, 3, 4)
    assert label_numbers("2, 3, 4) x") == (2, 3, 4)
    assert label_numbers("12, 34) x") == ()
    assert label_numbers("2) x") == ()


def test_a_wrapped_line_starting_with_numbers_is_no_label() -> None:
    section = (
        "1. Okafor, A. (2019). Roots and shoots. Plant Journal,\n"
        "12, 34) more pages of the same entry.\n"
        "2. Lindqvist, B. (2020). Leaves. Plant Journal, 3, 4-5.\n"
    )
    assert [e.number for e in split_entries(section)] == [1, 2]


@pytest.mark.parametrize(
    "sentence",
    [
        # German genitive after a noun: the organisation is the author
        "Laut einer Studie des Nordischen Schulinstituts (2020) ist das so.",
        "Das zeigt der Bericht des Nordischen Schulinstituts (2020) deutlich.",
        # the nominative form, for comparison
        "Das Nordische Schulinstitut (2020) zeigt das.",
    ],
)
def test_an_organisation_declined_in_the_sentence_links_to_its_entry(
    tmp_path: Path, sentence: str
) -> None:
    text = (
        f"# Einleitung\n\n{sentence}\n\n# Literatur\n\n"
        "Nordisches Schulinstitut (2020). Wie Kinder lernen. Kiel.\n"
    )
    assert findings(tmp_path, text) == []


def test_a_long_organisation_with_lower_case_words_is_read_whole(tmp_path: Path) -> None:
    text = (
        "# Einleitung\n\nDas steht fest (Beirat der Landesregierung für die Fragen von "
        "Familien mit Kindern, 2017, S. 3).\n\n# Literatur\n\n"
        "Beirat der Landesregierung für die Fragen von Familien mit Kindern (Hrsg.). (2017). "
        "Ein Bericht. Kiel.\n"
    )
    assert findings(tmp_path, text) == []


def test_a_data_label_with_a_year_is_not_a_citation(tmp_path: Path) -> None:
    text = (
        "# Introducción\n\nLa población creció (datos Censo 1985) y luego cayó "
        "(tras la realización del Censo 2011). Okafor (2019) lo explica.\n\n"
        "# Referencias\n\nOkafor, A. (2019). Población. Lima: Editorial Sur.\n"
    )
    assert findings(tmp_path, text) == []


def test_el_al_is_read_as_et_al(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nOkafor el al. (2003) measured it.\n\n# References\n\n"
        "Okafor, A., Lindqvist, B., y Tanaka, C. (2003). Rivers. Journal, 1, 1-2.\n"
    )
    assert findings(tmp_path, text) == []


def test_surnames_without_initials_joined_by_y_are_three_authors(tmp_path: Path) -> None:
    text = (
        "# Introducción\n\nAsí lo muestran de Vries, Okafor, y Lindqvist (2015) y otros "
        "(de Vries et al., 2015).\n\n# Referencias\n\n"
        "de Vries, Okafor, y Lindqvist. (2015). Migraciones. Madrid: Sur.\n"
    )
    assert findings(tmp_path, text) == []


def test_a_book_and_its_chapter_are_two_works(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nSee Okafor and Tanaka (2016a) and Okafor and Tanaka (2016b).\n\n"
        "# References\n\n"
        "Okafor, A., y Tanaka, B. (2016a). River Network Modelling. Springer.\n\n"
        "Okafor, A., y Tanaka, B. (2016b). River Network Modelling: Where Two Fields Meet. "
        "En River Network Modelling (pp. 1-12). Springer.\n"
    )
    assert findings(tmp_path, text) == []
    # the same two entries without letters: two works, so the citation is ambiguous
    plain = text.replace("2016a", "2016").replace("2016b", "2016")
    assert {rule for rule, _ in findings(tmp_path, plain)} == {"ambiguous-citation"}
