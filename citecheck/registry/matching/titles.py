"""Title similarity between a reference and a registry record.

Two measures, the higher wins: the parsed reference title against the record's
title (with and without subtitle), and the record title aligned inside the whole
reference string. The second keeps a parser's mistake (title swallowed into the
authors, or cut at a colon) from looking like a different work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from citecheck.model.document import Reference
from citecheck.registry.matching.record import RecordView
from citecheck.text.folding import fold, norm, squash

# Record titles shorter than this (squashed characters) are not aligned fuzzily in
# the raw string, only found as exact whole words: fuzzy alignment of "Fire Ecology"
# succeeds by chance in too many references.
MIN_RAW_TITLE = 12
# Characters that end a title in a reference string.
_STOP = re.compile(r"[.?!;:\"\u201c\u201d\u00ab\u00bb()\[\],]")
_SUBTITLE = re.compile(r"[\w]*\s*[:;\u2013\u2014]\s*\w")
_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.?-?){1,3}")
_LEFT_STOP = re.compile(r"[.?!;\"\u201c\u201d\u00ab\u00bb()\[\],]")


@dataclass(frozen=True)
class TitleScore:
    """How similar the titles are and how that was measured."""

    score: float  # 0..1
    method: str  # "parsed" (reference title field) or "text" (aligned in the string)
    record_title: str | None
    reference_title: str | None
    text_start: float | None = (
        None  # where the aligned title starts in the squashed string (fraction)
    )


def record_title_variants(record: RecordView) -> list[str]:
    """Full title, main title, and the part before a colon (references drop subtitles)."""
    out: list[str] = []
    for t in (record.full_title, record.title):
        if t and t not in out:
            out.append(t)
    if record.title and ":" in record.title:
        head = record.title.split(":", 1)[0]
        if len(squash(head)) >= 20:
            out.append(head)
    return out


def _squash_map(text: str) -> tuple[str, list[int]]:
    """:func:`squash` of ``text`` with, for every kept character, its index in ``text``."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for f in fold(ch):
            if f.isalnum():
                chars.append(f)
                index.append(i)
    return "".join(chars), index


def _is_stop(word: str) -> bool:
    return bool(_STOP.search(word)) or word.strip("()[].,").isdigit()


def _overhang(text: str, start: int, end: int) -> int:
    """Letters of the phrase around ``text[start:end]`` that the span leaves out.

    The phrase extends word by word to the nearest punctuation or number on each
    side, so a record title that is only part of the cited title ("Introduction to
    the special issue" inside "Introduction to the special issue on ...") leaves
    letters over; a complete title leaves none.
    """
    # An alignment of fixed length spills a letter or two into the next word when the
    # reference misspells the title by a letter ("acess path"): that spill is not the
    # start of more title, so the span ends before it (likewise at the start).
    spill = end
    while spill > start and text[spill - 1].isalnum():
        spill -= 1
    if end < len(text) and text[end].isalnum() and 0 < end - spill <= 2 and spill > start:
        end = spill
        while end > start and not text[end - 1].isalnum():
            end -= 1
    lead = start
    while lead < end and text[lead].isalnum():
        lead += 1
    if start > 0 and text[start - 1].isalnum() and 0 < lead - start <= 2 and lead < end:
        start = lead
        while start < end and not text[start].isalnum():
            start += 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    extra = 0
    # On the left a colon bounds the title only after an author list ("Powell LV:
    # Caries prediction"), not inside a title ("Positive psychology: An introduction").
    before = text[:start].split()
    for word in reversed(before):
        if _LEFT_STOP.search(word) or word.strip("()[].,").isdigit():
            extra += len(squash(_LEFT_STOP.split(word)[-1]))
            break
        if word.endswith(":") and _INITIALS.fullmatch(word[:-1]):
            break
        extra += len(squash(word))
    after = text[end:].split()
    if after and end < len(text) and not text[end].isspace() and _STOP.match(text[end]):
        return extra
    for word in after:
        if _is_stop(word):
            extra += len(squash(_STOP.split(word)[0]))
            break
        extra += len(squash(word))
    return extra


def _aligned(
    variant: str, reference_text: str, *, head: bool = False
) -> tuple[float, float] | None:
    """(score, start fraction) of ``variant`` aligned in the string, coverage-weighted."""
    sv = squash(variant)
    text, index = _squash_map(reference_text)
    if not sv or not text or len(sv) > len(text) + 5:
        return None
    if len(sv) < MIN_RAW_TITLE:
        # Short titles ("U2", "Meng Hao-jan") only count as exact whole words.
        words = f" {norm(reference_text)} "
        if f" {norm(variant)} " not in words:
            return None
        found = text.find(sv)
        score, start, end = 1.0, found, found + len(sv)
    else:
        al = fuzz.partial_ratio_alignment(sv, text)
        if al is None:
            return None
        score, start, end = al.score / 100.0, al.dest_start, al.dest_end
    if start < 0 or end <= start:
        return None
    if head and _SUBTITLE.match(reference_text[index[end - 1] + 1 :]):
        # The record's main title, but the reference goes on with its own subtitle:
        # only the full title may match then.
        return None
    extra = _overhang(reference_text, index[start], index[end - 1] + 1)
    return score * len(sv) / (len(sv) + extra), start / len(text)


def title_similarity(reference: Reference, record: RecordView) -> TitleScore:
    """The best title similarity over both measures (0 when the record has no title)."""
    variants = record_title_variants(record)
    if not variants:
        return TitleScore(0.0, "none", None, reference.title)
    best = TitleScore(0.0, "none", record.full_title, reference.title)
    if reference.title and norm(reference.title):
        ref_t = norm(reference.title)
        for v in variants:
            score = fuzz.ratio(ref_t, norm(v)) / 100.0
            if score > best.score:
                best = TitleScore(score, "parsed", record.full_title, reference.title)
    for v in variants:
        found = _aligned(v, reference.text, head=v != record.full_title)
        if found is not None and found[0] > best.score:
            best = TitleScore(found[0], "text", record.full_title, reference.title, found[1])
    return best
