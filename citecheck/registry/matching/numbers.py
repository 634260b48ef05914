"""Years, volumes, issues and page ranges.

Page ranges are written in many ways: ``1425-37`` (abbreviated last page),
``1425–1437``, ``pp. 1425-1437``, ``e33693``, ``S12-S15``, ``8305-12``. They are
compared on the expanded first and last page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.registry.matching.record import RecordView

_RANGE_SPLIT = re.compile(r"\s*(?:-{1,2}|[\u2010-\u2015\u2212]|\bto\b)\s*")
_PAGE_PREFIX = re.compile(r"^(?:pp?\.?|pages?|hlm\.?|hal\.?|s\.)\s*", re.IGNORECASE)
_LEAD_NUMBER = re.compile(r"[0-9]+")
_ROMAN_RE = re.compile(
    r"(?=[mdclxvi])(m{0,3})(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})", re.IGNORECASE
)
_ROMAN_DIGITS = {"m": 1000, "d": 500, "c": 100, "l": 50, "x": 10, "v": 5, "i": 1}


def roman_value(value: str) -> str | None:
    """A volume printed as a Roman numeral, in Arabic digits ("CCCLVI" -> "356",
    "xciii" -> "93"); None for anything else."""
    text = value.strip(" .,").lower()
    if not text or _ROMAN_RE.fullmatch(text) is None:
        return None
    total = 0
    for i, ch in enumerate(text):
        n = _ROMAN_DIGITS[ch]
        nxt = _ROMAN_DIGITS[text[i + 1]] if i + 1 < len(text) else 0
        total += -n if n < nxt else n
    return str(total)


def _clean_page(page: str) -> str:
    return re.sub(r"[^0-9a-z]", "", page.lower())


def expand_pages(pages: str | None) -> tuple[str, str | None] | None:
    """(first, last) page, with an abbreviated last page expanded.

    >>> expand_pages("1425-37")
    ('1425', '1437')
    >>> expand_pages("e33693")
    ('e33693', None)
    """
    if not pages:
        return None
    text = _PAGE_PREFIX.sub("", pages.strip()).rstrip(".,;")
    parts = [p for p in _RANGE_SPLIT.split(text, maxsplit=1) if p]
    if not parts:
        return None
    first = _clean_page(parts[0])
    if not first:
        return None
    if len(parts) == 1:
        return first, None
    last = _clean_page(parts[1])
    if not last:
        return first, None
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return first, last


def pages_agree(ref_pages: str | None, rec_pages: str | None) -> bool | None:
    """True/False when both sides give a first page; None when not comparable.

    The last page is compared too when both give one. Article numbers such as
    ``e33693`` compare on their digits, since references often drop the ``e``.
    """
    a, b = expand_pages(ref_pages), expand_pages(rec_pages)
    if a is None or b is None:
        return None
    if _digits(a[0]) != _digits(b[0]):
        return False
    if a[1] is not None and b[1] is not None and _digits(a[1]) != _digits(b[1]):
        return False
    return True


def _digits(value: str) -> str:
    found = _LEAD_NUMBER.findall(value)
    return found[0].lstrip("0") if found else value


def numbers_agree(ref_value: str | None, rec_value: str | None) -> bool | None:
    """Volume/issue equality on their leading numbers (``2_suppl`` = ``2 Suppl``); a
    Roman volume equals its value (``XCIII`` = ``93``).

    Combined issues (``11/12``, ``1-3``) agree with any of their parts.
    """
    if not ref_value or not rec_value:
        return None
    ref_value = roman_value(ref_value) or ref_value  # "Operations Research, VI (1958)"
    rec_value = roman_value(rec_value) or rec_value
    a = [n.lstrip("0") for n in _LEAD_NUMBER.findall(ref_value)]
    b = [n.lstrip("0") for n in _LEAD_NUMBER.findall(rec_value)]
    if not a or not b:
        return _clean_page(ref_value) == _clean_page(rec_value)
    if a[0] == b[0]:
        return True
    return bool(set(a) & set(b)) and (len(a) > 1 or len(b) > 1)


def cited_year(year: str | None) -> int | None:
    """The numeric year of a reference's year field ("2020a" -> 2020; "n.d." -> None)."""
    if not year:
        return None
    found = re.search(r"(1[5-9][0-9]{2}|20[0-9]{2})", year)
    return int(found.group(1)) if found else None


@dataclass(frozen=True)
class YearCheck:
    """How a cited year relates to the record's publication dates."""

    status: str  # "exact", "near" (±1), "differ", "unknown"
    cited: int | None
    matched_fields: tuple[str, ...]  # record date fields equal to the cited year
    record_years: dict[str, int]
    distance: int | None = None


def check_year(year: str | None, record: RecordView) -> YearCheck:
    """Compare a cited year with every publication date the record carries.

    A year equal to ``published-print``, ``published-online``, ``issued`` (or the
    issue's print/online date, or ``posted`` for preprints) is correct: online-first
    articles legitimately carry two years.
    """
    cited = cited_year(year)
    years = dict(record.years)
    if cited is None or not years:
        return YearCheck("unknown", cited, (), years)
    matched = tuple(name for name, y in years.items() if y == cited)
    if matched:
        return YearCheck("exact", cited, matched, years, 0)
    distance = min(abs(y - cited) for y in years.values())
    status = "near" if distance <= 1 else "differ"
    return YearCheck(status, cited, (), years, distance)
