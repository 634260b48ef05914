"""A Markdown file whose YAML names a bibliography but which types its citations and
its reference list (no Pandoc key): the typed list and citations are what is checked.
Our own minimal examples (batch 8 class)."""

from __future__ import annotations

from pathlib import Path

from citecheck.loaders import markdown_file
from citecheck.loaders.pandoc import _masked

TYPED = """---
title: A validation study
bibliography: refs.bib
---

# Introduction

Scales were translated before (Ames & Berg, 2015; Cole et al., 2019), and
Dunn (2020) asked for a shorter form (Evans, 2021).

## References

1. Ames, A., & Berg, B. (2015). Translating scales. Journal of Scales, 1(2), 3-4.
2. Cole, C., Dale, D., & Ford, F. (2019). Short forms. Journal of Forms, 5, 6-7.
3. Dunn, D. (2020). Fewer items. Item Review, 8(1), 9-10.
4. Gray, G. (2018). Never cited. Unread Letters, 2, 1-2.

@software{tool2024,
  title = {A scoring tool},
  author = {Hill, Harry},
  year = {2024}
}
"""

BIB = "@article{ames2015, author = {Ames, A.}, title = {T}, year = {2015}}\n"


def _load(tmp_path: Path, text: str) -> object:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return markdown_file.load(path, "paper.md")


def test_typed_citations_and_list_are_read_under_a_yaml_bibliography(tmp_path: Path) -> None:
    doc = _load(tmp_path, TYPED)
    assert doc.format == "markdown"
    assert [r.authors[0].family for r in doc.references] == ["Ames", "Cole", "Dunn", "Gray"]
    cited = {(c.authors[0], c.year) for c in doc.citations}
    assert {("Ames", "2015"), ("Cole", "2019"), ("Dunn", "2020"), ("Evans", "2021")} <= cited
    assert not any((c.key or "") == "software" for c in doc.citations)


def test_a_file_citing_keys_stays_pandoc(tmp_path: Path) -> None:
    doc = _load(tmp_path, TYPED.replace("(Evans, 2021)", "[@ames2015]"))
    assert doc.format == "pandoc"
    assert [c.key for c in doc.citations] == ["ames2015"]


def test_no_typed_list_stays_pandoc(tmp_path: Path) -> None:
    """A draft with no key and no typed list keeps the Pandoc reading (its database
    is declared; b654455 warns that nothing of it is cited)."""
    text = TYPED.split("## References")[0]
    doc = _load(tmp_path, text)
    assert doc.format == "pandoc"


def test_missing_bibliography_file_is_still_reported(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(TYPED, encoding="utf-8")
    doc = markdown_file.load(path, "paper.md")
    assert doc.format == "markdown"
    assert any(p.kind == "missing-bibliography-file" for p in doc.problems)


def test_a_pasted_bibtex_record_is_no_pandoc_citation() -> None:
    text = "Text [@real2020].\n\n@misc{other2021,\n  title = {X},\n}\n\nMore @later2022.\n"
    masked = _masked(text, 0)
    assert "@misc" not in masked and "title" not in masked
    assert "@real2020" in masked and "@later2022" in masked


def test_many_unclosed_bibtex_heads_are_linear() -> None:
    text = "@misc{k,\n" * 20000 + "}\n"
    masked = _masked(text, 0)
    assert "@misc" not in masked
