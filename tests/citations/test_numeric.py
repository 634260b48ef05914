"""Numeric citations and the per-document decision whether brackets cite."""

from __future__ import annotations

import pytest


def numbers(cite, text, mode="auto"):
    return [c.number for c in cite(text, mode)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shown before [1].", [1]),
        ("Shown before [1, 3].", [1, 3]),
        ("Shown before [1,2].", [1, 2]),
        ("Shown before [1–5].", [1, 2, 3, 4, 5]),
        ("Shown before [1-3, 7].", [1, 2, 3, 7]),
        ("Shown before [2; 4].", [2, 4]),
        ("Shown before [2]–[4].", [2, 3, 4]),
        ("Shown before [4], [5].", [4, 5]),
    ],
)
def test_bracket_forms(cite, text, expected):
    assert numbers(cite, text) == expected


def test_range_shares_the_bracket_span_and_group(cite):
    out = cite("Known [1–3] well.")
    assert {(c.text, c.group, c.style) for c in out} == {("[1–3]", 1, "numeric")}


def test_cross_bracket_range_span(cite):
    out = cite("Known [2]–[4] well.")
    assert {c.text for c in out} == {"[2]–[4]"}


def test_locators(cite):
    (c,) = cite("As in [12, p. 5].")
    assert (c.number, c.locator) == (12, "p. 5")
    (d,) = cite("As in [1: fig. 4].")
    assert (d.number, d.locator) == (1, "fig. 4")


def test_a_pointer_word_before_the_number(cite):
    (c,) = cite("Wie gezeigt [vgl. 6, S. 8] wurde.")
    assert (c.number, c.locator, c.text) == (6, "S. 8", "[vgl. 6, S. 8]")
    assert numbers(cite, "As shown [see 4] and [cf. 2, 3].") == [4, 2, 3]
    # a pointer to a figure or a page is no citation
    assert cite("As shown [see Figure 2] and [S. 8].") == []


def test_absurd_range_is_not_a_citation(cite):
    assert cite("Values [1–900] were kept.") == []
    assert cite("Values [0] and [5-2].") == []


def test_parenthesised_numbers_in_numeric_document(cite):
    text = "Smoking kills (1). Youth buy (2). Sellers (3, 4). Laws (5–7) help."
    assert numbers(cite, text) == [1, 2, 3, 4, 5, 6, 7]


def test_parenthesised_numbers_in_author_year_document_are_not_citations(pairs, cite):
    text = (
        "Governance (Ansell & Gash, 2007) has two aims: (1) to share power and (2) to learn. "
        "Emerson (2015) adds (3) more. See equation (4)."
    )
    out = cite(text)
    assert all(c.style == "author-year" for c in out)
    assert len(out) == 2


def test_enumeration_in_numeric_looking_prose_is_not_cited(cite):
    text = "The aims were: (1) to count, (2) to weigh and (3) to compare."
    assert cite(text) == []


def test_equation_numbers_are_not_cited(cite):
    text = "E = mc^2 (1)\n\nF = ma (2)\n\np = mv (3)\n"
    assert cite(text) == []


def test_few_brackets_in_author_year_document_are_not_citations(cite):
    names = ["Ansell", "Gash", "Emerson", "Nabatchi", "Bryson", "Crosby"]
    text = " ".join(f"Point ({name}, 20{10 + i})." for i, name in enumerate(names)) + " Note [1]."
    assert all(c.style == "author-year" for c in cite(text))


def test_modes(cite):
    text = "Smith (2019) and [1] and (2)."
    assert {c.style for c in cite(text, "author-year")} == {"author-year"}
    assert [c.number for c in cite(text, "numeric")] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "Shifted by [15, 30] mm and [30, 60] degrees [2].",
        "Windows of [1, 3] s and [5, 10]% noise [2].",
    ],
)
def test_intervals_with_a_unit_are_not_citations(cite, text):
    assert numbers(cite, text) == [2]


def test_two_numbers_before_a_word_still_cite(cite):
    assert numbers(cite, "As in [1, 3] models and [4, 5] shown.") == [1, 3, 4, 5]


def test_interval_outliers_are_dropped(cite):
    refs = " ".join(f"Fact [{i}]." for i in range(1, 31))
    text = refs + " Angles in [90, 150] and [200, 400] degrees."
    assert max(numbers(cite, text)) == 30


def test_counts_next_to_numbers_are_not_cited(cite):
    # an author-year paper whose table gives "share (rank)": found by bench/accuracy/e2e.py,
    # where such cells outnumbered the citations and became "missing entry 28" errors
    rows = "\n".join(f"| Symptom {i} | 7.{i}% ({i}) | 12 ({i + 1}) |" for i in range(1, 30))
    text = f"Prevalence varies (Smith, 2019; Lee, 2020).\n\n{rows}\n"
    assert [c.style for c in cite(text)] == ["author-year", "author-year"]


def test_author_year_label_of_a_numeric_citation_is_not_a_citation(cite):
    # review tables of numeric papers: "| Dicko (2008) [21] | Kambila |"
    rows = "\n".join(f"| Dicko ({2000 + i}) [{i}] | site {i} |" for i in range(1, 8))
    text = "Trials [1]–[7] agree [8].\n\n" + rows + "\n\nAs Lee (2010) argued [9], it holds."
    out = cite(text)
    assert [c.text for c in out if c.style == "author-year"] == ["Lee (2010)"]
    assert sorted({c.number for c in out if c.number}) == list(range(1, 10))
