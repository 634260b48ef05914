"""How well one author-year citation fits one reference.

An :class:`Assessment` puts the pair in a bucket (0 exact, 1 year differs, 2 a name
differs) and ranks it; the evidence it produces is what findings show to people.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from citecheck.linking.printed import fits_printed
from citecheck.model.links import NameEvidence, NamePair, YearAgreement
from citecheck.text.names import EXACT, FUZZY, NONE, VARIANT, NameKey, NameMatch, compare
from citecheck.text.years import Year, agreement, distance

# How much each disagreement weighs when two imperfect candidates compete.
_WEIGHTS = {
    "misspelt": 1,
    "missing-coauthor": 1,
    "extra-coauthor": 1,
    "order": 1,
    "et-al-few-authors": 1,
    "coauthor-differs": 2,
}


@dataclass(frozen=True)
class Cited:
    """A citation's parsed names and year."""

    names: tuple[NameKey, ...]
    et_al: bool
    year: Year


@dataclass(frozen=True)
class Listed:
    """A reference's parsed names and year."""

    index: int
    names: tuple[NameKey, ...]
    et_al: bool
    year: Year
    more_in_text: bool = False  # the entry's text suggests more authors than were parsed
    printed: tuple[tuple[str, ...], ...] = ()  # the author pieces as printed (linking.printed)
    # Other years the entry prints in brackets: "(Original work published 1900)", a
    # second work of the same authors inside one entry ("... (2022). Title. (2023). ...").
    other_years: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Assessment:
    """One citation against one reference."""

    ref: int
    bucket: int
    year_score: int
    quality: float
    problems: tuple[str, ...]
    compared: tuple[tuple[str, str, NameMatch], ...]  # (cited, listed, match)
    substitution: bool  # a cited co-author matches no listed author
    year_gap: int
    threshold: float

    @property
    def rank(self) -> tuple[int, int, int, float, int]:
        """Lower is better: bucket, year agreement, disagreements, name quality, year gap."""
        weight = sum(_WEIGHTS.get(p, 1) for p in self.problems)
        return (self.bucket, -self.year_score, weight, -round(self.quality, 2), self.year_gap)

    def evidence(
        self,
        cit: Cited,
        listed: Sequence[Listed],
        *,
        et_al_convention: str | None = None,
        cited_exactly_elsewhere: bool | None = None,
    ) -> NameEvidence:
        """What was compared, for findings."""
        ref = listed[self.ref]
        agreement: dict[int, YearAgreement] = {2: "exact", 1: "compatible", 0: "different"}
        return NameEvidence(
            cited_authors=tuple(n.display for n in cit.names),
            cited_et_al=cit.et_al,
            cited_year=cit.year.text or None,
            listed_authors=tuple(n.display for n in ref.names),
            listed_et_al=ref.et_al,
            listed_year=ref.year.text or None,
            year_agreement=agreement[self.year_score],
            names=tuple(
                NamePair(
                    cited=c,
                    listed=r,
                    how=m.how,
                    score=round(m.score, 1),
                    threshold=self.threshold if m.tier == FUZZY else None,
                )
                for c, r, m in self.compared
            ),
            problems=self.problems,
            et_al_convention=et_al_convention,
            cited_exactly_elsewhere=cited_exactly_elsewhere,
        )


def _match(c: NameKey, r: NameKey, threshold: float, abbr: Mapping[str, NameKey]) -> NameMatch:
    """Compare names, also through abbreviations declared elsewhere in the document."""
    m = compare(c, r, threshold)
    if m.tier >= VARIANT:
        return m
    for short, other in ((c, r), (r, c)):
        expanded = abbr.get(short.full)
        if expanded is not None and expanded is not short:
            if compare(expanded, other, threshold).tier >= VARIANT:
                return NameMatch(VARIANT, 99.0, "declared abbreviation")
    return m


