"""One careful HTTP GET: budgets, retries with backoff, circuit breaker, deadline,
size cap, and redirects only to registry hosts.

Every failure ends as :class:`~citecheck.model.resolution.Unavailable` with a reason
a person can act on; nothing here raises for network trouble.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from citecheck.model.resolution import Unavailable
from citecheck.registry.limits import Bucket, Budgets

# Registry services doi.org content negotiation hands over to. Redirects anywhere
# else (a publisher landing page, a captive portal) are refused.
REGISTRY_DOMAINS = (
    "doi.org",
    "crossref.org",
    "datacite.org",
    "crosscite.org",
    "medra.org",
    "jalc.org",
    "japanlinkcenter.org",
)
TOO_BIG = "response larger than"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass
class Policy:
    """Tunables of the HTTP layer; tests shrink the waits, the defaults are polite."""

    max_attempts: int = 4
    backoff_base: float = 1.0  # seconds; doubled per retry, full jitter
    backoff_cap: float = 60.0
    retry_after_cap: float = 120.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    # Before the first response tells us better (Crossref's limits change often).
    single_rate: float = 2.0
    list_rate: float = 1.0
    doi_rate: float = 10.0  # doi.org advertises no limits; as Crossref's polite single pool
    concurrency: int = 1
    doi_concurrency: int = 3
    breaker_min_requests: int = 10
    # "Stop early when most requests fail" (issue 3). Crossref's etiquette page says to
    # stop a script at >= 10 % errors, but counted per attempt that gives up a whole
    # run after three transient 503s that retries would have cured (measured with the
    # flaky stand-in: 15 % random faults lost 0-14 of 51 references at 0.10, none at
    # 0.5). A service that is really down still trips at 5 failures in a row.
    breaker_ratio: float = 0.5
    breaker_min_failures: int = 3
    breaker_consecutive: int = 5
    batch_size: int = 40
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    clock: Callable[[], float] = time.monotonic  # the budgets' clock (tests: a fake one)
    rng: random.Random = field(default_factory=random.Random)


@dataclass(frozen=True)
class Reply:
    """A response we got to the end of (any status); ``data`` is parsed JSON or None."""

    status: int
    headers: httpx.Headers
    body: bytes
    url: str
    data: Any = None

    def text(self) -> str:
        """The body as text (for evidence), at most 200 characters."""
        return self.body[:200].decode("utf-8", "replace").strip()


@dataclass
class Breaker:
    """Stops asking a service that keeps failing (and tells why)."""

    name: str
    policy: Policy
    attempts: int = 0
    failures: int = 0
    consecutive: int = 0
    open: bool = False
    tripped: asyncio.Event = field(default_factory=asyncio.Event)  # wakes waiting retries

    def record(self, ok: bool, *, throttled: bool = False) -> None:
        """Count one attempt; trip when failures dominate.

        A 429 (``throttled``) says "slower", not "broken": the budgets slow down and
        the request is retried, so it counts only towards the run of consecutive
        failures (a 429 storm still trips the breaker), not towards the failure
        ratio. Otherwise three 429s after a server lowers its limits mid-run would
        give up every remaining look-up.
        """
        self.attempts += 1
        if ok:
            self.consecutive = 0
            return
        self.consecutive += 1
        if throttled:
            if self.consecutive >= self.policy.breaker_consecutive:
                self.open = True
                self.tripped.set()
            return
        self.failures += 1
        p = self.policy
        ratio_trip = (
            self.attempts >= p.breaker_min_requests
            and self.failures >= p.breaker_min_failures
            and self.failures / self.attempts >= p.breaker_ratio
        )
        if ratio_trip or self.consecutive >= p.breaker_consecutive:
            self.open = True
            self.tripped.set()

    def reason(self) -> str:
        """Why look-ups stopped."""
        return (
            f"{self.name} stopped answering reliably ({self.failures} of {self.attempts} "
            "requests failed); remaining look-ups skipped"
        )


@dataclass
class _Failure:
    reason: str
    retry: bool
    counts: bool = True  # towards the circuit breaker
    retry_after: float | None = None
    status: int | None = None


def _retry_after(value: str | None, cap: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return min(max(float(value), 0.0), cap)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return min(max(when.timestamp() - time.time(), 0.0), cap)


def wait_message(service: str, failure: _Failure, delay: float) -> str:
    """Why the next attempt waits, in words: throttled, told when, or backing off."""
    seconds = f"{delay:.0f} s" if delay >= 1 else f"{delay:.1f} s"
    if failure.status == 429:
        why = f"{service} asked us to slow down (HTTP 429)"
    else:
        why = f"{service}: {failure.reason}"
    how = "as it asked (Retry-After)" if failure.retry_after is not None else "before retrying"
    return f"{why}; waiting {seconds} {how}"


def host_key(url: str) -> str:
    """``host[:port]`` of a URL, lower-case."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


