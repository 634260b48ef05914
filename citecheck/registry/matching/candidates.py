"""Validating registry search hits for a reference (missing-doi, unverified-reference).

A bibliographic search always returns something (Crossref's top hit for a
non-existent "Foo and Bar (2003)" is "Reference to the Non-Existent"), so every hit
is validated against the reference, in the spirit of Crossref's own
search-based matching with validation: the title must agree, the first author must
not disagree, and year, volume, pages and container add support or contradict.
A hit is *accepted* (its DOI may be suggested) when its score reaches
``Thresholds.accept`` with a title at least ``Thresholds.candidate_title`` and no
contradiction; it is *plausible* (the reference is not called unverified) when its
score reaches ``Thresholds.plausible``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from citecheck.model.document import Reference
from citecheck.registry.matching.compare import first_author_score
from citecheck.registry.matching.containers import container_similarity
from citecheck.registry.matching.numbers import cited_year, expand_pages, numbers_agree, pages_agree
from citecheck.registry.matching.record import RecordView, view
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.registry.matching.titles import title_similarity
from citecheck.text.doi import strip_identifiers
from citecheck.text.folding import numbers_in, squash, tokens, years_in

# Records that are never the cited work itself: parts of works, issues, reviews.
EXCLUDED_TYPES = frozenset(
    {
        "journal-issue",
        "journal-volume",
        "journal",
        "component",
        "peer-review",
        "grant",
        "proceedings-series",
        "book-series",
        "report-series",
        "standard-series",
        "book-set",
        "book-track",
        "book-part",
    }
)
_PREPRINT_WORDS = re.compile(
    r"preprint|biorxiv|medrxiv|arxiv|ssrn|research\s*square|chemrxiv|psyarxiv|osf|"
    r"socarxiv|edarxiv|preprints\.org|techrxiv|zenodo|posted",
    re.IGNORECASE,
)
# Two accepted hits of different works closer than this are a tie: suggest neither.
AMBIGUOUS_GAP = 0.05


@dataclass(frozen=True)
class Validation:
    """The evidence on one search hit; decisions are taken against thresholds."""

    record: RecordView
    score: float  # 0..1, the confidence that the hit is the cited work
    title_score: float
    author_score: float | None  # None: not comparable (no personal author)
    signals: dict[str, Any] = field(default_factory=dict)
    conflicts: tuple[str, ...] = ()  # contradictions other than title and author
    hard: bool = False  # a conflict no score outweighs (type, preprint, year)
    support: int = 0  # how many of year, volume, pages, container agree
    # The reference cites no year and no author that could be compared (none, or one
    # that is a word of the record's title): only its title can match.
    title_only: bool = False
    title_words: int = 0  # words of the record's title

    def title_only_match(self, thresholds: Thresholds) -> bool:
        """A reference that gives only a title, and a hit with nearly that title."""
        return (
            self.title_only
            and not self.hard
            and self.title_score >= thresholds.title_only
            and self.title_words >= thresholds.title_only_words
        )

    def reasons(self, thresholds: Thresholds) -> tuple[str, ...]:
        """Why this hit is not (fully) the cited work; empty when it is."""
        out: list[str] = []
        if self.title_score < thresholds.candidate_title:
            out.append(f"title similarity {self.title_score:.2f} < {thresholds.candidate_title}")
        if self.author_score is not None and self.author_score < thresholds.candidate_author:
            who = self.signals.get("first_author", {}).get("record")
            out.append(
                f"first author '{who}' not in the reference "
                f"(similarity {self.author_score:.2f} < {thresholds.candidate_author})"
            )
        # Without a personal author to compare, the title needs two more agreeing
        # fields: registries hold many author-less "Editorial" or "Awards" records.
        needed = 2 if self.author_score is None else 1
        if not self.conflicts and self.support < needed:
            out.append(f"only {self.support} of year, volume, pages, venue agree (need {needed})")
        return (*out, *self.conflicts)

    def accepted(self, thresholds: Thresholds) -> bool:
        """The hit is the cited work: its DOI may be suggested."""
        return not self.reasons(thresholds) and self.score >= thresholds.accept

    def plausible(self, thresholds: Thresholds) -> bool:
        """The hit may well be the cited work: do not call the reference unverified."""
        return (
            self.accepted(thresholds)
            or (
                not self.hard
                and self.score >= thresholds.plausible
                and self.title_score >= thresholds.plausible_title
            )
            or self.title_only_match(thresholds)
        )


def _outside_title(values: list[str], record: RecordView) -> set[str]:
    """``values`` minus one occurrence of each number written in the record's title
    (a year or count in the title is not the publication year or volume)."""
    left = Counter(values)
    left.subtract(Counter(numbers_in(record.full_title)))
    return {v for v, n in left.items() if n > 0}


def _cites_year(reference: Reference, record: RecordView) -> bool:
    """Whether the reference gives a year outside the record's title."""
    if cited_year(reference.year) is not None:
        return True
    return bool(
        _outside_title([str(y) for y in years_in(strip_identifiers(reference.text))], record)
    )


