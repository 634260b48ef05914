"""OpenAlex (``api.openalex.org``): the fallback search for references Crossref does not
confirm, and a second retraction source (``is_retracted``).

OpenAlex requires a (free) API key since 2026-02-13; without one a caller keeps a
testing budget of $0.01 a day, ten searches. Single works cost nothing, list and
search requests $0.0001 and $0.001; every caller is held to 100 requests a second
(https://docs.openalex.org/how-to-use-the-api/rate-limits-and-authentication,
https://developers.openalex.org/api-reference/authentication). The
search is therefore asked only with a key (or a configured stand-in), and only for
references nothing else confirmed.

Works become records in Crossref's field names so the candidate validator and the
registry rules read them like Crossref hits.
"""

from __future__ import annotations

from typing import Any

from citecheck.model.resolution import Unavailable
from citecheck.registry.http import Fetcher

SERVICE = "OpenAlex"
BUCKET = "openalex"
RATE = 10.0  # far below the 100/s cap: a run asks a handful of searches
SEARCH_ROWS = 5
_TYPES = {
    "article": "journal-article",
    "book-chapter": "book-chapter",
    "book": "book",
    "dataset": "dataset",
    "dissertation": "dissertation",
    "preprint": "posted-content",
    "report": "report",
}


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _doi(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    return value.lower().removeprefix("https://doi.org/")


def _author(authorship: Any) -> dict[str, str] | None:
    if not isinstance(authorship, dict):
        return None
    author = authorship.get("author")
    name = author.get("display_name") if isinstance(author, dict) else None
    if not isinstance(name, str) or not name.strip():
        name = authorship.get("raw_author_name")
    if not isinstance(name, str) or not name.strip():
        return None
    parts = name.split()
    if len(parts) == 1:
        return {"family": parts[0]}
    return {"given": " ".join(parts[:-1]), "family": parts[-1]}


def work_record(work: dict[str, Any]) -> dict[str, Any]:
    """A Crossref-shaped record of one OpenAlex work."""
    location = _dict(work.get("primary_location"))
    source = _dict(location.get("source"))
    biblio = _dict(work.get("biblio"))
    raw_type = location.get("raw_type")
    record: dict[str, Any] = {
        "title": [work["title"]] if isinstance(work.get("title"), str) else [],
        "author": [a for a in map(_author, work.get("authorships") or []) if a],
        "container-title": [source["display_name"]] if source.get("display_name") else [],
        "type": raw_type
        if isinstance(raw_type, str) and raw_type
        else _TYPES.get(str(work.get("type")), str(work.get("type") or "")),
        "openalex-id": work.get("id"),
        "URL": work.get("id"),
    }
    doi = _doi(work.get("doi"))
    if doi:
        record["DOI"] = doi
    if isinstance(source.get("host_organization_name"), str):
        record["publisher"] = source["host_organization_name"]
    if biblio.get("volume"):
        record["volume"] = str(biblio["volume"])
    if biblio.get("issue"):
        record["issue"] = str(biblio["issue"])
    first, last = biblio.get("first_page"), biblio.get("last_page")
    if first:
        record["page"] = f"{first}-{last}" if last and last != first else str(first)
    date = work.get("publication_date")
    year = work.get("publication_year")
    if isinstance(date, str) and len(date) >= 10 and date[:4].isdigit():
        parts = [int(p) for p in date[:10].split("-")]
        record["issued"] = {"date-parts": [parts]}
    elif isinstance(year, int):
        record["issued"] = {"date-parts": [[year]]}
    if work.get("is_retracted") is True:
        record["updated-by"] = [{"type": "retraction", "source": "openalex", "label": "Retraction"}]
    return record


class OpenAlex:
    """The OpenAlex calls of one run, through the run's :class:`Fetcher`."""

    def __init__(
        self, fetcher: Fetcher, base_url: str, *, api_key: str | None, mailto: str | None
    ) -> None:
        self.fetcher = fetcher
        self.base = base_url.rstrip("/")
        self.api_key = api_key
        self.mailto = mailto

    def _params(self, extra: dict[str, str]) -> dict[str, str]:
        params = dict(extra)
        if self.api_key:
            params["api_key"] = self.api_key
        if self.mailto:
            params["mailto"] = self.mailto
        return params

    async def search(self, text: str) -> list[dict[str, Any]] | Unavailable:
        """The top works for a reference string, best first, as Crossref-shaped records."""
        params = self._params({"search": text, "per_page": str(SEARCH_ROWS)})
        reply = await self.fetcher.get(
            f"{self.base}/works", bucket=BUCKET, service=SERVICE, params=params
        )
        if isinstance(reply, Unavailable):
            return reply
        data = reply.data if reply.status == 200 else None
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list):
            return Unavailable(f"unexpected OpenAlex search answer (HTTP {reply.status})")
        out = []
        for work in results:
            if isinstance(work, dict):
                record = work_record(work)
                if isinstance(work.get("relevance_score"), (int, float)):
                    record["score"] = float(work["relevance_score"])
                out.append(record)
        return out
