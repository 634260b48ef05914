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
import re
import time
from collections import Counter
from collections.abc import Callable, Collection, Coroutine, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx

from citecheck._version import __version__
from citecheck.model.document import Document, Reference
from citecheck.model.findings import SkippedCheck
from citecheck.model.resolution import (
    Candidate,
    Found,
    IdKind,
    NotFound,
    ReferenceResolution,
    Unavailable,
    UrlCheck,
)
from citecheck.model.settings import DEFAULT_OPENALEX_URL, Settings
from citecheck.references import parse_reference
from citecheck.references.arxiv import arxiv_in_link, take_arxiv
from citecheck.registry import arxiv, datacite, dblp, openalex, pubmed
from citecheck.registry.cache import Cache, default_dir
from citecheck.registry.crossref import Crossref
from citecheck.registry.http import Fetcher, Policy, host_key
from citecheck.registry.idlookup import IdLookup, id_key
from citecheck.registry.lookup import Lookup
from citecheck.registry.matching.candidates import judge
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.registry.snapshot import Snapshot
from citecheck.registry.urls import UrlChecker, checkable
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
NO_OPENALEX_KEY = (
    "OpenAlex not asked: OpenAlex requires an API key since 2026-02-13 (free at "
    "openalex.org/settings/api; without one it allows $0.01 of use a day, ten searches); "
    "set CITECHECK_OPENALEX_API_KEY or openalex-api-key in the configuration"
)
_PMID_RE = re.compile(r"\bPMID:?\s*(\d{1,9})\b")
_PMCID_RE = re.compile(r"\bPMC(\d{1,9})\b")  # "PMC3539452", "PMCID: PMC3539452"
_ARXIV_DOI = "10.48550/arxiv."


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
    id_kind: IdKind = "doi"
    ident: str | None = None
    dblp: str | None = None  # the DBLP title query (computer science, no identifier)
    # The DBLP title query asked only when the identifier (arXiv) is registered nowhere:
    # a mistyped or invented arXiv number of a paper DBLP lists (CoRR, proceedings).
    dblp_if_missing: str | None = None

    @property
    def key(self) -> str | None:
        """The identifier look-up key (arXiv, PMID), None for DOIs."""
        return id_key(self.id_kind, self.ident) if self.ident else None

    @property
    def dblp_key(self) -> str | None:
        """The progress and follow-up key of the DBLP search."""
        return f"dblp:{self.dblp}" if self.dblp else None

    @property
    def crossref_doi(self) -> str | None:
        """The DOI to ask Crossref about (arXiv's own DOIs go to arXiv instead)."""
        return self.doi if self.id_kind == "doi" else None


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


def canonical_arxiv(ident: str) -> str:
    """The form the arXiv API answers for: an old-style identifier without its subject
    class ("math.GT/0309136" -> "math/0309136"), lower-case, no version."""
    return re.sub(r"^([a-z-]+)\.[a-z]{2}/", r"\1/", ident.lower())


def arxiv_of(ref: Reference) -> str | None:
    """The arXiv identifier a reference gives (field, text or link), version dropped."""
    given = ref.fields.get("arxiv") or ref.fields.get("eprint")
    if given and (ref.fields.get("archiveprefix", "arxiv").lower() == "arxiv"):
        _, ident = take_arxiv(f"arXiv:{given.strip()}")
        if ident:
            return ident
    _, ident = take_arxiv(ref.text)
    return ident or arxiv_in_link(ref.url, ref.doi)


def pmid_of(ref: Reference) -> str | None:
    """The PubMed id a reference gives ("PMID: 27933103" or a ``pmid`` field)."""
    given = (ref.fields.get("pmid") or "").strip()
    if given.isdigit():
        return given
    m = _PMID_RE.search(ref.text)
    return m.group(1) if m else None


