"""The registry stage end to end on real recorded Crossref bodies (respx, no network)."""

from __future__ import annotations

import threading
from urllib.parse import parse_qs, urlsplit

import httpx
import respx

from citecheck.model.resolution import Found, NotFound, Unavailable
from citecheck.model.settings import Settings
from citecheck.registry.http import Policy
from citecheck.registry.resolve import resolve_all, user_agent

from .conftest import (
    CROSSREF,
    DOI_ORG,
    JCP,
    JOR,
    PLOS,
    TEST_RETRACTED,
    body,
    document,
    handle_found,
    handle_missing,
    not_found_text,
    recorded_headers,
    reference,
    work_list,
)

FAKE = "10.1371/notarealdoi"
REF_FAKE = (
    "Foo, A., & Bar, B. (2003). A non-existent article about nothing. Journal of Nothing, 1, 1-2."
)


def _filter_dois(request: httpx.Request) -> list[str]:
    value = parse_qs(urlsplit(str(request.url)).query)["filter"][0]
    return [part.removeprefix("doi:") for part in value.split(",")]


def test_batch_dedupes_dois_across_documents(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    works = [body("01")["message"], body("02")["message"], body("03")["message"]]
    batch = mock.get(f"{CROSSREF}/works").mock(
        return_value=httpx.Response(200, json=work_list(*works))
    )
    a = document(reference(f"A. 2012. doi:{PLOS}", doi=PLOS), reference("B", doi=JCP.upper()))
    b = document(
        reference(f"C https://doi.org/{JOR}."),
        reference("again", doi=f"https://doi.org/{PLOS}"),
        path="other.md",
    )

    outcome = resolve_all([a, b], settings, client=None, progress=None, policy=policy)

    assert batch.call_count == 1
    assert sorted(_filter_dois(batch.calls[0].request)) == sorted([PLOS, JCP, JOR])
    params = parse_qs(urlsplit(str(batch.calls[0].request.url)).query)
    assert "select" not in params  # full records: journal-issue and subtype are not selectable
    assert params["rows"] == ["3"]
    res = outcome.resolutions[0][0]
    assert isinstance(res.by_doi, Found) and res.by_doi.doi == PLOS and res.doi_valid
    assert res.by_doi.record["title"] == body("01")["message"]["title"]
    assert "reference" not in res.by_doi.record  # heavy field dropped
    assert (
        isinstance(outcome.resolutions[0][1].by_doi, Found) and outcome.resolutions[0][1].doi == JCP
    )
    assert outcome.resolutions[1][0].doi == JOR and isinstance(
        outcome.resolutions[1][0].by_doi, Found
    )
    assert outcome.resolutions[1][1].by_doi == outcome.resolutions[0][0].by_doi
    assert outcome.skipped == [] and outcome.requests == {"list": 1}


def test_absent_from_batch_then_404_then_handle_100_is_not_found_and_searched(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    search = mock.get(f"{CROSSREF}/works", params__contains={"rows": "5"}).mock(
        return_value=httpx.Response(200, json=body("17"))
    )
    batch = mock.get(f"{CROSSREF}/works", params__contains={"rows": "2"}).mock(
        return_value=httpx.Response(200, json=work_list(body("01")["message"]))
    )
    single = mock.get(f"{CROSSREF}/works/{FAKE}").mock(return_value=not_found_text())
    handle = mock.get(f"{DOI_ORG}/api/handles/{FAKE}").mock(return_value=handle_missing(FAKE))
    doc = document(reference(f"{REF_FAKE} https://doi.org/{FAKE}"), reference("x", doi=PLOS))

    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)

    assert batch.call_count == 1 and single.call_count == 1 and handle.call_count == 1
    res = outcome.resolutions[0][0]
    assert isinstance(res.by_doi, NotFound)
    assert res.by_doi.sources == ("crossref", "doi.org")
    assert search.call_count == 1
    query = parse_qs(urlsplit(str(search.calls[0].request.url)).query)["query.bibliographic"][0]
    assert FAKE not in query and "doi.org" not in query  # the wrong DOI is not searched for
    assert (
        isinstance(res.search, tuple) and res.search[0].record["DOI"] == "10.1017/s0031819100016946"
    )
    assert res.search[0].score is not None and res.search[0].score > 20
    assert (
        isinstance(outcome.resolutions[0][1].by_doi, Found)
        and outcome.resolutions[0][1].search is None
    )
    assert outcome.skipped == []


def test_datacite_doi_by_content_negotiation_when_its_rest_api_has_no_record(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    doi = "10.5281/zenodo.1234567"
    rest = mock.get(f"https://api.datacite.org/dois/{doi}").mock(
        return_value=httpx.Response(404, json={"errors": [{"status": "404"}]})
    )
    mock.get(f"{CROSSREF}/works/{doi}").mock(return_value=not_found_text())
    mock.get(f"{DOI_ORG}/api/handles/{doi}").mock(return_value=handle_found(doi))
    agency = body("05")
    agency["message"] = {"DOI": doi, "agency": {"id": "datacite", "label": "DataCite"}}
    mock.get(f"{CROSSREF}/works/{doi}/agency").mock(return_value=httpx.Response(200, json=agency))
    target = "https://data.crosscite.org/application/vnd.citationstyles.csl+json/" + doi
    neg = mock.get(f"{DOI_ORG}/{doi}").mock(
        return_value=httpx.Response(302, headers={"location": target})
    )
    # The CSL payload is Crossref's real one (fixture 07); DataCite's has the same shape.
    csl = mock.get(target).mock(return_value=httpx.Response(200, json=body("07")))
    doc = document(reference("Some dataset", doi=doi))

    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)

    assert rest.call_count == 1  # asked once (prefix route), not again after the agency
    assert neg.calls[0].request.headers["accept"] == "application/vnd.citationstyles.csl+json"
    assert csl.call_count == 1
    found = outcome.resolutions[0][0].by_doi
    assert isinstance(found, Found) and found.source == "datacite" and found.agency == "datacite"
    assert found.record["title"] == ["The Structure of Ordinary Water"]  # listified like Crossref
    assert found.record["container-title"] == ["Science"]
    assert outcome.skipped == []


def test_content_negotiation_redirect_to_foreign_host_is_refused(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    doi = "10.1234/abc"
    mock.get(f"{CROSSREF}/works/{doi}").mock(return_value=not_found_text())
    mock.get(f"{DOI_ORG}/api/handles/{doi}").mock(return_value=handle_found(doi))
    mock.get(f"{CROSSREF}/works/{doi}/agency").mock(return_value=not_found_text())
    mock.get(f"{DOI_ORG}/{doi}").mock(
        return_value=httpx.Response(302, headers={"location": "https://evil.example.com/meta"})
    )
    foreign = mock.get("https://evil.example.com/meta").mock(
        return_value=httpx.Response(200, json={})
    )
    doc = document(reference("x", doi=doi))

    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)

    assert foreign.call_count == 0
    res = outcome.resolutions[0][0].by_doi
    assert isinstance(res, Unavailable) and "foreign host" in res.reason
    assert len(outcome.skipped) == 1 and "foreign host" in outcome.skipped[0].reason


def test_doi_org_redirect_to_crossref_transform_is_followed(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    doi = "10.1126/science.169.3946.635"
    mock.get(f"{CROSSREF}/works/{doi}").mock(return_value=not_found_text())  # not indexed yet
    mock.get(f"{DOI_ORG}/api/handles/{doi}").mock(return_value=handle_found(doi))
    mock.get(f"{CROSSREF}/works/{doi}/agency").mock(
        return_value=httpx.Response(200, json=body("05"))
    )
    location = recorded_headers("08")["location"]  # the real 302 target
    mock.get(f"{DOI_ORG}/{doi}").mock(
        return_value=httpx.Response(302, headers={"location": location})
    )
    mock.get(location).mock(
        return_value=httpx.Response(200, json=body("07"), headers=recorded_headers("07"))
    )
    doc = document(reference("Frank 1970", doi=doi))

    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)

    found = outcome.resolutions[0][0].by_doi
    assert isinstance(found, Found) and found.source == "crossref"
    assert found.record["page"] == "635-641"


def test_invalid_doi_is_flagged_and_never_requested(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    doc = document(reference("Short ref", doi="doi: not-a-doi"))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    res = outcome.resolutions[0][0]
    assert res.doi is None and res.doi_valid is False and res.by_doi is None
    assert res.search is None  # too short to search
    assert len(mock.calls) == 0 and outcome.skipped == []


def test_reference_without_doi_gets_candidates(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    text = (
        "Danehkar, A., (2020). AtomNeb Python Package, an addendum to AtomNeb: IDL Library "
        "for Atomic Data of Ionized Nebulae. Journal of Open Source Software, 5(55), 2797"
    )
    route = mock.get(f"{CROSSREF}/works").mock(return_value=httpx.Response(200, json=body("18")))
    law = reference(
        "Undang-Undang Republik Indonesia Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        kind="law",
    )
    doc = document(reference(text), law)

    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)

    assert route.call_count == 1  # the law is never searched
    params = parse_qs(urlsplit(str(route.calls[0].request.url)).query)
    assert params["rows"] == ["5"] and "score" in params["select"][0].split(",")
    cands = outcome.resolutions[0][0].search
    assert isinstance(cands, tuple) and cands[0].record["DOI"] == "10.21105/joss.02797"
    assert cands[0].score is not None and cands[0].score > 100
    assert outcome.resolutions[0][1].search is None and outcome.resolutions[0][1].by_doi is None


def test_retraction_notices_stay_in_the_record(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works/{TEST_RETRACTED}").mock(
        return_value=httpx.Response(200, json=body("22"))
    )
    doc = document(reference("x", doi=TEST_RETRACTED))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    found = outcome.resolutions[0][0].by_doi
    assert isinstance(found, Found)
    assert {u["type"] for u in found.record["updated-by"]} == {"retraction", "corrigendum"}


def test_headers_user_agent_mailto_and_plus_token_only_to_crossref(
    mock: respx.MockRouter, tmp_path: object, policy: Policy
) -> None:
    settings = Settings(
        cache_dir=str(tmp_path), mailto="me@example.org", crossref_plus_token="s3cret"
    )
    mock.get(f"{CROSSREF}/works/{FAKE}").mock(return_value=not_found_text())
    handle = mock.get(f"{DOI_ORG}/api/handles/{FAKE}").mock(return_value=handle_missing(FAKE))
    doc = document(reference("x", doi=FAKE))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    cr = mock.calls[0].request
    assert cr.headers["user-agent"] == user_agent("me@example.org")
    assert "mailto:me@example.org" in cr.headers["user-agent"]
    assert cr.headers["crossref-plus-api-token"] == "Bearer s3cret"
    assert "crossref-plus-api-token" not in handle.calls[0].request.headers
    assert not any("mailto" in n for n in outcome.notes)


def test_missing_mailto_is_said_once(
    mock: respx.MockRouter, tmp_path: object, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works").mock(
        return_value=httpx.Response(
            200, json=work_list(body("01")["message"], body("02")["message"])
        )
    )
    docs = [document(reference("a", doi=PLOS)), document(reference("b", doi=JCP), path="b.md")]
    outcome = resolve_all(
        docs, Settings(cache_dir=str(tmp_path)), client=None, progress=None, policy=policy
    )
    hints = [n for n in outcome.notes if "--mailto" in n and "CITECHECK_MAILTO" in n]
    assert len(hints) == 1
    assert "mailto" not in mock.calls[0].request.headers["user-agent"]


def test_sync_client_is_accepted(settings: Settings, policy: Policy) -> None:
    threads: list[threading.Thread] = []

    def handler(request: httpx.Request) -> httpx.Response:
        threads.append(threading.current_thread())
        return httpx.Response(200, json=body("01"))

    client = httpx.Client(transport=httpx.MockTransport(handler))
    doc = document(reference("x", doi=PLOS))
    outcome = resolve_all([doc], settings, client=client, progress=None, policy=policy)
    assert isinstance(outcome.resolutions[0][0].by_doi, Found)
    # a blocking client must not hold the event loop: it is sent from a worker thread
    assert threads and threading.main_thread() not in threads


def test_progress_reports_counts(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works").mock(
        return_value=httpx.Response(200, json=work_list(body("01")["message"]))
    )
    mock.get(f"{CROSSREF}/works/{FAKE}").mock(return_value=not_found_text())
    mock.get(f"{DOI_ORG}/api/handles/{FAKE}").mock(return_value=handle_missing(FAKE))
    seen: list[tuple[str, int, int]] = []
    doc = document(reference("a", doi=PLOS), reference("b", doi=FAKE))
    resolve_all([doc], settings, client=None, progress=lambda *a: seen.append(a), policy=policy)
    assert seen[-1] == ("registry: 1 found, 1 not found, 0 failed", 2, 2)
