"""JATS loader: xref citations with ranges, tagged reference fields, safe parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.loaders.jats import load
from citecheck.model.errors import InputError

FIXTURE = Path(__file__).parents[1] / "fixtures" / "formats" / "jats" / "article.xml"


def test_citations_with_ranges_and_missing_rid() -> None:
    doc = load(FIXTURE, "a.xml")
    assert [c.key for c in doc.citations] == ["r1", "r2", "r3", "r4", "r9", "r1", "r2"]
    r1 = doc.citations[0]
    assert (r1.location.line, r1.location.column) == (11, 34)
    assert r1.group == doc.citations[2].group != doc.citations[3].group
    assert doc.citations[3].group == doc.citations[4].group
    for c in doc.citations:
        assert c.text in doc.text[c.start : c.end] or c.key == "r2"
    assert "figure 1" in doc.text and "Drought and roots" not in doc.text
    cited = {c.key for c in doc.citations}
    listed = {r.key for r in doc.references}
    assert cited - listed == {"r9"} and listed - cited == {"r5"}


def test_reference_fields() -> None:
    refs = {r.key: r for r in load(FIXTURE, "a.xml").references}
    r1 = refs["r1"]
    assert [a.family for a in r1.authors] == ["Smith", "Brown"] and r1.et_al
    assert (r1.year, r1.title, r1.container, r1.volume, r1.issue, r1.pages, r1.doi) == (
        "2019",
        "Drought and roots",
        "Plant Soil",
        "12",
        "3",
        "100-110",
        "10.1000/xyz123",
    )
    assert r1.location.line == 17 and r1.number == 1 and r1.source == "jats"
    r2 = refs["r2"]
    assert r2.authors[0].corporate and r2.title == "Rice atlas" and r2.kind == "book"
    assert refs["r3"].authors[0].family == "Lee" and refs["r3"].pages == "1-9"
    assert refs["r4"].year == "2012"  # untagged mixed citation read from its text


def test_metadata() -> None:
    meta = load(FIXTURE, "a.xml").metadata
    assert meta.title == "Rainfall and rice roots"
    assert meta.abstracts == ("We study roots. Café.",)
    assert meta.keywords == ("rice", "rainfall") and meta.headings == ("Introduction",)
    assert meta.language == "en"


@pytest.mark.parametrize(
    "data, message",
    [
        (
            b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]><article>&b;</article>',
            "refused",
        ),
        (b"<article><p>unclosed</article>", "not well-formed"),
        (b"<html/>", "not a JATS"),
    ],
)
def test_bad_input_is_input_error(tmp_path: Path, data: bytes, message: str) -> None:
    p = tmp_path / "bad.xml"
    p.write_bytes(data)
    with pytest.raises(InputError, match=message):
        load(p, "bad.xml")
