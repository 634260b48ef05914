"""PubMed and PubMed Central through NCBI E-utilities ESummary
(``esummary.fcgi?db=pubmed&retmode=json``; ``db=pmc`` for PMCIDs).

One request takes many PMIDs (``id=1,2,3``). A PMID PubMed does not hold comes back
as ``{"uid": ..., "error": "cannot get document summary"}`` inside ``result``; that
is "not found". NCBI allows three requests a second without an API key and ten with
one, and asks every tool to send ``tool`` and ``email``
(https://www.ncbi.nlm.nih.gov/books/NBK25497/, "Usage Guidelines and Requirements").

A PMCID (``PMC3539452``) is asked of ``db=pmc`` by its number (``id=3539452``: PMC's
Entrez UID is the PMCID without its prefix); its summary has the same envelope and the
same fields as PubMed's, with the PMID, DOI and PMCID among ``articleids``, and shares
PubMed's budget (one E-utilities host, one limit).

Each summary becomes a record in Crossref's field names (``title``, ``author``,
``container-title``, ``volume``, ``issue``, ``page``, ``issued``, ``DOI`` from the
article ids) so the registry rules read it like any other.
"""

from __future__ import annotations

import re
from typing import Any

from citecheck.model.resolution import Unavailable
from citecheck.registry.http import Fetcher

SERVICE = "PubMed"
BUCKET = "pubmed"
RATE = 3.0  # requests per second without an API key (10 with one)
RATE_WITH_KEY = 10.0
BATCH = 100
SUSPICIOUS_EMPTY = 3
TOOL = "citecheck"
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_INITIALS_RE = re.compile(r"^[A-Z]{1,4}$")


def _date(text: Any) -> list[int] | None:
    """``"2016 Nov 23"`` / ``"2023 Jun"`` / ``"2016"`` -> date parts."""
    if not isinstance(text, str):
        return None
    words = text.replace("-", " ").split()
    if not words or not re.fullmatch(r"\d{4}", words[0]):
        return None
    parts = [int(words[0])]
    if len(words) > 1 and words[1][:3].lower() in _MONTHS:
        parts.append(_MONTHS[words[1][:3].lower()])
        if len(words) > 2 and words[2].isdigit():
            parts.append(int(words[2]))
    return parts


def _author(entry: Any) -> dict[str, str] | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        return None
    name = entry["name"].strip()
    if entry.get("authtype") == "CollectiveName" or not name:
        return {"name": name} if name else None
    # MEDLINE display form: "Scalfani VF", "O'Connor KE", "van der Berg J".
    family, _, initials = name.rpartition(" ")
    if family and _INITIALS_RE.match(initials):
        return {"family": family, "given": " ".join(initials)}
    return {"family": name}


def summary_record(summary: dict[str, Any]) -> dict[str, Any]:
    """A Crossref-shaped record of one ESummary document summary."""
    title = summary.get("title") or summary.get("booktitle") or ""
    title = title.strip()
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]  # MEDLINE ends every title with a period
    ids: dict[str, str] = {
        str(a.get("idtype")): a["value"]
        for a in summary.get("articleids") or []
        if isinstance(a, dict) and isinstance(a.get("value"), str)
    }
    record: dict[str, Any] = {
        "title": [title] if title else [],
        "author": [a for a in map(_author, summary.get("authors") or []) if a],
        "container-title": [
            t for t in (summary.get("fulljournalname"), summary.get("source")) if t
        ],
        "short-container-title": [summary["source"]] if summary.get("source") else [],
        "type": "journal-article",
        "pmid": str(summary.get("uid") or ""),
        "URL": f"https://pubmed.ncbi.nlm.nih.gov/{summary.get('uid')}/",
    }
    for key, field in (("volume", "volume"), ("issue", "issue"), ("pages", "page")):
        value = summary.get(key)
        if isinstance(value, str) and value.strip():
            record[field] = value.strip()
    issued = _date(summary.get("pubdate"))
    if issued:
        record["issued"] = {"date-parts": [issued]}
        record["published-print"] = {"date-parts": [issued]}
    online = _date(summary.get("epubdate"))
    if online:
        record["published-online"] = {"date-parts": [online]}
    if ids.get("doi"):
        record["DOI"] = ids["doi"].lower()
    if ids.get("pmc"):
        record["pmcid"] = ids["pmc"]
    pubtypes = [p.lower() for p in summary.get("pubtype") or [] if isinstance(p, str)]
    if "retracted publication" in pubtypes:
        # PubMed's own retraction flag (publication type "Retracted Publication").
        record["updated-by"] = [{"type": "retraction", "source": "pubmed", "label": "Retraction"}]
    return record


