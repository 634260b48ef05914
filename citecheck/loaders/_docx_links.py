"""Citations Word makes without a reference manager: internal hyperlinks to a
bookmarked bibliography entry, and footnotes that give the source in full.

Both are read only against the printed list, and only where they point at one entry
for certain: a link names the entry's bookmark; a footnote shows the entry's address
(URL or DOI), or its first author's name with the opening words of its title or its
year, or says "Ebd."/"Ibid." after a footnote that cited. Each becomes a key citation
of that entry (the entry gets a key when it has none), so it links exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from citecheck.loaders._docx_text import Field, Paragraph
from citecheck.model.document import Citation, Location, Reference
from citecheck.text.doi import DOI_PREFIX, normalise_doi
from citecheck.text.folding import norm

# A paragraph that is only an entry's label ("1", "[3]", "12.", "(4)", "[Frey10]"):
# a bookmark on it marks the entry (or entries) printed under it.
_LABEL_ONLY = re.compile(r"\s*(?:\[[^\]\s]{1,24}\]|\(\d{1,4}\)|\d{1,4}[.)]?)\s*")
# Word's older form of an internal link (a field).
_FIELD_LINK = re.compile(r'^\s*HYPERLINK\s+\\l\s+"([^"]+)"', re.I)

LINK_GROUP = 200000  # group numbers of link citations (fields use 100000 + n)
NOTE_GROUP = 300000  # group numbers of footnote citations


@dataclass
class _Link:
    name: str
    paragraph: int  # line of the text (body paragraphs first, then notes)
    start: int
    end: int


def bookmark_targets(
    body: Sequence[Paragraph], bib: Sequence[int], references: Sequence[Reference]
) -> dict[str, list[int]]:
    """Bookmark name -> indexes of the printed entries it marks.

    A bookmark in a paragraph of the list marks the entry that paragraph belongs to; a
    bookmark on a paragraph that is only a label ("1", "[3]", Word headings numbering
    the entries) marks the entries printed under that label, up to the next paragraph
    outside the list. Bookmarks anywhere else (headings, figures, annexes) mark none.
    """
    in_bib = set(bib)
    starts = sorted(
        (r.location.line - 1, i) for i, r in enumerate(references) if r.source == "bibliography"
    )
    out: dict[str, list[int]] = {}
    for i, p in enumerate(body):
        names = [n for n in p.bookmarks if n and not n.startswith("_Toc")]
        if not names:
            continue
        hit: list[int] = []
        if i in in_bib:
            at = [ri for line, ri in starts if line == i]
            if not at and _LABEL_ONLY.fullmatch(p.text):
                at = [ri for line, ri in starts if line > i][:1]  # "[3]" over its entry
            if not at:
                at = [ri for line, ri in starts if line < i][-1:]  # a later paragraph of one
            hit = at
        elif _LABEL_ONLY.fullmatch(p.text) or not p.text.strip():
            j = i + 1
            while j < len(body) and not body[j].text.strip() and j not in in_bib:
                j += 1
            run: set[int] = set()
            while j < len(body) and (j in in_bib or not body[j].text.strip()):
                run.add(j)
                j += 1
            hit = [ri for line, ri in starts if line in run]
            if not p.text.strip():
                hit = hit[:1]  # an empty paragraph marks the entry right after it
        if hit:
            for n in names:
                out.setdefault(n, hit)
    return out


def _links(paragraphs: Sequence[Paragraph], fields: Sequence[Field]) -> list[_Link]:
    out = [_Link(name, i, a, b) for i, p in enumerate(paragraphs) for name, a, b in p.links if name]
    for f in fields:
        m = _FIELD_LINK.match(f.instruction)
        if m and f.paragraph >= 0 and f.paragraph == f.end_paragraph:
            out.append(_Link(m.group(1), f.paragraph, f.start, f.end))
    return out


def _key_for(references: list[Reference], at: int, name: str, taken: set[str]) -> str:
    """The entry's key; one is given when it has none (``name``: "#" and its bookmark's
    name, or "entry-N" for the list's N-th entry)."""
    ref = references[at]
    if ref.key:
        return ref.key
    key = name
    n = 1
    while key in taken:
        n += 1
        key = f"{name}-{n}"
    taken.add(key)
    references[at] = ref.model_copy(update={"key": key})
    return key


