"""Academic and professional titles printed before a name.

Word's bibliography and hand-typed lists (German, Austrian, Indonesian, Dutch) keep
them: "Dipl.-Ing. Luber, S., & Litzel, N. (2018)", "Prof. Dr. Müller, K. (2019)",
"Ir. Hartono (2010)". The name is what a citation uses ("(Luber & Litzel, 2018)"), so
the title is dropped before the authors are read. Only abbreviations that are never a
surname or an initial are listed; a title is dropped only before a capitalised word.
"""

from __future__ import annotations

import re

_TITLE = (
    r"(?:Univ\.-)?Prof\."
    r"|Priv\.-Doz\."
    r"|Dr\.(?:-Ing\.)?(?:\s(?:med|phil|jur|habil|rer\.\s?(?:nat|pol|soc))\.)*"
    r"|Dipl\.-[A-Z][a-z]{1,6}\."
    r"|Mag\.(?:\s?rer\.\s?(?:nat|soc\.\s?oec)\.)?"
    r"|Ir\.|Drs\.|Dra\."
)
_LEADING = re.compile(rf"^(?:(?:{_TITLE})\s?)+(?=[A-ZÀ-ÖØ-Þ])")


def strip_leading_titles(s: str) -> str:
    """``s`` without academic titles before its first name ("Dipl.-Ing. Luber, S." ->
    "Luber, S."); unchanged when none is there or nothing name-like follows."""
    if s[:1] not in "PDMIU":
        return s
    m = _LEADING.match(s)
    return s[m.end() :] if m is not None else s
