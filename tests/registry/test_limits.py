"""Budgets follow the limits Crossref advertises (recorded headers of the fixtures)."""

from __future__ import annotations

import asyncio
import itertools
import time

import httpx
import pytest
import respx

from citecheck.model.settings import Settings
from citecheck.registry.http import Policy
from citecheck.registry.limits import SAFETY, Bucket, Budgets, parse_headers
from citecheck.registry.resolve import resolve_all

from .conftest import (
    CROSSREF,
    body,
    document,
    recorded_headers,
    reference,
    work_list,
)


@pytest.mark.parametrize(
    ("fixture", "rate", "conc", "pool"),
    [
        ("01", 5.0, 1, "public"),  # June 2026 public pool
        ("03", 10.0, 3, "polite"),  # June 2026 polite pool
        ("14", 3.0, 3, "polite-array"),  # July 2026 list requests
        ("15", 10.0, 3, "polite-single"),
        ("16", 50.0, None, None),  # 2020: X-Rate-Limit-* capitalised, no pool, no concurrency
    ],
)
def test_parse_recorded_headers(
    fixture: str, rate: float, conc: int | None, pool: str | None
) -> None:
    if fixture == "16":
        headers = httpx.Headers({"X-Rate-Limit-Limit": "50", "X-Rate-Limit-Interval": "1s"})
    else:
        headers = httpx.Headers(recorded_headers(fixture))
    adv = parse_headers(headers)
    assert adv.rate == rate and adv.concurrency == conc and adv.pool == pool


@pytest.mark.parametrize(
    ("limit", "interval", "rate"),
    [
        ("3000", "60s", 50.0),
        ("10", "1000ms", 10.0),
        ("5", "2", 2.5),
        ("x", "1s", None),
        ("5", "soon", None),
    ],
)
def test_interval_forms(limit: str, interval: str, rate: float | None) -> None:
    adv = parse_headers(
        httpx.Headers({"x-rate-limit-limit": limit, "x-rate-limit-interval": interval})
    )
    assert adv.rate == rate


def test_budgets_separate_single_and_array_pools() -> None:
    async def go() -> Budgets:
        b = Budgets(single_rate=2, list_rate=1, doi_rate=5, concurrency=1, doi_concurrency=2)
        await b.observe("list", httpx.Headers(recorded_headers("14")))
        await b.observe("single", httpx.Headers(recorded_headers("15")))
        return b

    b = asyncio.run(go())
    assert not b.shared
    assert b.bucket("list").rate == pytest.approx(3 * SAFETY) and b.bucket("list").concurrency == 3
    assert b.bucket("single").rate == pytest.approx(10 * SAFETY)


def test_unsuffixed_pool_shares_one_budget() -> None:
    async def go() -> Budgets:
        b = Budgets(single_rate=2, list_rate=1, doi_rate=5, concurrency=1, doi_concurrency=2)
        await b.observe("single", httpx.Headers(recorded_headers("01")))  # "public"
        return b

    b = asyncio.run(go())
    assert b.shared and b.bucket("list") is b.bucket("single")
    assert (
        b.bucket("single").rate == pytest.approx(5 * SAFETY) and b.bucket("single").concurrency == 1
    )


def test_bucket_spaces_starts_and_bounds_concurrency() -> None:
    async def go() -> tuple[list[float], int]:
        bucket = Bucket("t", rate=50, concurrency=2)
        starts: list[float] = []
        peak = 0

        async def one() -> None:
            nonlocal peak
            await bucket.acquire()
            starts.append(time.monotonic())
            peak = max(peak, bucket.in_flight)
            await asyncio.sleep(0.03)
            await bucket.release()

        await asyncio.gather(*(one() for _ in range(6)))
        return starts, peak

    starts, peak = asyncio.run(go())
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert peak == 2
    assert min(gaps) >= 0.02 - 0.002  # 1/50 s apart at least


def test_429_drops_concurrency_to_one() -> None:
    async def go() -> Bucket:
        bucket = Bucket("t", rate=10, concurrency=3)
        await bucket.slow_down()
        await bucket.tune(rate=10, concurrency=3)  # later headers do not undo it
        return bucket

    bucket = asyncio.run(go())
    assert bucket.concurrency == 1 and bucket.penalty == 0.5


def test_resolver_adopts_advertised_limits(settings: Settings) -> None:
    """Starting at 1 list request/s, the run speeds up to the recorded polite-array 3/s."""
    works = {w["DOI"].lower(): w for w in (body(n)["message"] for n in ("01", "02", "03", "15"))}

    def answer(request: httpx.Request) -> httpx.Response:
        wanted = request.url.params["filter"].replace("doi:", "").split(",")
        return httpx.Response(
            200, json=work_list(*(works[d] for d in wanted)), headers=recorded_headers("14")
        )

    with respx.mock() as mock:
        route = mock.get(f"{CROSSREF}/works").mock(side_effect=answer)
        doc = document(*(reference("r", doi=d) for d in works))
        started = time.monotonic()
        outcome = resolve_all(
            [doc], settings, client=None, progress=None, policy=Policy(batch_size=2, list_rate=1.0)
        )
        elapsed = time.monotonic() - started
    assert route.call_count == 2 and outcome.requests == {"list": 2}
    assert all(
        r.by_doi is not None and r.by_doi.__class__.__name__ == "Found"
        for r in outcome.resolutions[0].values()
    )
    # second start 1/(3*0.9) s after the first, not the initial 1 s
    assert 1 / (3 * SAFETY) - 0.05 <= elapsed < 0.9
