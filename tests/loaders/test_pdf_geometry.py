"""The layout-aware PDF reader on PDFs we made: line numbers, running headers,
superscripts, hanging indents, label columns, the end of the list, broken DOIs."""

from __future__ import annotations

from pathlib import Path

from citecheck.loaders.pdf import extract_pages, load

HERE = Path(__file__).parents[1] / "fixtures" / "formats" / "pdf_layout"


def test_hanging_indent_list_with_line_numbers_and_appendix() -> None:
    doc = load(HERE / "hanging.pdf", "hanging.pdf")
    assert [r.authors[0].family for r in doc.references] == [
        "Abernathy",
        "Bramwell",
        "Castellano",
        "Dunmore",
        "Fairweather",
    ]
    # the italic journal names and the wrapped lines stay inside their entries
    assert doc.references[3].text.endswith("Remote Sensing of the Coast, 7 (4), 300–318.")
    # a DOI broken after "/" at a line end is joined
    assert doc.references[0].doi == "10.5555/jcss.2019.0142.long.suffix"
    # the appendix after the list is text again: its citation is read, it is no entry
    assert any(c.authors == ("Gallagher",) for c in doc.citations)
    assert not doc.problems


def test_margin_line_numbers_are_not_text() -> None:
    pages = extract_pages(HERE / "hanging.pdf")
    first = [ln.text for ln in pages[0]]
    assert not any(t.strip().isdigit() for t in first)
    assert any(t.startswith("Rivers carry sediment") for t in first)


def test_two_columns_label_column_and_notes_after_the_list() -> None:
    doc = load(HERE / "twocol.pdf", "twocol.pdf")
    assert [r.number for r in doc.references] == [1, 2, 3, 4, 5]
    # the author notes after the list are not entries
    assert not any("received the M.Sc." in r.text for r in doc.references)
    assert doc.references[1].doi == "10.5555/mgl.2019.00040.0001.extra"
    # "10^-4", "r^2": raised digits after numbers and one-letter variables are exponents
    assert sorted({c.number for c in doc.citations}) == [1, 2, 3, 4, 5]
