"""Alphabetic labels: ``[Lüt13]``, ``[ABC+20]`` (biblatex ``alphabetic``, BibTeX
``alpha``), ``[BrDu15]`` (DIN 1505 style, common in German student papers).

A list labels its entries this way when most entries start with such a label; the text
then cites by the label ("nach [BrDu15]", "[HJW13a; Heu16]", "[Cru+17, p. 3]"). In a
LaTeX source the label is computed from the key; in a PDF, a DOCX or a hand-typed
Markdown list only the printed label joins a citation to its entry.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

# a label: letters (with "+" for more authors), two digits, an optional letter
LABEL_SHAPE = re.compile(r"^[^\W\d_][^\s\d\[\];,]{0,9}\d{2}[a-z]?$")
# the raised "+" of "ABC+20" is read from a PDF with a space after it ("ABC+ 20")
_RAISED_PLUS = re.compile(r"(?<=[^\W\d_]\+) (?=\d{2})")
_BRACKET = re.compile(r"\[([^\[\]\n]{2,300})\]")
_ENTRY_LABEL = re.compile(r"^\s*\[([^\[\]\s]{1,12}(?: \d{2}[a-z]?)?)\]\s*")
ALPHA_SHARE = 0.6  # share of entries with such a label before the list is alphabetic


def is_alphabetic(labels: Sequence[str | None]) -> bool:
    """Does the list label its entries alphabetically?"""
    shaped = [x for x in labels if x and LABEL_SHAPE.match(x)]
    return len(labels) >= 2 and len(shaped) >= ALPHA_SHARE * len(labels)


def entry_label(entry: str) -> tuple[str, str] | None:
    """``("BrDu15", "Bruns, Ralf; …")`` for an entry that starts with a bracketed label
    (any bracketed token: whether the list is alphabetic is :func:`is_alphabetic`'s call)."""
    m = _ENTRY_LABEL.match(entry)
    if m is None:
        return None
    return _RAISED_PLUS.sub("", m.group(1)), entry[m.end() :]


def label_brackets(
    text: str, labels: Collection[str]
) -> list[tuple[int, int, list[tuple[str, int]]]]:
    """Every ``[...]`` of ``text`` with label parts: (start, end, [(label, offset)]).

    A part counts when it is one of ``labels`` or has a label's shape (a label cited
    but missing from the list is a finding, not prose); locators ("p. 3") are skipped.
    """
    out: list[tuple[int, int, list[tuple[str, int]]]] = []
    for m in _BRACKET.finditer(text):
        parts: list[tuple[str, int]] = []
        pos = m.start(1)
        for raw in re.split(r"(;|,)", m.group(1)):
            if raw not in (";", ","):
                token = _RAISED_PLUS.sub("", raw.strip())
                if token in labels or LABEL_SHAPE.match(token):
                    parts.append((token, pos + len(raw) - len(raw.lstrip())))
            pos += len(raw)
        if parts:
            out.append((m.start(), m.end(), parts))
    return out
