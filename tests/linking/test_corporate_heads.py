"""Corporate and unparsed authors in a typed list, read end to end (our own fixtures).

An organisation cited by its full name while the list has its acronym (or the other
way round), an IPB-style entry that starts with its abbreviation in brackets, a
web site named by its lower-case domain, and two corporate authors joined by "&":
each citation links to its entry, so neither cited-not-listed nor listed-not-cited
is reported. Names that are not in the list still go unlinked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.api import parse
from citecheck.linking import link
from citecheck.model.document import Document

LIST = """
# Daftar Pustaka

[ANRI] Arsip Nasional Republik Tengah. 2016. Laporan tahunan arsip daerah.

[GraphStore]. 2017. GraphStore Manual Release 2.1. [internet].

[YAML] Yet Another Markup Language. 2004. Pengantar YAML [internet].

catatanku. (2018, maret 3). catatanku. Diakses dari catatanku.example

Kingdom of Ruritania, & Ruritanian Survey Office. (2012). The Ruritania Factbook. Strelsau.

IRAU. 2015. Informe sobre agua en Ruritania. Strelsau: IRAU.

World Weather Organization. 2021. Second weather report. Geneva.

Hartono B. 2010. Metode penelitian. Bandung: Alfabeta.
"""


def _linked(tmp_path: Path, body: str) -> dict[str, str]:
    path = tmp_path / "paper.md"
    path.write_text("# Pendahuluan\n\n" + body + "\n" + LIST, encoding="utf-8")
    parsed = parse(path)
    doc = Document(
        path=str(path),
        format="markdown",
        citations=parsed.citations,
        references=parsed.references,
        bibliography_found=True,
    )
    return {parsed.citations[ln.citation].text: ln.status for ln in link(doc).links}


@pytest.mark.parametrize(
    ("body", "cited"),
    [
        ("Data arsip (ANRI 2016) naik.", "ANRI 2016"),
        ("Basis data graf (GraphStore 2017) dipakai.", "GraphStore 2017"),
        ("Format data (YAML 2004) mudah dibaca.", "YAML 2004"),
        ("Lihat (catatanku, 2018).", "catatanku, 2018"),
        (
            "Figures (Kingdom of Ruritania & Ruritanian Survey Office, 2012) agree.",
            "Kingdom of Ruritania & Ruritanian Survey Office, 2012",
        ),
        ("Rain fell (WWO, 2021).", "WWO, 2021"),
    ],
)
def test_corporate_and_unparsed_heads_link(tmp_path: Path, body: str, cited: str) -> None:
    got = _linked(tmp_path, body + " Juga (Hartono 2010).")
    assert got.get(cited) == "exact", got
    assert got["Hartono 2010"] == "exact"


def test_full_name_cited_for_a_listed_acronym(tmp_path: Path) -> None:
    got = _linked(tmp_path, "Según Instituto Ruritano para Agua Urbana (2015), el agua sube.")
    # the Spanish acronym leaves out "para": "IRAU", as listed
    assert list(got.values()) == ["exact"], got


@pytest.mark.parametrize(
    "body",
    [
        "Data arsip (ANRI 2017) naik.",  # another year
        "Lihat (catatanmu, 2018).",  # another lower-case word: not read as a citation
        "Figures (Kingdom of Ruritania & Other Office, 2012) agree.",
        "Basis data (Graph 2017) dipakai.",  # part of a word is not the name
    ],
)
def test_other_names_and_years_stay_unlinked(tmp_path: Path, body: str) -> None:
    got = _linked(tmp_path, body)
    assert all(status != "exact" for status in got.values()), got
