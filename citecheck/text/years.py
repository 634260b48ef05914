"""Publication years as citations and reference lists print them.

"2019", "2019a", "1900/1953" (reprints), "n.d." / "t.t." (no date), "in press" /
"forthcoming" / "dalam proses" are parsed into a :class:`Year` that can be compared:
the same year with the same letter is exact; a missing letter on one side is
accepted (and judged by the linker: several 2020a/2020b entries make it ambiguous).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from citecheck.text.names import fold

YearKind = Literal["year", "nd", "press", "none"]

_ND = re.compile(r"^(n ?d|no date|undated|t ?t|tanpa tahun|s ?f|s ?d|o ?j|sans date)\b")
_PRESS = re.compile(
    r"^(in press|forthcoming|in preparation|under review|submitted|accepted|"
    r"dalam proses|dalam penerbitan|akan terbit|im druck|sous presse|en prensa|no prelo)\b"
)
_YEARS = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_SUFFIX = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)\s*([a-z])\b")


@dataclass(frozen=True)
class Year:
    """A parsed year: kind, the numeric years (a reprint has two), the letter."""

    text: str
    kind: YearKind
    years: frozenset[int] = frozenset()
    suffix: str = ""

    @property
    def bucket(self) -> str:
        """A key grouping comparable years ("2019", "nd", "press", "none")."""
        if self.kind == "year":
            return str(max(self.years))
        return self.kind

    @property
    def base(self) -> str:
        """The year without its letter, for grouping ("2020" for "2020a")."""
        if self.kind == "year":
            return "/".join(str(y) for y in sorted(self.years))
        return self.kind


@lru_cache(maxsize=4096)
def parse_year(text: str | None) -> Year:
    """Parse a year as printed; unknown forms become kind ``"none"``."""
    if not text or not text.strip():
        return Year(text="", kind="none")
    raw = text.strip()
    folded = fold(raw)
    letter = re.search(r"(?:^|\s)([a-z])$", folded)
    if _ND.match(folded):
        return Year(
            text=raw,
            kind="nd",
            suffix=letter.group(1)
            if letter and folded not in {"n d", "t t", "s d", "s f", "o j"}
            else "",
        )
    if _PRESS.match(folded):
        return Year(text=raw, kind="press", suffix=letter.group(1) if letter else "")
    years = frozenset(int(y) for y in _YEARS.findall(raw))
    if not years:
        return Year(text=raw, kind="none")
    suffix = _SUFFIX.search(raw.lower())
    return Year(text=raw, kind="year", years=years, suffix=suffix.group(1) if suffix else "")


def agreement(cited: Year, listed: Year) -> int:
    """2 same year and letter; 1 compatible (a letter missing on one side, or a year
    not printed/parsed); 0 different."""
    if cited.kind == "none" or listed.kind == "none":
        return 1
    if cited.kind != listed.kind:
        return 0
    if cited.kind == "year" and not cited.years & listed.years:
        return 0
    if cited.suffix == listed.suffix:
        return 2
    if not cited.suffix or not listed.suffix:
        return 1
    return 0


def distance(cited: Year, listed: Year) -> int:
    """Years apart (99 when not comparable), to prefer the nearest of several."""
    if cited.kind == "year" and listed.kind == "year":
        return min(abs(a - b) for a in cited.years for b in listed.years)
    return 0 if cited.kind == listed.kind else 99
