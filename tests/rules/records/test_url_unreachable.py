"""url-unreachable and ``--check-urls``: HEAD then GET, redirects, what counts as gone,
what is only "not checked", caching and offline (injected transport, no network)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from citecheck.model.document import Document, Location, Reference
from citecheck.model.links import Links
from citecheck.model.settings import Settings
from citecheck.registry.resolve import resolve_all
from citecheck.registry.urls import checkable
from citecheck.rules.base import RuleContext
from citecheck.rules.records import url_unreachable

GONE = "https://www.example.org/reports/removed-2019"
MOVED = "https://www.example.org/old-report"
NO_HEAD = "https://data.example.net/set/42"
WALLED = "https://walled.example.com/paper"
FLAKY = "https://down.example.com/page"


class Site:
    """Answers like real servers: 404 page, a redirect chain, HEAD not allowed, a bot
    wall, a server that does not answer."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.seen.append((request.method, url))
        if url == GONE:
            return httpx.Response(404, text="Not Found")
        if url == MOVED:
            return httpx.Response(301, headers={"location": "/new-report"})
        if url == "https://www.example.org/new-report":
            return httpx.Response(200)
        if url == NO_HEAD:
            return httpx.Response(405 if request.method == "HEAD" else 200)
        if url == WALLED:
            return httpx.Response(403)
        raise httpx.ConnectError("connection refused", request=request)


def _ref(url: str, line: int) -> Reference:
    return Reference(
        text=f"Some Agency. (2019). Some report. {url}",
        url=url,
        kind="web",
        location=Location(path="paper.md", line=line),
    )


def _run(settings: Settings, site: Site) -> tuple[list[str], list[str]]:
    refs = tuple(_ref(u, n) for n, u in enumerate((GONE, MOVED, NO_HEAD, WALLED, FLAKY), 1))
    doc = Document(path="paper.md", format="markdown", references=refs)
    outcome = resolve_all([doc], settings, client=httpx.Client(transport=httpx.MockTransport(site)))
    ctx = RuleContext(
        document=doc, links=Links(), settings=settings, resolutions=outcome.resolutions[0]
    )
    findings = [f.message for f in url_unreachable.RULE.check(ctx)]
    skipped = [s.reason for s in outcome.skipped if s.check == "urls"]
    return findings, skipped


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        cache_dir=str(tmp_path / "cache"), mailto="t@example.org", deadline=30, check_urls=True
    )


def test_only_a_definite_404_is_reported(settings: Settings) -> None:
    site = Site()
    findings, skipped = _run(settings, site)
    assert findings == [f"The web address {GONE} no longer answers: HTTP 404"]
    assert len(skipped) == 2  # the bot wall and the dead server: not checked, not gone
    assert any("HTTP 403" in s for s in skipped)
    assert any("ConnectError" in s for s in skipped)
    # HEAD first; GET only where HEAD did not succeed; redirects followed.
    assert ("GET", GONE) in site.seen and ("HEAD", GONE) in site.seen
    assert ("GET", MOVED) not in site.seen
    assert ("GET", NO_HEAD) in site.seen


def test_second_run_answers_from_the_cache_and_offline(settings: Settings) -> None:
    _run(settings, Site())
    again = Site()
    findings, _ = _run(settings.model_copy(update={"offline": True}), again)
    assert findings == [f"The web address {GONE} no longer answers: HTTP 404"]
    assert again.seen == []


def test_off_by_default(tmp_path: Path) -> None:
    site = Site()
    findings, skipped = _run(Settings(cache_dir=str(tmp_path), deadline=30), site)
    assert (findings, skipped) == ([], [])
    assert not [u for _, u in site.seen if "example." in u]  # only the registry was asked


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://doi.org/10.1000/xyz", None),
        ("ftp://example.org/file", None),
        ("http://127.0.0.1:8080/admin", None),
        ("http://169.254.169.254/latest/meta-data", None),
        ("http://localhost/x", None),
        ("https://arxiv.org/abs/1605.01713", None),  # the arXiv API checks the identifier
        ("http://arxiv.org/pdf/1605.01713v2.pdf", None),
        ("https://arxiv.org/list/cs.LG/recent", "https://arxiv.org/list/cs.LG/recent"),
        ("https://github.com/citecheck/citecheck.", "https://github.com/citecheck/citecheck"),
    ],
)
def test_what_is_contacted(url: str, expected: str | None) -> None:
    assert checkable(url) == expected
