"""Publication years in reference strings: "(2019)", "2020a.", "(n.d.)", "2010;20(5)"."""

from __future__ import annotations

import re

from citecheck.text.years import UNDATED

YEAR = r"(?:1[5-9]\d\d|20[0-4]\d)"
# A year with an optional disambiguation letter: 2020a (but not the "a" of "2020and").
YEAR_TOKEN = rf"{YEAR}(?:[a-z](?![a-zA-Z]))?"
NO_YEAR = rf"(?:{UNDATED})"
MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Januari|Februari|Maret|April|Mei|"
    r"Juni|Juli|Agustus|September|Oktober|November|Desember|January|February|March|June|July|"
    r"August|October|December|Spring|Summer|Fall|Autumn|Winter)\.?"
)

# A month word as a prefix (English, French, Indonesian; "Sept.", "juil.").
MONTH_WORD = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|janv|févr|mars|avr|mai|juin|juil|"
    r"août|sept|oct|nov|déc|Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember)"
    r"[a-zéû]*\.?"
)
# A reprint's original year after the edition's: "2001 [1953]", "(1990 [1867])".
_ORIGINAL = rf"(?:\s?\[{YEAR}\])"
# Right after the authors: "(2019)", "(2019a).", "(2019, March 3).", "[2019]", "(n.d.)";
# Word's bibliography in some locales puts a numeric day and month first: "(7 2022)",
# "(7. 2 2018)".
_PAREN_AT = re.compile(
    rf"\s?[.,:;]?\s?[(\[]\s?(?:(?:[0-3]?\d\.?\s){{1,2}}(?={YEAR}\b))?(?P<y>{YEAR_TOKEN}|{NO_YEAR})(?:\s?[-/–]\s?\d{{2,4}}[a-z]?)?"
    rf"(?:[,;]\s?[^()\[\]]{{1,40}}|{_ORIGINAL})?\s?[)\]]{_ORIGINAL}?\s?[.,:;]?"
)
# Right after the authors, bare: ". 2006. Title", ", 2000, ApJ", " 2009 Reply".
_BARE_AT = re.compile(
    rf"(?:\s?[.,:;]?\s|^)(?P<y>{YEAR_TOKEN}|{NO_YEAR})(?:\s?[-/–]\s?\d{{2,4}})?{_ORIGINAL}?"
    # (" 2016 . Title": a space before the period; " 2016 χ(2) effects", IOP: any letter)
    rf"(?:\s?[.,:;]|\s(?=[^\W\d_]|[“\"‘«'])|$)"
)
# Anywhere: "(1987)", "(March 27, 1969)", "(September, 1964)".
_PAREN_ANY = re.compile(
    rf"\((?:{MONTH}\s?(?:\d{{1,2}},?\s?)?|\d{{1,2}}\s{MONTH},?\s)?(?P<y>{YEAR_TOKEN}|{NO_YEAR})\)"
)
# Anywhere, bare: a year not part of a range, a DOI or a longer number.
_BARE_ANY = re.compile(rf"(?<![\w./–-])(?P<y>{YEAR_TOKEN})(?![\w/]|[–-]\d|\.\d)")


def normalise_year(raw: str) -> str:
    """Canonical spelling: "2020a", "n.d.", "in press" (others kept, lower-cased)."""
    y = raw.strip()
    low = y.lower().replace(" ", "")
    if low in ("n.d.", "n.d", "nodate"):
        return "n.d."
    if low == "inpress":
        return "in press"
    return y if y[:1].isdigit() else y.lower()


def year_at(s: str, pos: int) -> tuple[str, int] | None:
    """A year written right at ``pos`` (after the authors), and the offset after it."""
    m = _PAREN_AT.match(s, pos) or _BARE_AT.match(s, pos)
    if m is None:
        return None
    return normalise_year(m.group("y")), m.end()


def find_year(s: str, start: int = 0, end: int | None = None) -> tuple[str, int, int] | None:
    """The most year-like year in ``s[start:end]``: parenthesised first, then bare.

    Returns (year, start, end) of the whole mention.
    """
    stop = len(s) if end is None else end
    m = _PAREN_ANY.search(s, start, stop)
    if m is not None:
        return normalise_year(m.group("y")), m.start(), m.end()
    m = _BARE_ANY.search(s, start, stop)
    if m is not None:
        return normalise_year(m.group("y")), m.start(), m.end()
    return None


def looks_like_year(token: str) -> bool:
    """True when ``token`` is a plausible publication year (1500-2049)."""
    return _YEAR_FULL_RE.fullmatch(token) is not None


_YEAR_FULL_RE = re.compile(YEAR)
