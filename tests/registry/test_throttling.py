"""Rate limits and flaky answers found by the end-to-end stand-in (tests/e2e).

* A server that lowers its limits mid-run answers a few 429s: the run must slow to
  the new limit and finish, not give every remaining look-up up (breaker) or crawl
  at a fraction of the limit for the rest of the run (penalty on top of the limit).
* A doi.org handle answer with status 200 that is not JSON is a fault to retry.
* A DataCite record read while the agency look-up failed is used but not cached.
"""

from __future__ import annotations

import asyncio
import time

import httpx
import respx

from citecheck.model.resolution import Found, NotFound
from citecheck.model.settings import Settings
from citecheck.registry.cache import Cache, default_dir
from citecheck.registry.http import Breaker, Policy
from citecheck.registry.limits import Bucket
from citecheck.registry.resolve import resolve_all

from .conftest import CROSSREF, DOI_ORG, document, not_found_text, reference

HTML = "<!DOCTYPE html><html><body>Maintenance</body></html>"
ZENODO = "10.5281/zenodo.5121234"
CSL = {
    "type": "dataset",
    "DOI": ZENODO.upper(),
    "title": "Survei kota cerdas",
    "author": [{"family": "Wibowo", "given": "Sigit"}],
    "issued": {"date-parts": [[2021]]},
    "publisher": "Zenodo",
}


def test_429s_do_not_count_towards_the_failure_ratio() -> None:
    breaker = Breaker("Crossref", Policy())
    for _ in range(20):
        breaker.record(True)
        breaker.record(False, throttled=True)
    assert not breaker.open and breaker.failures == 0


def test_a_429_storm_still_trips_the_breaker() -> None:
    breaker = Breaker("Crossref", Policy())
    for _ in range(Policy().breaker_consecutive):
        breaker.record(False, throttled=True)
    assert breaker.open


def test_most_attempts_failing_trips_the_breaker_a_few_do_not() -> None:
    few = Breaker("Crossref", Policy())
    for i in range(40):
        few.record(i % 4 != 0)  # 25 % transient failures, each cured by a retry
    assert not few.open
    most = Breaker("Crossref", Policy())
    for i in range(12):
        most.record(i % 3 == 0)  # two of three attempts fail
    assert most.open


def test_429_right_after_a_lowered_limit_costs_no_penalty() -> None:
    async def go() -> Bucket:
        bucket = Bucket("list", rate=1.0, concurrency=1)
        await bucket.tune(rate=10, concurrency=3, interval=1.0)
        await bucket.tune(rate=4, concurrency=3, interval=1.0)  # the server lowered it
        await bucket.slow_down()  # its window still held requests sent at 10/s
        return bucket

    bucket = asyncio.run(go())
    assert bucket.penalty == 1.0 and bucket.rate == 4 * 0.9 and bucket.concurrency == 1


def test_lowered_limit_after_a_429_lifts_the_penalty() -> None:
    async def go() -> tuple[float, float]:
        bucket = Bucket("list", rate=1.0, concurrency=1)
        await bucket.tune(rate=10, concurrency=3, interval=1.0)
        await bucket.slow_down()
        halved = bucket.penalty
        await bucket.tune(rate=4, concurrency=3, interval=1.0)  # the 429 is explained now
        return halved, bucket.penalty

    assert asyncio.run(go()) == (0.5, 1.0)


def test_unexplained_429_keeps_its_penalty() -> None:
    async def go() -> Bucket:
        bucket = Bucket("list", rate=1.0, concurrency=1)
        await bucket.tune(rate=10, concurrency=3, interval=1.0)
        bucket._lowered_at = time.monotonic() - 60  # an old change explains nothing
        await bucket.slow_down()
        await bucket.tune(rate=10, concurrency=3, interval=1.0)
        return bucket

    assert asyncio.run(go()).penalty == 0.5


def test_html_page_with_status_200_from_the_handle_api_is_retried(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    doi = "10.1371/notarealdoi"
    mock.get(f"{CROSSREF}/works/{doi}").mock(return_value=not_found_text())
    handle = mock.get(f"{DOI_ORG}/api/handles/{doi}").mock(
        side_effect=[
            httpx.Response(200, text=HTML, headers={"content-type": "text/html"}),
            httpx.Response(404, json={"responseCode": 100, "handle": doi}),
        ]
    )
    doc = document(reference("x", doi=doi))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert handle.call_count == 2
    assert isinstance(outcome.resolutions[0][0].by_doi, NotFound) and outcome.skipped == []


def _datacite_routes(mock: respx.MockRouter, agency: httpx.Response) -> None:
    # DataCite's REST API is down: the DOI system and content negotiation answer instead.
    mock.get(f"https://api.datacite.org/dois/{ZENODO}").mock(return_value=httpx.Response(503))
    mock.get(f"{CROSSREF}/works/{ZENODO}").mock(return_value=not_found_text())
    mock.get(f"{DOI_ORG}/api/handles/{ZENODO}").mock(
        return_value=httpx.Response(200, json={"responseCode": 1, "handle": ZENODO})
    )
    mock.get(f"{CROSSREF}/works/{ZENODO}/agency").mock(return_value=agency)
    mock.get(f"{DOI_ORG}/{ZENODO}").mock(return_value=httpx.Response(200, json=CSL))


def test_record_read_while_the_agency_look_up_failed_is_used_but_not_cached(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    _datacite_routes(mock, httpx.Response(503))
    doc = document(reference("x", doi=ZENODO))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    hit = outcome.resolutions[0][0].by_doi
    assert isinstance(hit, Found) and hit.source == "other" and not hit.cacheable
    cache = Cache.open(default_dir(settings.cache_dir), [])
    assert cache is not None and cache.get("doi", ZENODO) is None
    cache.close()


def test_complete_datacite_answer_is_cached_with_its_agency(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    agency = {
        "status": "ok",
        "message-type": "work-agency",
        "message": {"DOI": ZENODO, "agency": {"id": "datacite", "label": "DataCite"}},
    }
    _datacite_routes(mock, httpx.Response(200, json=agency))
    doc = document(reference("x", doi=ZENODO))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    hit = outcome.resolutions[0][0].by_doi
    assert isinstance(hit, Found) and hit.source == "datacite" and hit.cacheable
    cache = Cache.open(default_dir(settings.cache_dir), [])
    assert cache is not None
    entry = cache.get("doi", ZENODO)
    assert entry is not None and entry.body["agency"] == "datacite"
    cache.close()
