"""Comparing author names between a reference and a registry record.

Surnames are compared on name keys (:func:`citecheck.text.names.fold`: diacritics and
apostrophes dropped), with and without particles
("De Valk" / "Valk", "Van der Merwe" / "Merwe"), and on their last word, since
compound surnames ("Rodríguez Bolívar") are often shortened by citing authors.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from citecheck.model.document import Author
from citecheck.registry.matching.record import RecordAuthor
from citecheck.text.lexicon import PARTICLES
from citecheck.text.names import name_words


def surname_variants(name: str) -> set[str]:
    """Folded forms a surname may be written in (full, without particles, last word)."""
    words = name_words(name)
    if not words:
        return set()
    out = {" ".join(words), "".join(words)}
    core = [w for w in words if w not in PARTICLES]
    if core:
        out.add(" ".join(core))
        out.add(core[-1])
        out.add(core[0])
    return {v for v in out if v}


def surname_similarity(a: str, b: str) -> float:
    """0..1 similarity of two surnames (1.0 when any written form agrees)."""
    va, vb = surname_variants(a), surname_variants(b)
    if not va or not vb:
        return 0.0
    if va & vb:
        return 1.0
    return max(fuzz.ratio(x, y) for x in va for y in vb) / 100.0


def name_in_text(name: str, text: str) -> float:
    """How well surname ``name`` appears as a word sequence in ``text`` (0..1).

    1.0 for an exact (folded) occurrence; otherwise the best fuzzy ratio against
    same-length word windows, so "Bolikowski" still finds "Bolikowsky".
    """
    words = name_words(text)
    best = 0.0
    for variant in surname_variants(name):
        parts = variant.split()
        if len(variant) < 2:
            continue
        n = len(parts)
        for i in range(len(words) - n + 1):
            window = " ".join(words[i : i + n])
            if window == variant:
                return 1.0
            if len(variant) >= 4:
                best = max(best, fuzz.ratio(window, variant) / 100.0)
    return best


@dataclass(frozen=True)
class AuthorDiff:
    """Differences between a reference's author list and the record's."""

    misspelt: tuple[tuple[str, str], ...] = ()  # (reference form, record form)
    missing: tuple[str, ...] = ()  # record authors absent from a complete reference list
    extra: tuple[str, ...] = ()  # reference authors absent from the record

    @property
    def empty(self) -> bool:
        """True when the lists agree."""
        return not (self.misspelt or self.missing or self.extra)


def compare_author_lists(
    ref_authors: tuple[Author, ...],
    rec_authors: tuple[RecordAuthor, ...],
    *,
    truncated: bool,
    same: float,
    similar: float,
) -> AuthorDiff:
    """Align reference surnames with record surnames.

    ``same``: similarity at or above which two surnames are the same spelling;
    ``similar``: at or above which they are the same person misspelt. ``truncated``
    (et al., "...") means record authors beyond the listed ones are not missing.
    Corporate authors are skipped: their wording varies too much to compare.
    """
    refs = [a.family for a in ref_authors if not a.corporate and a.family.strip()]
    recs = [a.family for a in rec_authors if not a.organisation]
    if not refs or not recs:
        return AuthorDiff()
    used: set[int] = set()
    misspelt: list[tuple[str, str]] = []
    extra: list[str] = []
    for i, name in enumerate(refs):
        scores = [(surname_similarity(name, r), j) for j, r in enumerate(recs) if j not in used]
        if not scores:
            extra.append(name)
            continue
        # Prefer the same position on ties: author order is usually kept.
        best, j = max(scores, key=lambda s: (s[0], -abs(s[1] - i)))
        if best >= same:
            used.add(j)
        elif best >= similar:
            used.add(j)
            misspelt.append((name, recs[j]))
        else:
            extra.append(name)
    missing: list[str] = []
    if not truncated:
        missing = [r for j, r in enumerate(recs) if j not in used]
    return AuthorDiff(tuple(misspelt), tuple(missing), tuple(extra))
