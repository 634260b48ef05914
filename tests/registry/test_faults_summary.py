"""Every network fault, end to end through ``engine.check``: no integrity finding,
and the skipped registry check is in the summary (docs/reliability.md, fault table).

The resolver-level tests in ``test_failures.py`` prove the retry and give-up logic per
fault; these prove the user-visible contract for the whole catalogue at once, plus
the faults not covered there (DNS, TLS, malformed JSON shapes, API redirects to a
foreign host, a 50 MB body).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx
import pytest
import respx

import citecheck.registry.resolve as resolvers
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import check
from citecheck.registry.http import Policy

from .conftest import SleepRecorder, body

PAPER = """# Soil moisture

Rain matters (Lee, 2012). Drought too (Park, 2015).

## References

Lee, A. (2012). Making data maximally available. PLoS ONE, 7(3), e33693. https://doi.org/10.1371/journal.pone.0033693

Park, B. (2015). A study of drought without a DOI. Journal of Soils, 3(2), 1-10.
"""
FIFTY_MB = 50 * 1024 * 1024
TRUNCATED = json.dumps(body("01")).encode()[:300]


async def _fifty_mb() -> AsyncIterator[bytes]:
    chunk = b" " * (1024 * 1024)
    for _ in range(50):
        yield chunk


def _r(status: int, **kw: object) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, **kw)  # type: ignore[arg-type]


def _raise(exc: type[httpx.HTTPError], text: str) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc(text, request=request)  # type: ignore[call-arg]

    return handler


# name -> (handler for every request, words expected in the skipped check's reason)
FAULTS: dict[str, tuple[Callable[[httpx.Request], httpx.Response], str]] = {
    "dns-failure": (
        _raise(httpx.ConnectError, "[Errno -2] Name or service not known"),
        "cannot connect",
    ),
    "connection-refused": (
        _raise(httpx.ConnectError, "[Errno 111] Connection refused"),
        "cannot connect",
    ),
    "tls-error": (
        _raise(httpx.ConnectError, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
        "cannot connect",
    ),
    "connect-timeout": (_raise(httpx.ConnectTimeout, "timed out"), "timeout"),
    "read-timeout": (_raise(httpx.ReadTimeout, "timed out"), "timeout"),
    "429-no-retry-after": (_r(429), "HTTP 429"),
    "429-retry-after": (_r(429, headers={"retry-after": "2"}), "HTTP 429"),
    "500": (_r(500), "HTTP 500"),
    "502": (_r(502), "HTTP 502"),
    "503-html": (
        _r(
            503,
            text="<html><body>Service Unavailable</body></html>",
            headers={"content-type": "text/html"},
        ),
        "HTTP 503",
    ),
    "504": (_r(504), "HTTP 504"),
    "html-page-200": (
        _r(
            200,
            text="<html><body>Please log in to the Wi-Fi</body></html>",
            headers={"content-type": "text/html"},
        ),
        "malformed JSON",
    ),
    "truncated-json": (
        _r(200, content=TRUNCATED, headers={"content-type": "application/json"}),
        "malformed JSON",
    ),
    "json-wrong-shape": (
        _r(200, json={"status": "ok", "message-type": "work", "message": [1, 2]}),
        "",
    ),
    "json-not-an-object": (_r(200, json=[{"DOI": "10.1/x"}]), ""),
    "redirect-foreign-host": (
        _r(302, headers={"location": "https://evil.example/steal"}),
        "foreign host",
    ),
    "50mb-content-length": (
        _r(200, headers={"content-length": str(FIFTY_MB)}, content=_fifty_mb()),
        "larger than",
    ),
    "50mb-streamed": (_r(200, content=_fifty_mb()), "larger than"),
}


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> Iterator[SleepRecorder]:
    """The run's default Policy with recorded sleeps and no rate limits."""
    sleeps = SleepRecorder()
    monkeypatch.setattr(
        resolvers,
        "Policy",
        lambda: Policy(single_rate=1000, list_rate=1000, doi_rate=1000, sleep=sleeps),
    )
    yield sleeps


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fault_is_skipped_check_not_finding(
    fault: str, tmp_path: Path, fast: SleepRecorder
) -> None:
    handler, words = FAULTS[fault]
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    settings = Settings(
        paths=("paper.md",),
        cache_dir=str(tmp_path / "cache"),
        mailto="test@example.org",
        deadline=60,
    )
    with respx.mock(assert_all_called=False) as router:
        route = router.route().mock(side_effect=handler)
        report = check(settings, root=tmp_path)
    assert route.call_count >= 1  # the registry was asked, and failed
    registry = [f.code for f in report.findings if f.code.startswith("CC2")]
    assert registry == [], f"{fault} produced registry findings {registry}"
    skipped = [s for s in report.skipped_checks if s.check == "registry"]
    assert skipped, f"{fault}: nothing in summary.skipped_checks"
    assert all(s.path == "paper.md" for s in skipped)
    said = " ".join(s.reason for s in skipped) + " ".join(report.notes)
    # The fault itself, or the circuit breaker it tripped, is named.
    assert words in said or "stopped answering reliably" in said, said
    # Local checks still ran: the two citations link to their references.
    assert report.citations == 2 and report.references == 2
    assert not any(f.code in ("CC101", "CC102") for f in report.findings)


def test_unavailable_is_never_cached(tmp_path: Path, fast: SleepRecorder) -> None:
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    settings = Settings(
        paths=("paper.md",),
        cache_dir=str(tmp_path / "cache"),
        mailto="test@example.org",
        deadline=60,
    )
    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=_r(503))
        check(settings, root=tmp_path)
    with respx.mock(assert_all_called=False) as router:
        ok = router.route().mock(side_effect=_r(200, json=body("01")))
        check(settings, root=tmp_path)
    assert ok.call_count >= 1  # asked again: the failure was not remembered