def _author_is_title_word(reference: Reference, record: RecordView) -> bool:
    """The reference's only "author" is words of the record's title: a title opening
    such as 'PEDLA:' read as a name, or a whole title read as a corporate author."""
    if len(reference.authors) != 1:
        return False
    name = tokens(reference.authors[0].family)
    title = tokens(record.full_title)
    n = len(name)
    return n > 0 and any(title[i : i + n] == name for i in range(len(title) - n + 1))


def _year_signal(reference: Reference, record: RecordView) -> tuple[float, str]:
    years = record.year_set()
    parsed = cited_year(reference.year)
    written = [str(y) for y in years_in(strip_identifiers(reference.text))]
    in_text = {int(y) for y in _outside_title(written, record)}
    # A parsed year is trusted unless the string also carries one of the record's
    # years (then the parser probably took a year from the title or a date).
    cited = {parsed} if parsed is not None and not (in_text & years) else in_text
    if not years or not cited:
        return 0.0, "unknown"
    if cited & years:
        return 1.0, "exact"
    if any(abs(a - b) <= 1 for a in cited for b in years):
        return 0.5, "near"
    return -1.0, "differ"


def _number_signal(
    ref_value: str | None, rec_value: str | None, raw: set[str]
) -> tuple[float, str]:
    """+1 agree, -1 parsed disagreement, 0 not comparable (raw presence counts as agree)."""
    if not rec_value:
        return 0.0, "unknown"
    parsed = numbers_agree(ref_value, rec_value)
    if parsed is True:
        return 1.0, "agree"
    if rec_value.lstrip("0") in raw:
        return 1.0, "in-text"  # also when the parser put another number in the field
    if parsed is False:
        return -1.0, "differ"
    return 0.0, "unknown"


def _page_signal(reference: Reference, record: RecordView, raw: set[str]) -> tuple[float, str]:
    parsed = pages_agree(reference.pages, record.pages)
    if parsed is True:
        return 1.0, "agree"
    pages = expand_pages(record.pages)
    if pages is not None and re.sub(r"\D", "", pages[0]).lstrip("0") in raw:
        return 1.0, "in-text"
    if parsed is False:
        return -1.0, "differ"
    return 0.0, "unknown"


def _container_signal(reference: Reference, record: RecordView) -> tuple[float, str]:
    sim = container_similarity(reference.container, record)
    if sim is not None and sim >= 0.8:
        return 1.0, "agree"
    text = squash(reference.text)
    names = [squash(n) for n in (*record.container, *record.short_container)]
    if any(len(n) >= 4 and n in text for n in names):
        return 1.0, "in-text"
    if sim is not None:
        return (-0.5, "differ") if sim < 0.5 else (0.0, "weak")
    return 0.0, "unknown"


def _cites_preprint(reference: Reference) -> bool:
    return bool(_PREPRINT_WORDS.search(reference.text)) or reference.kind == "preprint"


