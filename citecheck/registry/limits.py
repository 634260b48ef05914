"""Request budgets that follow the limits a registry advertises in its responses.

Crossref has changed its numbers several times (50/s for years, then 5/s public and
10/s polite in December 2025, then separate ``-single`` and ``-array`` pools in 2026),
so nothing here is hard-coded beyond a conservative start: every response's
``x-rate-limit-limit`` / ``x-rate-limit-interval`` / ``x-concurrency-limit`` /
``x-api-pool`` headers re-tune the budget of the kind of request that got them.

A :class:`Bucket` allows at most ``concurrency`` requests in flight and spaces their
starts ``1 / rate`` seconds apart. Requests start evenly spaced rather than in bursts
because Crossref counts per second and a burst at a window edge looks like double rate.

After a 429 the bucket halves its rate (down to 1/16) and sends one request at a
time; it recovers additively (AIMD, as TCP does): every counting window that passes
without a 429, with at least two answers in it, gives back 1/8 of the full rate, and
concurrency returns once the full rate is back. A 429 right after such a step says
the raised pace was too much: the steps then wait twice as many windows (up to 8),
so a server that keeps answering 429 below its advertised limit sees the pace saw
below its real limit with one 429 per 10-15 windows, never back at the rate that
upset it (tests/registry/test_recovery.py).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# Stay a little under the advertised rate: our clock and the server's window are
# not aligned, and network jitter can bunch requests that we spaced evenly. At 0.9,
# ``limit + 1`` evenly spaced starts span 1.11 intervals: ~110 ms of jitter tolerance
# on a 1 s window, whatever the limit.
SAFETY = 0.9
_INTERVAL_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$", re.IGNORECASE)
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
MIN_PENALTY = 1 / 16
# Additive increase per clean window: from the floor (1/16) back to the full rate in
# 8 windows; after one 429 (1/2) in 4. Halving on every 429 and adding 1/8 per clean
# window keeps a server that really allows less than it advertises at one 429 per
# few windows, instead of one per window (doubling back) or none ever (no recovery).
RECOVERY_STEP = 1 / 8
RECOVERY_ANSWERS = 2  # answers a window must hold before it counts as clean
MAX_RECOVERY_WINDOWS = 8  # windows per step after repeated 429s on raised paces


@dataclass(frozen=True)
class Advertised:
    """What one response said about the budget (None where a header was absent)."""

    rate: float | None = None  # requests per second
    concurrency: int | None = None
    pool: str | None = None
    interval: float | None = None  # seconds the server counts requests over


def parse_headers(headers: Mapping[str, str]) -> Advertised:
    """Read the rate-limit headers (case-insensitive mapping such as ``httpx.Headers``)."""
    rate: float | None = None
    seconds: float | None = None
    limit_s = headers.get("x-rate-limit-limit")
    interval_s = headers.get("x-rate-limit-interval") or "1s"
    m = _INTERVAL_RE.match(interval_s)
    try:
        limit = float(limit_s) if limit_s is not None else None
    except ValueError:
        limit = None
    if limit is not None and limit > 0 and m is not None:
        seconds = float(m.group(1)) * _UNITS[(m.group(2) or "s").lower()]
        if seconds > 0:
            rate = limit / seconds
        else:
            seconds = None
    concurrency: int | None = None
    conc_s = headers.get("x-concurrency-limit")
    if conc_s is not None and conc_s.strip().isdigit() and int(conc_s) > 0:
        concurrency = int(conc_s)
    pool = headers.get("x-api-pool")
    return Advertised(
        rate=rate,
        concurrency=concurrency,
        pool=pool.strip().lower() if pool else None,
        interval=seconds,
    )


class Bucket:
    """One budget: bounded concurrency and evenly spaced starts.

    Taking and giving back a slot never suspends between the check and the update
    (no lock is awaited), so a task cancelled at any point either holds a slot or
    holds none: a cancelled waiter can never leak one and stall the others.
    """

    def __init__(
        self,
        name: str,
        *,
        rate: float,
        concurrency: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self.rate = rate
        self.concurrency = max(1, concurrency)
        self.allowed_concurrency = self.concurrency  # advertised, restored after recovery
        self.penalty = 1.0  # halved on every 429 the limits do not explain
        self.throttled = False  # after a 429, until recovered: concurrency stays at 1
        self.clock = clock
        self._calm_since: float | None = None  # last 429 or last recovery step
        self._calm_answers = 0  # answers since then
        self._windows = 1  # clean windows per recovery step
        self._stepped = False  # a recovery step was taken since the last 429
        self.interval = 1.0  # the server's counting window (seconds), as advertised
        self.advertised: float | None = None  # the last advertised rate (requests/s)
        self._advertised_at_429: float | None = None  # when an unexplained 429 came
        self._lowered_at: float | None = None  # when the advertised rate last went down
        self.in_flight = 0
        self.tuned = False
        self._last_start: float | None = None
        self._waiters: list[asyncio.Future[None]] = []

    def _spacing(self) -> float:
        return 1.0 / max(self.rate * self.penalty, 1e-6)

    @property
    def spacing(self) -> float:
        """Seconds between two request starts, as things stand."""
        return self._spacing()

    def _wake(self) -> None:
        waiters, self._waiters = self._waiters, []
        for fut in waiters:
            if not fut.done():
                fut.set_result(None)

    async def acquire(self) -> None:
        """Wait for a free slot and for the spacing since the previous start."""
        while True:
            wait: float | None = None
            if self.in_flight < self.concurrency:
                now = self.clock()
                earliest = now if self._last_start is None else self._last_start + self._spacing()
                if earliest <= now:
                    self.in_flight += 1
                    self._last_start = now
                    return
                wait = earliest - now
            fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                # A limit change or a release wakes us early (_wake).
                await asyncio.wait({fut}, timeout=wait)
            finally:
                if not fut.done():
                    fut.cancel()

    async def release(self) -> None:
        """Give a slot back (never suspends, so it cannot be interrupted half-way)."""
        self.in_flight -= 1
        self._wake()

    async def tune(
        self, *, rate: float | None, concurrency: int | None, interval: float | None = None
    ) -> None:
        """Adopt advertised limits (a 429 seen earlier keeps concurrency at 1)."""
        if not self.tuned:
            # The first request reached the server late (connection set-up), so count
            # the spacing from its answer: the next one must not arrive too close to it.
            self.tuned = True
            self._last_start = self.clock()
        if interval is not None:
            self.interval = interval
        if rate is not None:
            if self.advertised is not None and rate < self.advertised:
                self._lowered_at = self.clock()
            if self._advertised_at_429 is not None and rate < self._advertised_at_429:
                # The server lowered its advertised limit: that explains the 429, and
                # the new limit already slows us down. Halving on top of it would
                # leave the rest of the run at a fraction of what is allowed.
                self.penalty = 1.0
                self._advertised_at_429 = None
            self.advertised = rate
            self.rate = rate * SAFETY
        if concurrency is not None:
            self.allowed_concurrency = concurrency
            if not self.throttled:
                self.concurrency = concurrency
        self._wake()

    async def slow_down(self) -> None:
        """After a 429: half the rate, one request at a time.

        A 429 within one counting window after the server lowered its advertised
        limit is explained by the change (the window still holds requests sent at
        the old rate); the new limit is then obeyed without a further penalty.
        """
        recent = self._lowered_at is not None and (
            self.clock() - self._lowered_at <= self.interval + 1.0 / max(self.rate, 1e-6)
        )
        if not recent:
            self.penalty = max(self.penalty / 2, MIN_PENALTY)
            self._advertised_at_429 = self.advertised
        if self._stepped:  # the last raise was too much: raise more slowly
            self._windows = min(self._windows * 2, MAX_RECOVERY_WINDOWS)
            self._stepped = False
        self.throttled = True
        self.concurrency = 1
        self._calm_since = self.clock()
        self._calm_answers = 0
        self._wake()

    async def answered(self) -> None:
        """One answer that was not a 429: recover a step per clean counting window.

        The windows count once they have fully passed since the last 429 (or the
        last step) and held at least ``RECOVERY_ANSWERS`` answers, so the current
        pace was really tried before it is raised.
        """
        if not self.throttled or self._calm_since is None:
            return
        self._calm_answers += 1
        now = self.clock()
        if (
            self._calm_answers < RECOVERY_ANSWERS
            or now - self._calm_since < self.interval * self._windows
        ):
            return
        self.penalty = min(1.0, self.penalty + RECOVERY_STEP)
        self._calm_since, self._calm_answers, self._stepped = now, 0, True
        if self.penalty >= 1.0:
            self.throttled, self._stepped = False, False
            self._calm_since, self._windows = None, 1
            self.concurrency = self.allowed_concurrency
        self._wake()


class Budgets:
    """The buckets of one run: Crossref ``single`` and ``list``, and ``doi`` (doi.org).

    When Crossref reports a pool without a ``-single``/``-array`` suffix, single and
    list requests share one budget (that is how the older pools counted).
    """

    def __init__(
        self,
        *,
        single_rate: float,
        list_rate: float,
        doi_rate: float,
        concurrency: int,
        doi_concurrency: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._buckets = {
            "single": Bucket("single", rate=single_rate, concurrency=concurrency, clock=clock),
            "list": Bucket("list", rate=list_rate, concurrency=concurrency, clock=clock),
            "doi": Bucket("doi", rate=doi_rate, concurrency=doi_concurrency, clock=clock),
        }
        self.shared = False
        self.pool: str | None = None
        self.clock = clock

    def add(self, kind: str, *, rate: float, concurrency: int) -> None:
        """A budget of another registry (arXiv, PubMed, OpenAlex), kept if it exists."""
        self._buckets.setdefault(
            kind, Bucket(kind, rate=rate, concurrency=concurrency, clock=self.clock)
        )

    def bucket(self, kind: str) -> Bucket:
        """The bucket a request of ``kind`` must pass through."""
        if self.shared and kind == "list":
            return self._buckets["single"]
        return self._buckets[kind]

    async def observe(self, kind: str, headers: Mapping[str, str]) -> None:
        """Re-tune from one response's headers."""
        adv = parse_headers(headers)
        if adv.rate is None and adv.concurrency is None:
            return
        if adv.pool is not None and kind in ("single", "list"):
            self.pool = adv.pool
            self.shared = not adv.pool.endswith(("-single", "-array"))
        await self.bucket(kind).tune(
            rate=adv.rate, concurrency=adv.concurrency, interval=adv.interval
        )
