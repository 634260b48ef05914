"""DOCX author-year lists whose entries were typed over several Word paragraphs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from citecheck.loaders._docx_text import Paragraph, paragraph_styles
from citecheck.loaders.docx import _resolve_styles, load

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _p(text: str, *, left: int | None = None, hanging: int = 0, style: str = "") -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if left is not None:
        ppr += f'<w:ind w:left="{left}"' + (f' w:hanging="{hanging}"' if hanging else "") + "/>"
    return (
        f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    )


def _load(tmp_path: Path, prose: str, entries: list[str]) -> list[str]:
    body = _p(prose) + _p("References", style="Heading1") + "".join(entries)
    path = tmp_path / "m.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
    return [r.text for r in load(path, "m.docx").references]


def _entry(text: str) -> str:  # an entry's first paragraph: hanging indent
    return _p(text, left=840, hanging=720)


def _cont(text: str) -> str:  # a paragraph whose first line sits at the hanging position
    return _p(text, left=840)


def test_entry_split_over_paragraphs_is_one_entry(tmp_path: Path) -> None:
    refs = _load(
        tmp_path,
        "Rain (Amsel & Birk, 2018; Corm, 2017; Dunn, 2010; Eyre, 2015).",
        [
            _entry("Amsel, J. D., Birk, L., & Cole, W. D. (2018)."),
            _cont("Rain gauges compared: Better sampling in small catchments."),
            _cont("Journal of Made-Up Hydrology, 13 (3), e0188299."),
            _entry("Corm, J. K. (2017). Soil and water in cold valleys."),
            _cont("Advances in Invented Soil Science, 2515245918771304."),
            _entry("Dunn, S. (2010). Testing rain hypotheses (2nd ed.)."),
            _cont("Springfield: Example Press."),
            _entry("Eyre, W. J. (2015). Clouds. Weather Notes, 61 (8), 1-2."),
            _entry("Fenn, A. (2016). Fog. Weather Notes, 62 (1), 3-4."),
        ],
    )
    assert len(refs) == 5
    assert refs[0].endswith("Journal of Made-Up Hydrology, 13 (3), e0188299.")
    assert "Better sampling" in refs[0]
    assert refs[1].endswith("2515245918771304.")
    assert refs[2].endswith("(2nd ed.). Springfield: Example Press.")


def test_unformatted_continuation_after_an_unfinished_entry(tmp_path: Path) -> None:
    # No indentation at all (a plain typed list): the text alone decides.
    refs = _load(
        tmp_path,
        "Text.",
        [
            _p("Amsel, J. (2018). Rain gauges compared."),
            _p("Journal of Made-Up Hydrology, 13, 1-9."),
            _p("Birk, L. (2019). Soil. Soil Letters, 2, 3-4."),
            _p("Cole, W. (2020). Clouds. Weather Notes, 5, 6-7."),
        ],
    )
    assert len(refs) == 3 and refs[0].endswith("Hydrology, 13, 1-9.")


def test_indented_continuation_with_an_early_year(tmp_path: Path) -> None:
    refs = _load(
        tmp_path,
        "Text.",
        [
            _entry("Amsel, J. (2018). Rain gauges compared."),
            _cont("Journal of Water, 2018, 12, 1-9."),
            _entry("Birk, L. (2019). Soil. Soil Letters, 2, 3-4."),
            _entry("Cole, W. (2020). Clouds. Weather Notes, 5, 6-7."),
        ],
    )
    assert len(refs) == 3 and refs[0].endswith("Journal of Water, 2018, 12, 1-9.")


def test_real_entries_are_not_merged(tmp_path: Path) -> None:
    # Each follows an entry that stops after its title, and starts at the entries'
    # position: an organisation, a title-first entry, a lower-case group name.
    refs = _load(
        tmp_path,
        "Text.",
        [
            _entry("Amsel, J. (2018). Rain gauges compared."),
            _entry("World Weather Organisation. (2020). Rain report. Geneva: WWO."),
            _entry("Birk, L. (2019). Soil notes."),
            _entry("Handbook of invented soils (3rd ed.). (2015). Springfield: Example Press."),
            _entry("Cole, W. (2020). Clouds. Weather Notes, 5, 6-7."),
            _entry("rainlab project. Rain tools. Weather Notes, 5, 8-9."),
        ],
    )
    assert len(refs) == 6


def test_indonesian_list_is_not_merged(tmp_path: Path) -> None:
    refs = _load(
        tmp_path,
        "Teks (Amsel, 2019; Badan Cuaca Nasional, 2020).",
        [
            _p("Amsel, J. 2019. Metode Penelitian Hujan."),
            _p("Badan Cuaca Nasional. 2020. Statistik Hujan Tahunan. Jakarta: BCN."),
            _p("Birk, L. 2018. Tanah dan Air. Bandung: Penerbit Contoh."),
            _p("Cole, W. 2017. Awan. Jurnal Cuaca, 5, 6-7."),
        ],
    )
    assert len(refs) == 4


def test_paragraph_after_a_finished_entry_stays_an_entry(tmp_path: Path) -> None:
    refs = _load(
        tmp_path,
        "Text.",
        [
            _p("Amsel, J. (2018). Rain. Journal of Water, 1, 1-2."),
            _p("Notes on a rain survey. Weather Notes, 5, 8-9."),
            _p("Birk, L. (2019). Soil. Soil Letters, 2, 3-4."),
            _p("Cole, W. (2020). Clouds. Weather Notes, 5, 6-7."),
        ],
    )
    assert len(refs) == 4


_STYLES = (
    f"<w:styles {NS}>"
    '<w:docDefaults><w:pPrDefault><w:pPr><w:ind w:left="0"/></w:pPr></w:pPrDefault>'
    "</w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="Bibliografia"><w:name w:val="Bibliography"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Einzug"><w:name w:val="Body indent"/>'
    '<w:basedOn w:val="Bibliografia"/><w:pPr><w:ind w:hanging="0"/></w:pPr></w:style>'
    "</w:styles>"
)


def test_indentation_from_paragraph_styles(tmp_path: Path) -> None:
    # The hanging indent comes from the (localised) Bibliography style, not from the
    # paragraphs: a continuation in a style that inherits its left indent but not the
    # hanging one starts further right than the entries, so it joins its entry even
    # with a year early in it.
    body = (
        _p("Text (Amsel, 2018; Birk, 2019; Cole, 2020).")
        + _p("References", style="Heading1")
        + _p("Amsel, J. (2018). Rain gauges compared.", style="Bibliografia")
        + _p("Journal of Water, 2018, 12, 1-9.", style="Einzug")
        + _p("Birk, L. (2019). Soil. Soil Letters, 2, 3-4.", style="Bibliografia")
        + _p("Cole, W. (2020). Clouds. Weather Notes, 5, 6-7.", style="Bibliografia")
    )
    path = tmp_path / "m.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
        z.writestr("word/styles.xml", _STYLES)
    refs = [r.text for r in load(path, "m.docx").references]
    assert len(refs) == 3 and refs[0].endswith("Journal of Water, 2018, 12, 1-9.")


def test_style_indentation_merges_with_the_paragraphs_own(tmp_path: Path) -> None:
    styles = paragraph_styles(ET.fromstring(_STYLES))
    assert styles["Bibliografia"].indent == (720, -720)
    assert styles["Einzug"].indent == (720, 0)  # left inherited, hanging overridden
    assert styles[""].indent == (0, None)  # no style: the default style and defaults
    paras = [
        Paragraph("a", style="Bibliografia"),
        Paragraph("b", style="Bibliografia", indent=(None, 0)),  # own first line wins
        Paragraph("c"),
    ]
    _resolve_styles(paras, styles)
    assert [p.first_line for p in paras] == [0, 720, 0]
    assert paras[0].style == "bibliography" and paras[2].style == ""
