"""Two references on one line: PDF extraction sometimes loses the break between
entries ("... 2001, 12-19. Jones, K. (2003). Another title ...").

A line is cut where, after the end of a sentence, the next entry's label follows
("[13] ", "13. " with the number after the entry's own) or where an author list of
the *same shape* as the entry's first one starts and is followed by its year, as
the entry's own author list is (author-date styles). Candidates are tried left to right, so
the cost stays linear in the length of the line.
"""

from __future__ import annotations

import re

from citecheck.references.authors import scan_authors
from citecheck.references.dates import YEAR

_CUT_RE = re.compile(r"(?<=[.)\]”\"])\s+(?=\S)|(?<=\d)\.\s+(?=[A-Z])")
_LABEL_AT_RE = re.compile(r"(?:\[(\d{1,4})\]|(\d{1,4})[.)])\s")
_NOT_ENTRY_RE = re.compile(r"(?:In|in|Dalam|dalam|In:|Hrsg|Eds?|Retrieved|Available|Diakses)\b")
_MIN_PART = 30
_YEAR_AFTER_RE = re.compile(rf"\s?[.,]?\s?(?:[(\[]{YEAR}[a-z]?[)\],]|{YEAR}[a-z]?[.:](?:\s|$))")


def glued_cuts(text: str, number: int | None, shape: re.Pattern[str] | None) -> list[int]:
    """Offsets in ``text`` where a new entry starts (empty for a single entry).

    ``number`` is the entry's printed label, ``shape`` the start pattern its first
    author list matches (see :mod:`segment`), or None when it matches none.
    """
    cuts: list[int] = []
    last = 0
    expect = number + 1 if number is not None else None
    for m in _CUT_RE.finditer(text, _MIN_PART):
        at = m.end()
        if at - last < _MIN_PART or len(text) - at < _MIN_PART:
            continue
        rest = text[at : at + 160]
        lab = _LABEL_AT_RE.match(rest)
        if lab is not None and expect is not None:
            if int(lab.group(1) or lab.group(2)) == expect:
                cuts.append(at)
                last, expect = at, expect + 1
            continue
        if shape is None or expect is not None or _NOT_ENTRY_RE.match(rest):
            continue
        if shape.match(rest) and _year_after_authors(rest) and _year_after_authors(text[last:at]):
            cuts.append(at)
            last = at
    return cuts


def _year_after_authors(s: str) -> bool:
    """An author-date start: names, then the year right after them ("Doe, A. (2003).")."""
    scan = scan_authors(s)
    # "(2003)" or ". 2003." only: "Multiple Classifier Systems, 1857, 1-15" has a volume.
    return bool(scan.authors) and _YEAR_AFTER_RE.match(s, scan.end) is not None
