"""``--check-urls`` against a real HTTP server on loopback: what each answer becomes.

The tests drive :class:`citecheck.registry.urls.UrlChecker` through respx; this bench
runs it over real sockets against a small server (http.server) that answers the way
web servers do (HEAD refused but GET fine, redirect chains, 404 and 410, bot walls,
server errors, slow answers, redirect loops), and reports, per behaviour, the verdict
(``ok`` / ``gone`` -> url-unreachable / ``unknown`` -> skipped check), the requests
sent and the spacing between two requests to one host. Host names end in ``.test``
(RFC 2606) and are sent to the loopback server by the client's transport, so the
checker's refusal of private addresses stays as it is.

    python -m bench.accuracy.url_check
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import httpx

from citecheck.registry.urls import HOST_GAP, UrlChecker, checkable

# path -> (HEAD answer, GET answer); an answer is a status or ("redirect", code, to).
BEHAVIOURS: dict[str, tuple[Any, Any]] = {
    "/ok": (200, 200),
    "/head-405": (405, 200),  # HEAD not allowed, GET works
    "/head-403-get-200": (403, 200),  # HEAD walled, GET works
    "/head-404-get-200": (404, 200),  # servers that 404 every HEAD
    "/gone-404": (404, 404),
    "/gone-410": (410, 410),
    "/moved": (("redirect", 301, "/ok"), ("redirect", 301, "/ok")),
    "/moved-to-gone": (("redirect", 302, "/gone-404"), ("redirect", 302, "/gone-404")),
    "/loop": (("redirect", 302, "/loop"), ("redirect", 302, "/loop")),
    "/bot-wall": (403, 403),
    "/login": (401, 401),
    "/rate-limited": (429, 429),
    "/server-error": (500, 503),
    "/slow": ("slow", "slow"),
}
EXPECTED = {
    "/ok": "ok",
    "/head-405": "ok",
    "/head-403-get-200": "ok",
    "/head-404-get-200": "ok",
    "/gone-404": "gone",
    "/gone-410": "gone",
    "/moved": "ok",
    "/moved-to-gone": "gone",
    "/loop": "unknown",
    "/bot-wall": "unknown",
    "/login": "unknown",
    "/rate-limited": "unknown",
    "/server-error": "unknown",
    "/slow": "unknown",
}
SLOW = 3.0  # seconds the slow page takes; the checker's timeout is shorter


class _Handler(BaseHTTPRequestHandler):
    log: ClassVar[list[tuple[float, str, str, str]]] = []

    def _answer(self, method: str) -> None:
        host = self.headers.get("Host", "")
        _Handler.log.append((time.monotonic(), host, method, self.path))
        head, get = BEHAVIOURS.get(self.path, (404, 404))
        answer = head if method == "HEAD" else get
        if answer == "slow":
            time.sleep(SLOW)
            answer = 200
        if isinstance(answer, tuple):
            _, code, to = answer
            self.send_response(code)
            self.send_header("Location", to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"page" if answer == 200 and method == "GET" else b""
        self.send_response(answer)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the checker never reads bodies: it closes after the headers

    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_GET(self) -> None:
        self._answer("GET")

    def log_message(self, format: str, *args: Any) -> None:
        return


class _ToLoopback(httpx.AsyncBaseTransport):
    """Send every request to the loopback server, keeping its Host header."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["Host"] = request.url.host
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        return await self.inner.handle_async_request(request)


async def _run(port: int, urls: list[str]) -> tuple[dict[str, Any], int, float]:
    async with httpx.AsyncClient(transport=_ToLoopback(port)) as client:
        checker = UrlChecker(
            client=client,
            user_agent="citecheck-bench (mailto:bench@example.org)",
            timeout=1.0,
            deadline_at=time.monotonic() + 120,
        )
        started = time.monotonic()
        results = await checker.check(urls)
        return results, checker.requests, time.monotonic() - started


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    # Two hosts: one page per behaviour on the first, all behaviours spread so that
    # one host serves several pages (pacing is per host).
    urls = [f"https://site-{n % 3}.test{path}" for n, path in enumerate(BEHAVIOURS)]
    assert all(checkable(u) == u for u in urls)
    try:
        results, requests, took = asyncio.run(_run(port, urls))
    finally:
        server.shutdown()
    print("| page | HEAD | GET | verdict | expected | requests at this address* | reason |")
    print("| --- | --- | --- | --- | --- | ---: | --- |")
    wrong = 0
    for url in urls:
        path = url.split(".test", 1)[1]
        got = results[url]
        sent = sum(1 for _, h, _, p in _Handler.log if h == url.split("/")[2] and p == path)
        head, get = BEHAVIOURS[path]
        wrong += got.status != EXPECTED[path]
        print(
            f"| {path} | {head} | {get} | {got.status} | {EXPECTED[path]} | {sent} | {got.reason} |"
        )
    gaps = []
    by_host: dict[str, list[float]] = {}
    for t, host, _, _ in sorted(_Handler.log):
        by_host.setdefault(host, []).append(t)
    for times in by_host.values():
        gaps += [b - a for a, b in itertools.pairwise(times)]
    print()
    print("* redirects from other pages of the same host included")
    print(
        f"{len(urls)} addresses on {len(by_host)} hosts: {requests} requests in {took:.1f} s; "
        f"smallest gap between two arrivals at one host {min(gaps):.2f} s "
        f"(HOST_GAP {HOST_GAP} s); verdicts other than expected: {wrong}"
    )


if __name__ == "__main__":
    main()