def pmcid_of(ref: Reference) -> str | None:
    """The PubMed Central id a reference gives ("PMC3539452" or a ``pmcid`` field)."""
    given = (ref.fields.get("pmcid") or "").strip().upper()
    if given.removeprefix("PMC").isdigit():
        return f"PMC{given.removeprefix('PMC')}"
    m = _PMCID_RE.search(ref.text)
    return f"PMC{m.group(1)}" if m else None


def _routed(doi: str | None, doi_valid: bool, ref: Reference) -> _Plan:
    query = search_text(ref)
    if doi is not None and doi.startswith(_ARXIV_DOI):
        _, ident = take_arxiv(f"arXiv:{doi[len(_ARXIV_DOI) :]}")
        if ident:
            ident = canonical_arxiv(ident)
            return _Plan(
                doi=doi,
                doi_valid=True,
                query=query,
                id_kind="arxiv",
                ident=ident,
                dblp_if_missing=title_query(ref),
            )
    if doi is not None:
        return _Plan(doi=doi, doi_valid=doi_valid, query=query)
    ident = arxiv_of(ref)
    if ident:
        ident = canonical_arxiv(ident)
        return _Plan(
            doi=None,
            doi_valid=doi_valid,
            query=query,
            id_kind="arxiv",
            ident=ident,
            dblp_if_missing=title_query(ref),
        )
    pmid = pmid_of(ref)
    if pmid:
        return _Plan(doi=None, doi_valid=doi_valid, query=query, id_kind="pmid", ident=pmid)
    pmcid = pmcid_of(ref)
    if pmcid:
        return _Plan(doi=None, doi_valid=doi_valid, query=query, id_kind="pmcid", ident=pmcid)
    return _Plan(doi=None, doi_valid=doi_valid, query=query, dblp=dblp_query(ref))


def dblp_query(ref: Reference) -> str | None:
    """The title to ask DBLP for a computer-science reference (its venue is a
    conference, LNCS, an ACM / IEEE venue, CoRR or arXiv cs.*), None otherwise. DBLP
    wants every word to match, so only the title is sent."""
    return title_query(ref, cs_only=True)


def title_query(ref: Reference, *, cs_only: bool = False) -> str | None:
    """The DBLP title query of ``ref`` (None without a title of 15 characters or more,
    and with ``cs_only`` unless it names a computer-science venue)."""
    if ref.kind == "law":
        return None
    title, container = ref.title, ref.container
    if title is None:
        parsed = parse_reference(ref.text)
        title, container = parsed.title, container or parsed.container
    venue = " ".join(p for p in (container, ref.fields.get("booktitle"), ref.text) if p)
    if not title or len(title) < 15 or (cs_only and not dblp.cs_venue(venue)):
        return None
    return dblp.query_text(title)[:MAX_QUERY_CHARS] or None


def plan_reference(ref: Reference) -> _Plan:
    """Which identifier to look up where (DOI, arXiv id, PMID, PMCID), whether a given DOI is
    valid, and what to search."""
    if ref.doi and ref.doi.strip():
        doi = normalise_doi(ref.doi)
        return _routed(doi, doi is not None, ref)
    for source in (ref.url, ref.text):
        found = extract_doi(source) if source else None
        doi = normalise_doi(found) if found else None
        if doi:
            return _routed(doi, True, ref)
    return _routed(None, True, ref)


