"""Publication years as citations and reference lists print them.

"2019", "2019a", "1900/1953" (reprints), "n.d." / "t.t." (no date, :data:`NO_DATE_PHRASES`),
"in press" / "forthcoming" / "dalam proses" (:data:`IN_PRESS_PHRASES`) are parsed into a :class:`Year` that can be compared:
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

#: "No date" as reference lists and citations write it (English, Indonesian, Spanish,
#: Italian/French, German, Latin, Dutch, Portuguese, Polish; Word's own bibliography
#: prints the locale's phrase, "kein Datum" in German). The one list: citations, the reference parser and
#: :func:`parse_year` read these. Abbreviations keep their case ("N.Y." is New York).
NO_DATE_PHRASES = (
    "n.d.",
    "no date",
    "undated",
    "t.t.",
    "tanpa tahun",
    "s.f.",
    "s.d.",
    "o.J.",
    "kein Datum",
    "ohne Jahr",
    "ohne Datum",
    "z.d.",
    "zonder datum",
    "sin fecha",
    "senza data",
    "sem data",
    "sans date",
    "s.a.",
    "n.y.",
)
#: Not published yet: in press, forthcoming, submitted... (the same readers).
IN_PRESS_PHRASES = (
    "in press",
    "forthcoming",
    "in preparation",
    "in prep.",
    "under review",
    "in review",
    "submitted",
    "provisionally accepted",
    "conditionally accepted",
    "accepted",
    "dalam proses",
    "dalam penerbitan",
    "akan terbit",
    "sedang terbit",
    "im Druck",
    "sous presse",
    "en prensa",
    "no prelo",
)


def _as_written(phrase: str) -> str:
    """A pattern for ``phrase`` in running text: "n. d.", "In  press", "o.J."."""
    if re.fullmatch(r"(?:\w\.)+", phrase):  # an abbreviation: letters and dots
        letters = phrase.split(".")[:-1]
        return r"\.\s?".join(re.escape(x) for x in letters) + r"(?:\.|\b)"
    words = [f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in phrase.split()]
    body = r"\s+".join(words)
    return body if phrase.endswith(".") else body + r"\b"


#: Any phrase of both lists as written in a text (no groups; for larger patterns).
UNDATED = "|".join(_as_written(p) for p in (*NO_DATE_PHRASES, *IN_PRESS_PHRASES))
#: A cheap test that a text may hold a year or a phrase of the lists (before running a
#: pattern with look-behinds at every offset): four digits, a letter and a dot (the
#: abbreviations), or the last word of a phrase.
YEAR_HINT = re.compile(
    r"\d\d\d\d|[a-zA-Z]\."
    + "".join(
        sorted(
            {
                f"|[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}"
                for w in (p.split()[-1] for p in (*NO_DATE_PHRASES, *IN_PRESS_PHRASES))
                if not w.endswith(".")
            }
        )
    )
)


def _folded(phrases: tuple[str, ...]) -> re.Pattern[str]:
    keys = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"^(" + "|".join(k.replace(" ", " ?") for k in keys) + r")\b")


_ND = _folded(NO_DATE_PHRASES)
# Folded abbreviations whose last letter is not a year letter ("s a" is not "s" + "a").
_ND_ABBREVIATIONS = frozenset(fold(p) for p in NO_DATE_PHRASES if p.endswith("."))
_PRESS = _folded(IN_PRESS_PHRASES)
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
            suffix=letter.group(1) if letter and folded not in _ND_ABBREVIATIONS else "",
        )
    if _PRESS.match(folded):
        return Year(text=raw, kind="press", suffix=letter.group(1) if letter else "")
    years = frozenset(int(y) for y in _YEARS.findall(raw))
    if not years:
        return Year(text=raw, kind="none")
    suffix = _SUFFIX.search(raw.lower())
    return Year(text=raw, kind="year", years=years, suffix=suffix.group(1) if suffix else "")


# A year in brackets ("(2023)", "[1998]", "(1900/2010)") or after "published".
_PRINTED_YEAR = re.compile(
    r"(?:[(\[]\s*|\bpublished\s+(?:in\s+)?)((?:1[5-9]|20)\d\d)(?=[a-z]?\s*[)\]/.,;])", re.I
)


def printed_years(entry: str) -> frozenset[int]:
    """The years an entry prints in brackets or after "published": its own year, an
    original one ("(Original work published 1900)"), or a second work of the same
    authors written inside the entry ("... (2022). Title. (2023). Title.")."""
    if "(" not in entry and "[" not in entry and "ublished" not in entry:
        return frozenset()
    return frozenset(int(m.group(1)) for m in _PRINTED_YEAR.finditer(entry[:2000]))


# An access date, whose year is not the work's: "Acesso em: 19 out. 2022", "Accessed 3 May
# 2021", "Diakses pada 2 Mei 2020", "Recuperado el 9 de Septiembre de 2017", "letzter
# Zugriff: 15.10.2024".
ACCESSED = re.compile(
    r"(?:Acesso\s+em|Acessado\s+em|Accessed(?:\s+on)?|Retrieved(?:\s+on)?|Diakses(?:\s+pada)?|"
    r"Consultado\s+(?:el|em)|Recuperado\s+el|aufgerufen(?:\s+am)?|Zugriff(?:\s+am)?|"
    r"Abgerufen\s+am|Consulté\s+le)\s*:?[^()\n]{0,30}?((?:1[89]|20)\d\d)",
    re.IGNORECASE,
)


def only_accessed(entry: str, year: str | None) -> bool:
    """True if the four digits of ``year`` stand in ``entry`` only inside access dates
    ("GUDWIN, R. Introdução à UML. Disponível em: ... Acesso em: 19 out. 2022."): the
    entry is undated, and that year is when it was read, not when it was written."""
    if not year or not year[:4].isdigit() or year[:4] not in entry:
        return False
    digits = year[:4]
    access = [m.start(1) for m in ACCESSED.finditer(entry) if m.group(1) == digits]
    if not access:
        return False
    every = [m.start() for m in re.finditer(rf"(?<!\d){digits}(?!\d)", entry)]
    return set(every) <= set(access)


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
