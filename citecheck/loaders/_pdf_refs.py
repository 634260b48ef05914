"""The reference list of a PDF, found and cut into entries by geometry.

Text formats mark entries with blank lines or list markers; in a PDF the marks are
positions. Here:

- the list starts at the last bibliography heading (a section or line number in
  front, "5 References", is allowed) and ends at the next heading: a back-matter
  heading, or a short line printed clearly larger than the list (an appendix, a
  chapter, the next article of a journal issue); lines clearly smaller than the list
  (footnotes, captions) are skipped;
- an entry starts where its first line is marked: a label (``[3]``, ``3.``, ``[Lüt13]``,
  a bullet) at the column's left edge, or — without labels — the edge itself when the
  other lines of an entry are indented (hanging indent; or the reverse, a first-line
  indent), or a vertical gap larger than the lines' pitch when every line starts at
  the same edge.

Positions are compared per page and column, so a list that runs over two columns or
pages keeps its entries. Nothing here reads the entries' words except the labels.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from citecheck.loaders._pdf_layout import PdfLine

LABEL = re.compile(
    # "[12]", or an alphabetic label "[Lüt13]"/"[ABC+20]"/"[ABC+ 20]" (not "[WHO]")
    r"^\s*(?:\[(?P<br>\d{1,4}|[^\W\d_][^\s\d\[\];,]{0,9}(?:(?<=\+) )?\d{2}[a-z]?)\]|(?P<num>\d{1,4})[.)]|\((?P<par>\d{1,4})\)|(?P<bul>[\u2022\u25aa\u25cf\u25e6\u2023\u2219\u00b7\u25a0\u2043]))(?=\s|$|[A-Z\u00c0-\u024f])"
)
_SECTION_NUMBER = re.compile(
    r"^\s*(?:(?:\d{1,4}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-Z])[.:)]?|(?:chapter|bab|kapitel)\s+\w+[.:]?)\s+",
    re.I,
)
# Word's list numbering can put a bullet before a heading ("● DAFTAR PUSTAKA")
_BULLET = re.compile(r"^\s*[\u2022\u25aa\u25cf\u25e6\u2023\u2219\u25a0\u2043\u27a2\u00b7]\s*")
LARGER = 1.12  # a line this much larger than the list's text is a heading (measured: 1.2x is the smallest)
SMALLER = 0.85  # lines this much smaller are footnotes or captions inside the list's pages
_NUMBER_ONLY = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[A-Z])[.)]?\s*$")
GAP = 1.3  # a vertical gap this many times the line pitch separates entries
CENTRED_MARGIN = 4.0  # a centred heading leaves this many font sizes free on each side
END_GAP = 3.0  # an indented line this many pitches below the last ends a labelled list


@dataclass(frozen=True)
class Entry:
    """One entry: its lines (indexes into the document's lines) and its label."""

    lines: tuple[int, ...]
    label: str | None  # "3", "Lüt13", or None
    number: int | None


def heading_text(text: str) -> str:
    """A heading without a section number or bullet in front ("5 References" -> "References"),
    letter-spaced capitals closed up ("L I T E R AT U R" -> "LITERATUR")."""
    tokens = text.split()
    if len(tokens) >= 4 and sum(len(t) <= 2 for t in tokens) >= 0.75 * len(tokens):
        text = "".join(tokens)
    return _SECTION_NUMBER.sub("", _BULLET.sub("", text, count=1), count=1).strip()


def find_start(lines: list[str], boxes: list[PdfLine]) -> int | None:
    """The line of the last bibliography heading, or None."""
    from citecheck.text import headings as sections

    start = None
    for i, ln in enumerate(lines):
        text = ln.strip()
        if len(text) > 60:
            continue
        if sections.is_bibliography_heading(text) or sections.is_bibliography_heading(
            heading_text(text)
        ):
            start = i
    del boxes
    return start


_SUPPLEMENT_WORDS = frozenset(
    "supplementary supplemental supplement supporting appendix online additional".split()
)


def supplement_starts(lines: list[str], after: int) -> list[int]:
    """Headings after line ``after`` (the end of the main list) of a supplement's own
    list: "Supplementary References", "Appendix Bibliography"."""
    from citecheck.text import headings as sections

    out: list[int] = []
    for i in range(after + 1, len(lines)):
        text = heading_text(lines[i].strip())
        words = text.split()
        if len(text) > 60 or len(words) < 2 or words[0].lower() not in _SUPPLEMENT_WORDS:
            continue
        if sections.is_bibliography_heading(" ".join(words[1:])):
            out.append(i)
    return out


def _modal_size(sizes: list[float]) -> float:
    if not sizes:
        return 0.0
    return Counter(round(s, 1) for s in sizes).most_common(1)[0][0]


def list_lines(lines: list[str], boxes: list[PdfLine], start: int) -> list[int]:
    """Lines of the list after the heading at ``start``, up to the next heading."""
    from citecheck.text import headings as sections

    after = [j for j in range(start + 1, len(lines)) if lines[j].strip()]
    size = _modal_size([boxes[j].size for j in after[:40] if boxes[j].size])
    out: list[int] = []
    for j in after:
        text = lines[j].strip()
        # a piece of a justified line cut at a wide space ("[6] A. Bird.   Appendix to
        # expectations, ...") is no heading, whatever its words
        short = len(text) <= 60 and not _rest_of_row(boxes, lines, j)
        if short and (
            sections.is_back_matter_heading(text)
            or sections.is_back_matter_heading(heading_text(text))
        ):
            if out and out[-1] == j - 1 and _NUMBER_ONLY.match(lines[j - 1]):
                out.pop()  # the heading's own number, read apart
            break
        if short and out and _centered_heading(boxes, out, j, size or boxes[j].size):
            break
        s = boxes[j].size
        if size and s:
            if s > LARGER * size and short and out:
                break
            if s < SMALLER * size:
                continue
        out.append(j)
    return out


def _centered_heading(boxes: list[PdfLine], out: list[int], j: int, size: float) -> bool:
    """Is line ``j`` a heading centred over the list's column at the top of a page or
    column, or after a wide gap (the next part of a thesis, "DAFTAR RIWAYAT HIDUP")?
    An entry's lines start at the column's edge or at its indent, never centred."""
    if size <= 0:
        return False
    cur, prev = boxes[j], boxes[out[-1]]
    fresh = cur.y0 > prev.y0 + size or prev.y0 - cur.y0 > END_GAP * 1.2 * size
    if not fresh:
        return False
    peers = [boxes[k] for k in out if boxes[k].x0 < cur.x1 and boxes[k].x1 > cur.x0]
    if len(peers) < 3:
        return False
    left = min(b.x0 for b in peers)
    right = max(b.x1 for b in peers)
    middle = (cur.x0 + cur.x1) / 2
    return (
        cur.x0 - left > CENTRED_MARGIN * size
        and right - cur.x1 > CENTRED_MARGIN * size
        and abs(middle - (left + right) / 2) < 1.5 * size
    )


def _rest_of_row(boxes: list[PdfLine], texts: list[str], j: int) -> bool:
    """Does line ``j`` continue the line before it on the same baseline (and that line
    is more than a section number)?"""
    if j == 0:
        return False
    prev, cur = boxes[j - 1], boxes[j]
    same_row = abs(prev.y0 - cur.y0) < 0.2 * max(cur.size, 1.0) and prev.x1 < cur.x0
    # "VI." then a tab then "LAMPIRAN": a numbered heading, its number read apart
    return same_row and not _NUMBER_ONLY.match(texts[j - 1])


def _columns(
    boxes: list[PdfLine], pages: list[int], widths: list[float], idx: list[int]
) -> dict[int, tuple[int, int]]:
    """(page, column) of each list line; a page has two columns when both halves hold
    lines and few lines cross the middle."""
    by_page: dict[int, list[int]] = {}
    for i in idx:
        by_page.setdefault(pages[i], []).append(i)
    out: dict[int, tuple[int, int]] = {}
    for page, members in by_page.items():
        mid = widths[page] / 2
        right = [i for i in members if boxes[i].x0 >= mid - 4]
        left = [i for i in members if boxes[i].x1 <= mid + 4]
        crossing = len(members) - len(right) - len(left)
        wide = any(boxes[i].x1 - boxes[i].x0 > 0.3 * widths[page] for i in right)
        two = (len(right) >= 3 or wide) and len(left) >= 3 and crossing <= 0.2 * len(members)
        for i in members:
            out[i] = (page, 1 if two and boxes[i].x0 >= mid - 4 else 0)
    return out


def segment(
    lines: list[str], boxes: list[PdfLine], pages: list[int], widths: list[float], idx: list[int]
) -> list[Entry] | None:
    """Entries of the list lines ``idx``; None when the geometry says nothing (no labels,
    no indents, no gaps) and the text must decide."""
    if not idx:
        return []
    col = _columns(boxes, pages, widths, idx)
    left: dict[tuple[int, int], float] = {}
    for i in idx:
        key = col[i]
        left[key] = min(left.get(key, boxes[i].x0), boxes[i].x0)
    size = _modal_size([boxes[i].size for i in idx if boxes[i].size]) or 10.0
    amount = {i: boxes[i].x0 - left[col[i]] for i in idx}
    labels = {i: LABEL.match(lines[i]) for i in idx}
    # labels right-aligned in a label column ("[9]" sits right of "[10]"): a label is at
    # the edge when it starts left of where the entries' other lines start
    others = sorted(amount[i] for i in idx if not labels[i])
    text_indent = others[len(others) // 2] if others else 0.0
    label_edge = text_indent - 0.3 * size if text_indent > 0.4 * size else 0.6 * size
    indent = {i: amount[i] >= label_edge if labels[i] else amount[i] > 0.4 * size for i in idx}
    labelled_flush = [i for i in idx if labels[i] and not indent[i]]
    # lines at the edge up to the last labelled one (text after the list does not count)
    flush = [i for i in idx if not indent[i] and (not labelled_flush or i <= labelled_flush[-1])]
    starts: set[int]
    if len(labelled_flush) >= 2 and len(labelled_flush) >= 0.6 * len(flush):
        idx = _labelled_end(boxes, idx, col, indent, labels)
        starts = {i for i in idx if labels[i] and not indent[i]}
        # Word numbering skips a paragraph now and then: an entry at the edge without
        # its number, no space above it ("... DIGITAL." then "Gonzalez, R. C., ... (2018).")
        unlabelled = {i for i in idx if not labels[i] and not indent[i]}
        starts |= _author_year_starts(_unlabelled(lines, labels), idx, starts, unlabelled)
    else:
        dented = [i for i in idx if indent[i]]
        if len(dented) >= 0.15 * len(idx) and len(flush) >= 0.15 * len(idx) and len(idx) >= 4:
            first_indented = indent[idx[0]]
            starts = {i for i in idx if indent[i] == first_indented}
        else:
            by_gap = _gap_starts(boxes, idx, col)
            if by_gap is None:
                return None
            starts = (
                by_gap
                | _numbered_starts(idx, labels, indent)
                | _author_year_starts(
                    _unlabelled(lines, labels),
                    idx,
                    by_gap | {idx[0]},
                    {i for i in idx if not labels[i]},
                )
            )
    starts.add(idx[0])
    entries: list[Entry] = []
    cur: list[int] = []
    for i in idx:
        if i in starts and cur:
            entries.append(_entry(cur, labels[cur[0]]))
            cur = []
        cur.append(i)
    if cur:
        entries.append(_entry(cur, labels[cur[0]]))
    return entries


def _labelled_end(
    boxes: list[PdfLine],
    idx: list[int],
    col: dict[int, tuple[int, int]],
    indent: dict[int, bool],
    labels: dict[int, re.Match[str] | None],
) -> list[int]:
    """The list lines up to the end of a labelled list.

    With a label column (the entries' other lines indented), the first line at the
    edge without a label is text after the list (author notes, an appendix); in a
    flush-left list, such a line after a vertical gap is. A numeric label that does
    not follow its predecessor's number (a new list restarting at 1) ends it too.
    """
    rest = [i for i in idx if not labels[i]]
    column = len(rest) >= 1 and sum(indent[i] for i in rest) >= 0.8 * len(rest)
    pitches = [
        boxes[a].y0 - boxes[b].y0
        for a, b in itertools.pairwise(idx)
        if col[a] == col[b] and boxes[a].y0 > boxes[b].y0
    ]
    typical = sorted(pitches)[len(pitches) // 4] if pitches else 0.0
    last_number: int | None = None
    kept: list[int] = []
    skip_to = -1
    for n, i in enumerate(idx):
        if n < skip_to:
            continue
        label = labels[i]
        if label is not None and not indent[i]:
            num = _number(label)
            if num is not None:
                if last_number is not None and num <= last_number:
                    # a numbered footnote at the foot of a column ("1. https://...") when
                    # the next column or page goes on with the next entry
                    nxt = _next_column(idx, col, n)
                    if nxt is None or _label_number(labels[idx[nxt]]) != last_number + 1:
                        return kept
                    skip_to = nxt
                    continue
                last_number = num
            kept.append(i)
            continue
        if n == 0:
            kept.append(i)
            continue
        prev = idx[n - 1]
        gap = boxes[prev].y0 - boxes[i].y0 if col[prev] == col[i] else 0.0
        if indent[i]:
            # an indented line far below the list (an author biography, a caption)
            if typical and gap > END_GAP * typical:
                return kept
            kept.append(i)
            continue
        if not (column or (typical and gap > GAP * typical)):
            kept.append(i)
            continue
        # text at the edge: a footnote at the foot of a page, or the end of the list;
        # the list goes on if the next column or page opens with the next label
        nxt = _next_column(idx, col, n)
        if nxt is None:
            return kept
        label = labels[idx[nxt]]
        num = _number(label) if label is not None else None
        if (
            label is None
            or indent[idx[nxt]]
            or (last_number is not None and num is not None and num != last_number + 1)
        ):
            return kept
        skip_to = nxt
    return kept


def _next_column(idx: list[int], col: dict[int, tuple[int, int]], n: int) -> int | None:
    """Position in ``idx`` of the first line after ``idx[n]`` in another column or page."""
    return next((m for m in range(n + 1, len(idx)) if col[idx[m]] != col[idx[n]]), None)


def _label_number(label: re.Match[str] | None) -> int | None:
    return _number(label) if label is not None else None


def _number(label: re.Match[str]) -> int | None:
    num = label.group("num") or label.group("br") or label.group("par")
    return int(num) if num and num.isdigit() else None


def _entry(members: list[int], label: re.Match[str] | None) -> Entry:
    text = None
    number = None
    if label is not None and not label.group("bul"):
        text = label.group("br") or label.group("num") or label.group("par")
        # "[CHJ+ 17]": the raised "+" of biblatex's label is read apart from the year
        text = text.replace(" ", "") if text else text
        if text and text.isdigit():
            number = int(text)
    return Entry(lines=tuple(members), label=text, number=number)


def _numbered_starts(
    idx: list[int], labels: dict[int, re.Match[str] | None], indent: dict[int, bool]
) -> set[int]:
    """Lines at the edge whose number label follows the last one ("2." after "1."), in a
    flush-left list numbered in sequence: an entry starts there even when Word left no
    space above it. Empty unless most labels of the list run in sequence."""
    numbered = [
        (i, n) for i in idx if not indent[i] and (n := _label_number(labels[i])) is not None
    ]
    if len(numbered) < 3:
        return set()
    steps = sum(b == a + 1 for (_, a), (_, b) in itertools.pairwise(numbered))
    if steps < 0.8 * (len(numbered) - 1):
        return set()
    out: set[int] = set()
    last: int | None = None
    for i, n in numbered:
        if last is None or n == last + 1:
            out.add(i)
            last = n
    return out


# an APA-style opening: "Bermúdez-Otero, R. (2015).", "Kalnak, N., Peyrard-Janvid, M., ... (2014)."
_AUTHOR_YEAR_OPENING = re.compile(
    r"^\s*[A-Z\u00c0-\u024f][\w'’-]*(?:[ -][A-Z\u00c0-\u024f][\w'’-]*)?, (?:[A-Z\u00c0-\u024f]\.[ -]?){1,3}"
    r"[^()]*\((?:1[5-9]\d\d|20\d\d)[a-z]?\)\."
)
_YEAR_IN_BRACKETS = re.compile(r"\((?:1[5-9]\d\d|20\d\d)[a-z]?\)|\((?:in press|n\.\s?d\.)\)", re.I)
_ENDS_ENTRY = re.compile(r"(?:\.|\s(?:https?://|doi:\s?|10\.\d{4,9}/)\S+)\s*$")  # ". " or a DOI/URL
OPENING_SHARE = 0.8  # share of gap-cut entries that open "Surname, X. (year)." before it counts


def _unlabelled(lines: list[str], labels: dict[int, re.Match[str] | None]) -> list[str]:
    """``lines`` with the list labels taken off ("[7] Gazali, W." -> "Gazali, W.")."""
    out = list(lines)
    for i, label in labels.items():
        if label is not None:
            out[i] = lines[i][label.end() :].lstrip()
    return out


def _author_year_starts(
    lines: list[str], idx: list[int], gap_starts: set[int], candidates: set[int] | None = None
) -> set[int]:
    """Lines that open a new author-year entry inside another: Word leaves no space
    above an entry now and then ("... 785–832." then "Bermúdez-Otero, R. (2015). ..." at
    the same pitch), or skips an entry's number. Only in a list whose entries (cut by
    gaps or labels, ``gap_starts``; labels taken off) nearly all open that way, only at
    ``candidates`` (all lines when None), after a line that ends a sentence (or a DOI
    or URL), in an entry that has its year."""
    after = dict(itertools.pairwise(idx))

    def opens(i: int) -> bool:  # the year may be on the entry's second line
        return bool(
            _AUTHOR_YEAR_OPENING.match(f"{lines[i]} {lines[after[i]] if i in after else ''}")
        )

    opening = [i for i in gap_starts if opens(i)]
    if len(opening) < 3 or len(opening) < OPENING_SHARE * len(gap_starts):
        return set()
    out: set[int] = set()
    dated = False  # the entry so far has its year
    prev: int | None = None
    for i in idx:
        if i in gap_starts:
            dated = False
        elif (
            prev is not None
            and (candidates is None or i in candidates)
            and dated
            and _ENDS_ENTRY.search(lines[prev])
            and opens(i)
        ):
            out.add(i)
            dated = False
        dated = dated or bool(_YEAR_IN_BRACKETS.search(lines[i]))
        prev = i
    return out


def _gap_starts(
    boxes: list[PdfLine], idx: list[int], col: dict[int, tuple[int, int]]
) -> set[int] | None:
    """Entry starts by vertical gaps, when every line starts at the same edge."""
    pitches = []
    for a, b in itertools.pairwise(idx):
        if col[a] == col[b]:
            pitches.append(boxes[a].y0 - boxes[b].y0)
    pitches = [p for p in pitches if p > 0]
    if len(pitches) < 3:
        return None
    typical = sorted(pitches)[len(pitches) // 4]
    starts = {
        b
        for a, b in itertools.pairwise(idx)
        if col[a] == col[b] and boxes[a].y0 - boxes[b].y0 > GAP * typical
    }
    if len(starts) < 2:
        return None
    # at a page or column change, the gap cannot be seen: a short last line ended an entry
    rights = max(boxes[i].x1 for i in idx)
    for a, b in itertools.pairwise(idx):
        if col[a] != col[b] and boxes[a].x1 < rights - 3 * (boxes[a].size or 10):
            starts.add(b)
    return starts
