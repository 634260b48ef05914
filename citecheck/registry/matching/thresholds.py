"""Every threshold of reference-to-record matching, with where it comes from.

Each value was chosen on labelled data by ``bench/accuracy/match.py`` (numbers in
``docs/benchmarks.md``, section "Reference matching"); users may override any of
them under ``[tool.citecheck] thresholds`` with the key in the comment.
"""

from __future__ import annotations

from dataclasses import dataclass

from citecheck.model.settings import Settings


@dataclass(frozen=True)
class Thresholds:
    """Decision thresholds (all similarities are 0..1)."""

    # doi-mismatch: the DOI names another work when the title similarity is below
    # ``mismatch_title`` AND the first-author similarity is below ``mismatch_author``.
    # Keys: "doi-mismatch.title", "doi-mismatch.author".
    mismatch_title: float = 0.7
    mismatch_author: float = 0.7
    # metadata-mismatch: a title below this (but above the mismatch level) is a
    # differing title. Key: "metadata-mismatch.title".
    title_differs: float = 0.8
    # metadata-mismatch: containers below this similarity differ.
    # Key: "metadata-mismatch.container".
    container_differs: float = 0.6
    # Surnames at/above ``surname_same`` are the same spelling, at/above
    # ``surname_similar`` a misspelling of the same name, below that another person.
    # Keys: "metadata-mismatch.surname-same", "metadata-mismatch.surname-similar".
    surname_same: float = 0.95
    surname_similar: float = 0.75
    # Candidate validation (missing-doi / unverified-reference): a search hit is the
    # cited work when its score reaches ``accept``; a reference is unverified when no
    # hit reaches ``plausible``. Keys: "missing-doi.accept", "unverified-reference.plausible".
    accept: float = 0.75
    plausible: float = 0.65
    # Title similarity a candidate needs before other signals count.
    # Key: "missing-doi.title".
    candidate_title: float = 0.85
    # First-author similarity below which a hit's author contradicts the reference.
    # Key: "missing-doi.author".
    candidate_author: float = 0.7
    # A reference that cites no year and no author (or an "author" that is a word of
    # the record's title: a title word the parser misread) is plausible, not
    # unverified, when a hit's title matches at least ``title_only`` over at least
    # ``title_only_words`` words: reading lists cite works by title alone. Chosen on
    # the dev split of bench/accuracy/registry_real.py. Keys:
    # "unverified-reference.title-only", "unverified-reference.title-only-words".
    # A hit whose title is this far from the reference's is another work however well
    # its authors, year and journal agree (an invented title under real authors finds
    # their other papers): never plausible. Chosen on the dev split of
    # bench/accuracy/registry_real.py. Key: "unverified-reference.plausible-title".
    plausible_title: float = 0.7
    title_only: float = 0.95
    title_only_words: float = 6

    @classmethod
    def from_settings(cls, settings: Settings | None) -> Thresholds:
        """Defaults overridden by ``settings.thresholds``."""
        base = cls()
        if settings is None or not settings.thresholds:
            return base
        keys = {
            "mismatch_title": "doi-mismatch.title",
            "mismatch_author": "doi-mismatch.author",
            "title_differs": "metadata-mismatch.title",
            "container_differs": "metadata-mismatch.container",
            "surname_same": "metadata-mismatch.surname-same",
            "surname_similar": "metadata-mismatch.surname-similar",
            "accept": "missing-doi.accept",
            "plausible": "unverified-reference.plausible",
            "candidate_title": "missing-doi.title",
            "candidate_author": "missing-doi.author",
            "plausible_title": "unverified-reference.plausible-title",
            "title_only": "unverified-reference.title-only",
            "title_only_words": "unverified-reference.title-only-words",
        }
        values = {attr: settings.threshold(key, getattr(base, attr)) for attr, key in keys.items()}
        return cls(**values)
