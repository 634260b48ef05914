"""Splitting a bibliography section into entries.

Entries come as Markdown list items (``- ``, ``* ``, ``1. ``), numbered items
(``[1]``, ``(1)``, ``1)``), paragraphs separated by blank lines, or one entry per
line, and any of these may be wrapped over several lines. A line starts a new entry
when it is marked (list marker or number label), when hanging indentation says so, or
when it *looks like the start of a reference* (an author, a corporate name, a law)
and the previous line looks like the end of one (final period, DOI, URL, page range).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

from citecheck.references.clean import clean_reference
from citecheck.references.glued import glued_cuts
from citecheck.text.doi import DOI_IN_TEXT
from citecheck.text.unicode import to_nfc

_MARKER_RE = re.compile(
    r"^[ \t]{0,6}(?:(?:([-*+•▪◦])|\[(\d{1,4})\]|\((\d{1,3})\)|(\d{1,3})[.)])[ \t]+(?=\S)"
    r"|(\d{1,3}(?:[ \t]*,[ \t]*\d{1,3}){1,30})\)[ \t]*(?=\S))"
)
# One item labelled with several numbers, "2,3,4,5) https://...": a source the text
# cites under each of them (group 5 of ``_MARKER_RE``). The label stays in the entry's
# text, where :func:`label_numbers` reads it again for linking.
_MULTI_LABEL_RE = re.compile(r"^\s*(\d{1,3}(?:[ \t]*,[ \t]*\d{1,3}){1,30})\)")
# Blank, or a letter dividing an alphabetical list ("A", "**B**", "### C", "D."): no entry.
_BLANK_RE = re.compile(r"^[ \t]*(?:#{0,6}[ \t]*(?:\*\*|__)?[A-Z]\.?(?:\*\*|__)?[ \t]*)?$")
_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin letters; lower-case ones in ĀĂ... are harmless here
_SURNAME = rf"(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]a|[Dd]i|[Dd]u|[Dd]el|[Dd]er|[Ll]e|[Ll]a|[Dd]os|[Tt]en|[Tt]er|[Ee]l|[Aa]l)[ -])*[{_UP}][\w'’-]*"
_START_RES = (
    # Surname, X.  /  Surname, Given  /  Surname X,  /  Surname XY.
    re.compile(
        rf"^{_SURNAME}(?: {_SURNAME})?,? (?:[{_UP}]\.|[{_UP}]{{1,3}}[,. ]|[{_UP}][a-z]+[,.])"
    ),
    # J. Surname,  /  J.A. Surname
    re.compile(rf"^(?:[{_UP}]\.[ -]?){{1,3}} ?{_SURNAME}[,.]"),
    # Anything name-like followed closely by a year: "Sugiyono. (2019)", "WHO. 2020."
    re.compile(r"^[^\s(]{2,}(?: [^\s(]+){0,8}?[.,]? \(?(?:1[6-9]\d\d|20\d\d)[a-z]?\)?[.,:;)]"),
    re.compile(
        r"^(?:Undang|Peraturan|Keputusan|Instruksi|Surat Edaran|UU |PP |Perpres|Permen|Perda)"
    ),
    re.compile(r"^(?:[-—–_]{2,}|“|\")"),  # "———. 1964." repeated author; quoted titles
)
_END_RE = re.compile(
    rf"(?:[.)\]”\"]|\b{DOI_IN_TEXT}|https?://\S+|\d+\s*[-–]\s*\d+|\bpp?\.\s*\d+)\s*$"
)
_CONTINUE_RE = re.compile(r"(?:[,;:&\-–(]|\b(?:and|dan|und|et|of|the|in|&))\s*$", re.IGNORECASE)


# A line that is one Markdown link, "[Pan, E. (2024). Title.](https://...)": a list of
# such lines without blank lines between them holds one entry a line.
_LINK_LINE_RE = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?\[[^\]\n]+\]\([^)\s]+\)[ \t]*$")
_BARE_LABEL_RE = re.compile(r"^[ \t]*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])[ \t]*$")


def join_paragraphs(
    paragraphs: list[str], breaks: list[list[int]] | None = None
) -> tuple[str, list[int]]:
    """One section text from the paragraphs of a word processor's reference list.

    A paragraph is an entry boundary (the paragraphs are joined by a blank line, which
    :func:`split_entries` always reads as a new entry), except a paragraph holding only
    a label ("[10]", which goes on the line of the next paragraph) and a paragraph that
    cannot start an entry after one that has not ended: after a paragraph ending in
    "of", "and", a comma..., or in lower case after one without a final period (one
    paragraph per line of a hard-wrapped entry: joined as a wrapped line). Line breaks inside a paragraph
    (``breaks``: offsets of the spaces that stand for them) become line ends, so
    entries separated by soft line breaks are read as separate lines.

    Returns the text and the offset of each paragraph in it.
    """
    out: list[str] = []
    starts: list[int] = []
    pos = 0
    prev = ""
    for i, para in enumerate(paragraphs):
        chars = list(para)
        for b in breaks[i] if breaks and i < len(breaks) else []:
            if 0 <= b < len(chars) and chars[b] == " ":
                chars[b] = "\n"
        text = "".join(chars)
        if out:
            if _BARE_LABEL_RE.match(prev):
                sep = " "
            elif not text.strip() or (
                _MARKER_RE.match(text) is None
                and not _looks_like_start(text[:300])
                and (
                    _CONTINUE_RE.search(prev[-300:]) is not None
                    or (not _END_RE.search(prev[-300:]) and text.lstrip()[:1].islower())
                )
            ):
                sep = "\n"
            else:
                sep = "\n\n"
            out.append(sep)
            pos += len(sep)
        starts.append(pos)
        out.append(text)
        pos += len(text)
        if text.strip():
            prev = text.rstrip().rsplit("\n", 1)[-1]
    return "".join(out), starts


@dataclass(frozen=True)
class EntrySpan:
    """One bibliography entry inside the section text.

    ``start``/``end`` are offsets into the section text (end exclusive, trailing
    whitespace excluded); ``number`` is the printed label ("3." / "[3]" / "(3)");
    ``text`` is the entry on one line, markers and markup removed.
    """

    start: int
    end: int
    number: int | None
    text: str


@dataclass
class _Line:
    start: int
    end: int
    text: str
    indent: int
    marker: re.Match[str] | None


def _lines(section: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in section.split("\n"):
        end = pos + len(raw)
        text = raw.rstrip()
        indent = len(raw) - len(raw.lstrip(" \t"))
        marker = _MARKER_RE.match(raw)
        if marker is not None and marker.group(5) and not label_numbers(raw):
            marker = None  # "12, 34) ..." wrapping an entry: numbers that do not rise by one
        out.append(_Line(pos, pos + len(text), text, indent, marker))
        pos = end + 1
    return out


def _looks_like_start(text: str) -> bool:
    # NFC: a decomposed "Mu\u0308ller" must start an entry as "Müller" does.
    s = unicodedata.normalize("NFC", text.lstrip())
    return any(r.match(s) for r in _START_RES)


def start_kind(text: str) -> str | None:
    """How a line starts like a reference: ``"name"`` (an author's name, a law, a
    repeated-author dash or a quoted title), ``"year"`` (a few words and a year:
    a corporate author, or a wrapped line "Journal, 2019, ..."), or None."""
    s = unicodedata.normalize("NFC", text.lstrip())
    if any(r.match(s) for i, r in enumerate(_START_RES) if i != 2):
        return "name"
    return "year" if _START_RES[2].match(s) else None


def _label_number(m: re.Match[str]) -> int | None:
    for g in (2, 3, 4):
        if m.group(g):
            return int(m.group(g))
    if m.group(5):
        numbers = label_numbers(m.group(0))
        return numbers[0] if numbers else None
    return None


def label_numbers(text: str) -> tuple[int, ...]:
    """The numbers of a label that names several, "2,3,4,5) ..." -> (2, 3, 4, 5);
    empty unless they rise one by one from the first (a line "12, 34) ..." that
    wraps an entry is no label)."""
    m = _MULTI_LABEL_RE.match(text)
    if m is None:
        return ()
    numbers = tuple(int(n) for n in m.group(1).split(","))
    if any(b != a + 1 for a, b in itertools.pairwise(numbers)):
        return ()
    return numbers


def split_entries(section_text: str) -> list[EntrySpan]:
    """The entries of one bibliography section, in order (see the module docstring)."""
    # Decomposed accents ("A" + U+0300, as PDFs and macOS files deliver them) are read
    # as one letter, so "À." splits as it does composed, not as an initial.
    composed = to_nfc(section_text)
    if composed is None:
        return [e for e in _split(section_text) if not is_placeholder(e.text)]
    nfc, back = composed
    return [
        EntrySpan(start=back.start(e.start), end=back.end(e.end), number=e.number, text=e.text)
        for e in _split(nfc)
        if not is_placeholder(e.text)
    ]


_WORD = re.compile(r"[^\W\d_]{2,}")
_MASK_WORD = re.compile(r"[xX]+")


def is_placeholder(text: str) -> bool:
    """A template's stand-in for entries still to be typed, "Xxxxxxx Xxxxxxxxx Xxxxx"
    (words of x only, digits as 9999): not an entry of the manuscript."""
    words = _WORD.findall(text)
    return len(words) >= 2 and all(_MASK_WORD.fullmatch(w) for w in words)


def _split(section_text: str) -> list[EntrySpan]:
    lines = _lines(section_text)
    content = [ln for ln in lines if not _BLANK_RE.match(ln.text)]
    if not content:
        return []
    marked = sum(1 for ln in content if ln.marker is not None)
    marker_mode = marked >= max(2, len(content) // 4) or (marked >= 1 and len(content) <= 3)
    base_indent = min(ln.indent for ln in content)
    hanging = _hanging_indent(content, base_indent)
    # Entries in blocks separated by blank lines, most blocks wrapped over several
    # lines: a line inside a block continues its entry even when it looks like a
    # start ("Goiânia: Editora Vieira, 2014." under an ABNT entry). Blocks of two to
    # four lines on average: wrapped entries.
    blocks = 1 + sum(
        1
        for a, b in itertools.pairwise(lines)
        if _BLANK_RE.match(a.text) and not _BLANK_RE.match(b.text)
    )
    # (Blocks of many lines are groups of one-line entries, not wrapped entries.)
    paragraphs = blocks >= 3 and 1.5 * blocks <= len(content) <= 4 * blocks
    groups: list[list[_Line]] = []
    prev: _Line | None = None
    last_number: int | None = None
    after_blank = False
    for ln in lines:
        if _BLANK_RE.match(ln.text):
            after_blank = True
            continue
        new = False
        if prev is None:
            new = True
        elif _LINK_LINE_RE.match(ln.text) and _LINK_LINE_RE.match(prev.text):
            new = True
        elif after_blank:
            # A loose Markdown list may indent a continuation paragraph under its item.
            new = not (marker_mode and ln.marker is None and ln.indent > base_indent)
        elif marker_mode and ln.marker is not None:
            num = _label_number(ln.marker)
            # A wrapped line may start with "12." (a page, a volume): only a label that
            # continues the numbering, or follows a finished entry, starts an entry.
            new = (
                num is None
                or last_number is None
                or num == last_number + 1
                or bool(_END_RE.search(prev.text[-300:]))
            )
        elif marker_mode:
            new = False
        elif hanging:
            new = ln.indent <= base_indent
        elif paragraphs:
            new = False
        else:
            tail = prev.text[-300:]
            new = (
                _looks_like_start(ln.text[:300])
                and bool(_END_RE.search(tail))
                and not _CONTINUE_RE.search(tail)
            )
        if new:
            groups.append([ln])
            if ln.marker is not None and marker_mode:
                n = _label_number(ln.marker)
                if ln.marker.group(5):
                    n = label_numbers(ln.text)[-1]  # "2,3,4) ..." is followed by 5
                last_number = n if n is not None else last_number
        else:
            groups[-1].append(ln)
        prev = ln
        after_blank = False
    spans = [_span(section_text, g, marker_mode) for g in groups]
    return [part for sp in spans for part in _unglue(section_text, sp)]


def _unglue(section: str, span: EntrySpan) -> list[EntrySpan]:
    """Split an entry that holds two references on one line (see :mod:`glued`)."""
    if len(span.text) < 80:
        return [span]
    s = unicodedata.normalize("NFC", span.text)
    shape = next((r for r in _START_RES[:2] if r.match(s)), None)
    cuts = glued_cuts(span.text, span.number, shape)
    if not cuts:
        return [span]
    raw = section[span.start : span.end]
    out: list[EntrySpan] = []
    begin, number = span.start, span.number
    for cut in cuts:
        # The cleaned text collapsed spaces: find the same words in the raw text.
        words = span.text[cut : cut + 25]
        at = raw.find(words, begin - span.start)
        if at < 0:
            return [span]
        end = span.start + at
        if not section[begin:end].strip():
            continue  # the cut falls where the entry begins: nothing to split off
        body = section[begin:end]
        if number is not None and begin == span.start:
            body = span.text[:cut]
        out.append(EntrySpan(begin, end, number, clean_reference(body) if body else ""))
        begin = end
        lab = re.match(r"\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)]?\s", words)
        number = (
            int(lab.group(1) or lab.group(2) or lab.group(3))
            if lab and number is not None
            else None
        )
    rest = section[begin : span.end]
    if number is not None:
        rest = re.sub(r"^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)]?)\s*", "", rest)
    out.append(EntrySpan(begin, span.end, number, clean_reference(rest)))
    return out


def _hanging_indent(content: list[_Line], base: int) -> bool:
    """True when entries start at the base indent and continuation lines are indented."""
    indented = sum(1 for ln in content if ln.indent >= base + 2)
    flush = len(content) - indented
    return indented >= 1 and flush >= 2 and indented >= flush // 2


def _span(section: str, group: list[_Line], marker_mode: bool) -> EntrySpan:
    first = group[0]
    number = None
    start = first.start + first.indent
    body_start = start
    if marker_mode and first.marker is not None:
        number = _label_number(first.marker)
        if not first.marker.group(5):  # a label of several numbers stays in the text
            body_start = first.start + first.marker.end()
    end = group[-1].end
    text = clean_reference(section[body_start:end])
    return EntrySpan(start=start, end=end, number=number, text=text)
