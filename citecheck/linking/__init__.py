"""Decide which reference each citation means.

Output is data (:class:`Links`), not findings: the crossmatch rules read it.

How a careful copy-editor decides, and so do we:

* numeric citations link by number (``Reference.number``, else the position in the
  list); key citations (LaTeX, Pandoc) by key, case-sensitively as biber and Pandoc
  do; a key that matches only when case is ignored still links (BibTeX accepts it)
  and the evidence says so.
* author-year citations are compared on names (see :mod:`citecheck.text.names`) and years
  (:mod:`citecheck.text.years`). Every candidate falls in one bucket: *exact* (names and
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

from citecheck.gcpause import gc_paused
from citecheck.linking.authoryear import link_author_year
from citecheck.linking.labels import link_keys, link_numbers
from citecheck.model.document import Document
from citecheck.model.links import Link, Links
from citecheck.text.names import NAME_THRESHOLD

__all__ = ["link"]


def link(document: Document, *, name_threshold: float = NAME_THRESHOLD) -> Links:
    """Link every citation of ``document`` to at most one reference.

    ``name_threshold`` is the surname similarity (0..100) above which a different
    spelling counts as a misspelling (config: ``thresholds.name_similarity``).
    """
    with gc_paused():
        return _link(document, name_threshold)


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
