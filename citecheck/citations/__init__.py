"""In-text citation extraction from running text (author-year and numeric styles).

Contract used by every text-based loader::

    extract_citations(text, *, path, index=None, mode="auto") -> list[Citation]

``text`` is the manuscript body with regions that are not prose (the bibliography
section, code blocks, HTML comments, YAML front matter) blanked out with spaces of
the same length, so offsets and line/column numbers still point into the file.

Each returned :class:`~citecheck.model.document.Citation` satisfies
``text[c.start:c.end] == c.text``. A parenthetical group yields one citation per
cited work (sharing ``group``); a work cited with several years ("Smith, 2019,
2020a") or a numeric range ("[1–5]") yields one citation per year or number, all
with the same span. ``mode="auto"`` decides per document whether bracketed numbers
are citations: "[n]" when they outnumber author-year citations, "(n)" only when the document has no "[n]" citations and clearly cites
by number. Superscript numbers ("cancer.¹⁻³", ``^1,2^``, ``<sup>1</sup>``, and
the raised runs a loader passes as ``superscripts``) cite when they outnumber both
author-year citations and "[n]" brackets and either the reference list is numbered
(``numbered_references``) or there are enough of them
(:mod:`citecheck.citations.superscript`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from typing import Literal

from citecheck.citations.authoryear import extract_author_year
from citecheck.citations.brackets import Pair, find_pairs
from citecheck.citations.cap import cap_text
from citecheck.citations.found import Found
from citecheck.citations.known import is_known, known_keys
from citecheck.citations.numeric import (
    drop_outliers,
    looks_like_enumeration,
    numeric_brackets,
    to_found,
)
from citecheck.citations.sentences import SentenceIndex
from citecheck.citations.superscript import (
    after_digit_names,
    next_in_order,
    superscript_citations,
    to_nfc_offset,
)
from citecheck.model.document import Citation, LineIndex
from citecheck.text.labels import label_brackets
from citecheck.text.unicode import to_nfc

__all__ = ["extract_citations"]

Mode = Literal["auto", "author-year", "numeric"]

# "(n)" counts only with at least this many distinct numbers and this share over
# author-year citations; equations and enumerations use small, repeated numbers.
_PAREN_MIN_DISTINCT = 3
_PAREN_OVER_AUTHOR_YEAR = 2
_PAREN_OVER_SQUARE = 4  # round-bracket numbers win over this many times fewer square ones
# Without a numbered reference list, superscripts cite only with this many marks
# citing this many distinct numbers: a lone raised "2" may be a footnote or exponent.
_SUP_MIN_GROUPS = 2
_SUP_MIN_DISTINCT = 2


def _superscripts_cite(sup: list[Found], square: int, author_year: int, numbered: bool) -> bool:
    groups = len({f.group for f in sup})
    distinct = len({f.number for f in sup})
    enough = numbered or (groups >= _SUP_MIN_GROUPS and distinct >= _SUP_MIN_DISTINCT)
    return bool(sup) and enough and groups > max(author_year, square)


def _numeric(
    text: str,
    pairs: list[Pair],
    mode: Mode,
    author_year: int,
    sup: list[Found],
    numbered: bool,
) -> list[Found]:
    if mode == "author-year":
        return []
    rest = _bracketed(text, pairs, mode, author_year)
    if mode == "numeric" and sup:
        return drop_outliers(sup + rest)
    square = len(numeric_brackets(text, pairs, "["))
    if _superscripts_cite(sup, square, author_year, numbered):
        return drop_outliers(sup)
    return rest


def _bracketed(text: str, pairs: list, mode: Mode, author_year: int) -> list[Found]:  # type: ignore[type-arg]
    square = numeric_brackets(text, pairs, "[")
    square_groups = len(square)
    paren = [
        b for b in numeric_brackets(text, pairs, "(") if not looks_like_enumeration(text, b.pair)
    ]
    distinct = {n for b in paren for n in b.numbers}
    if square and (mode == "numeric" or square_groups > author_year):
        # a stray "[1]" (printed R output, a footnote mark) beside a text that cites
        # "(1)" ... "(11)": the round brackets are the citations
        if (
            len(paren) >= _PAREN_OVER_SQUARE * square_groups
            and len(distinct) >= _PAREN_MIN_DISTINCT
            and len(paren) >= _PAREN_OVER_AUTHOR_YEAR * max(author_year, 1)
        ):
            return drop_outliers(to_found(text, paren))
        return drop_outliers(to_found(text, square))
    if square_groups:
        return []
    clearly = len(distinct) >= _PAREN_MIN_DISTINCT and len(paren) >= _PAREN_OVER_AUTHOR_YEAR * max(
        author_year, 1
    )
    if paren and (clearly or (mode == "numeric" and author_year == 0)):
        return drop_outliers(to_found(text, paren))
    return []


def _without_labels(text: str, found: list[Found], numbers: list[Found]) -> list[Found]:
    """Drop "Dicko (2008)" in "Dicko (2008) [21]": a label of the numeric citation right
    after it (tables of numeric reviews), not a second citation of the work."""
    starts = sorted({f.start for f in numbers})

    def labels(f: Found) -> bool:
        i = bisect.bisect_left(starts, f.end)
        return i < len(starts) and starts[i] - f.end <= 3 and not text[f.end : starts[i]].strip()

    return [f for f in found if not (f.narrative and labels(f))]


# Pandoc's citeproc prints a key its database lacks as the key and a question mark:
# "(Schorn2009?)", "(Smith, 2019; Lee2020a?)". In a printed manuscript (DOCX, text)
# such a piece is a citation of a work the list does not hold.
_UNRESOLVED_KEY = re.compile(r"\s*(?P<key>[^\W\d_][\w:.'’-]*?(?:1[5-9]|20)\d\d[a-z]?[\w:.-]*)\?\s*")


def _unresolved_keys(text: str, pairs: list[Pair]) -> list[Found]:
    """Key citations for citeproc's marks of keys it could not find."""
    out: list[Found] = []
    for pair in pairs:
        if pair.kind != "(" or "?" not in text[pair.open : pair.close]:
            continue
        pos = pair.open + 1
        for piece in text[pair.open + 1 : pair.close].split(";"):
            m = _UNRESOLVED_KEY.fullmatch(piece)
            if m is not None:
                at = pos + m.start("key")
                out.append(
                    Found(
                        start=at,
                        end=pos + m.end("key") + 1,
                        group=pair.open,
                        style="key",
                        key=m.group("key"),
                    )
                )
            pos += len(piece) + 1
    return out


