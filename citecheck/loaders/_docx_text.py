"""WordprocessingML paragraphs: their text, style, and the fields inside them.

A field (``{ ADDIN ZOTERO_ITEM CSL_CITATION {...} }``) has an instruction and a
result (the text Word shows). Complex fields (``w:fldChar`` begin/separate/end,
possibly spanning paragraphs) and simple fields (``w:fldSimple``) are both read.
Deleted text of tracked changes and the fallback copies of text boxes are skipped.
Runs printed as superscript (``w:vertAlign``, directly or through a character style)
are recorded per paragraph, for superscript numeric citations.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {
    f"{W}del",
    f"{W}delText",
    f"{W}instrText",
    f"{W}pPr",
    f"{W}rPr",
    _MC_FALLBACK,
    f"{W}footnotePr",
    f"{W}endnotePr",
    f"{W}sectPr",
    f"{W}moveFrom",
}


@dataclass
class Field:
    """One field: instruction, field data, and where its result sits."""

    instruction: str = ""
    data: str = ""  # w:fldData (EndNote's base64 payload)
    paragraph: int = -1  # index of the paragraph where the result starts
    start: int = 0  # offset of the result in that paragraph's text
    end_paragraph: int = -1
    end: int = 0


@dataclass
class Paragraph:
    """One ``w:p`` with its plain text."""

    text: str
    style: str = ""
    outline: int | None = None
    notes: list[str] = field(default_factory=list)  # footnote/endnote ids anchored here
    superscripts: list[tuple[int, int]] = field(default_factory=list)  # raised text spans
    breaks: list[int] = field(default_factory=list)  # offsets of line breaks (w:br, w:cr)
    table: bool = False  # inside a table cell
    numbered: bool = False  # carries Word list numbering of its own (w:numPr)
    # Where the first line starts (twips from the margin): left indent plus first-line
    # indent minus hanging indent, from the paragraph's own w:ind and, for what that
    # leaves unset, its style's (``basedOn`` followed) and the document defaults; None
    # when nothing sets it.
    first_line: int | None = None
    # The paragraph's own w:ind: left indent, and first-line offset (firstLine minus
    # hanging), each None when not set directly.
    indent: tuple[int | None, int | None] = (None, None)
    # Names of the bookmarks that start in this paragraph (or just before it, between
    # paragraphs), and the internal hyperlinks in it: (bookmark named by w:anchor, start,
    # end of the link's text).
    bookmarks: list[str] = field(default_factory=list)
    links: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class _State:
    paragraphs: list[Paragraph] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    stack: list[tuple[Field, bool]] = field(default_factory=list)  # (field, in result part)
    current: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sups: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    links: list[tuple[str, int, int]] = field(default_factory=list)
    sup_styles: frozenset[str] = frozenset()

    @property
    def offset(self) -> int:
        return sum(len(s) for s in self.current)


def superscript_styles(styles: ET.Element | None) -> frozenset[str]:
    """Ids of the character styles of ``word/styles.xml`` that raise text (``basedOn`` followed)."""
    if styles is None:
        return frozenset()
    align: dict[str, str] = {}
    based: dict[str, str] = {}
    for st in styles.findall(f"{W}style"):
        sid = st.get(f"{W}styleId") or ""
        va = st.find(f"{W}rPr/{W}vertAlign")
        if va is not None:
            align[sid] = va.get(f"{W}val") or ""
        parent = st.find(f"{W}basedOn")
        if parent is not None:
            based[sid] = parent.get(f"{W}val") or ""
    out: set[str] = set()
    for sid in {*align, *based}:
        cur, seen = sid, set()
        while cur not in align and cur in based and cur not in seen:  # nearest ancestor decides
            seen.add(cur)
            cur = based[cur]
        if align.get(cur) == "superscript":
            out.add(sid)
    return frozenset(out)


@dataclass(frozen=True)
class StyleInfo:
    """What a paragraph style is, whatever the language of its id ("Titre1", "berschrift1")."""

    name: str  # Word's built-in name, lower-case ("heading 1", "bibliography", "title")
    outline: int | None  # outline level (0 = level-1 heading) from the style or its ancestors
    # left indent and first-line offset (twips) from the style or its ancestors, or from
    # the document defaults; None where nothing sets them
    indent: tuple[int | None, int | None] = (None, None)


def paragraph_styles(styles: ET.Element | None) -> dict[str, StyleInfo]:
    """Paragraph style ids of ``word/styles.xml`` -> name and outline level.

    Localised Word writes style ids in the user's language ("Titre1", "Bibliographie",
    "berschrift1") but keeps the built-in English ``w:name`` ("heading 1",
    "Bibliography"); the outline level may be inherited through ``basedOn``.
    """
    if styles is None:
        return {}
    names: dict[str, str] = {}
    outline: dict[str, int] = {}
    based: dict[str, str] = {}
    indents: dict[str, tuple[int | None, int | None]] = {}
    default = ""  # the paragraph style of paragraphs that name none ("Normal")
    for st in styles.findall(f"{W}style"):
        if st.get(f"{W}type") not in (None, "paragraph"):
            continue
        sid = st.get(f"{W}styleId") or ""
        if st.get(f"{W}default") in ("1", "true", "on") and not default:
            default = sid
        name_el = st.find(f"{W}name")
        names[sid] = ((name_el.get(f"{W}val") if name_el is not None else None) or sid).lower()
        lvl = st.find(f"{W}pPr/{W}outlineLvl")
        val = lvl.get(f"{W}val") if lvl is not None else None
        if val and val.isdigit():
            outline[sid] = int(val)
        parent = st.find(f"{W}basedOn")
        if parent is not None:
            based[sid] = parent.get(f"{W}val") or ""
        indents[sid] = indent_of(st.find(f"{W}pPr/{W}ind"))
    doc_default = indent_of(styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}ind"))
    out: dict[str, StyleInfo] = {}
    for sid, name in names.items():
        cur, seen = sid, set()
        while cur not in outline and cur in based and cur not in seen:
            seen.add(cur)
            cur = based[cur]
        out[sid] = StyleInfo(name, outline.get(cur), _inherited_indent(sid, indents, based))
    if default in out:
        # a paragraph without w:pStyle has the default style, under the key ""
        out.setdefault("", StyleInfo(out[default].name, None, out[default].indent))
    return {
        sid: StyleInfo(info.name, info.outline, merge_indent(info.indent, doc_default))
        for sid, info in out.items()
    } or ({"": StyleInfo("", None, doc_default)} if doc_default != (None, None) else {})


def _inherited_indent(
    sid: str, indents: dict[str, tuple[int | None, int | None]], based: dict[str, str]
) -> tuple[int | None, int | None]:
    """A style's left indent and first-line offset, each from the nearest ancestor
    (``basedOn``) that sets it."""
    got: tuple[int | None, int | None] = (None, None)
    cur, seen = sid, set()
    while cur and cur not in seen:
        seen.add(cur)
        got = merge_indent(got, indents.get(cur, (None, None)))
        cur = based.get(cur, "")
    return got


def merge_indent(
    own: tuple[int | None, int | None], inherited: tuple[int | None, int | None]
) -> tuple[int | None, int | None]:
    """Each of (left, first-line offset) from ``own`` where set, else ``inherited``."""
    return (
        own[0] if own[0] is not None else inherited[0],
        own[1] if own[1] is not None else inherited[1],
    )


def indent_of(ind: ET.Element | None) -> tuple[int | None, int | None]:
    """(left indent, first-line offset) a ``w:ind`` sets, in twips; None for each it
    leaves unset. ``firstLine`` and ``hanging`` set one property (hanging wins)."""
    if ind is None:
        return (None, None)
    hanging, first = _twips(ind, "hanging"), _twips(ind, "firstLine")
    offset = -hanging if hanging is not None else first
    return (_twips(ind, "left", "start"), offset)


def _raised(run: ET.Element, sup_styles: frozenset[str]) -> bool:
    """Whether a ``w:r`` prints as superscript: direct formatting wins over its style."""
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        return False
    va = rpr.find(f"{W}vertAlign")
    if va is not None:
        return va.get(f"{W}val") == "superscript"
    rs = rpr.find(f"{W}rStyle")
    return rs is not None and (rs.get(f"{W}val") or "") in sup_styles


def read_paragraphs(
    root: ET.Element, sup_styles: frozenset[str] = frozenset()
) -> tuple[list[Paragraph], list[Field]]:
    """Every paragraph under ``root`` in document order, and every field.

    ``sup_styles`` are the character style ids that print superscript.
    """
    st = _State(sup_styles=sup_styles)
    for p, in_table, before in _paragraphs(root):
        st.current, st.notes, st.sups, st.breaks = [], [], [], []
        st.bookmarks, st.links = list(before), []
        for child in p:
            _inline(child, st)
        style_el = p.find(f"{W}pPr/{W}pStyle")
        outline_el = p.find(f"{W}pPr/{W}outlineLvl")
        num_id = p.find(f"{W}pPr/{W}numPr/{W}numId")
        outline = outline_el.get(f"{W}val") if outline_el is not None else None
        ind = p.find(f"{W}pPr/{W}ind")
        st.paragraphs.append(
            Paragraph(
                text="".join(st.current).replace("\n", " "),
                style=(style_el.get(f"{W}val") or "") if style_el is not None else "",
                outline=int(outline) if outline and outline.isdigit() else None,
                notes=st.notes,
                superscripts=st.sups,
                breaks=st.breaks,
                table=in_table,
                numbered=num_id is not None and num_id.get(f"{W}val") not in (None, "0"),
                first_line=_first_line(ind),
                indent=indent_of(ind),
                bookmarks=st.bookmarks,
                links=st.links,
            )
        )
    for f, _ in st.stack:  # unterminated fields end at the document end
        f.end_paragraph, f.end = (
            len(st.paragraphs) - 1,
            len(st.paragraphs[-1].text) if st.paragraphs else 0,
        )
        st.fields.append(f)
    return st.paragraphs, st.fields


def _twips(el: ET.Element, *names: str) -> int | None:
    for name in names:
        val = el.get(f"{W}{name}")
        if val is not None:
            try:
                return int(float(val))
            except ValueError:
                return None
    return None


def _first_line(ind: ET.Element | None) -> int | None:
    """The first line's indent of a paragraph with a direct ``w:ind`` (twips)."""
    if ind is None:
        return None
    left = _twips(ind, "left", "start") or 0
    return left + (_twips(ind, "firstLine") or 0) - (_twips(ind, "hanging") or 0)


