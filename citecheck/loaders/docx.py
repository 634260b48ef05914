"""Word documents (``.docx``): body, tables, footnotes and endnotes, reference-manager fields.

``Document.text`` holds one paragraph per line (body first, then notes), so a
citation's line is its paragraph number; locations carry ``paragraph`` (for a
note, the body paragraph that anchors it). Zotero/Mendeley/EndNote fields give
structured citations and references; everything else goes through the text
citation extractor and the reference-string parser.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from citecheck.loaders import _docx_fields as fields
from citecheck.loaders import _docx_links as links
from citecheck.loaders._docx_text import (
    Field,
    Paragraph,
    StyleInfo,
    merge_indent,
    paragraph_styles,
    read_paragraphs,
    superscript_styles,
)
from citecheck.loaders._xml import PositionedTree, XmlError
from citecheck.loaders._zip import SafeZip
from citecheck.loaders.files import read_bytes
from citecheck.loaders.refcap import Taker
from citecheck.model.document import (
    Citation,
    Document,
    LineIndex,
    Location,
    Metadata,
    Problem,
    Reference,
)
from citecheck.model.errors import InputError
from citecheck.text.floats import is_caption_paragraph, merge
from citecheck.text.folding import norm
from citecheck.text.frontmatter import IDENTITY_LINE, read_front
from citecheck.text.spans import blank_spans

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class _Parts:
    body: list[Paragraph]
    notes: list[tuple[str, Paragraph]]  # (note id like "f3", paragraph)
    fields: list[Field]


def _xml(z: SafeZip, name: str, path: Path) -> ET.Element | None:
    data = z.read(name)
    if data is None:
        return None
    try:
        return PositionedTree(data).root
    except XmlError as exc:
        raise InputError(f"{path}: {name} is damaged: {exc}") from exc


def _read(path: Path) -> _Parts:
    read_bytes(path, max_bytes=200_000_000)  # existence, permissions, size
    z = SafeZip(path)
    try:
        doc = _xml(z, "word/document.xml", path)
        if doc is None:
            raise InputError(f"{path}: no word/document.xml inside; not a Word document")
        body_el = doc.find(f"{W}body")
        styles = _xml(z, "word/styles.xml", path)
        sup_styles = superscript_styles(styles)
        body, body_fields = read_paragraphs(body_el if body_el is not None else doc, sup_styles)
        _resolve_styles(body, paragraph_styles(styles))
        notes: list[tuple[str, Paragraph]] = []
        fields_read = list(body_fields)
        for part, kind, tag in (
            ("word/footnotes.xml", "f", "footnote"),
            ("word/endnotes.xml", "e", "endnote"),
        ):
            root = _xml(z, part, path)
            if root is None:
                continue
            for note in root.findall(f"{W}{tag}"):
                if note.get(f"{W}type") in (
                    "separator",
                    "continuationSeparator",
                    "continuationNotice",
                ):
                    continue
                paras, note_fields = read_paragraphs(note, sup_styles)
                # A citation field in a note (Zotero/Mendeley note styles): its
                # paragraphs are lines of the text after the body's and earlier notes'.
                shift = len(body) + len(notes)
                for f in note_fields:
                    if f.paragraph >= 0 and f.end_paragraph >= 0:
                        f.paragraph += shift
                        f.end_paragraph += shift
                        fields_read.append(f)
                for p in paras:
                    notes.append((kind + (note.get(f"{W}id") or ""), p))
    finally:
        z.close()
    return _Parts(body=body, notes=notes, fields=fields_read)


def _resolve_styles(body: list[Paragraph], styles: dict[str, StyleInfo]) -> None:
    """Give each paragraph its style's built-in name and the style's outline level."""
    for p in body:
        info = styles.get(p.style)
        if info is None:
            continue
        left, first = merge_indent(p.indent, info.indent)
        if left is not None or first is not None:
            p.first_line = (left or 0) + (first or 0)
        if not p.style:
            continue  # no style of its own: only the defaults' indentation applies
        p.style = info.name
        if p.outline is None:
            p.outline = info.outline


def load(path: Path, display_path: str) -> Document:
    """Read a ``.docx`` manuscript."""
    parts = _read(path)
    lines = [p.text for p in parts.body]
    anchor: dict[int, int] = {}  # text line (0-based) -> body paragraph (1-based)
    note_anchor = {nid: i + 1 for i, p in enumerate(parts.body) for nid in p.notes}
    for nid, p in parts.notes:
        anchor[len(lines)] = note_anchor.get(nid, len(parts.body))
        lines.append(p.text)
    text = "\n".join(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def loc(line0: int, col0: int) -> Location:
        par = anchor.get(line0, line0 + 1)
        return Location(
            path=display_path,
            line=par,
            column=col0 + 1 if line0 not in anchor else 1,
            paragraph=par,
        )

    cite_fields = [f for f in parts.fields if fields.is_citation(f.instruction)]
    bib_fields = [
        f
        for f in parts.fields
        if fields.is_bibliography(f.instruction) and f.end_paragraph < len(parts.body)
    ]
    structured, field_refs, used = _field_citations(cite_fields, loc, starts, text)
    bib_lines = _bibliography_lines(parts.body, bib_fields)
    problems: list[Problem] = []
    from citecheck.references import keyed_by_label

    # The printed list (typed paragraphs, a reference manager's bibliography field, or
    # both: entries are often typed into or after the field) is the reference list.
    references = keyed_by_label(_text_references(parts.body, bib_lines, loc, problems))
    labels = {r.key for r in references if r.key}
    unprinted: list[tuple[Reference, Citation]] = []
    if field_refs and references:
        unprinted = _unprinted_items(field_refs, references, structured)
        # The fields' items only link a field citation to its printed entry; a field
        # whose items are not all found there is read as the reader sees it (its text).
        structured, references, used = _link_field_items(structured, used, field_refs, references)
    elif field_refs:
        references = field_refs
        in_notes = all(f.paragraph >= len(parts.body) for f in used.values())
        problems.append(_items_only(field_refs, display_path, in_notes=in_notes))

    hidden = [
        *((starts[f.paragraph] + f.start, starts[f.end_paragraph] + f.end) for f in used.values()),
        *((starts[i], starts[i] + len(lines[i])) for i in bib_lines),
        # A heading is not prose: read with the next paragraph, its last words would
        # become the authors of a narrative citation there ("... Different Moon (2014)").
        *(
            (starts[i], starts[i] + len(lines[i]))
            for i, p in enumerate(parts.body)
            if _is_heading(p) is not None or (_list_heading(p) and i not in bib_lines)
        ),
    ]
    masked = blank_spans(text, hidden)  # structured citations are not read again as text
    paragraphs = parts.body + [p for _, p in parts.notes]
    raised = [
        (starts[i] + a, starts[i] + b) for i, p in enumerate(paragraphs) for a, b in p.superscripts
    ]
    numbered = 2 * sum(r.number is not None for r in references) > len(references) > 0
    citations = structured + _text_citations(
        masked,
        display_path,
        anchor,
        raised=raised,
        numbered=numbered,
        listed=references,
        labels=labels,
    )
    if bib_lines:
        # Where the text says nothing a reader of citations can read, an internal
        # hyperlink to a bookmarked entry of the printed list cites that entry, and a
        # footnote that gives a listed source in full (or "Ebd." after one) cites it.
        references = list(references)
        targets = links.bookmark_targets(parts.body, bib_lines, references)
        if targets:
            citations += links.link_citations(
                parts.body + [p for _, p in parts.notes],
                parts.fields,
                targets,
                references,
                [(c.start, c.end) for c in citations],
                starts,
                text,
                loc,
            )
        if parts.notes:
            citations += links.note_citations(
                _notes(parts, starts, lines),
                references,
                [(c.start, c.end, c.key) for c in citations],
                lambda at: loc(bisect_right(starts, at) - 1, 0),
            )
            citations = links.without_title_misreadings(citations, references)
    for item, first in unprinted:
        # Its text read as an author-year citation is judged by the linker (not listed,
        # or another spelling of a typed entry); a number or nothing read is not.
        if not any(
            c.style == "author-year" and first.start <= c.start < first.end for c in citations
        ):
            problems.append(_item_not_printed(item, first))
    citations.sort(key=lambda c: (c.start, c.key or ""))
    return Document(
        path=display_path,
        format="docx",
        text=text,
        citations=tuple(citations),
        references=tuple(references),
        metadata=_metadata(parts.body),
        problems=tuple(problems),
        bibliography_found=bool(bib_lines or field_refs),
        floats=merge(
            (starts[i], starts[i] + len(lines[i]))
            for i, p in enumerate(parts.body)
            if p.table or "caption" in p.style.lower() or is_caption_paragraph(p.text)
        ),
        notes=_note_spans(parts, starts, lines),
    )


def _notes(parts: _Parts, starts: list[int], lines: list[str]) -> list[tuple[str, int, int, str]]:
    """Each footnote or endnote: (id, start, end, its paragraphs' text joined)."""
    spans = _note_spans(parts, starts, lines)
    ids = list(dict.fromkeys(nid for nid, _p in parts.notes))
    texts: dict[str, list[str]] = {}
    for nid, p in parts.notes:
        texts.setdefault(nid, []).append(p.text)
    return [(nid, a, b, " ".join(texts[nid])) for nid, (a, b) in zip(ids, spans, strict=True)]


def _note_spans(parts: _Parts, starts: list[int], lines: list[str]) -> tuple[tuple[int, int], ...]:
    """Each footnote or endnote (its paragraphs together) as a span of the text."""
    spans: dict[str, list[int]] = {}
    for k, (nid, _p) in enumerate(parts.notes):
        i = len(parts.body) + k
        span = spans.setdefault(nid, [starts[i], starts[i]])
        span[1] = starts[i] + len(lines[i])
    return tuple((a, b) for a, b in spans.values())


def _field_citations(
    cite_fields: list[Field], loc: object, starts: list[int], text: str
) -> tuple[list[Citation], list[Reference], dict[int, Field]]:
    """Citations of the readable fields (their ``group``: 100000 + the field's number),
    the fields' items as references, and the fields read, by group."""
    from citecheck.citations.sentences import SentenceIndex
    from citecheck.loaders.csljson import csl_item_to_reference

    citations: list[Citation] = []
    refs: dict[str, Reference] = {}
    used: dict[int, Field] = {}
    sentences = SentenceIndex(text) if cite_fields else None
    for group, f in enumerate(cite_fields, start=1):
        got = fields.items(f.instruction, f.data)
        if not got or f.paragraph < 0:
            continue  # unreadable payload: the printed text is read as plain text instead
        used[100000 + group] = f
        start, end = starts[f.paragraph] + f.start, starts[f.end_paragraph] + f.end
        where = loc(f.paragraph, f.start)  # type: ignore[operator]
        for item in got:
            citations.append(
                Citation(
                    text=text[start:end] or item.key,
                    style="key",
                    key=item.key,
                    prefix=item.prefix,
                    locator=item.locator,
                    group=100000 + group,
                    start=start,
                    end=end,
                    location=where,
                    # the sentence holding the field, as for typed citations (off-topic
                    # reads it: what the author says the work is cited for)
                    sentence=sentences.sentence(start, end) if sentences else None,
                )
            )
            if item.key not in refs:
                csl = dict(item.csl)
                csl["id"] = item.key
                refs[item.key] = csl_item_to_reference(
                    csl, location=where, text=_describe(csl), source="docx-field"
                )
    return citations, list(refs.values()), used


def _link_field_items(
    citations: list[Citation],
    used: dict[int, Field],
    items: list[Reference],
    printed: list[Reference],
) -> tuple[list[Citation], list[Reference], dict[int, Field]]:
    """Link each citation field to the printed entries of its items.

    An item is its printed entry when the entry shows the item's DOI, or the opening
    words of its title together with its first author's name or its year (the
    reference manager printed it from the item, or the author typed it by hand). Items
    of one work under two library ids find the same entry. A printed entry found so
    takes the item's key (or keeps its own label) and the field's citations link to it
    by key. A field with an item not found in the printed list keeps no structured
    citation: its text ("(Okafor, 2019)", "[3]") is read like typed text, so it is
    judged as the reader sees it (cited-not-listed, a year or name mismatch).
    """
    texts = [norm(r.text) for r in printed]
    found: dict[str, int] = {}
    for item in items:
        at = _printed_entry(item, texts)
        if at is not None and item.key:
            found[item.key] = at
    keyed = list(printed)
    for key, at in found.items():
        if keyed[at].key is None:
            keyed[at] = keyed[at].model_copy(update={"key": key})
    by_field: dict[int, list[Citation]] = {}
    for c in citations:
        by_field.setdefault(c.group, []).append(c)
    kept: list[Citation] = []
    kept_fields: dict[int, Field] = {}
    for group, cites in by_field.items():
        if all(c.key in found for c in cites):
            kept.extend(c.model_copy(update={"key": keyed[found[c.key or ""]].key}) for c in cites)
            kept_fields[group] = used[group]
    return kept, keyed, kept_fields


def _unprinted_items(
    items: list[Reference], printed: list[Reference], citations: list[Citation]
) -> list[tuple[Reference, Citation]]:
    """The fields' items the printed list surely does not hold, each with its first
    citation: an item with a title of three words or more (or a DOI) that no entry shows
    (:func:`_printed_entry`), whose title opening no entry prints and whose first
    author's name no entry prints with its year. Empty items ("No Title") and items
    an entry may hold under other wording are left out."""
    texts = [norm(r.text) for r in printed]
    out: list[tuple[Reference, Citation]] = []
    for item in items:
        title = norm(_TAG.sub("", item.title or ""))
        words = title.split()
        if title in ("no title", "untitled") or (len(words) < 3 and not item.doi):
            continue
        if _printed_entry(item, texts) is not None:
            continue
        phrase = " ".join(words[:4])
        name = norm(item.authors[0].family) if item.authors else ""
        year = (item.year or "")[:4]
        if any(
            (phrase and f" {phrase} " in f" {t} ")
            or (name and f" {name} " in f" {t} " and (not year or year in t))
            for t in texts
        ):
            continue
        first = next((c for c in citations if c.key == item.key), None)
        if first is not None:
            out.append((item, first))
    return out


def _item_not_printed(item: Reference, first: Citation) -> Problem:
    """The note of a citation field whose item the printed list does not hold."""
    who = item.authors[0].family if item.authors else ""
    work = f"{who} ({item.year})" if who and item.year else who or (item.year or "")
    title = _TAG.sub("", item.title or "")
    shown = f"{work}, '{title[:80]}'" if work else f"'{title[:80]}'"
    return Problem(
        message=(
            f"the citation field '{first.text.strip()[:60]}' cites {shown}, an item of the "
            "reference manager that the printed reference list does not hold (typed by hand "
            "or not refreshed since): a reader cannot find this source; add it to the list "
            "or refresh the bibliography"
        ),
        location=first.location,
        kind="field-item-not-printed",
        evidence={"severity": "warning", "key": item.key or "", "item": shown},
    )


def _printed_entry(item: Reference, texts: list[str]) -> int | None:
    """The index of the printed entry (normalised texts) that shows ``item``, or None.

    Its DOI; or the first six words of its title with its first author's name near
    the entry's start or its year; a title too short to tell apart ("Nonoxinol"), or
    none, needs the name at the entry's start and the year (or no year on either side).
    """
    doi = norm(item.doi or "")
    if doi:
        for i, t in enumerate(texts):
            if doi in t:
                return i
    words = norm(_TAG.sub("", item.title or "")).split()[:6]
    phrase = " ".join(words)
    name = norm(item.authors[0].family) if item.authors else ""
    year = (item.year or "")[:4]
    short = len(words) < 3 and len(phrase) < 15
    best: tuple[int, int] | None = None
    for i, t in enumerate(texts):
        if phrase and f" {phrase} " not in f" {t} ":
            continue
        opening = _LABEL.sub("", t, count=1)[: len(name) + 12]
        named = bool(name) and name in (opening if short else t[: len(name) + 80])
        dated = year in t if year else not _YEAR.search(t)
        if short and not (named and dated):
            continue
        score = named + (bool(year) and dated)
        if score and (best is None or score > best[0]):
            best = (score, i)
    return best[1] if best else None


_TAG = re.compile(r"</?[a-z][^<>]{0,80}>", re.I)  # CSL titles keep <i>, <sup>, <span ...>
_LABEL = re.compile(r"\d{1,4} ")  # "[3] Okafor" normalised: "3 okafor"
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")


def _items_only(items: list[Reference], display_path: str, *, in_notes: bool) -> Problem:
    """The note of a document whose citation fields have no printed list: a warning, or
    an info note when every field is in a footnote (a note style, whose notes may be
    the only place the sources are printed)."""
    where = "in the notes " if in_notes else ""
    advice = (
        "the notes print the sources"
        if in_notes
        else "insert the bibliography (the list a reader sees) before submitting"
    )
    return Problem(
        message=(
            f"no printed reference list: the citations {where}were checked against the "
            f"{len(items)} works stored in the reference manager's citation fields; {advice}"
        ),
        location=Location(path=display_path),
        kind="field-items-only",
        evidence={"severity": "info" if in_notes else "warning", "items": len(items)},
    )


def _describe(csl: dict[str, object]) -> str:
    """A readable one-line form of a CSL item for reports."""
    raw_people = csl.get("author")
    people: list[object] = raw_people if isinstance(raw_people, list) else []
    names = [str(p.get("family") or p.get("literal") or "") for p in people if isinstance(p, dict)]
    issued = csl.get("issued")
    year = ""
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        year = (
            str(parts[0][0])
            if isinstance(parts, list) and parts and parts[0]
            else str(issued.get("raw") or "")
        )
    bits = [
        ", ".join(n for n in names if n),
        f"({year})" if year else "",
        str(csl.get("title") or ""),
        str(csl.get("container-title") or ""),
    ]
    return ". ".join(b for b in bits if b) or str(csl.get("id"))


_LIST_HEADING = re.compile(r"[^\W\d_][^\d()\[\].,;:!?\n]{0,58}[^\W\d_]")


def _list_heading(p: Paragraph) -> bool:
    """A short item of Word list numbering with no digit, bracket or punctuation: an
    outline heading ("B. Tujuan Peramalan" typed as a list item), not prose."""
    text = p.text.strip()
    return (
        p.numbered
        and not p.table
        and len(text.split()) <= 6
        and _LIST_HEADING.fullmatch(text) is not None
    )


# Longer than any heading: a body paragraph that carries an outline level or a heading
# style by accident (Word copies paragraph properties along) is still prose to read.
_HEADING_MAX = 300


def _is_heading(p: Paragraph) -> int | None:
    if len(p.text.strip()) > _HEADING_MAX:
        return None
    style = p.style.lower().replace(" ", "")
    if style.startswith("heading") and style[7:].isdigit():
        return int(style[7:])
    if style in ("title", "subtitle"):
        return 0
    if p.outline is not None and p.outline < 9:
        return p.outline + 1
    return None


def _bibliography_lines(body: list[Paragraph], bib_fields: list[Field]) -> list[int]:
    """Paragraph indexes of the reference list (heading-delimited, styled, or a field)."""
    from citecheck.text import headings as sections

    out: set[int] = set()
    for f in bib_fields:
        # A field that ends before any text of its last paragraph (Word puts the end
        # mark in the next heading's paragraph: "DAFTAR RIWAYAT HIDUP" after the list)
        # does not hold that paragraph, and one that begins after all the text of its
        # first paragraph (the list's own heading) does not hold that one.
        first = max(f.paragraph, 0)
        if 0 <= f.paragraph < len(body) and f.start >= len(body[f.paragraph].text.rstrip()):
            first += 1
        last = f.end_paragraph if f.end > 0 else f.end_paragraph - 1
        out.update(range(first, last + 1))
    out.update(
        i for i, p in enumerate(body) if p.style.lower() == "bibliography" and p.text.strip()
    )
    for i, p in enumerate(body):
        level = _is_heading(p)
        short = len(p.text) <= 60
        if not short or not (
            sections.is_bibliography_heading(p.text)
            or (level is not None and sections.is_bibliography_heading(p.text, weak=True))
        ):
            continue
        if p.table and level is None:
            continue  # a column header "Reference" of a table is not a heading
        in_table: bool | None = None
        section: list[int] = []
        for j in range(i + 1, len(body)):
            q = body[j]
            lv = _is_heading(q)
            if (lv is not None and (level is None or lv <= level)) or (
                len(q.text) <= 60 and sections.is_back_matter_heading(q.text)
            ):
                break
            if not q.text.strip():
                continue
            if lv is not None and _sub_heading(q.text):
                continue  # "6.1 Rechtsquellen", "Books": a group of the list, not an entry
            # The list is in the running text or in one table: a table or a caption
            # after it is back matter (tables and figures placed at the end).
            if in_table is not None and (q.table != in_table or sections.is_caption(q.text)):
                break
            in_table = q.table
            section.append(j)
        if level is None and not _reads_like_a_list([body[j].text for j in section]):
            continue  # "LITERATUR" in plain type over a literature-review chapter
        out.update(_without_group_headings(body, section))
    return sorted(out)


_LABELLED = re.compile(r"\s*(?:\[\d+\]|\d+\.\s+[A-Z][^\s.,]*,)")
# A group's title typed as a plain paragraph inside the list ("Internetquellen",
# "Online sources", "Sumber Internet", "Buku"): a few words, no digit, no punctuation.
# A letter may carry combining accents (a title typed in NFD reads as in NFC).
_LETTER = r"(?:[^\W\d_][\u0300-\u036f]*)"
_GROUP_WORD = rf"{_LETTER}+"
_GROUP_HEADING = re.compile(rf"{_GROUP_WORD}(?:[ \t]+{_GROUP_WORD}){{0,2}}[ \t]*:?")


def _without_group_headings(body: list[Paragraph], section: list[int]) -> list[int]:
    """``section`` without the plain paragraphs that title a group of its entries: a
    short unnumbered line of words only, between a finished entry (or the list's
    start) and a paragraph that starts an entry (or carries Word's numbering). A title broken off its entry
    ("Blume, J. (2018)." / "Deep learning") follows an unfinished one and stays."""
    out: list[int] = []
    for k, j in enumerate(section):
        text = body[j].text.strip()
        if (
            not body[j].numbered
            and _GROUP_HEADING.fullmatch(text) is not None
            and k + 1 < len(section)
            and (
                body[section[k + 1]].numbered
                or _entry_kind(body[section[k + 1]].text.strip()) is not None
            )
            and (k == 0 or not _unfinished(body[section[k - 1]].text))
        ):
            continue
        out.append(j)
    return out


def _sub_heading(text: str) -> bool:
    """A paragraph styled as a heading inside the list is a group's heading, unless it
    is long or opens like an entry ("[3] Tutu, D.", "3. Okafor, A.")."""
    return len(text.split()) <= 12 and _LABELLED.match(text) is None


_DATED = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b|https?://|\bdoi\b|\bn\.\s?d\.", re.I)


def _reads_like_a_list(texts: list[str]) -> bool:
    """Whether paragraphs under an unstyled heading are reference entries: at least a
    third of them carry a year, a URL, a DOI or "n.d." (prose of a chapter rarely does;
    a list whose entries lack all four is rarer still)."""
    return 3 * sum(1 for t in texts if _DATED.search(t)) >= len(texts)


def _text_citations(
    masked: str,
    display_path: str,
    anchor: dict[int, int],
    *,
    raised: list[tuple[int, int]],
    numbered: bool,
    listed: Sequence[Reference] = (),
    labels: Collection[str] = (),
) -> list[Citation]:
    from citecheck.citations import extract_citations
    from citecheck.citations.known import listed_names

    found = extract_citations(
        masked,
        path=display_path,
        index=LineIndex(masked),
        superscripts=raised,
        numbered_references=numbered,
        listed_authors=listed_names(listed),
        labels=labels,
    )
    out: list[Citation] = []
    for c in found:
        line0 = c.location.line - 1
        par = anchor.get(line0, line0 + 1)
        column = 1 if line0 in anchor else c.location.column
        out.append(
            c.model_copy(
                update={
                    "location": Location(path=display_path, line=par, column=column, paragraph=par)
                }
            )
        )
    return out


def _numbered_continuations(body: list[Paragraph], bib: list[int]) -> dict[int, str]:
    """Texts of the Word-numbered entries some later paragraphs continue, by paragraph;
    the continuing paragraphs are the other keys' values' sources (left out of the list).

    In a list Word numbers itself (most paragraphs carry ``w:numPr``), a paragraph
    without a number of its own right after a numbered one is the same entry broken
    in two (an entry split at "Types of" / "Alcoholics, II: ...", or inside a hyphenated
    name "Xin-" / "Qun Wang"): read as an entry, it shifts every later number by one.
    Returns {entry paragraph: joined text} and marks each continuation with ``""``.
    """
    joined: dict[int, str] = {}
    if len(bib) < 3 or 3 * sum(body[i].numbered for i in bib) < 2 * len(bib):
        return joined
    head: int | None = None
    for i in bib:
        text = body[i].text.strip()
        if head is not None and not body[i].numbered and text:
            so_far = joined.get(head, body[head].text).rstrip()
            joined[head] = so_far + ("" if so_far.endswith("-") else " ") + text
            joined[i] = ""
            continue
        head = i if body[i].numbered else None
    return joined


# A year as an author-year entry prints it near its start: "(2019)", "(2019a, May)",
# "(n.d.)", "2019." (Indonesian and Harvard lists).
_ENTRY_YEAR = re.compile(
    r"\((?:1[5-9]\d\d|20\d\d)[a-z]?(?:,[^()]{0,30})?\)|\(n\.\s?d\.\)|\(in press\)"
    r"|\b(?:1[5-9]\d\d|20\d\d)[a-z]?\.(?=\s|$)",
    re.I,
)
_ENDS_ENTRY = re.compile(r"https?://|\bdoi\b|\b10\.\d{4,9}/", re.I)
# Words whose period does not end a sentence ("(2nd ed.)" is masked with the parentheses).
_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:eds?|vol|no|pp?|st|inc|ltd|co|jr|sr|dr|vs|et al|ch|rev|trans)\.)$", re.I
)
_INDENT_STEP = 360  # twips: a quarter inch, less than any hanging indent in use
# A label ("[Frey10]", "[3]", "(3)", "3.") starts an entry whatever follows it.
_LABELLED = re.compile(r"\s*(?:\[[^\]\n]{1,24}\]|\(\d{1,4}\)|\d{1,4}[.)]\s)")


