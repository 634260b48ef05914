"""The sentence around a citation, for rules that compare it with the cited work."""

from __future__ import annotations

import bisect
import re

from citecheck.text.lexicon import ABBREVIATIONS

_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n[^\S\n]*\n")
_LAST_WORD = re.compile(r"([^\W\d_][\w.]*)\.$")
_MAX_SIDE = 600  # a sentence is cut this far from its citation (tables, unpunctuated text)


class SentenceIndex:
    """Sentence boundaries of a text, found once; lookups are O(log n)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._ends = [m.end() for m in _END.finditer(text) if not self._abbreviation(m)]

    def _abbreviation(self, m: re.Match[str]) -> bool:
        if self._text[m.start()] != ".":
            return False
        word = _LAST_WORD.search(self._text, max(0, m.start() - 12), m.start() + 1)
        if word is None:
            return False
        w = word.group(1)
        return len(w) == 1 or w.lower() in ABBREVIATIONS

    def sentence(self, start: int, end: int) -> str:
        """The sentence holding ``text[start:end]``, whitespace collapsed."""
        i = bisect.bisect_right(self._ends, start)
        lo = self._ends[i - 1] if i > 0 else 0
        j = bisect.bisect_left(self._ends, end)
        hi = self._ends[j] if j < len(self._ends) else len(self._text)
        lo = max(lo, start - _MAX_SIDE)
        hi = min(hi, end + _MAX_SIDE)
        return " ".join(self._text[lo:hi].split())
