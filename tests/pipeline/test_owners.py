"""--find-main: a changed chapter or include is checked through its main document."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.pipeline.owners import main_documents

MAIN_TEX = (
    "\\documentclass{article}\n\\begin{document}\n\\input{chapters/intro}\n"
    "% \\input{chapters/old}\n\\include{chapters/methods}\n"
    "\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n"
)
BIB = "@article{smith2019, author = {Smith, J.}, title = {A title}, journal = {J}, year = {2019}}\n"


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


@pytest.fixture
def thesis(tmp_path: Path) -> Path:
    _write(
        tmp_path,
        {
            "main.tex": MAIN_TEX,
            "refs.bib": BIB,
            "chapters/intro.tex": "As shown \\cite{smith2019}.\n",
            "chapters/methods.tex": "\\input{chapters/methods/sampling}\n",
            "chapters/methods/sampling.tex": "We sampled \\cite{smith2019}.\n",
            "chapters/old.tex": "Old text \\cite{gone}.\n",
            "appendix/extra.tex": "% !TEX root = ../main.tex\nMore \\cite{smith2019}.\n",
        },
    )
    return tmp_path


def test_chapters_map_to_the_main_document(thesis: Path) -> None:
    files = [thesis / "chapters/intro.tex", thesis / "chapters/methods/sampling.tex"]
    mains, notes = main_documents(files, thesis)
    assert mains == [thesis / "main.tex"]  # once, though two chapters changed
    assert notes == [
        "chapters/intro.tex is part of main.tex: checking main.tex",
        "chapters/methods/sampling.tex is part of main.tex: checking main.tex",
    ]


def test_tex_root_line_names_the_main_document(thesis: Path) -> None:
    mains, _ = main_documents([thesis / "appendix/extra.tex"], thesis)
    assert [m.resolve() for m in mains] == [(thesis / "main.tex").resolve()]


def test_a_file_nothing_includes_is_checked_as_given(thesis: Path) -> None:
    # chapters/old.tex is only named in a comment: not included, so checked on its own
    mains, notes = main_documents([thesis / "chapters/old.tex", thesis / "refs.bib"], thesis)
    assert mains == [thesis / "chapters/old.tex", thesis / "refs.bib"] and notes == []


def test_a_main_document_is_itself(thesis: Path) -> None:
    assert main_documents([thesis / "main.tex"], thesis) == ([thesis / "main.tex"], [])


def test_quarto_includes_map_to_every_document_that_includes_them(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "paper.qmd": "---\ntitle: P\n---\n\n{{< include _parts/methods.qmd >}}\n",
            "slides.qmd": "---\ntitle: S\n---\n\n{{< include _parts/methods.qmd >}}\n",
            "_parts/methods.qmd": "We sampled [@smith2019].\n\n{{< include deeper.qmd >}}\n",
            "_parts/deeper.qmd": "More.\n",
            "notes.md": "Unrelated [@x].\n",
        },
    )
    mains, _ = main_documents([tmp_path / "_parts/deeper.qmd"], tmp_path)
    assert mains == [tmp_path / "paper.qmd", tmp_path / "slides.qmd"]
    assert main_documents([tmp_path / "notes.md"], tmp_path)[0] == [tmp_path / "notes.md"]


def test_check_find_main_checks_the_thesis_not_the_chapter(
    thesis: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(thesis)
    monkeypatch.setenv("CITECHECK_OFFLINE", "1")
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(thesis / ".cache"))
    runner = CliRunner()
    alone = runner.invoke(main, ["check", "chapters/intro.tex", "--select", "CC0,CC1"])
    assert alone.exit_code == 1 and "CC002" in alone.stdout  # the bug the hook had
    found = runner.invoke(
        main, ["check", "--find-main", "chapters/intro.tex", "--select", "CC0,CC1"]
    )
    assert found.exit_code == 0, found.output
    assert "chapters/intro.tex is part of main.tex: checking main.tex" in found.stderr
    assert "2 citations, 1 references" in found.stdout  # intro and sampling, through main.tex
