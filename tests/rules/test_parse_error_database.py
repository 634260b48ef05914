"""parse-error on a bibliography database whose printed list holds only cited entries:
a repeated key of an uncited entry changes nothing printed (our own minimal files)."""

from __future__ import annotations

from pathlib import Path

import citecheck

BIB = """@article{kept2020, author = {Kept, Ann}, title = {Cited work}, journal = {J}, year = 2020}
@article{spare2001, author = {Spare, Bo}, title = {One}, journal = {J}, year = 2001}
@article{spare2001, author = {Spare, Bo}, title = {One again}, journal = {J}, year = 2001}
@article{other1999, author = {Other, Cy}, title = {Two}, journal = {J}, year = 1999}
@article{other1999, author = {Other, Cy}, title = {Two again}, journal = {J}, year = 1999}
"""


def _parse_errors(tmp_path: Path, text: str) -> list[citecheck.Finding]:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    doc = tmp_path / "paper.md"
    doc.write_text(f"---\nbibliography: refs.bib\n---\n\n{text}\n", encoding="utf-8")
    report = citecheck.check(doc, citecheck.Settings(offline=True))
    return [f for f in report.findings if f.rule == "parse-error"]


def test_repeated_keys_of_uncited_entries_are_one_note(tmp_path: Path) -> None:
    [note] = _parse_errors(tmp_path, "As shown [@kept2020].")
    assert note.severity.value == "info" and note.evidence["kind"] == "duplicate-key-uncited"
    assert note.evidence["count"] == 2


def test_a_repeated_key_the_text_cites_stays_an_error(tmp_path: Path) -> None:
    found = _parse_errors(tmp_path, "As shown [@kept2020; @spare2001].")
    kinds = sorted((f.evidence["kind"], f.severity.value) for f in found)
    assert kinds == [("duplicate-key", "error"), ("duplicate-key-uncited", "info")]
