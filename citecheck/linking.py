"""Decide which reference each citation means.

Output is data (:class:`Links`), not findings: the crossmatch rules read it.

How a careful copy-editor decides, and so do we:

* numeric citations link by number (``Reference.number``, else the position in the
  list); key citations (LaTeX, Pandoc) by key, case-sensitively as biber and Pandoc
  do; a key that matches only when case is ignored still links (BibTeX accepts it)
  and the evidence says so.
* author-year citations are compared on names (see :mod:`citecheck.names`) and years
  (:mod:`citecheck.years`). Every candidate falls in one bucket: *exact* (names and
  year agree), *year* (names agree, year differs) or *authors* (year agrees, a name is
  misspelt or a co-author missing, extra or different). Exact wins; several equally
  good exact candidates are *ambiguous* (2020 against 2020a and 2020b).
* a citation without an exact match prefers a reference no other citation matches
  exactly: "Smith 2021" goes to the uncited "Smith 2020", not to the "Smith 2019"
  cited correctly elsewhere; this avoids blaming one typo twice (cited-not-listed
  and listed-not-cited).
* "et al." needs the first author to match and the reference to have 3+ authors
  (APA 7, Harvard, Chicago's 4+ included); against a 1-2 author reference it still
  links, as an author mismatch.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from citecheck.document import Document
from citecheck.linkers import LinkStatus
from citecheck.linkers.authoryear import link_author_year
from citecheck.linkers.labels import link_keys, link_numbers
from citecheck.names import NAME_THRESHOLD

__all__ = ["Link", "LinkStatus", "Links", "link"]


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


def link(document: Document, *, name_threshold: float = NAME_THRESHOLD) -> Links:
    """Link every citation of ``document`` to at most one reference.

    ``name_threshold`` is the surname similarity (0..100) above which a different
    spelling counts as a misspelling (config: ``thresholds.name_similarity``).
    """
    with _gc_paused():
        return _link(document, name_threshold)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while linking.

    Linking allocates many small acyclic objects (reference counting frees them);
    on 10,000-entry lists the collector's repeated scans of the whole document made
    linking grow faster than linearly (bench/linking_speed.py: 3.4 s -> 1.2 s).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _link(document: Document, name_threshold: float) -> Links:
    citations = document.citations
    refs = document.references
    numeric = [i for i, c in enumerate(citations) if c.style == "numeric"]
    keyed = [i for i, c in enumerate(citations) if c.style == "key"]
    author_year = [i for i, c in enumerate(citations) if c.style == "author-year"]
    found: dict[int, Link] = {}
    for ci, status, ref, cands, ev in (
        *link_numbers(citations, refs, numeric),
        *link_keys(citations, refs, keyed),
        *link_author_year(citations, refs, author_year, threshold=name_threshold),
    ):
        found[ci] = Link(citation=ci, status=status, reference=ref, candidates=cands, evidence=ev)
    return Links(links=tuple(found[i] for i in sorted(found)))
