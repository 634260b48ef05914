"""What the linker decided: one :class:`Link` per citation (see :mod:`citecheck.linking`).

Each link carries typed evidence, one class per way of linking: by number
(:class:`NumberEvidence`), by key (:class:`KeyEvidence`), by names and year against
one reference (:class:`NameEvidence`), or an author-year citation without one
compared reference (:class:`CitedEvidence`). Rules read the fields; ``to_json``
gives the evidence findings show (its keys and their order are part of the JSON
output).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "CitedEvidence",
    "KeyEvidence",
    "Labelled",
    "Link",
    "LinkEvidence",
    "LinkStatus",
    "Links",
    "NameEvidence",
    "NamePair",
    "NumberEvidence",
]

LinkStatus = Literal[
    "exact",  # names and year agree (incl. et al. forms, diacritics, particles)
    "author-mismatch",  # one reference fits, but a name is misspelt / co-author missing or extra
    "year-mismatch",  # same authors, other year
    "ambiguous",  # several references fit equally (needs 2020a/2020b)
    "unmatched",  # no reference fits: cited-not-listed
]


YearAgreement = Literal["exact", "compatible", "different"]


@dataclass(frozen=True)
class NumberEvidence:
    """A numeric citation looked up by the entry's label or its position in the list."""

    number: int | None
    matched_on: Literal["label", "position"]
    list_size: int

    def to_json(self) -> dict[str, Any]:
        """The evidence as findings show it."""
        return {"number": self.number, "matched_on": self.matched_on, "list_size": self.list_size}


@dataclass(frozen=True)
class KeyEvidence:
    """A key citation (LaTeX, Pandoc); ``listed_key`` is set when only the case differs."""

    key: str | None
    listed_key: str | None = None
    key_case_differs: bool = False

    def to_json(self) -> dict[str, Any]:
        """The evidence as findings show it."""
        if not self.key_case_differs:
            return {"key": self.key}
        return {"key": self.key, "listed_key": self.listed_key, "key_case_differs": True}


@dataclass(frozen=True)
class NamePair:
    """One cited name against the listed name it was compared with."""

    cited: str
    listed: str
    how: str  # "exact", "variant", "abbreviation", "fuzzy ...", "none", ...
    score: float  # 0..100, rounded to one decimal
    threshold: float | None = None  # set when the match was fuzzy

    def to_json(self) -> dict[str, Any]:
        """The pair as findings show it."""
        out: dict[str, Any] = {
            "cited": self.cited,
            "listed": self.listed,
            "how": self.how,
            "score": self.score,
        }
        if self.threshold is not None:
            out["threshold"] = self.threshold
        return out


@dataclass(frozen=True)
class Labelled:
    """A reference named for people: its index and a short label ("Smith 2020")."""

    reference: int
    label: str

    def to_json(self) -> dict[str, Any]:
        """The reference as findings show it."""
        return {"reference": self.reference, "label": self.label}


@dataclass(frozen=True)
class NameEvidence:
    """An author-year citation compared with the one reference it was linked to."""

    cited_authors: tuple[str, ...]
    cited_et_al: bool
    cited_year: str | None
    listed_authors: tuple[str, ...]
    listed_et_al: bool
    listed_year: str | None
    year_agreement: YearAgreement
    names: tuple[NamePair, ...]
    problems: tuple[str, ...]  # "missing-coauthor", "extra-coauthor", "order", ...
    et_al_convention: str | None = None  # why "et al." chose among equal candidates
    cited_exactly_elsewhere: bool | None = None  # set on mismatches

    def to_json(self) -> dict[str, Any]:
        """The evidence as findings show it."""
        out: dict[str, Any] = {
            "cited_authors": list(self.cited_authors),
            "cited_et_al": self.cited_et_al,
            "cited_year": self.cited_year,
            "listed_authors": list(self.listed_authors),
            "listed_et_al": self.listed_et_al,
            "listed_year": self.listed_year,
            "year_agreement": self.year_agreement,
            "names": [n.to_json() for n in self.names],
            "problems": list(self.problems),
        }
        if self.et_al_convention is not None:
            out["et_al_convention"] = self.et_al_convention
        if self.cited_exactly_elsewhere is not None:
            out["cited_exactly_elsewhere"] = self.cited_exactly_elsewhere
        return out


@dataclass(frozen=True)
class CitedEvidence:
    """An author-year citation not compared with one reference: ambiguous (with its
    ``candidates``), unmatched (with ``similar`` entries, if any) or linked to an entry
    without parsed authors by its text (``matched_on``)."""

    cited_authors: tuple[str, ...]
    cited_et_al: bool
    cited_year: str | None
    candidates: tuple[Labelled, ...] | None = None
    similar: tuple[Labelled, ...] | None = None
    matched_on: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The evidence as findings show it."""
        out: dict[str, Any] = {
            "cited_authors": list(self.cited_authors),
            "cited_et_al": self.cited_et_al,
            "cited_year": self.cited_year,
        }
        if self.candidates is not None:
            out["candidates"] = [c.to_json() for c in self.candidates]
        if self.similar is not None:
            out["similar"] = [c.to_json() for c in self.similar]
        if self.matched_on is not None:
            out["matched_on"] = self.matched_on
        return out


LinkEvidence = NumberEvidence | KeyEvidence | NameEvidence | CitedEvidence


@dataclass(frozen=True)
class Link:
    """The decision for one citation (``citation`` indexes ``Document.citations``)."""

    citation: int
    status: LinkStatus
    reference: int | None = None  # chosen reference index (None if unmatched/ambiguous)
    candidates: tuple[int, ...] = ()  # the references that fit (ambiguous), best first
    evidence: LinkEvidence | None = None

    def evidence_json(self) -> dict[str, Any]:
        """The evidence as findings show it (empty when there is none)."""
        return {} if self.evidence is None else self.evidence.to_json()


@dataclass(frozen=True)
class Links:
    """All links of one document."""

    links: tuple[Link, ...] = ()

    def cited_references(self) -> frozenset[int]:
        """Indexes of references that some citation links to (or could mean)."""
        out: set[int] = set()
        for ln in self.links:
            if ln.reference is not None:
                out.add(ln.reference)
            if ln.status == "ambiguous":
                out.update(ln.candidates)
        return frozenset(out)

    def for_reference(self, index: int) -> tuple[Link, ...]:
        """Links that chose reference ``index``."""
        return tuple(ln for ln in self.links if ln.reference == index)
