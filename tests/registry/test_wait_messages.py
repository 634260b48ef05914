"""The progress line says why nothing moves while a retry waits (issue 16, item 7)."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import respx

from citecheck.model.document import Document
from citecheck.model.resolution import Found
from citecheck.model.settings import Settings
from citecheck.registry.http import Policy
from citecheck.registry.resolve import resolve_all

from .conftest import CROSSREF, PLOS, SleepRecorder, body, document, reference


def _progress() -> tuple[list[tuple[str, int, int]], Callable[[str, int, int], None]]:
    calls: list[tuple[str, int, int]] = []

    def show(label: str, done: int, total: int) -> None:
        calls.append((label, done, total))

    return calls, show


def _doc() -> Document:
    return document(reference("Smith, J. (2012). A title. PLoS ONE.", doi=PLOS))


def test_throttled_wait_is_announced_before_it_starts(
    mock: respx.MockRouter, settings: Settings, policy: Policy, sleeps: SleepRecorder
) -> None:
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        side_effect=[
            httpx.Response(429, text="slow down", headers={"retry-after": "7"}),
            httpx.Response(200, json=body("01")),
        ]
    )
    calls, show = _progress()
    outcome = resolve_all([_doc()], settings, client=None, progress=show, policy=policy)
    assert isinstance(outcome.resolutions[0][0].by_doi, Found)
    assert sleeps.delays == [7.0]
    waits = [c for c in calls if "waiting" in c[0]]
    assert waits == [
        (
            "registry: Crossref asked us to slow down (HTTP 429); waiting 7 s as it asked "
            "(Retry-After)",
            0,
            1,
        )
    ]
    assert calls[-1][1:] == (1, 1)  # the total did not move while waiting


def test_backoff_after_a_server_error_says_so(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        side_effect=[httpx.Response(503, text="down"), httpx.Response(200, json=body("01"))]
    )
    calls, show = _progress()
    resolve_all([_doc()], settings, client=None, progress=show, policy=policy)
    (wait,) = [c[0] for c in calls if "waiting" in c[0]]
    assert wait.startswith("registry: Crossref: HTTP 503; waiting ")
    assert wait.endswith(" s before retrying")
