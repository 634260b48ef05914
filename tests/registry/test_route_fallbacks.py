"""A registry that lacks a route or field list (a mirror, a proxy, an older API) still
gets every check it can answer (found with the end-to-end stand-in, tests/e2e)."""

from __future__ import annotations

import httpx
import respx

from citecheck.model.resolution import Found, Unavailable
from citecheck.model.settings import Settings
from citecheck.registry.http import Policy
from citecheck.registry.resolve import resolve_all

from .conftest import CROSSREF, JCP, PLOS, body, document, reference

DANEHKAR = (
    "Danehkar, A. (2020). AtomNeb Python Package, an addendum to AtomNeb: IDL Library for "
    "Atomic Data of Ionized Nebulae. Journal of Open Source Software, 5(55), 2797."
)
CERMINE = (
    "Tkaczyk D, Szostek P, Fedoryszak M, Dendek PJ, Bolikowski L. CERMINE: automatic "
    "extraction of structured metadata from scientific literature. IJDAR. 2015;18(4):317-35."
)


def test_batch_route_missing_falls_back_to_single_look_ups(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    batch = mock.get(f"{CROSSREF}/works").mock(
        return_value=httpx.Response(404, text="Resource not found.")
    )
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(return_value=httpx.Response(200, json=body("01")))
    mock.get(f"{CROSSREF}/works/{JCP}").mock(return_value=httpx.Response(200, json=body("02")))
    doc = document(reference("a", doi=PLOS), reference("b", doi=JCP))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert batch.call_count == 1
    assert all(isinstance(r.by_doi, Found) for r in outcome.resolutions[0].values())
    assert outcome.skipped == []


def test_batch_failing_for_a_while_is_not_a_reason_to_ask_one_by_one(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works").mock(return_value=httpx.Response(503))
    single = mock.get(url__regex=rf"{CROSSREF}/works/10\..*").mock(
        return_value=httpx.Response(200, json=body("01"))
    )
    doc = document(reference("a", doi=PLOS), reference("b", doi=JCP))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert single.call_count == 0  # an overloaded list route must not get 40 singles
    assert all(isinstance(r.by_doi, Unavailable) for r in outcome.resolutions[0].values())


def test_rejected_select_is_dropped_for_every_search(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if "select" in request.url.params:
            return httpx.Response(
                400, json={"status": "failed", "message-type": "validation-failure"}
            )
        return httpx.Response(
            200, json=body("18") if "Danehkar" in str(request.url) else body("19")
        )

    route = mock.get(f"{CROSSREF}/works").mock(side_effect=answer)
    doc = document(reference(DANEHKAR), reference(CERMINE))  # two searches in flight at once
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert outcome.skipped == []
    hits = [outcome.resolutions[0][i].search for i in (0, 1)]
    assert all(isinstance(h, tuple) and h for h in hits)
    plain = [c for c in route.calls if "select" not in c.request.url.params]
    assert len(plain) == 2
