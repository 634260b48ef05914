"""Pandoc Markdown loader: syntax, metadata bibliographies, agreement with pandoc."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from citecheck.loaders import markdown_file as markdown
from citecheck.loaders._pandoc_cites import find_cites, is_crossref
from citecheck.loaders.pandoc import _masked, is_pandoc, load

FIXTURES = Path(__file__).parents[1] / "fixtures" / "formats" / "pandoc"
HAS_PANDOC = shutil.which("pandoc") is not None


def test_paper_citations_and_fields() -> None:
    doc = markdown.load(FIXTURES / "paper.md", "pandoc/paper.md")
    assert doc.format == "pandoc"
    keys = [c.key for c in doc.citations]
    assert keys == [
        "smith2019",
        "jones2020",
        "lee2018",
        "smith2019",
        "yamada2017",
        "odd.key:2021",
        "ghost2022",
        "inline2012",
        "phantom2010",
        "nocited2015",
    ]
    lee = doc.citations[2]
    assert (lee.prefix, lee.locator, lee.narrative) == ("see", "pp. 33-35", False)
    assert doc.citations[3].prefix == "also" and doc.citations[3].group == lee.group
    jones = doc.citations[1]
    assert (
        jones.narrative
        and jones.locator == "p. 4"
        and jones.location.short() == "pandoc/paper.md:23:33"
    )
    assert doc.citations[8].suppressed == ("cited-not-listed",)
    assert [r.key for r in doc.references] == [
        "smith2019",
        "jones2020",
        "lee2018",
        "nocited2015",
        "unused2010",
        "yamada2017",
        "odd.key:2021",
        "inline2012",
    ]
    assert (
        doc.references[5].year == "2017"
        and doc.references[5].location.short() == "pandoc/extra.yaml:2:1"
    )
    assert doc.references[-1].location.line == 12
    assert doc.reference_files == ("pandoc/refs.bib", "pandoc/extra.yaml")
    assert doc.metadata.title == "Rain, Roots and Rice" and doc.metadata.language == "en"
    assert doc.metadata.keywords == ("rice", "roots", "rainfall")


def test_detection() -> None:
    assert is_pandoc("---\nbibliography: x.bib\n---\ntext\n")
    assert is_pandoc("As shown [@smith2019].")
    assert is_pandoc("As shown [see @smith2019, p. 3].")
    assert not is_pandoc("Mail me at a@b.com (Smith, 2019).")
    assert not is_pandoc("Code `[@x]` only.\n")
    # an "@" glued to a word is no citation, also when the word ends in a decomposed accent
    assert not is_pandoc("Mail [Ù@0 now].") and not is_pandoc("Mail [U\u0300@0 now].")


def test_missing_bibliography_and_nocite_star(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text(
        "---\nbibliography: nothere.bib\nnocite: '@*'\n---\nText [@a].\n", encoding="utf-8"
    )
    doc = load(p, "a.md")
    assert doc.allow_uncited
    assert [pr.kind for pr in doc.problems] == ["missing-bibliography-file"]
    assert doc.problems[0].location.line == 2


def test_bibliography_as_a_list_of_one_element_lists(tmp_path: Path) -> None:
    (tmp_path / "a.bib").write_text("@book{a, author={Ann Lee}, title={T}, year=2001}\n")
    (tmp_path / "b.bib").write_text("@book{b, author={Bo Kim}, title={U}, year=2002}\n")
    p = tmp_path / "m.md"
    p.write_text("---\nbibliography:\n  - [a.bib]\n  - [b.bib]\n---\nText [@a; @b].\n")
    doc = load(p, "m.md")
    assert [r.key for r in doc.references] == ["a", "b"]
    assert doc.cited_only_database and not doc.problems


def _ast_keys(path: Path) -> list[str]:
    out = subprocess.run(
        ["pandoc", "-t", "json", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    keys: list[str] = []

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            if x.get("t") == "Cite":
                keys.extend(c["citationId"] for c in x["c"][0])
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(json.loads(out)["blocks"])  # body only; metadata nocite is tested elsewhere
    return keys


@pytest.mark.skipif(not HAS_PANDOC, reason="pandoc not installed")
@pytest.mark.parametrize("name", ["paper.md", "syntax.md"])
def test_same_citation_keys_as_pandoc(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    from citecheck.loaders.pandoc import front_matter

    ours = [c.key for c in find_cites(_masked(text, front_matter(text)[1]))]
    theirs = [k for k in _ast_keys(FIXTURES / name) if not is_crossref(k)]
    assert sorted(ours) == sorted(theirs)


@pytest.mark.skipif(not HAS_PANDOC, reason="pandoc not installed")
def test_citeproc_warnings_equal_cited_not_listed() -> None:
    proc = subprocess.run(
        ["pandoc", "--citeproc", "-t", "plain", "paper.md"],
        cwd=FIXTURES,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    warned = set(re.findall(r"citation (\S+) not found", proc.stderr))
    warned = {k for k in warned if not is_crossref(k)}
    doc = load(FIXTURES / "paper.md", "paper.md")
    listed = {r.key for r in doc.references}
    ours = {c.key for c in doc.citations} - listed
    assert ours == warned == {"ghost2022", "phantom2010"}


def test_raw_natbib_commands_are_citations(tmp_path: Path) -> None:
    """R Markdown built with ``citation_package: natbib`` cites with raw ``\\citep``;
    read as key citations (nothing read made such a manuscript pass unchecked)."""
    (tmp_path / "refs.bib").write_text(
        "@article{alpha2001, author={Alpha, A.}, title={One}, year={2001}}\n"
        "@article{beta2002, author={Beta, B.}, title={Two}, year={2002}}\n"
        "@article{gamma2003, author={Gamma, G.}, title={Three}, year={2003}}\n",
        encoding="utf-8",
    )
    src = tmp_path / "paper.Rmd"
    src.write_text(
        "---\ntitle: A\nbibliography: refs.bib\n---\n\n"
        "Growth varies \\citep{alpha2001,beta2002}; as \\citet{missing2010} showed.\n"
        "Also [@gamma2003]. \\nocite{beta2002}\n\n"
        "```{r}\nx <- '\\\\citep{chunk2020}'\n```\n",
        encoding="utf-8",
    )
    doc = load(src, "paper.Rmd")
    cited = [(c.key, c.narrative) for c in doc.citations]
    assert ("alpha2001", False) in cited and ("beta2002", False) in cited
    assert ("missing2010", True) in cited and ("gamma2003", False) in cited
    assert all(c.key != "chunk2020" for c in doc.citations)
    alpha, beta = (next(c for c in doc.citations if c.key == k) for k in ("alpha2001", "beta2002"))
    assert alpha.group == beta.group and alpha.location.line == 6