def assess(
    cit: Cited, ref: Listed, threshold: float, abbr: Mapping[str, NameKey]
) -> Assessment | None:
    """The fit of ``cit`` to ``ref``, or None when the first author does not match."""
    if not cit.names or not ref.names:
        return None
    if not cit.et_al and fits_printed(cit.names, ref.printed):
        # the parser's reading of an ambiguous author block is not the one meant
        return _as_printed(cit, ref, threshold)
    first = _match(cit.names[0], ref.names[0], threshold, abbr)
    if first.tier == NONE and not _near_with_coauthor(cit, ref, threshold, abbr):
        return None
    if first.tier == NONE:
        # a one-letter slip in a short name ("Lu" for "Li") counts only when a
        # co-author and the year confirm the work
        first = NameMatch(FUZZY, first.score, "fuzzy (co-author confirms)")
    problems: list[str] = []
    compared = [(cit.names[0].display, ref.names[0].display, first)]
    substitution = False
    if first.tier == FUZZY:
        problems.append("misspelt")
    n_cited, n_listed = len(cit.names), len(ref.names)
    for i in range(1, n_cited):
        if i >= n_listed:
            if not ref.et_al:
                problems.append("extra-coauthor")
                substitution = True
            continue
        m = _match(cit.names[i], ref.names[i], threshold, abbr)
        if m.tier == NONE:
            elsewhere = [
                j
                for j in range(n_listed)
                if j != i and compare(cit.names[i], ref.names[j], threshold).tier >= VARIANT
            ]
            problems.append("order" if elsewhere else "coauthor-differs")
            substitution = substitution or not elsewhere
        elif m.tier == FUZZY:
            problems.append("misspelt")
        compared.append((cit.names[i].display, ref.names[i].display, m))
    # a truncated list ("Smith, J., et al.") has at least one more author
    at_least = n_listed + (1 if ref.et_al else 0)
    if cit.et_al and at_least < 3 and not ref.et_al and not ref.more_in_text:
        problems.append("et-al-few-authors")
    if not cit.et_al and n_cited < at_least:
        problems.append("missing-coauthor")
    year_score = _year_score(cit, ref)
    if (
        not year_score
        and first.how == "compound"
        and len(cit.names[0].tokens) > len(ref.names[0].tokens)
    ):
        # "Termómetro Social (2020)" against "Social, U. (2019)": the text names more
        # than the entry, and the year differs too: too little in common for a typo.
        return None
    names_ok = not problems
    if names_ok:
        bucket = 0 if year_score else 1
    elif year_score and not (first.tier == FUZZY and substitution):
        bucket = 2
    else:
        # a misspelt name *and* another year or another co-author: too little in common
        return None
    quality = sum(m.score for _, _, m in compared) / len(compared)
    return Assessment(
        ref=ref.index,
        bucket=bucket,
        year_score=year_score,
        quality=quality,
        problems=tuple(problems),
        compared=tuple(compared),
        substitution=substitution,
        year_gap=distance(cit.year, ref.year),
        threshold=threshold,
    )


def _year_score(cit: Cited, ref: Listed) -> int:
    """:func:`agreement`, where a year the entry prints too (an original year, a second
    work inside the entry) is compatible: never a typo to fix."""
    score = agreement(cit.year, ref.year)
    if not score and cit.year.kind == "year" and cit.year.years & ref.other_years:
        return 1
    return score


def _as_printed(cit: Cited, ref: Listed, threshold: float) -> Assessment:
    """Every cited name ends a printed piece of the entry's author block."""
    year_score = _year_score(cit, ref)
    match = NameMatch(EXACT, 100.0, "as printed")
    # "Suzuki & Matsuo" ends the pieces of "Masahiro Suzuki, T. K., & Matsuo, Y." but is
    # the whole of "Suzuki, M., & Matsuo, Y.": the entry that names no more wins a tie
    whole = len(cit.names) <= len(ref.names) and all(
        c.full == r.full for c, r in zip(cit.names, ref.names, strict=False)
    )
    return Assessment(
        ref=ref.index,
        bucket=0 if year_score else 1,
        year_score=year_score,
        quality=100.0 if whole else 99.5,
        problems=(),
        compared=tuple((n.display, n.display, match) for n in cit.names),
        substitution=False,
        year_gap=distance(cit.year, ref.year),
        threshold=threshold,
    )


def _near_with_coauthor(
    cit: Cited, ref: Listed, threshold: float, abbr: Mapping[str, NameKey]
) -> bool:
    a, b = cit.names[0].core, ref.names[0].core
    if len(cit.names) < 2 or len(ref.names) < 2 or not a or not b:
        return False
    if DamerauLevenshtein.distance(a, b) != 1:
        return False
    return _match(cit.names[1], ref.names[1], threshold, abbr).tier >= VARIANT and (
        agreement(cit.year, ref.year) == 2
    )


def label(ref: Listed) -> str:
    """A short human label: "Smith, 2019", "Smith & Jones, 2019", "Smith et al., 2019"."""
    names = [n.display for n in ref.names]
    if not names:
        who = "(no author)"
    elif len(names) == 1 and not ref.et_al:
        who = names[0]
    elif len(names) == 2 and not ref.et_al:
        who = f"{names[0]} & {names[1]}"
    else:
        who = f"{names[0]} et al."
    return f"{who}, {ref.year.text or 'no year'}"


__all__ = ["EXACT", "Assessment", "Cited", "Listed", "assess", "label"]
