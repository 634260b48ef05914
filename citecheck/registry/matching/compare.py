"""Comparing a reference with the record its DOI resolves to.

:func:`identity` answers "is this the same work?" (doi-mismatch);
:func:`field_differences` lists the fields that disagree when it is
(metadata-mismatch). Parsed fields are compared first; a difference is only kept
when the record's value is also absent from the raw reference string, so a
parser's mistake (volume read as issue, year taken from the title) is not
reported as the author's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from citecheck.model.document import Reference
from citecheck.registry.matching.authors import (
    AuthorDiff,
    compare_author_lists,
    name_in_text,
    surname_similarity,
)
from citecheck.registry.matching.containers import container_similarity
from citecheck.registry.matching.numbers import check_year, expand_pages, numbers_agree, pages_agree
from citecheck.registry.matching.record import RecordView
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.registry.matching.titles import TitleScore, title_similarity
from citecheck.text.doi import strip_identifiers
from citecheck.text.folding import numbers_in, squash, years_in

# Marks of a shortened author list: "et al.", Indonesian "dkk.", German "u. a.", ellipses.
_TRUNCATED = re.compile(r"\bet\.?\s?al\b|\bdkk\b|\bu\.\s?a\.|\bet\scoll?\b|\.\.\.|…", re.IGNORECASE)


@dataclass(frozen=True)
class AuthorScore:
    """First-author similarity and how it was measured."""

    score: float | None  # None: one side has no (personal) author
    reference: str | None
    record: str | None
    method: str  # "parsed", "text" or "none"


def author_zone(reference: Reference, title: TitleScore) -> str:
    """The part of the string where authors stand: before the title when it was found."""
    text = reference.text
    if title.method == "text" and title.text_start is not None and title.score >= 0.8:
        cut = int(title.text_start * len(text)) + 12
        return text[:cut]
    return text[: max(60, len(text) // 2)]


def first_author_score(reference: Reference, record: RecordView, title: TitleScore) -> AuthorScore:
    """Similarity of the reference's first author to the record's first author."""
    first = record.first_author
    if first is None or first.organisation:
        ref_first = reference.authors[0].family if reference.authors else None
        return AuthorScore(None, ref_first, first.family if first else None, "none")
    parsed = None
    ref_name = None
    if reference.authors and not reference.authors[0].corporate:
        ref_name = reference.authors[0].family
        parsed = surname_similarity(ref_name, first.family)
    in_text = name_in_text(first.family, author_zone(reference, title))
    if parsed is not None and parsed >= in_text:
        return AuthorScore(parsed, ref_name, first.family, "parsed")
    return AuthorScore(in_text, ref_name, first.family, "text")


@dataclass(frozen=True)
class Identity:
    """Title and first-author evidence that a record is (not) the cited work."""

    title: TitleScore
    author: AuthorScore
    numbers_agree: bool  # record volume and first page both occur in the string

    def mismatch(self, thresholds: Thresholds) -> bool:
        """True when title AND first author disagree beyond the thresholds."""
        if self.author.score is None or self.title.record_title is None:
            return False
        if self.numbers_agree:
            return False
        return (
            self.title.score < thresholds.mismatch_title
            and self.author.score < thresholds.mismatch_author
        )


def _numbers_in_text(reference: Reference, record: RecordView) -> bool:
    nums = set(numbers_in(strip_identifiers(reference.text)))
    pages = expand_pages(record.pages)
    if not record.volume or pages is None:
        return False
    vol = record.volume.lstrip("0")
    first = pages[0].lstrip("0")
    return vol in nums and first in nums


def identity(reference: Reference, record: RecordView) -> Identity:
    """Compare the reference with ``record`` on title and first author."""
    title = title_similarity(reference, record)
    author = first_author_score(reference, record, title)
    return Identity(title, author, _numbers_in_text(reference, record))


@dataclass(frozen=True)
class FieldDiff:
    """One field that disagrees, with both values."""

    field: str
    reference: Any
    record: Any
    detail: dict[str, Any] = dc_field(default_factory=dict)


def _written(reference: Reference, record: RecordView, *, besides: str) -> set[str]:
    """Numbers written in the reference that may stand for field ``besides``.

    The string without its DOIs and URLs, minus one occurrence of each number the
    record's title holds and of each number the parser assigned to the *other*
    fields: "22(3), 1-29" has no issue 1 even though "1" is written (it is the first
    page), while a parser that read the issue as the volume leaves the real volume
    over, so the author is not blamed for the parser's mistake.
    """
    left = Counter(numbers_in(strip_identifiers(reference.text)))
    left.subtract(Counter(numbers_in(record.full_title)))
    others = {
        "volume": reference.volume,
        "issue": reference.issue,
        "pages": reference.pages,
        "year": reference.year,
    }
    for name, value in others.items():
        if name != besides:
            left.subtract(Counter(numbers_in(value)))
    return {n for n, count in left.items() if count > 0}


def field_differences(
    reference: Reference, record: RecordView, thresholds: Thresholds
) -> list[FieldDiff]:
    """Every parsed field that disagrees with the record (title, authors, year, ...)."""
    out: list[FieldDiff] = []
    raw_years = {int(n) for n in _written(reference, record, besides="year") if years_in(n)}

    ident = identity(reference, record)
    if reference.title and ident.title.score < thresholds.title_differs:
        out.append(
            FieldDiff(
                "title",
                reference.title,
                record.full_title,
                {"similarity": round(ident.title.score, 3), "threshold": thresholds.title_differs},
            )
        )

    diff = compare_author_lists(
        reference.authors,
        record.authors,
        truncated=reference.et_al or bool(_TRUNCATED.search(reference.text)),
        same=thresholds.surname_same,
        similar=thresholds.surname_similar,
    )
    # A record name the parser lost or mangled is still written in the string.
    diff = AuthorDiff(
        misspelt=tuple(p for p in diff.misspelt if name_in_text(p[1], reference.text) < 1.0),
        missing=tuple(m for m in diff.missing if name_in_text(m, reference.text) < 1.0),
        extra=diff.extra,
    )
    named = [a for a in reference.authors if not a.corporate and a.family.strip()]
    # When no reference name matches any record name, the names were misread (or the
    # work is another one): nothing reliable to list.
    if not diff.empty and len(diff.extra) < len(named):
        detail: dict[str, Any] = {}
        if diff.misspelt:
            detail["misspelt"] = [{"reference": a, "record": b} for a, b in diff.misspelt]
        if diff.missing:
            detail["missing"] = list(diff.missing)
        if diff.extra:
            detail["extra"] = list(diff.extra)
        out.append(
            FieldDiff(
                "authors",
                [a.family for a in reference.authors],
                [a.family for a in record.authors],
                detail,
            )
        )

    year = check_year(reference.year, record)
    if year.status in ("near", "differ") and year.cited in raw_years:
        if not (raw_years & record.year_set()):
            out.append(
                FieldDiff(
                    "year",
                    reference.year,
                    sorted(record.year_set()),
                    {"record_dates": year.record_years},
                )
            )

    for name, ref_value, rec_value in (
        ("volume", reference.volume, record.volume),
        ("issue", reference.issue, record.issue),
    ):
        if numbers_agree(ref_value, rec_value) is False and rec_value is not None:
            if rec_value.lstrip("0") not in _written(reference, record, besides=name):
                out.append(FieldDiff(name, ref_value, rec_value))

    if pages_agree(reference.pages, record.pages) is False:
        rec_first = expand_pages(record.pages)
        raw_pages = _written(reference, record, besides="pages")
        first_digits = re.sub(r"\D", "", rec_first[0]).lstrip("0") if rec_first else ""
        if rec_first is not None and first_digits not in raw_pages:
            out.append(
                FieldDiff(
                    "pages",
                    reference.pages,
                    record.pages,
                    {
                        "reference_expanded": expand_pages(reference.pages),
                        "record_expanded": rec_first,
                    },
                )
            )

    if record.type in (None, "journal-article"):
        sim = container_similarity(reference.container, record)
        written = squash(strip_identifiers(reference.text))
        in_text = any(
            len(squash(n)) >= 4 and squash(n) in written
            for n in (*record.container, *record.short_container)
        )
        if sim is not None and sim < thresholds.container_differs and not in_text:
            out.append(
                FieldDiff(
                    "container",
                    reference.container,
                    (record.container or record.short_container or (None,))[0],
                    {
                        "similarity": round(sim, 3),
                        "threshold": thresholds.container_differs,
                        "record_short": list(record.short_container),
                    },
                )
            )
    return out
