"""A loopback stand-in for Crossref's REST API and doi.org that serves recorded work records.

Two threaded HTTP servers on 127.0.0.1 share one :class:`Store`:

* **Crossref** (``CITECHECK_CROSSREF_URL``): ``/works/{doi}`` (200 work / 404 text
  "Resource not found."), ``/works?filter=doi:a,doi:b&rows=`` (work-list), ``/works?
  query.bibliographic=...&rows=&select=`` (a ranked candidate list: like Crossref, it
  always returns *something*, so fabricated references get unrelated top hits),
  ``/works/{doi}/agency``, ``/v1/works/{doi}/transform`` (CSL-JSON), with the
  ``x-rate-limit-*`` / ``x-concurrency-limit`` / ``x-api-pool`` headers and 400
  validation failures for unknown filters or ``select`` fields.
* **doi.org** (``CITECHECK_DOI_URL``): ``/api/handles/{doi}`` (``responseCode`` 1 with
  HTTP 200, 100 with HTTP 404) and content negotiation ``/{doi}`` with ``Accept:
  application/vnd.citationstyles.csl+json``: 302 to Crossref's transform for Crossref
  DOIs, 302 to a crosscite-like path for DataCite DOIs (CSL-JSON with the upper-case
  DOIs DataCite writes), 404 HTML "DOI Not Found" otherwise.

Records come from folders: real recorded bodies (``{"message-type": "work"}``,
``work-list`` items, fragments holding only ``DOI`` + ``updated-by`` are merged into
the work of that DOI) and ``synthetic*.json`` files of compact specs expanded here
into the exact Crossref work shape (every synthetic record is listed by
:attr:`Store.synthetic`).

Misbehaviour, all seeded and bounded: latency; enforced rate and concurrency limits
answered with 429 HTML pages (with or without ``Retry-After``); limits that drop
half-way; a flaky mode (503/502 HTML pages, 200 with truncated JSON, 200 HTML
maintenance pages, connections closed mid-response, spurious 429s) limited to
``max_faults``. The servers stop themselves after ``lifetime`` seconds or
``max_requests`` requests.

    python -m tests.support.registry_standin --records tests/fixtures/registry_e2e/records \\
        --records tests/fixtures/crossref [--latency 0.15] [--flaky 0.3] [--rate 5]

prints the two base URLs to export as ``CITECHECK_CROSSREF_URL`` / ``CITECHECK_DOI_URL``.
"""

from __future__ import annotations

import argparse
import calendar
import copy
import json
import math
import random
import re
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from tests.support import other_registries
from tests.support.crossref_server import (  # the same rate-limit pool as the benchmark server
    HTML_429,
    Pool,
)

CSL = "application/vnd.citationstyles.csl+json"
NOT_FOUND = b"Resource not found."
HTML_503 = (
    b"<html><head><title>503 Service Temporarily Unavailable</title></head><body></body></html>"
)
HTML_502 = (
    b"<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"
)
HTML_MAINT = b"<!DOCTYPE html><html><body><h1>We'll be back soon</h1>Maintenance.</body></html>"
HTML_DOI_404 = b"<!DOCTYPE html><html><head><title>DOI Not Found</title></head><body>DOI Not Found</body></html>"
# Crossref's selectable fields (api.crossref.org/swagger-ui, research notes 2026).
SELECTABLE = frozenset(
    "DOI ISBN ISSN URL abstract accepted alternative-id approved archive article-number "
    "assertion author chair clinical-trial-number container-title content-created "
    "content-domain created degree deposited editor event funder group-title indexed "
    "is-referenced-by-count issn-type issue issued license link member original-title page "
    "posted prefix published published-online published-print publisher publisher-location "
    "reference references-count relation score short-container-title short-title "
    "standards-body subject subtitle title translator type update-policy update-to "
    "updated-by volume".split()
)
FAULTS = ("503", "502", "truncated", "html200", "reset", "429")


# -- records -----------------------------------------------------------------------------


def _date(parts: list[int] | None) -> dict[str, Any] | None:
    if not parts:
        return None
    out: dict[str, Any] = {"date-parts": [list(parts)]}
    return out


def _stamp(parts: list[int]) -> dict[str, Any]:
    y, m, d = [*parts, 1, 1][:3]
    iso = f"{y:04d}-{m:02d}-{d:02d}T00:00:00Z"
    ts = calendar.timegm((y, m, d, 0, 0, 0)) * 1000
    return {"date-parts": [[y, m, d]], "date-time": iso, "timestamp": ts}


