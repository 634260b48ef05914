"""DOCX citations made without a reference manager, and lists typed in groups.

- an internal hyperlink (``w:hyperlink w:anchor``) to a bookmark on a bibliography
  entry cites that entry, whatever the link's text;
- a footnote that gives a listed source in full (its address, or its author with its
  title or year), and "Ebd."/"Ibid." after it, cites that source;
- a group title typed as a plain paragraph inside the list ("Online sources") is no
  entry;
- a reference-manager field whose item the printed list does not hold is named.

All examples are written here.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from citecheck.loaders.docx import load
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import check
from citecheck.rules import all_rules
from tests.support.docx import write_docx

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _p(text: str, style: str | None = None, *, numbered: bool = False) -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if numbered:
        props += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{_run(text)}</w:p>"


def _mark(name: str, n: int) -> str:
    return f'<w:bookmarkStart w:id="{n}" w:name="{name}"/><w:bookmarkEnd w:id="{n}"/>'


def _link(anchor: str, text: str) -> str:
    return f'<w:hyperlink w:anchor="{anchor}" w:history="1">{_run(text)}</w:hyperlink>'


def _docx(path: Path, body: str, footnotes: str | None = None) -> Path:
    return write_docx(path, NS, body, footnotes)


def _findings(path: Path) -> list[tuple[str, str]]:
    local = [r.name for r in all_rules() if not r.needs and r.name != "off-topic"]
    settings = Settings(paths=(str(path),), offline=True, select=tuple(local), no_cache=True)
    report = check(settings, root=path.parent)
    return sorted((f.rule, f.message) for f in report.findings)


# --- internal hyperlinks to bookmarked entries ----------------------------------------

_LINKED_PROSE = (
    f"<w:p>{_run('Losses reach ')}{_link('_ref1', '3 per cent')}{_run(' of stock.')}</w:p>"
    f"<w:p>{_run('As ')}{_link('_ref3', 'this later study')}{_run(' shows, shelves matter.')}</w:p>"
    f"<w:p>{_run('See the ')}{_link('annex_a', 'annex')}{_run(' for the tables.')}</w:p>"
    f"<w:p>{_run('An earlier survey ')}{_link('_ref4', 'agrees')}{_run('.')}</w:p>"
)


def _linked_list() -> str:
    return (
        _p("Bibliography", "Heading1")
        # a bookmark on a paragraph that is only the entry's number
        + f'<w:p><w:pPr><w:pStyle w:val="Heading5"/></w:pPr>{_mark("_ref1", 1)}{_run("1")}</w:p>'
        + _p("Okafor, Ada. « Shelf losses in grocery retail ». Retail Notes 2 (2019): 10-19.")
        + _p("2", "Heading5")
        + _p("Brandt, Karl. « Prices and queues ». Market Letters 4 (2017): 1-9.")
        + _p("3", "Heading5")
        # a bookmark inside the entry's own paragraph
        + f"<w:p>{_mark('_ref3', 2)}"
        + _run("Moreau, Claire. « Shelves and sales ». Store Studies 7 (2021): 3-8.")
        + "</w:p>"
        # a bookmark between paragraphs, before the entry it marks
        + _mark("_ref4", 3)
        + _p("Tanaka, Kenji. « Shoppers in the rain ». Weather and Trade 1 (2015): 5-6.")
        + _p("Annex", "Heading1")
        + f"<w:p>{_mark('annex_a', 4)}{_run('Table A1. Sales by week.')}</w:p>"
    )


def test_internal_links_to_bookmarked_entries_cite_them(tmp_path: Path) -> None:
    doc = load(_docx(tmp_path / "m.docx", _LINKED_PROSE + _linked_list()), "m.docx")
    by_key = {r.key: r for r in doc.references if r.key}
    linked = [c for c in doc.citations if c.style == "key"]
    assert [(c.text, by_key[c.key or ""].authors[0].family) for c in linked] == [
        ("3 per cent", "Okafor"),
        ("this later study", "Moreau"),
        ("agrees", "Tanaka"),
    ]
    assert linked[0].location.paragraph == 1
    # the annex bookmark is no entry; Brandt is linked from nowhere
    assert [r.authors[0].family for r in doc.references if not r.key] == ["Brandt"]


def test_only_the_unlinked_entry_is_reported(tmp_path: Path) -> None:
    path = _docx(tmp_path / "m.docx", _LINKED_PROSE + _linked_list())
    got = _findings(path)
    assert [r for r, _ in got] == ["listed-not-cited"]
    assert "Brandt" in got[0][1]


def test_a_link_to_the_list_heading_cites_nothing(tmp_path: Path) -> None:
    """ "see the bibliography" linked to the heading's bookmark is no citation of every
    entry under it."""
    body = (
        f"<w:p>{_run('Sources are in the ')}{_link('_bib', 'bibliography')}{_run('.')}</w:p>"
        + f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>{_mark("_bib", 1)}'
        + f"{_run('Bibliography')}</w:p>"
        + _p("Okafor, A. (2019). Shelf losses. Retail Notes, 2, 10-19.")
        + _p("Brandt, K. (2017). Prices and queues. Market Letters, 4, 1-9.")
    )
    doc = load(_docx(tmp_path / "h.docx", body), "h.docx")
    assert not [c for c in doc.citations if c.style == "key"]
    assert all(r.key is None for r in doc.references)


def test_a_link_whose_text_is_a_citation_is_read_once(tmp_path: Path) -> None:
    """Pandoc's ``link-citations`` links "(Okafor, 2019)" to the entry's bookmark: the
    citation is read as written (so a wrong year is still seen), not a second time."""
    body = (
        f"<w:p>{_run('Shelves matter ')}{_link('_ok', '(Okafor, 2019)')}{_run('.')}</w:p>"
        + _p("References", "Heading1")
        + f"<w:p>{_mark('_ok', 1)}"
        + _run("Okafor, A. (2019). Shelf losses. Retail Notes, 2, 10-19.")
        + "</w:p>"
    )
    doc = load(_docx(tmp_path / "o.docx", body), "o.docx")
    (cite,) = doc.citations
    assert cite.style == "author-year" and cite.authors == ("Okafor",)
    assert doc.references[0].key is None


# --- footnotes that give the source in full -------------------------------------------


def _note(nid: int, text: str) -> str:
    return f'<w:footnote w:id="{nid}"><w:p>{_run(text)}</w:p></w:footnote>'


def _anchored(text: str, *ids: int) -> str:
    marks = "".join(f'<w:r><w:footnoteReference w:id="{i}"/></w:r>' for i in ids)
    return f"<w:p>{_run(text)}{marks}</w:p>"


_NOTES = (
    '<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
    + _note(
        1, "Harbour Office, „Tide tables“, online: https://harbour.example.org/tides/ (1.2.2020)"
    )
    + _note(2, "Ebd.")
    + _note(3, "Vgl. Lindqvist, Maja: Salt marshes of the north. Kiel 2018, S. 12.")
    + _note(4, "Note: the photographs are my own.")
    + _note(5, "Ibid., S. 14.")
    + _note(6, "See also (Okafor, 2019).")
)
_NOTED_BODY = (
    _anchored("The tide rises twice a day.", 1, 2)
    + _anchored("Marshes take the salt.", 3)
    + _anchored("We walked the shore.", 4, 5, 6)
    + _p("Quellenverzeichnis", "Heading1")
    + _p("Online sources")
    + _p(
        "Harbour Office, „Tide tables“, online: https://harbour.example.org/tides "
        "(accessed 1.2.2020)",
        numbered=True,
    )
    + _p("Literature")
    + _p("Lindqvist, Maja: Salt marshes of the north. Kiel 2018.", numbered=True)
    + _p("Okafor, Ada: Wells and tides. Lagos 2019.", numbered=True)
    + _p("Brandt, Karl: Dunes. Bremen 2010.", numbered=True)
)


def test_footnotes_giving_a_listed_source_cite_it(tmp_path: Path) -> None:
    doc = load(_docx(tmp_path / "n.docx", _NOTED_BODY, _NOTES), "n.docx")
    # the two group titles are not entries
    assert [r.text.split(",")[0] for r in doc.references] == [
        "Harbour Office",
        "Lindqvist",
        "Okafor",
        "Brandt",
    ]
    by_key = {r.key: r.text.split(",")[0] for r in doc.references if r.key}
    noted = [(c.text, by_key[c.key or ""]) for c in doc.citations if c.style == "key"]
    # the address, "Ebd." after it, author and title; a remark cites nothing, so the
    # "Ibid." after it cites nothing either
    assert [who for _, who in noted] == ["Harbour Office", "Harbour Office", "Lindqvist"]
    assert noted[1][0] == "Ebd."
    # a note read as an author-year citation stays that
    assert any(c.authors == ("Okafor",) and c.year == "2019" for c in doc.citations)


def test_only_the_source_no_note_gives_is_reported(tmp_path: Path) -> None:
    got = _findings(_docx(tmp_path / "n.docx", _NOTED_BODY, _NOTES))
    assert [r for r, _ in got] == ["listed-not-cited"]
    assert "Brandt" in got[0][1]


def test_an_address_two_entries_share_cites_neither(tmp_path: Path) -> None:
    notes = _note(1, "Wiki, „Tides“, https://wiki.example.org/Tides")
    body = (
        _anchored("Tides are old.", 1)
        + _p("References", "Heading1")
        + _p("Wiki, „Tides“, https://wiki.example.org/Tides (2020)")
        + _p("Wiki, „Tides, history“, https://wiki.example.org/Tides (2021)")
    )
    doc = load(_docx(tmp_path / "w.docx", body, notes), "w.docx")
    assert not [c for c in doc.citations if c.style == "key"]


def test_an_address_of_one_entry_printed_twice_cites_both_copies(tmp_path: Path) -> None:
    """The copies are one work (duplicate-reference says so); neither is uncited."""
    notes = _note(1, "vgl. https://bench.example.org/a.pdf (Zugriff 2024)")
    entry = "Tide Works, Inc.: Benchmarks https://bench.example.org/a.pdf"
    body = (
        _anchored("Fast enough.", 1)
        + _p("Quellen", "Heading1")
        + _p(entry, numbered=True)
        + _p("Okafor, A.: Wells, Lagos Press, 2017", numbered=True)
        + _p(entry, numbered=True)
    )
    doc = load(_docx(tmp_path / "d.docx", body, notes), "d.docx")
    keyed = {c.key for c in doc.citations if c.style == "key"}
    assert keyed == {doc.references[0].key, doc.references[2].key}


def test_a_broken_off_title_is_not_a_group_title(tmp_path: Path) -> None:
    """A short line after an entry that stops at its year is that entry's title."""
    body = (
        _p("Good shelves (Blume, 2018; Okafor, 2019; Brandt, 2017).")
        + _p("References", "Heading1")
        + _p("Blume, J. (2018).")
        + _p("Shelf space economics")
        + _p("Okafor, A. (2019). Shelf losses. Retail Notes, 2, 10-19.")
        + _p("Brandt, K. (2017). Prices and queues. Market Letters, 4, 1-9.")
    )
    doc = load(_docx(tmp_path / "t.docx", body), "t.docx")
    assert len(doc.references) == 3
    assert "Shelf space economics" in doc.references[0].text