def _with_label_citations(text: str, found: list[Found], labels: Collection[str]) -> list[Found]:
    """``found`` outside the brackets of alphabetic labels, plus one key citation per label."""
    brackets = label_brackets(text, labels)
    if not brackets:
        return found
    starts = [a for a, _b, _parts in brackets]

    def inside(f: Found) -> bool:
        i = bisect.bisect_right(starts, f.start) - 1
        return i >= 0 and f.start < brackets[i][1]

    keyed = [
        Found(start=at, end=at + len(token), group=a, style="key", key=token)
        for a, _b, parts in brackets
        for token, at in parts
    ]
    return [f for f in found if not inside(f)] + keyed


_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»“"  # "„...“" closes with U+201C
_WORDS_AFTER = 3  # the quotation goes on after the citation by at least this many words


def _inside_quotation(text: str, start: int, end: int) -> bool:
    """The span lies in a passage quoted from another author that goes on after it:
    '... afirma que, "... gradual (Autor, 1926; Outro, 2000). Talvez ..."'."""
    para_start = text.rfind("\n\n", 0, start) + 1
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[para_start:start]
    after = text[end:para_end]
    curly_open = sum(before.count(q) for q in "“«") - sum(before.count(q) for q in "”»")
    straight_open = before.count('"') % 2 == 1
    if curly_open > 0:
        close = min((i for i in (after.find("”"), after.find("»")) if i >= 0), default=-1)
    elif straight_open:
        close = after.find('"')
    else:
        return False
    if close < 0:
        return False
    return len(after[:close].split()) >= _WORDS_AFTER


