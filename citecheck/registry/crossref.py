"""Crossref REST API calls: batch and single work look-ups, agency, bibliographic search.

Each call returns plain data or :class:`Unavailable`; deciding what a missing record
means (ask doi.org next) is the caller's job.

Records are handed on and cached *raw* (Crossref's ``message`` objects) minus a few
heavy fields no check reads (the work's own reference list, full-text links,
licences, funders), which keeps the cache small. Batch look-ups do not ``select``
fields: Crossref's selectable fields lack ``journal-issue`` (issue print dates, read
by the year check) and ``subtype``, and a record must look the same whichever route
fetched it. Searches do ``select`` (they need ``score``, and five slim hits suffice).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from citecheck.model.resolution import Unavailable
from citecheck.registry.http import Fetcher, Reply

SERVICE = "Crossref"
DROPPED = frozenset(
    {
        "reference",
        "link",
        "license",
        "funder",
        "assertion",
        "content-domain",
        "clinical-trial-number",
        "standards-body",
        "resource",
        "score",
    }
)
# Search hits: what candidate validation compares, plus the relevance score.
SEARCH_FIELDS = (
    "DOI",
    "ISBN",
    "ISSN",
    "article-number",
    "author",
    "container-title",
    "editor",
    "event",
    "group-title",
    "issue",
    "issued",
    "member",
    "original-title",
    "page",
    "posted",
    "prefix",
    "published",
    "published-online",
    "published-print",
    "publisher",
    "relation",
    "score",
    "short-container-title",
    "short-title",
    "subtitle",
    "title",
    "type",
    "update-to",
    "updated-by",
    "volume",
)
SEARCH_ROWS = 5
# Answers to a batch request that mean "this route or filter is not offered here".
_ROUTE_REJECTED = frozenset({400, 404, 405, 414, 422, 501})


def encode_doi(doi: str) -> str:
    """The DOI as a URL path: reserved characters escaped, the slash kept.

    A "." or ".." segment ("10.1234/../../evil") is escaped too: URL normalisation
    would otherwise resolve it and send the request to another path of the host.
    """
    parts = quote(doi, safe="/").split("/")
    return "/".join(p.replace(".", "%2E") if p in (".", "..") else p for p in parts)


def slim(record: dict[str, Any], *, keep_score: bool = False) -> dict[str, Any]:
    """The record without the heavy fields no check reads."""
    return {k: v for k, v in record.items() if k not in DROPPED or (keep_score and k == "score")}


def _message(reply: Reply) -> Any:
    data = reply.data
    if isinstance(data, dict) and data.get("status") == "ok":
        return data.get("message")
    return None


class Crossref:
    """The Crossref calls of one run, all through one :class:`Fetcher`."""

    def __init__(self, fetcher: Fetcher, base_url: str) -> None:
        self.fetcher = fetcher
        self.base = base_url.rstrip("/")
        self.batch_ok = True  # switched off if Crossref rejects our batch query
        self.select_ok = True  # switched off if Crossref rejects our select list

    async def works(self, dois: list[str]) -> dict[str, dict[str, Any]] | Unavailable:
        """Records of ``dois`` by one ``filter=doi:`` list request, keyed by lower-case DOI.

        DOIs Crossref does not hold are simply absent from the answer.
        """
        params = {"filter": ",".join(f"doi:{d}" for d in dois), "rows": str(max(len(dois), 1))}
        reply = await self.fetcher.get(
            f"{self.base}/works", bucket="list", service=SERVICE, params=params
        )
        if isinstance(reply, Unavailable):
            return reply
        message = _message(reply) if reply.status == 200 else None
        items = message.get("items") if isinstance(message, dict) else None
        if not isinstance(items, list):
            if reply.status in _ROUTE_REJECTED or (
                reply.status == 200 and isinstance(reply.data, dict)
            ):
                # The list route or the doi filter is not supported here (a mirror, a
                # proxy, an older API): ask one by one for the rest of the run. A
                # temporary failure (5xx, 429, network) stays unavailable instead.
                self.batch_ok = False
            return Unavailable(
                f"unexpected Crossref answer to a batch look-up (HTTP {reply.status})"
            )
        out: dict[str, dict[str, Any]] = {}
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("DOI"), str):
                out[item["DOI"].lower()] = slim(item)
        return out

    async def work(self, doi: str) -> dict[str, Any] | Unavailable | None:
        """The record of one DOI; None when Crossref does not know it (404/400)."""
        reply = await self.fetcher.get(
            f"{self.base}/works/{encode_doi(doi)}", bucket="single", service=SERVICE
        )
        if isinstance(reply, Unavailable):
            return reply
        if reply.status in (400, 404):
            # 404 "Resource not found." (text/plain): not a Crossref DOI, or no DOI at all.
            return None
        if reply.status == 401:
            return Unavailable("Crossref rejected the Plus API token (HTTP 401)")
        message = _message(reply) if reply.status == 200 else None
        if not isinstance(message, dict) or not isinstance(message.get("DOI"), str):
            return Unavailable(f"unexpected Crossref answer (HTTP {reply.status})")
        return slim(message)

    async def agency(self, doi: str) -> str | Unavailable | None:
        """The registration agency id (``crossref``, ``datacite``, ``medra``...), if known."""
        reply = await self.fetcher.get(
            f"{self.base}/works/{encode_doi(doi)}/agency", bucket="single", service=SERVICE
        )
        if isinstance(reply, Unavailable):
            return reply
        if reply.status in (400, 404):
            return None
        message = _message(reply) if reply.status == 200 else None
        agency = message.get("agency") if isinstance(message, dict) else None
        ident = agency.get("id") if isinstance(agency, dict) else None
        if not isinstance(ident, str):
            return Unavailable(f"unexpected Crossref agency answer (HTTP {reply.status})")
        return ident.lower()

    async def search(self, text: str) -> list[dict[str, Any]] | Unavailable:
        """The top hits of ``query.bibliographic`` for a reference string, best first."""
        params = {"query.bibliographic": text, "rows": str(SEARCH_ROWS)}
        if self.select_ok:
            params["select"] = ",".join(SEARCH_FIELDS)
        reply = await self.fetcher.get(
            f"{self.base}/works", bucket="list", service=SERVICE, params=params
        )
        if isinstance(reply, Unavailable):
            return reply
        if reply.status == 400 and "select" in params:
            # The selectable fields have changed before; full records serve as well.
            self.select_ok = False
            return await self.search(text)
        message = _message(reply) if reply.status == 200 else None
        items = message.get("items") if isinstance(message, dict) else None
        if not isinstance(items, list):
            return Unavailable(f"unexpected Crossref search answer (HTTP {reply.status})")
        return [slim(i, keep_score=True) for i in items if isinstance(i, dict)]
