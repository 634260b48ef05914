"""DOIs and other input never choose the host or escape the API path of a request."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import respx

from citecheck.model.document import Document, Location, Reference
from citecheck.model.settings import Settings
from citecheck.registry.crossref import encode_doi
from citecheck.registry.http import Policy
from citecheck.registry.resolve import resolve_all

HOSTILE_DOIS = [
    "10.1234/../../evil",  # once went to https://api.crossref.org/evil
    "10.1234/a/../../../../etc/passwd",
    "10.1234/./x/../../y",
    "10.1234/..",
    "10.1/x?y#z",
    "10.1/@evil.com",
    "10.1/x%2F..%2F..%2Fy",
    "10.1/x\r\nHost: evil.com",
    "10.1234//evil.com/x",
    "10.1234/x\\..\\y",
    "10.1234/a,doi:10.5555/12345678",  # a comma must not smuggle a second filter
    "10.1234/http://evil.com/",
]


async def _instant(_delay: float) -> None:
    return None


def _policy() -> Policy:
    return Policy(single_rate=1000, list_rate=1000, doi_rate=1000, max_attempts=1, sleep=_instant)


def _document(doi: str) -> Document:
    ref = Reference(
        text="Smith, A. (2019). A long enough title for a search. J, 1, 2.",
        doi=doi,
        location=Location(path="paper.md"),
    )
    return Document(path="paper.md", format="markdown", references=(ref,))


@pytest.mark.parametrize("doi", HOSTILE_DOIS)
def test_requests_stay_on_the_registry_api(doi: str, tmp_path: Path) -> None:
    with respx.mock(assert_all_called=False) as router:
        route = router.route().mock(return_value=httpx.Response(404))
        resolve_all(
            [_document(doi)], Settings(cache_dir=str(tmp_path), mailto="a@b.org"), policy=_policy()
        )
    for call in route.calls:
        url = call.request.url
        assert url.host in ("api.crossref.org", "doi.org"), url
        path = url.raw_path.decode().split("?")[0]
        assert path.startswith(("/works", "/api/handles/", "/10.")), url
        segments = path.split("/")
        assert "." not in segments and ".." not in segments, url  # no traversal
        assert "\r" not in str(url) and "\n" not in str(url)
        query = parse_qs(urlsplit(str(url)).query)
        for value in query.get("filter", []):
            # One "doi:" clause per requested DOI; nothing else can ride along.
            assert all(part.startswith("doi:") for part in value.split(","))
            assert "doi:10.5555/12345678" not in value.split(",")


def test_encode_doi_escapes_dot_segments_only() -> None:
    assert encode_doi("10.1371/journal.pone.0033693") == "10.1371/journal.pone.0033693"
    assert encode_doi("10.1234/../x") == "10.1234/%2E%2E/x"
    assert encode_doi("10.1/a..b/.c") == "10.1/a..b/.c"  # dots inside a segment are data
    assert encode_doi("10.1/x?y#z") == "10.1/x%3Fy%23z"


def test_configured_base_url_is_the_only_host(tmp_path: Path) -> None:
    settings = Settings(
        cache_dir=str(tmp_path),
        mailto="a@b.org",
        crossref_url="http://mirror.test:8080/crossref",
        doi_url="http://doi.test",
    )
    with respx.mock(assert_all_called=False) as router:
        route = router.route().mock(return_value=httpx.Response(404))
        resolve_all([_document("10.1234/../../../evil")], settings, policy=_policy())
    assert route.calls
    for call in route.calls:
        url = call.request.url
        assert url.host in ("mirror.test", "doi.test")
        if url.host == "mirror.test":
            assert url.raw_path.startswith(b"/crossref/works")
