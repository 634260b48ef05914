"""Organisation and group authors cited in the text and given in the list: the
citation links to the listed organisation (no cited-not-listed, no uncited entry)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import citecheck
from citecheck.citations import extract_citations
from citecheck.references import parse_reference

Pairs = Callable[..., list[tuple[tuple[str, ...], str | None]]]

MANUSCRIPT = """# Method

The figures were drawn in Quillpad (Quillfern team, 2024) with records from the
(U.S. National Library of Fisheries 2021). The National Archives (2006) keeps the
letters, and Programa de Naciones Unidas para el Desarrollo (2014) gives the index.
Earlier work agrees (Okafor, 2019).

# References

Okafor, C. (2019). Tides and letters. Journal of Tides, 4(2), 10-20.

Programa de Naciones Unidas para el Desarrollo. (2014). Informe regional. PNUD.

Quillfern team. (2024). Quillpad: A drawing tool (Version 2.1). Quillfern.

The National Archives. (2006). Letters of the harbour office. Kew.

U.S. National Library of Fisheries. (2021). Catch records. NLF.
"""


@pytest.mark.parametrize(
    ("entry", "family"),
    [
        ("Quillfern team. (2024). Quillpad: A drawing tool. Quillfern.", "Quillfern team"),
        (
            "U.S. National Library of Fisheries. (2021). Catch records.",
            "U.S. National Library of Fisheries",
        ),
        ("The National Archives. (2006). Letters of the office. Kew.", "The National Archives"),
        (
            "Programa de Naciones Unidas para el Desarrollo. (2014). Informe regional.",
            "Programa de Naciones Unidas para el Desarrollo",
        ),
    ],
)
def test_list_reads_the_organisation_as_author(entry: str, family: str) -> None:
    ref = parse_reference(entry)
    assert [(a.family, a.corporate) for a in ref.authors] == [(family, True)]


def test_person_entry_is_not_an_organisation() -> None:
    ref = parse_reference("Okafor, C. (2019). A team approach to tides. Journal of Tides.")
    assert [a.family for a in ref.authors] == ["Okafor"]


def test_group_citations_link_to_the_listed_organisations(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text(MANUSCRIPT, encoding="utf-8")
    report = citecheck.check(path, citecheck.Settings(offline=True))
    rules = sorted({f.rule for f in report.findings})
    assert not [r for r in rules if r in ("cited-not-listed", "listed-not-cited")], [
        (f.rule, f.message) for f in report.findings
    ]


def test_organisation_after_a_description_starts_at_its_own_name(pairs: Pairs) -> None:
    text = "el Informe de Desarrollo Humano en Chile del Programa de Naciones Unidas (2014)"
    assert pairs(text) == [(("Programa de Naciones Unidas",), "2014")]
    assert pairs("as the U.S. National Library of Fisheries (2021) shows") == [
        (("U.S. National Library of Fisheries",), "2021")
    ]


def test_lower_case_group_name_is_read_only_when_listed(tmp_path: Path) -> None:
    listed = "# A\n\nDrawn in it (quillpad project, 2017).\n\n# References\n\n"
    entry = "quillpad project. (2017). quillpad (Version 0.8). Computer software.\n"
    path = tmp_path / "paper.md"
    path.write_text(listed + entry, encoding="utf-8")
    report = citecheck.check(path, citecheck.Settings(offline=True))
    assert not [f for f in report.findings if f.rule in ("cited-not-listed", "listed-not-cited")]
    assert extract_citations("Drawn in it (quillpad project, 2017).", path="x.md") == []