def resolve_all(
    documents: Sequence[Document],
    settings: Settings,
    *,
    client: httpx.Client | httpx.AsyncClient | None = None,
    progress: Progress | None = None,
    policy: Policy | None = None,
    only: Sequence[Collection[int]] | None = None,
) -> ResolveOutcome:
    """Resolve every reference of every document; ``outcome.resolutions[d][i]`` is
    reference ``i`` of ``documents[d]``.

    ``only[d]``, when given, names the references of ``documents[d]`` worth resolving
    (the printed ones: an uncited entry of a shared ``.bib`` is in no manuscript, and
    asking registries about 20,000 of them would cost hours of polite requests); the
    others get no resolution and are not counted in the skipped notes.

    ``client`` is the test seam (an ``httpx`` client with a mock transport); without
    one a client is built for this run and closed afterwards. ``policy`` tunes
    retries and budgets (tests shrink the waits).
    """
    policy = policy or Policy()
    outcome = ResolveOutcome()
    refs = {
        (i, j): ref
        for i, d in enumerate(documents)
        for j, ref in enumerate(d.references)
        if only is None or j in only[i]
    }
    plans = {at: plan_reference(ref) for at, ref in refs.items()}
    dois = sorted({p.crossref_doi for p in plans.values() if p.crossref_doi})
    keys = sorted({p.key for p in plans.values() if p.key})
    first_queries = sorted(
        {p.query for p in plans.values() if p.query and not p.doi and not p.key and not p.dblp}
    )
    titles = sorted({p.dblp for p in plans.values() if p.dblp})
    web = {at: checkable(ref.url) for at, ref in refs.items()} if settings.check_urls else {}
    urls = sorted({u for u in web.values() if u})
    url_results: dict[str, UrlCheck] = {}

    cache: Cache | None = None
    snapshot: Snapshot | None = None
    lookup = Lookup(cache=None, fetcher=None, crossref=None, doi_url=settings.doi_url)
    ids = IdLookup(cache=None)
    fallback_query: dict[tuple[int, int], str] = {}
    if dois or keys or first_queries or urls or titles:
        if settings.snapshot:
            # A snapshot the user named but that cannot be read stops the run (exit 2):
            # silently going to the network would not be the reproducible run asked for.
            snapshot = Snapshot.open(Path(settings.snapshot))
        if not settings.no_cache:
            cache = Cache.open(default_dir(settings.cache_dir), outcome.notes)
        ids = IdLookup(cache=cache, offline=settings.offline, refresh=settings.refresh)
        run = _Run(settings, policy, client, cache, progress, outcome, plans, refs, ids, snapshot)
        try:
            lookup = _run_sync(run.resolve(dois, keys, first_queries, urls, titles))
            fallback_query = run.fallback_query
            url_results = run.url_results
        except Exception as exc:  # a bug here must not cost the user the local checks
            reason = f"internal error in the registry stage ({type(exc).__name__}: {exc})"
            outcome.notes.append(f"{reason}; please report it")
            lookup.dois = {d: Unavailable(reason, query=d) for d in dois}
            lookup.searches = {q: Unavailable(reason, query=q) for q in first_queries}
            ids.ids = {k: Unavailable(reason, query=k) for k in keys}
            ids.dblp_hits = {q: Unavailable(reason, query=q) for q in titles}
            url_results = {u: UrlCheck("unknown", None, None, reason) for u in urls}
        finally:
            if snapshot is not None:
                snapshot.close()
            if cache is not None:
                cache.close()
                if cache.write_failed:
                    outcome.notes.append(f"cache not updated: {cache.write_failed}")

    for i, document in enumerate(documents):
        reasons: Counter[str] = Counter()
        web_reasons: Counter[str] = Counter()
        resolved: dict[int, ReferenceResolution] = {}
        outcome.resolutions.append(resolved)
        for j in range(len(document.references)):
            plan = plans.get((i, j))
            if plan is None:
                continue
            by_doi = None
            if plan.crossref_doi:
                by_doi = lookup.dois.get(plan.crossref_doi)
            elif plan.key:
                by_doi = ids.ids.get(plan.key)
            search = None
            routed = plan.crossref_doi or plan.key
            if plan.query and (not routed or isinstance(by_doi, NotFound)):
                search = lookup.searches.get(plan.query)
            oa_query = fallback_query.get((i, j))
            fallback = ids.fallbacks.get(oa_query) if oa_query else None
            not_asked: tuple[tuple[str, str], ...] = ()
            if oa_query and fallback is None:
                not_asked = (("openalex", NO_OPENALEX_KEY),)
            resolved[j] = ReferenceResolution(
                doi=plan.doi,
                doi_valid=plan.doi_valid,
                by_doi=by_doi,
                search=search,
                id_kind=plan.id_kind,
                ident=plan.ident,
                fallback=fallback,
                not_asked=not_asked,
                dblp=_dblp_hits(ids, plan),
                url=web.get((i, j)),
                url_check=url_results.get(web.get((i, j)) or ""),
            )
            checked = resolved[j].url_check
            if checked is not None and checked.status == "unknown":
                web_reasons[checked.reason] += 1
            for r in (by_doi, search):
                if isinstance(r, Unavailable):
                    reasons[r.reason] += 1
                    break
        n_refs = sum(1 for j in range(len(document.references)) if (i, j) in plans)
        # "42 of 42 printed references" when a shared .bib's uncited entries were left out
        what = "references" if n_refs == len(document.references) else "printed references"
        for reason, n in sorted(reasons.items()):
            outcome.skipped.append(
                SkippedCheck(
                    check="registry",
                    path=document.path,
                    reason=f"{n} of {n_refs} {what} not checked against the registry: {reason}",
                )
            )
        n_web = sum(1 for j in range(n_refs) if web.get((i, j)))
        for reason, n in sorted(web_reasons.items()):
            outcome.skipped.append(
                SkippedCheck(
                    check="urls",
                    path=document.path,
                    reason=f"{n} of {n_web} web addresses not checked: {reason}",
                )
            )
    return outcome


