"""Thesis templates that choose their chapters with a loop and a test: ``\\foreach``
(pgffor), ``\\IfFileExists`` and ``\\IfStrEq`` (xstring). Our own minimal template."""

from __future__ import annotations

from pathlib import Path

import pytest

import citecheck
from citecheck.loaders import load_manuscript
from citecheck.loaders._latex_flow import list_items
from tests.loaders.conftest import write_files

BIB = (
    "@article{alpha2020, author = {Alpha, Ann}, title = {T}, journal = {J}, year = 2020}\n"
    "@article{beta2021, author = {Beta, Bo}, title = {U}, journal = {J}, year = 2021}\n"
)

MAIN = (
    "\\documentclass{report}\n\\usepackage{pgffor}\n\\usepackage{xstring}\n"
    "\\edef\\chapters{1,2,3,4}\n\\def\\mode{final}\n"
    "\\newcommand{\\only}[1]{\\IfStrEq{#1}{all}{}{\\IfStrEq{\\mode}{draft}{\\edef\\chapters{#1}}{}}}\n"
    "\\only{all}\n"
    "\\begin{document}\n"
    "\\foreach \\i in \\chapters { \\edef\\f{Chap/ch\\i} \\IfFileExists{\\f}{\\include{\\f}}}\n"
    "\\bibliography{refs}\n\\end{document}\n"
)


def test_chapters_chosen_by_a_loop_are_read(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "main.tex": MAIN,
            "refs.bib": BIB,
            "Chap/ch1.tex": "As shown \\cite{alpha2020}.\n",
            "Chap/ch2.tex": "And \\cite{beta2021}.\n",
            # ch3 and ch4 do not exist: \IfFileExists skips them, nothing is missing
        },
    )
    doc = load_manuscript(in_tmp / "main.tex", "main.tex")
    assert sorted(c.key for c in doc.citations) == ["alpha2020", "beta2021"]
    assert not [p for p in doc.problems if p.kind == "missing-include"]


def test_a_string_test_that_cannot_be_decided_is_read_as_before(in_tmp: Path) -> None:
    main = MAIN.replace("\\def\\mode{final}\n", "").replace("\\only{all}", "\\only{1}")
    write_files(in_tmp, {"main.tex": main, "refs.bib": BIB, "Chap/ch1.tex": "\\cite{alpha2020}\n"})
    doc = load_manuscript(in_tmp / "main.tex", "main.tex")
    # \mode is undefined: the inner test is not decided, its definition runs as before
    assert [c.key for c in doc.citations] == ["alpha2020"]


@pytest.mark.parametrize(
    ("raw", "items"),
    [
        ("1,2,3", ["1", "2", "3"]),
        ("1,...,4", ["1", "2", "3", "4"]),
        ("1,3,...,9", ["1", "3", "5", "7", "9"]),
        ("A,...,D", ["A", "B", "C", "D"]),
        ("1,...,100000", None),
        ("x,...,9", None),
    ],
)
def test_loop_lists(raw: str, items: list[str] | None) -> None:
    assert list_items(raw) == items


def test_a_list_printed_only_by_nocite_is_a_warning(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "main.tex": "\\documentclass{report}\n\\begin{document}\nNo citation yet.\n"
            "\\nocite{*}\n\\bibliography{refs}\n\\end{document}\n",
            "refs.bib": BIB,
        },
    )
    report = citecheck.check(in_tmp / "main.tex", citecheck.Settings(offline=True))
    rules = [(f.rule, f.severity.value) for f in report.findings]
    assert ("listed-not-cited", "warning") in rules
    assert report.findings[0].evidence["printed_by"] == "nocite"


def test_nested_loops_are_unrolled_within_a_budget(in_tmp: Path) -> None:
    loop = "\\foreach \\{v} in {{1,...,200}} {{{body}}}"
    body = "\\cite{k\\a\\b\\c} "
    for v in "cba":
        body = loop.format(v=v, body=body)
    write_files(in_tmp, {"main.tex": f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\n"})
    doc = load_manuscript(in_tmp / "main.tex", "main.tex")
    # 8,000,000 iterations asked for; the unrolled text is bounded (MAX_UNROLLED)
    assert 0 < len(doc.citations) < 50_000


def test_files_found_through_input_path(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "main.tex": "\\documentclass{report}\n\\makeatletter\n\\def\\input@path{{chapters/}{lib/}}\n"
            "\\makeatother\n\\begin{document}\n\\include{intro}\n\\bibliography{refs}\n"
            "\\end{document}\n",
            "refs.bib": BIB,
            "chapters/intro.tex": "Shown \\cite{alpha2020}.\n",
        },
    )
    doc = load_manuscript(in_tmp / "main.tex", "main.tex")
    assert [c.key for c in doc.citations] == ["alpha2020"] and not doc.problems


def test_environment_code_runs_where_the_environment_is_used(in_tmp: Path) -> None:
    # A package defines an environment that writes and reads back a scratch file
    # (\jobname.demo); nobody uses it, so nothing is read and nothing is missing.
    write_files(
        in_tmp,
        {
            "mytpl.sty": "\\newenvironment{demo}{\\begingroup}"
            "{\\endgroup\\input{\\jobname.demo}}\n"
            "\\newenvironment{seealso}[1]{See \\cite{#1}.}{}\n",
            "main.tex": "\\documentclass{report}\n\\usepackage{mytpl}\n"
            "\\newenvironment{unused}{\\cite{gamma2019}}{}\n\\begin{document}\n"
            "Text \\cite{alpha2020}.\n\\begin{seealso}{beta2021}\nMore.\n\\end{seealso}\n"
            "\\bibliography{refs}\n\\end{document}\n",
            "refs.bib": BIB,
        },
    )
    doc = load_manuscript(in_tmp / "main.tex", "main.tex")
    assert [c.key for c in doc.citations] == ["alpha2020", "beta2021"]
    assert doc.citations[1].location.line == 6  # the \begin{seealso}
    assert not doc.problems


def test_a_used_environment_that_reads_a_file_the_run_writes(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "main.tex": "\\documentclass{report}\n"
            "\\newenvironment{demo}{}{\\input{\\jobname.demo}\\input{notes}}\n"
            "\\begin{document}\n\\begin{demo}x\\end{demo}\n\\bibliography{refs}\n"
            "\\end{document}\n",
            "refs.bib": BIB,
            "notes.tex": "Read at the end of the environment \\cite{alpha2020}.\n",
        },
    )
    doc = load_manuscript(in_tmp / "main.tex", "main.tex")
    assert [c.key for c in doc.citations] == ["alpha2020"]
    assert not [p for p in doc.problems if p.kind == "missing-include"]


def test_animation_frames_are_read_one_by_one(in_tmp: Path) -> None:
    write_files(
        in_tmp,
        {
            "main.tex": "\\documentclass{report}\n\\usepackage{animate}\n\\begin{document}\n"
            "\\begin{animateinline}{2}\n"
            "\\multiframe{3}{i=2+2,rX=0.5+0.1}{\\input{frames/f\\i}}\n"
            "\\end{animateinline}\n\\bibliography{refs}\n\\end{document}\n",
            "refs.bib": BIB,
            "frames/f2.tex": "A \\cite{alpha2020}.\n",
            "frames/f4.tex": "B.\n",
            "frames/f6.tex": "C \\cite{beta2021}.\n",
        },
    )
    doc = load_manuscript(in_tmp / "main.tex", "main.tex")
    assert [c.key for c in doc.citations] == ["alpha2020", "beta2021"]
    assert not doc.problems