def expand_work(spec: dict[str, Any]) -> dict[str, Any]:
    """A compact synthetic spec as a full Crossref ``work`` message (real field shapes)."""
    doi = spec["DOI"].lower()
    prefix = doi.split("/", 1)[0]
    print_d, online_d = spec.get("print"), spec.get("online")
    posted = spec.get("posted")
    dated = [d for d in (print_d, online_d, posted) if d]
    issued = min(dated, key=lambda d: tuple(d) + (0,) * (3 - len(d))) if dated else None
    authors = []
    for k, a in enumerate(spec.get("authors", [])):
        if isinstance(a, dict):
            authors.append(
                {**a, "sequence": "first" if k == 0 else "additional", "affiliation": []}
            )
        else:
            authors.append(
                {
                    "given": a[0],
                    "family": a[1],
                    "sequence": "first" if k == 0 else "additional",
                    "affiliation": [],
                }
            )
    work: dict[str, Any] = {
        "indexed": _stamp([2025, 11, 3]),
        "reference-count": spec.get("reference-count", 0),
        "publisher": spec.get("publisher", "Synthetic Publisher"),
    }
    if spec.get("issue"):
        work["issue"] = spec["issue"]
    work["content-domain"] = {"domain": [], "crossmark-restriction": False}
    work["short-container-title"] = spec.get("short_container", [])
    if print_d:
        work["published-print"] = _date(print_d)
    work["DOI"] = doi
    work["type"] = spec.get("type", "journal-article")
    if spec.get("subtype"):
        work["subtype"] = spec["subtype"]
    work["created"] = _stamp(online_d or print_d or posted or [2020, 1, 1])
    if spec.get("page"):
        work["page"] = spec["page"]
    work["source"] = "Crossref"
    work["is-referenced-by-count"] = spec.get("cited", 0)
    work["title"] = [spec["title"]]
    work["prefix"] = prefix
    if spec.get("volume"):
        work["volume"] = spec["volume"]
    if authors:
        work["author"] = authors
    work["member"] = str(spec.get("member", "99999"))
    if posted:
        work["posted"] = _date(posted)
    work["container-title"] = spec.get("container", [])
    work["original-title"] = []
    work["language"] = "en"
    work["deposited"] = _stamp([2024, 6, 1])
    work["score"] = 1
    work["resource"] = {"primary": {"URL": f"https://example.org/{quote(doi)}"}}
    work["subtitle"] = spec.get("subtitle", [])
    work["short-title"] = []
    if issued:
        work["issued"] = _date(issued)
    work["references-count"] = spec.get("reference-count", 0)
    if spec.get("issue") and (print_d or online_d):
        ji: dict[str, Any] = {"issue": spec["issue"]}
        if spec.get("issue_online"):
            ji["published-online"] = _date(spec["issue_online"])
        if print_d:
            ji["published-print"] = _date(print_d)
        work["journal-issue"] = ji
    work["URL"] = f"https://doi.org/{doi}"
    work["relation"] = spec.get("relation", {})
    if spec.get("ISSN"):
        work["ISSN"] = spec["ISSN"]
        work["issn-type"] = [{"type": "print", "value": spec["ISSN"][0]}]
    work["subject"] = []
    if online_d:
        work["published-online"] = _date(online_d)
    if issued:
        work["published"] = _date(issued)
    for key in ("updated-by", "update-to", "update-policy"):
        if spec.get(key):
            work[key] = spec[key]
    work.update(spec.get("extra", {}))  # rarer real fields (institution, group-title, ...)
    return work


def work_to_csl(work: dict[str, Any]) -> dict[str, Any]:
    """Crossref's CSL-JSON transform of a work (the shape of fixture 07)."""
    csl: dict[str, Any] = {
        "indexed": work.get("indexed"),
        "publisher": work.get("publisher"),
        "DOI": work["DOI"],
        "type": work.get("type"),
        "source": "Crossref",
        "title": (work.get("title") or [""])[0],
        "container-title": (work.get("container-title") or [""])[0] or None,
        "author": work.get("author", []),
        "volume": work.get("volume"),
        "issue": work.get("issue"),
        "page": work.get("page"),
        "issued": work.get("issued"),
        "URL": work.get("URL"),
    }
    for key in ("published-print", "published-online"):
        if key in work:
            csl[key] = work[key]
    return {k: v for k, v in csl.items() if v is not None}


