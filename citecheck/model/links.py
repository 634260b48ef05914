"""What the linker decided: one :class:`Link` per citation (see :mod:`citecheck.linking`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Link", "LinkStatus", "Links"]

LinkStatus = Literal[
    "exact",  # names and year agree (incl. et al. forms, diacritics, particles)
    "author-mismatch",  # one reference fits, but a name is misspelt / co-author missing or extra
    "year-mismatch",  # same authors, other year
    "ambiguous",  # several references fit equally (needs 2020a/2020b)
    "unmatched",  # no reference fits: cited-not-listed
]


@dataclass(frozen=True)
class Link:
    """The decision for one citation (``citation`` indexes ``Document.citations``)."""

    citation: int
    status: LinkStatus
    reference: int | None = None  # chosen reference index (None if unmatched/ambiguous)
    candidates: tuple[int, ...] = ()  # the references that fit (ambiguous), best first
    evidence: dict[str, Any] = field(default_factory=dict)


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