class Fetcher:
    """GETs with everything a polite, robust registry client needs."""

    def __init__(
        self,
        client: httpx.AsyncClient | httpx.Client,
        policy: Policy,
        *,
        deadline_at: float,
        timeout: float,
        headers: dict[str, str],
        private_headers: dict[str, dict[str, str]],
        configured: tuple[str, ...],
    ) -> None:
        self.client = client
        self.policy = policy
        self.deadline_at = deadline_at
        self.timeout = timeout
        self.headers = headers
        self.private_headers = private_headers  # host -> headers only that host may see
        self.configured = frozenset(host_key(u) for u in configured)
        self.budgets = Budgets(
            single_rate=policy.single_rate,
            list_rate=policy.list_rate,
            doi_rate=policy.doi_rate,
            concurrency=policy.concurrency,
            doi_concurrency=policy.doi_concurrency,
            clock=policy.clock,
        )
        self.breakers: dict[str, Breaker] = {}
        self.requests: Counter[str] = Counter()  # per bucket, every attempt and hop
        self.deadline_hit = False
        # Told why a retry waits, before it waits (the progress line shows it).
        self.on_wait: Callable[[str], None] | None = None

    def allowed(self, url: str) -> bool:
        """Configured base hosts (any scheme) or a known registry domain over HTTPS."""
        parts = urlsplit(url)
        if host_key(url) in self.configured:
            return True
        host = (parts.hostname or "").lower()
        return parts.scheme == "https" and any(
            host == d or host.endswith("." + d) for d in REGISTRY_DOMAINS
        )

    def breaker(self, service: str) -> Breaker:
        """The circuit breaker of one service (created on first use)."""
        return self.breakers.setdefault(service, Breaker(service, self.policy))

    async def get(
        self,
        url: str,
        *,
        bucket: str,
        service: str,
        params: dict[str, str] | None = None,
        accept: str = "application/json",
        expect_json: bool = True,
    ) -> Reply | Unavailable:
        """GET ``url``; retry what is worth retrying; never raise for network trouble."""
        breaker = self.breaker(service)
        failure = _Failure("no attempt made", retry=False)
        for attempt in range(self.policy.max_attempts):
            if breaker.open:
                return Unavailable(breaker.reason(), query=url)
            remaining = self.deadline_at - time.monotonic()
            if remaining <= 0:
                self.deadline_hit = True
                return Unavailable("deadline for registry look-ups reached", query=url)
            outcome = await self._attempt(
                url,
                bucket=bucket,
                breaker=breaker,
                params=params,
                accept=accept,
                expect_json=expect_json,
                remaining=remaining,
            )
            if isinstance(outcome, Reply):
                breaker.record(True)
                return outcome
            failure = outcome
            if failure.counts:
                breaker.record(False, throttled=failure.status == 429)
            if failure.status == 429:
                await self.budgets.bucket(bucket).slow_down()
            if not failure.retry or attempt == self.policy.max_attempts - 1:
                break
            delay = failure.retry_after
            if delay is None:
                ceiling = min(self.policy.backoff_cap, self.policy.backoff_base * 2**attempt)
                delay = self.policy.rng.uniform(ceiling / 2, ceiling)
            if delay >= self.deadline_at - time.monotonic():
                self.deadline_hit = True
                return Unavailable(f"{failure.reason}; deadline reached before a retry", query=url)
            if self.on_wait is not None:
                self.on_wait(wait_message(service, failure, delay))
            await self._pause(delay, breaker)
        return Unavailable(failure.reason, query=url)

    async def _pause(self, delay: float, breaker: Breaker) -> None:
        """Back off for ``delay`` seconds, or less if the service is given up meanwhile."""
        nap = asyncio.ensure_future(self.policy.sleep(delay))
        alarm = asyncio.ensure_future(breaker.tripped.wait())
        await asyncio.wait({nap, alarm}, return_when=asyncio.FIRST_COMPLETED)
        for task in (nap, alarm):
            task.cancel()

    async def _attempt(
        self,
        url: str,
        *,
        bucket: str,
        breaker: Breaker,
        params: dict[str, str] | None,
        accept: str,
        expect_json: bool,
        remaining: float,
    ) -> Reply | _Failure:
        current, query = url, params
        for _hop in range(self.policy.max_redirects + 1):
            if not self.allowed(current):
                return _Failure(
                    f"redirect to a foreign host refused ({host_key(current)})",
                    retry=False,
                    counts=False,
                )
            headers = {
                **self.headers,
                "Accept": accept,
                **self.private_headers.get(host_key(current), {}),
            }
            slot = self.budgets.bucket(bucket)
            if not await self._wait_for_slot(slot, breaker):
                if breaker.open:
                    return _Failure(breaker.reason(), retry=False, counts=False)
                self.deadline_hit = True
                return _Failure("deadline for registry look-ups reached", retry=False, counts=False)
            timeout = max(0.1, min(self.timeout, self.deadline_at - time.monotonic()))
            self.requests[bucket] += 1
            try:
                result = await asyncio.wait_for(
                    self._send(current, query, headers, timeout), timeout=timeout + 1
                )
            except asyncio.TimeoutError:
                result = _Failure("timeout", retry=True)
            finally:
                await slot.release()
            if isinstance(result, _Failure):
                return result
            status, resp_headers, body, final_url = result
            await self.budgets.observe(bucket, resp_headers)
            if status != 429 and status < 500:  # the pace was fine: recover from 429s
                await self.budgets.bucket(bucket).answered()
            if status in REDIRECT_STATUSES:
                location = resp_headers.get("location")
                if not location:
                    return _Failure(f"HTTP {status} without a location", retry=False)
                current, query = urljoin(final_url, location), None
                continue
            return self._judge(status, resp_headers, body, final_url, expect_json)
        return _Failure("too many redirects", retry=False, counts=False)

    async def _wait_for_slot(self, slot: Bucket, breaker: Breaker) -> bool:
        """Take a slot of ``slot``; False (holding none) if the service is given up or
        the deadline passes first, so queued requests do not trickle out one by one."""
        acquire = asyncio.ensure_future(slot.acquire())
        alarm = asyncio.ensure_future(breaker.tripped.wait())
        remaining = max(0.0, self.deadline_at - time.monotonic())
        try:
            await asyncio.wait(
                {acquire, alarm}, timeout=remaining, return_when=asyncio.FIRST_COMPLETED
            )
        except asyncio.CancelledError:
            # We are being cancelled: give back a slot the helper task may have taken.
            alarm.cancel()
            acquire.cancel()
            await asyncio.wait({acquire})
            if not acquire.cancelled() and acquire.exception() is None:
                await slot.release()
            raise
        alarm.cancel()
        if not acquire.done():
            acquire.cancel()
            await asyncio.wait({acquire})
        got = not acquire.cancelled() and acquire.exception() is None
        if got and (breaker.open or time.monotonic() >= self.deadline_at):
            await slot.release()
            return False
        return got

    def _judge(
        self, status: int, headers: httpx.Headers, body: bytes, url: str, expect_json: bool
    ) -> Reply | _Failure:
        if status in RETRY_STATUSES:
            return _Failure(
                f"HTTP {status}",
                retry=True,
                status=status,
                retry_after=_retry_after(headers.get("retry-after"), self.policy.retry_after_cap),
            )
        data: Any = None
        if 200 <= status < 300 and expect_json:
            try:
                data = json.loads(body)
            except (ValueError, UnicodeDecodeError):
                # HTML error pages with status 200 and cut-off bodies end up here.
                return _Failure("malformed JSON in the response", retry=True)
        elif "json" in headers.get("content-type", ""):
            try:
                data = json.loads(body)
            except (ValueError, UnicodeDecodeError):
                data = None
        return Reply(status=status, headers=headers, body=body, url=url, data=data)

    async def _send(
        self, url: str, params: dict[str, str] | None, headers: dict[str, str], timeout: float
    ) -> tuple[int, httpx.Headers, bytes, str] | _Failure:
        cap = self.policy.max_bytes
        too_big = _Failure(f"{TOO_BIG} {cap / (1024 * 1024):g} MB", retry=False)
        try:
            request = self.client.build_request(
                "GET", url, params=params, headers=headers, timeout=httpx.Timeout(timeout)
            )
            if isinstance(self.client, httpx.AsyncClient):
                resp = await self.client.send(request, stream=True, follow_redirects=False)
                try:
                    if int(resp.headers.get("content-length") or 0) > cap:
                        return too_big
                    chunks: list[bytes] = []
                    size = 0
                    async for chunk in resp.aiter_bytes():
                        size += len(chunk)
                        if size > cap:
                            return too_big
                        chunks.append(chunk)
                finally:
                    await resp.aclose()
            else:
                # A synchronous client (a caller's own, or a test's) would block the event
                # loop and every other request with it: it runs in a worker thread.
                got = await asyncio.to_thread(_read_sync, self.client, request, cap)
                if got is None:
                    return too_big
                resp, chunks = got
        except httpx.TimeoutException:
            return _Failure("timeout", retry=True)
        except httpx.ConnectError as exc:
            return _Failure(f"cannot connect ({_short(exc)})", retry=True)
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            return _Failure(f"connection broken ({_short(exc)})", retry=True)
        except httpx.DecodingError:
            return _Failure("undecodable response", retry=True)
        except ValueError:  # a bad Content-Length header
            return _Failure("invalid response headers", retry=True)
        except httpx.HTTPError as exc:
            return _Failure(f"request failed ({_short(exc)})", retry=False)
        except (OSError, RuntimeError) as exc:  # a custom transport's own errors
            return _Failure(f"request failed ({type(exc).__name__}: {_short(exc)})", retry=False)
        return resp.status_code, resp.headers, b"".join(chunks), str(resp.url)


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."


def _read_sync(
    client: httpx.Client, request: httpx.Request, cap: int
) -> tuple[httpx.Response, list[bytes]] | None:
    """Send with a synchronous client and read at most ``cap`` bytes (None: too big)."""
    resp = client.send(request, stream=True, follow_redirects=False)
    try:
        if int(resp.headers.get("content-length") or 0) > cap:
            return None
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > cap:
                return None
            chunks.append(chunk)
        return resp, chunks
    finally:
        resp.close()
