"""LaTeX projects whose bibliography is declared where TeX finds it: a local class or
package, a package option, a macro, the compiled .aux."""

from __future__ import annotations

import os
from pathlib import Path

from citecheck.loaders import load_manuscript
from tests.loaders.conftest import write_files

BIB = "@article{alpha2020, author = {Alpha, Ann}, title = {T}, journal = {J}, year = 2020}\n"


def _load(root: Path, main: str = "main.tex"):  # type: ignore[no-untyped-def]
    return load_manuscript(root / main, main)


def test_addbibresource_in_a_local_class(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "lib/thesis.cls": "\\LoadClass{report}\n\\RequirePackage{biblatex}\n"
            "\\addbibresource{refs/library.bib}\n",
            "refs/library.bib": BIB,
            "main.tex": "\\documentclass{lib/thesis}\n\\begin{document}\n\\cite{alpha2020}\n"
            "\\printbibliography\n\\end{document}\n",
        },
    )
    doc = _load(in_tmp)
    assert doc.bibliography_found and [r.key for r in doc.references] == ["alpha2020"]


def test_package_option_names_the_bib_file(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "thesisstyle.sty": (
                "\\RequirePackage{xkeyval}\n"
                "\\define@key[tp]{thesis}{bibfile}[default-refs]{\\def\\tp@bibfile{#1}}\n"
                "\\setkeys[tp]{thesis}{bibfile=default-refs}\n"
                "\\ProcessOptionsX\n"
                "\\bibliography{\\tp@bibfile}\n"
            ),
            "mine.bib": BIB,
            "main.tex": "\\documentclass{book}\n\\usepackage[bibfile=mine]{thesisstyle}\n"
            "\\begin{document}\n\\cite{alpha2020}\n\\end{document}\n",
        },
    )
    doc = _load(in_tmp)
    assert doc.reference_files == ("mine.bib",)
    assert not doc.problems


def test_bibliography_through_macros(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "metadata.tex": "\\def \\paperBIB{refs.bib}\n",
            "style.cls": "\\LoadClass{article}\n\\addbibresource{\\paperBIB}\n",
            "refs.bib": BIB,
            "main.tex": (
                "\\documentclass{style}\n\\input{metadata}\n"
                "\\newcommand{\\pustaka}[1]{\\chapter*{Daftar Pustaka}\\bibliography{#1}}\n"
                "\\newcommand{\\urlcite}[1]{\\href{#1}{#1}}\n"
                "\\newcommand{\\mycite}[2][]{\\citep[#1]{#2}}\n"
                "\\newcommand{\\unused}{\\cite{neverused}}\n"
                "\\begin{document}\nSee \\mycite[p.~2]{alpha2020} and \\urlcite{https://x.org}.\n"
                "\\end{document}\n"
            ),
        },
    )
    doc = _load(in_tmp)
    assert [c.key for c in doc.citations] == ["alpha2020"]
    assert doc.citations[0].location.line == 8
    assert doc.reference_files == ("refs.bib",)


def test_daftar_pustaka_macro_argument(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "pustaka.bib": BIB,
            "main.tex": (
                "\\documentclass{report}\n"
                "\\newcommand\\daftarpustaka[1]{\\bibliographystyle{plain}\\bibliography{#1}}\n"
                "\\begin{document}\n\\cite{alpha2020}\n\\daftarpustaka{pustaka}\n\\end{document}\n"
            ),
        },
    )
    assert _load(in_tmp).reference_files == ("pustaka.bib",)


def test_compiled_aux_names_the_bibliography(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "found.bib": BIB,
            "main.aux": "\\relax\n\\citation{alpha2020}\n\\bibdata{found}\n",
            "main.tex": "\\documentclass{article}\n\\begin{document}\n\\cite{alpha2020}\n"
            "\\end{document}\n",
        },
    )
    doc = _load(in_tmp)
    assert doc.reference_files == ("found.bib",)
    assert [p.kind for p in doc.problems] == ["bibliography-from-build"]


