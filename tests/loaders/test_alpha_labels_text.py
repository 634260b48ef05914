"""Alphabetic labels in running text ("[BrDu15]", "[Lüt13]", "[ABC+20]") as DIN 1505 and
BibTeX ``alpha`` style lists print them: in Markdown and DOCX, as already in PDF.

The label is the entry's key and the text cites by it; without reading the labels every
entry is "never cited". Every document below is written by these tests.
"""

from __future__ import annotations

from pathlib import Path

import citecheck
from citecheck.loaders.docx import load as load_docx
from citecheck.loaders.markdown import parse_markdown
from tests.loaders.test_docx_reflist import _docx, _p

LABELLED = """# Ereignisverarbeitung

Ereignisse sind nach [BrDu15] Zustandsänderungen; Muster werden deklarativ
beschrieben [Ecke08; Lüt13, S. 12], Werkzeuge vergleicht [ABC+20].
Eine Konfiguration zeigt [Turn26].

## Literaturverzeichnis

[BrDu15] Bruns, Ralf; Dunkel, Jürgen: Complex Event Processing. Springer, 2015.

[Ecke08] Eckert, Michael: Complex Event Processing with XChange. Dissertation, LMU München, 2008.

[Lüt13] Lütke, Hanna: Ereignismuster in Datenströmen. Informatik Spektrum 36(2), 2013, S. 10-20.

[ABC+20] Abel, Ana; Berg, Bo; Chu, Cy; Dorn, Di: Stream engines compared. VLDB, 2020.

[Turn16] Turnbull, James: The Art of Monitoring. 2016.
"""


def test_markdown_list_labels_are_keys_and_the_text_cites_by_them() -> None:
    doc = parse_markdown(LABELLED, "paper.md")
    assert [r.key for r in doc.references] == ["BrDu15", "Ecke08", "Lüt13", "ABC+20", "Turn16"]
    # the entry is parsed without its label
    assert doc.references[0].authors[0].family == "Bruns"
    assert doc.references[0].text.startswith("Bruns, Ralf")
    assert [c.key for c in doc.citations] == ["BrDu15", "Ecke08", "Lüt13", "ABC+20", "Turn26"]
    assert {c.style for c in doc.citations} == {"key"}
    # "[Ecke08; Lüt13, S. 12]" is one bracket: one group; the locator is not a label
    assert doc.citations[1].group == doc.citations[2].group != doc.citations[0].group


def test_a_typo_in_a_label_is_the_only_finding(tmp_path: Path) -> None:
    (tmp_path / "paper.md").write_text(LABELLED, encoding="utf-8")
    report = citecheck.check("paper.md", citecheck.Settings(offline=True), root=tmp_path)
    rules = sorted(f.rule for f in report.findings if f.severity != "info")
    # [Turn26] is cited and missing; [Turn16] is listed and never cited
    assert rules == ["cited-not-listed", "listed-not-cited"]


def test_docx_list_labels_link_the_text(tmp_path: Path) -> None:
    body = (
        _p("Nach [BrDu15] entstehen Muster aus Ereignissen [Ecke08].")
        + _p("Literaturverzeichnis", "Titre1")
        + _p("[BrDu15] Bruns, Ralf; Dunkel, Jürgen: Complex Event Processing. Springer, 2015.")
        + _p("[Ecke08] Eckert, Michael: Complex Event Processing with XChange. LMU, 2008.")
    )
    doc = load_docx(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [r.key for r in doc.references] == ["BrDu15", "Ecke08"]
    assert [c.key for c in doc.citations] == ["BrDu15", "Ecke08"]


def test_brackets_are_not_labels_without_an_alphabetic_list() -> None:
    text = """# Results

The COVID19 cohort [COVID19] and the sample in [Smith, 2019] are described.

## References

Smith, J. (2019). A cohort study. Journal of Cohorts, 3, 1-9.
"""
    doc = parse_markdown(text, "paper.md")
    assert doc.references[0].key is None
    assert all(c.style != "key" for c in doc.citations)
