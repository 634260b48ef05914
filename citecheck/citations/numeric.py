"""Numeric citations: "[1]", "[1, 3]", "[1–5]", "[1-3, 7]", "[2]–[4]", "(1)".

A range expands to one citation per number, all sharing the bracket's span. Ranges
that would expand to more than :data:`MAX_EXPANSION` numbers are not citations.
Parenthesised numbers are only candidates here; whether a document cites that way
is decided in :mod:`citecheck.citations` from the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from citecheck.citations.brackets import Pair
from citecheck.citations.found import Found
from citecheck.citations.patterns import BRACKET_RANGE_DASH, NUMBER_PART

MAX_EXPANSION = 500
MAX_NUMBER = 1499  # larger bracketed numbers are years, sample sizes, not list positions
_COLON_LOCATOR = re.compile(r"\s*(?P<n>\d{1,4})\s*:\s*(?P<loc>\S.*)", re.S)
_LABEL_START = re.compile(r"\s*[^\W\d_]{1,8}\.")  # "p. 5", "fig. 2", "pl. LII"
_NUMBER_SEP = re.compile(r"[,;]")
# words that point to a source before its number: "[vgl. 6]", "[see 4, p. 2]", "[cf. 3]"
_POINTER = re.compile(
    r"\s*(?:vgl\.|siehe|see(?:\s+also)?|cf\.|cfr\.|e\.\s?g\.,?|z\.\s?B\.|lihat|voir|ver|véase)\s+(?=\d)",
    re.I,
)
_DENSITY = 0.7  # share of 1..N a real reference list's citations cover
_SLACK = 10
_MIN_FOR_OUTLIERS = 10  # too few numbers say nothing about the list's length
_YEAR_BEFORE = re.compile(r"(?<![\d.,])(?:19|20)\d\d[ \t\u00a0]*\Z")
_QUANTITY_BEFORE = re.compile(r"[\d%‰][ \t\u00a0]*\Z")
# "S[255]", "x_1[3]", "K[2 mod 4]": an array subscript glued to a short identifier. A
# citation glued to a word ("studies[3]") has a longer word before it, so words of three
# or more letters are left alone, and so are brackets after brackets ("[4][19]").
_SUBSCRIPT_BEFORE = re.compile(
    r"(?:(?<!\w)(?!al\b)[^\W\d_]{1,2}|(?<!\w)[^\W\d]\w*[_\d]\w*)\Z", re.IGNORECASE
)
# A line of source code (a listing typed into a DOCX table or paragraph): a comparison or
# augmented assignment, a call holding a subscript, a statement keyword opening the line.
# A bracket glued to a word of any length on such a line is an index: "if row[21]=='x':",
# "float(row[22])".
_CODE_LINE = re.compile(
    r"==|!=|<=|>=|\+=|-=|\*=|:=|\b[A-Za-z_]\w*\([^()\n]*\w\[\d|"
    r"^[ \t]*(?:if|elif|for|while|def|return|print|import)\b[^\n]*[:;)][ \t]*$",
    re.M,
)
_GLUED_WORD = re.compile(r"(?<!\w)[A-Za-z_]\w*\Z")
# A unit right after a bracket of two numbers: an interval, "[30, 60] mm", "[0, 1] s".
_UNIT_AFTER = re.compile(
    r"[ \t\u00a0]*(?:mm|cm|km|nm|µm|μm|m|mg|kg|g|ml|mL|l|L|ms|s|sec|min|h|hrs?|Hz|kHz|MHz|"
    r"GHz|dB|mV|V|W|kW|K|°C?|deg(?:rees?)?|rad|px|pixels?|%|years?|days?|months?|weeks?|"
    r"hours?|minutes?|seconds?)(?![^\W\d_])"
)
# A table cell holding only a bracket of two numbers: "| [15, 45] |".
_CELL_PAIR = re.compile(r"(?<=\|)[ \t]*\[[ \t]*(\d{1,4})[ \t]*,[ \t]*(\d{1,4})[ \t]*\][ \t]*(?=\|)")
_MIN_CHAIN = 3  # bins "[0, 15]", "[15, 45]", "[45, 90]": each starts where one ends
# A value after a setting's name: "- `max_depth`: [5, 10, 15]" (the code span is blanked
# in the text the extractor reads), "max_depth: [5, 10]", "alpha = [1, 2]". The line
# holds only an optional list mark and the name before the colon or "=".
_VALUE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*+]|\d{1,3}[.)])?[ \t]*[*_]*(?:[\w.]*_[\w.]*|`[^`\n]*`|[ \t]*)[*_]*"
    r"[ \t]*[:=][ \t]*\Z"
)
_ENUM_BEFORE = re.compile(r"(?:^|[:;,]|\b(?:and|or|dan|atau|serta|und|oder|et|ou|y|o))[ \t]*$")


@dataclass(frozen=True)
class NumericBracket:
    """A bracket holding only citation numbers."""

    pair: Pair
    numbers: tuple[int, ...]
    locator: str | None
    single: bool  # one plain number: "[4]", the ends of "[2]–[4]"


def parse_numbers(
    content: str, *, allow_locator: bool
) -> tuple[tuple[int, ...], str | None] | None:
    """The numbers of "1, 3–5", or None; with ``allow_locator`` also "12, p. 5", "1: fig. 4"."""
    if allow_locator:
        colon = _COLON_LOCATOR.fullmatch(content)
        if colon is not None and 0 < int(colon.group("n")) <= MAX_NUMBER:
            return (int(colon.group("n")),), colon.group("loc").strip()
    numbers: list[int] = []
    pos = 0
    for part in _NUMBER_SEP.split(content):
        m = NUMBER_PART.fullmatch(part)
        if m is None:
            if allow_locator and numbers and _LABEL_START.match(part):
                return tuple(numbers), content[pos:].strip()
            return None
        pos += len(part) + 1
        a = int(m.group("a"))
        b = int(m.group("b")) if m.group("b") else a
        if not 0 < a <= b <= MAX_NUMBER or len(numbers) + b - a >= MAX_EXPANSION:
            return None
        numbers.extend(range(a, b + 1))
    return tuple(numbers), None


def numeric_brackets(text: str, pairs: list[Pair], kind: str) -> list[NumericBracket]:
    """Pairs of ``kind`` ("[" or "(") whose content is citation numbers."""
    out: list[NumericBracket] = []
    bins = _binned_cells(text) if kind == "[" else set()
    for pair in pairs:
        if pair.kind != kind or pair.children or pair.open in bins:
            continue
        content = text[pair.open + 1 : pair.close]
        if kind == "[":
            # "[vgl. 6, S. 8]", "[see 4]": a pointer word before the number
            lead = _POINTER.match(content)
            if lead is not None:
                content = content[lead.end() :]
        if not content or not content.lstrip()[:1].isdigit():
            continue
        if kind == "[" and (is_subscript(text, pair) or _is_value(text, pair)):
            continue
        parsed = parse_numbers(content, allow_locator=kind == "[")
        if parsed is None or _is_interval(text, pair, parsed[0]):
            continue
        out.append(NumericBracket(pair, parsed[0], parsed[1], len(parsed[0]) == 1))
    return out


def _is_value(text: str, pair: Pair) -> bool:
    """A bracket that is the value of a setting named before it on its line."""
    line_start = text.rfind("\n", 0, pair.open) + 1
    before = text[max(line_start - 1, 0) if line_start else 0 : pair.open]
    return _VALUE_BEFORE.search(before) is not None


def _binned_cells(text: str) -> set[int]:
    """Offsets of "[" of table cells that hold an interval of a chain of bins.

    A results table binned by a quantity prints one interval a row ("| [0, 15] |",
    "| [15, 45] |", "| [45, 90] |"): every interval starts where another ends. Cited
    numbers do not chain that way in cells of their own, so a cell whose pair belongs
    to a chain of at least three such intervals is not a citation.
    """
    if "|" not in text:
        return set()
    cells = [
        (m.start() + m.group().index("["), int(m.group(1)), int(m.group(2)))
        for m in _CELL_PAIR.finditer(text)
    ]
    pairs = {(a, b) for _o, a, b in cells if a < b}  # increasing: the chains are acyclic
    ends_at: dict[int, list[int]] = {}
    starts_at: dict[int, list[int]] = {}
    for a, b in pairs:
        ends_at.setdefault(b, []).append(a)
        starts_at.setdefault(a, []).append(b)

    @cache
    def back(a: int) -> int:  # the longest chain of intervals ending at ``a``
        return max((1 + back(x) for x in ends_at.get(a, ())), default=0)

    @cache
    def ahead(b: int) -> int:  # the longest chain of intervals starting at ``b``
        return max((1 + ahead(y) for y in starts_at.get(b, ())), default=0)

    chained = {(a, b) for a, b in pairs if back(a) + 1 + ahead(b) >= _MIN_CHAIN}
    return {o for o, a, b in cells if (a, b) in chained}


def _is_interval(text: str, pair: Pair, numbers: tuple[int, ...]) -> bool:
    """Two numbers with a unit after the bracket: "[30, 60] mm", "[15, 30] degrees"."""
    return (
        pair.kind == "["
        and len(numbers) == 2
        and "," in text[pair.open : pair.close]
        and _UNIT_AFTER.match(text, pair.close + 1) is not None
    )


def is_subscript(text: str, pair: Pair) -> bool:
    """A bracket glued to a one- or two-letter name or to an identifier ("S[255]"), or to
    any word on a line of source code ("if row[21]=='x':")."""
    if pair.open == 0 or text[pair.open - 1].isspace():
        return False
    if _SUBSCRIPT_BEFORE.search(text, max(0, pair.open - 24), pair.open) is not None:
        return True
    if _GLUED_WORD.search(text, max(0, pair.open - 40), pair.open) is None:
        return False
    line_start = text.rfind("\n", 0, pair.open) + 1
    line_end = text.find("\n", pair.close)
    return _is_code_line(text[line_start : line_end if line_end >= 0 else len(text)])


@lru_cache(maxsize=256)
def _is_code_line(line: str) -> bool:
    return _CODE_LINE.search(line) is not None


def drop_outliers(found: list[Found]) -> list[Found]:
    """Drop bracket groups citing numbers far above the document's dense range.

    Cited numbers of a real list fill 1..N almost completely; intervals ("[90, 150]")
    and stray years stick out above it.
    """
    distinct = sorted({f.number for f in found if f.number is not None})
    if len(distinct) < _MIN_FOR_OUTLIERS:
        return found
    dense = 0
    for count, n in enumerate(distinct, start=1):
        if count >= _DENSITY * n:
            dense = n
    limit = dense + max(_SLACK, dense // 4)
    too_high = {f.group for f in found if f.number is not None and f.number > limit}
    return [f for f in found if f.group not in too_high]


def looks_like_enumeration(text: str, pair: Pair) -> bool:
    """ "(1) first ... (2) second", equation numbers, counts next to another number
    ("7.5% (28)", "120 (45)" in a table): parenthesised numbers that are not citations."""
    if _QUANTITY_BEFORE.search(text, max(0, pair.open - 4), pair.open) is not None:
        # "published in 2022 (7)." cites after a year; "120 (45)" in a table counts
        year = _YEAR_BEFORE.search(text, max(0, pair.open - 8), pair.open)
        if year is None or text[pair.close + 1 : pair.close + 2] not in (".", ",", ";", ":", ""):
            return True
    line_start = text.rfind("\n", 0, pair.open) + 1
    line_end = text.find("\n", pair.close)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if "=" in line or "$" in line:
        return True
    before = text[max(line_start, pair.open - 12) : pair.open]
    after = text[pair.close + 1 : pair.close + 3]
    return _ENUM_BEFORE.search(before) is not None and after[:1].isspace() and after[1:2].isalpha()


def to_found(text: str, brackets: list[NumericBracket]) -> list[Found]:
    """Citations for numeric brackets; "[2]–[4]" also cites 3 and shares one span."""
    out: list[Found] = []
    i = 0
    while i < len(brackets):
        first = last = brackets[i]
        numbers = list(first.numbers)
        j = i + 1
        while first.single and j < len(brackets) and brackets[j].single:
            dash = BRACKET_RANGE_DASH.fullmatch(text, last.pair.close + 1, brackets[j].pair.open)
            nxt = brackets[j].numbers[0]
            if dash is None or not numbers[-1] < nxt <= numbers[-1] + MAX_EXPANSION:
                break
            numbers.extend(range(numbers[-1] + 1, nxt + 1))
            last = brackets[j]
            j += 1
        for n in numbers:
            out.append(
                Found(
                    start=first.pair.open,
                    end=last.pair.close + 1,
                    group=first.pair.open,
                    style="numeric",
                    number=n,
                    locator=first.locator,
                )
            )
        i = j
    return out
