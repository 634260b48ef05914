"""Lists made by Word's own bibliography in other locales, and hand-typed lists that keep
academic titles: "(kein Datum)", "(7. 2 2018)", "Dipl.-Ing. Luber, S." (examples ours)."""

from __future__ import annotations

from pathlib import Path

import pytest

import citecheck
from citecheck.references import parse_reference
from citecheck.text.honorifics import strip_leading_titles
from citecheck.text.years import parse_year


@pytest.mark.parametrize(
    ("text", "first", "year"),
    [
        (
            "Dipl.-Ing. Weber, S., & Lang, N. (2018). Was ist ein Graph? Abgerufen am 1. 2 2024",
            "Weber",
            "2018",
        ),
        ("Prof. Dr. Brandt, K. (2019). Titel des Buches. Berlin: Nordverlag.", "Brandt", "2019"),
        ("Dr.-Ing. Roth, P. (2015). Messtechnik. München: Südverlag.", "Roth", "2015"),
        ("Ir. Wibowo, B. (2010). Judul buku. Jakarta: Penerbit Kita.", "Wibowo", "2010"),
        # the day and month Word prints before the year; the access date is not the year
        (
            "Adler, A., & Kranz, V. (7 2022). Notizbücher. Abgerufen am 12. 1 2025 von https://example.org/n",
            "Adler",
            "2022",
        ),
        (
            "Adler, A. (7. 2 2018). Ein Titel. Abgerufen am 12. 1 2025 von https://example.org/m",
            "Adler",
            "2018",
        ),
    ],
)
def test_titles_and_word_dates(text: str, first: str, year: str) -> None:
    parsed = parse_reference(text)
    assert parsed.authors and parsed.authors[0].family == first
    assert parsed.year == year


def test_strip_titles_keeps_names_that_only_look_like_titles() -> None:
    assert strip_leading_titles("Drummond, A. (2010).") == "Drummond, A. (2010)."
    assert strip_leading_titles("Magnus, B. (2001).") == "Magnus, B. (2001)."
    assert strip_leading_titles("Prof. Dr. Brandt, K.") == "Brandt, K."
    assert strip_leading_titles("Prof. (2001)") == "Prof. (2001)"  # nothing name-like after it


@pytest.mark.parametrize(
    "phrase", ["kein Datum", "ohne Jahr", "o. J.", "z.d.", "sin fecha", "sem data"]
)
def test_no_date_in_other_languages(phrase: str) -> None:
    assert parse_year(phrase).kind == "nd"
    assert (
        parse_reference(f"Nordwerk. ({phrase}). Handbuch. Abgerufen am 3. 4 2024").year is not None
    )


def test_a_word_bibliography_links_to_its_citations(tmp_path: Path) -> None:
    doc = tmp_path / "arbeit.md"
    doc.write_text(
        "# Einleitung\n\n"
        "Wie beschrieben (Dipl.-Ing. Weber & Lang, 2018), siehe (Adler & Kranz, 2022) "
        "und (Nordwerk, kein Datum) sowie (Prof. Dr. Brandt, 2019).\n\n"
        "# Literaturverzeichnis\n\n"
        "Adler, A., & Kranz, V. (7 2022). Notizbücher. Abgerufen am 12. 1 2025 von https://example.org/n\n\n"
        "Dipl.-Ing. Weber, S., & Lang, N. (7. 2 2018). Was ist ein Graph? Abgerufen am 12. 1 2025 von https://example.org/g\n\n"
        "Nordwerk. (kein Datum). Handbuch. Abgerufen am 12. 1 2025 von https://example.org/h\n\n"
        "Prof. Dr. Brandt, K. (2019). Titel des Buches. Berlin: Nordverlag.\n",
        encoding="utf-8",
    )
    report = citecheck.check(doc, citecheck.Settings(offline=True))
    assert report.citations == 4 and report.references == 4
    assert [f.rule for f in report.findings if f.rule != "off-topic"] == []