def _entry_kind(text: str) -> str | None:
    """``"name"``, ``"year"`` (see :func:`segment.start_kind`; also a year in
    parentheses near the start), or None: the paragraph does not start an entry."""
    from citecheck.references.segment import start_kind

    if _LABELLED.match(text):
        return "name"
    kind = start_kind(text[:300])
    if kind is None and _ENTRY_YEAR.search(text[:200]):
        kind = "year"
    return kind


def _unfinished(text: str) -> bool:
    """Whether an author-year entry stops before its source: nothing, or one sentence
    (the title), after the year ("Blume, J. (2018)." / "Wellek, S. (2010). Testing
    hypotheses (2nd ed.)."). An entry with a DOI or a URL, or without a year near its
    start, is taken as finished."""
    t = text.strip()
    m = _ENTRY_YEAR.search(t[:300])
    if m is None or _ENDS_ENTRY.search(t):
        return False
    rest = re.sub(r"\([^()]*\)|\[[^\]]*\]", "()", t[m.end() :]).strip(" .,:;")
    if not rest:  # "(2018)." ends it; "..., Verlag, 2010." is a year at the end
        return m.group().startswith("(")
    pieces = re.split(r"(?<=[.?!])\s+", rest)
    sentences = 1 + sum(1 for a in pieces[:-1] if not _ABBREV.search(a.rstrip(".?!") + "."))
    return sentences <= 1


