"""The compiled .aux/.bcf against the sources: which bibliography is read.

The compiled file is read instead of the sources' names when it is newer than every
source file and every .bib the sources name (it records what BibTeX/biber read), and as
a fallback when every bibliography the sources name is missing."""

from __future__ import annotations

import os
from pathlib import Path

from citecheck.loaders import load_manuscript
from tests.loaders.conftest import write_files

BIB = "@article{alpha2020, author = {Alpha, Ann}, title = {T}, journal = {J}, year = 2020}\n"
BASE = 1_700_000_000.0
MAIN = (
    "\\documentclass{article}\n\\begin{document}\n\\cite{alpha2020}\n"
    "\\bibliography{old}\n\\end{document}\n"
)


def _project(root: Path, files: dict[str, str], build_offset: float) -> None:
    """Every file at BASE, the build files at BASE + build_offset seconds."""
    write_files(root, files)
    for name in files:
        at = BASE + build_offset if name.endswith((".aux", ".bcf")) else BASE
        os.utime(root / name, (at, at))


def _load(root: Path, main: str = "main.tex"):  # type: ignore[no-untyped-def]
    return load_manuscript(root / main, main)


def _kinds(doc) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    return [(p.kind, p.evidence.get("severity")) for p in doc.problems]


def test_newer_build_naming_another_file_is_read(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {
            "old.bib": BIB.replace("alpha2020", "gone"),
            "new.bib": BIB,
            "main.aux": "\\relax\n\\citation{alpha2020}\n\\bibdata{new}\n",
            "main.tex": MAIN,
        },
        build_offset=60,
    )
    doc = _load(in_tmp)
    assert doc.reference_files == ("new.bib",)
    assert _kinds(doc) == [("bibliography-from-build", "info")]
    assert "main.aux is newer than every source" in doc.problems[0].message


def test_older_build_leaves_the_sources(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {
            "old.bib": BIB,
            "new.bib": BIB,
            "main.aux": "\\relax\n\\citation{alpha2020}\n\\bibdata{new}\n",
            "main.tex": MAIN,
        },
        build_offset=-60,
    )
    doc = _load(in_tmp)
    assert doc.reference_files == ("old.bib",)
    assert not doc.problems


def test_build_written_with_the_sources_is_not_newer(in_tmp: Path) -> None:
    # a fresh clone or unpacked archive writes every file within a second or two
    for offset in (0.0, 1.5):
        _project(
            in_tmp,
            {"old.bib": BIB, "new.bib": BIB, "main.aux": "\\bibdata{new}\n", "main.tex": MAIN},
            build_offset=offset,
        )
        assert _load(in_tmp).reference_files == ("old.bib",)


def test_a_source_bib_edited_after_the_build_leaves_the_sources(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {"old.bib": BIB, "new.bib": BIB, "main.aux": "\\bibdata{new}\n", "main.tex": MAIN},
        build_offset=60,
    )
    os.utime(in_tmp / "old.bib", (BASE + 120, BASE + 120))
    assert _load(in_tmp).reference_files == ("old.bib",)


def test_an_included_chapter_edited_after_the_build_leaves_the_sources(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {
            "old.bib": BIB,
            "new.bib": BIB,
            "main.aux": "\\bibdata{new}\n",
            "chapter.tex": "\\cite{alpha2020}\n",
            "main.tex": MAIN.replace("\\cite{alpha2020}", "\\input{chapter}"),
        },
        build_offset=60,
    )
    os.utime(in_tmp / "chapter.tex", (BASE + 120, BASE + 120))
    assert _load(in_tmp).reference_files == ("old.bib",)