# --- a field item the printed list lacks ------------------------------------------------


def _zotero(key: str, family: str, year: int, title: str) -> str:
    item = {
        "id": key,
        "type": "article-journal",
        "title": title,
        "author": [{"family": family, "given": "A"}],
        "issued": {"date-parts": [[year]]},
    }
    payload = {
        "citationItems": [{"id": key, "uris": [f"http://zotero.org/items/{key}"], "itemData": item}]
    }
    return "ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(payload)


def _field(instruction: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(instruction)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{_run(shown)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _field_doc(item_title: str) -> str:
    return (
        f"<w:p>{_run('Wells dry out ')}"
        f"{_field(_zotero('K1', 'Okafor', 2019, 'Shallow wells of the coastal plain'), '[1]')}"
        f"{_run('. Reviews follow a checklist ')}"
        f"{_field(_zotero('K2', 'Lindqvist', 2021, item_title), '(2)')}{_run('.')}</w:p>"
        + _p("References", "Heading1")
        + _p("[1] Okafor A. Shallow wells of the coastal plain. Water Notes. 2019;2:10-19.")
        + _p("[2] Brandt K. Dunes and tides. Sand Press; 2017.")
    )


def test_a_field_item_the_printed_list_lacks_is_named(tmp_path: Path) -> None:
    body = _field_doc("A checklist for reporting reviews")
    doc = load(_docx(tmp_path / "f.docx", body), "f.docx")
    (note,) = doc.problems
    assert note.kind == "field-item-not-printed" and note.evidence["severity"] == "warning"
    assert "Lindqvist (2021)" in note.message and "'(2)'" in note.message
    assert note.location.paragraph == 1


def test_an_empty_field_item_is_not_named(tmp_path: Path) -> None:
    """A reference manager's empty record ("No Title") says nothing about the list."""
    doc = load(_docx(tmp_path / "f.docx", _field_doc("No Title")), "f.docx")
    assert not doc.problems


# --- entries broken over paragraphs; addresses as a reader compares them ---------------


def test_an_address_alone_continues_the_entry_before_it(tmp_path: Path) -> None:
    body = (
        _p("Loops are slow (Loops, n.d.; Methods, n.d.).")
        + _p("References", "Heading1")
        + _p("o. A.: Loops", numbered=True)
        + _p("https://learn.example.org/loops")
        + _p("o. A.: Methods https://docs.example.org/methods/", numbered=True)
        # an address after an entry that has one is an entry of its own
        + _p("https://docs.example.org/types/")
    )
    doc = load(_docx(tmp_path / "a.docx", body), "a.docx")
    assert [r.text for r in doc.references] == [
        "o. A.: Loops https://learn.example.org/loops",
        "o. A.: Methods https://docs.example.org/methods/",
        "https://docs.example.org/types/",
    ]


_MORE_NAMES = "TAVARES UCHOA VIANA XAVIER ZANETTI BRITO CUNHA DIAS FARIA GOMES HORTA".split()


def test_entries_kept_apart_by_empty_paragraphs_join_their_broken_lines(tmp_path: Path) -> None:
    blank = "<w:p/>"
    body = (
        _p("Data are kept (ALVES, 2014; MELO, 2018; RAMOS, 2012; SOUZA, 2019).")
        + _p("REFERÊNCIAS", "Heading1")
        + _p("ALVES, William. Bancos de dados. Editora Livro")
        + _p(", SA, 2014.")
        + blank
        + _p("MELO, Ana. Requisitos de sistemas digitais.")
        + _p("Dissertação de Mestrado. Universidade do Norte. 2018.")
        + blank
        + _p("RAMOS, Caio. Redes. Recife: Editora Mar, 2012.")
        # the empty paragraph forgotten before an entry that opens with its author, or
        # with an organisation in capitals
        + _p("SOUZA, Dora. Tabelas. Natal: Editora Sol, 2019.")
        + _p("BRASIL. Lei nº 9.999, de 1 de maio de 2019. Brasília, 2019.")
        + "".join(
            blank + _p(f"{name}, Enzo. Grafos {k}. Belém: Editora Rio, 201{k}.")
            for k, name in enumerate(_MORE_NAMES)
        )
    )
    doc = load(_docx(tmp_path / "b.docx", body), "b.docx")
    assert [r.text.split(".")[0] for r in doc.references][:5] == [
        "ALVES, William",
        "MELO, Ana",
        "RAMOS, Caio",
        "SOUZA, Dora",
        "BRASIL",
    ]
    assert len(doc.references) == 5 + len(_MORE_NAMES)
    assert doc.references[0].text.endswith("Editora Livro, SA, 2014.")
    assert "Dissertação de Mestrado" in doc.references[1].text


def test_a_note_address_with_a_fragment_or_a_tracking_parameter_is_the_entry(
    tmp_path: Path,
) -> None:
    notes = _note(1, "vgl. https://video.example.com/watch?v=AbC12&si=tracker9 (Zugriff 2024)")
    notes += _note(2, "vgl. https://wiki.example.org/Jobs#cite_note-5")
    body = (
        _anchored("Talks help.", 1, 2)
        + _p("Quellen", "Heading1")
        + _p("Ada, L.: A talk https://www.video.example.com/watch?v=AbC12", numbered=True)
        + _p("o. A.: Jobs https://wiki.example.org/Jobs#", numbered=True)
    )
    doc = load(_docx(tmp_path / "u.docx", body, notes), "u.docx")
    assert len({c.key for c in doc.citations if c.style == "key"}) == 2


def test_a_note_naming_an_entry_fully_cites_it_beside_a_misread_citation(
    tmp_path: Path,
) -> None:
    """ "vgl. Okafor, A.: Wells: A Fresh Approach to Numerical Computing, 2017" is read as
    a citation of "Computing, 2017" when the list names an organisation "… Computing,
    Inc."; the author and title name the entry beyond doubt."""
    notes = _note(1, "vgl. Okafor, A.: Wells: A Fresh Approach to Numerical Computing, 2017, S. 9")
    body = (
        _anchored("Wells matter.", 1)
        + _p("Literatur", "Heading1")
        + _p(
            "Okafor, A.: Wells: A Fresh Approach to Numerical Computing, Lagos Press, 2017",
            numbered=True,
        )
        + _p("Julia Computing, Inc.: Benchmarks https://bench.example.org/", numbered=True)
    )
    doc = load(_docx(tmp_path / "v.docx", body, notes), "v.docx")
    keyed = [c for c in doc.citations if c.style == "key"]
    assert [c.key for c in keyed] == [doc.references[0].key]
    # the title's last word is no author of a second work
    assert not [c for c in doc.citations if c.style == "author-year"]
