"""The arXiv API (``export.arxiv.org/api/query``): arXiv identifiers to records.

arXiv answers in Atom 1.0, never JSON. ``id_list`` takes many identifiers in one
request; an identifier arXiv does not hold comes back as an *empty* ``<entry>``
(no ``<id>``), and a malformed one as a single entry titled ``Error`` — both are
read as "not found", never as a record. arXiv asks for one request every three
seconds on a single connection (https://info.arxiv.org/help/api/tou.html).

Each entry becomes a record in Crossref's field names, as posted content of
subtype preprint with the arXiv DOI (``10.48550/arXiv.<id>``), so the registry
rules read it like any other. The published version the authors linked
(``arxiv:doi``) becomes ``relation.is-preprint-of``; ``arxiv:journal_ref`` is kept
as ``journal-ref``. A version whose comment says the paper has been withdrawn
carries a withdrawal notice (``updated-by``), which the retracted rule reports.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from citecheck.model.resolution import Unavailable
from citecheck.registry.http import Fetcher

SERVICE = "arXiv"
BUCKET = "arxiv"
RATE = 1 / 3  # requests per second (arXiv API terms of use)
BATCH = 20
SUSPICIOUS_EMPTY = 3
_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_ABS_RE = re.compile(r"arxiv\.org/abs/(?P<id>.+?)(?:v(?P<v>\d+))?$", re.IGNORECASE)
_DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_YEAR_RE = re.compile(r"\((19\d\d|20\d\d)\)")
_WITHDRAWN_RE = re.compile(r"\b(?:has been|was|is) withdrawn\b|^withdrawn\b", re.IGNORECASE)


def arxiv_doi(ident: str) -> str:
    """The DOI arXiv registers for every paper (DataCite, prefix 10.48550)."""
    return f"10.48550/arxiv.{ident.lower()}"


def _text(entry: Element, tag: str) -> str | None:
    node = entry.find(tag)
    if node is None or node.text is None:
        return None
    flat = " ".join(node.text.split())
    return flat or None


def _author(name: str) -> dict[str, str]:
    # arXiv gives one display name ("Kurt R. Brorsen"); the family name is its last word.
    parts = name.split()
    if len(parts) == 1:
        return {"family": parts[0]}
    return {"given": " ".join(parts[:-1]), "family": parts[-1]}


def _date(stamp: str | None) -> dict[str, Any] | None:
    if not stamp or not re.match(r"^\d{4}-\d{2}-\d{2}", stamp):
        return None
    y, m, d = (int(p) for p in stamp[:10].split("-"))
    return {"date-parts": [[y, m, d]], "date-time": stamp}


def entry_record(entry: Element) -> tuple[str, dict[str, Any]] | None:
    """(identifier without version, record) of one Atom entry; None for an empty or
    error entry."""
    abs_url = _text(entry, f"{_ATOM}id")
    m = _ABS_RE.search(abs_url or "")
    title = _text(entry, f"{_ATOM}title")
    if m is None or not title or title == "Error":
        return None
    ident = m.group("id").lower()
    record: dict[str, Any] = {
        "DOI": arxiv_doi(ident),
        "type": "posted-content",
        "subtype": "preprint",
        "title": [title],
        "author": [
            _author(n)
            for a in entry.findall(f"{_ATOM}author")
            if (n := _text(a, f"{_ATOM}name")) is not None
        ],
        "institution": [{"name": "arXiv"}],
        "publisher": "arXiv",
        "URL": f"https://arxiv.org/abs/{ident}",
        "arxiv-id": ident,
    }
    posted = _date(_text(entry, f"{_ATOM}published"))
    if posted is not None:
        record["posted"] = posted
        record["issued"] = {"date-parts": posted["date-parts"]}
    if m.group("v"):
        record["arxiv-version"] = int(m.group("v"))
    updated = _text(entry, f"{_ATOM}updated")
    if updated:
        record["arxiv-updated"] = updated[:10]
        latest = _date(updated)
        if latest is not None and m.group("v") and m.group("v") != "1":
            # References cite the year of the version they read as often as v1's.
            record["published-online"] = {"date-parts": latest["date-parts"]}
    comment = _text(entry, f"{_ARXIV}comment")
    if comment:
        record["arxiv-comment"] = comment
        if _WITHDRAWN_RE.search(comment):
            # arXiv marks a withdrawn paper only in the comment of its last version
            # ("This paper has been withdrawn by the author ..."): a withdrawal notice.
            when = _date(_text(entry, f"{_ATOM}updated"))
            notice: dict[str, Any] = {"type": "withdrawal", "source": "arxiv", "label": comment}
            if when is not None:
                notice["updated"] = {"date-parts": when["date-parts"]}
            record["updated-by"] = [notice]
    journal_ref = _text(entry, f"{_ARXIV}journal_ref")
    if journal_ref:
        record["journal-ref"] = journal_ref
        year = _YEAR_RE.search(journal_ref)
        if year:
            # The journal version's year ("... 147, 114113 (2017)"): also a right year.
            record["published-print"] = {"date-parts": [[int(year.group(1))]]}
    doi = _text(entry, f"{_ARXIV}doi")
    if doi:
        first = doi.split()[0].lower()
        if _DOI_RE.match(first):
            record["relation"] = {"is-preprint-of": [{"id-type": "doi", "id": first}]}
    return ident, record


def parse_feed(body: bytes) -> dict[str, dict[str, Any]] | None:
    """Records of an Atom feed keyed by identifier; None when ``body`` is not a feed
    (arXiv throttles with a plain-text "Rate exceeded." body)."""
    try:
        root = ElementTree.fromstring(body)
    except (ElementTree.ParseError, DefusedXmlException, ValueError):
        return None
    if root.tag != f"{_ATOM}feed":
        return None
    out: dict[str, dict[str, Any]] = {}
    for entry in root.findall(f"{_ATOM}entry"):
        got = entry_record(entry)
        if got is not None:
            out[got[0]] = got[1]
    return out


class Arxiv:
    """The arXiv calls of one run, through the run's :class:`Fetcher`."""

    def __init__(self, fetcher: Fetcher, base_url: str) -> None:
        self.fetcher = fetcher
        self.base = base_url.rstrip("/")

    async def records(self, idents: list[str]) -> dict[str, dict[str, Any]] | Unavailable:
        """Records of ``idents`` (lower-case, no version) by one ``id_list`` request;
        identifiers arXiv does not hold are absent from the answer."""
        params = {"id_list": ",".join(idents), "max_results": str(len(idents))}
        reply = await self.fetcher.get(
            f"{self.base}/query",
            bucket=BUCKET,
            service=SERVICE,
            params=params,
            accept="application/atom+xml",
            expect_json=False,
        )
        if isinstance(reply, Unavailable):
            return reply
        if reply.status == 400:
            # A malformed identifier in the list: arXiv rejects the whole request.
            return {} if len(idents) == 1 else Unavailable("arXiv rejected the id_list (HTTP 400)")
        parsed = parse_feed(reply.body) if reply.status == 200 else None
        if parsed is None:
            return Unavailable(
                f"unexpected arXiv answer (HTTP {reply.status}: {reply.text()[:60]})"
            )
        if not parsed and len(idents) >= SUSPICIOUS_EMPTY:
            # Several identifiers in one request and not one known: more likely a degraded
            # API than a bibliography of invented numbers; "does not exist" needs better.
            return Unavailable(f"arXiv answered no entry for any of {len(idents)} identifiers")
        return parsed
