"""The loopback stand-in's registries beyond Crossref: arXiv, PubMed ESummary, OpenAlex,
DataCite REST, DBLP.

Served by the stand-in's Crossref server under path prefixes, so one base URL
gives all of them (see :func:`urls`):

* ``/arxiv/query?id_list=a,b&max_results=n`` — an Atom feed in the shape of the
  recorded answers under ``tests/fixtures/registries/arxiv``: recorded entries are
  served verbatim; the stand-in's DataCite records of arXiv DOIs
  (``10.48550/arxiv.*``) become entries; an identifier it does not know becomes an
  empty ``<entry>``, as arXiv answers.
* ``/eutils/esummary.fcgi?db=pubmed&id=a,b&retmode=json`` — recorded summaries from
  ``tests/fixtures/registries/pubmed`` (``db=pmc``: from ``.../pmc``, by PMCID number);
  unknown ids get NCBI's ``{"uid": ..., "error": "cannot get document summary"}``.
* ``/openalex/works?search=...&per_page=n`` — the recorded OpenAlex works and every
  Crossref work of the store (converted to the OpenAlex work shape), ranked by
  the store's own word-overlap search, in OpenAlex's ``meta``/``results`` envelope.
* ``/datacite/dois/{doi}`` — the recorded DataCite answers under
  ``tests/fixtures/registries/datacite`` verbatim, and the store's DataCite DOIs
  (synthetic CSL records of agency ``datacite``) in the shape of the recorded answer;
  any other DOI gets DataCite's JSON:API 404 (``{"errors": [{"status": "404",
  "title": "The resource you are looking for doesn't exist."}]}``, as in DataCite's
  own request specs, datacite/lupo).
* ``/dblp/search/publ/api?q=...&format=json&h=n`` — the recorded DBLP hits of
  ``tests/fixtures/registries/dblp`` whose title, authors, venue and year hold every
  query word as a prefix (DBLP's own rule), verbatim, in the recorded ``result``
  envelope; no match leaves ``hit`` out, as DBLP does.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from citecheck.model.settings import Settings
    from tests.support.registry_standin import Store

RECORDED = Path(__file__).resolve().parents[1] / "fixtures" / "registries"
PREFIXES = ("/arxiv/", "/eutils/", "/openalex/", "/datacite/", "/dblp/")
DATACITE_404 = {
    "errors": [{"status": "404", "title": "The resource you are looking for doesn't exist."}]
}
_DATACITE_TYPES = {"dataset": "Dataset", "software": "Software"}
_ENTRY_RE = re.compile(r"<entry>.*?</entry>", re.DOTALL)
_ID_RE = re.compile(r"<id>https?://arxiv\.org/abs/(.+?)(?:v\d+)?</id>")
_EMPTY_ENTRY = (
    '  <entry>\n    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="" '
    'scheme="http://arxiv.org/schemas/atom"/>\n  </entry>\n'
)


def urls(crossref_url: str) -> dict[str, str]:
    """The environment that points citecheck at these stand-ins."""
    return {
        "CITECHECK_ARXIV_URL": f"{crossref_url}/arxiv",
        "CITECHECK_PUBMED_URL": f"{crossref_url}/eutils",
        "CITECHECK_OPENALEX_URL": f"{crossref_url}/openalex",
        "CITECHECK_DATACITE_URL": f"{crossref_url}/datacite",
        "CITECHECK_DBLP_URL": f"{crossref_url}/dblp",
    }


def standin_settings(server: Any, cache_dir: str, **overrides: Any) -> Settings:
    """Settings that send every registry to the running stand-in ``server``.

    ``overrides`` replace any field (a deadline, a registry left at its default).
    """
    from citecheck.model.settings import Settings

    env = urls(server.crossref_url)
    fields: dict[str, Any] = {
        "crossref_url": server.crossref_url,
        "doi_url": server.doi_url,
        "arxiv_url": env["CITECHECK_ARXIV_URL"],
        "pubmed_url": env["CITECHECK_PUBMED_URL"],
        "openalex_url": env["CITECHECK_OPENALEX_URL"],
        "datacite_url": env["CITECHECK_DATACITE_URL"],
        "dblp_url": env["CITECHECK_DBLP_URL"],  # loopback: never the real dblp.org
        "mailto": "bench@example.org",
        "cache_dir": cache_dir,
    }
    return Settings(**{**fields, **overrides})


@cache
def recorded_arxiv() -> dict[str, str]:
    """arXiv id -> recorded ``<entry>`` element (verbatim text)."""
    out: dict[str, str] = {}
    for path in sorted((RECORDED / "arxiv").glob("*.xml")):
        for entry in _ENTRY_RE.findall(path.read_text(encoding="utf-8")):
            m = _ID_RE.search(entry)
            if m:
                out[m.group(1).lower()] = entry
    return out


@cache
def recorded_pubmed(db: str = "pubmed") -> dict[str, dict[str, Any]]:
    """Entrez UID (PMID; for ``db="pmc"`` the PMCID's number) -> recorded ESummary
    document summary."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((RECORDED / db).glob("*.json")):
        result = json.loads(path.read_text(encoding="utf-8"))["result"]
        for uid in result["uids"]:
            out[uid] = result[uid]
    return out


@cache
def recorded_openalex() -> tuple[dict[str, Any], ...]:
    """The recorded OpenAlex works."""
    return tuple(
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((RECORDED / "openalex").glob("*.json"))
    )


@cache
def recorded_datacite() -> dict[str, bytes]:
    """Lower-case DOI -> recorded DataCite REST answer (verbatim bytes)."""
    out: dict[str, bytes] = {}
    for path in sorted((RECORDED / "datacite").glob("*.json")):
        raw = path.read_bytes()
        out[json.loads(raw)["data"]["attributes"]["doi"].lower()] = raw
    return out


def _as_datacite(doi: str, csl: dict[str, Any]) -> dict[str, Any]:
    """A DataCite (CSL) record of the store in the shape of the recorded REST answer."""
    creators = []
    for a in csl.get("author", []):
        family, given = a.get("family"), a.get("given")
        if family:
            name = f"{family}, {given}" if given else family
            creators.append(
                {"name": name, "nameType": "Personal", "givenName": given, "familyName": family}
            )
        elif a.get("literal") or a.get("name"):
            creators.append(
                {"name": a.get("literal") or a.get("name"), "nameType": "Organizational"}
            )
    year = (csl.get("issued", {}).get("date-parts") or [[None]])[0][0]
    kind = str(csl.get("type") or "")
    attributes = {
        "doi": doi,
        "creators": creators,
        "titles": [{"title": csl.get("title")}],
        "publisher": csl.get("publisher"),
        "publicationYear": year,
        "dates": [{"date": str(year), "dateType": "Issued"}] if year else [],
        "types": {"citeproc": kind, "resourceTypeGeneral": _DATACITE_TYPES.get(kind, "Text")},
        "relatedIdentifiers": [],
        "state": "findable",
    }
    return {"data": {"id": doi, "type": "dois", "attributes": attributes}}


def datacite_doi(store: Store, doi: str) -> tuple[int, bytes]:
    """DataCite's answer to ``/dois/{doi}``."""
    key = doi.lower()
    if key in recorded_datacite():
        return 200, recorded_datacite()[key]
    entry = store.other.get(key)
    if entry is not None and entry[0].get("id") == "datacite":
        return 200, json.dumps(_as_datacite(key, entry[1])).encode()
    return 404, json.dumps(DATACITE_404).encode()


@cache
def recorded_dblp() -> tuple[dict[str, Any], ...]:
    """Every recorded DBLP search hit (``@score``, ``@id``, ``info``, ``url``)."""
    out: list[dict[str, Any]] = []
    for path in sorted((RECORDED / "dblp").glob("*.json")):
        hits = json.loads(path.read_text(encoding="utf-8"))["result"]["hits"]
        out.extend(hits.get("hit", []))
    return tuple(out)


def _dblp_words(info: dict[str, Any]) -> list[str]:
    people = (info.get("authors") or {}).get("author") or []
    people = people if isinstance(people, list) else [people]
    text = " ".join(
        [str(info.get(k, "")) for k in ("title", "venue", "year")]
        + [str(p.get("text", "")) for p in people if isinstance(p, dict)]
    )
    return re.findall(r"\w+", html.unescape(text).lower())


def dblp_search(text: str, rows: int) -> bytes:
    """DBLP's JSON answer to ``q``: the recorded hits holding every query word."""
    wanted = re.findall(r"\w+", text.lower())
    hits = [
        h
        for h in recorded_dblp()
        if wanted and all(any(w.startswith(q) for w in _dblp_words(h["info"])) for q in wanted)
    ]
    sent = hits[:rows]
    found: dict[str, Any] = {
        "@total": str(len(hits)),
        "@computed": str(len(hits)),
        "@sent": str(len(sent)),
        "@first": "0",
    }
    if sent:
        found["hit"] = sent
    result = {
        "query": text,
        "status": {"@code": "200", "text": "OK"},
        "time": {"@unit": "msecs", "text": "1.00"},
        "completions": {"@total": "0", "@computed": "0", "@sent": "0"},
        "hits": found,
    }
    return json.dumps({"result": result}).encode()


def _csl_entry(ident: str, csl: dict[str, Any]) -> str:
    """An Atom entry for a DataCite (CSL) record of an arXiv DOI."""
    y, m, d = [*(csl.get("issued", {}).get("date-parts") or [[2000]])[0], 1, 1][:3]
    ymd = f"{y:04d}-{m:02d}-{d:02d}T00:00:00Z"
    names = [f"{a.get('given', '')} {a.get('family', '')}".strip() for a in csl.get("author", [])]
    authors = "".join(
        f"\n    <author>\n      <name>{escape(n)}</name>\n    </author>" for n in names
    )
    return (
        f"<entry>\n    <id>http://arxiv.org/abs/{ident}v1</id>\n"
        f"    <updated>{ymd}</updated>\n    <published>{ymd}</published>\n"
        f"    <title>{escape(str(csl.get('title', '')))}</title>\n"
        f"    <summary>  (stand-in)\n</summary>{authors}\n"
        f'    <link href="http://arxiv.org/abs/{ident}v1" rel="alternate" type="text/html"/>\n'
        "  </entry>"
    )


def arxiv_feed(store: Store, ids: list[str]) -> bytes:
    """The Atom answer to ``id_list``."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n',
        f'  <title type="html">ArXiv Query: id_list={escape(",".join(ids))}</title>\n',
        '  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
        f"{len(ids)}</opensearch:totalResults>\n",
    ]
    recorded = recorded_arxiv()
    for raw in ids:
        ident = re.sub(r"v\d+$", "", raw.strip().lower())
        other = store.other.get(f"10.48550/arxiv.{ident}")
        if ident in recorded:
            parts.append(f"  {recorded[ident]}\n")
        elif other is not None:
            parts.append(f"  {_csl_entry(ident, other[1])}\n")
        else:
            parts.append(_EMPTY_ENTRY)
    parts.append("</feed>\n")
    return "".join(parts).encode()


def esummary(ids: list[str], db: str = "pubmed") -> bytes:
    """The ESummary JSON answer."""
    recorded = recorded_pubmed("pmc" if db == "pmc" else "pubmed")
    result: dict[str, Any] = {"uids": ids}
    for uid in ids:
        result[uid] = recorded.get(uid) or {"uid": uid, "error": "cannot get document summary"}
    return json.dumps({"header": {"type": "esummary", "version": "0.3"}, "result": result}).encode()


def _as_openalex(work: dict[str, Any]) -> dict[str, Any]:
    """A Crossref work in the OpenAlex work shape (the fields citecheck reads)."""
    parts = (work.get("issued", {}).get("date-parts") or [[None]])[0]
    year = parts[0] if parts else None
    first, _, last = str(work.get("page") or "").partition("-")
    return {
        "id": f"https://openalex.org/W{abs(hash(work['DOI'])) % 10**10}",
        "doi": f"https://doi.org/{work['DOI']}",
        "title": (work.get("title") or [None])[0],
        "publication_year": year,
        "publication_date": None,
        "type": "article",
        "primary_location": {
            "source": {"display_name": (work.get("container-title") or [None])[0]},
            "raw_type": work.get("type"),
        },
        "authorships": [
            {
                "author": {
                    "display_name": " ".join(
                        p for p in (a.get("given"), a.get("family") or a.get("name")) if p
                    )
                }
            }
            for a in work.get("author", [])
        ],
        "biblio": {
            "volume": work.get("volume"),
            "issue": work.get("issue"),
            "first_page": first or None,
            "last_page": last or None,
        },
        "is_retracted": False,
    }


def openalex_search(store: Store, text: str, rows: int) -> bytes:
    """OpenAlex's list answer to ``search``: recorded works first when they share words."""
    words = set(re.findall(r"\w{4,}", text.lower()))
    results = [
        w
        for w in recorded_openalex()
        if words and len(words & set(re.findall(r"\w{4,}", str(w.get("title")).lower()))) >= 3
    ]
    results += [_as_openalex(w) for w in store.search(text, rows)]
    results = results[:rows]
    meta = {"count": len(results), "db_response_time_ms": 5, "page": 1, "per_page": rows}
    return json.dumps({"meta": meta, "results": results, "group_by": []}).encode()


def route(store: Store, path: str, query: dict[str, str]) -> tuple[int, bytes, str]:
    """(status, body, content type) for one request under :data:`PREFIXES`."""
    if path.startswith("/arxiv/query"):
        ids = [i for i in query.get("id_list", "").split(",") if i.strip()]
        return 200, arxiv_feed(store, ids), "application/atom+xml; charset=UTF-8"
    if path.startswith("/eutils/esummary.fcgi"):
        ids = [i.strip() for i in query.get("id", "").split(",") if i.strip()]
        return 200, esummary(ids, query.get("db", "pubmed")), "application/json; charset=UTF-8"
    if path.rstrip("/") == "/openalex/works" and "search" in query:
        rows = int(query.get("per_page", "25"))
        return 200, openalex_search(store, query["search"], rows), "application/json"
    if path.startswith("/datacite/dois/"):
        status, body = datacite_doi(store, path[len("/datacite/dois/") :])
        return status, body, "application/vnd.api+json; charset=utf-8"
    if path.rstrip("/") == "/dblp/search/publ/api":
        rows = int(query.get("h", "30"))
        return 200, dblp_search(query.get("q", ""), rows), "application/json; charset=UTF-8"
    return 404, b'{"error": "not found"}', "application/json"
