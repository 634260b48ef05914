"""A reference file checked on its own: ``citecheck check refs.bib`` / ``fix refs.bib``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main

BIB = """@article{a, author={Smith, John}, title={Soil moisture and maize yield},
  journal={Field Crops Research}, year={2020}, doi={10.1016/j.fcr.2020.1}}
@article{b, author={Smith, John}, title={Soil moisture and maize yield},
  journal={Field Crops Research}, year={2020}, doi={10.1016/j.fcr.2020.1}}
@article{c, author={Doe, Jane}, title={Terraces}, journal={Geoderma}, year={2019},
  doi={10.1016/j.geoderma 2019}}
"""
RIS = "TY  - JOUR\nAU  - Smith, John\nTI  - A title\nPY  - 2020\nER  - \n"


@pytest.fixture()
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CITECHECK_OFFLINE", "1")
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "cache"))

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_check_a_bib_file_alone(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    result = run("check", "refs.bib", "--format", "json")
    data = json.loads(result.stdout)
    rules = sorted(f["rule"] for f in data["findings"])
    assert "duplicate-reference" in rules
    assert "listed-not-cited" not in rules  # nothing can cite a lone reference file
    # what could not be checked offline is said, never silently passed
    assert any(s["check"] == "registry" for s in data["summary"]["skipped_checks"])
    assert data["summary"]["references"] == 3


@pytest.mark.parametrize(
    "name,text",
    [
        ("refs.ris", RIS),
        (
            "refs.json",
            json.dumps(
                [
                    {
                        "id": "k",
                        "type": "article-journal",
                        "title": "T",
                        "author": [{"family": "Smith"}],
                        "issued": {"date-parts": [[2020]]},
                    }
                ]
            ),
        ),
    ],
)
def test_check_other_reference_formats_alone(run, tmp_path: Path, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("check", name)
    assert result.exit_code == 0, result.output
    assert "cannot read" not in result.output


def test_fix_offline_says_what_it_could_not_check(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    result = run("fix", "refs.bib")
    assert result.exit_code == 0
    assert "not checked: registry (refs.bib): 3 of 3 references" in result.stderr
    assert "nothing to fix among what could be checked" in result.stderr


def test_typed_list_given_with_references(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A chapter-split thesis: the Daftar Pustaka is typed in a file of its own."""
    (tmp_path / "bab1.md").write_text(
        "# Bab 1\n\nTata kelola kolaboratif (Ansell & Gash, 2008) dan (Emerson, 2012).\n",
        encoding="utf-8",
    )
    (tmp_path / "pustaka.txt").write_text(
        "Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. "
        "Journal of Public Administration Research and Theory, 18(4), 543-571.\n\n"
        "Lain, B. (2010). Buku yang tidak dikutip. Bandung: Penerbit.\n",
        encoding="utf-8",
    )
    result = run("check", "bab1.md", "--references", "pustaka.txt", "--format", "json")
    found = {(f["rule"], f["location"]["path"]) for f in json.loads(result.stdout)["findings"]}
    assert ("cited-not-listed", "bab1.md") in found
    assert ("listed-not-cited", "pustaka.txt") in found


def test_markdown_with_raw_latex_cites_and_its_bib(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A Markdown thesis built through LaTeX: \\cite{key} is passed through to BibTeX,
    which prints only the cited entries of the .bib given for it."""
    (tmp_path / "memoire.md").write_text(
        "# Introduction\n\nLes terrasses retiennent l'eau \\cite{c}. Voir aussi "
        "\\citep[p.~3]{a, zz}.\n\n```\n\\cite{b}\n```\n",
        encoding="utf-8",
    )
    (tmp_path / "biblio.bib").write_text(BIB, encoding="utf-8")
    result = run("check", "memoire.md", "--references", "biblio.bib", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    # 'zz' is in no database; 'b' is cited only inside a code block, and an uncited
    # database entry is not printed, so it is not reported
    assert [
        (f["rule"], f["citation"]["key"]) for f in findings if f["rule"] == "cited-not-listed"
    ] == [("cited-not-listed", "zz")]
    assert not [f for f in findings if f["rule"] == "listed-not-cited"]


def test_typed_list_under_sub_headings(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Group titles inside a reference list are not entries."""
    (tmp_path / "esai.md").write_text(
        "# Esai\n\nSeperti dibahas (Ansell & Gash, 2008).\n\n## Daftar Pustaka\n\n"
        "### Buku\n\nAnsell, C., & Gash, A. (2008). Collaborative governance in theory "
        "and practice. Journal of Public Administration Research and Theory, 18(4), 543-571.\n\n"
        "### Sumber Internet\n\nLain, B. (2010). Laman yang tidak dikutip. Diakses dari "
        "https://example.org/lain.\n",
        encoding="utf-8",
    )
    result = run("check", "esai.md", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    uncited = [f["reference"]["text"] for f in findings if f["rule"] == "listed-not-cited"]
    assert len(uncited) == 1 and uncited[0].startswith("Lain, B. (2010)")


def test_entries_written_as_headings(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "laporan.md").write_text(
        "# Laporan\n\nBerdasarkan [1] dan [2], kuat tekan beton diprediksi.\n\n# References\n"
        '##### [1] K. A. Tutu, "Concrete quality issues in multistory buildings," '
        "Case Studies in Construction Materials, vol. 17, 2022.\n"
        '##### [2] G. Liu, B. Sun, "Concrete compressive strength prediction," '
        "Case Studies in Construction Materials, vol. 18, 2023.\n",
        encoding="utf-8",
    )
    result = run("check", "laporan.md", "--format", "json")
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["findings"]] == []
