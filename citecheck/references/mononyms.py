"""APA author blocks with mononymous authors, common in Indonesian references.

"Dwiyanto, A., Partini, Ratminto, Wicaksono, B., & Tamtiari, W. (2021)." lists two
people known by one name; the general author scanner stops at the first of them and
the rest of the block would be taken for the title. When the text has an APA year
"(2021)" right after the block and every piece of the block is a name or a set of
initials, the whole block is the author list.
"""

from __future__ import annotations

import re

from citecheck.model.document import Author
from citecheck.references.authors import AuthorScan

_YEAR_AFTER = re.compile(r"\s*\((?:\d{4}[a-z]?|n\.\s?d\.|t\.\s?t\.)\)")
_SPLIT = re.compile(r"\s*(?:,\s*(?:&|and|dan)\s+|\s(?:&|and|dan)\s+|,)\s*")
_NAME = re.compile(
    r"[A-Z\u00c0-\u00de][^\W\d_]+(?:[-'’][^\W\d_]+)*(?:\s[A-Z\u00c0-\u00de][^\W\d_]+(?:[-'’][^\W\d_]+)*){0,2}"
)
_INITIALS = re.compile(r"(?:[A-Z\u00c0-\u00de][a-z]?\.\s?-?\s?){1,4}")
_MAX_BLOCK = 400


def _names(block: str) -> tuple[Author, ...] | None:
    parts = [p for p in _SPLIT.split(block.strip(" ,&")) if p]
    out: list[Author] = []
    i = 0
    while i < len(parts):
        part = parts[i].strip()
        if not _NAME.fullmatch(part):
            return None
        nxt = parts[i + 1].strip() if i + 1 < len(parts) else ""
        if nxt and _INITIALS.fullmatch(nxt):
            out.append(Author(family=part, given=nxt))
            i += 2
        else:
            out.append(Author(family=part))
            i += 1
    return tuple(out) if out else None


def extend_with_mononyms(s: str, scan: AuthorScan) -> AuthorScan:
    """``scan`` extended over a block of names (mononyms included) ending in "(YYYY)"."""
    if scan.editors or scan.et_al:
        return scan
    m = _YEAR_AFTER.search(s, scan.end, min(len(s), scan.end + _MAX_BLOCK))
    if m is None or m.start() <= scan.end:
        return scan
    block = s[scan.end : m.start()]
    # The list must visibly go on ("A., Partini, ..."), or, when nothing was found,
    # hold several names: a lone capitalised phrase before a year may be a title.
    if scan.authors and not block.lstrip().startswith((",", "&")):
        return scan
    extra = _names(block)
    if extra is None or (not scan.authors and len(extra) < 2):
        return scan
    return AuthorScan(scan.authors + extra, False, m.start(), style=scan.style or "M")
