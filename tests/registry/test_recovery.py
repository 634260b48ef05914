"""After 429s the budget recovers (AIMD) but still respects a server that keeps
answering 429. Fake clocks only: assertions are on the bucket's state and spacing."""

from __future__ import annotations

import asyncio
import math
from pathlib import Path

import httpx

from citecheck.registry.crossref import Crossref
from citecheck.registry.http import Fetcher, Policy
from citecheck.registry.limits import MIN_PENALTY, RECOVERY_STEP, SAFETY, Bucket
from tests.support import registry_standin as standin

RECORDS = Path(__file__).parent.parent / "fixtures" / "registry_e2e" / "records"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _throttled(clock: Clock, hits: int) -> Bucket:
    async def go() -> Bucket:
        bucket = Bucket("list", rate=1.0, concurrency=1, clock=clock)
        await bucket.tune(rate=3, concurrency=3, interval=1.0)
        for _ in range(hits):
            await bucket.slow_down()
        return bucket

    return asyncio.run(go())


def _answers(bucket: Bucket, clock: Clock, n: int, every: float) -> None:
    async def go() -> None:
        for _ in range(n):
            clock.now += every
            await bucket.answered()

    asyncio.run(go())


def _window(bucket: Bucket, clock: Clock) -> None:
    """One counting window of requests at the bucket's own pace, all answered."""
    n = max(2, math.ceil(bucket.interval / bucket.spacing))
    _answers(bucket, clock, n, every=bucket.spacing)


def test_penalty_floor_and_concurrency_one_after_429s() -> None:
    clock = Clock()
    bucket = _throttled(clock, 6)
    assert bucket.penalty == MIN_PENALTY and bucket.concurrency == 1
    assert bucket.spacing == 1 / (3 * SAFETY * MIN_PENALTY)  # one list request per ~5.9 s


def test_clean_windows_restore_the_rate_then_the_concurrency() -> None:
    clock = Clock()
    bucket = _throttled(clock, 1)
    assert bucket.penalty == 0.5 and bucket.concurrency == 1
    spacings = []
    for _ in range(4):  # each step: a full window of answers at the current pace
        _window(bucket, clock)
        spacings.append(round(bucket.spacing, 4))
    assert bucket.penalty == 1.0 and not bucket.throttled
    assert bucket.concurrency == 3  # the advertised concurrency, remembered while throttled
    assert spacings == sorted(spacings, reverse=True) and spacings[-1] == round(1 / (3 * SAFETY), 4)


def test_recovery_from_the_floor_is_additive() -> None:
    clock = Clock()
    bucket = _throttled(clock, 4)
    assert bucket.penalty == MIN_PENALTY
    steps = 0
    while bucket.throttled:
        _window(bucket, clock)
        steps += 1
    assert steps == 8  # 1/16 + 8 * 1/8 >= 1: about 25 s at 3/s, not never


def test_no_step_within_one_window_or_without_answers() -> None:
    clock = Clock()
    bucket = _throttled(clock, 1)
    _answers(bucket, clock, 5, every=0.1)  # five answers within 0.5 s: window not over
    assert bucket.penalty == 0.5
    _answers(bucket, clock, 1, every=0.5)  # the window is over
    assert bucket.penalty == 0.5 + RECOVERY_STEP
    clock.now += 30
    _answers(bucket, clock, 1, every=0.0)  # one answer in 30 s tried no pace
    assert bucket.penalty == 0.5 + RECOVERY_STEP
    _answers(bucket, clock, 1, every=0.0)
    assert bucket.penalty == 0.5 + 2 * RECOVERY_STEP


def test_a_server_that_keeps_answering_429_is_respected() -> None:
    """Real limit: half the advertised one. The pace saws below it instead of
    returning to the advertised rate, and 429s grow rare (steps wait longer)."""
    clock = Clock()
    bucket = _throttled(clock, 0)
    real_limit = 3 * 0.5  # requests per second the server really allows
    hits: list[int] = []
    paces: list[float] = []
    for window in range(400):
        pace = bucket.rate * bucket.penalty
        paces.append(pace)
        if pace > real_limit:
            asyncio.run(bucket.slow_down())
            hits.append(window)
            clock.now += bucket.interval
        else:
            _window(bucket, clock)
        assert bucket.penalty >= MIN_PENALTY and bucket.throttled
    late = [h for h in hits if h >= 200]
    assert len(late) <= 200 / 10  # one 429 per 10-15 windows once settled
    assert sum(paces[200:]) / 200 <= real_limit  # on average below the real limit
    assert bucket.concurrency == 1


def test_concurrency_advertised_while_throttled_is_restored() -> None:
    clock = Clock()
    bucket = _throttled(clock, 1)

    async def go() -> None:
        await bucket.tune(rate=3, concurrency=5, interval=1.0)  # a 429 keeps it at 1 now

    asyncio.run(go())
    assert bucket.concurrency == 1
    while bucket.throttled:
        _window(bucket, clock)
    assert bucket.concurrency == 5


def test_recovery_against_the_loopback_stand_in() -> None:
    """Four injected 429s (no Retry-After) at the start of a search run: the list budget
    drops to 1/16 and one request at a time, then is back at the advertised pool."""
    store = standin.Store.load([RECORDS])
    behaviour = standin.Behaviour(
        array_rate=3, concurrency=3, enforce=False, flaky=1.0, faults=("429",), max_faults=4
    )
    clock = Clock()
    lowest: list[float] = []

    def tick() -> float:
        clock.now += 20.0  # every look at the clock moves it past any spacing: no real waits
        return clock.now

    async def nap(_delay: float) -> None:
        return None

    async def go(url: str) -> tuple[Fetcher, list[object]]:
        async with httpx.AsyncClient() as client:
            fetcher = Fetcher(
                client,
                Policy(sleep=nap, clock=tick, max_attempts=5),
                deadline_at=float("inf"),
                timeout=10,
                headers={"User-Agent": "citecheck-test (mailto:t@example.org)"},
                private_headers={},
                configured=(url,),
            )
            crossref = Crossref(fetcher, url)
            got: list[object] = []
            for i in range(40):
                got.append(await crossref.search(f"Smith {i} urban heat island study"))
                lowest.append(fetcher.budgets.bucket("list").penalty)
            return fetcher, got

    with standin.StandIn(store, behaviour) as server:
        fetcher, got = asyncio.run(go(server.crossref_url))
        assert server.counts["fault:429"] == 4
    bucket = fetcher.budgets.bucket("list")
    assert all(isinstance(g, list) for g in got)  # every search answered after its retries
    assert min(lowest) == MIN_PENALTY
    assert bucket.penalty == 1.0 and not bucket.throttled
    assert bucket.concurrency == 3  # the stand-in's polite list pool: 3/s, 3 at once
    assert bucket.spacing == 1 / (3 * SAFETY)
