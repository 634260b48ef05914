"""PDF loader: two-column reading order, de-hyphenation, reference segmentation, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.loaders._pdf_layout import (
    PdfLine,
    dehyphenate,
    drop_running_lines,
    merge_superscripts,
)
from citecheck.loaders.pdf import load
from citecheck.model.errors import InputError

FORMATS = Path(__file__).parents[1] / "fixtures" / "formats"


def test_two_column_proof() -> None:
    doc = load(FORMATS / "proof" / "proof.pdf", "proof.pdf")
    # the left column is read before the right one: the text flows in source order
    assert doc.text.index("Introduction") < doc.text.index("Discussion") < doc.text.index("Morales")
    assert "measurements" in doc.text and "Management," in doc.text  # de-hyphenated
    assert [r.authors[0].family for r in doc.references] == [
        "Anderson",
        "Chen",
        "Dewi",
        "Esposito",
        "Gunawardena",
        "Hartono",
        "Ibrahim",
        "Kowalski",
        "Lindqvist",
        "Morales",
    ]
    jansen = next(c for c in doc.citations if c.authors == ("Jansen",))
    assert jansen.location.page == 1 and jansen.location.line > 10
    assert doc.references[3].text.endswith("233, 1-10.")  # entry that opens the right column


def test_dehyphenate_keeps_line_count() -> None:
    lines = dehyphenate(["water manage\x02", "ment, 201", "dry-", "Season"])
    assert lines == ["water management,", "      201", "dry-", "Season"]


def test_a_raised_citation_after_a_broken_word_stays_raised() -> None:
    lines = dehyphenate(["areal interpo\x02", "lation21 , and more"], [[], [(6, 8)]])
    assert lines == ["areal interpo-", "lation21 , and more"]


def test_a_name_broken_at_its_hyphen_keeps_it() -> None:
    lines = dehyphenate(["see Meir, Walters, & Armon-", "Lotem, 2016). Then"])
    assert lines == ["see Meir, Walters, & Armon-Lotem,", "       2016). Then"]
    # PDFium reports a hyphen at a line end as a soft one
    lines = dehyphenate(["see (Armon\x02", "Lotem, 2016), a dry\x02", "Season"])
    assert lines == ["see (Armon-Lotem,", "       2016), a dry-", "Season"]


def test_running_headers_and_page_numbers_dropped() -> None:
    pages = [
        [
            PdfLine("Journal of Tests 12 (2020)", 50, 800, 300, 810),
            PdfLine("Body text", 50, 400, 300, 410),
            PdfLine(str(n), 290, 20, 300, 30),
        ]
        for n in range(1, 5)
    ]
    kept = drop_running_lines(pages, [842.0] * 4)
    assert all([ln.text for ln in page] == ["Body text"] for page in kept)


def test_superscript_numbers_become_brackets() -> None:
    lines = [
        PdfLine("as shown before", 50, 400, 120, 410),
        PdfLine("1,2", 121, 405, 128, 411),
        PdfLine("another line", 50, 388, 120, 398),
    ]
    assert merge_superscripts(lines)[0].text == "as shown before[1,2]"


@pytest.mark.parametrize(
    "name, message",
    [
        ("encrypted.pdf", "encrypted"),
        ("scanned.pdf", "no text layer"),
        ("corrupt.pdf", "not a readable PDF"),
    ],
)
def test_bad_pdfs(name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load(FORMATS / "bad" / name, name)
