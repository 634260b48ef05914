"""doi-invalid: malformed DOIs are reported offline; valid or absent ones are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from records_builders import ref, run

import citecheck
from citecheck.rules.records.doi_invalid import RULE

ANSELL = (
    "Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. "
    "Journal of Public Administration Research and Theory, 18(4), 543-571. "
)


@pytest.mark.parametrize(
    ("text", "doi", "reason"),
    [
        (ANSELL + "https://doi.org/10.1093/", None, "nothing after the '/'"),
        (ANSELL + "doi: 10.109/jopart/mum032", None, "4-9 digit registrant"),
        (ANSELL + "doi:1O.1093/jopart/mum032", None, "letter instead of '10.'"),
        (ANSELL, "https://www.jstor.org/stable/25096311", "web address"),
        (ANSELL, "10.1093", "no '/'"),
    ],
)
def test_malformed(text: str, doi: str | None, reason: str) -> None:
    [f] = run(RULE, [ref(text, "Ansell", doi=doi)])
    assert f.code == "CC201" and f.severity.value == "error"
    assert reason in f.evidence["reason"]
    assert f.evidence["doi"] and f.location is not None and f.location.line == 10


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        (ANSELL + "https://doi.org/10.1093/jopart/mum032", None),
        (ANSELL, "10.1093/jopart/mum032"),
        (ANSELL, "https://doi.org/10.1093/JOPART/mum032."),
        (ANSELL + "DOI: -", None),  # "no DOI", not a malformed one
        (ANSELL + "DOI: n/a", None),
        (ANSELL, None),
        (ANSELL + "https://onlinelibrary.wiley.com/doi/full/10.1002/jor.1100150407", None),
        (ANSELL, "10/bqhp9z"),  # a shortDOI, which doi.org resolves
        (ANSELL, "https://doi.org/10/bqhp9z"),
        # another site's document id in a URL query, not a DOI
        (ANSELL + "http://repository.example.org/viewdoc/summary?doi=10.1.1.12.3456", None),
    ],
)
def test_valid_or_absent(text: str, doi: str | None) -> None:
    assert run(RULE, [ref(text, "Ansell", doi=doi)]) == []


def test_runs_without_the_registry() -> None:
    assert RULE.needs == frozenset()


def test_uncited_database_entry_is_not_judged(tmp_path: Path) -> None:
    """citeproc prints only cited entries of a .bib: a malformed DOI in an uncited one
    is not in the manuscript, so only the cited entry's DOI is reported."""
    (tmp_path / "refs.bib").write_text(
        "@article{cited, author={Tanaka, Aiko}, title={Wetland soils}, journal={Soil J},\n"
        "  year={2019}, doi={10.12/abc}}\n"
        "@article{spare, author={Oduya, Ben}, title={River fish}, journal={Fish J},\n"
        "  year={2018}, doi={10.34/xyz}}\n",
        encoding="utf-8",
    )
    (tmp_path / "paper.md").write_text(
        "---\nbibliography: refs.bib\n---\n\nSoils hold water [@cited].\n", encoding="utf-8"
    )
    report = citecheck.check("paper.md", citecheck.Settings(offline=True), root=tmp_path)
    found = [f for f in report.findings if f.rule == "doi-invalid"]
    assert [f.reference["key"] for f in found if f.reference] == ["cited"]
