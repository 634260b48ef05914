"""Title similarity between a reference and a registry record.

Two measures, the higher wins: the parsed reference title against the record's
title (with and without subtitle), and the record title aligned inside the whole
reference string. The second keeps a parser's mistake (title swallowed into the
authors, or cut at a colon) from looking like a different work.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from citecheck.document import Reference
from citecheck.matching.record import RecordView
from citecheck.matching.text import norm, squash

# Record titles shorter than this (squashed characters) are not searched for in
# the raw string: "Fire Ecology" occurs by chance in too many references.
MIN_RAW_TITLE = 12


@dataclass(frozen=True)
class TitleScore:
    """How similar the titles are and how that was measured."""

    score: float  # 0..1
    method: str  # "parsed" (reference title field) or "text" (aligned in the string)
    record_title: str | None
    reference_title: str | None
    text_start: float | None = None  # where the aligned title starts in the squashed string (fraction)


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
    text = squash(reference.text)
    for v in variants:
        sv = squash(v)
        if len(sv) < MIN_RAW_TITLE or len(sv) > len(text) + 5:
            continue
        aligned = fuzz.partial_ratio_alignment(sv, text)
        if aligned is None:
            continue
        score = aligned.score / 100.0
        if score > best.score:
            start = aligned.dest_start / max(len(text), 1)
            best = TitleScore(score, "text", record.full_title, reference.title, start)
    return best