def validate(reference: Reference, record: dict[str, Any]) -> Validation:
    """Score one search hit against ``reference``."""
    rec = view(record)
    title = title_similarity(reference, rec)
    author = first_author_score(reference, rec, title)
    raw = _outside_title(numbers_in(strip_identifiers(reference.text)), rec)
    year_v, year_s = _year_signal(reference, rec)
    vol_v, vol_s = _number_signal(reference.volume, rec.volume, raw)
    page_v, page_s = _page_signal(reference, rec, raw)
    cont_v, cont_s = _container_signal(reference, rec)
    conflicts: list[str] = []
    if year_s == "differ":
        conflicts.append(f"year {sorted(rec.year_set())} differs from the cited year")
    if rec.type in EXCLUDED_TYPES:
        conflicts.append(f"record type '{rec.type}' is not a citable work")
    if rec.is_preprint and not _cites_preprint(reference):
        conflicts.append("record is a preprint but the reference is not")
    hard = bool(conflicts)
    for name, status in (("volume", vol_s), ("pages", page_s), ("container", cont_s)):
        if status == "differ":
            conflicts.append(f"{name} differs")
    a = 0.5 if author.score is None else author.score
    support = [max(v, 0.0) for v in (year_v, vol_v, page_v, cont_v)]
    contra = [min(v, 0.0) for v in (year_v, vol_v, page_v, cont_v)]
    score = 0.5 * title.score + 0.25 * a + 0.25 * (sum(support) / 4) + 0.25 * sum(contra)
    signals: dict[str, Any] = {
        "title": {
            "score": round(title.score, 3),
            "record": rec.full_title,
            "reference": reference.title,
            "method": title.method,
        },
        "first_author": {
            "score": None if author.score is None else round(author.score, 3),
            "record": author.record,
            "reference": author.reference,
        },
        "year": {"status": year_s, "record": rec.years, "reference": reference.year},
        "volume": {"status": vol_s, "record": rec.volume, "reference": reference.volume},
        "pages": {"status": page_s, "record": rec.pages, "reference": reference.pages},
        "container": {
            "status": cont_s,
            "record": (rec.container or (None,))[0],
            "reference": reference.container,
        },
        "type": rec.type,
    }
    title_only = not _cites_year(reference, rec) and (
        not reference.authors or _author_is_title_word(reference, rec)
    )
    return Validation(
        rec,
        max(0.0, min(1.0, score)),
        title.score,
        author.score,
        signals,
        tuple(conflicts),
        hard,
        sum(1 for v in support if v > 0),
        title_only,
        len(re.findall(r"[^\W_]+", rec.full_title or "")),
    )


@dataclass(frozen=True)
class Verdict:
    """The outcome of validating all hits of one search."""

    accepted: Validation | None  # best accepted hit
    best: Validation | None  # best-scoring hit overall (accepted or not)
    plausible: bool  # some hit is plausible: do not call the reference unverified
    ambiguous: bool = False  # two accepted hits with different DOIs scored alike


def judge(
    reference: Reference, records: Iterable[dict[str, Any]], thresholds: Thresholds
) -> Verdict:
    """Validate every hit; pick the accepted one, refusing near-ties between works."""
    checked = sorted(
        (validate(reference, r) for r in records),
        key=lambda v: (-v.score, v.record.doi or ""),
    )
    return decide(checked, thresholds)


def decide(checked: list[Validation], thresholds: Thresholds) -> Verdict:
    """The verdict on validations sorted best first."""
    if not checked:
        return Verdict(None, None, False)
    accepted = [v for v in checked if v.accepted(thresholds)]
    plausible = any(v.plausible(thresholds) for v in checked)
    if not accepted:
        return Verdict(None, checked[0], plausible)
    top = accepted[0]
    rivals = [v for v in accepted[1:] if v.record.doi != top.record.doi]
    if rivals and top.score - rivals[0].score < AMBIGUOUS_GAP:
        return Verdict(None, top, True, ambiguous=True)
    return Verdict(top, top, True)
