"""The DataCite REST API (``api.datacite.org/dois/{doi}``, JSON:API): DataCite DOIs to records.

DataCite registers the DOIs of data sets, software, Zenodo and Figshare deposits,
theses and many preprints. Its REST API answers one DOI with
``{"data": {"id", "type": "dois", "attributes": {...}}}``; a DOI DataCite does not
hold is a 404. DataCite limits each IP address to 1000 requests per 5 minutes when
the request is *identified* (an e-mail address in the User-Agent or a ``mailto=``
parameter) and 500 per 5 minutes otherwise
(https://support.datacite.org/docs/rate-limit, "API rate limits"); citecheck's
User-Agent carries the ``--mailto`` address when one is set.

A DOI is asked here instead of doi.org content negotiation when its agency is
DataCite: known from its prefix (:data:`PREFIXES`, the largest DataCite
repositories), or from Crossref's 404 followed by Crossref's agency answer. Each
answer becomes a record in Crossref's field names (``title``, ``author``,
``issued``, ``type``, ``publisher``, ``container-title``, ``relation``) so the
registry rules read it like any other.
"""

from __future__ import annotations

import re
from typing import Any

from citecheck.model.resolution import Unavailable
from citecheck.registry.crossref import encode_doi
from citecheck.registry.http import Fetcher

SERVICE = "DataCite"
BUCKET = "datacite"
RATE = 500 / 300  # requests per second, unidentified (no e-mail address)
RATE_IDENTIFIED = 1000 / 300  # with an e-mail address in the User-Agent
# Prefixes of the largest DataCite repositories: Zenodo, Figshare, Dryad, OSF
# projects, Harvard Dataverse, PANGAEA, GBIF, ICPSR; ResearchGate's own DOIs (RG.2...,
# registered with DataCite: docs/registries.md), Dagstuhl's LIPIcs proceedings and the
# KNB data repository (answered by api.datacite.org in the recorded cassettes of
# commonmeta-py). A DOI with one of them is asked here first; should DataCite not hold
# it after all, the Crossref route follows.
PREFIXES = frozenset(
    {
        "10.5281",
        "10.6084",
        "10.5061",
        "10.17605",
        "10.7910",
        "10.1594",
        "10.15468",
        "10.3886",
        "10.13140",
        "10.4230",
        "10.5063",
    }
)
# DataCite resourceTypeGeneral -> Crossref work type (others: the CSL type DataCite gives).
_TYPES = {
    "JournalArticle": "journal-article",
    "Preprint": "posted-content",
    "Dataset": "dataset",
    "Software": "software",
    "Book": "book",
    "BookChapter": "book-chapter",
    "ConferencePaper": "proceedings-article",
    "ConferenceProceeding": "proceedings",
    "Dissertation": "dissertation",
    "Report": "report",
    "Standard": "standard",
}
_YEAR_RE = re.compile(r"^\d{4}")
_CAMEL_RE = re.compile(r"(?<!^)(?=[A-Z])")


def prefix_of(doi: str) -> str:
    """``10.5281/zenodo.1`` -> ``10.5281``."""
    return doi.split("/", 1)[0]


def routed_here(doi: str) -> bool:
    """Whether the DOI's prefix belongs to a DataCite repository (:data:`PREFIXES`)."""
    return prefix_of(doi) in PREFIXES


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _creator(creator: Any) -> dict[str, str] | None:
    if not isinstance(creator, dict):
        return None
    family, given = creator.get("familyName"), creator.get("givenName")
    name = creator.get("name")
    if isinstance(family, str) and family.strip():
        out = {"family": family.strip()}
        if isinstance(given, str) and given.strip():
            out["given"] = given.strip()
        return out
    if not isinstance(name, str) or not name.strip():
        return None
    name = name.strip()
    if creator.get("nameType") == "Organizational":
        return {"name": name}
    if "," in name:  # DataCite's personal names are "Family, Given"
        fam, _, giv = name.partition(",")
        return {"family": fam.strip(), "given": giv.strip()} if giv.strip() else {"family": fam}
    return {"name": name}


def _issued(attrs: dict[str, Any]) -> list[int] | None:
    for date in attrs.get("dates") or []:
        if isinstance(date, dict) and date.get("dateType") == "Issued":
            text = str(date.get("date") or "")
            parts = [int(p) for p in re.findall(r"\d+", text[:10])][:3]
            if parts and _YEAR_RE.match(text):
                return parts
    year = attrs.get("publicationYear")
    if isinstance(year, int) or (isinstance(year, str) and year.isdigit()):
        return [int(year)]
    return None


