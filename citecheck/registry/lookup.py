"""The asynchronous part of a registry run: cache first, then batched Crossref
look-ups, doi.org for DOIs Crossref does not hold, and bibliographic searches.

Every distinct DOI and every distinct search text is asked at most once per run.

Progress counts *look-ups*: a DOI to fetch, an arXiv id or PMID to ask (answered in
registry/idlookup.py, counted here) or a search to run. Its total is fixed before the
first request: a search run later because a DOI or identifier is registered nowhere
is part of that look-up, which is done once the search is, so the total never grows
mid-run. The OpenAlex fallback, whose searches are known only once the Crossref
searches are answered, is a round of its own with its own fixed total
(:meth:`Lookup.begin_round`). A look-up is *found* when the DOI has a record or the search a hit
that is the cited work (validated like the rules do), *not found* when the DOI is
registered nowhere or no hit matches, *failed* when the registry did not answer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from citecheck.model.resolution import Candidate, Found, NotFound, Resolution, Unavailable
from citecheck.registry.cache import Cache, Entry
from citecheck.registry.crossref import Crossref
from citecheck.registry.datacite import DataCite, routed_here
from citecheck.registry.doiorg import content_negotiate, handle_exists, source_of
from citecheck.registry.http import TOO_BIG, Fetcher
from citecheck.registry.snapshot import LocalRecords, SnapshotError

SearchResult = tuple[Candidate, ...] | Unavailable
Progress = Callable[[str, int, int], None]
Accepts = Callable[[str, tuple[Candidate, ...]], bool]  # does a search hold the cited work?
OFFLINE = "offline: not in the cache"
MAX_FILTER_CHARS = 3000  # keeps batch URLs far below common server limits (8 KB)


@dataclass(frozen=True)
class Ttl:
    """How long cached answers stay fresh (seconds). ``--offline`` ignores these."""

    found: float = 30 * 86400
    not_found: float = 86400
    search: float = 14 * 86400


@dataclass
class Lookup:
    """State of one run's look-ups; results land in ``dois`` and ``searches``."""

    cache: Cache | None
    fetcher: Fetcher | None  # set once something must be fetched
    crossref: Crossref | None
    doi_url: str
    datacite: DataCite | None = None  # DataCite DOIs: its REST API, not content negotiation
    offline: bool = False
    refresh: bool = False
    ttl: Ttl = field(default_factory=Ttl)
    progress: Progress | None = None
    batch_size: int = 40
    local: LocalRecords | None = None  # a snapshot, asked before the cache and the network
    local_used: int = 0
    dois: dict[str, Resolution] = field(default_factory=dict)
    searches: dict[str, SearchResult] = field(default_factory=dict)
    stale_used: int = 0
    counts: dict[str, int] = field(
        default_factory=lambda: {"found": 0, "not found": 0, "failed": 0}
    )
    done: int = 0
    total: int = 0
    # DOI or identifier key -> the searches to run when it is registered nowhere (its
    # look-up waits for them)
    follow_ups: dict[str, frozenset[str]] = field(default_factory=dict)
    accepts: Accepts | None = None
    _counted: set[str] = field(default_factory=set)  # searches that are look-ups themselves
    _waiting: dict[str, set[str]] = field(default_factory=dict)  # DOI/key -> searches not done
    round_label: str = "registry"
    _stale_doi: dict[str, Entry] = field(default_factory=dict)
    _stale_search: dict[str, Entry] = field(default_factory=dict)

    # -- cache ---------------------------------------------------------------------------

    def _fresh(self, entry: Entry, limit: float) -> bool:
        return self.offline or (not self.refresh and entry.age <= limit)

    def _offline(self) -> str:
        return f"offline: not in the {self.local.label} or the cache" if self.local else OFFLINE

    def _local_doi(self, doi: str) -> Resolution | None:
        """The snapshot's answer for a DOI; None when it holds none."""
        if self.local is None:
            return None
        try:
            held = self.local.work(doi)
        except SnapshotError as exc:  # damaged mid-run: not checked, never a finding
            return Unavailable(str(exc), query=doi)
        if held is None:
            return None
        self.local_used += 1
        status = str(held.pop("status"))
        return _doi_from_entry(doi, Entry(status=status, body=held, age=0.0))

    def _local_search(self, query: str) -> SearchResult | None:
        """The snapshot's hits for a search; None when it cannot answer it."""
        if self.local is None:
            return None
        try:
            items = self.local.search(query)
        except SnapshotError as exc:
            return Unavailable(str(exc), query=query)
        if items is None:
            return None
        self.local_used += 1
        return _candidates(items)

    def from_cache(self, dois: list[str], queries: list[str]) -> tuple[list[str], list[str]]:
        """Settle what the snapshot or the cache answers; return the DOIs and queries
        left to fetch."""
        todo_d: list[str] = []
        todo_q: list[str] = []
        for doi in dois:
            held = self._local_doi(doi)
            if held is not None:
                self.dois[doi] = held
                continue
            entry = self.cache.get("doi", doi) if self.cache else None
            if entry is not None:
                limit = self.ttl.found if entry.status == "found" else self.ttl.not_found
                if self._fresh(entry, limit):
                    self.dois[doi] = _doi_from_entry(doi, entry)
                    continue
                self._stale_doi[doi] = entry
            if self.offline:
                self.dois[doi] = Unavailable(self._offline(), query=doi)
            else:
                todo_d.append(doi)
        for q in queries:
            hits = self._local_search(q)
            if hits is not None:
                self.searches[q] = hits
                continue
            entry = self.cache.get("search", q) if self.cache else None
            if entry is not None:
                if self._fresh(entry, self.ttl.search):
                    self.searches[q] = _search_from_entry(entry)
                    continue
                self._stale_search[q] = entry
            if self.offline:
                self.searches[q] = Unavailable(self._offline(), query=q)
            else:
                todo_q.append(q)
        return todo_d, todo_q

    # -- settling results ----------------------------------------------------------------

    def plan(self, dois: list[str], queries: list[str], keys: Sequence[str] = ()) -> None:
        """Fix the progress total: the DOIs, identifiers and searches this run will ask
        the network."""
        self.total = len(dois) + len(queries) + len(keys)
        self._counted = set(queries)

    def begin_round(self, label: str, total: int) -> None:
        """A new progress round (the OpenAlex fallback) with its own fixed total."""
        self.round_label, self.total, self.done = label, total, 0
        self.counts = dict.fromkeys(self.counts, 0)

    def tick(self, outcome: str) -> None:
        """One look-up of the current round is done (found, not found or failed)."""
        self._tick(outcome)

    def _tick(self, outcome: str) -> None:
        self.counts[outcome] += 1
        self.done += 1
        if self.progress is not None:
            c = self.counts
            label = (
                f"{self.round_label}: {c['found']} found, {c['not found']} not found, "
                f"{c['failed']} failed"
            )
            self.progress(label, self.done, self.total)

    def _search_outcome(self, query: str, result: SearchResult) -> str:
        if isinstance(result, Unavailable):
            return "failed"
        if self.accepts is not None:
            return "found" if self.accepts(query, result) else "not found"
        return "found" if result else "not found"

    def release(self) -> None:
        """Finish the look-ups of unregistered DOIs whose searches are all answered."""
        for doi, pending in list(self._waiting.items()):
            pending.difference_update(self.searches)
            if not pending:
                del self._waiting[doi]
                self._tick("not found")

    def settle_id(self, key: str, result: Resolution) -> None:
        """Count one arXiv / PubMed identifier's answer (held by registry/idlookup.py)."""
        if isinstance(result, NotFound) and self._wait(key):
            return
        self._tick(_outcome(result))

    def _wait(self, key: str) -> bool:
        """Whether the look-up of an unregistered DOI or identifier waits for searches."""
        pending = {q for q in self.follow_ups.get(key, ()) if q not in self.searches}
        if pending:  # done once the searches for the reference are
            self._waiting[key] = pending
        return bool(pending)

    def settle_doi(self, doi: str, result: Resolution) -> None:
        """Record one DOI's answer (a stale cached one if the fresh ask failed)."""
        if isinstance(result, Unavailable) and doi in self._stale_doi:
            result = _doi_from_entry(doi, self._stale_doi[doi])
            self.stale_used += 1
        elif self.cache is not None and isinstance(result, Found) and result.cacheable:
            found = {"record": result.record, "source": result.source, "agency": result.agency}
            self.cache.put("doi", doi, "found", found)
        elif self.cache is not None and isinstance(result, NotFound):
            missing = {"sources": list(result.sources), "evidence": result.evidence}
            self.cache.put("doi", doi, "not_found", missing)
        self.dois[doi] = result
        if isinstance(result, NotFound) and self._wait(doi):
            return
        self._tick(_outcome(result))

    def settle_search(self, query: str, result: SearchResult) -> None:
        """Record one search's answer (stale cached hits if the fresh ask failed)."""
        if isinstance(result, Unavailable) and query in self._stale_search:
            result = _search_from_entry(self._stale_search[query])
            self.stale_used += 1
        elif self.cache is not None and not isinstance(result, Unavailable):
            self.cache.put("search", query, "found", {"items": [c.record for c in result]})
        self.searches[query] = result
        if query in self._counted:
            self._tick(self._search_outcome(query, result))
        self.release()

    # -- network -------------------------------------------------------------------------

    async def fetch(self, dois: list[str], queries: list[str]) -> None:
        """Fetch every DOI (batched) and every search concurrently; budgets pace them."""
        # DOIs whose prefix is a DataCite repository's go to DataCite first.
        first = {d for d in dois if self.datacite is not None and routed_here(d)}
        tasks = [self._chunk(c) for c in self._chunks([d for d in dois if d not in first])]
        tasks += [self._datacite_first(d) for d in sorted(first)]
        tasks += [self._search(q) for q in queries]
        await asyncio.gather(*tasks)
        if self.cache is not None:
            self.cache.flush()

    def _chunks(self, dois: list[str]) -> list[list[str]]:
        chunks: list[list[str]] = []
        current: list[str] = []
        size = 0
        for doi in dois:
            if "," in doi:  # would split the filter value; ask alone
                chunks.append([doi])
                continue
            if current and (
                len(current) >= self.batch_size or size + len(doi) + 5 > MAX_FILTER_CHARS
            ):
                chunks.append(current)
                current, size = [], 0
            current.append(doi)
            size += len(doi) + 5
        if current:
            chunks.append(current)
        return chunks

    async def _chunk(self, dois: list[str]) -> None:
        assert self.crossref is not None
        missing = dois
        if len(dois) > 1 and self.crossref.batch_ok:
            got = await self.crossref.works(dois)
            if isinstance(got, Unavailable) and got.reason.startswith(TOO_BIG):
                got = {}  # records with huge reference lists: ask for them one by one
            if isinstance(got, Unavailable) and self.crossref.batch_ok:
                for doi in dois:
                    self.settle_doi(doi, Unavailable(got.reason, query=doi))
                return
            if not isinstance(got, Unavailable):
                for doi in dois:
                    if doi in got:
                        self.settle_doi(doi, Found(got[doi], "crossref", doi, "crossref"))
                missing = [d for d in dois if d not in got]
        results = await asyncio.gather(*(self._single(d) for d in missing))
        for doi, result in zip(missing, results, strict=True):
            self.settle_doi(doi, result)
        if self.cache is not None:
            self.cache.flush()

    async def _datacite_first(self, doi: str) -> None:
        """A DOI with a DataCite repository's prefix: DataCite's record, else the DOI
        system and Crossref (the prefix may have been lent, or DataCite be down)."""
        assert self.datacite is not None and self.fetcher is not None
        record = await self.datacite.work(doi)
        if isinstance(record, dict):
            self.settle_doi(doi, Found(record, "datacite", doi, "datacite"))
            return
        if record is None:  # DataCite holds no such DOI: does anyone?
            exists = await handle_exists(self.fetcher, self.doi_url, doi)
            if isinstance(exists, Unavailable):
                self.settle_doi(doi, Unavailable(exists.reason, query=doi))
                return
            if not exists:
                evidence = {
                    "datacite": "HTTP 404 (not a DataCite DOI)",
                    "doi.org": "handle not found (responseCode 100)",
                }
                self.settle_doi(
                    doi, NotFound(query=doi, sources=("datacite", "doi.org"), evidence=evidence)
                )
                return
        self.settle_doi(
            doi, await self._single(doi, datacite_asked=True, registered=record is None)
        )

    async def _single(
        self, doi: str, *, datacite_asked: bool = False, registered: bool = False
    ) -> Resolution:
        assert self.crossref is not None and self.fetcher is not None
        record = await self.crossref.work(doi)
        if isinstance(record, Unavailable):
            return Unavailable(record.reason, query=doi)
        if record is not None:
            return Found(record, "crossref", doi, "crossref")
        if not registered:
            exists = await handle_exists(self.fetcher, self.doi_url, doi)
            if isinstance(exists, Unavailable):
                return Unavailable(exists.reason, query=doi)
            if not exists:
                return NotFound(
                    query=doi,
                    sources=("crossref", "doi.org"),
                    evidence={
                        "crossref": "HTTP 404 (not a Crossref DOI)",
                        "doi.org": "handle not found (responseCode 100)",
                    },
                )
        agency = await self.crossref.agency(doi)
        agency_id = agency if isinstance(agency, str) else None
        if agency_id == "datacite" and self.datacite is not None and not datacite_asked:
            held = await self.datacite.work(doi)
            if isinstance(held, dict):
                return Found(held, "datacite", doi, "datacite")
            # not there after all, or DataCite unreachable: content negotiation as before
        meta = await content_negotiate(self.fetcher, self.doi_url, doi)
        if isinstance(meta, dict):
            return Found(
                meta,
                source_of(agency_id),
                doi,
                agency_id,
                cacheable=not isinstance(agency, Unavailable),
            )
        why = meta.reason if isinstance(meta, Unavailable) else "no metadata offered"
        return Unavailable(
            f"DOI is registered (agency: {agency_id or 'unknown'}) but its metadata could not "
            f"be read ({why})",
            query=doi,
        )

    async def _search(self, query: str) -> None:
        assert self.crossref is not None
        items = await self.crossref.search(query)
        if isinstance(items, Unavailable):
            self.settle_search(query, Unavailable(items.reason, query=query))
        else:
            self.settle_search(query, _candidates(items))


def _candidates(items: list[dict[str, Any]]) -> tuple[Candidate, ...]:
    out = []
    for item in items:
        score = item.get("score")
        out.append(
            Candidate(record=item, score=float(score) if isinstance(score, (int, float)) else None)
        )
    return tuple(out)


def _doi_from_entry(doi: str, entry: Entry) -> Resolution:
    body = entry.body
    if entry.status == "found" and isinstance(body.get("record"), dict):
        source = body.get("source")
        return Found(
            body["record"],
            source_of(source if isinstance(source, str) else "crossref"),
            doi,
            body.get("agency"),
            from_cache=True,
        )
    sources = body.get("sources") or ["crossref"]
    evidence = body.get("evidence") if isinstance(body.get("evidence"), dict) else {}
    return NotFound(
        query=doi, sources=tuple(sources), evidence=dict(evidence or {}), from_cache=True
    )


def _search_from_entry(entry: Entry) -> tuple[Candidate, ...]:
    items = entry.body.get("items")
    return _candidates([i for i in items if isinstance(i, dict)] if isinstance(items, list) else [])


def _outcome(result: Resolution) -> str:
    if isinstance(result, Unavailable):
        return "failed"
    return "not found" if isinstance(result, NotFound) else "found"
