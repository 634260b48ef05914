"""Alphabetic labels (biblatex ``alphabetic``, BibTeX ``alpha``): ``[Lüt13]``, ``[ABC+20]``.

In the source these are keys; in the PDF only the printed label joins a citation to its
entry. When most entries of the list carry a bracketed label that is not a number,
each entry gets its label as key and every bracket of the text whose parts are labels
("[HJW13a; Heu16]", "[Cru+17, p. 3]") becomes key citations, linked by the label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from citecheck.model.document import Citation, Location

# a label: letters (with "+" for more authors), two digits, an optional letter
LABEL_SHAPE = re.compile(r"^[^\W\d_][^\s\d\[\];,]{0,9}\d{2}[a-z]?$")
# the raised "+" of "ABC+20" is read with a space after it ("ABC+ 20")
_RAISED_PLUS = re.compile(r"(?<=[^\W\d_]\+) (?=\d{2})")
_BRACKET = re.compile(r"\[([^\[\]\n]{2,300})\]")
ALPHA_SHARE = 0.6  # share of entries with such a label before the list is alphabetic


def is_alphabetic(labels: Sequence[str | None]) -> bool:
    """Does the list label its entries alphabetically?"""
    shaped = [x for x in labels if x and LABEL_SHAPE.match(x)]
    return len(labels) >= 2 and len(shaped) >= ALPHA_SHARE * len(labels)


def citations(
    text: str, labels: set[str], loc: Callable[[int], Location], first_group: int
) -> list[Citation]:
    """Key citations of every bracket in ``text`` whose parts are labels."""
    out: list[Citation] = []
    group = first_group
    for m in _BRACKET.finditer(text):
        parts = []
        pos = m.start(1)
        for raw in re.split(r"(;|,)", m.group(1)):
            if raw not in (";", ","):
                token = _RAISED_PLUS.sub("", raw.strip())
                if token in labels or LABEL_SHAPE.match(token):
                    start = pos + len(raw) - len(raw.lstrip())
                    parts.append((token, start))
            pos += len(raw)
        if not parts:
            continue
        group += 1
        for token, start in parts:
            out.append(
                Citation(
                    text=token,
                    style="key",
                    key=token,
                    group=group,
                    start=start,
                    end=start + len(token),
                    location=loc(start),
                )
            )
    return out