def link_citations(
    paragraphs: Sequence[Paragraph],
    fields: Sequence[Field],
    targets: dict[str, list[int]],
    references: list[Reference],
    read: Sequence[tuple[int, int]],
    starts: Sequence[int],
    text: str,
    loc: Callable[[int, int], Location],
) -> list[Citation]:
    """Key citations of the internal links to bookmarked entries (``references`` get
    keys in place). A link with a citation read in its text ("(Okafor, 2019)" linked by
    Pandoc's ``link-citations``; ``read``: spans of citations) is left to that reading."""
    taken = {r.key for r in references if r.key}
    citations: list[Citation] = []
    for n, link in enumerate(_links(paragraphs, fields), start=1):
        hit = targets.get(link.name)
        if not hit:
            continue
        start, end = starts[link.paragraph] + link.start, starts[link.paragraph] + link.end
        if any(start <= a < end or a <= start < b for a, b in read):
            continue
        for at in hit:
            key = _key_for(references, at, "#" + link.name.lstrip("#"), taken)
            citations.append(
                Citation(
                    text=text[start:end].strip() or key,
                    style="key",
                    key=key,
                    group=LINK_GROUP + n,
                    start=start,
                    end=end,
                    location=loc(link.paragraph, link.start),
                )
            )
    return citations


# --- footnotes in full-note style --------------------------------------------------

_URL = re.compile(r"https?://[^\s<>\"“”„«»]+|\bwww\.[^\s<>\"“”„«»]+", re.I)
_DOI = re.compile(rf"\b{DOI_PREFIX}/[^\s\"<>“”„«»]+")
# "Ebd.", "Ibid.", "ebenda", "ibidem", "Id.", with "Vgl."/"cf." and a page after it.
_IBID = re.compile(
    r"\s*(?:(?:vgl|cf|siehe|see|s|lihat|voir|v[ée]ase)\.?\s+)?"
    r"(?:ebd|ebenda|ibid|ibidem|ib|id)\.?(?=$|[\s,;:])",
    re.I,
)
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_STOP = frozenset(
    "a an the of and in on for to der die das des und im in zur zum von le la les de du "
    "des et en el los las y del o da do dos e em um uma dan di ke yang".split()
)


# Query parameters that only track who shared a link ("&si=...", "?utm_source=...").
_TRACKING = re.compile(r"^(?:utm_\w+|si|fbclid|gclid|mc_cid|mc_eid)=", re.I)


def _address(url: str) -> str:
    """A URL compared as a reader would: no scheme, no "www.", no fragment (a place on
    the page, "#cite_note-5", "#:~:text=..."), no tracking parameters, no trailing
    punctuation or slash, case folded."""
    u = url.casefold().split("#", 1)[0].rstrip(".,;:)]}>'’\u201d")
    u = re.sub(r"^https?://", "", u)
    u = re.sub(r"^www\.", "", u)
    if "?" in u:
        base, query = u.split("?", 1)
        kept = [q for q in query.split("&") if q and not _TRACKING.match(q)]
        u = base + ("?" + "&".join(kept) if kept else "")
    return u.rstrip("/")


def _addresses(text: str) -> set[str]:
    found = {_address(m.group()) for m in _URL.finditer(text)}
    found |= {"doi:" + d for m in _DOI.finditer(text) if (d := normalise_doi(m.group()))}
    return {a for a in found if len(a) > 8}


def _title_opening(title: str | None) -> str:
    """The first words of a title that tell it apart (four, at least two that are not
    function words), normalised; "" when the title is too short to tell apart."""
    words = norm(title or "").split()[:4]
    if sum(1 for w in words if w not in _STOP and len(w) > 2) < 2:
        return ""
    return " ".join(words)


def _surname(ref: Reference) -> str:
    if not ref.authors:
        return ""
    name = norm(ref.authors[0].family)
    return name if len(name) >= 3 else ""


def _note_entries(
    note: str, references: Sequence[Reference], index: _Index
) -> tuple[list[int], bool]:
    """The entry a footnote gives in full or in short (one for certain, or none), and
    whether the note names it beyond doubt: by its address, or by its first author and
    title (with the year too when both print one)."""
    t = norm(note)
    if not t:
        return [], False
    by_address = sorted({i for a in _addresses(note) for i in index.by_address.get(a, ())})
    if len(by_address) == 1:
        return by_address, True
    if len(by_address) > 1:
        # Two entries share the address: the note does not say which, unless they are
        # one work printed twice (a duplicate-reference of its own), cited so.
        same = {norm(references[i].text) for i in by_address}
        return (by_address, True) if len(same) == 1 else ([], False)
    padded = f" {t} "
    opening = padded[:80]
    years = _YEAR.findall(note)
    scored: list[tuple[int, bool, int]] = []
    for i, ref in enumerate(references):
        name, phrase = index.names[i], index.titles[i]
        if not name or f" {name} " not in opening:
            continue
        titled = bool(phrase) and f" {phrase} " in padded
        year = (ref.year or "")[:4]
        dated = bool(year) and year in years
        if titled or dated:
            sure = titled and (dated or not year or not years)
            scored.append((titled + dated, sure, i))
    if not scored:
        return [], False
    best = max(s for s, _, _ in scored)
    top = [(sure, i) for s, sure, i in scored if s == best]
    return ([top[0][1]], top[0][0]) if len(top) == 1 else ([], False)


