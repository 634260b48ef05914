"""``--check-urls``: does each reference's web address still answer?

Off by default (it contacts every host a bibliography names). For each distinct
``http(s)`` URL that is not a DOI or arXiv link (those identifiers are checked
against their registries, arXiv's at one request per 3 s): a
HEAD request, then a GET when HEAD is refused or unsupported (many servers answer
HEAD with 403, 404 or 405 while GET works), redirects followed by hand up to
:data:`MAX_REDIRECTS`, bodies never read. Politeness: one request at a time per
host, :data:`HOST_GAP` seconds apart, :data:`CONCURRENCY` hosts at once, the run's
deadline and timeout, our User-Agent.

Only a definite answer is a verdict: HTTP 404 or 410 to the GET is
``gone``; a 2xx/3xx end is ``ok``; anything else (timeouts, DNS or connection
failures, 401/403/429, 5xx) is ``unknown`` and becomes a skipped check, never a
finding, because it may be our network or a bot wall. Addresses that are IP
literals in private, loopback or link-local ranges are not contacted. Verdicts are
cached (kind ``url``) for a week; ``--offline`` answers from the cache only.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from citecheck.model.resolution import UrlCheck
from citecheck.registry.cache import Cache

MAX_REDIRECTS = 5
HOST_GAP = 1.0
CONCURRENCY = 4
TTL = 7 * 86400
GONE = frozenset({404, 410})
_HEAD_REFUSED = frozenset({400, 403, 404, 405, 406, 410, 429, 500, 501, 503})
_DOI_HOSTS = ("doi.org", "dx.doi.org", "www.doi.org")
_ARXIV_HOSTS = ("arxiv.org", "www.arxiv.org", "export.arxiv.org")
_ARXIV_PATH_RE = re.compile(r"^/(?:abs|pdf)/")


def checkable(url: str | None) -> str | None:
    """The URL to check, or None (not http(s), a DOI link, or a private address)."""
    if not url:
        return None
    url = url.strip().rstrip(".,;")
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host or host in _DOI_HOSTS:
        return None
    if host in _ARXIV_HOSTS and _ARXIV_PATH_RE.match(parts.path):
        return None  # an arXiv identifier: the arXiv API checks it
    if host == "localhost" or host.endswith(".localhost"):
        return None
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return url
    if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved:
        return None
    return url


@dataclass
class _Host:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    last: float = 0.0


@dataclass
class UrlChecker:
    """The URL checks of one run."""

    client: httpx.AsyncClient | httpx.Client | None  # None: offline, cache only
    user_agent: str
    timeout: float
    deadline_at: float
    cache: Cache | None = None
    offline: bool = False
    results: dict[str, UrlCheck] = field(default_factory=dict)
    requests: int = 0
    _hosts: dict[str, _Host] = field(default_factory=dict)

    async def check(self, urls: Iterable[str]) -> dict[str, UrlCheck]:
        """Check every URL (cached answers first); the verdicts by URL."""
        todo = []
        for url in sorted(set(urls)):
            entry = self.cache.get("url", url) if self.cache else None
            if entry is not None and (self.offline or entry.age <= TTL):
                self.results[url] = UrlCheck(
                    str(entry.body.get("status", "unknown")),  # type: ignore[arg-type]
                    entry.body.get("code"),
                    entry.body.get("final"),
                    str(entry.body.get("reason", "")),
                    from_cache=True,
                )
            elif self.offline:
                self.results[url] = UrlCheck("unknown", None, None, "offline: not in the cache")
            else:
                todo.append(url)
        gate = asyncio.Semaphore(CONCURRENCY)

        async def one(url: str) -> None:
            async with gate:
                result = await self._check(url)
            self.results[url] = result
            if self.cache is not None and result.status != "unknown":
                body = {"status": result.status, "code": result.code, "final": result.final_url}
                self.cache.put("url", url, result.status, {**body, "reason": result.reason})

        await asyncio.gather(*(one(u) for u in todo))
        if self.cache is not None:
            self.cache.flush()
        return self.results

    async def _check(self, url: str) -> UrlCheck:
        head = await self._follow(url, "HEAD")
        if head.status == "ok":
            return head
        if head.code is not None and head.code not in _HEAD_REFUSED:
            return head  # 401, 402, 502...: GET would not tell more
        # HEAD refused, unsupported or failed: GET decides (its 404/410 is definite).
        got = await self._follow(url, "GET")
        if got.status == "gone":
            return UrlCheck(
                "gone", got.code, got.final_url, f"HEAD {head.reason}; GET HTTP {got.code}"
            )
        return got

    async def _follow(self, url: str, method: str) -> UrlCheck:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            if checkable(current) is None:
                return UrlCheck("unknown", None, current, "redirect to an address not checked")
            remaining = self.deadline_at - time.monotonic()
            if remaining <= 0:
                return UrlCheck("unknown", None, current, "deadline reached")
            code, location = await self._send(current, method, min(self.timeout, remaining))
            if code is None:
                return UrlCheck("unknown", None, current, location or "no answer")
            if code in (301, 302, 303, 307, 308) and location:
                current = urljoin(current, location)
                continue
            if 200 <= code < 400:
                return UrlCheck("ok", code, current, f"HTTP {code}")
            if code in GONE:
                return UrlCheck("gone", code, current, f"HTTP {code}")
            return UrlCheck("unknown", code, current, f"HTTP {code}")
        return UrlCheck("unknown", None, current, "too many redirects")

    async def _send(self, url: str, method: str, timeout: float) -> tuple[int | None, str | None]:
        host = self._hosts.setdefault((urlsplit(url).hostname or "").lower(), _Host())
        async with host.lock:
            wait = host.last + HOST_GAP - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            host.last = time.monotonic()
            self.requests += 1
            if self.client is None:
                return None, "offline"
            try:
                request = self.client.build_request(
                    method,
                    url,
                    headers={"User-Agent": self.user_agent, "Accept": "*/*"},
                    timeout=httpx.Timeout(timeout),
                )
                if isinstance(self.client, httpx.AsyncClient):
                    resp = await self.client.send(request, stream=True, follow_redirects=False)
                    await resp.aclose()
                else:
                    resp = await asyncio.to_thread(self._send_sync, request)
            except httpx.HTTPError as exc:
                return None, f"{type(exc).__name__}: {str(exc)[:80]}"
            except (OSError, RuntimeError) as exc:
                return None, f"{type(exc).__name__}: {str(exc)[:80]}"
            return resp.status_code, resp.headers.get("location")

    def _send_sync(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self.client, httpx.Client)
        resp = self.client.send(request, stream=True, follow_redirects=False)
        resp.close()
        return resp
