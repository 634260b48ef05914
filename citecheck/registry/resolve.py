"""The registry stage: every reference of every document gets a
:class:`~citecheck.model.resolution.ReferenceResolution`.

The engine calls :func:`resolve_all` once per run. DOIs are deduplicated across
all documents and asked at most once; references without a DOI (or whose DOI is
registered nowhere) get a Crossref bibliographic search. Anything that could not
be checked is listed in :attr:`ResolveOutcome.skipped`, never reported as a
finding.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from collections import Counter
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx

from citecheck._version import __version__
from citecheck.model.document import Document, Reference
from citecheck.model.findings import SkippedCheck
from citecheck.model.resolution import NotFound, ReferenceResolution, Unavailable
from citecheck.model.settings import Settings
from citecheck.registry.cache import Cache, default_dir
from citecheck.registry.crossref import Crossref
from citecheck.registry.http import Fetcher, Policy, host_key
from citecheck.registry.lookup import Lookup
from citecheck.registry.snapshot import Snapshot
from citecheck.text.doi import extract_doi, normalise_doi, strip_identifiers

Progress = Callable[[str, int, int], None]
T = TypeVar("T")
HOMEPAGE = "https://github.com/citecheck/citecheck"
MAILTO_HINT = (
    "no contact e-mail for Crossref: look-ups use the slower public pool. Set one with "
    '--mailto, the CITECHECK_MAILTO environment variable, or mailto = "you@example.org" '
    "under [tool.citecheck]"
)
MAX_QUERY_CHARS = 400
MIN_QUERY_CHARS = 25


@dataclass
class ResolveOutcome:
    """What the registry stage reports besides the resolutions themselves."""

    skipped: list[SkippedCheck] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    requests: dict[str, int] = field(default_factory=dict)  # per budget, for benchmarks
    resolutions: list[dict[int, ReferenceResolution]] = field(default_factory=list)
    """One mapping per document (in the order given): reference index -> resolution."""


@dataclass(frozen=True)
class _Plan:
    doi: str | None
    doi_valid: bool
    query: str | None


def user_agent(mailto: str | None) -> str:
    """``citecheck/<version> (<homepage>; mailto:<addr>)``: Crossref's polite form."""
    contact = f"; mailto:{mailto}" if mailto else ""
    return f"citecheck/{__version__} ({HOMEPAGE}{contact})"


def search_text(ref: Reference) -> str | None:
    """The reference string to search for, or None when there is too little to search.

    URLs and DOIs are removed (a wrong DOI only misleads the search); law and
    regulation references are never in Crossref.
    """
    if ref.kind == "law":
        return None
    text = " ".join(strip_identifiers(ref.text).split())[:MAX_QUERY_CHARS].strip()
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if len(text) < MIN_QUERY_CHARS or len(words) < 3:
        return None
    return text


def plan_reference(ref: Reference) -> _Plan:
    """Which DOI to look up (and whether the one given is valid) and what to search."""
    if ref.doi and ref.doi.strip():
        doi = normalise_doi(ref.doi)
        if doi is None:
            return _Plan(doi=None, doi_valid=False, query=search_text(ref))
        return _Plan(doi=doi, doi_valid=True, query=search_text(ref))
    for source in (ref.url, ref.text):
        found = extract_doi(source) if source else None
        doi = normalise_doi(found) if found else None
        if doi:
            return _Plan(doi=doi, doi_valid=True, query=search_text(ref))
    return _Plan(doi=None, doi_valid=True, query=search_text(ref))


def resolve_all(
    documents: Sequence[Document],
    settings: Settings,
    *,
    client: httpx.Client | httpx.AsyncClient | None = None,
    progress: Progress | None = None,
    policy: Policy | None = None,
) -> ResolveOutcome:
    """Resolve every reference of every document; ``outcome.resolutions[d][i]`` is
    reference ``i`` of ``documents[d]``.

    ``client`` is the test seam (an ``httpx`` client with a mock transport); without
    one a client is built for this run and closed afterwards. ``policy`` tunes
    retries and budgets (tests shrink the waits).
    """
    policy = policy or Policy()
    outcome = ResolveOutcome()
    plans = {
        (i, j): plan_reference(ref)
        for i, document in enumerate(documents)
        for j, ref in enumerate(document.references)
    }
    dois = sorted({p.doi for p in plans.values() if p.doi})
    first_queries = sorted({p.query for p in plans.values() if p.query and not p.doi})

    cache: Cache | None = None
    snapshot: Snapshot | None = None
    lookup = Lookup(cache=None, fetcher=None, crossref=None, doi_url=settings.doi_url)
    if dois or first_queries:
        if settings.snapshot:
            # A snapshot the user named but that cannot be read stops the run (exit 2):
            # silently going to the network would not be the reproducible run asked for.
            snapshot = Snapshot.open(Path(settings.snapshot))
        if not settings.no_cache:
            cache = Cache.open(default_dir(settings.cache_dir), outcome.notes)
        try:
            lookup = _run_sync(
                _resolve(
                    settings,
                    policy,
                    client,
                    cache,
                    progress,
                    dois,
                    first_queries,
                    plans,
                    outcome,
                    snapshot,
                )
            )
        except Exception as exc:  # a bug here must not cost the user the local checks
            reason = f"internal error in the registry stage ({type(exc).__name__}: {exc})"
            outcome.notes.append(f"{reason}; please report it")
            lookup.dois = {d: Unavailable(reason, query=d) for d in dois}
            lookup.searches = {q: Unavailable(reason, query=q) for q in first_queries}
        finally:
            if snapshot is not None:
                snapshot.close()
            if cache is not None:
                cache.close()
                if cache.write_failed:
                    outcome.notes.append(f"cache not updated: {cache.write_failed}")

    for i, document in enumerate(documents):
        reasons: Counter[str] = Counter()
        resolved: dict[int, ReferenceResolution] = {}
        outcome.resolutions.append(resolved)
        for j in range(len(document.references)):
            plan = plans[(i, j)]
            by_doi = lookup.dois.get(plan.doi) if plan.doi else None
            search = None
            if plan.query and (plan.doi is None or isinstance(by_doi, NotFound)):
                search = lookup.searches.get(plan.query)
            resolved[j] = ReferenceResolution(
                doi=plan.doi, doi_valid=plan.doi_valid, by_doi=by_doi, search=search
            )
            for r in (by_doi, search):
                if isinstance(r, Unavailable):
                    reasons[r.reason] += 1
                    break
        n_refs = len(document.references)
        for reason, n in sorted(reasons.items()):
            outcome.skipped.append(
                SkippedCheck(
                    check="registry",
                    path=document.path,
                    reason=f"{n} of {n_refs} references not checked against the registry: {reason}",
                )
            )
    return outcome