def _dblp_hits(ids: IdLookup, plan: _Plan) -> tuple[Candidate, ...] | Unavailable | None:
    """What DBLP answered for the plan's title (asked first, or after its identifier
    was found nowhere), None when it was not asked."""
    title = plan.dblp or plan.dblp_if_missing
    return ids.dblp_hits.get(title) if title else None


def wait_line(label: str, why: str) -> str:
    """A wait message on the progress line of a round; a round named after its registry
    ("registry, OpenAlex") does not name it twice ("registry, OpenAlex: HTTP 503; ...",
    not "registry, OpenAlex: OpenAlex: HTTP 503; ...")."""
    _, comma, service = label.rpartition(", ")
    if comma and why.startswith(f"{service}: "):
        why = why[len(service) + 2 :]
    elif comma and why.startswith(f"{service} "):
        why = why[len(service) + 1 :]
    return f"{label}: {why}"


def openalex_query(ref: Reference, plan: _Plan) -> str | None:
    """What to ask OpenAlex: the title and first author when parsed (OpenAlex ranks
    words, and a whole reference string drowns the title), else the search text."""
    if ref.title and len(ref.title) >= 15:
        who = ref.authors[0].family if ref.authors and ref.authors[0].family else ""
        return " ".join(f"{ref.title} {who}".split())[:MAX_QUERY_CHARS]
    return plan.query


