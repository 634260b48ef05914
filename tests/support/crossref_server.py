"""A loopback server that behaves like Crossref's REST API (and doi.org's handle API)
closely enough to measure a client: latency, per-pool rate and concurrency limits
with 429s, the ``x-rate-limit-*`` / ``x-concurrency-limit`` / ``x-api-pool`` headers,
``/works?filter=doi:...`` batches, ``/works/{doi}``, ``/works/{doi}/agency``,
``query.bibliographic`` (empty answers) and ``/api/handles/{doi}``.

The limits default to the ones recorded in July 2026 (commonmeta-py cassettes):
polite-single 10/1s conc 3, polite-array 3/1s conc 3; public-single 5/1s conc 1,
public-array 1/1s conc 1. Requests with ``mailto:`` in the User-Agent are "polite".
Like Crossref, a 429 is an HTML page without rate headers.

Run alone: ``python -m tests.support.crossref_server --port 8765`` (every DOI ``10.9999/*`` exists).
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

HTML_429 = (
    b"<html><body><h1>429 Too Many Requests</h1>You have sent too many requests "
    b"in a given amount of time.</body></html>"
)


@dataclass
class Pool:
    """One rate-limit pool: ``limit`` requests per ``interval`` s, ``concurrency`` at once."""

    name: str
    limit: int
    interval: float
    concurrency: int
    arrivals: deque[float] = field(default_factory=deque)
    in_flight: int = 0

    def admit(self, now: float) -> bool:
        while self.arrivals and self.arrivals[0] <= now - self.interval:
            self.arrivals.popleft()
        if len(self.arrivals) >= self.limit or self.in_flight >= self.concurrency:
            return False
        self.arrivals.append(now)
        self.in_flight += 1
        return True

    def headers(self) -> dict[str, str]:
        return {
            "x-api-pool": self.name,
            "x-rate-limit-limit": str(self.limit),
            "x-rate-limit-interval": f"{self.interval:g}s",
            "x-concurrency-limit": str(self.concurrency),
        }


@dataclass
class State:
    """Everything the server knows and counts (shared by handler threads)."""

    dois: set[str]
    latency: float = 0.15
    retry_after: str | None = None  # e.g. "1" to send Retry-After with 429s
    pools: dict[str, Pool] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)
    known_prefix: str | None = None  # every DOI with this prefix exists (manual runs)

    def __post_init__(self) -> None:
        if not self.pools:
            self.pools = {
                "polite-single": Pool("polite-single", 10, 1.0, 3),
                "polite-array": Pool("polite-array", 3, 1.0, 3),
                "public-single": Pool("public-single", 5, 1.0, 1),
                "public-array": Pool("public-array", 1, 1.0, 1),
            }

    def exists(self, doi: str) -> bool:
        doi = doi.lower()
        return doi in self.dois or bool(self.known_prefix and doi.startswith(self.known_prefix))

    def reset(self) -> None:
        with self.lock:
            self.counts.clear()


def work(doi: str) -> dict[str, Any]:
    """A small synthetic work record in Crossref's shape."""
    n = sum(map(ord, doi)) % 1000
    return {
        "DOI": doi,
        "type": "journal-article",
        "title": [f"Synthetic work {n}"],
        "author": [{"given": "A.", "family": f"Author{n}", "sequence": "first"}],
        "container-title": ["Journal of Benchmarks"],
        "issued": {"date-parts": [[2000 + n % 25]]},
        "volume": str(n % 50),
        "page": f"{n}-{n + 9}",
        "updated-by": [],
    }


def envelope(message_type: str, message: Any) -> bytes:
    return json.dumps(
        {
            "status": "ok",
            "message-type": message_type,
            "message-version": "1.0.0",
            "message": message,
        }
    ).encode()


class Handler(BaseHTTPRequestHandler):
    """Routes one request; the ``state`` attribute is set on the server."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def do_GET(self) -> None:
        state: State = self.server.state  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        query = parse_qs(parts.query)
        polite = "mailto:" in self.headers.get("user-agent", "")
        if path.startswith("/api/handles/"):
            self._handle(state, path[len("/api/handles/") :])
            return
        kind = "array" if path.rstrip("/") == "/works" else "single"
        pool = state.pools[f"{'polite' if polite else 'public'}-{kind}"]
        with state.lock:
            state.counts["requests"] += 1
            state.counts[kind] += 1
            admitted = pool.admit(time.monotonic())
            if not admitted:
                state.counts["429"] += 1
        if not admitted:
            extra = {"retry-after": state.retry_after} if state.retry_after else {}
            self._send(429, HTML_429, "text/html", extra)
            return
        try:
            time.sleep(state.latency)
            status, body, ctype = self._route(state, path, query)
            self._send(status, body, ctype, pool.headers())
        finally:
            with state.lock:
                pool.in_flight -= 1

    def _route(
        self, state: State, path: str, query: dict[str, list[str]]
    ) -> tuple[int, bytes, str]:
        if path.rstrip("/") == "/works":
            if "filter" in query:
                wanted = [
                    f.split(":", 1)[1]
                    for f in query["filter"][0].split(",")
                    if f.startswith("doi:")
                ]
                items = [work(d.lower()) for d in wanted if state.exists(d)]
            else:
                items = []
            msg = {
                "facets": {},
                "total-results": len(items),
                "items": items,
                "items-per-page": len(items),
                "query": {"start-index": 0, "search-terms": None},
            }
            return 200, envelope("work-list", msg), "application/json"
        rest = path[len("/works/") :]
        if rest.endswith("/agency"):
            doi = rest[: -len("/agency")]
            if state.exists(doi):
                return (
                    200,
                    envelope(
                        "work-agency",
                        {"DOI": doi, "agency": {"id": "crossref", "label": "Crossref"}},
                    ),
                    "application/json",
                )
            return 404, b"Resource not found.", "text/plain"
        if state.exists(rest):
            return 200, envelope("work", work(rest.lower())), "application/json"
        return 404, b"Resource not found.", "text/plain"

    def _handle(self, state: State, doi: str) -> None:
        with state.lock:
            state.counts["requests"] += 1
            state.counts["handle"] += 1
        time.sleep(state.latency)
        if state.exists(doi):
            body = json.dumps({"responseCode": 1, "handle": doi, "values": []}).encode()
            self._send(200, body, "application/json", {})
        else:
            self._send(
                404,
                json.dumps({"responseCode": 100, "handle": doi}).encode(),
                "application/json",
                {},
            )

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("content-type", ctype)
        self.send_header("content-length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


def serve(state: State, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Start the server in a daemon thread; returns it and its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.state = state  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--latency", type=float, default=0.15)
    args = parser.parse_args()
    server, url = serve(State(dois=set(), latency=args.latency, known_prefix="10.9999/"), args.port)
    print(f"serving on {url} (Ctrl-C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