async def _resolve(
    settings: Settings,
    policy: Policy,
    client: httpx.Client | httpx.AsyncClient | None,
    cache: Cache | None,
    progress: Progress | None,
    dois: list[str],
    first_queries: list[str],
    plans: dict[tuple[int, int], _Plan],
    outcome: ResolveOutcome,
    snapshot: Snapshot | None = None,
) -> Lookup:
    deadline_at = time.monotonic() + settings.deadline
    own_client: httpx.AsyncClient | None = None
    fetcher: Fetcher | None = None
    lookup = Lookup(
        cache=cache,
        fetcher=None,
        crossref=None,
        doi_url=settings.doi_url,
        offline=settings.offline,
        refresh=settings.refresh,
        progress=progress,
        batch_size=policy.batch_size,
        local=snapshot,
    )

    def connect() -> Fetcher:
        # Only when something must be fetched: building a client costs ~0.3 s (TLS set-up).
        nonlocal own_client, fetcher, client
        if fetcher is None:
            if client is None:
                own_client = client = httpx.AsyncClient(
                    timeout=settings.timeout, follow_redirects=False
                )
            private = {}
            if settings.crossref_plus_token:
                # The token goes to the configured Crossref host only, never to doi.org.
                private[host_key(settings.crossref_url)] = {
                    "Crossref-Plus-API-Token": f"Bearer {settings.crossref_plus_token}"
                }
            fetcher = Fetcher(
                client,
                policy,
                deadline_at=deadline_at,
                timeout=settings.timeout,
                headers={"User-Agent": user_agent(settings.mailto)},
                private_headers=private,
                configured=(settings.crossref_url, settings.doi_url),
            )
            if progress is not None:
                tell = progress  # the progress line says why nothing moves while a retry waits
                fetcher.on_wait = lambda why: tell(f"registry: {why}", lookup.done, lookup.total)
            lookup.fetcher = fetcher
            lookup.crossref = Crossref(fetcher, settings.crossref_url)
            if not settings.mailto:
                outcome.notes.append(MAILTO_HINT)
        return fetcher

    try:
        todo_d, todo_q = lookup.from_cache(dois, first_queries)
        if todo_d or todo_q:
            connect()
            await lookup.fetch(todo_d, todo_q)
        # Second round: search for references whose DOI is registered nowhere.
        later = sorted(
            {
                p.query
                for p in plans.values()
                if p.query
                and p.doi
                and isinstance(lookup.dois.get(p.doi), NotFound)
                and p.query not in lookup.searches
            }
        )
        if later:
            todo_d, todo_q = lookup.from_cache([], later)
            if todo_q:
                connect()
                await lookup.fetch([], todo_q)
    finally:
        if own_client is not None:
            await own_client.aclose()
    if fetcher is not None:
        outcome.requests = dict(fetcher.requests)
        for breaker in fetcher.breakers.values():
            if breaker.open:
                outcome.notes.append(breaker.reason())
        if fetcher.deadline_hit:
            outcome.notes.append(
                f"registry look-ups stopped at the deadline ({settings.deadline:g} s); "
                "raise it with --deadline"
            )
    if snapshot is not None:
        outcome.notes.append(
            f"{lookup.local_used} registry answers came from {snapshot.label} "
            f"({snapshot.meta.get('source', 'unknown source')}, "
            f"{snapshot.meta.get('coverage', 'partial')} coverage)"
        )
    if lookup.stale_used:
        outcome.notes.append(
            f"{lookup.stale_used} registry answers came from an out-of-date cache "
            "because a fresh look-up failed"
        )
    return lookup


def _run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion, also when called from inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