def test_a_local_class_edited_after_the_build_leaves_the_sources(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {
            "new.bib": BIB,
            "old.bib": BIB,
            "thesis.cls": "\\LoadClass{report}\n\\bibliography{old}\n",
            "main.aux": "\\bibdata{new}\n",
            "main.tex": "\\documentclass{thesis}\n\\begin{document}\n\\cite{alpha2020}\n"
            "\\end{document}\n",
        },
        build_offset=60,
    )
    os.utime(in_tmp / "thesis.cls", (BASE + 120, BASE + 120))
    assert _load(in_tmp).reference_files == ("old.bib",)


def test_newer_build_naming_the_same_file_adds_no_note(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {"old.bib": BIB, "main.aux": "\\bibdata{old}\n", "main.tex": MAIN},
        build_offset=60,
    )
    doc = _load(in_tmp)
    assert doc.reference_files == ("old.bib",)
    assert not doc.problems


def test_newer_build_naming_a_missing_file_leaves_the_sources(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {"old.bib": BIB, "main.aux": "\\bibdata{elsewhere}\n", "main.tex": MAIN},
        build_offset=60,
    )
    doc = _load(in_tmp)
    assert doc.reference_files == ("old.bib",)
    assert not doc.problems


def test_newer_bcf_over_addbibresource(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {
            "refs/old.bib": BIB,
            "refs/new.bib": BIB,
            "main.bcf": '<bcf:citekey order="1">alpha2020</bcf:citekey>\n'
            '<bcf:datasource type="file" datatype="bibtex">refs/new.bib</bcf:datasource>\n',
            "main.tex": "\\documentclass{article}\n\\usepackage{biblatex}\n"
            "\\addbibresource{refs/old.bib}\n\\begin{document}\n\\cite{alpha2020}\n"
            "\\printbibliography\n\\end{document}\n",
        },
        build_offset=60,
    )
    doc = _load(in_tmp)
    assert doc.reference_files == ("refs/new.bib",)
    assert _kinds(doc) == [("bibliography-from-build", "info")]


def test_missing_source_bibliography_falls_back_to_an_older_build(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {"new.bib": BIB, "main.aux": "\\bibdata{new}\n", "main.tex": MAIN},
        build_offset=-60,
    )
    doc = _load(in_tmp)
    assert doc.reference_files == ("new.bib",)
    assert [r.key for r in doc.references] == ["alpha2020"]
    assert _kinds(doc) == [
        ("missing-bibliography-file", "warning"),
        ("bibliography-from-build", "info"),
    ]
    assert "compiled main.aux is read instead (new)" in doc.problems[1].message


def test_one_source_bibliography_found_means_no_fallback(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {
            "old.bib": BIB,
            "new.bib": BIB,
            "main.aux": "\\bibdata{new}\n",
            "main.tex": MAIN.replace("{old}", "{old,lost}"),
        },
        build_offset=-60,
    )
    doc = _load(in_tmp)
    assert doc.reference_files == ("old.bib",)
    assert _kinds(doc) == [("missing-bibliography-file", None)]


def test_missing_everywhere_stays_an_error(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {"main.aux": "\\bibdata{elsewhere}\n", "main.tex": MAIN},
        build_offset=60,
    )
    doc = _load(in_tmp)
    assert doc.reference_files == ()
    assert _kinds(doc) == [("missing-bibliography-file", None)]


def test_newer_build_citing_keys_the_sources_do_not_says_so(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {
            "old.bib": BIB,
            "main.aux": "\\citation{alpha2020}\n\\citation{hidden}\n\\citation{*}\n"
            "\\bibdata{old}\n",
            "main.tex": MAIN,
        },
        build_offset=60,
    )
    doc = _load(in_tmp)
    assert _kinds(doc) == [("citations-from-build", "info")]
    assert doc.problems[0].evidence["keys"] == ["hidden"]


def test_older_build_citing_other_keys_is_not_evidence(in_tmp: Path) -> None:
    _project(
        in_tmp,
        {"old.bib": BIB, "main.aux": "\\citation{hidden}\n\\bibdata{old}\n", "main.tex": MAIN},
        build_offset=-60,
    )
    assert not _load(in_tmp).problems
