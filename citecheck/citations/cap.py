"""A bound on the in-text citations read from one document.

Each citation costs a few kilobytes through extraction, linking and the rules, so a
20 MB file of dense ``[n]`` (four million citations) would need gigabytes. Past
:data:`MAX_CITATIONS` likely citation marks the rest of the text is blanked (offsets
kept) before extraction, and the run says so: the engine reads :data:`LAST_CAP` after
loading and reports "checked the citations of the first N lines" - never a silent cut.
Marks are counted generously (any "[1", "(1", "2019)", "\\cite"), so fewer than
:data:`MAX_CITATIONS` citations may be read, never more than about that many.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

MAX_CITATIONS = 100_000
_MARK = re.compile(r"[\[(]\s*\d|\d{4}[a-z]?\s*[;,)\]]|\\[a-zA-Z]*cite|@[\w{]")
_NOT_NEWLINE = re.compile(r"[^\n]")

#: (line where reading stopped, marks kept, marks in all) of the last capped text.
LAST_CAP: ContextVar[tuple[int, int, int] | None] = ContextVar("LAST_CAP", default=None)


def cap_text(text: str) -> str:
    """``text`` with everything after the :data:`MAX_CITATIONS`-th mark blanked."""
    count, cut = 0, None
    for m in _MARK.finditer(text):
        count += 1
        if count == MAX_CITATIONS:
            cut = m.end()
            break
    if cut is None:
        return text
    total = count + sum(1 for _ in _MARK.finditer(text, cut))
    LAST_CAP.set((text.count("\n", 0, cut) + 1, MAX_CITATIONS, total))
    return text[:cut] + _NOT_NEWLINE.sub(" ", text[cut:])
