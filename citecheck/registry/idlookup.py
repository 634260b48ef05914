"""Look-ups beyond Crossref: arXiv, PubMed and PMC identifiers, the DBLP search for
computer-science references, and the OpenAlex fallback search.

Routing (docs/registries.md): a reference's DOI goes to Crossref (then doi.org, which
hands DataCite, mEDRA and JaLC DOIs to their agency), except arXiv's own DOIs
(``10.48550/arXiv.*``), which go to the arXiv API like arXiv identifiers; a PubMed id
goes to PubMed when the reference has no DOI, a PMCID (no DOI, no PMID) to PMC's
ESummary; the OpenAlex search is asked only for
references the Crossref search did not confirm. Each distinct identifier and query is
asked once per run, answers are cached like Crossref's (kinds ``id``, ``dblp`` and
``openalex``), and ``--offline`` answers from the cache only.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from citecheck.model.resolution import Candidate, Found, NotFound, Resolution, Unavailable
from citecheck.registry.arxiv import BATCH as ARXIV_BATCH
from citecheck.registry.arxiv import Arxiv
from citecheck.registry.cache import Cache, Entry
from citecheck.registry.dblp import Dblp
from citecheck.registry.openalex import OpenAlex
from citecheck.registry.pubmed import BATCH as PUBMED_BATCH
from citecheck.registry.pubmed import PubMed

OFFLINE = "offline: not in the cache"
FallbackResult = tuple[Candidate, ...] | Unavailable
_FOUND_TTL = 30 * 86400
_MISSING_TTL = 86400
_SEARCH_TTL = 14 * 86400
_ANSWER = {
    "arxiv": ("arxiv", "arXiv API: no entry for this identifier"),
    "pmid": ("pubmed", "PubMed ESummary: cannot get document summary"),
    "pmcid": ("pubmed", "PMC ESummary: cannot get document summary"),
}


def id_key(kind: str, ident: str) -> str:
    """The run-wide (and cache) key of an identifier: ``arxiv:2201.13452``, ``pmid:1``."""
    return f"{kind}:{ident}"


@dataclass
class IdLookup:
    """State of one run's identifier and fallback look-ups."""

    cache: Cache | None
    offline: bool = False
    refresh: bool = False
    arxiv: Arxiv | None = None
    pubmed: PubMed | None = None
    openalex: OpenAlex | None = None
    dblp: Dblp | None = None
    ids: dict[str, Resolution] = field(default_factory=dict)
    fallbacks: dict[str, FallbackResult] = field(default_factory=dict)
    dblp_hits: dict[str, FallbackResult] = field(default_factory=dict)
    stale_used: int = 0
    # progress: told of each fetched identifier and each fallback search as it settles
    on_id: Callable[[str, Resolution], None] | None = None
    on_fallback: Callable[[str, FallbackResult], None] | None = None
    on_dblp: Callable[[str, FallbackResult], None] | None = None
    _stale: dict[tuple[str, str], Entry] = field(default_factory=dict)

    def _cached(self, kind: str, key: str, ttl: Callable[[Entry], float]) -> Entry | None:
        entry = self.cache.get(kind, key) if self.cache else None
        if entry is None:
            return None
        if self.offline or (not self.refresh and entry.age <= ttl(entry)):
            return entry
        self._stale[(kind, key)] = entry
        return None

    def ids_from_cache(self, keys: list[str]) -> list[str]:
        """Settle what the cache answers; the identifier keys left to fetch."""
        todo = []
        for key in keys:
            entry = self._cached(
                "id", key, lambda e: _FOUND_TTL if e.status == "found" else _MISSING_TTL
            )
            if entry is not None:
                self.ids[key] = _id_from_entry(key, entry)
            elif self.offline:
                self.ids[key] = Unavailable(OFFLINE, query=key)
            else:
                todo.append(key)
        return todo

    def fallbacks_from_cache(self, queries: list[str]) -> list[str]:
        """Settle cached OpenAlex searches; the queries left to ask."""
        return self._searches_from_cache("openalex", queries, self.fallbacks)

    def dblp_from_cache(self, queries: list[str]) -> list[str]:
        """Settle cached DBLP searches; the queries left to ask."""
        return self._searches_from_cache("dblp", queries, self.dblp_hits)

    def _searches_from_cache(
        self, kind: str, queries: list[str], into: dict[str, FallbackResult]
    ) -> list[str]:
        todo = []
        for q in queries:
            entry = self._cached(kind, q, lambda e: _SEARCH_TTL)
            if entry is not None:
                into[q] = _hits_from_entry(entry)
            elif self.offline:
                into[q] = Unavailable(OFFLINE, query=q)
            else:
                todo.append(q)
        return todo

    def _settle_id(self, key: str, result: Resolution) -> None:
        stale = self._stale.get(("id", key))
        if isinstance(result, Unavailable) and stale is not None:
            result = _id_from_entry(key, stale)
            self.stale_used += 1
        elif self.cache is not None and isinstance(result, Found):
            self.cache.put("id", key, "found", {"record": result.record, "source": result.source})
        elif self.cache is not None and isinstance(result, NotFound):
            self.cache.put(
                "id",
                key,
                "not_found",
                {"sources": list(result.sources), "evidence": result.evidence},
            )
        self.ids[key] = result
        if self.on_id is not None:
            self.on_id(key, result)

    async def fetch_ids(self, keys: list[str]) -> None:
        """Fetch arXiv identifiers (batched ``id_list``) and PMIDs (batched ESummary)."""
        arxiv = [k.split(":", 1)[1] for k in keys if k.startswith("arxiv:")]
        pmids = [k.split(":", 1)[1] for k in keys if k.startswith("pmid:")]
        pmcids = [k.split(":", 1)[1] for k in keys if k.startswith("pmcid:")]
        tasks = [self._arxiv(arxiv[i : i + ARXIV_BATCH]) for i in range(0, len(arxiv), ARXIV_BATCH)]
        tasks += [
            self._pubmed(pmids[i : i + PUBMED_BATCH]) for i in range(0, len(pmids), PUBMED_BATCH)
        ]
        tasks += [
            self._pubmed(pmcids[i : i + PUBMED_BATCH], kind="pmcid")
            for i in range(0, len(pmcids), PUBMED_BATCH)
        ]
        await asyncio.gather(*tasks)
        if self.cache is not None:
            self.cache.flush()

    async def _arxiv(self, idents: list[str]) -> None:
        assert self.arxiv is not None
        got = await self.arxiv.records(idents)
        for ident in idents:
            key = id_key("arxiv", ident)
            if isinstance(got, Unavailable):
                self._settle_id(key, Unavailable(got.reason, query=key))
            elif ident in got:
                self._settle_id(key, Found(got[ident], "arxiv", got[ident].get("DOI"), "datacite"))
            else:
                self._settle_id(key, _missing("arxiv", key))

    async def _pubmed(self, pmids: list[str], kind: str = "pmid") -> None:
        """PMIDs (``db=pubmed``) or PMCIDs (``kind="pmcid"``, ``db=pmc``)."""
        assert self.pubmed is not None
        if kind == "pmcid":
            got = await self.pubmed.pmc_summaries(pmids)
        else:
            got = await self.pubmed.summaries(pmids)
        for pmid in pmids:
            key = id_key(kind, pmid)
            if isinstance(got, Unavailable):
                self._settle_id(key, Unavailable(got.reason, query=key))
            elif pmid not in got:
                what = "PMCID" if kind == "pmcid" else "PMID"
                self._settle_id(
                    key, Unavailable(f"PubMed left this {what} out of its answer", query=key)
                )
            elif got[pmid] is None:
                self._settle_id(key, _missing(kind, key))
            else:
                record = got[pmid]
                assert record is not None
                self._settle_id(key, Found(record, "pubmed", record.get("DOI"), None))

    async def fetch_fallbacks(self, queries: list[str]) -> None:
        """Ask OpenAlex for every query (paced by the OpenAlex budget)."""
        assert self.openalex is not None
        await self._searches("openalex", queries, self.openalex.search, self.fallbacks)

    async def fetch_dblp(self, queries: list[str]) -> None:
        """Ask DBLP for every title query (paced by the DBLP budget)."""
        if queries:
            assert self.dblp is not None
            await self._searches("dblp", queries, self.dblp.search, self.dblp_hits)

    async def _searches(
        self,
        kind: str,
        queries: list[str],
        search: Callable[[str], Awaitable[list[dict[str, Any]] | Unavailable]],
        into: dict[str, FallbackResult],
    ) -> None:
        await asyncio.gather(*(self._search(kind, q, search, into) for q in queries))
        if self.cache is not None:
            self.cache.flush()

    async def _search(
        self,
        kind: str,
        q: str,
        search: Callable[[str], Awaitable[list[dict[str, Any]] | Unavailable]],
        into: dict[str, FallbackResult],
    ) -> None:
        got = await search(q)
        stale = self._stale.get((kind, q))
        result: FallbackResult
        if isinstance(got, Unavailable):
            if stale is not None:
                result = _hits_from_entry(stale)
                self.stale_used += 1
            else:
                result = Unavailable(got.reason, query=q)
        else:
            if self.cache is not None:
                self.cache.put(kind, q, "found", {"items": got})
            result = _hits(got)
        into[q] = result
        tell = self.on_dblp if kind == "dblp" else self.on_fallback
        if tell is not None:
            tell(q, result)


def _missing(kind: str, key: str) -> NotFound:
    source, answer = _ANSWER[kind]
    return NotFound(query=key, sources=(source,), evidence={source: answer})


def _hits(items: list[dict[str, Any]]) -> tuple[Candidate, ...]:
    out = []
    for item in items:
        score = item.get("score")
        out.append(
            Candidate(record=item, score=float(score) if isinstance(score, (int, float)) else None)
        )
    return tuple(out)


def _hits_from_entry(entry: Entry) -> tuple[Candidate, ...]:
    items = entry.body.get("items")
    return _hits([i for i in items if isinstance(i, dict)] if isinstance(items, list) else [])


def _id_from_entry(key: str, entry: Entry) -> Resolution:
    body = entry.body
    if entry.status == "found" and isinstance(body.get("record"), dict):
        record = body["record"]
        if key.startswith("arxiv:"):
            return Found(record, "arxiv", record.get("DOI"), "datacite", from_cache=True)
        return Found(record, "pubmed", record.get("DOI"), None, from_cache=True)
    sources = tuple(body.get("sources") or ())
    evidence = body.get("evidence") if isinstance(body.get("evidence"), dict) else {}
    return NotFound(query=key, sources=sources, evidence=dict(evidence or {}), from_cache=True)
