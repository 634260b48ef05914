"""Typed results of registry look-ups, shared by resolvers and registry rules.

A module of its own (outside ``citecheck.registry.resolve``) so that rules can read
resolutions without importing the HTTP machinery.

A look-up ends in exactly one of three ways: :class:`Found` (with the registry's raw
record), :class:`NotFound` (the registry answered that it does not know it), or
:class:`Unavailable` (we could not get an answer: network, timeout, 429, 5xx,
malformed JSON). ``Unavailable`` is never cached and never becomes an integrity
finding.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Source = Literal[
    "crossref",
    "datacite",
    "medra",
    "jalc",
    "handle",
    "arxiv",
    "pubmed",
    "openalex",
    "dblp",
    "other",
]
IdKind = Literal["doi", "arxiv", "pmid", "pmcid"]


@dataclass(frozen=True)
class Found:
    """The registry has a record. ``record`` is the raw work (Crossref's ``message``
    object, or another agency's record converted to the Crossref/CSL field names
    ``title``, ``author``, ``container-title``, ``issued``, ...)."""

    record: dict[str, Any]
    source: Source = "crossref"
    doi: str | None = None
    agency: str | None = None  # registration agency id when known ("crossref", "datacite")
    from_cache: bool = False
    # False for an answer put together while part of the look-up failed (the record
    # came, but not who registered it): used in this run, not cached, so a flaky
    # moment cannot change what later runs (and offline CI) report.
    cacheable: bool = True


@dataclass(frozen=True)
class NotFound:
    """Every registry asked says this DOI (or query) does not exist."""

    query: str
    sources: tuple[str, ...] = ("crossref",)
    evidence: dict[str, Any] = field(default_factory=dict)
    from_cache: bool = False


@dataclass(frozen=True)
class Unavailable:
    """No answer could be had; the reason says why (shown under skipped checks)."""

    reason: str
    query: str = ""


Resolution = Found | NotFound | Unavailable


@dataclass(frozen=True)
class UrlCheck:
    """What ``--check-urls`` learnt about a reference's web address."""

    status: Literal["ok", "gone", "unknown"]
    code: int | None  # the last HTTP status, when there was one
    final_url: str | None  # after redirects
    reason: str
    from_cache: bool = False


@dataclass(frozen=True)
class Candidate:
    """One search hit for a reference without (or besides) a DOI."""

    record: dict[str, Any]
    score: float | None = None  # the registry's own relevance score


@dataclass(frozen=True)
class ReferenceResolution:
    """What the registry stage learnt about one reference.

    ``doi`` is the normalised DOI found in the reference (None when it has none);
    ``doi_valid`` is False when the reference carries something that cannot be a DOI.
    ``by_doi`` is the look-up of that DOI; ``search`` is the bibliographic search
    result for references without a DOI (or whose DOI was not found), as a tuple of
    candidates, or Unavailable. ``notices`` are records of update notices
    (retractions, corrections, expressions of concern) fetched for the work.
    """

    doi: str | None = None
    doi_valid: bool = True
    by_doi: Resolution | None = None
    search: tuple[Candidate, ...] | Unavailable | None = None
    notices: tuple[dict[str, Any], ...] = ()
    # Which identifier ``by_doi`` looked up: the DOI, or (for references that carry
    # none) an arXiv identifier (``ident`` "2201.13452"), a PubMed id ("27933103") or a
    # PubMed Central id ("PMC3539452").
    id_kind: IdKind = "doi"
    ident: str | None = None
    # OpenAlex's hits for references the Crossref search did not confirm; None when
    # OpenAlex was not asked, with the reason in ``not_asked``.
    fallback: tuple[Candidate, ...] | Unavailable | None = None
    not_asked: tuple[tuple[str, str], ...] = ()  # (registry, why it was not asked)
    # DBLP's hits for a computer-science reference without a DOI or identifier (asked
    # before Crossref's search, which runs only when no DBLP hit is accepted).
    dblp: tuple[Candidate, ...] | Unavailable | None = None
    url: str | None = None  # the web address checked with --check-urls
    url_check: UrlCheck | None = None

    @property
    def cited_id(self) -> str | None:
        """The identifier as people write it: "DOI 10.x/y", "arXiv:2201.13452", "PMID 1"."""
        if self.id_kind == "arxiv" and self.ident:
            return f"arXiv:{self.ident}"
        if self.id_kind == "pmid" and self.ident:
            return f"PMID {self.ident}"
        if self.id_kind == "pmcid" and self.ident:
            return self.ident  # "PMC3539452"
        return f"DOI {self.doi}" if self.doi else None


Resolutions = Mapping[int, ReferenceResolution]
"""Reference index -> what the registry stage learnt about that reference (one document)."""
