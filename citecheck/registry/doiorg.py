"""The DOI system itself (doi.org): does a DOI exist, and metadata from other agencies.

Crossref's 404 only says "not a Crossref DOI". Whether the DOI exists at all is
asked of the Handle REST API (``responseCode`` 1 = exists, 100 = not found, per
the DOI Handbook); DataCite/mEDRA/JaLC records come from content negotiation
(``Accept: application/vnd.citationstyles.csl+json``), which doi.org redirects to
the agency's own metadata service.
"""

from __future__ import annotations

import json
from typing import Any

from citecheck.model.resolution import Source, Unavailable
from citecheck.registry.crossref import encode_doi
from citecheck.registry.http import Fetcher, Reply

SERVICE = "doi.org"
CSL_JSON = "application/vnd.citationstyles.csl+json"
_SOURCES: dict[str, Source] = {
    "crossref": "crossref",
    "datacite": "datacite",
    "medra": "medra",
    "jalc": "jalc",
}


def source_of(agency: str | None) -> Source:
    """The :data:`Source` name for an agency id (``other`` when unknown)."""
    return _SOURCES.get(agency or "", "other")


def _json(reply: Reply) -> Any:
    if reply.data is not None:
        return reply.data
    try:
        return json.loads(reply.body)
    except (ValueError, UnicodeDecodeError):
        return None


async def handle_exists(fetcher: Fetcher, base: str, doi: str) -> bool | Unavailable:
    """True when the DOI is registered with any agency, False when it is not."""
    url = f"{base.rstrip('/')}/api/handles/{encode_doi(doi)}"
    # A 200 must carry JSON: an HTML page or a cut-off body with status 200 is a fault
    # to retry, not an answer (404 bodies are read as JSON when they say they are).
    reply = await fetcher.get(url, bucket="doi", service=SERVICE, params={"type": "URL"})
    if isinstance(reply, Unavailable):
        return reply
    data = _json(reply)
    code = data.get("responseCode") if isinstance(data, dict) else None
    handle = data.get("handle") if isinstance(data, dict) else None
    if isinstance(handle, str) and handle.lower() != doi.lower():
        return Unavailable("doi.org handle API answered for a different DOI")
    # Only a well-formed answer counts as evidence: an HTML 404 from a proxy is not.
    if code == 100 and reply.status == 404:
        return False
    if code in (1, 200) and reply.status == 200:
        return True
    return Unavailable(f"unexpected doi.org handle API answer (HTTP {reply.status})")


def csl_to_record(csl: dict[str, Any]) -> dict[str, Any]:
    """A CSL-JSON item with Crossref's list-valued fields, so rules read one shape.

    CSL and Crossref share field names (``title``, ``author``, ``container-title``,
    ``issued``...) but CSL gives ``title`` and ``container-title`` as strings.
    ``type`` keeps CSL's vocabulary (``article-journal``, ``dataset``...).
    """
    record = dict(csl)
    for key in ("title", "container-title", "subtitle", "short-title", "original-title"):
        value = record.get(key)
        if isinstance(value, str):
            record[key] = [value]
    return record


async def content_negotiate(
    fetcher: Fetcher, base: str, doi: str
) -> dict[str, Any] | Unavailable | None:
    """The DOI's metadata as a record (see :func:`csl_to_record`); None when the agency
    offers none (404/406)."""
    url = f"{base.rstrip('/')}/{encode_doi(doi)}"
    reply = await fetcher.get(url, bucket="doi", service=SERVICE, accept=CSL_JSON)
    if isinstance(reply, Unavailable):
        return reply
    if reply.status in (400, 404, 406):
        return None
    if reply.status == 200 and isinstance(reply.data, dict):
        return csl_to_record(reply.data)
    return Unavailable(f"unexpected content-negotiation answer (HTTP {reply.status})")
