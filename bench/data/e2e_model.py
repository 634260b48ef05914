"""Manuscript model for the end-to-end harness: prose pieces, citation groups, entries.

A manuscript is a list of pieces (plain prose strings and :class:`Group` s of
citations) plus a list of :class:`Ref` entries. Styles (``e2e_styles``) render it to
Markdown and return where every citation and entry landed; defects
(``e2e_defects``) edit the model, so the ground truth is known exactly.

``from_key`` builds the model from a ``jats_to_text.py`` answer key and its
Markdown: each citation group's region (with its brackets when the group owns
them) becomes a :class:`Group`, the rest stays prose.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Ref:
    """One reference entry, with the fields the renderers need."""

    id: str
    authors: list[tuple[str, str]]  # (surname, given) ; given may be initials "MP"
    year: str | None
    title: str
    source: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    kind: str = "journal"  # journal, book, thesis, law, web, report
    collab: str = ""  # corporate author
    etal: bool = False  # the source list itself ended with "et al."
    publisher: str = ""
    place: str = ""
    url: str = ""
    extra: str = ""  # thesis kind ("Skripsi"), access date, law title
    suffix: str = ""  # year letter assigned by the renderer ("a", "b")
    no_suffix: bool = False  # defect: leave the year letter out


@dataclass
class Cite:
    """One work cited in a group; overrides are planted defects."""

    n: int  # stable id of this citation occurrence
    rid: str
    year: str | None = None  # override of the year as written
    rename: tuple[int, str] | None = None  # defect: shown surname i written as this
    drop: bool = False  # defect: leave out the last co-author (or "et al.")
    add: str = ""  # defect: an extra co-author
    prefix: str = ""  # "lihat ", "Sumber: "
    locator: str = ""  # "hlm. 5"


@dataclass
class Group:
    """Citations written together; mode: paren "(A; B)", inner "A; B" inside other
    brackets, narrative "A (2001)"."""

    cites: list[Cite]
    mode: str = "paren"


Piece = str | Group


@dataclass
class Manuscript:
    """A whole manuscript: title, pieces, entries, language."""

    name: str
    title: str
    pieces: list[Piece]
    refs: list[Ref]
    lang: str = "en"
    notes: dict[str, str] = field(default_factory=dict)
    ghosts: dict[str, Ref] = field(default_factory=dict)  # deleted entries still cited

    def cites(self) -> list[Cite]:
        """Every citation, in text order."""
        return [c for p in self.pieces if isinstance(p, Group) for c in p.cites]

    def ref(self, rid: str) -> Ref | None:
        """The entry with id ``rid``."""
        return next((r for r in self.refs if r.id == rid), None)


def _inside_open(md: str, pos: int) -> bool:
    """Whether ``pos`` sits inside an unclosed ( or [ of its paragraph."""
    para = md.rfind("\n\n", 0, pos) + 1
    depth = 0
    for ch in reversed(md[para:pos]):
        if ch in ")]":
            depth += 1
        elif ch in "([":
            if depth == 0:
                return True
            depth -= 1
    return False


def _region(md: str, s: int, e: int) -> tuple[int, int, str]:
    """The text region a group occupies and its mode."""
    inside = _inside_open(md, s)
    body = md[s:e]
    if not inside and body[:1] in "[^" and body[-1:] in "]^":
        return s, e, "paren"
    if md[s - 1 : s] in ("(", "[") and md[e : e + 1] in (")", "]"):
        s2, e2 = s - 1, e + 1
        if md[s2 - 1 : s2] == "(" and md[e2 : e2 + 1] == ")":
            s2, e2 = s2 - 1, e2 + 1
        return s2, e2, "paren"
    if inside and md[:s].rstrip()[-1:] not in ("(", "[", ";", ","):
        # "(TBK1 and SINTBAD [35])": the group needs brackets of its own in author-year
        return s, e, "paren"
    return s, e, "inner" if inside else "narrative"


def _ref_from_key(r: dict[str, object]) -> Ref | None:
    authors = [
        (str(a.get("surname") or ""), str(a.get("given") or ""))
        for a in r.get("authors") or []
        if isinstance(a, dict) and a.get("surname")
    ]
    collab = "; ".join(str(c) for c in r.get("collab") or [])  # type: ignore[union-attr]
    year = r.get("year")
    if not (authors or collab) or not year or not re.fullmatch(r"\d{4}", str(year)):
        return None
    pages = "–".join(str(p) for p in (r.get("fpage"), r.get("lpage")) if p)
    return Ref(
        id=str(r["id"]),
        authors=authors,
        year=str(year),
        title=str(r.get("title") or "Untitled").rstrip("."),
        source=str(r.get("source") or ""),
        volume=str(r.get("volume") or ""),
        pages=pages,
        doi=str(r.get("doi") or ""),
        kind="book" if r.get("type") == "book" else "journal",
        collab=collab if not authors else "",
        etal=bool(r.get("etal")),
    )


def from_key(key_path: Path) -> tuple[Manuscript, str, dict[str, object]]:
    """The model of one converted article, its publisher Markdown, and its key.

    Entries without a surname/collaboration or a four-digit year are dropped with
    their citations (a style renderer cannot cite them by name and year).
    """
    key = json.loads(key_path.read_text(encoding="utf-8"))
    md = key_path.with_name(str(key["manuscript_file"])).read_text(encoding="utf-8")
    refs = [x for x in (_ref_from_key(r) for r in key["references"]) if x]
    known = {r.id for r in refs}
    groups: dict[int, list[dict[str, object]]] = {}
    for c in key["citations"]:
        if c.get("zone") != "body" and c["start"] >= key["references_section_start"]:
            continue
        groups.setdefault(int(c["group"]), []).append(c)
    spans: list[tuple[int, int, Group]] = []
    for members in groups.values():
        s = min(int(c["start"]) for c in members)  # type: ignore[call-overload]
        e = max(int(c["end"]) for c in members)  # type: ignore[call-overload]
        s, e, mode = _region(md, s, e)
        cites: list[Cite] = []
        for c in sorted(members, key=lambda c: int(c["start"])):  # type: ignore[call-overload]
            for rid in [*c["rids"], *c["implied_rids"]]:  # type: ignore[misc]
                if rid in known and all(x.rid != rid for x in cites):
                    cites.append(Cite(n=0, rid=str(rid)))
        spans.append((s, e, Group(cites=cites, mode=mode)))
    spans.sort(key=lambda t: t[0])
    pieces: list[Piece] = []
    pos = 0
    end_body = int(key["references_section_start"])
    for s, e, g in spans:
        if s < pos or e > end_body:
            continue  # overlapping regions ("[3[4]-5]"): keep the first
        pieces.append(md[pos:s])
        # a numeric table cell "[12]–[80]" would become one bracket of 69 works;
        # author-year writers split such lists, so groups keep at most 12 works
        for k in range(0, len(g.cites), 12):
            if k:
                pieces.append(" ")
            pieces.append(Group(cites=g.cites[k : k + 12], mode=g.mode if k == 0 else "paren"))
        pos = e
    body = md[pos:end_body]
    body = re.sub(r"\n#+ *References\s*$", "\n", body.rstrip() + "\n")
    pieces.append(body)
    # the title line is part of the first piece already
    n = 0
    for p in pieces:
        if isinstance(p, Group):
            for c in p.cites:
                n += 1
                c.n = n
    name = key_path.name.replace(".key.json", "")
    ms = Manuscript(
        name=name,
        title=str(key.get("title") or name),
        pieces=pieces,
        refs=refs,
        notes={"style": str(key["citation_style"])},
    )
    return ms, md, key
