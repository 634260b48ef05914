"""Superscript numeric citations (Unicode, Pandoc ``^n^``, HTML ``<sup>``) and their traps."""

from __future__ import annotations

import pytest

from citecheck.citations import extract_citations


def marks(cite, text, mode="auto"):
    return [(c.text, c.number) for c in cite(text, mode)]


def test_unicode_superscripts_after_words_and_punctuation(cite):
    text = "Cancer is common.¹ Smoking causes it¹⁻³ and studies²,⁴ agree."
    assert marks(cite, text) == [
        ("¹", 1),
        ("¹⁻³", 1),
        ("¹⁻³", 2),
        ("¹⁻³", 3),
        ("²,⁴", 2),
        ("²,⁴", 4),
    ]
    assert {c.style for c in cite(text)} == {"numeric"}


def test_range_shares_span_and_group(cite):
    out = cite("Shown previously¹⁻³ and again.⁴⁻⁵")
    first = [c for c in out if c.text == "¹⁻³"]
    assert len({c.group for c in first}) == 1 and [c.number for c in first] == [1, 2, 3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Known^1,2^ and shown.^3-5^ here.", [1, 2, 3, 4, 5]),
        ("Known<sup>1,2</sup> and shown.<sup>3</sup> here.", [1, 2, 3]),
        ("Known<SUP>12,15-17</SUP> and <sup>1–3,7</sup>.", [12, 15, 16, 17, 1, 2, 3, 7]),
    ],
)
def test_markup_superscripts(cite, text, expected):
    assert [c.number for c in cite(text)] == expected


def test_markup_span_covers_the_markup(cite):
    out = cite("Known<sup>1,2</sup> and shown.^3^ here.")
    assert [c.text for c in out] == ["<sup>1,2</sup>", "<sup>1,2</sup>", "^3^"]


@pytest.mark.parametrize(
    "text",
    [
        "The plot was 5 m² and 12 cm² wide; R² = 0.91 and χ² = 4.2 with 10⁶ cells.",
        "Dose 3 kg/m² twice; x² plus y² and Ca²⁺ ions with s⁻¹ rates.",
        "Area 10^5^ and x^2^ and y^2^ and <sup>2</sup> alone in 10<sup>6</sup>.",
        "¹Department of Biology\n²Faculty of Medicine",
        "x^2 + y^2 = z^2 in plain text.",
    ],
)
def test_exponents_units_and_affiliations_are_not_citations(cite, text):
    assert cite(text) == []


def test_one_mark_needs_a_numbered_list():
    text = "Only one mark here¹."
    assert extract_citations(text, path="p.md") == []
    (c,) = extract_citations(text, path="p.md", numbered_references=True)
    assert (c.text, c.number) == ("¹", 1)


def test_author_year_paper_with_footnote_marks_stays_author_year(cite):
    text = (
        "Rain matters (Smith, 2019; Lee, 2020). Soil too (Park, 2018).¹ "
        "Roots grow (Kim, 2017).² Yields vary (Ng, 2015)."
    )
    assert {c.style for c in cite(text)} == {"author-year"}


def test_square_brackets_win_when_they_dominate(cite):
    text = "Known [1]. Shown [2]. Seen [3]. A footnote-like mark¹ and another².²"
    assert {c.text[0] for c in cite(text)} == {"["}


def test_numeric_mode_takes_a_single_mark(cite):
    assert marks(cite, "Only one mark here¹.", "numeric") == [("¹", 1)]


def test_author_year_mode_ignores_superscripts(cite):
    assert cite("Known¹ and shown.²,³", "author-year") == []


def _spans(text, *pieces):
    """(start, end) of each ``(before, raised)``: the raised text right after ``before``."""
    out = []
    for before, raised in pieces:
        at = text.index(before + raised) + len(before)
        out.append((at, at + len(raised)))
    return out


def test_raised_spans_from_a_loader():
    text = "Cancer is common.1,2 About 105 cells in x2 and studies3 agree."
    spans = _spans(text, ("common.", "1,2"), ("10", "5"), ("x", "2"), ("studies", "3"))
    out = extract_citations(text, path="p.docx", superscripts=spans)
    assert [(c.text, c.number) for c in out] == [("1,2", 1), ("1,2", 2), ("3", 3)]


def test_raised_run_trimmed_of_spaces_and_commas():
    text = "Cancer is common, 1,2 and studies,3 agree."
    spans = _spans(text, ("common,", " 1,2 "), ("studies", ",3"))
    out = extract_citations(text, path="p.docx", superscripts=spans)
    assert [(c.text, c.number) for c in out] == [("1,2", 1), ("1,2", 2), ("3", 3)]


def test_decomposed_text_keeps_raised_spans():
    text = "Mu\u0308ller found it.1,2 Others agree.3"
    spans = _spans(text, ("it.", "1,2"), ("agree.", "3"))
    out = extract_citations(text, path="p.docx", superscripts=spans)
    assert [(c.text, c.number) for c in out] == [("1,2", 1), ("1,2", 2), ("3", 3)]
    assert all(text[c.start : c.end] == c.text for c in out)


def test_after_gene_names_ending_in_a_digit(cite):
    text = "Recognised by IRF3²⁹ and IL-1⁴⁰ here, at 1.5×10⁶ cells and 5x10^5^ steps."
    assert marks(cite, text) == [("²⁹", 29), ("⁴⁰", 40)]
