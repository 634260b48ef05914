"""Superscript numeric citations: "cancer.¹⁻³", "studies^1,2^", "<sup>1-3</sup>", Word runs.

Vancouver/AMA manuscripts mark citations with raised numbers. Three sources give
candidates: Unicode superscript digits and Markdown markup (Pandoc ``^1,2^``, HTML
``<sup>1</sup>``) found in the text, and spans a loader knows were raised (DOCX runs
with ``w:vertAlign="superscript"``). A candidate cites only if its content is a list
of citation numbers and its neighbours say "citation", not "exponent":

* after a word or punctuation ("cancer.1", "studies1,2") it is a citation;
* after a name ending in a digit ("IRF3²⁹", "IL-1⁴⁰") it is a citation;
* after a number ("10⁶", "10^5^"), a one-letter variable ("R²", "x²", "m²") or a unit
  ("cm²", "kg/m2", "5 mm2") it is an exponent;
* at the start of a line ("¹Department of ...") or glued to a following letter or
  digit it is an affiliation or footnote mark, not a citation.

A run the loader knows was raised after a name with one letter and a digit ("H3⁷",
"gds_dev:6.1²⁹") looks like an exponent; it is kept aside (:func:`after_digit_names`)
and cites only when its number is the next new one in the order of first mention
(:func:`next_in_order`): an exponent rarely is.

Whether a document cites this way at all is decided in :mod:`citecheck.citations`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from citecheck.citations.found import Found
from citecheck.citations.numeric import parse_numbers
from citecheck.text.unicode import OffsetMap

_SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_ASCII = str.maketrans(_SUP_DIGITS + "⁻", "0123456789-")
_SUP_ANY = _SUP_DIGITS + "⁺⁻⁼⁽⁾ⁿⁱ"
# A run of superscript digits with "⁻", "-", "–" or "," between groups; a run next to
# another superscript sign ("²⁺", "⁽¹⁾", "⁻²") is chemistry or an exponent.
_UNICODE = re.compile(
    rf"(?<![{_SUP_ANY}])[{_SUP_DIGITS}]+(?:(?:[⁻–-]|,[ \t]?)[{_SUP_DIGITS}]+)*(?![{_SUP_ANY}])"
)
# Pandoc superscript holds no unescaped whitespace: "x^2 + y^2" is not one.
_CARET = re.compile(r"\^([^\^\s]{1,60})\^")
_SUP_TAG = re.compile(r"<sup>([^<\n]{1,80})</sup>", re.I)
_TOKEN_BEFORE = re.compile(r"[^\W_](?:[\w-]*\w)?\Z")
_STRIP = " \t\u00a0,.;:"
_UNITS = frozenset(
    "cm mm km nm µm μm um dm kg mg µg μg ms ns ft yd mi sec min ha mol kpa pa hz kb".split()
)


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The letters right before ``start`` and where they begin."""
    i = start
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i:start], i


def _is_citation_context(text: str, start: int, end: int) -> bool:
    """Neighbours of a raised number that make it a citation rather than an exponent."""
    if end < len(text) and text[end].isalnum():
        return False  # "¹Department", "1st"
    before = text[start - 1] if start else "\n"
    if before in " \t\u00a0":  # "cancer ¹": judge by what precedes the space
        start -= 1
        before = text[start - 1] if start else "\n"
    if before == "\n" or before.isspace():
        return False
    if before.isdigit():  # "10⁶" is an exponent; "IRF3²⁹", "IL-1⁴⁰" name genes
        token = _TOKEN_BEFORE.search(text, max(0, start - 30), start)
        return token is not None and sum(ch.isalpha() for ch in token.group()) >= 2
    if not before.isalpha():
        return True  # punctuation: "cancer.1", "(2019),2"
    word, at = _word_before(text, start)
    if len(word) == 1 or word.lower() in _UNITS:
        return False  # "R²", "x²", "m²", "cm²"
    lead = text[at - 1] if at else "\n"
    return not (lead == "/" or (lead.isdigit() and len(word) <= 3))  # "kg/m2", "5 mm2"