def pmc_record(summary: dict[str, Any]) -> dict[str, Any]:
    """A Crossref-shaped record of one PMC (``db=pmc``) document summary."""
    record = summary_record(summary)
    ids = {
        str(a.get("idtype")): a["value"]
        for a in summary.get("articleids") or []
        if isinstance(a, dict) and isinstance(a.get("value"), str)
    }
    pmcid = f"PMC{summary.get('uid')}"
    record["pmcid"] = pmcid
    record["URL"] = f"https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/"
    pmid = ids.get("pmid", "")
    if pmid.isdigit() and int(pmid) > 0:
        record["pmid"] = pmid
    else:
        del record["pmid"]
    return record


class PubMed:
    """The ESummary calls of one run, through the run's :class:`Fetcher`."""

    def __init__(
        self, fetcher: Fetcher, base_url: str, *, email: str | None, api_key: str | None
    ) -> None:
        self.fetcher = fetcher
        self.base = base_url.rstrip("/")
        self.email = email
        self.api_key = api_key

    async def summaries(self, pmids: list[str]) -> dict[str, dict[str, Any] | None] | Unavailable:
        """PMID -> record, or None for a PMID PubMed does not hold."""
        return await self._summaries("pubmed", pmids, {p: p for p in pmids})

    async def pmc_summaries(
        self, pmcids: list[str]
    ) -> dict[str, dict[str, Any] | None] | Unavailable:
        """PMCID (``PMC3539452``) -> record, or None for a PMCID PMC does not hold."""
        return await self._summaries("pmc", pmcids, {p: p[3:] for p in pmcids})

    async def _summaries(
        self, db: str, asked: list[str], uids: dict[str, str]
    ) -> dict[str, dict[str, Any] | None] | Unavailable:
        ids = ",".join(uids[a] for a in asked)
        params = {"db": db, "id": ids, "retmode": "json", "tool": TOOL}
        if self.email:
            params["email"] = self.email
        if self.api_key:
            params["api_key"] = self.api_key
        reply = await self.fetcher.get(
            f"{self.base}/esummary.fcgi", bucket=BUCKET, service=SERVICE, params=params
        )
        if isinstance(reply, Unavailable):
            return reply
        data = reply.data if reply.status == 200 else None
        result = data.get("result") if isinstance(data, dict) else None
        if not isinstance(result, dict):
            why = data.get("error") if isinstance(data, dict) else None
            return Unavailable(
                f"unexpected PubMed answer (HTTP {reply.status}{': ' + str(why) if why else ''})"
            )
        out: dict[str, dict[str, Any] | None] = {}
        for ident in asked:
            summary = result.get(uids[ident])
            if isinstance(summary, dict) and not summary.get("error") and summary.get("title"):
                out[ident] = pmc_record(summary) if db == "pmc" else summary_record(summary)
            elif isinstance(summary, dict):
                out[ident] = None  # {"uid": ..., "error": "cannot get document summary"}
        if len(asked) >= SUSPICIOUS_EMPTY and all(v is None for v in out.values()):
            # Not one of several ids known: more likely a degraded service than a list
            # of invented ids; "does not exist" needs better evidence.
            what = "PMCIDs" if db == "pmc" else "PMIDs"
            return Unavailable(f"PubMed summarised none of {len(asked)} {what}")
        return out