def _relations(attrs: dict[str, Any], own_doi: str) -> dict[str, list[dict[str, str]]]:
    """``relatedIdentifiers`` with a DOI, keyed like Crossref's ``relation``
    (``IsVersionOf`` -> ``is-version-of``).

    Version links inside one repository (a Zenodo deposit and its concept DOI share
    the prefix) are left out: they name another version of the same deposit, not a
    published article.
    """
    out: dict[str, list[dict[str, str]]] = {}
    for rel in attrs.get("relatedIdentifiers") or []:
        if not isinstance(rel, dict) or str(rel.get("relatedIdentifierType")).upper() != "DOI":
            continue
        kind, target = rel.get("relationType"), rel.get("relatedIdentifier")
        if not isinstance(kind, str) or not isinstance(target, str) or not target.strip():
            continue
        doi = target.strip().lower().removeprefix("https://doi.org/")
        key = _CAMEL_RE.sub("-", kind).lower()
        if "version" in key and prefix_of(doi) == prefix_of(own_doi):
            continue
        out.setdefault(key, []).append({"id-type": "doi", "id": doi, "asserted-by": "subject"})
    return out


def doi_record(data: dict[str, Any]) -> dict[str, Any] | None:
    """A Crossref-shaped record of one DataCite ``data`` object; None without a title."""
    attrs = _dict(data.get("attributes"))
    doi = str(attrs.get("doi") or data.get("id") or "").lower()
    given = [
        t
        for t in attrs.get("titles") or []
        if isinstance(t, dict) and isinstance(t.get("title"), str)
    ]
    # The main title has no titleType (subtitles, alternative and translated titles
    # have one); a record with typed titles only keeps its first.
    main = [t for t in given if not t.get("titleType")] or given
    titles = [t["title"].strip() for t in main if t["title"].strip()]
    if not titles or not doi:
        return None
    types = _dict(attrs.get("types"))
    general = types.get("resourceTypeGeneral")
    record: dict[str, Any] = {
        "DOI": doi,
        "title": titles[:1],
        "author": [a for a in map(_creator, attrs.get("creators") or []) if a],
        "type": _TYPES.get(str(general)) or str(types.get("citeproc") or general or "").lower(),
        "resource-type-general": general,
        "URL": f"https://doi.org/{doi}",
    }
    if general == "Preprint":
        record["subtype"] = "preprint"
    publisher = attrs.get("publisher")
    if isinstance(publisher, dict):
        publisher = publisher.get("name")
    if isinstance(publisher, str) and publisher.strip():
        record["publisher"] = publisher.strip()
    container = _dict(attrs.get("container"))
    if isinstance(container.get("title"), str) and container["title"].strip():
        record["container-title"] = [container["title"].strip()]
    for key, field in (("volume", "volume"), ("issue", "issue")):
        if isinstance(container.get(key), str) and container[key].strip():
            record[field] = container[key].strip()
    first, last = container.get("firstPage"), container.get("lastPage")
    if isinstance(first, str) and first.strip():
        record["page"] = f"{first}-{last}" if isinstance(last, str) and last else first
    issued = _issued(attrs)
    if issued:
        record["issued"] = {"date-parts": [issued]}
    relation = _relations(attrs, doi)
    if relation:
        record["relation"] = relation
    if isinstance(attrs.get("version"), str) and attrs["version"].strip():
        record["version"] = attrs["version"].strip()
    return record


class DataCite:
    """The DataCite REST calls of one run, through the run's :class:`Fetcher`."""

    def __init__(self, fetcher: Fetcher, base_url: str) -> None:
        self.fetcher = fetcher
        self.base = base_url.rstrip("/")

    async def work(self, doi: str) -> dict[str, Any] | Unavailable | None:
        """The DOI's record; None when DataCite does not hold it (404)."""
        reply = await self.fetcher.get(
            f"{self.base}/dois/{encode_doi(doi)}",
            bucket=BUCKET,
            service=SERVICE,
            accept="application/vnd.api+json, application/json",
        )
        if isinstance(reply, Unavailable):
            return reply
        if reply.status == 404:
            return None
        data = reply.data.get("data") if isinstance(reply.data, dict) else None
        if reply.status != 200 or not isinstance(data, dict):
            return Unavailable(f"unexpected DataCite answer (HTTP {reply.status})")
        given = str(_dict(data.get("attributes")).get("doi") or data.get("id") or "")
        if given.lower() != doi.lower():
            return Unavailable("DataCite answered for a different DOI")
        record = doi_record(data)
        if record is None:
            return Unavailable("DataCite record without a title")
        return record
