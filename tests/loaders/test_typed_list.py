"""A typed reference list given with --references (.md, .txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

import citecheck
from citecheck.loaders import load_reference_file
from citecheck.model.errors import InputError

LIST = (
    "Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. "
    "Journal of Public Administration Research and Theory, 18(4), 543-571.\n\n"
    "Wahyudi, T. (2018). Inovasi pelayanan publik. Jakarta: Pustaka.\n"
)


def test_list_under_a_daftar_pustaka_heading(tmp_path: Path) -> None:
    path = tmp_path / "pustaka.md"
    path.write_text("# Bab 6\n\nTeks penutup.\n\n# DAFTAR PUSTAKA\n\n" + LIST, encoding="utf-8")
    refs, problems = load_reference_file(path, "pustaka.md")
    assert [(r.authors[0].family, r.year, r.location.line) for r in refs] == [
        ("Ansell", "2008", 7),
        ("Wahyudi", "2018", 9),
    ]
    assert problems == []


def test_whole_text_file_is_the_list(tmp_path: Path) -> None:
    path = tmp_path / "pustaka.txt"
    path.write_text(LIST, encoding="utf-8")
    refs, _ = load_reference_file(path, "pustaka.txt")
    assert [r.authors[0].family for r in refs] == ["Ansell", "Wahyudi"]


def test_a_file_without_entries_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("\n\n", encoding="utf-8")
    refs, problems = load_reference_file(path, "notes.md")
    assert refs == [] and [p.kind for p in problems] == ["missing-bibliography-file"]


def test_unknown_suffix_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "refs.odt"
    path.write_text(LIST, encoding="utf-8")
    with pytest.raises(InputError):
        load_reference_file(path, "refs.odt")


def test_a_rule_and_a_note_after_the_entries_end_the_list(tmp_path: Path) -> None:
    # a chapter's list under a title that is not a bibliography heading, closed by a
    # rule and a note about the list: neither is an entry
    path = tmp_path / "refs_bab3.md"
    path.write_text(
        "# Sumber Bab III: Metode\n\n"
        + LIST
        + "\n---\n\n**Catatan:** daftar ini mengikuti APA edisi ke-7 (2020).\n",
        encoding="utf-8",
    )
    refs, _ = load_reference_file(path, "refs_bab3.md")
    assert [r.authors[0].family for r in refs] == ["Ansell", "Wahyudi"]


def test_names_of_a_separate_list_are_authors_in_the_text(tmp_path: Path) -> None:
    # "(OpenAI, 2024)" is read as a citation only when a list names OpenAI; when the
    # list is a file of its own, the text is read knowing its names
    (tmp_path / "bab3.md").write_text(
        "# Metode\n\nModel dipanggil lewat API (OpenAI, 2024) dan diuji (Wahyudi, 2018).\n",
        encoding="utf-8",
    )
    (tmp_path / "pustaka.md").write_text(
        "OpenAI. (2024). GPT-4o system card. https://openai.com/research\n\n"
        "Wahyudi, T. (2018). Inovasi pelayanan publik. Jakarta: Pustaka.\n",
        encoding="utf-8",
    )
    settings = citecheck.Settings(offline=True, references=("pustaka.md",))
    report = citecheck.check("bab3.md", settings, root=tmp_path)
    assert [f.rule for f in report.findings if f.severity != "info"] == []
    cited = citecheck.parse(tmp_path / "bab3.md").citations
    assert [c.authors for c in cited] == [("Wahyudi",)]  # alone, the text does not know OpenAI