def _author_year_continuations(
    body: list[Paragraph], bib: list[int], joined: dict[int, str]
) -> None:
    """Join to the previous entry each paragraph that continues it (into ``joined``).

    A list typed in Word (or converted from a PDF) may break an entry into several
    paragraphs: "Blume, J. D., ... (2018)." / "Second-generation p-values: ...". In
    an author-year list (most paragraphs start with an author's name or a year near
    the start), a paragraph that does not start so, after an entry that stops before
    its source (:func:`_unfinished`), is that entry's continuation. Its own formatting
    decides the unclear cases: a paragraph whose first line sits indented past the
    first lines of the list's entries (where a hanging indent puts an entry's second
    line) continues the entry after a finished-looking one ("... 12(3)." / "45-67."),
    and even when a year comes early in it ("Journal of X, 2019, 12, 1-9."). A
    paragraph starting with an author's name is never joined.
    """
    texts = [(i, body[i].text.strip()) for i in bib if body[i].text.strip()]
    if len(texts) < 3 or any(body[i].numbered for i, _ in texts):
        return
    kinds = {i: _entry_kind(t) for i, t in texts}
    starts = [i for i, _ in texts if kinds[i] is not None]
    dated = sum(
        1
        for i, t in texts
        if kinds[i] is not None
        and (m := _ENTRY_YEAR.search(t[:300])) is not None
        and m.start() < len(t) // 2  # after the authors, not at the end
    )
    if len(starts) < 3 or 2 * len(starts) < len(texts) or 2 * dated < len(starts):
        return  # not an author-year list
    firsts = sorted(
        fl for i in starts if kinds[i] == "name" and (fl := body[i].first_line) is not None
    )
    typical = firsts[len(firsts) // 2] if len(firsts) >= 3 else None
    head: int | None = None
    for i, text in texts:
        fl = body[i].first_line
        indented = typical is not None and fl is not None and fl >= typical + _INDENT_STEP
        kind = kinds[i]
        if (
            head is not None
            and (kind is None or (kind == "year" and indented))
            and (indented or _unfinished(joined.get(head, body[head].text)))
        ):
            so_far = joined.get(head, body[head].text).rstrip()
            joined[head] = so_far + ("" if so_far.endswith("-") else " ") + text
            joined[i] = ""
            continue
        head = i


def _join(body: list[Paragraph], joined: dict[int, str], head: int, i: int) -> None:
    """Append paragraph ``i`` to the entry opened by paragraph ``head``."""
    so_far = joined.get(head, body[head].text).rstrip()
    more = body[i].text.strip()
    glue = "" if so_far.endswith("-") or more[:1] in (",", ";", ":", ".") else " "
    joined[head] = so_far + glue + more
    joined[i] = ""


_ADDRESS_ONLY = re.compile(
    r"\s*(?:(?:doi|url|online|available|abrufbar|disponível|tersedia)\b[^/]{0,20}?)?"
    r"(?:https?://|www\.|doi\.org/|10\.\d{4,9}/)\S+\s*",
    re.I,
)
_HAS_ADDRESS = re.compile(r"https?://|\bwww\.|\bdoi\.org/|\b10\.\d{4,9}/", re.I)


def _address_continuations(body: list[Paragraph], bib: list[int], joined: dict[int, str]) -> None:
    """A paragraph that is only an address (a URL or a DOI) right after an entry that
    shows none is that entry's address, not an entry ("o. A.: Loops" / "https://...")."""
    head: int | None = None
    last = -2  # the entry's last paragraph
    for i in bib:
        text = body[i].text.strip()
        if joined.get(i) == "" or not text:
            last = i if text else last  # already part of the entry
            continue
        if (
            head is not None
            and i == last + 1
            and _ADDRESS_ONLY.fullmatch(text) is not None
            and _HAS_ADDRESS.search(joined.get(head, body[head].text)) is None
        ):
            _join(body, joined, head, i)
            last = i
            continue
        head = last = i


def _blanks_between(body: list[Paragraph], a: int, b: int) -> int:
    """How many paragraphs between ``a`` and ``b`` are empty (all of them, or -1)."""
    gap = [body[k].text.strip() for k in range(a + 1, b)]
    return len(gap) if not any(gap) else -1


# An entry opens with its first author ("ALVES, William", "Okafor, A.", "A. Okafor,"),
# a label, or a word in capitals (an ABNT organisation or title: "BRASIL. Lei ...",
# "MANUAL de ...").
_NAME_START = re.compile(
    r"\s*(?:\[[^\]\n]{1,24}\]|\(\d{1,4}\)|\d{1,4}[.)]\s"
    r"|[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*){0,3},\s*[^\W\d_]"
    r"|(?:[^\W\d_]\.\s?){1,3}[^\W\d_][\w'’-]+,"
    r"|[A-ZÀ-ÖØ-Þ]{3,}(?![\w'’-]*[a-zß-öø-ÿ]))"
)


def _blank_separated_continuations(
    body: list[Paragraph], bib: list[int], joined: dict[int, str]
) -> None:
    """Join the paragraphs of one entry in a list whose entries are separated by empty
    paragraphs.

    When most entries of a list stand apart (an empty paragraph after each), two
    paragraphs with none between them are one entry broken in two ("ALVES, William.
    Banco de dados. Saraiva Educação" / ", SA, 2014."; "... sistemas digitais." /
    "Dissertação de Mestrado. Universidade ..., 2018."), unless the second opens with an
    author's name or a label: then the author forgot the empty paragraph.
    """
    texts = [i for i in bib if body[i].text.strip()]
    if len(texts) < 4 or any(body[i].numbered for i in texts):
        return
    apart = sum(1 for a, b in itertools.pairwise(texts) if _blanks_between(body, a, b) > 0)
    if apart < 3 or 4 * apart < 3 * (len(texts) - 1):
        return
    head = texts[0]
    for prev, i in itertools.pairwise(texts):
        if i == prev + 1 and _NAME_START.match(body[i].text) is None:
            _join(body, joined, head, i)
            continue
        head = i


def _text_references(
    body: list[Paragraph], bib: list[int], loc: object, problems: list[Problem]
) -> list[Reference]:
    from citecheck.references import parse_reference, split_entries, to_reference
    from citecheck.references.segment import join_paragraphs

    if not bib:
        return []
    joined = _numbered_continuations(body, bib)
    if not joined:
        _author_year_continuations(body, bib, joined)
    if not joined:
        _blank_separated_continuations(body, bib, joined)
    _address_continuations(body, bib, joined)
    bib = [i for i in bib if joined.get(i) != ""]
    # Paragraphs (and line breaks inside them) are the entry boundaries Word keeps.
    section, para_starts = join_paragraphs(
        [joined.get(i, body[i].text) for i in bib],
        [[] if i in joined else body[i].breaks for i in bib],
    )
    offsets = list(zip(para_starts, bib, strict=True))
    out: list[Reference] = []
    starts = [off for off, _ in offsets]
    taker = Taker()
    for span in split_entries(section):
        k = max(bisect_right(starts, span.start) - 1, 0)  # the paragraph the entry starts in
        off, line_idx = offsets[k]
        where = loc(line_idx, max(span.start - off, 0))  # type: ignore[operator]
        if not taker.take(None, where.line):
            continue
        try:
            parsed = parse_reference(span.text)
        except Exception as exc:  # the parser is total by contract; stay safe anyway
            problems.append(
                Problem(message=f"reference could not be parsed: {exc}", location=where)
            )
            continue
        out.append(to_reference(parsed, text=span.text, location=where, number=span.number))
    capped = taker.problem(loc(bib[0], 0).path)  # type: ignore[operator]
    if capped is not None:
        problems.append(capped)
    return out


def _metadata(body: list[Paragraph]) -> Metadata:
    from citecheck.text import headings as sections

    title = next(
        (p.text.strip() for p in body if p.style.lower() == "title" and p.text.strip()), None
    )
    headings = tuple(
        p.text.strip() for p in body if _is_heading(p) not in (None, 0) and p.text.strip()
    )
    abstracts: list[str] = []
    for i, p in enumerate(body):
        if len(p.text) <= 40 and sections.is_abstract_heading(p.text):
            # the first paragraph after the heading that is not an identity line of
            # a thesis's abstract page ("Nama : ...", "NIM : ...", "Judul : ...")
            nxt = next(
                (
                    q.text.strip()
                    for q in body[i + 1 : i + 10]
                    if len(q.text.strip()) >= 80 and not IDENTITY_LINE.match(q.text.strip())
                ),
                None,
            )
            if nxt:
                abstracts.append(nxt)
        elif p.style.lower() == "abstract" and p.text.strip():
            abstracts.append(p.text.strip())
    # Unstyled Word files: the title is the first title-like line, the abstract an
    # "Abstract:" paragraph or a structured one, the keywords a "Keywords:" line.
    front = read_front([p.text for p in body], title=title)
    return Metadata(
        title=front.title,
        abstracts=tuple(dict.fromkeys([*abstracts, *front.abstracts])),
        keywords=front.keywords,
        headings=headings,
    )
