"""The progress line: a total fixed before the first request, and counts that say what
happened (found = a record or an accepted hit; rejected hits are not found; failures
are failures)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import respx

from citecheck.model.settings import Settings
from citecheck.registry.http import Policy
from citecheck.registry.resolve import resolve_all

from .conftest import (
    CROSSREF,
    DOI_ORG,
    PLOS,
    body,
    document,
    handle_missing,
    not_found_text,
    reference,
    work_list,
)

FAKE = "10.1371/notarealdoi"
REF_FAKE = (
    "Foo, A., & Bar, B. (2003). A non-existent article about nothing. Journal of Nothing, 1, 1-2."
)
REF_JOSS = (
    "Danehkar, A., (2020). AtomNeb Python Package, an addendum to AtomNeb: IDL Library "
    "for Atomic Data of Ionized Nebulae. Journal of Open Source Software, 5(55), 2797"
)
Seen = list[tuple[str, int, int]]


def _search(request: httpx.Request) -> httpx.Response:
    params = parse_qs(urlsplit(str(request.url)).query)
    if "filter" in params:  # the DOI batch
        return httpx.Response(200, json=work_list(body("01")["message"]))
    query = params["query.bibliographic"][0]
    # 17: Crossref's false top hit for an invented reference; 18: the JOSS paper itself
    return httpx.Response(200, json=body("18" if "Danehkar" in query else "17"))


def _run(settings: Settings, policy: Policy, *refs: object) -> Seen:
    seen: Seen = []
    doc = document(*refs)  # type: ignore[arg-type]
    resolve_all([doc], settings, client=None, progress=lambda *a: seen.append(a), policy=policy)
    return seen


def test_total_is_fixed_before_the_first_request(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    """An unregistered DOI's search (a second round) belongs to that DOI's look-up:
    the total stays 3 (two DOIs, one search) instead of growing to 4 mid-run."""
    mock.get(f"{CROSSREF}/works").mock(side_effect=_search)
    mock.get(f"{CROSSREF}/works/{FAKE}").mock(return_value=not_found_text())
    mock.get(f"{DOI_ORG}/api/handles/{FAKE}").mock(return_value=handle_missing(FAKE))
    seen = _run(
        settings,
        policy,
        reference(f"{REF_FAKE} https://doi.org/{FAKE}"),
        reference("x", doi=PLOS),
        reference(REF_JOSS),
    )
    assert {total for _, _, total in seen} == {3}
    assert [done for _, done, _ in seen] == [1, 2, 3]  # done only once the search is
    assert seen[-1] == ("registry: 2 found, 1 not found, 0 failed", 3, 3)


def test_cached_unregistered_doi_is_searched_in_the_first_round(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works").mock(side_effect=_search)
    mock.get(f"{CROSSREF}/works/{FAKE}").mock(return_value=not_found_text())
    mock.get(f"{DOI_ORG}/api/handles/{FAKE}").mock(return_value=handle_missing(FAKE))
    ref = reference(f"{REF_FAKE} https://doi.org/{FAKE}")
    _run(settings, policy, reference("x", doi=FAKE))
    seen = _run(settings, policy, ref)  # the DOI is cached as not found; the search is not
    assert seen == [("registry: 0 found, 1 not found, 0 failed", 1, 1)]


def test_rejected_hits_are_not_found_accepted_ones_are_found(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works").mock(side_effect=_search)
    seen = _run(settings, policy, reference(REF_FAKE), reference(REF_JOSS))
    assert seen[-1] == ("registry: 1 found, 1 not found, 0 failed", 2, 2)


def test_searches_the_registry_did_not_answer_are_failed(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works").mock(return_value=httpx.Response(503))
    seen = _run(settings, policy, reference(REF_JOSS))
    assert seen[-1] == ("registry: 0 found, 0 not found, 1 failed", 1, 1)
