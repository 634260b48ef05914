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


def test_superscript_citations_not_exponents_or_toc_numbers() -> None:
    doc = load(HERE / "superscript.pdf", "superscript.pdf")
    # a flush-left list "1. ..." separated by vertical space
    assert [r.number for r in doc.references] == [1, 2, 3, 4]
    assert doc.references[1].text.endswith("Coastal Ecology 22, 301–315 (2020).")
    # raised numbers after words cite; "m²" and the contents' page numbers do not
    assert [c.number for c in doc.citations] == [1, 2, 3, 1, 2, 3, 4, 2, 4]


def test_no_reference_list_is_missing_bibliography() -> None:
    # no list heading and no line that reads like an entry: the manuscript has no list
    doc = load(HERE / "nolist.pdf", "nolist.pdf")
    assert not doc.problems and not doc.references and not doc.bibliography_found
    assert doc.citations
    # the run fails at the default --fail-on with one error, not a flood of cited-not-listed
    from click.testing import CliRunner

    from citecheck.cli import main

    result = CliRunner().invoke(
        main, ["check", "--offline", "--no-cache", str(HERE / "nolist.pdf")]
    )
    assert result.exit_code == 1, result.output
    assert "CC002" in result.output and "no reference list was found" in result.output
    assert "CC101" not in result.output and "could not be read" not in result.output


def test_entries_without_a_heading_found_mean_not_checked() -> None:
    from citecheck.loaders.pdf import _untrusted

    cites = list(load(HERE / "nolist.pdf", "nolist.pdf").citations)
    entries = [
        "Harlow, J. (2012). Dunes and wind. Coastal Notes, 3, 1-9.",
        "Ibsen, K., & Kaur, P. (2019). Storm surges. Marine Letters, 8, 2-5.",
        "Lund, S. (2008). Plants on dunes. Botany Today, 1, 4-7.",
    ]
    # a list is there but its heading was not read: the reader says it could not check
    why = _untrusted(1000, 0, [], cites, None, ["Some text.", *entries])
    assert why is not None and "no reference list was found" in why
    assert _untrusted(1000, 0, [], cites, None, ["Some text."]) is None


def test_garbled_text_layer_is_not_trusted() -> None:
    from citecheck.loaders.pdf import _untrusted

    why = _untrusted(10_000, 900, [], [], start=3)
    assert why is not None and "no readable code" in why
    assert _untrusted(10_000, 10, [], [], start=3) is None


def test_identifiers_closed_up() -> None:
    from citecheck.loaders.pdf import _join_entry

    assert _join_entry(["doi: 10 . 1109 / MC . 2008 . 306. url: https : / / a . org / b"]) == (
        "doi: 10.1109/MC.2008.306. url: https://a.org/b"
    )
    assert _join_entry(["doi: 10.1007/978- 3- 319- 6"]) == "doi: 10.1007/978-3-319-6"
    assert _join_entry(["https://doi.org/10.5555/", "abc.1 Accessed 2020."]) == (
        "https://doi.org/10.5555/abc.1 Accessed 2020."
    )


def test_numbered_list_read_in_part_is_not_trusted() -> None:
    from citecheck.loaders.pdf import _untrusted
    from citecheck.model.document import Citation, Location, Reference

    here = Location(path="x.pdf")
    refs = [Reference(text=f"[{n}] Entry", number=n, location=here) for n in (1, 2)]
    cites = [Citation(text=str(n), style="numeric", number=n, location=here) for n in range(1, 9)]
    why = _untrusted(1000, 0, refs, cites, start=0)
    assert why is not None and "6 of the 8 cited numbers" in why
    assert _untrusted(1000, 0, refs, cites[:2], start=0) is None
