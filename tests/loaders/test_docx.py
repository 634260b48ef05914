"""DOCX loader: paragraphs, tables, notes, reference-manager fields, zip safety."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from citecheck.loaders._zip import SafeZip, ZipLimits
from citecheck.loaders.docx import load
from citecheck.model.errors import InputError
from tests.support.docx import write_docx

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _p(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _field(instruction: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(instruction[:40])}</w:instrText></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(instruction[40:])}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{escape(result)}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _docx(path: Path, body: str, footnotes: str | None = None) -> Path:
    return write_docx(path, NS, body, footnotes)


def test_text_paragraphs_tables_and_footnotes(tmp_path: Path) -> None:
    body = (
        _p("Groundwater study", "Title")
        + _p("Rain matters (Smith, 2019).")
        + "<w:tbl><w:tr><w:tc>"
        + _p("Table cell cites Lee (2018).")
        + "</w:tc></w:tr></w:tbl>"
        + '<w:p><w:r><w:t>Anchor.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
        + "<w:p><w:del><w:r><w:delText>(Gone, 2001)</w:delText></w:r></w:del></w:p>"
        + _p("References", "Heading1")
        + _p("Smith, J. (2019). Rain. Journal of Water, 1, 1-2.")
        + _p("Lee, K. (2018). Soil. Springer.")
    )
    notes = (
        '<w:footnote w:id="2"><w:p><w:r><w:t>See also (Park, 2010).</w:t></w:r></w:p></w:footnote>'
    )
    doc = load(_docx(tmp_path / "a.docx", body, notes), "a.docx")
    got = [(c.authors, c.year, c.location.paragraph) for c in doc.citations]
    assert (("Smith",), "2019", 2) in got and (("Lee",), "2018", 3) in got
    assert (("Park",), "2010", 4) in got  # footnote located at its anchor paragraph
    assert all(c.authors != ("Gone",) for c in doc.citations)
    assert [r.year for r in doc.references] == ["2019", "2018"]
    assert doc.references[0].location.paragraph == 7
    assert doc.metadata.title == "Groundwater study" and doc.bibliography_found


def test_zotero_and_mendeley_fields_are_structured(tmp_path: Path) -> None:
    item = {
        "id": 7,
        "type": "article-journal",
        "title": "Roots",
        "author": [{"family": "Smith", "given": "J"}],
        "issued": {"date-parts": [[2019]]},
        "DOI": "10.1000/x1",
    }
    zotero = "ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(
        {
            "citationItems": [
                {
                    "id": 7,
                    "uris": ["http://zotero.org/users/1/items/AB"],
                    "itemData": item,
                    "locator": "4",
                }
            ]
        }
    )
    mendeley = "ADDIN CSL_CITATION " + json.dumps(
        {
            "citationItems": [
                {
                    "id": "ITEM-1",
                    "itemData": {**item, "title": "Soil", "id": "ITEM-1"},
                    "uris": ["http://www.mendeley.com/documents/?uuid=u2"],
                }
            ]
        }
    )
    body = (
        f'<w:p><w:r><w:t xml:space="preserve">Text </w:t></w:r>{_field(zotero, "(Smith, 2019)")}</w:p>'
        f"<w:p>{_field(mendeley, '(Smith, 2019b)')}</w:p>"
        + _p("References", "Heading1")
        + f"<w:p>{_field('ADDIN ZOTERO_BIBL {} CSL_BIBLIOGRAPHY', 'Smith J (2019) Roots.')}</w:p>"
    )
    doc = load(_docx(tmp_path / "z.docx", body), "z.docx")
    # The printed list is the reference list; the Zotero item is its entry (by title),
    # and the Mendeley item ("Soil") is not printed: its field is read as its text shows.
    assert [r.text for r in doc.references] == ["Smith J (2019) Roots."]
    assert doc.references[0].source == "bibliography"
    assert doc.references[0].key == "http://zotero.org/users/1/items/AB"
    first, second = doc.citations
    assert first.key == "http://zotero.org/users/1/items/AB" and first.style == "key"
    assert first.text == "(Smith, 2019)" and first.locator == "p. 4"
    assert first.location.paragraph == 1 and first.location.column == 6
    assert (second.style, second.authors, second.year) == ("author-year", ("Smith",), "2019b")


def test_endnote_field(tmp_path: Path) -> None:
    xml = (
        "<EndNote><Cite><Author>Lee</Author><Year>2018</Year><RecNum>12</RecNum>"
        '<record><rec-number>12</rec-number><ref-type name="Journal Article">17</ref-type>'
        "<contributors><authors><author>Lee, Kim</author></authors></contributors>"
        "<titles><title>Soils</title><secondary-title>Geoderma</secondary-title></titles>"
        "<dates><year>2018</year></dates></record></Cite></EndNote>"
    )
    body = f"<w:p>{_field('ADDIN EN.CITE ' + xml, '(Lee, 2018)')}</w:p>"
    doc = load(_docx(tmp_path / "e.docx", body), "e.docx")
    assert [c.key for c in doc.citations] == ["endnote:12"]
    ref = doc.references[0]
    assert (ref.authors[0].family, ref.year, ref.title, ref.container) == (
        "Lee",
        "2018",
        "Soils",
        "Geoderma",
    )


def test_zip_limits(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<a>" + " " * 3_000_000 + "</a>")
    with pytest.raises(InputError, match="zip bomb"):
        SafeZip(bomb).read("word/document.xml")
    many = tmp_path / "many.docx"
    with zipfile.ZipFile(many, "w") as z:
        for i in range(12):
            z.writestr(f"p{i}", "x")
    with pytest.raises(InputError, match="parts"):
        SafeZip(many, ZipLimits(max_members=10))


def test_entity_expansion_refused(tmp_path: Path) -> None:
    p = tmp_path / "x.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/document.xml", '<!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>')
    with pytest.raises(InputError, match="damaged"):
        load(p, "x.docx")


def test_table_cells_and_captions_are_floats(tmp_path: Path) -> None:
    body = (
        _p("Sleep is short [1].")
        + _p("Table 1. Studies of naps.", "Caption")
        + "<w:tbl><w:tr><w:tc>"
        + _p("Naps help [4].")
        + "</w:tc></w:tr></w:tbl>"
        + _p("Figure 1 Hours of sleep, adapted from [5].")
        + _p("Table 1 lists the studies [2].")
    )
    doc = load(_docx(tmp_path / "f.docx", body), "f.docx")
    floated = [
        any(a <= doc.text.index(s) < b for a, b in doc.floats)
        for s in ("Sleep is", "Table 1.", "Naps help", "Figure 1", "Table 1 lists")
    ]
    assert floated == [False, True, True, True, False]


def test_notes_are_kept_as_spans(tmp_path: Path) -> None:
    notes = (
        '<w:footnote w:id="2"><w:p><w:r><w:t>Okafor, C. Tides.</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>Letters, 2019.</w:t></w:r></w:p></w:footnote>"
    )
    body = '<w:p><w:r><w:t>Tides.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
    doc = load(_docx(tmp_path / "n.docx", body, notes), "n.docx")
    assert [doc.text[a:b] for a, b in doc.notes] == ["Okafor, C. Tides.\nLetters, 2019."]


def test_unstyled_title_abstract_and_keywords(tmp_path: Path) -> None:
    body = (
        _p("Tidal marsh sediment budgets under rising seas")
        + _p("Abstract: We measured sediment accretion on marsh transects for three years.")
        + _p("Keywords: salt marsh; sediment")
        + _p("Introduction")
        + _p("Marshes trap sediment (Smith, 2019).")
        + _p("References", "Heading1")
        + _p("Smith, J. (2019). Rain. Journal of Water, 1, 1-2.")
    )
    meta = load(_docx(tmp_path / "m.docx", body), "m.docx").metadata
    assert meta.title == "Tidal marsh sediment budgets under rising seas"
    assert meta.abstracts == ("We measured sediment accretion on marsh transects for three years.",)
    assert meta.keywords == ("salt marsh", "sediment")


def _mendeley(uuid: str, title: str) -> str:
    item = {
        "id": f"ITEM-{uuid}",
        "type": "article-journal",
        "title": title,
        "author": [{"family": "Okafor", "given": "A"}],
        "issued": {"date-parts": [[2019]]},
    }
    return "ADDIN CSL_CITATION " + json.dumps(
        {
            "citationItems": [
                {
                    "id": f"ITEM-{uuid}",
                    "itemData": item,
                    "uris": [f"http://www.mendeley.com/documents/?uuid={uuid}"],
                }
            ]
        }
    )


@pytest.mark.parametrize(("printed", "entries"), [("Okafor A (2019) Wells.", 1), ("", 2)])
def test_one_work_under_two_library_ids_printed_once_is_one_entry(
    tmp_path: Path, printed: str, entries: int
) -> None:
    printed_list = (
        printed
        if not printed
        else f"<w:p>{_field('ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY', printed)}</w:p>"
    )
    body = (
        f"<w:p>{_field(_mendeley('u1', 'Wells'), '(Okafor, 2019)')}</w:p>"
        f"<w:p>{_field(_mendeley('u2', 'Wells'), '(Okafor, 2019)')}</w:p>"
        + _p("References", "Heading1")
        + printed_list
    )
    doc = load(_docx(tmp_path / "m.docx", body), "m.docx")
    assert len(doc.references) == entries
    keys = {r.key for r in doc.references}
    assert all(c.key in keys for c in doc.citations)
    # Without a printed list the fields' items are the list, and a note says so.
    notes = [p for p in doc.problems if p.kind == "field-items-only"]
    assert len(notes) == (0 if printed else 1)


def test_a_long_paragraph_with_an_outline_level_is_prose(tmp_path: Path) -> None:
    # Word copies paragraph properties along: a body paragraph may carry the outline
    # level of the heading it was split from. Its citations are still citations.
    long_text = (
        "Farmers in the survey region sprayed their own fields in most cases, and the "
        "share of hectares treated by hired applicators fell over the three seasons that "
        "were covered by the questionnaire. "
    ) * 2 + "New labels apply from next year (EPA 2017)."
    body = (
        _p("Results", "Heading1")
        + f'<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t xml:space="preserve">'
        f"{escape(long_text)}</w:t></w:r></w:p>"
        + '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>References</w:t></w:r></w:p>'
        + _p("EPA (2017) New rules for sprayers. Agency notes, 2, 1-3.")
    )
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [(c.authors, c.year) for c in doc.citations] == [(("EPA",), "2017")]
    assert len(doc.references) == 1