def test_case_differs_in_bib_name(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "Collab.bib": BIB,
            "main.tex": "\\documentclass{article}\n\\addbibresource{collab.bib}\n"
            "\\begin{document}\n\\cite{alpha2020}\n\\end{document}\n",
        },
    )
    doc = _load(in_tmp)
    assert [r.key for r in doc.references] == ["alpha2020"]
    assert [p.kind for p in doc.problems] == ["file-name-case"]


def test_input_of_parent_folder_inside_the_repository(in_tmp: Path) -> None:
    (in_tmp / ".git").mkdir()
    write_files(
        in_tmp,
        {
            "shared/table.tex": "\\cite{alpha2020}\n",
            "paper/refs.bib": BIB,
            "paper/main.tex": "\\documentclass{article}\n\\begin{document}\n"
            "\\input{../shared/table.tex}\n\\bibliography{refs}\n\\end{document}\n",
        },
    )
    os.chdir(in_tmp / "paper")
    doc = load_manuscript(in_tmp / "paper/main.tex", "main.tex")
    assert [c.key for c in doc.citations] == ["alpha2020"]
    assert not doc.problems


def test_options_passed_to_a_local_package_before_it_is_loaded(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "thesisstyle.sty": (
                "\\define@key[tp]{thesis}{bibfile}[default-refs]{\\def\\tp@bibfile{#1}}\n"
                "\\setkeys[tp]{thesis}{bibfile=default-refs}\n"
                "\\ProcessOptionsX\n"
                "\\bibliography{\\tp@bibfile}\n"
            ),
            "mine.bib": BIB,
            "setup.tex": "\\PassOptionsToPackage{%\n  colour=blue,%\n  bibfile=mine,%\n}"
            "{thesisstyle}\n\\usepackage{thesisstyle}\n",
            "main.tex": "\\documentclass{book}\n\\input{setup}\n"
            "\\begin{document}\n\\cite{alpha2020}\n\\end{document}\n",
        },
    )
    doc = _load(in_tmp)
    assert doc.reference_files == ("mine.bib",)
    assert not doc.problems


def test_compiled_file_of_another_name_chosen_by_its_citations(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "found.bib": BIB,
            "old.bib": BIB.replace("alpha2020", "other"),
            "chapter1.aux": "\\relax\n\\citation{alpha2020}\n",  # names no bibliography
            "stale.aux": "\\relax\n\\citation{other}\n\\bibdata{old}\n",
            "thesis.bcf": '<bcf:citekey order="1">alpha2020</bcf:citekey>\n'
            '<bcf:datasource type="file" datatype="bibtex">found.bib</bcf:datasource>\n',
            "template.tex": "\\documentclass{article}\n\\begin{document}\n\\cite{alpha2020}\n"
            "\\end{document}\n",
        },
    )
    doc = _load(in_tmp, "template.tex")
    assert doc.reference_files == ("found.bib",)
    assert [p.kind for p in doc.problems] == ["bibliography-from-build"]
    assert "thesis.bcf" in doc.problems[0].message


def test_the_main_files_own_build_file_wins(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "found.bib": BIB,
            "other.bib": BIB,
            "main.aux": "\\relax\n\\bibdata{found}\n",
            "copy.aux": "\\relax\n\\citation{alpha2020}\n\\bibdata{other}\n",
            "main.tex": "\\documentclass{article}\n\\begin{document}\n\\cite{alpha2020}\n"
            "\\end{document}\n",
        },
    )
    assert _load(in_tmp).reference_files == ("found.bib",)


def test_input_whose_name_differs_in_case_is_read_with_a_note(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "refs.bib": BIB,
            "chapters/intro/introduction.tex": "\\cite{alpha2020}\n",
            "main.tex": "\\documentclass{article}\n\\begin{document}\n"
            "\\input{chapters/intro/Introduction}\n\\bibliography{refs}\n\\end{document}\n",
        },
    )
    doc = _load(in_tmp)
    assert [c.key for c in doc.citations] == ["alpha2020"]
    assert [p.kind for p in doc.problems] == ["file-name-case"]
    assert doc.problems[0].evidence["severity"] == "info"
    assert "chapters/intro/introduction.tex" in doc.problems[0].message