class _Run:
    """The asynchronous part of one registry stage: fetcher, clients and rounds."""

    def __init__(
        self,
        settings: Settings,
        policy: Policy,
        client: httpx.Client | httpx.AsyncClient | None,
        cache: Cache | None,
        progress: Progress | None,
        outcome: ResolveOutcome,
        plans: dict[tuple[int, int], _Plan],
        refs: dict[tuple[int, int], Reference],
        ids: IdLookup,
        snapshot: Snapshot | None = None,
    ) -> None:
        self.settings = settings
        self.policy = policy
        self.client = client
        self.own_client: httpx.AsyncClient | None = None
        self.fetcher: Fetcher | None = None
        self.outcome = outcome
        self.plans = plans
        self.refs = refs
        self.ids = ids
        self.fallback_query: dict[tuple[int, int], str] = {}
        self.url_results: dict[str, UrlCheck] = {}
        self.cache = cache
        self.deadline_at = time.monotonic() + settings.deadline
        self.lookup = Lookup(
            cache=cache,
            fetcher=None,
            crossref=None,
            doi_url=settings.doi_url,
            offline=settings.offline,
            refresh=settings.refresh,
            progress=progress,
            batch_size=policy.batch_size,
            local=snapshot,
            follow_ups=_follow_ups(plans),
            accepts=_accepts(plans, refs, Thresholds.from_settings(settings)),
        )
        self.snapshot = snapshot

    def connect(self) -> Fetcher:
        """The run's fetcher, built on first need (a client costs ~0.3 s of TLS set-up)."""
        if self.fetcher is not None:
            return self.fetcher
        settings = self.settings
        if self.client is None:
            self.own_client = self.client = httpx.AsyncClient(
                timeout=settings.timeout, follow_redirects=False
            )
        private = {}
        if settings.crossref_plus_token:
            # The token goes to the configured Crossref host only, never to doi.org.
            private[host_key(settings.crossref_url)] = {
                "Crossref-Plus-API-Token": f"Bearer {settings.crossref_plus_token}"
            }
        fetcher = Fetcher(
            self.client,
            self.policy,
            deadline_at=self.deadline_at,
            timeout=settings.timeout,
            headers={"User-Agent": user_agent(settings.mailto)},
            private_headers=private,
            configured=(
                settings.crossref_url,
                settings.doi_url,
                settings.arxiv_url,
                settings.pubmed_url,
                settings.openalex_url,
                settings.datacite_url,
                settings.dblp_url,
            ),
        )
        fetcher.budgets.add(arxiv.BUCKET, rate=arxiv.RATE * 0.9, concurrency=1)
        pubmed_rate = pubmed.RATE_WITH_KEY if settings.ncbi_api_key else pubmed.RATE
        fetcher.budgets.add(pubmed.BUCKET, rate=pubmed_rate * 0.9, concurrency=1)
        fetcher.budgets.add(openalex.BUCKET, rate=openalex.RATE, concurrency=1)
        datacite_rate = datacite.RATE_IDENTIFIED if settings.mailto else datacite.RATE
        fetcher.budgets.add(datacite.BUCKET, rate=datacite_rate * 0.9, concurrency=2)
        fetcher.budgets.add(dblp.BUCKET, rate=dblp.RATE * 0.9, concurrency=1)
        if self.lookup.progress is not None:
            tell, lookup = self.lookup.progress, self.lookup

            def waiting(why: str) -> None:
                # The progress line says why nothing moves while a retry waits; once
                # the counted look-ups are done there is no line left to say it on.
                if lookup.done < lookup.total:
                    tell(wait_line(lookup.round_label, why), lookup.done, lookup.total)

            fetcher.on_wait = waiting
        self.fetcher = fetcher
        self.lookup.fetcher = fetcher
        self.lookup.crossref = Crossref(fetcher, settings.crossref_url)
        self.lookup.datacite = datacite.DataCite(fetcher, settings.datacite_url)
        self.ids.arxiv = arxiv.Arxiv(fetcher, settings.arxiv_url)
        self.ids.dblp = dblp.Dblp(fetcher, settings.dblp_url)
        self.ids.pubmed = pubmed.PubMed(
            fetcher, settings.pubmed_url, email=settings.mailto, api_key=settings.ncbi_api_key
        )
        self.ids.openalex = openalex.OpenAlex(
            fetcher,
            settings.openalex_url,
            api_key=settings.openalex_api_key,
            mailto=settings.mailto,
        )
        if not settings.mailto:
            self.outcome.notes.append(MAILTO_HINT)
        return fetcher

    async def resolve(
        self,
        dois: list[str],
        keys: list[str],
        first_queries: list[str],
        urls: list[str],
        titles: Sequence[str] = (),
    ) -> Lookup:
        """Every round: DOIs, identifiers, DBLP titles and searches; the searches of
        references none of those confirmed; then the OpenAlex fallback."""
        self.deadline_at = time.monotonic() + self.settings.deadline
        lookup, ids = self.lookup, self.ids
        try:
            todo_d, _ = lookup.from_cache(dois, [])
            # References whose DOI the cache already knows is registered nowhere are
            # searched in the first round: one progress total, fixed before any request.
            known_missing = {
                q
                for d, qs in lookup.follow_ups.items()
                if isinstance(lookup.dois.get(d), NotFound)
                for q in qs
            }
            _, todo_q = lookup.from_cache([], sorted(set(first_queries) | known_missing))
            todo_k = ids.ids_from_cache(keys)
            todo_t = ids.dblp_from_cache(list(titles))
            lookup.plan(todo_d, todo_q, [*todo_k, *(f"dblp:{t}" for t in todo_t)])
            ids.on_id = lookup.settle_id
            ids.on_dblp = self._settle_dblp
            if todo_d or todo_q or todo_k or todo_t:
                self.connect()
                await asyncio.gather(
                    lookup.fetch(todo_d, todo_q), ids.fetch_ids(todo_k), ids.fetch_dblp(todo_t)
                )
            # Second round: search for references whose identifier is registered nowhere
            # (part of that identifier's look-up: the progress total does not change).
            later = sorted(
                {
                    p.query
                    for at, p in self.plans.items()
                    if p.query and self._missing(at, p) and p.query not in lookup.searches
                }
            )
            # ... and DBLP for arXiv identifiers registered nowhere.
            later_t = sorted(
                {
                    p.dblp_if_missing
                    for at, p in self.plans.items()
                    if p.dblp_if_missing
                    and self._missing(at, p)
                    and p.dblp_if_missing not in ids.dblp_hits
                }
            )
            todo_t = ids.dblp_from_cache(later_t)
            if later or todo_t:
                todo_d, todo_q = lookup.from_cache([], later)
                lookup.release()  # the unregistered DOIs whose searches the cache answered
                if todo_q or todo_t:
                    self.connect()
                    on_dblp, ids.on_dblp = ids.on_dblp, None  # not on the progress total
                    try:
                        await asyncio.gather(lookup.fetch([], todo_q), ids.fetch_dblp(todo_t))
                    finally:
                        ids.on_dblp = on_dblp
            await self._fallback_round()
            if urls:
                await self._urls(urls)
        finally:
            if self.own_client is not None:
                await self.own_client.aclose()
        self._notes()
        return lookup

    async def _urls(self, urls: list[str]) -> None:
        """``--check-urls``: every distinct web address, politely (registry/urls.py)."""
        settings = self.settings
        if not settings.offline:
            self.connect()
        checker = UrlChecker(
            client=self.client,
            user_agent=user_agent(settings.mailto),
            timeout=settings.timeout,
            deadline_at=self.deadline_at,
            cache=self.cache,
            offline=settings.offline,
        )
        self.url_results = await checker.check(urls)
        if checker.requests:
            self.outcome.requests["urls"] = checker.requests

    def _missing(self, at: tuple[int, int], plan: _Plan) -> bool:
        if plan.crossref_doi:
            return isinstance(self.lookup.dois.get(plan.crossref_doi), NotFound)
        if plan.key:
            return isinstance(self.ids.ids.get(plan.key), NotFound)
        if plan.dblp:
            return not self._dblp_accepted(self.refs[at], plan.dblp)
        return False

    def _dblp_accepted(self, ref: Reference, title: str) -> bool:
        """Whether DBLP's hits for ``title`` hold the cited work (a confident match:
        nothing else is asked for it)."""
        hits = self.ids.dblp_hits.get(title)
        if not isinstance(hits, tuple) or not hits:
            return False
        thresholds = Thresholds.from_settings(self.settings)
        return judge(ref, [h.record for h in hits], thresholds).accepted is not None

    def _settle_dblp(self, title: str, hits: tuple[Candidate, ...] | Unavailable) -> None:
        """Count one DBLP search on the progress line; not accepted, it waits for the
        Crossref search that follows it."""
        key = f"dblp:{title}"
        if isinstance(hits, Unavailable):
            result: Found | NotFound | Unavailable = hits
        else:
            refs = [self.refs[at] for at, p in sorted(self.plans.items()) if p.dblp == title]
            if refs and self._dblp_accepted(refs[0], title):
                result = Found(hits[0].record, "dblp", hits[0].record.get("DOI"))
            else:
                result = NotFound(query=key, sources=("dblp",))
        self.lookup.settle_id(key, result)

    async def _fallback_round(self) -> None:
        """OpenAlex for references without a DOI that the Crossref search did not confirm."""
        thresholds = Thresholds.from_settings(self.settings)
        for at, plan in sorted(self.plans.items()):
            if plan.doi or not plan.query:
                continue
            if plan.key and isinstance(self.ids.ids.get(plan.key), Found):
                continue
            title = plan.dblp or plan.dblp_if_missing
            if title and self._dblp_accepted(self.refs[at], title):
                continue
            hits = self.lookup.searches.get(plan.query)
            if not isinstance(hits, tuple):
                continue  # the search could not be done: nothing to fall back from
            ref = self.refs[at]
            if hits and judge(ref, [h.record for h in hits], thresholds).plausible:
                continue
            query = openalex_query(ref, plan)
            if query:
                self.fallback_query[at] = query
        if not self.fallback_query:
            return
        settings = self.settings
        if not settings.openalex_api_key and settings.openalex_url == DEFAULT_OPENALEX_URL:
            return  # reported per reference (not_asked)
        queries = sorted(set(self.fallback_query.values()))
        todo = self.ids.fallbacks_from_cache(queries)
        if todo:
            self.connect()
            # A round of its own on the progress line: its searches are known only now.
            searched = {q: self.refs[at] for at, q in sorted(self.fallback_query.items())}
            lookup = self.lookup
            lookup.begin_round("registry, OpenAlex", len(todo))

            def settled(query: str, hits: tuple[Candidate, ...] | Unavailable) -> None:
                if isinstance(hits, Unavailable):
                    lookup.tick("failed")
                elif judge(searched[query], [h.record for h in hits], thresholds).accepted:
                    lookup.tick("found")
                else:
                    lookup.tick("not found")

            self.ids.on_fallback = settled
            await self.ids.fetch_fallbacks(todo)

    def _notes(self) -> None:
        outcome, fetcher, settings = self.outcome, self.fetcher, self.settings
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
        if self.snapshot is not None:
            outcome.notes.append(
                f"{self.lookup.local_used} registry answers came from {self.snapshot.label} "
                f"({self.snapshot.meta.get('source', 'unknown source')}, "
                f"{self.snapshot.meta.get('coverage', 'partial')} coverage)"
            )
        stale = self.lookup.stale_used + self.ids.stale_used
        if stale:
            outcome.notes.append(
                f"{stale} registry answers came from an out-of-date cache "
                "because a fresh look-up failed"
            )


def _follow_ups(plans: dict[tuple[int, int], _Plan]) -> dict[str, frozenset[str]]:
    """Crossref DOI or identifier key -> the searches of its references, run if it is
    registered nowhere."""
    out: dict[str, set[str]] = {}
    for p in plans.values():
        routed = p.crossref_doi or p.key or p.dblp_key
        if routed and p.query:
            out.setdefault(routed, set()).add(p.query)
    return {d: frozenset(qs) for d, qs in out.items()}


def _accepts(
    plans: dict[tuple[int, int], _Plan],
    refs: dict[tuple[int, int], Reference],
    thresholds: Thresholds,
) -> Callable[[str, tuple[Candidate, ...]], bool]:
    """Whether a search's hits hold the cited work, as the rules will judge them (the
    progress line counts a search whose hits are all rejected as not found)."""
    searched: dict[str, Reference] = {}
    for at, p in sorted(plans.items()):
        if p.query:
            searched.setdefault(p.query, refs[at])

    def accepts(query: str, hits: tuple[Candidate, ...]) -> bool:
        ref = searched.get(query)
        if ref is None:
            return bool(hits)
        return bool(hits) and judge(ref, [h.record for h in hits], thresholds).accepted is not None

    return accepts


def _run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion, also when called from inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
