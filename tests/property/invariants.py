"""What "the same result" means when the input changed only in form.

Two inputs that differ only in line endings (LF against CR LF) or in Unicode
normalisation (NFC against NFD) must give *the same citations modulo offsets*:
the same number of citations, in the same order, with equal fields (style, authors,
et al., year, number, narrative, prefix, locator, group) once every string is put in
NFC and carriage returns are removed. ``start``/``end``/``location`` may differ
(an NFD "ü" is two code points, a CR LF two characters) but must still slice the
input back to the citation's text. References compare the same way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from citecheck.model.document import Citation, LineIndex, Reference


def norm(value: Any) -> Any:
    """NFC and no carriage returns, recursively through tuples."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value.replace("\r", ""))
    if isinstance(value, tuple):
        return tuple(norm(v) for v in value)
    return value


def citation_key(c: Citation) -> tuple[Any, ...]:
    """The fields of a citation that must not depend on the input's form."""
    return norm(
        (
            c.text,
            c.style,
            c.authors,
            c.et_al,
            c.year,
            c.number,
            c.narrative,
            c.prefix,
            c.locator,
            c.group,
            c.key,
            c.abbreviation,
        )
    )


def reference_key(r: Reference) -> tuple[Any, ...]:
    """The parsed fields of a reference that must not depend on the input's form."""
    authors = tuple((a.family, a.given, a.corporate) for a in r.authors)
    return norm(
        (
            r.text,
            authors,
            r.et_al,
            r.year,
            r.title,
            r.container,
            r.volume,
            r.issue,
            r.pages,
            r.doi,
            r.url,
            r.key,
            r.number,
            r.kind,
        )
    )


def check_spans(
    text: str, citations: Sequence[Citation], path: str, *, located: bool = True
) -> None:
    """Every span inside the input, slicing back to the text, located right.

    ``located=False`` for formats whose locations point elsewhere than the offsets
    (a LaTeX key inside an included file, a DOCX paragraph, a JATS element).
    """
    index = LineIndex(text)
    for c in citations:
        assert 0 <= c.start <= c.end <= len(text), (c.start, c.end, len(text))
        assert text[c.start : c.end] == c.text
        assert c.location.line >= 1 and c.location.column >= 1
        if located:
            assert (c.location.line, c.location.column) == index.line_col(c.start)
            assert c.location.path == path