def _paragraphs(root: ET.Element) -> list[tuple[ET.Element, bool, list[str]]]:
    """Every ``w:p`` in order, whether it sits in a table cell, and the names of the
    bookmarks that start between the previous paragraph and it (they mark it)."""
    out: list[tuple[ET.Element, bool, list[str]]] = []
    pending: list[str] = []

    def visit(el: ET.Element, table: bool) -> None:
        nonlocal pending
        for child in el:
            if child.tag == f"{W}p":
                out.append((child, table, pending))
                pending = []
                # paragraphs in text boxes inside this paragraph come after it
                for inner in child.iter(f"{W}txbxContent"):
                    visit(inner, table)
            elif child.tag == f"{W}bookmarkStart":
                pending.append(child.get(f"{W}name") or "")
            elif child.tag not in (_MC_FALLBACK, f"{W}del"):
                visit(child, table or child.tag == f"{W}tbl")

    visit(root, False)
    return out


def _inline(el: ET.Element, st: _State) -> None:
    tag = el.tag
    if tag in _SKIP or tag == f"{W}txbxContent" or tag == f"{W}p":
        if tag == f"{W}instrText" and st.stack and not st.stack[-1][1]:
            st.stack[-1][0].instruction += el.text or ""
        return
    if tag == f"{W}t":
        st.current.append(el.text or "")
    elif tag in (f"{W}tab", f"{W}ptab"):
        st.current.append("\t")
    elif tag in (f"{W}br", f"{W}cr"):
        st.breaks.append(st.offset)
        st.current.append(" ")
    elif tag == f"{W}noBreakHyphen":
        st.current.append("-")
    elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
        kind = "f" if tag.endswith("footnoteReference") else "e"
        st.notes.append(kind + (el.get(f"{W}id") or ""))
    elif tag == f"{W}fldChar":
        _fld_char(el, st)
    elif tag == f"{W}bookmarkStart":
        st.bookmarks.append(el.get(f"{W}name") or "")
    elif tag == f"{W}hyperlink" and el.get(f"{W}anchor"):
        start = st.offset
        for child in el:
            _inline(child, st)
        st.links.append((el.get(f"{W}anchor") or "", start, st.offset))
    elif tag == f"{W}r" and _raised(el, st.sup_styles):
        start = st.offset
        for child in el:
            _inline(child, st)
        end = st.offset
        if end > start:  # adjacent raised runs ("1", ",", "2") are one mark
            if st.sups and st.sups[-1][1] == start:
                start = st.sups.pop()[0]
            st.sups.append((start, end))
    elif tag == f"{W}fldSimple":
        f = Field(
            instruction=el.get(f"{W}instr") or "", paragraph=len(st.paragraphs), start=st.offset
        )
        for child in el:
            _inline(child, st)
        f.end_paragraph, f.end = len(st.paragraphs), st.offset
        st.fields.append(f)
    else:
        for child in el:
            _inline(child, st)


def _fld_char(el: ET.Element, st: _State) -> None:
    kind = el.get(f"{W}fldCharType")
    if kind == "begin":
        data_el = el.find(f"{W}fldData")
        st.stack.append((Field(data=(data_el.text or "") if data_el is not None else ""), False))
    elif kind == "separate" and st.stack:
        f, _ = st.stack[-1]
        f.paragraph, f.start = len(st.paragraphs), st.offset
        st.stack[-1] = (f, True)
    elif kind == "end" and st.stack:
        f, in_result = st.stack.pop()
        if not in_result:
            f.paragraph, f.start = len(st.paragraphs), st.offset
        f.end_paragraph, f.end = len(st.paragraphs), st.offset
        st.fields.append(f)
