"""Floats placed in the text flow: tables, figure and table captions, boxes.

Journals number a work first cited in a table, a legend or a box at the float's
call-out (or after the text), not where a converter or a word processor happens to put
the float in the running text. The order of first mention (numeric-order) therefore
reads the running text only; the citations of a float still count for every other rule.

What is a float is read from the document's structure, never from its wording alone:

- Markdown: pipe-table rows (``| a | b |``) and GFM/grid tables, HTML ``<table>``,
  ``<figure>`` and ``<caption>`` blocks, images ``![caption](file)``, Pandoc table
  captions (``Table: ...``, ``: ...`` next to a table), caption paragraphs
  ("Figure 2. ...", "**Table 1:** ...", "Fig 3 The model ..."), and the section under a
  box heading ("#### Box 1. ...") up to the next heading of its level or higher;
- DOCX: paragraphs in table cells, paragraphs in a caption style, caption paragraphs.

A paragraph that starts with a label but reads as prose ("Table 2 presents the
results", "Fig. 4 shows ...") is not a caption: after the number a caption has
punctuation or a capitalised first word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from citecheck.text.headings import CAPTION_LABELS
from citecheck.text.spans import lines_with_offsets, merge_spans

# Float labels: figure and table labels, plus boxes ("Box 1", Indonesian "Kotak 1",
# German "Kasten 1", French "Encadré 1", Spanish "Recuadro 1").
BOX_LABELS = ("box", "kotak", "kasten", "encadré", "recuadro")
_LABEL = "|".join(re.escape(w) for w in sorted((*CAPTION_LABELS, *BOX_LABELS), key=len)[::-1])
_NUMBER = r"(?:[A-Z]?\d+(?:[.\-]\d+)*|[IVX]+)[A-Za-z]?"
# "Figure 2. ...", "**Table 1:** ...", "Fig 3 The model ..." (converted articles print
# the label and the title with a space only), "Table S1 ...", "Figs. 5A–5D show" is not.
_CAPTION = re.compile(
    r"[ \t]{0,3}(?:[*_]{1,3}|<b>|<strong>)?(?i:" + _LABEL + r")\.?[ \t]+" + _NUMBER + r"\b"
    r"(?:[*_]{1,3}|</b>|</strong>)?"
    # punctuation, or (converted articles) a space and a capitalised first word
    r"(?:[ \t]*[.:|\u2013\u2014-]|[ \t]+[*_]{0,3}[\"'\u201c]?[A-Z\u00c0-\u00de])"
)
_BOX_HEADING = re.compile(
    r"[\s*_]*(?:"
    + "|".join(BOX_LABELS)
    + r")[ \t]+"
    + _NUMBER
    + r"\b(?:[\s*_]*[.:\u2013\u2014-]|\s*$|[ \t]+\S)",
    re.I,
)
_PIPE_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*\r?$")
_DELIMITER_ROW = re.compile(
    r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*\r?$"
)
_GRID_BORDER = re.compile(r"[ \t]*\+(?:[-=:]{3,}\+)+[ \t]*\r?$")
_PANDOC_TABLE_CAPTION = re.compile(r"[ \t]{0,3}(?:Table)?:[ \t]+\S", re.I)
_HTML_TAG = re.compile(r"<(/?)(table|figure|figcaption|caption)\b[^>]*>", re.I)
_IMAGE_START = re.compile(r"!\[")


def is_caption_paragraph(text: str) -> bool:
    """True if ``text`` opens like a figure, table or box caption, not like prose."""
    # "Table 2 The table shows" is a caption; "Table 2 presents the results" is not.
    return _CAPTION.match(text[:120]) is not None


def is_box_heading(text: str) -> bool:
    """True if a heading names a box ("Box 1. A Decade of ...", "Box 2")."""
    return _BOX_HEADING.match(text[:120]) is not None


def merge(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping spans."""
    return tuple((a, b) for a, b in merge_spans(spans))


def _html_spans(text: str) -> list[tuple[int, int]]:
    """``<table>...</table>``, ``<figure>``, ``<caption>``, ``<figcaption>`` blocks: each
    opening tag up to the next closing tag of its name (an unclosed one to its line's end)."""
    out: list[tuple[int, int]] = []
    open_at: dict[str, int] = {}
    for m in _HTML_TAG.finditer(text):
        name = m.group(2).lower()
        if not m.group(1):
            open_at.setdefault(name, m.start())
        elif name in open_at:
            out.append((open_at.pop(name), m.end()))
    for start in open_at.values():
        end = text.find("\n", start)
        out.append((start, end if end != -1 else len(text)))
    return out


