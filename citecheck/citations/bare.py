"""Citations without brackets where the place says what they are.

A table cell "Parry et al., 2010; Bajrami et al., 2014" or a source line under a table
or figure "Fonte: COELHO, 2014, p. 66." (ABNT), "Sumber: BPS, 2020", "Source: Smith
and Jones 2019" cites works without any bracket. Such a span is read like the content
of a bracket, piece by piece at ";", and a piece counts only when its first author is
a first author of the reference list: outside brackets a capitalised word and a year
are too often a label ("Total 2019", "Wave 2020") to be taken on their form alone.

Running prose cites the same way ("the protocol proposed by Davies et al., 2017 was
followed"): a name, an optional second author, a comma and a year ("et al." may stand
for the comma: "Parker et al. 2018"; a line may end before the year), outside
any bracket (:func:`prose_spans`). The same rule holds: only a listed first author
makes it a citation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from citecheck.citations.brackets import Pair

# A source label and what follows it, to the end of the line or of the table cell.
_SOURCE = re.compile(
    r"(?:^|(?<=[|\n]))[^\S\n]*[*_]*(?:Fonte|Fontes|Fuente|Fuentes|Source|Sources|Sumber|"
    r"Quelle|Quellen|Data source|Adaptado de|Adapted from|Diadaptasi dari)[*_]*\s*:[*_]*"
    r"[^\S\n]*(?P<body>[^|\n]+)",
    re.IGNORECASE,
)
# A Markdown (pipe) table row.
_ROW = re.compile(r"^[^\S\n]*\|(?P<cells>.*)\|[^\S\n]*$", re.MULTILINE)
_CELL = re.compile(r"[^|]+")
_BRACKETS = re.compile(r"[()\[\]]")
# "Davies et al., 2017", "Smith and Jones, 2019", "Santoso dan Putri, 2020", "Lee, 2018a".
_NAME = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]+"
_PROSE = re.compile(
    rf"(?<![\w'’@-]){_NAME}(?:[^\S\n]+(?:et[^\S\n]+al\.?|dkk\.?),?|(?:[^\S\n]+"
    rf"(?:and|&|dan|e|y|und|et)[^\S\n]+{_NAME})?,)[^\S\n]*\n?[^\S\n]*(?<=\s)(?:1[89]|20)\d\d[a-z]?(?![\w/-])"
)


def _span(text: str, start: int, end: int) -> Pair | None:
    """A bracket-like pair around text[start:end] trimmed, or None when empty or when
    it holds brackets (those are read as brackets already)."""
    while start < end and text[start] in " \t*_":
        start += 1
    while end > start and text[end - 1] in " \t*_.":
        end -= 1
    if end - start < 6 or _BRACKETS.search(text, start, end):
        return None
    return Pair(open=start - 1, close=end, kind="|")


def bare_spans(text: str) -> Iterator[Pair]:
    """Table cells and source lines, as pairs whose inner span is the content."""
    sources: list[tuple[int, int]] = []
    for m in _SOURCE.finditer(text):
        sources.append((m.start(), m.end()))
        pair = _span(text, m.start("body"), m.end("body"))
        if pair is not None:
            yield pair
    for row in _ROW.finditer(text):
        base = row.start("cells")
        for cell in _CELL.finditer(row.group("cells")):
            a, b = base + cell.start(), base + cell.end()
            if any(s < b and a < e for s, e in sources):
                continue  # the cell's source line was read above
            pair = _span(text, a, b)
            if pair is not None:
                yield pair


def prose_spans(text: str, taken: list[tuple[int, int]]) -> Iterator[Pair]:
    """ "Name et al., 2017" in running text, outside the spans in ``taken`` (brackets and
    the table cells and source lines already read), as pairs around the citation."""
    spans = sorted(taken)
    starts = [a for a, _b in spans]
    for m in _PROSE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and spans[i][1] > m.start():
            continue  # inside a bracket or a cell read already
        j = bisect.bisect_left(starts, m.end())
        if j > i + 1:
            continue  # a span starts inside the match
        yield Pair(open=m.start() - 1, close=m.end(), kind="|")
