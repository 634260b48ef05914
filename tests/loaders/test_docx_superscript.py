"""DOCX superscript runs as numeric citations (Vancouver/AMA style) and the traps."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from citecheck.loaders.docx import load
from citecheck.model.document import Document

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SUP = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
STYLES = (
    f"<w:styles {NS}>"
    '<w:style w:type="character" w:styleId="CiteSup"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="CiteSupBold"><w:basedOn w:val="CiteSup"/><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    "</w:styles>"
)
REFS = [
    "1. Owens J. Insufficient sleep in adolescents. Pediatrics. 2014;134(3):e921-e932.",
    "2. Short MA, Gradisar M. Sleep patterns of adolescents. J Adolesc. 2013;36(1):103-110.",
    "3. Crowley SJ, Acebo C. Sleep and circadian rhythms. Sleep Med. 2007;8(6):602-612.",
    "4. Cain N, Gradisar M. Electronic media use and sleep. Sleep Med. 2010;11(8):735-742.",
]


def _run(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(*runs: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _docx(path: Path, *paragraphs: str, refs: list[str] = REFS) -> Document:
    body = "".join(paragraphs) + _para(_run("References"), style="Heading1")
    body += "".join(_para(_run(r)) for r in refs)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
        z.writestr("word/styles.xml", STYLES)
    return load(path, path.name)


def _cited(doc: Document) -> list[tuple[str, int | None, int | None]]:
    return [(c.text, c.number, c.location.paragraph) for c in doc.citations]


def test_direct_superscript_runs_are_numeric_citations(tmp_path: Path) -> None:
    doc = _docx(
        tmp_path / "a.docx",
        _para(
            _run("Sleep loss is common in teenagers."), _run("1,2", SUP), _run(" Screens delay it")
        ),
        _para(
            _run("Later studies"), _run("3", SUP), _run("–", SUP), _run("4", SUP), _run(" agree.")
        ),
    )
    assert _cited(doc) == [
        ("1,2", 1, 1),
        ("1,2", 2, 1),
        ("3–4", 3, 2),
        ("3–4", 4, 2),
    ]
    assert {c.style for c in doc.citations} == {"numeric"}
    assert doc.text[doc.citations[0].start : doc.citations[0].end] == "1,2"


def test_character_style_and_based_on_chain(tmp_path: Path) -> None:
    doc = _docx(
        tmp_path / "s.docx",
        _para(_run("Known before."), _run("1", '<w:rPr><w:rStyle w:val="CiteSup"/></w:rPr>')),
        _para(
            _run("Shown again"),
            _run("2-4", '<w:rPr><w:rStyle w:val="CiteSupBold"/></w:rPr>'),
            _run(" here."),
        ),
    )
    assert [c.number for c in doc.citations] == [1, 2, 3, 4]


def test_direct_baseline_overrides_a_superscript_style(tmp_path: Path) -> None:
    base = '<w:rPr><w:rStyle w:val="CiteSup"/><w:vertAlign w:val="baseline"/></w:rPr>'
    doc = _docx(
        tmp_path / "b.docx",
        _para(
            _run("Known before."),
            _run("1", SUP),
            _run(" Groups of"),
            _run("12", base),
            _run(" mice."),
        ),
        _para(_run("Shown again."), _run("2,3", SUP)),
    )
    assert [c.number for c in doc.citations] == [1, 2, 3]


def test_exponents_ordinals_units_and_signs_are_not_citations(tmp_path: Path) -> None:
    doc = _docx(
        tmp_path / "t.docx",
        _para(
            _run("Sleep loss is common."),
            _run("1", SUP),
            _run(" It was the 1"),
            _run("st", SUP),
            _run(" and 2"),
            _run("nd", SUP),
            _run(" wave."),
        ),
        _para(
            _run("Cells grew to 10"),
            _run("5", SUP),
            _run(" in 3 m"),
            _run("2", SUP),
            _run(" plots of 12 cm"),
            _run("2", SUP),
            _run(" with x"),
            _run("2", SUP),
            _run(" and BMI 25 kg/m"),
            _run("2", SUP),
            _run("."),
        ),
        _para(
            _run("Brand"),
            _run("™", SUP),
            _run(" at 37"),
            _run("°", SUP),
            _run("C."),
            _run("Shown again."),
            _run("2", SUP),
        ),
    )
    assert [(c.text, c.number) for c in doc.citations] == [("1", 1), ("2", 2)]


def test_footnote_reference_marks_are_not_citations(tmp_path: Path) -> None:
    fn = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>'
    doc = _docx(
        tmp_path / "f.docx",
        _para(_run("Known before."), fn, _run(" Shown again."), _run("1,2", SUP)),
        _para(_run("More work."), _run("3", SUP)),
    )
    assert [c.number for c in doc.citations] == [1, 2, 3]


def test_uncited_and_missing_numbers_are_found(tmp_path: Path) -> None:
    from citecheck.model.settings import Settings
    from citecheck.pipeline.engine import check

    path = tmp_path / "c.docx"
    _docx(
        path,
        _para(
            _run("Sleep loss is common."),
            _run("1,2", SUP),
            _run(" Devices matter."),
            _run("7", SUP),
        ),
    )
    settings = Settings(
        paths=(str(path),),
        offline=True,
        no_cache=True,
        select=("cited-not-listed", "listed-not-cited"),
    )
    report = check(settings, root=tmp_path)
    got = sorted((f.rule, f.location.paragraph if f.location else None) for f in report.findings)
    assert got == [("cited-not-listed", 1), ("listed-not-cited", 5), ("listed-not-cited", 6)]


def test_author_year_docx_with_a_raised_note_mark_stays_author_year(tmp_path: Path) -> None:
    doc = _docx(
        tmp_path / "ay.docx",
        _para(_run("Rain matters (Smith, 2019). Soil too (Lee, 2020)."), _run("1", SUP)),
        _para(_run("Roots grow (Park, 2018).")),
        refs=[
            "Smith, J. (2019). Rain. Water, 1, 1-2.",
            "Lee, K. (2020). Soil. Springer.",
            "Park, H. (2018). Roots. Plants, 2, 3-4.",
        ],
    )
    assert {c.style for c in doc.citations} == {"author-year"}