def _image_spans(text: str) -> list[tuple[int, int]]:
    """``![caption](target)`` with brackets balanced inside the caption (``[@key]``)."""
    out: list[tuple[int, int]] = []
    done = 0  # starts inside a caption already scanned are not scanned again
    for m in _IMAGE_START.finditer(text):
        if m.start() < done:
            continue
        depth, i = 1, m.end()
        limit = min(len(text), i + 5000)
        while i < limit and depth:
            ch = text[i]
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
            elif ch == "\n" and text.startswith("\n", i + 1):
                break  # a blank line ends the paragraph
            i += 1
        done = i
        if depth == 0 and text.startswith("(", i):
            close = text.find(")", i, min(len(text), i + 2000))
            out.append((m.start(), close + 1 if close != -1 else i))
    return out


def markdown_floats(
    text: str, headings: Sequence[tuple[str, int, int, int]] = ()
) -> tuple[tuple[int, int], ...]:
    """Offsets of the float content of a Markdown text.

    ``headings`` are ``(text, level, start, end)`` of the document's headings: the
    section under a box heading is a float up to the next heading of its level or
    higher.
    """
    spans: list[tuple[int, int]] = []
    lines = lines_with_offsets(text)
    n = len(lines)
    # Tables: runs of pipe rows, GFM tables (a delimiter row), grid tables; rows
    # separated by single blank lines (as some converters write them) are one table.
    i = 0
    while i < n:
        off, line = lines[i]
        if _is_row(line):
            j = i
            while j < n and (
                _is_row(lines[j][1]) or lines[j][1].lstrip().startswith("|")
                if lines[j][1].strip()
                else j + 1 < n and _is_row(lines[j + 1][1])
            ):
                j += 1
            spans.append((off, lines[j - 1][0] + len(lines[j - 1][1])))
            k = j
            while k < n and not lines[k][1].strip():
                k += 1
            if k < n and _PANDOC_TABLE_CAPTION.match(lines[k][1]):
                spans.append(_paragraph(lines, k))  # "Table: ..." or ": ..." below it
            elif k < n and not lines[k][1].lstrip().startswith("#") and _captioned(lines, i):
                # A labelled table's first paragraph below it is its note ("Abbreviations:
                # ...", "Adapted from [22]"), as converted articles place table footers.
                spans.append(_paragraph(lines, k))
            i = max(j, i + 1)
            continue
        i += 1
    # GFM tables without outer pipes: a delimiter row and the lines around it.
    covered = -1  # the last line taken: a run of delimiter rows is scanned once
    for idx, (_off, line) in enumerate(lines):
        if idx <= covered:
            continue
        if _DELIMITER_ROW.match(line) and "|" in line and idx > 0 and "|" in lines[idx - 1][1]:
            a = idx - 1
            b = idx
            while b + 1 < n and "|" in lines[b + 1][1] and lines[b + 1][1].strip():
                b += 1
            spans.append((lines[a][0], lines[b][0] + len(lines[b][1])))
            covered = b
    # Caption paragraphs and Pandoc table captions above a table.
    for idx, (_off, line) in enumerate(lines):
        if idx and lines[idx - 1][1].strip():
            continue  # not a paragraph start
        if is_caption_paragraph(line):
            spans.append(_paragraph(lines, idx))
        elif _PANDOC_TABLE_CAPTION.match(line):
            nxt = idx + 1
            while nxt < n and lines[nxt][1].strip():
                nxt += 1
            if nxt + 1 < n and (
                _PIPE_ROW.match(lines[nxt + 1][1]) or _GRID_BORDER.match(lines[nxt + 1][1])
            ):
                spans.append(_paragraph(lines, idx))
    spans += _html_spans(text)
    spans += _image_spans(text)
    # Boxes given as a section.
    for h_index, (title, level, start, _end) in enumerate(headings):
        if not is_box_heading(title):
            continue
        stop = len(text)
        for later in headings[h_index + 1 :]:
            if later[1] <= level:
                stop = later[2]
                break
        spans.append((start, stop))
    return merge(spans)


def _is_row(line: str) -> bool:
    return bool(_PIPE_ROW.match(line) or _GRID_BORDER.match(line) or _DELIMITER_ROW.match(line))


def _captioned(lines: list[tuple[int, str]], idx: int) -> bool:
    """Is the paragraph above line ``idx`` a labelled caption ("Table 2 ...")?"""
    k = idx - 1
    while k >= 0 and not lines[k][1].strip():
        k -= 1
    while k > 0 and lines[k - 1][1].strip():
        k -= 1  # the caption paragraph's first line
    return k >= 0 and is_caption_paragraph(lines[k][1])


def _paragraph(lines: list[tuple[int, str]], idx: int) -> tuple[int, int]:
    """The paragraph that starts at line ``idx``: up to the next blank line."""
    j = idx
    while j + 1 < len(lines) and lines[j + 1][1].strip():
        j += 1
    return lines[idx][0], lines[j][0] + len(lines[j][1])


def inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """True if ``offset`` falls in one of the sorted, merged ``spans``."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        a, b = spans[mid]
        if offset < a:
            hi = mid
        elif offset >= b:
            lo = mid + 1
        else:
            return True
    return False


__all__ = [
    "BOX_LABELS",
    "inside",
    "is_box_heading",
    "is_caption_paragraph",
    "markdown_floats",
    "merge",
]