def _without_quoted_unlisted(text: str, found: list[Found], known: frozenset[str]) -> list[Found]:
    """Drop citations inside a quoted passage whose first author the list does not name:
    the quoted author's sources, not the manuscript's (a long quotation in a footnote)."""
    if not known:
        return found
    return [
        f
        for f in found
        if not (
            f.style == "author-year"
            and f.authors
            and not is_known(f.authors[0], known)
            and _inside_quotation(text, f.start, f.end)
        )
    ]


def extract_citations(
    text: str,
    *,
    path: str,
    index: LineIndex | None = None,
    mode: Mode = "auto",
    superscripts: Sequence[tuple[int, int]] = (),
    numbered_references: bool = False,
    listed_authors: Collection[str] = (),
    labels: Collection[str] = (),
) -> list[Citation]:
    """All in-text citations of ``text`` in document order (see the module docstring).

    ``superscripts`` are (start, end) offsets of text the source printed raised (DOCX
    superscript runs); ``numbered_references`` says the reference list is numbered.
    ``listed_authors`` are the first authors (and abbreviations) of the reference
    entries: such a name is an author even where the word lists take it for a place
    or label ("(Republik Indonesia, 2014)", "The Lancet (2010)", "(WHO 2008)").
    ``labels`` are the alphabetic labels of a list that labels its entries so
    (:mod:`citecheck.text.labels`): brackets of such labels ("[BrDu15; Ecke08]") are
    key citations, and nothing else is read inside them.
    """
    text = cap_text(text)  # bounded work on any size: past the cap, blanks
    original = text
    # Decomposed text ("u" + U+0308) reads as NFC; spans are mapped back to ``original``.
    nfc = to_nfc(text)
    if nfc is not None:
        text = nfc[0]
        superscripts = [
            (to_nfc_offset(nfc[1], a), to_nfc_offset(nfc[1], b)) for a, b in superscripts
        ]
    pairs = find_pairs(text)
    known = known_keys(listed_authors)
    found = (
        []
        if mode == "numeric"
        else _without_quoted_unlisted(text, extract_author_year(text, pairs, known), known)
    )
    author_year_groups = len({f.group for f in found})
    sup = [] if mode == "author-year" else superscript_citations(text, superscripts)
    numbers = _numeric(text, pairs, mode, author_year_groups, sup, numbered_references)
    raised = {f.start for f in sup}
    if numbers and all(f.start in raised for f in numbers):
        # the document cites by raised numbers: a raised "7" after "H3" that is the next
        # number in order is a citation, not an exponent
        numbers = sorted(
            numbers + next_in_order(numbers, after_digit_names(text, superscripts)),
            key=lambda f: f.start,
        )
    if numbers and found:
        found = _without_labels(text, found, numbers)
    found.extend(numbers)
    if labels:
        found = _with_label_citations(text, found, labels)
    if mode != "numeric":
        found.extend(_unresolved_keys(text, pairs))
    found.sort(key=lambda f: (f.start, f.group, f.end))
    index = index or LineIndex(original)
    sentences = SentenceIndex(text)
    groups: dict[int, int] = {}
    out: list[Citation] = []
    for f in found:
        group = groups.setdefault(f.group, len(groups) + 1)
        start, end = (nfc[1].start(f.start), nfc[1].end(f.end)) if nfc else (f.start, f.end)
        out.append(
            Citation(
                text=original[start:end],
                style=f.style,
                authors=f.authors,
                et_al=f.et_al,
                year=f.year,
                number=f.number,
                narrative=f.narrative,
                prefix=f.prefix,
                locator=f.locator,
                group=group,
                start=start,
                end=end,
                location=index.location(path, start),
                sentence=sentences.sentence(f.start, f.end),
                abbreviation=f.abbreviation,
                key=f.key,
            )
        )
    return out
