"""Every way a registry can fail ends as Unavailable + a skipped check: no crash, and
never a false "not found"."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import respx

from citecheck.model.document import Document
from citecheck.model.resolution import Found, Unavailable
from citecheck.model.settings import Settings
from citecheck.registry.http import Policy
from citecheck.registry.resolve import ResolveOutcome, resolve_all

from .conftest import (
    CROSSREF,
    DOI_ORG,
    JCP,
    PLOS,
    SleepRecorder,
    body,
    document,
    not_found_text,
    reference,
    work_list,
)

# As reported for Crossref 429s in CrossRef/rest-api-doc issues (#159, #226): HTML, no rate headers.
HTML_429 = (
    "<html><body><h1>429 Too Many Requests</h1>You have sent too many requests "
    "in a given amount of time.</body></html>"
)
HTML_500 = "<html><head><title>Internal error</title></head><body>Oops</body></html>"


def _one(doi: str = PLOS) -> Document:
    return document(reference("x", doi=doi))


def _assert_unavailable(doc: Document, outcome: ResolveOutcome, word: str) -> None:
    assert outcome.resolutions[0] is not None and doc.references
    res = outcome.resolutions[0][0].by_doi
    assert isinstance(res, Unavailable), res
    assert word in res.reason
    skipped = outcome.skipped
    assert len(skipped) == 1 and skipped[0].check == "registry" and word in skipped[0].reason
    assert skipped[0].path == "paper.md"


def test_429_without_retry_after_backs_off_exponentially(
    mock: respx.MockRouter, settings: Settings, policy: Policy, sleeps: SleepRecorder
) -> None:
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        side_effect=[
            httpx.Response(429, text=HTML_429, headers={"content-type": "text/html"}),
            httpx.Response(429, text=HTML_429, headers={"content-type": "text/html"}),
            httpx.Response(200, json=body("01")),
        ]
    )
    doc = _one()
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert route.call_count == 3
    assert isinstance(outcome.resolutions[0][0].by_doi, Found) and outcome.skipped == []
    # full jitter in [base*2^n / 2, base*2^n]
    assert 0.25 <= sleeps.delays[0] <= 0.5 and 0.5 <= sleeps.delays[1] <= 1.0


def test_429_honours_retry_after(
    mock: respx.MockRouter, settings: Settings, policy: Policy, sleeps: SleepRecorder
) -> None:
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        side_effect=[
            httpx.Response(429, text=HTML_429, headers={"retry-after": "7"}),
            httpx.Response(200, json=body("01")),
        ]
    )
    doc = _one()
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert sleeps.delays == [7.0]
    assert isinstance(outcome.resolutions[0][0].by_doi, Found)


def test_429_forever_is_unavailable(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(429, text=HTML_429)
    )
    doc = _one()
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert route.call_count == policy.max_attempts
    _assert_unavailable(doc, outcome, "HTTP 429")


def test_503_is_unavailable_and_not_cached(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(503, text=HTML_500)
    )
    doc = _one()
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    _assert_unavailable(doc, outcome, "HTTP 503")
    # A second run asks again: the failure was not cached.
    outcome = resolve_all([_one()], settings, client=None, progress=None, policy=policy)
    assert route.call_count == 2 * policy.max_attempts


@pytest.mark.parametrize(
    ("error", "word"),
    [
        (httpx.ReadTimeout("read timed out"), "timeout"),
        (httpx.ConnectTimeout("connect timed out"), "timeout"),
        (httpx.ConnectError("[Errno 111] Connection refused"), "cannot connect"),
        (httpx.RemoteProtocolError("peer closed connection"), "connection broken"),
    ],
)
def test_network_errors(
    mock: respx.MockRouter, settings: Settings, policy: Policy, error: Exception, word: str
) -> None:
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(side_effect=error)
    doc = _one()
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert route.call_count == policy.max_attempts
    _assert_unavailable(doc, outcome, word)


def test_truncated_json_is_retried_then_unavailable(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    whole = json.dumps(body("01")).encode()
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(
            200, content=whole[: len(whole) // 2], headers={"content-type": "application/json"}
        )
    )
    doc = _one()
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert route.call_count == policy.max_attempts
    _assert_unavailable(doc, outcome, "malformed JSON")


def test_truncated_json_then_whole_answer_recovers(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    whole = json.dumps(body("01")).encode()
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        side_effect=[httpx.Response(200, content=whole[:100]), httpx.Response(200, content=whole)]
    )
    doc = _one()
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert isinstance(outcome.resolutions[0][0].by_doi, Found)


def test_html_page_with_status_200_is_unavailable(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    # e.g. a captive portal or proxy login page
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(200, text=HTML_500, headers={"content-type": "text/html"})
    )
    doc = _one()
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    _assert_unavailable(doc, outcome, "malformed JSON")


def test_html_404_from_handle_api_is_not_evidence_of_absence(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    doi = "10.1371/notarealdoi"
    mock.get(f"{CROSSREF}/works/{doi}").mock(return_value=not_found_text())
    mock.get(f"{DOI_ORG}/api/handles/{doi}").mock(
        return_value=httpx.Response(
            404, text="<html>Not Found</html>", headers={"content-type": "text/html"}
        )
    )
    doc = _one(doi)
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    _assert_unavailable(doc, outcome, "handle API")


def test_crossref_404_text_body_alone_is_not_not_found(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    doi = "10.1371/notarealdoi"
    mock.get(f"{CROSSREF}/works/{doi}").mock(return_value=not_found_text())
    mock.get(f"{DOI_ORG}/api/handles/{doi}").mock(return_value=httpx.Response(503))
    doc = _one(doi)
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    _assert_unavailable(doc, outcome, "HTTP 503")


def test_oversize_response_is_unavailable(mock: respx.MockRouter, settings: Settings) -> None:
    small = Policy(max_bytes=1024, single_rate=1000, list_rate=1000)
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(200, json=body("01"))
    )
    doc = _one()
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=small)
    assert route.call_count == 1  # no point asking again for the same huge body
    _assert_unavailable(doc, outcome, "larger than")


def test_oversize_stream_without_content_length(settings: Settings) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(50):
            yield b"0," * 1000

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks())  # streamed, no Content-Length

    small = Policy(max_bytes=10_000, single_rate=1000, list_rate=1000)
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    doc = _one()
    outcome = resolve_all([doc], settings, client=client, progress=None, policy=small)
    _assert_unavailable(doc, outcome, "larger than")


def test_batch_failure_marks_its_dois_unavailable(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works").mock(return_value=httpx.Response(502))
    doc = document(reference("a", doi=PLOS), reference("b", doi=JCP))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert all(isinstance(r.by_doi, Unavailable) for r in outcome.resolutions[0].values())
    assert outcome.skipped[0].reason.startswith("2 of 2 references not checked")


def test_batch_rejected_with_400_falls_back_to_single_lookups(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    batch = mock.get(f"{CROSSREF}/works").mock(return_value=httpx.Response(400, json=body("09")))
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(return_value=httpx.Response(200, json=body("01")))
    mock.get(f"{CROSSREF}/works/{JCP}").mock(return_value=httpx.Response(200, json=body("02")))
    doc = document(reference("a", doi=PLOS), reference("b", doi=JCP))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert batch.call_count == 1
    assert all(isinstance(r.by_doi, Found) for r in outcome.resolutions[0].values())
    assert outcome.skipped == []


def test_circuit_breaker_stops_early(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    route = mock.get(url__regex=rf"{CROSSREF}/works/.*").mock(return_value=httpx.Response(503))
    refs = [reference(f"r{i}", doi=f"10.1000/test{i}") for i in range(30)]
    one_by_one = Policy(**{**policy.__dict__, "batch_size": 1, "concurrency": 1})
    doc = document(*refs)
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=one_by_one)
    assert route.call_count <= 10  # 30 DOIs x 4 attempts would be 120 requests
    assert all(isinstance(r.by_doi, Unavailable) for r in outcome.resolutions[0].values())
    assert any("stopped answering reliably" in n for n in outcome.notes)


def test_deadline(mock: respx.MockRouter, tmp_path: object, policy: Policy) -> None:
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(200, json=body("01"))
    )
    doc = _one()
    settings = Settings(cache_dir=str(tmp_path), deadline=0)
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert route.call_count == 0
    _assert_unavailable(doc, outcome, "deadline")
    assert any("--deadline" in n for n in outcome.notes)


def test_retry_after_beyond_deadline_gives_up_without_sleeping(
    mock: respx.MockRouter, tmp_path: object, policy: Policy, sleeps: SleepRecorder
) -> None:
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(429, headers={"retry-after": "100"})
    )
    doc = _one()
    outcome = resolve_all(
        [doc],
        Settings(cache_dir=str(tmp_path), deadline=5),
        client=None,
        progress=None,
        policy=policy,
    )
    assert sleeps.delays == []
    _assert_unavailable(doc, outcome, "deadline")


def test_mixed_batch_keeps_good_answers(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works").mock(
        return_value=httpx.Response(200, json=work_list(body("01")["message"]))
    )
    mock.get(f"{CROSSREF}/works/{JCP}").mock(side_effect=httpx.ConnectError("refused"))
    doc = document(reference("a", doi=PLOS), reference("b", doi=JCP))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert isinstance(outcome.resolutions[0][0].by_doi, Found)
    assert isinstance(outcome.resolutions[0][1].by_doi, Unavailable)
    assert outcome.skipped[0].reason.startswith("1 of 2 references")


def test_transport_bug_is_unavailable_not_a_crash(settings: Settings, policy: Policy) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise RuntimeError("transport exploded")

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    doc = _one()
    outcome = resolve_all([doc], settings, client=client, progress=None, policy=policy)
    _assert_unavailable(doc, outcome, "transport exploded")


def test_unexpected_error_in_the_stage_keeps_the_run_alive(
    mock: respx.MockRouter, settings: Settings, policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citecheck.registry import lookup as lookup_module

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("bug")

    monkeypatch.setattr(lookup_module.Lookup, "from_cache", broken)
    doc = _one()
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    _assert_unavailable(doc, outcome, "internal error")
    assert any("please report" in n for n in outcome.notes)


def test_nothing_to_resolve_touches_nothing(
    mock: respx.MockRouter, tmp_path: Path, policy: Policy
) -> None:
    doc = document(reference("Short"), reference("x", doi="nonsense"))
    settings = Settings(cache_dir=str(tmp_path / "c"))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    assert len(mock.calls) == 0 and outcome.notes == [] and outcome.skipped == []
    assert outcome.resolutions[0][1].doi_valid is False
    assert not (tmp_path / "c").exists()


def test_oversize_batch_falls_back_to_single_lookups(
    mock: respx.MockRouter, settings: Settings
) -> None:
    small = Policy(max_bytes=12_000, single_rate=1000, list_rate=1000)  # each record fits alone
    works = [body("01")["message"], body("02")["message"]]
    batch = mock.get(f"{CROSSREF}/works").mock(
        return_value=httpx.Response(200, json=work_list(*works))
    )
    one = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(200, json=body("01"))
    )
    two = mock.get(f"{CROSSREF}/works/{JCP}").mock(
        return_value=httpx.Response(200, json=body("02"))
    )
    doc = document(reference("a", doi=PLOS), reference("b", doi=JCP))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=small)
    assert batch.call_count == 1 and one.call_count == 1 and two.call_count == 1
    assert all(isinstance(r.by_doi, Found) for r in outcome.resolutions[0].values())
    assert outcome.skipped == []


def test_tripped_breaker_wakes_retries_waiting_in_backoff(
    mock: respx.MockRouter, settings: Settings
) -> None:
    # No network at all (DNS fails at once): the run must not sit out long backoffs.
    mock.get(url__regex=rf"{CROSSREF}/works/.*").mock(
        side_effect=httpx.ConnectError("[Errno -2] Name or service not known")
    )
    real_sleep = Policy(backoff_base=5.0, single_rate=1000, concurrency=4, batch_size=1)
    doc = document(*(reference(f"r{i}", doi=f"10.1000/t{i}") for i in range(10)))
    started = time.monotonic()
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=real_sleep)
    assert time.monotonic() - started < 2.5  # one backoff alone would be 2.5-5 s
    assert all(isinstance(r.by_doi, Unavailable) for r in outcome.resolutions[0].values())
    assert any("stopped answering reliably" in n for n in outcome.notes)