def test_citation_in_the_argument_of_a_caption_macro(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "refs.bib": BIB + BIB.replace("alpha2020", "beta2021"),
            "main.tex": (
                "\\documentclass{article}\n"
                "\\newcommand{\\flcaption}[1]{\\caption{\\textsl{#1}}}\n"
                "\\newcommand{\\figureEx}[3]{\\begin{figure}\\caption[#3]{#2}\\label{#1}"
                "\\end{figure}}\n"
                "\\newcommand{\\hide}[1]{}\n"
                "\\begin{document}\n"
                "\\flcaption{Source:\n\\cite{alpha2020}}\n"
                "\\figureEx{fig:x}%\n{After \\cite{beta2021}.}{Short}\n"
                "\\hide{\\cite{hidden}}\n"
                "\\bibliography{refs}\n\\end{document}\n"
            ),
        },
    )
    doc = _load(in_tmp)
    assert [(c.key, c.location.line) for c in doc.citations] == [
        ("alpha2020", 7),
        ("beta2021", 9),
    ]


def test_citation_in_a_listing_caption_but_not_in_its_code(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "refs.bib": BIB,
            "main.tex": (
                "\\documentclass{article}\n\\begin{document}\n"
                "\\begin{lstlisting}[float, caption={Routing, after \\cite{alpha2020}}, "
                "label={x}]\n<router-outlet> \\cite{code} </router-outlet>\n"
                "\\end{lstlisting}\n\\bibliography{refs}\n\\end{document}\n"
            ),
        },
    )
    assert [c.key for c in _load(in_tmp).citations] == ["alpha2020"]


def test_includes_with_spaces_quotes_and_subfiles(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "refs.bib": "".join(BIB.replace("alpha2020", k) for k in "abcdef"),
            "chapters/chapter one.tex": "\\cite{a}\n",
            "chapters/chapter two.tex": "\\cite{b}\n",
            "chapters/chapter three.tex": "\\cite{c}\n",
            "sections/intro.tex": "\\documentclass[../main.tex]{subfiles}\n"
            "\\begin{document}\n\\cite{d}\n\\input{sections/figure}\n\\input{table}\n"
            "\\end{document}\n\\cite{never}\n",
            "sections/figure.tex": "\\cite{e}\n",  # relative to the main file, as TeX reads it
            "sections/table.tex": "\\cite{f}\n",  # relative to the including file (import)
            "main.tex": "\\documentclass{article}\n\\usepackage{subfiles}\n\\begin{document}\n"
            '\\include{chapters/chapter one}\n\\input{"chapters/chapter two"}\n'
            '\\input "chapters/chapter three"\n\\subfile{sections/intro}\n'
            "\\bibliography{refs}\n\\end{document}\n",
        },
    )
    doc = _load(in_tmp)
    assert [c.key for c in doc.citations] == list("abcdef")
    assert not doc.problems


def test_a_key_repeated_in_a_later_bibliography_file_is_ignored_there(in_tmp: Path) -> None:
    other = "@book{alpha2020, author = {Alpha, Ann}, title = {Another copy}, year = 2020}\n"
    write_files(
        in_tmp,
        {
            "ch1.bib": BIB,
            "ch2.bib": other + "@misc{beta2021, author = {Beta, Bo}, title = {U}, year = 2021}\n",
            "main.tex": "\\documentclass{report}\n\\usepackage{biblatex}\n"
            "\\addbibresource{ch1.bib}\n\\addbibresource{ch2.bib}\n\\begin{document}\n"
            "\\cite{alpha2020}\n\\printbibliography\n\\end{document}\n",
        },
    )
    doc = _load(in_tmp)
    assert [(r.key, r.title) for r in doc.references] == [("alpha2020", "T"), ("beta2021", "U")]
    [dup] = [p for p in doc.problems if p.kind == "duplicate-key"]
    assert dup.location is not None and dup.location.path == "ch2.bib"
    assert "first in ch1.bib" in dup.message
