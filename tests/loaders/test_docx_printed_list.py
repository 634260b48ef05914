"""DOCX with reference-manager fields: the printed bibliography is the reference list.

Word documents mix Mendeley/Zotero citation fields with typed citations, and their
printed list may be the manager's bibliography field, typed paragraphs, or both
(entries typed into or after the field). The fields' items only link a field citation
to its printed entry. All examples are written here.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from citecheck.loaders.docx import load
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import check
from citecheck.rules import all_rules

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _p(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{_run(text)}</w:p>"


def _begin(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(instruction)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def _cite(uuid: str, family: str, year: int, title: str, doi: str | None = None) -> str:
    item: dict[str, object] = {
        "id": f"ITEM-{uuid}",
        "type": "article-journal",
        "title": title,
        "author": [{"family": family, "given": "A"}],
        "issued": {"date-parts": [[year]]},
    }
    if doi:
        item["DOI"] = doi
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


def _docx(path: Path, body: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
    return path


# Prose: two field citations, one typed citation of the first field's work, and one
# field citation of a work the printed list lacks.
_PROSE = (
    f"<w:p>{_run('Wells dry out in summer ')}"
    f"{_begin(_cite('u1', 'Okafor', 2019, 'Shallow wells of the coastal plain'))}"
    f"{_run('(Okafor, 2019)')}{_END}{_run('.')}</w:p>"
    f"<w:p>{_run('Recharge follows rain ')}"
    f"{_begin(_cite('u2', 'Lindqvist', 2020, 'Recharge after heavy rain', '10.1234/rain.5'))}"
    f"{_run('(Lindqvist, 2020)')}{_END}{_run('.')}</w:p>"
    + _p("As Okafor (2019) measured, the plain is flat.")
    + f"<w:p>{_run('Salt enters the wells ')}"
    f"{_begin(_cite('u3', 'Brandt', 2017, 'Salt intrusion in coastal aquifers'))}"
    f"{_run('(Brandt, 2017)')}{_END}{_run('.')}</w:p>"
)

# The printed list: the manager's bibliography field (its entries as Word shows them),
# an entry typed by hand inside the field, and one typed after it.
_LIST = (
    _p("References", "Heading1")
    + f"<w:p>{_begin('ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY')}"
    + _run(
        "Lindqvist, A. (2020). Recharge after heavy rain. Hydrology Letters, 3, 1-9. "
        "https://doi.org/10.1234/rain.5"
    )
    + "</w:p>"
    + _p("Okafor, A. (2019). Shallow wells of the coastal plain. Water Notes, 2, 10-19.")
    + f"<w:p>{_run('Tanaka, K. (2016). Tides and wells. Coastal Studies, 8, 4-7.')}{_END}</w:p>"
    + _p("Moreau, C. (2015). Dunes. Sand Press.")
)


def test_the_printed_list_is_read_whole_and_field_citations_link_to_it(tmp_path: Path) -> None:
    doc = load(_docx(tmp_path / "a.docx", _PROSE + _LIST), "a.docx")
    assert [r.authors[0].family for r in doc.references] == [
        "Lindqvist",
        "Okafor",
        "Tanaka",
        "Moreau",
    ]
    assert all(r.source == "bibliography" for r in doc.references)
    by_key = {r.key: r for r in doc.references if r.key}
    keyed = [c for c in doc.citations if c.style == "key"]
    # Okafor's item links by title (the entry was typed into the field), Lindqvist's by DOI.
    assert sorted(by_key[c.key].authors[0].family for c in keyed if c.key) == [
        "Lindqvist",
        "Okafor",
    ]
    # Brandt's item is in no printed entry: the field is read as its text shows.
    typed = {(c.authors, c.year) for c in doc.citations if c.style == "author-year"}
    assert (("Brandt",), "2017") in typed and (("Okafor",), "2019") in typed
    assert not doc.problems


def test_findings_judge_the_printed_list(tmp_path: Path) -> None:
    path = _docx(tmp_path / "a.docx", _PROSE + _LIST)
    local = [r.name for r in all_rules() if not r.needs]
    settings = Settings(paths=(str(path),), offline=True, select=tuple(local), no_cache=True)
    report = check(settings, root=tmp_path)
    got = sorted((f.rule, f.message.split("'")[1]) for f in report.findings)
    # Brandt (a field item not printed) is cited-not-listed; the typed Tanaka and
    # Moreau entries are never cited. The typed and field citations of Okafor are one
    # target, so nothing is reported about them.
    assert [r for r, _ in got] == ["cited-not-listed", "listed-not-cited", "listed-not-cited"]
    assert "Brandt" in got[0][1]
    assert sorted(s.split(",")[0] for _, s in got[1:]) == ["Moreau", "Tanaka"]


def test_fields_without_a_printed_list_are_checked_against_their_items(tmp_path: Path) -> None:
    doc = load(_docx(tmp_path / "a.docx", _PROSE), "a.docx")
    assert {r.source for r in doc.references} == {"docx-field"}
    assert len(doc.references) == 3
    (note,) = doc.problems
    assert note.kind == "field-items-only" and note.evidence["severity"] == "warning"
    assert "no printed reference list" in note.message


def test_a_field_citation_to_an_entry_with_a_short_title(tmp_path: Path) -> None:
    """A one-word title ("Dunes") is too short to find alone: the name opening the
    entry and the year must agree as well."""
    body = (
        f"<w:p>{_begin(_cite('u9', 'Moreau', 2015, 'Dunes'))}{_run('[1]')}{_END}</w:p>"
        + _p("References", "Heading1")
        + _p("[1] Moreau C. Dunes. Sand Press; 2015.")
        + _p("[2] Okafor A. Dunes of the north. Sand Press; 2015.")
    )
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    (cite,) = doc.citations
    assert cite.style == "key" and cite.key == doc.references[0].key


def _with_notes(path: Path, body: str, notes: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
        z.writestr("word/footnotes.xml", f"<w:footnotes {NS}>{notes}</w:footnotes>")
    return path


_NOTE = (
    '<w:footnote w:id="2"><w:p>'
    f"{_begin(_cite('u1', 'Okafor', 2019, 'Shallow wells of the coastal plain'))}"
    f"{_run('A. Okafor, Shallow Wells of the Coastal Plain (2019), 12.')}{_END}"
    "</w:p></w:footnote>"
)
_ANCHORED = (
    _p("Opening paragraph.")
    + '<w:p><w:r><w:t>Wells dry out.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
)


def test_a_citation_field_in_a_footnote_links_to_the_printed_entry(tmp_path: Path) -> None:
    body = (
        _ANCHORED
        + _p("Bibliography", "Heading1")
        + _p("Okafor, A. 2019. Shallow Wells of the Coastal Plain. Water Notes 2: 10-19.")
    )
    doc = load(_with_notes(tmp_path / "n.docx", body, _NOTE), "n.docx")
    (cite,) = doc.citations
    assert cite.style == "key" and cite.key == doc.references[0].key
    assert cite.location.paragraph == 2  # the body paragraph holding the note's mark
    assert not doc.problems


def test_footnote_fields_without_a_list_are_an_info_note(tmp_path: Path) -> None:
    doc = load(_with_notes(tmp_path / "n.docx", _ANCHORED, _NOTE), "n.docx")
    assert [r.source for r in doc.references] == ["docx-field"]
    (note,) = doc.problems
    assert note.kind == "field-items-only" and note.evidence["severity"] == "info"


def test_a_field_ending_in_the_next_heading_paragraph_does_not_take_that_heading(
    tmp_path: Path,
) -> None:
    # Word often leaves the bibliography field's end mark at the start of the next
    # paragraph, a plain bold heading of the back matter ("About the author").
    body = (
        _p("Rain fills the wells (Okafor, 2019).")
        + _p("References", "Heading1")
        + f"<w:p>{_begin('ADDIN Mendeley Bibliography CSL_BIBLIOGRAPHY')}"
        + _run("Okafor, A. (2019). Shallow wells of the coastal plain. Water Notes, 2, 10-19.")
        + "</w:p>"
        + f"<w:p>{_END}{_run('ABOUT THE AUTHOR')}</w:p>"
        + _p("The author grew up near the coast and studies wells.")
    )
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [r.authors[0].family for r in doc.references] == ["Okafor"]