@dataclass
class Store:
    """Every record the stand-in knows, keyed by lower-case DOI."""

    works: dict[str, dict[str, Any]] = field(default_factory=dict)
    other: dict[str, tuple[dict[str, str], dict[str, Any]]] = field(default_factory=dict)
    synthetic: set[str] = field(default_factory=set)
    real: set[str] = field(default_factory=set)
    # doi -> (df-weighted) token set, built lazily for search
    _index: dict[str, set[str]] = field(default_factory=dict)
    _idf: dict[str, float] = field(default_factory=dict)

    @classmethod
    def load(cls, folders: Iterable[Path]) -> Store:
        """Read every record under ``folders`` (recursively)."""
        store = cls()
        patches: list[dict[str, Any]] = []
        for folder in folders:
            for path in sorted(Path(folder).rglob("*.json")):
                if path.name.endswith(".meta.json"):
                    continue
                data = json.loads(path.read_text(encoding="utf-8"))
                if path.name.startswith("synthetic"):
                    store._synthetic(data)
                else:
                    store._real(data, patches)
        for patch in patches:
            target = store.works.get(patch["DOI"].lower())
            if target is not None:
                target.update({k: v for k, v in patch.items() if k != "DOI"})
                store.real.add(patch["DOI"].lower())  # partly real, partly synthetic
        store._build_index()
        return store

    def _real(self, data: Any, patches: list[dict[str, Any]]) -> None:
        if isinstance(data, dict) and isinstance(data.get("DOI"), str) and "message" not in data:
            # A bare list item (fixture 21) or a fragment (fixture 23); CSL bodies have a
            # string title and are not Crossref works.
            if isinstance(data.get("title"), list) and data["title"]:
                self.works.setdefault(data["DOI"].lower(), copy.deepcopy(data))
                self.real.add(data["DOI"].lower())
            elif "title" not in data:
                patches.append({k: v for k, v in data.items() if not k.startswith("_")})
            return
        if not isinstance(data, dict) or not isinstance(data.get("message"), dict):
            return
        kind, msg = data.get("message-type"), data["message"]
        if kind == "work" and isinstance(msg.get("DOI"), str):
            if msg.get("title"):
                self.works.setdefault(msg["DOI"].lower(), copy.deepcopy(msg))
                self.real.add(msg["DOI"].lower())
            else:
                patches.append(msg)  # a fragment (fixture 23): its fields complete a work
        elif kind == "work-list":
            for item in msg.get("items", []):
                if (
                    isinstance(item, dict)
                    and isinstance(item.get("DOI"), str)
                    and item.get("title")
                ):
                    item = {k: v for k, v in item.items() if k != "score"}
                    self.works.setdefault(item["DOI"].lower(), item)
                    self.real.add(item["DOI"].lower())

    def _synthetic(self, data: dict[str, Any]) -> None:
        for spec in data.get("works", []):
            work = expand_work(spec)
            self.works[work["DOI"]] = work  # a synthetic full record wins over list items
            self.synthetic.add(work["DOI"])
        for entry in data.get("other", []):
            csl = entry["csl"]
            self.other[csl["DOI"].lower()] = (entry["agency"], csl)
            self.synthetic.add(csl["DOI"].lower())

    def registered(self, doi: str) -> bool:
        """True when some agency holds ``doi``."""
        return doi.lower() in self.works or doi.lower() in self.other

    # -- search ---------------------------------------------------------------------------

    def _build_index(self) -> None:
        df: Counter[str] = Counter()
        for doi, work in self.works.items():
            tokens = set(_tokens(" ".join(_search_fields(work))))
            self._index[doi] = tokens
            df.update(tokens)
        n = max(len(self._index), 1)
        self._idf = {t: math.log(1 + n / c) for t, c in df.items()}

    def search(self, text: str, rows: int) -> list[dict[str, Any]]:
        """Works ranked by idf-weighted token overlap with ``text`` (Crossref-like scores)."""
        query = set(_tokens(text))
        scored = []
        for doi, tokens in self._index.items():
            score = sum(self._idf[t] for t in query & tokens)
            if score > 0:
                scored.append((round(score * 6.0, 4), doi))
        scored.sort(key=lambda s: (-s[0], s[1]))
        out = []
        for score, doi in scored[:rows]:
            out.append({**copy.deepcopy(self.works[doi]), "score": score})
        return out


