"""Inline suppression comments: one syntax per markup, applying to the next item only."""

from __future__ import annotations

from citecheck.loaders.suppress import assign_suppressions, parse_rules, suppressions_for


def test_markdown_comments() -> None:
    text = (
        "Intro (A, 2001).\n"
        "<!-- citecheck: ignore[cited-not-listed, CC103] -->\n"
        "Then (B, 2002) and (C, 2003).\n"
        "<!--citecheck:ignore-->(D, 2004)\n"
    )
    marks = suppressions_for(text, "markdown")
    assert [m.rules for m in marks] == [("cited-not-listed", "cc103"), ("*",)]
    assert [m.line for m in marks] == [2, 4]
    starts = [text.index(s) for s in ("(A", "(B", "(C", "(D")]
    cites, refs = assign_suppressions(marks, starts)
    assert cites == {1: ("cited-not-listed", "cc103"), 3: ("*",)}
    assert refs == {}


def test_latex_comments_and_escaped_percent() -> None:
    text = (
        "50\\% citecheck: ignore[year-mismatch] is not a comment \\cite{a}\n"
        "% citecheck: ignore[year-mismatch]\n"
        "as shown \\cite{b}\n"
    )
    marks = suppressions_for(text, "latex")
    assert len(marks) == 1 and marks[0].rules == ("year-mismatch",)
    cites, _ = assign_suppressions(marks, [text.index("\\cite{a}"), text.index("\\cite{b}")])
    assert cites == {1: ("year-mismatch",)}


def test_bibtex_entry_and_next_item_wins() -> None:
    bib = (
        "@article{a, title={A}}\n"
        "% citecheck: ignore[listed-not-cited]\n"
        "@book{b, title={B}}\n"
        "@book{c, title={C}}\n"
    )
    marks = suppressions_for(bib, "bibtex")
    starts = [bib.index("@article"), bib.index("@book{b"), bib.index("@book{c")]
    cites, refs = assign_suppressions(marks, (), starts)
    assert refs == {1: ("listed-not-cited",)} and cites == {}


def test_groups_and_markup_separation() -> None:
    text = "<!-- citecheck: ignore[x] -->(A, 2001; B, 2002) later (C, 2003) and (D, 2004)"
    marks = suppressions_for(text, "markdown")
    starts = [text.index(s) for s in ("A, 2001", "B, 2002", "C, 2003", "D, 2004")]
    cites, _ = assign_suppressions(marks, starts, citation_groups=[1, 1, 2, 3])
    assert set(cites) == {0, 1}  # the whole bracket, nothing after it
    cites, _ = assign_suppressions(marks, starts, citation_groups=[0, 0, 0, 0])
    assert set(cites) == {0}  # ungrouped: the next citation only
    assert suppressions_for("% citecheck: ignore[x]\n", "markdown") == []
    assert suppressions_for("<!-- citecheck: ignore[x] -->", "latex") == []


def test_parse_rules() -> None:
    assert parse_rules(None) == ("*",)
    assert parse_rules(" ,  ") == ("*",)
    assert parse_rules("A B,c") == ("a", "b", "c")
