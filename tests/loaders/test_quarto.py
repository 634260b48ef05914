"""Quarto and R Markdown projects: books, includes, knitr children, cross-references."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citecheck.loaders import load_manuscript
from citecheck.loaders._quarto import is_quarto_xref
from tests.loaders.conftest import write_files

BIB = """@article{alpha2020, author = {Alpha, Ann}, title = {First}, journal = {J}, year = 2020}
@article{beta2021, author = {Beta, Bob}, title = {Second}, journal = {J}, year = 2021}
@article{gamma2019, author = {Gamma, Gil}, title = {Third}, journal = {J}, year = 2019}
"""


def test_quarto_book_chapters_and_project_bibliography(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "book/_quarto.yml": (
                "project:\n  type: book\nbook:\n  title: T\n  chapters:\n    - index.qmd\n"
                "    - part: Methods\n      chapters:\n        - methods.qmd\n"
                "  appendices:\n    - extra.Rmd\nbibliography: refs.bib\n"
            ),
            "book/index.qmd": "# Preface\n\nAs shown in @fig-map and @sec-methods [@alpha2020].\n",
            "book/methods.qmd": "---\ntitle: Methods\n---\n\n# Methods {#sec-methods}\n\nSee @beta2021.\n",
            "book/extra.Rmd": "# Extra\n\n```{r}\nx <- 1 # @notacite\n```\n\nText @ghost2000.\n",
            "book/refs.bib": BIB,
        },
    )
    doc = load_manuscript(in_tmp / "book/index.qmd", "book/index.qmd")
    keys = [c.key for c in doc.citations]
    assert keys == ["alpha2020", "beta2021", "ghost2000"]
    assert doc.citations[1].location.path == "book/methods.qmd"
    assert doc.citations[1].location.line == 7
    assert doc.bibliography_found
    assert {r.key for r in doc.references} == {"alpha2020", "beta2021", "gamma2019"}
    assert doc.reference_files == ("book/refs.bib",)


def test_book_chapters_given_as_file_entries_and_part_pages(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "_quarto.yml": (
                "project:\n  type: book\nbook:\n  chapters:\n"
                "    - file: index.qmd\n      text: Title page\n"
                "    - part: basics.qmd\n      chapters:\n        - one.qmd\n"
                "    - href: two.qmd\n    - href: https://example.org/more\n"
                "      text: More online\nbibliography: refs.bib\n"
            ),
            "index.qmd": "# Title\n\nNo citation here.\n",
            "basics.qmd": "# Basics\n\nThe part page cites [@alpha2020].\n",
            "one.qmd": "# One\n\nSee @beta2021.\n",
            "two.qmd": "# Two\n\nAnd [@gamma2019].\n",
            "refs.bib": BIB,
        },
    )
    doc = load_manuscript(in_tmp / "index.qmd", "index.qmd")
    assert [(c.key, c.location.path) for c in doc.citations] == [
        ("alpha2020", "basics.qmd"),
        ("beta2021", "one.qmd"),
        ("gamma2019", "two.qmd"),
    ]
    assert not doc.problems


def test_include_shortcode_and_knitr_child(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "paper.qmd": (
                "---\ntitle: P\nbibliography: refs.bib\n---\n\nIntro [@alpha2020].\n\n"
                "{{< include _part.qmd >}}\n\n"
                '```{r child = "child.Rmd"}\n```\n\nSee @tbl-results.\n'
            ),
            "_part.qmd": "Included text cites @beta2021.\n",
            "child.Rmd": "---\ntitle: ignored\n---\n\nChild cites [@gamma2019].\n",
            "refs.bib": BIB,
        },
    )
    doc = load_manuscript(in_tmp / "paper.qmd", "paper.qmd")
    assert [(c.key, c.location.path) for c in doc.citations] == [
        ("alpha2020", "paper.qmd"),
        ("beta2021", "_part.qmd"),
        ("gamma2019", "child.Rmd"),
    ]


def test_shortcodes_shown_as_text_are_not_includes(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "paper.qmd": (
                "---\ntitle: P\nbibliography: refs.bib\n---\n\nIntro [@alpha2020].\n\n"
                "```{shortcodes=false}\n{{< include _howto.qmd >}}\n```\n\n"
                "Escaped: `{{{< include _other.qmd >}}}`.\n\n"
                "```{.markdown}\n{{< include _part.qmd >}}\n```\n"
            ),
            "_part.qmd": "Included text cites @beta2021.\n",
            "refs.bib": BIB,
        },
    )
    doc = load_manuscript(in_tmp / "paper.qmd", "paper.qmd")
    # Quarto prints the first two as they are; the third is processed (code block or not)
    assert [c.key for c in doc.citations] == ["alpha2020", "beta2021"]
    assert not doc.problems


def test_rmd_single_file_with_tab_in_front_matter(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "m.Rmd": "---\ntitle: X\nbibliography:\n\t- refs.bib\n---\n\nText [@alpha2020].\n",
            "refs.bib": BIB,
        },
    )
    doc = load_manuscript(in_tmp / "m.Rmd", "m.Rmd")
    assert doc.bibliography_found and len(doc.references) == 3
    assert not doc.problems


def test_unreadable_front_matter_is_a_problem(in_tmp: Path) -> None:
    write_files(
        in_tmp, {"m.qmd": "---\ntitle: [unclosed\nbibliography: refs.bib\n---\n\n[@alpha2020]\n"}
    )
    doc = load_manuscript(in_tmp / "m.qmd", "m.qmd")
    assert any("front matter could not be read" in p.message for p in doc.problems)


def test_papaja_cite_r_cites_the_whole_file(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "m.Rmd": (
                "---\nbibliography: [refs.bib, r-refs.bib]\n---\n\n"
                '```{r}\nmy_cites <- cite_r(file = "r-refs.bib")\n```\n\n'
                "We used `r my_cites` and [@alpha2020].\n"
            ),
            "refs.bib": BIB,
            "r-refs.bib": "@manual{R-base, title = {R}, author = {{R Core Team}}, year = 2024}\n",
        },
    )
    doc = load_manuscript(in_tmp / "m.Rmd", "m.Rmd")
    assert {c.key for c in doc.citations} == {"alpha2020", "R-base"}


def test_include_outside_the_project_is_refused(in_tmp: Path) -> None:
    (in_tmp / "proj").mkdir()
    write_files(in_tmp, {"secret.qmd": "@beta2021\n"})
    write_files(in_tmp / "proj", {"p.qmd": "{{< include ../secret.qmd >}}\n\n[@alpha2020]\n"})
    os.chdir(in_tmp / "proj")
    doc = load_manuscript(in_tmp / "proj/p.qmd", "p.qmd")
    assert [c.key for c in doc.citations] == ["alpha2020"]
    assert any(p.kind == "include-outside" for p in doc.problems)


def test_parent_folder_inside_the_repository_is_followed(in_tmp: Path) -> None:
    (in_tmp / ".git").mkdir()
    write_files(in_tmp, {"shared/intro.qmd": "@beta2021\n", "paper/p.qmd": ""})
    write_files(
        in_tmp / "paper", {"p.qmd": "{{< include ../shared/intro.qmd >}}\n\n[@alpha2020]\n"}
    )
    os.chdir(in_tmp / "paper")
    doc = load_manuscript(in_tmp / "paper/p.qmd", "p.qmd")
    assert [c.key for c in doc.citations] == ["alpha2020", "beta2021"]


@pytest.mark.parametrize(
    ("key", "xref"),
    [
        ("fig-map", True),
        ("tbl-a", True),
        ("sec-intro", True),
        ("eq-1", True),
        ("figueroa2020", False),
        ("fig2020", False),
        ("secord-1999", False),
    ],
)
def test_quarto_cross_reference_prefixes(key: str, xref: bool) -> None:
    assert is_quarto_xref(key) is xref