def _search_fields(work: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key in ("title", "subtitle", "container-title", "short-container-title"):
        value = work.get(key)
        if isinstance(value, list):
            out.extend(v for v in value if isinstance(v, str))
    for a in work.get("author", []):
        out.extend(str(a.get(k, "")) for k in ("family", "given", "name"))
    for key in ("volume", "issue", "page"):
        if work.get(key):
            out.append(str(work[key]))
    issued = (work.get("issued") or {}).get("date-parts") or [[None]]
    if issued[0] and issued[0][0]:
        out.append(str(issued[0][0]))
    return out


def _tokens(text: str) -> list[str]:
    text = re.sub(r"<[^>]{1,200}>", " ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return [t for t in re.findall(r"[^\W_]+", text) if len(t) > 1 or t.isdigit()]


# -- behaviour ---------------------------------------------------------------------------


@dataclass
class Behaviour:
    """How the stand-in misbehaves (defaults: healthy and fast)."""

    latency: float = 0.0
    single_rate: int = 50  # advertised and enforced, per second, polite pool
    array_rate: int = 20
    concurrency: int = 5
    public_factor: float = 0.5  # the public pool gets this share of the polite limits
    enforce: bool = True  # answer 429 above the limits
    retry_after: str | None = None  # Retry-After header value on 429s (None: absent)
    drop_limits_after: int | None = None  # halve the limits after this many requests
    flaky: float = 0.0  # probability that a request gets a fault
    faults: tuple[str, ...] = FAULTS
    max_faults: int = 10_000
    seed: int = 1
    lifetime: float = 600.0  # seconds before the servers stop themselves
    max_requests: int = 100_000
    list_route: bool = True  # False: /works lists answer 404 (a mirror of single works only)
    select: bool = True  # False: any select= is a 400 (a server with another field list)


@dataclass
class State:
    """Shared by both servers' handler threads."""

    store: Store
    behaviour: Behaviour
    crossref_url: str = ""
    doi_url: str = ""
    pools: dict[str, Pool] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)
    rng: random.Random = field(default_factory=random.Random)
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng.seed(self.behaviour.seed)
        self._make_pools(1.0)

    def _make_pools(self, factor: float) -> None:
        b = self.behaviour
        for who, share in (("polite", 1.0), ("public", b.public_factor)):
            for kind, rate in (("single", b.single_rate), ("array", b.array_rate)):
                old = self.pools.get(f"{who}-{kind}")
                pool = Pool(
                    f"{who}-{kind}",
                    max(1, int(rate * share * factor)),
                    1.0,
                    max(1, int(b.concurrency * share)),
                )
                if old is not None:
                    pool.arrivals, pool.in_flight = old.arrivals, old.in_flight
                self.pools[pool.name] = pool

    def fault(self) -> str | None:
        """Decide (under the lock) whether this request misbehaves, and how."""
        b = self.behaviour
        if b.flaky <= 0 or self.counts["faults"] >= b.max_faults:
            return None
        if self.rng.random() >= b.flaky:
            return None
        kind = self.rng.choice(b.faults)
        self.counts["faults"] += 1
        self.counts[f"fault:{kind}"] += 1
        return kind

    def tick(self, route: str) -> bool:
        """Count a request; False once the request budget is spent."""
        self.counts["requests"] += 1
        self.counts[route] += 1
        b = self.behaviour
        if b.drop_limits_after is not None and self.counts["requests"] == b.drop_limits_after:
            self._make_pools(0.5)
        return self.counts["requests"] <= b.max_requests


def _envelope(kind: str, message: Any) -> bytes:
    return json.dumps(
        {"status": "ok", "message-type": kind, "message-version": "1.0.0", "message": message}
    ).encode()


def _failure(kind: str, value: str, message: str) -> bytes:
    return json.dumps(
        {
            "status": "failed",
            "message-type": "validation-failure",
            "message": [{"type": kind, "value": value, "message": message}],
        }
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "standin"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        return

    @property
    def state(self) -> State:
        return self.server.state  # type: ignore[attr-defined,no-any-return]

    def send(
        self,
        status: int,
        body: bytes,
        ctype: str,
        headers: dict[str, str] | None = None,
        *,
        declared: int | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("content-type", ctype)
        self.send_header("content-length", str(declared if declared is not None else len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        if declared is not None:
            self.close_connection = True

    def misbehave(self, kind: str, ok_body: bytes | None) -> None:
        """Answer with fault ``kind`` instead of the real answer."""
        if kind == "503":
            self.send(503, HTML_503, "text/html")
        elif kind == "502":
            self.send(502, HTML_502, "text/html")
        elif kind == "429":
            extra = (
                {"retry-after": self.state.behaviour.retry_after}
                if self.state.behaviour.retry_after
                else {}
            )
            self.send(429, HTML_429, "text/html", extra)
        elif kind == "truncated":
            body = ok_body or b'{"status":"ok","message-type":"work","message":{"DOI":"10.'
            self.send(200, body[: max(1, len(body) // 2)], "application/json;charset=utf-8")
        elif kind == "html200":
            self.send(200, HTML_MAINT, "text/html")
        else:  # "reset": promise a body, send half, hang up
            body = ok_body or HTML_503
            self.send(
                200, body[: len(body) // 2], "application/json;charset=utf-8", declared=len(body)
            )


class CrossrefHandler(_Handler):
    """Crossref's REST API routes."""

    def do_GET(self) -> None:
        st = self.state
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        if path.startswith(other_registries.PREFIXES):
            self.other(path, query)
            return
        polite = "mailto:" in self.headers.get("user-agent", "")
        kind = "array" if path.rstrip("/") == "/works" else "single"
        pool = st.pools[f"{'polite' if polite else 'public'}-{kind}"]
        with st.lock:
            alive = st.tick(f"crossref-{kind}")
            admitted = pool.admit(time.monotonic()) if st.behaviour.enforce else True
            if not st.behaviour.enforce:
                pool.in_flight += 1
            fault = st.fault() if admitted else None
            if not admitted:
                st.counts["429"] += 1
            st.log.append(f"{time.monotonic():.3f} {kind}{'' if admitted else ' 429'} {self.path}")
        if not alive:
            self.send(503, HTML_503, "text/html")
            return
        if not admitted:
            extra = {"retry-after": st.behaviour.retry_after} if st.behaviour.retry_after else {}
            self.send(429, HTML_429, "text/html", extra)
            return
        try:
            if st.behaviour.latency:
                time.sleep(st.behaviour.latency)
            status, body, ctype = self.route(path, query)
            if fault:
                self.misbehave(fault, body if status == 200 else None)
                return
            self.send(status, body, ctype, {**pool.headers(), "vary": "Accept"})
        finally:
            with st.lock:
                pool.in_flight -= 1

    def other(self, path: str, query: dict[str, str]) -> None:
        """arXiv, PubMed and OpenAlex (:mod:`tests.support.other_registries`)."""
        st = self.state
        with st.lock:
            alive = st.tick(path.split("/")[1])
            fault = st.fault()
            st.log.append(f"{time.monotonic():.3f} other {self.path}")
        if not alive:
            self.send(503, HTML_503, "text/html")
            return
        if st.behaviour.latency:
            time.sleep(st.behaviour.latency)
        status, body, ctype = other_registries.route(st.store, path, query)
        if fault:
            self.misbehave(fault, body if status == 200 else None)
            return
        self.send(status, body, ctype)

    def route(self, path: str, query: dict[str, str]) -> tuple[int, bytes, str]:
        store = self.state.store
        js = "application/json;charset=utf-8"
        if path.rstrip("/") == "/works":
            return self.works_list(query)
        if path.startswith("/v1/works/") and path.endswith("/transform"):
            doi = path[len("/v1/works/") : -len("/transform")]
            work = store.works.get(doi.lower())
            if work is None:
                return 404, NOT_FOUND, "text/plain"
            return 200, json.dumps(work_to_csl(work)).encode(), CSL
        if not path.startswith("/works/"):
            return 404, NOT_FOUND, "text/plain"
        if query:
            return (
                400,
                _failure(
                    "parameter-not-allowed",
                    next(iter(query)),
                    "This route does not support query parameters",
                ),
                js,
            )
        rest = path[len("/works/") :]
        if rest.endswith("/agency"):
            doi = rest[: -len("/agency")]
            if doi.lower() in store.works:
                agency = {"id": "crossref", "label": "Crossref"}
            elif doi.lower() in store.other:
                agency = store.other[doi.lower()][0]
            else:
                return 404, NOT_FOUND, "text/plain"
            return 200, _envelope("work-agency", {"DOI": doi.lower(), "agency": agency}), js
        work = store.works.get(rest.lower())
        if work is None:
            return 404, NOT_FOUND, "text/plain"
        return 200, _envelope("work", work), js

    def works_list(self, query: dict[str, str]) -> tuple[int, bytes, str]:
        js = "application/json;charset=utf-8"
        store = self.state.store
        if not self.state.behaviour.list_route:
            return 404, NOT_FOUND, "text/plain"
        try:
            rows = int(query.get("rows", "20"))
        except ValueError:
            return (
                400,
                _failure(
                    "integer-not-valid", query["rows"], "Integer specified as rows is not valid"
                ),
                js,
            )
        if not 0 <= rows <= 1000:
            return 400, _failure("integer-not-valid", str(rows), "rows must be 0..1000"), js
        select = [s for s in query.get("select", "").split(",") if s]
        bad = [s for s in select if s not in SELECTABLE or not self.state.behaviour.select]
        if bad:
            return (
                400,
                _failure("parameter-not-allowed", bad[0], f"Field {bad[0]} is not selectable"),
                js,
            )
        items: list[dict[str, Any]]
        if "filter" in query:
            wanted = []
            for part in query["filter"].split(","):
                name, _, value = part.partition(":")
                if name != "doi":
                    return (
                        400,
                        _failure(
                            "filter-not-available",
                            name,
                            f"Filter {name} specified but there is no such filter for this route",
                        ),
                        js,
                    )
                wanted.append(value.lower())
            items = [
                copy.deepcopy(store.works[d]) for d in dict.fromkeys(wanted) if d in store.works
            ]
            items = items[:rows]
        elif "query.bibliographic" in query:
            items = store.search(query["query.bibliographic"], rows)
        else:
            items = []
        if select:
            items = [{k: v for k, v in it.items() if k in select} for it in items]
        msg = {
            "facets": {},
            "total-results": len(items),
            "items": items,
            "items-per-page": rows,
            "query": {"start-index": 0, "search-terms": query.get("query.bibliographic")},
        }
        return 200, _envelope("work-list", msg), js


class DoiHandler(_Handler):
    """doi.org: the handle REST API and content negotiation."""

    def do_GET(self) -> None:
        st = self.state
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        with st.lock:
            alive = st.tick("doi")
            fault = st.fault()
            st.log.append(f"{time.monotonic():.3f} doi {self.path}")
        if not alive:
            self.send(503, HTML_503, "text/html")
            return
        if st.behaviour.latency:
            time.sleep(st.behaviour.latency)
        status, body, ctype, headers = self.route(path)
        if fault:
            self.misbehave(fault, body if status == 200 else None)
            return
        self.send(status, body, ctype, headers)

    def route(self, path: str) -> tuple[int, bytes, str, dict[str, str]]:
        store = self.state.store
        js = "application/json"
        if path.startswith("/api/handles/"):
            doi = path[len("/api/handles/") :]
            if store.registered(doi) or doi.lower() in other_registries.recorded_datacite():
                values = [
                    {
                        "index": 1,
                        "type": "URL",
                        "data": {
                            "format": "string",
                            "value": f"https://example.org/landing/{quote(doi)}",
                        },
                        "ttl": 86400,
                        "timestamp": "2024-06-01T00:00:00Z",
                    }
                ]
                return (
                    200,
                    json.dumps({"responseCode": 1, "handle": doi, "values": values}).encode(),
                    js,
                    {},
                )
            return 404, json.dumps({"responseCode": 100, "handle": doi}).encode(), js, {}
        if path.startswith("/_crosscite/"):
            doi = path[len(f"/_crosscite/{CSL}/") :]
            entry = store.other.get(doi.lower())
            if entry is None:
                return 404, HTML_DOI_404, "text/html", {}
            return 200, json.dumps(entry[1]).encode(), CSL, {}
        doi = path.lstrip("/")
        accept = self.headers.get("accept", "")
        if doi.lower() in store.works and CSL in accept:
            loc = f"{self.state.crossref_url}/v1/works/{quote(doi, safe='')}/transform"
            return 302, b"", "text/html;charset=utf-8", {"location": loc}
        if doi.lower() in store.other and CSL in accept:
            loc = f"{self.state.doi_url}/_crosscite/{CSL}/{quote(doi, safe='/')}"
            return 302, b"", "text/html;charset=utf-8", {"location": loc}
        if store.registered(doi):
            return (
                302,
                b"",
                "text/html;charset=utf-8",
                {"location": f"https://example.org/landing/{quote(doi)}"},
            )
        return 404, HTML_DOI_404, "text/html", {}


class StandIn:
    """Both servers; use as a context manager or call :meth:`start` / :meth:`stop`."""

    def __init__(
        self,
        store: Store,
        behaviour: Behaviour | None = None,
        *,
        crossref_port: int = 0,
        doi_port: int = 0,
    ) -> None:
        self.state = State(store, behaviour or Behaviour())
        self._servers: list[ThreadingHTTPServer] = []
        self._ports = (crossref_port, doi_port)
        self._timer: threading.Timer | None = None

    @property
    def counts(self) -> Counter[str]:
        """Requests per route, 429s and faults."""
        return self.state.counts

    def start(self) -> StandIn:
        """Bind both servers to 127.0.0.1 and serve in daemon threads."""
        for handler, port in zip((CrossrefHandler, DoiHandler), self._ports, strict=True):
            server = ThreadingHTTPServer(("127.0.0.1", port), handler)
            server.daemon_threads = True
            server.state = self.state  # type: ignore[attr-defined]
            threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            ).start()
            self._servers.append(server)
        self.state.crossref_url = f"http://127.0.0.1:{self._servers[0].server_address[1]}"
        self.state.doi_url = f"http://127.0.0.1:{self._servers[1].server_address[1]}"
        self._timer = threading.Timer(self.state.behaviour.lifetime, self.stop)
        self._timer.daemon = True
        self._timer.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the ports (idempotent)."""
        if self._timer is not None:
            self._timer.cancel()
        servers, self._servers = self._servers, []
        for server in servers:
            server.shutdown()
            server.server_close()

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def crossref_url(self) -> str:
        """Base URL for ``CITECHECK_CROSSREF_URL``."""
        return self.state.crossref_url

    @property
    def doi_url(self) -> str:
        """Base URL for ``CITECHECK_DOI_URL``."""
        return self.state.doi_url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--records",
        action="append",
        type=Path,
        required=True,
        help="folder of recorded bodies and synthetic*.json specs (repeatable)",
    )
    parser.add_argument("--crossref-port", type=int, default=0)
    parser.add_argument("--doi-port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--rate", type=int, default=50, help="single-work requests/s (polite)")
    parser.add_argument("--array-rate", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=5)
    parser.add_argument("--retry-after", default=None)
    parser.add_argument("--drop-limits-after", type=int, default=None)
    parser.add_argument("--flaky", type=float, default=0.0)
    parser.add_argument("--max-faults", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lifetime", type=float, default=600.0)
    parser.add_argument("--no-list-route", action="store_true", help="404 for /works lists")
    parser.add_argument("--no-select", action="store_true", help="400 for any select=")
    args = parser.parse_args()
    store = Store.load(args.records)
    behaviour = Behaviour(
        latency=args.latency,
        single_rate=args.rate,
        array_rate=args.array_rate,
        concurrency=args.concurrency,
        retry_after=args.retry_after,
        drop_limits_after=args.drop_limits_after,
        flaky=args.flaky,
        max_faults=args.max_faults,
        seed=args.seed,
        lifetime=args.lifetime,
        list_route=not args.no_list_route,
        select=not args.no_select,
    )
    standin = StandIn(store, behaviour, crossref_port=args.crossref_port, doi_port=args.doi_port)
    standin.start()
    print(
        f"{len(store.works)} Crossref works ({len(store.synthetic)} synthetic), "
        f"{len(store.other)} other-agency DOIs"
    )
    print(f"export CITECHECK_CROSSREF_URL={standin.crossref_url}")
    print(f"export CITECHECK_DOI_URL={standin.doi_url}")
    for name, url in other_registries.urls(standin.crossref_url).items():
        print(f"export {name}={url}")
    print(f"(stops by itself after {args.lifetime:g} s; Ctrl-C stops it now)", flush=True)
    try:
        while standin._servers:
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    standin.stop()
    print(json.dumps(dict(standin.counts), sort_keys=True))


if __name__ == "__main__":
    main()