@dataclass
class _Index:
    by_address: dict[str, set[int]]
    names: list[str]
    titles: list[str]


def _index(references: Sequence[Reference]) -> _Index:
    by_address: dict[str, set[int]] = {}
    for i, r in enumerate(references):
        found = _addresses(r.text)
        if r.url:
            found.add(_address(r.url))
        if r.doi:
            found.add("doi:" + r.doi.casefold())
        for a in found:
            by_address.setdefault(a, set()).add(i)
    return _Index(
        by_address=by_address,
        names=[_surname(r) for r in references],
        titles=[_title_opening(r.title) for r in references],
    )


def note_citations(
    notes: Sequence[tuple[str, int, int, str]],
    references: list[Reference],
    read: Sequence[tuple[int, int, str | None]],
    loc: Callable[[int], Location],
) -> list[Citation]:
    """Key citations of the footnotes that give a listed source in full or in short.

    ``notes`` are (note id, start, end, text) in order; a note with a citation already
    read in it (``read``: spans and keys of citations) is left to that reading unless it names a
    listed entry beyond doubt (address, or author and title). "Ebd."/"Ibid." alone
    cites what the previous note cited through this reading.
    """
    if not references:
        return []
    index = _index(references)
    taken = {r.key for r in references if r.key}
    out: list[Citation] = []
    previous: list[int] = []
    for n, (_nid, start, end, note) in enumerate(notes, start=1):
        body = note.strip()
        hit: list[int]
        inside = [key for a, _b, key in read if start <= a < end]
        if inside:  # keys of the citations read in the note (None: typed ones)
            # A citation is read in it: the note cites an entry besides only when it
            # names that entry beyond doubt (its title read as "Computing, 2017") and
            # no citation read there is of that entry already (a citation field).
            hit, sure = _note_entries(body, references, index)
            keys = {k for k in inside if k}
            hit = [at for at in hit if sure and references[at].key not in keys]
        elif (m := _IBID.match(body)) is not None and not _rest_names_a_source(body[m.end() :]):
            hit = previous
        else:
            hit, _sure = _note_entries(body, references, index)
        previous = hit
        for at in hit:
            key = _key_for(references, at, f"entry-{at + 1}", taken)
            out.append(
                Citation(
                    text=body[:80] or key,
                    style="key",
                    key=key,
                    group=NOTE_GROUP + n,
                    start=start,
                    end=end,
                    location=loc(start),
                )
            )
    return out


def without_title_misreadings(
    citations: list[Citation], references: Sequence[Reference]
) -> list[Citation]:
    """``citations`` without the author-year citations read out of a footnote's title:
    in a note that cites an entry (a note citation), a citation whose "authors" are
    words of that entry's title and whose year is the entry's ("vgl. Bezanson …: Julia:
    A Fresh Approach to Numerical Computing, 2017" read as "Computing, 2017") is the
    title's last words, not a second work."""
    by_key = {r.key: r for r in references if r.key}
    notes = [
        (c.start, c.end, by_key[c.key])
        for c in citations
        if c.group > NOTE_GROUP and c.key in by_key
    ]
    if not notes:
        return citations

    def misread(c: Citation) -> bool:
        if c.style != "author-year" or not c.authors:
            return False
        for start, end, ref in notes:
            if not start <= c.start < end:
                continue
            words = set(norm(ref.title).split())
            names = {norm(a.family) for a in ref.authors}
            cited = [norm(a) for a in c.authors]
            if (
                all(a and set(a.split()) <= words and a not in names for a in cited)
                and (c.year or "")[:4] == (ref.year or "")[:4] != ""
            ):
                return True
        return False

    return [c for c in citations if not misread(c)]


def _rest_names_a_source(rest: str) -> bool:
    """Whether what follows "Ebd." is more than a page ("S. 12", "p. 3-4", "hlm. 5")."""
    return bool(re.search(r"https?://|[^\W\d_]{4,}", rest))
