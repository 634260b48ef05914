"""A typed reference list given with --references (.md, .txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