def _numbers(content: str) -> tuple[int, ...] | None:
    content = content.translate(_TO_ASCII).strip(_STRIP)
    if not content[:1].isdigit() or not content[-1:].isdigit():
        return None
    parsed = parse_numbers(content, allow_locator=False)
    return parsed[0] if parsed else None


def _found(start: int, end: int, numbers: tuple[int, ...]) -> list[Found]:
    return [Found(start=start, end=end, group=start, style="numeric", number=n) for n in numbers]


def to_nfc_offset(mapping: OffsetMap, offset: int) -> int:
    """Offset in the NFC text of an offset of the original (inverse of ``mapping``)."""
    i = bisect.bisect_right(mapping.orig, offset) - 1
    if i % 2 == 1 and offset > mapping.orig[i]:
        return mapping.nfc[i]
    return mapping.nfc[i] + offset - mapping.orig[i]


def _after_digit_name(text: str, start: int) -> bool:
    """Is the raised run at ``start`` glued to a token that ends in a digit and holds a
    letter ("H3", "gds_dev:6.1"), not to a plain number ("10")?"""
    i = start
    while i > 0 and not text[i - 1].isspace() and start - i < 40:
        i -= 1
    token = text[i:start]
    return token[-1:].isdigit() and any(ch.isalpha() for ch in token)


def after_digit_names(text: str, spans: Sequence[tuple[int, int]]) -> list[Found]:
    """Raised runs (``spans`` from the loader) that :func:`superscript_citations` took for
    exponents only because a name ending in a digit precedes them ("H3⁷")."""
    out: list[Found] = []
    for a, b in spans:
        raw = text[a:b]
        a += len(raw) - len(raw.lstrip(_STRIP))
        b -= len(raw) - len(raw.rstrip(_STRIP))
        numbers = _numbers(text[a:b]) if a < b else None
        if (
            numbers
            and not _is_citation_context(text, a, b)
            and not (b < len(text) and text[b].isalnum())
            and _after_digit_name(text, a)
        ):
            out.extend(_found(a, b, numbers))
    return out


def next_in_order(cited: Sequence[Found], doubtful: Sequence[Found]) -> list[Found]:
    """The ``doubtful`` runs whose first number is the next new one after the numbers
    ``cited`` before them (in text order): "H3⁷" right after a first mention of 6."""
    runs: dict[int, list[Found]] = {}
    for f in doubtful:
        runs.setdefault(f.group, []).append(f)
    events = sorted(
        [(f.start, 0, [f]) for f in cited] + [(r[0].start, 1, r) for r in runs.values()],
        key=lambda e: (e[0], e[1]),
    )
    highest = 0
    kept: list[Found] = []
    for _, is_doubtful, run in events:
        if is_doubtful and run[0].number != highest + 1:
            continue
        if is_doubtful:
            kept.extend(run)
        highest = max(highest, *(f.number or 0 for f in run))
    return kept


def superscript_citations(text: str, spans: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Superscript citations of ``text``; ``spans`` are runs a loader knows were raised."""
    out: list[Found] = []
    claimed: set[int] = set()  # a raised run holding "¹" is found once
    for a, b in spans:
        raw = text[a:b]
        a += len(raw) - len(raw.lstrip(_STRIP))  # the run "1,2 " cites as "1,2"
        b -= len(raw) - len(raw.rstrip(_STRIP))
        numbers = _numbers(text[a:b]) if a < b else None
        if numbers and _is_citation_context(text, a, b):
            out.extend(_found(a, b, numbers))
            claimed.update(range(a, b))
    for pattern in (_UNICODE, _CARET, _SUP_TAG):
        for m in pattern.finditer(text):
            numbers = _numbers(m.group(m.lastindex or 0))
            if (
                numbers
                and m.start() not in claimed
                and _is_citation_context(text, m.start(), m.end())
            ):
                out.extend(_found(m.start(), m.end(), numbers))
                claimed.update(range(m.start(), m.end()))
    out.sort(key=lambda f: f.start)
    return out
