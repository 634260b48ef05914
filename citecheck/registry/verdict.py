"""One verdict per reference over every registry asked: verified, disagrees, not found,
or not checked.

* **verified** — a registry holds a record that matches (the identifier's record, or
  an accepted search hit); ``registry`` and ``record`` say which.
* **disagrees** — a record was found but its fields contradict the reference (a DOI
  naming another work, or only a plausible search hit with differing fields);
  ``fields`` gives the evidence.
* **not-found** — every registry that answered said it has no such work; registries
  that could not be reached are listed as such in ``asked``. Only this verdict can
  become ``unverified-reference`` (for references without an identifier) or
  ``doi-not-found``.
* **not-checked** — no registry answered (network, deadline, ``--offline`` without a
  cached answer): never a pass; the reasons are under skipped checks.
* **not-looked-up** — nothing to ask (no identifier, too little text to search, or a
  law or regulation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from citecheck.model.document import Reference
from citecheck.model.resolution import Candidate, Found, NotFound, ReferenceResolution, Unavailable
from citecheck.registry.matching.candidates import judge
from citecheck.registry.matching.compare import identity
from citecheck.registry.matching.record import view
from citecheck.registry.matching.thresholds import Thresholds

Status = Literal["verified", "disagrees", "not-found", "not-checked", "not-looked-up"]
STATUSES: tuple[Status, ...] = (
    "verified",
    "disagrees",
    "not-found",
    "not-checked",
    "not-looked-up",
)
NAMES = {
    "crossref": "Crossref",
    "doi.org": "doi.org",
    "datacite": "DataCite",
    "medra": "mEDRA",
    "jalc": "JaLC",
    "handle": "doi.org",
    "arxiv": "arXiv",
    "pubmed": "PubMed",
    "openalex": "OpenAlex",
    "dblp": "DBLP",
    "other": "registry",
}
_ID_REGISTRY = {"doi": "crossref", "arxiv": "arxiv", "pmid": "pubmed", "pmcid": "pubmed"}


@dataclass(frozen=True)
class Asked:
    """One registry and what it answered."""

    registry: str
    answer: str
    reached: bool = True

    def to_json(self) -> dict[str, Any]:
        """Evidence shape."""
        return {"registry": self.registry, "answer": self.answer, "reached": self.reached}


@dataclass(frozen=True)
class RegistryVerdict:
    """The verdict on one reference (see the module docstring)."""

    status: Status
    asked: tuple[Asked, ...] = ()
    registry: str | None = None  # that verified (or disagrees)
    record: str | None = None  # DOI or URL of that record
    fields: tuple[str, ...] = ()  # why it disagrees

    @property
    def answered(self) -> tuple[str, ...]:
        """Registries that gave an answer (found or not)."""
        return tuple(dict.fromkeys(a.registry for a in self.asked if a.reached))

    def to_json(self) -> dict[str, Any]:
        """Evidence / report shape."""
        out: dict[str, Any] = {"status": self.status, "asked": [a.to_json() for a in self.asked]}
        if self.registry:
            out["registry"] = self.registry
        if self.record:
            out["record"] = self.record
        if self.fields:
            out["fields"] = list(self.fields)
        return out


def _hits(
    name: str,
    ref: Reference,
    hits: tuple[Candidate, ...] | Unavailable | None,
    t: Thresholds,
    asked: list[Asked],
) -> RegistryVerdict | None:
    """Record what a search answered; a verdict when it verified or disagreed."""
    if hits is None:
        return None
    if isinstance(hits, Unavailable):
        asked.append(Asked(name, f"unreachable: {hits.reason}", reached=False))
        return None
    if not hits:
        asked.append(Asked(name, "search returned nothing"))
        return None
    v = judge(ref, [h.record for h in hits], t)
    if v.accepted is not None:
        rec = v.accepted.record
        asked.append(Asked(name, f"match {rec.doi or rec.url} (score {v.accepted.score:.2f})"))
        return RegistryVerdict("verified", registry=name, record=rec.doi or rec.url)
    best = v.best
    if best is not None and best.plausible(t):
        rec = best.record
        reasons = best.reasons(t)
        asked.append(Asked(name, f"plausible {rec.doi or rec.url} (score {best.score:.2f})"))
        return RegistryVerdict(
            "disagrees", registry=name, record=rec.doi or rec.url, fields=tuple(reasons)
        )
    top = f"; best {best.record.doi or best.record.url} (score {best.score:.2f})" if best else ""
    asked.append(Asked(name, f"{len(hits)} hits, none plausible{top}"))
    return None


def verdict(ref: Reference, res: ReferenceResolution, t: Thresholds) -> RegistryVerdict:
    """The verdict on one reference from everything the registry stage learnt."""
    asked: list[Asked] = []
    found: RegistryVerdict | None = None
    by_id = res.by_doi
    if isinstance(by_id, Found):
        rec = view(by_id.record)
        name = by_id.source
        ident = identity(ref, rec)
        if ident.mismatch(t):
            asked.append(Asked(name, f"record {rec.doi or rec.url} names another work"))
            fields = (
                f"title similarity {ident.title.score:.2f}",
                f"first author similarity {ident.author.score or 0:.2f}",
            )
            found = RegistryVerdict("disagrees", registry=name, record=rec.doi, fields=fields)
        else:
            asked.append(Asked(name, f"record {rec.doi or rec.url}"))
            found = RegistryVerdict("verified", registry=name, record=rec.doi or rec.url)
    elif isinstance(by_id, NotFound):
        for source in by_id.sources:
            answer = by_id.evidence.get(source, "not found")
            asked.append(Asked(source, str(answer)))
    elif isinstance(by_id, Unavailable):
        asked.append(
            Asked(
                _ID_REGISTRY.get(res.id_kind, "crossref"),
                f"unreachable: {by_id.reason}",
                reached=False,
            )
        )
    if found is None or found.status != "verified":
        searched = (("dblp", res.dblp), ("crossref", res.search), ("openalex", res.fallback))
        for searched_in, hits in searched:
            got = _hits(searched_in, ref, hits, t, asked)
            if got is not None and (found is None or got.status == "verified"):
                found = got
            if found is not None and found.status == "verified":
                break
    for registry, why in res.not_asked:
        asked.append(Asked(registry, f"not asked: {why}", reached=False))
    if found is not None:
        return RegistryVerdict(
            found.status, tuple(asked), found.registry, found.record, found.fields
        )
    if any(a.reached for a in asked):
        return RegistryVerdict("not-found", tuple(asked))
    if asked and any(not a.answer.startswith("not asked") for a in asked):
        return RegistryVerdict("not-checked", tuple(asked))
    return RegistryVerdict("not-looked-up", tuple(asked))


def counts(verdicts: list[RegistryVerdict]) -> dict[str, Any]:
    """Summary counts: per status, and verified references per registry."""
    out: dict[str, Any] = {s: 0 for s in STATUSES}
    by_registry: dict[str, int] = {}
    for v in verdicts:
        out[v.status] += 1
        if v.status == "verified" and v.registry:
            by_registry[v.registry] = by_registry.get(v.registry, 0) + 1
    out["verified_by"] = dict(sorted(by_registry.items()))
    return out
