"""DOCX reference lists: where the list is and where it ends, and what an entry is.

Word keeps paragraphs, line breaks, tables and styles; those are the boundaries read
here, not the look of the text. Every document below is written by these tests.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from citecheck.loaders.docx import load

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# Word localised in French and German: style ids in the user's language, built-in names.
STYLES = f"""<w:styles {NS}>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/>
  <w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/>
  <w:basedOn w:val="Titre1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Bibliographie"><w:name w:val="Bibliography"/>
  <w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Corpsdetexte"><w:name w:val="Body Text"/>
  <w:basedOn w:val="Normal"/></w:style>
</w:styles>"""


def _p(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    runs = "<w:r><w:br/></w:r>".join(
        f'<w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r>' for line in text.split("\n")
    )
    return f"<w:p>{ppr}{runs}</w:p>"


def _table(*cells: str) -> str:
    row = "".join(f"<w:tc>{_p(c)}</w:tc>" for c in cells)
    return f"<w:tbl><w:tr>{row}</w:tr></w:tbl>"


def _docx(path: Path, body: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
        z.writestr("word/styles.xml", STYLES)
    return path


def test_localised_heading_styles_delimit_the_list(tmp_path: Path) -> None:
    body = (
        _p("Wells dry up (Osei, 2019).", "Corpsdetexte")
        + _p("References", "Titre1")
        + _p("Osei, K. (2019). Wells. Water Journal, 2, 1-9.", "Bibliographie")
        + _p("Supplementary", "Titre1")
        + _p("Players A and B start with 100 points (2019).", "Corpsdetexte")
    )
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [r.authors[0].family for r in doc.references] == ["Osei"]
    assert doc.metadata.headings == ("References", "Supplementary")


def test_line_breaks_separate_entries_of_one_paragraph(tmp_path: Path) -> None:
    entries = "\n".join(
        f"{n}. Surname{n}, A.; Other, B. Title number {n}. J. Soils 2020, {n}, 1-{n + 9}."
        for n in range(1, 5)
    )
    body = _p("Soils [1,2] and more [3,4].") + _p("References", "Titre1") + _p(entries)
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [r.number for r in doc.references] == [1, 2, 3, 4]
    assert sorted({c.text for c in doc.citations}) == ["[1,2]", "[3,4]"]


def test_each_paragraph_is_an_entry(tmp_path: Path) -> None:
    # Neither entry ends with a period: as lines of plain text they would be one entry.
    body = (
        _p("As shown (Sugiyono, 2019; Arikunto, 2010).")
        + _p("Daftar Pustaka", "Titre1")
        + _p("Sugiyono. Metode Penelitian Kuantitatif. Bandung: Alfabeta, 2019")
        + _p("Arikunto, S. Prosedur Penelitian. Jakarta: Rineka Cipta, 2010")
    )
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [r.year for r in doc.references] == ["2019", "2010"]


def test_label_paragraph_and_wrapped_paragraphs_join_their_entry(tmp_path: Path) -> None:
    body = (
        _p("Networks evolve [1] and grow [2].")
        + _p("References", "Titre1")
        + _p("[1]")
        + _p("Stone, K., and Reed, R. 2002. Evolving networks. Evol. Comp. 10(2): 99-127.")
        + _p("[2]")
        + _p("Marsh, P., Lowe, Q., and Hale, T. 2011. Growing networks by augmenting")
        + _p("topologies with a long subtitle that wraps. Neural Comp. 4: 1-20.")
    )
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [r.number for r in doc.references] == [1, 2]
    assert "topologies" in doc.references[1].text
    assert doc.references[1].location.paragraph == 5


def test_heading_words_do_not_join_a_citation_after_it(tmp_path: Path) -> None:
    body = (
        _p("Example 1: Not Statistically Different", "berschrift2")
        + _p("Moon and Roeder (2014) compared two groups.")
        + _p("References", "Titre1")
        + _p("Moon, A., & Roeder, K. (2014). Two groups. Stats, 1, 1-2.")
    )
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [c.authors for c in doc.citations] == [("Moon", "Roeder")]


def test_tables_and_captions_after_the_list_are_not_entries(tmp_path: Path) -> None:
    body = (
        _table("Package", "Reference")
        + _table("glmm", "Lee (2021)")
        + _p("Power matters (Lee, 2021).")
        + _p("References", "Titre1")
        + _p("Lee, J. (2021). Power. Methods, 3, 1-5.")
        + _p("Figure 1: Sites of the field experiment in 2021.")
        + _table("Site", "Yield (kg ha-1)")
    )
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [r.authors[0].family for r in doc.references] == ["Lee"]


def _numbered(text: str) -> str:
    ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>'
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def test_an_unnumbered_paragraph_continues_a_word_numbered_entry(tmp_path: Path) -> None:
    body = (
        _p("Wells [1], pumps [2] and tanks [3] and rain [4].")
        + _p("References", "Titre1")
        + _numbered("Kwame Osei and Ama Mensah. Wells. Water Journal, 2:1-9, 2019.")
        + _numbered("Lena Brandt, Jonas Vogel, Mia Xin-")
        + _p("Qun Lee. Pumps and their care. Pump Review, 4:2-8, 2018.")
        + _numbered("Tomas Ruiz. Tanks of the")
        + _p("coast. Tank Letters, 1:5-6, 2017.")
        + _numbered("Ana Kahale. Rain. Rain Journal, 3:3-4, 2016.")
    )
    doc = load(_docx(tmp_path / "n.docx", body), "n.docx")
    texts = [r.text for r in doc.references]
    assert len(texts) == 4, texts
    assert "Xin-Qun Lee" in texts[1] and "Tanks of the coast" in texts[2]


def test_outline_heading_typed_as_a_list_item_does_not_join_a_citation(tmp_path: Path) -> None:
    # "B. Tujuan Peramalan" made with Word list numbering, then a narrative citation
    body = (
        _numbered("Tujuan Peramalan")
        + _p("Menurut Heizer dan Render (2015:47) peramalan penting.")
        + _numbered("Sumur dan pompa menurut Kusuma (2019).")
        + _p("References", "Titre1")
        + _p("Heizer, J., & Render, B. (2015). Operasi. Salemba, 1, 1-2.")
        + _p("Kusuma, A. (2019). Pompa. Jurnal Air, 2, 3-4.")
    )
    doc = load(_docx(tmp_path / "h.docx", body), "h.docx")
    assert [c.authors for c in doc.citations] == [("Heizer", "Render"), ("Kusuma",)]


def test_sub_headings_inside_the_list_are_not_entries(tmp_path: Path) -> None:
    body = (
        _p("Rules apply (Osei, 2019) and (Lind, 2021).", "Corpsdetexte")
        + _p("6. Literaturverzeichnis", "Titre1")
        + _p("6.1 Rechtsquellen", "berschrift2")
        + _p("Osei, K. (2019). Wells. Water Journal, 2, 1-9.")
        + _p("6.2 Fachliteratur", "berschrift2")
        + _p("Lind, A. (2021). Rivers. Berlin: Verlag.")
        + _p("7. Anhang", "Titre1")
    )
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [r.authors[0].family for r in doc.references] == ["Osei", "Lind"]
    assert "Fachliteratur" not in doc.references[0].text


def test_figure_captions_label_ends_the_list(tmp_path: Path) -> None:
    body = (
        _p("Birds moved (Osei 2019).", "Corpsdetexte")
        + _p("Literature Cited", "Titre1")
        + _p("Osei, K. (2019). Wells. Water Journal, 2, 1-9.")
        + _p("Figure captions:")
        + _p("Figure 1. Sightings of the birds in June.")
    )
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [r.authors[0].family for r in doc.references] == ["Osei"]
