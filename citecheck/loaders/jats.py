"""JATS / NLM XML articles (``.xml``, ``.nxml``): ``<xref ref-type="bibr">`` and ``<ref-list>``.

Citations are the bibliography cross-references, keyed by ``rid`` (a range typeset
as "[3]–[5]" also cites 4); references come from the tagged fields of each
``<ref>``. ``Document.text`` is the article's plain text (title, abstracts, body,
back matter) and citation offsets point into it; locations point into the XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from citecheck.loaders._jats_refs import ref_to_reference
from citecheck.loaders._xml import MAX_XML_BYTES, PositionedTree, XmlError, local, text_of
from citecheck.loaders.files import read_bytes
from citecheck.loaders.refcap import Taker
from citecheck.model.document import Citation, Document, Metadata, Problem
from citecheck.model.errors import InputError, LimitError

_BLOCKS = frozenset(
    {
        "p",
        "title",
        "sec",
        "list-item",
        "caption",
        "td",
        "th",
        "tr",
        "abstract",
        "article-title",
        "fig",
        "table-wrap",
        "boxed-text",
        "disp-quote",
        "fn",
        "ack",
        "app",
        "def-item",
        "label",
    }
)
_SKIP = frozenset(
    {
        "ref-list",
        "disp-formula",
        "inline-formula",
        "math",
        "tex-math",
        "graphic",
        "inline-graphic",
        "object-id",
        "sub-article",
        "response",
    }
)
_RANGE = re.compile(r"^[\s\[\](){}]*[\u2013\u2014\u2212-][\s\[\](){}]*$")
_INNER_RANGE = re.compile(r"^\s*(\d+)\s*[\u2013\u2014\u2212-]\s*(\d+)\s*$")
_SAME_GROUP = re.compile(r"^[\s\[\](){},;\u2013\u2014\u2212-]*$")


@dataclass
class _Walk:
    display: str
    tree: PositionedTree
    parts: list[str] = field(default_factory=list)
    length: int = 0
    xrefs: list[tuple[ET.Element, int, int]] = field(default_factory=list)  # element, start, end

    def emit(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def block(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n\n"):
            self.emit("\n\n")


def _walk(el: ET.Element, w: _Walk) -> None:
    tag = local(el.tag)
    if tag in _SKIP:
        w.emit(el.tail)
        return
    if tag in _BLOCKS:
        w.block()
    start = w.length
    w.emit(el.text)
    for child in el:
        _walk(child, w)
    if tag == "xref" and el.get("ref-type") == "bibr":
        w.xrefs.append((el, start, w.length))
    if tag in _BLOCKS:
        w.block()
    w.emit(el.tail)


def load(path: Path, display_path: str) -> Document:
    """Read a JATS article."""
    data = read_bytes(path)
    if len(data) > MAX_XML_BYTES:
        raise LimitError(
            f"{path}: {len(data):,} bytes of XML is more than the {MAX_XML_BYTES:,} read "
            "(a parsed XML tree costs about 20 times its text)"
        )
    try:
        tree = PositionedTree(data)
    except XmlError as exc:
        raise InputError(f"{path}: {exc}") from exc
    root = tree.root
    if local(root.tag) != "article":
        raise InputError(f"{path}: XML root is <{local(root.tag)}>, not a JATS <article>")
    w = _Walk(display=display_path, tree=tree)
    front = next((c for c in root if local(c.tag) == "front"), None)
    if front is not None:
        for el in front.iter():
            if local(el.tag) in (
                "article-title",
                "abstract",
                "trans-abstract",
            ) and _in_article_meta(front, el):
                _walk_detached(el, w)
    for part in root:
        if local(part.tag) in ("body", "back", "floats-group"):
            _walk(part, w)
    text = "".join(w.parts)

    nested = {
        id(x)
        for sub in root.iter()
        if local(sub.tag) in ("sub-article", "response")
        for x in sub.iter()
    }
    refs_el = [r for r in root.iter() if local(r.tag) == "ref" and id(r) not in nested]
    cited = (rid for x, _, _ in w.xrefs for rid in (x.get("rid") or "").split())
    taker = Taker(cited)
    references = []
    for i, r in enumerate(refs_el):
        where = tree.location(r, display_path)
        if taker.take(r.get("id") or "", where.line):
            references.append(ref_to_reference(r, location=where, order=i + 1))
    numbers = {r.number: r.key for r in references if r.number is not None and r.key}
    citations, problems = _citations(w, text, [r.key or "" for r in references], numbers)
    capped = taker.problem(display_path)
    if capped is not None:
        problems.append(capped)
    return Document(
        path=display_path,
        format="jats",
        text=text,
        citations=tuple(citations),
        references=tuple(references),
        metadata=_metadata(root),
        problems=tuple(problems),
        bibliography_found=bool(references) or any(local(e.tag) == "ref-list" for e in root.iter()),
    )


def _walk_detached(el: ET.Element, w: _Walk) -> None:
    tail, el.tail = el.tail, None
    try:
        _walk(el, w)
    finally:
        el.tail = tail


def _in_article_meta(front: ET.Element, el: ET.Element) -> bool:
    for meta in front:
        if local(meta.tag) == "article-meta":
            return any(x is el for x in meta.iter())
    return False


def _citations(
    w: _Walk, text: str, order: list[str], numbers: dict[int, str]
) -> tuple[list[Citation], list[Problem]]:
    position = {key: i for i, key in enumerate(order)}
    citations: list[Citation] = []
    problems: list[Problem] = []
    group = 0
    prev_end = -1
    prev_rid: str | None = None
    for el, start, end in w.xrefs:
        loc = w.tree.location(el, w.display)
        rids = (el.get("rid") or "").split()
        if not rids:
            problems.append(Problem(message='<xref ref-type="bibr"> without rid', location=loc))
            continue
        between = text[prev_end:start] if prev_end >= 0 else "x"
        if prev_end < 0 or not _SAME_GROUP.match(between) or "\n\n" in between:
            group += 1
        shown = text_of(el)
        sentence = _sentence(text, start, end)
        implied: list[str] = []
        if prev_rid is not None and len(rids) == 1 and _RANGE.match(between):
            a, b = position.get(prev_rid), position.get(rids[0])
            if a is not None and b is not None and b - a > 1:
                implied = order[a + 1 : b]
        inner = _INNER_RANGE.match(shown)
        if inner and len(rids) == 1:
            # one xref typeset "1–3" pointing at ref 1: refs 2 and 3 are cited too
            lo, hi = int(inner.group(1)), int(inner.group(2))
            if 0 < hi - lo < 200:
                implied = [
                    numbers[n]
                    for n in range(lo + 1, hi + 1)
                    if n in numbers and numbers[n] not in rids
                ]
        for key in [*rids, *implied] if inner else [*implied, *rids]:
            number = int(shown) if shown.isdigit() and key in rids and len(rids) == 1 else None
            citations.append(
                Citation(
                    text=shown or key,
                    style="key",
                    key=key,
                    number=number,
                    group=group,
                    start=start,
                    end=end,
                    location=loc,
                    sentence=sentence,
                )
            )
        prev_end, prev_rid = end, rids[-1]
    return citations, problems


def _sentence(text: str, start: int, end: int) -> str | None:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n\n", 0, start) + 2, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(text)
    out = " ".join(text[left:right].split())
    return out or None


def _metadata(root: ET.Element) -> Metadata:
    meta = next((e for e in root.iter() if local(e.tag) == "article-meta"), None)
    title = None
    abstracts: list[str] = []
    keywords: list[str] = []
    if meta is not None:
        t = next((e for e in meta.iter() if local(e.tag) == "article-title"), None)
        title = text_of(t) if t is not None else None
        abstracts = [
            text_of(e) for e in meta.iter() if local(e.tag) in ("abstract", "trans-abstract")
        ]
        keywords = [text_of(e) for e in meta.iter() if local(e.tag) == "kwd"]
    body = next((c for c in root if local(c.tag) == "body"), None)
    headings: list[str] = []
    if body is not None:
        for sec in body.iter():
            if local(sec.tag) == "sec":
                t = next((c for c in sec if local(c.tag) == "title"), None)
                if t is not None and text_of(t):
                    headings.append(text_of(t))
    lang = root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return Metadata(
        title=title or None,
        abstracts=tuple(a for a in abstracts if a),
        keywords=tuple(k for k in keywords if k),
        headings=tuple(headings),
        language=lang[:2].lower() if lang else None,
    )
