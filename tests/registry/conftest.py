"""Helpers for resolver tests: real recorded Crossref bodies, tiny waits, no network."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from citecheck.model.document import Document, Location, Reference
from citecheck.model.settings import Settings
from citecheck.registry.http import Policy

FIXTURES = Path(__file__).parent.parent / "fixtures" / "crossref"
CROSSREF = "https://api.crossref.org"
DOI_ORG = "https://doi.org"
DROP_HEADERS = {"content-encoding", "content-length", "transfer-encoding", "connection"}

# Real DOIs of the recorded bodies.
PLOS = "10.1371/journal.pone.0033693"  # 01
JCP = "10.1136/jclinpath-2020-206745"  # 02
JOR = "10.1002/jor.1100150407"  # 03
TEST_RETRACTED = "10.5555/12345678"  # 22


def body(prefix: str) -> Any:
    """The recorded body of fixture ``NN`` (parsed JSON, or text for .txt/.html)."""
    path = next(
        p
        for p in sorted(FIXTURES.glob(f"{prefix}_*"))
        if not p.name.endswith(".meta.json") and p.suffix in (".json", ".txt", ".html")
    )
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else text


def recorded_headers(prefix: str) -> dict[str, str]:
    """The recorded response headers of fixture ``NN`` (minus transport-level ones)."""
    meta = json.loads(next(FIXTURES.glob(f"{prefix}_*.meta.json")).read_text(encoding="utf-8"))
    headers = meta["response"]["headers"] or {}
    return {
        k: v for k, v in headers.items() if k.lower() not in DROP_HEADERS and isinstance(v, str)
    }


def work_list(*works: dict[str, Any]) -> dict[str, Any]:
    """SYNTHETIC batch answer: real work records in the real work-list envelope of 13/14.

    No recorded ``filter=doi:A,doi:B`` body exists publicly (see SOURCES.md).
    """
    envelope = body("14")
    message = dict(envelope["message"])
    message.update(
        {"items": list(works), "total-results": len(works), "items-per-page": len(works)}
    )
    return {**envelope, "message": message}


def handle_found(doi: str) -> httpx.Response:
    """doi.org handle API 200 in the documented shape (DOI Handbook)."""
    return httpx.Response(
        200,
        json={
            "responseCode": 1,
            "handle": doi,
            "values": [
                {
                    "index": 1,
                    "type": "URL",
                    "data": {"format": "string", "value": "https://example.org/x"},
                }
            ],
        },
    )


def handle_missing(doi: str) -> httpx.Response:
    """doi.org handle API 404 in the documented shape."""
    return httpx.Response(404, json={"responseCode": 100, "handle": doi})


def not_found_text() -> httpx.Response:
    """Crossref's real 404 (fixture 04): text/plain 'Resource not found.'."""
    return httpx.Response(404, text=body("04"), headers={"content-type": "text/plain"})


def reference(text: str, *, doi: str | None = None, kind: str | None = None) -> Reference:
    """A bibliography entry as a loader would give it."""
    return Reference(
        text=text,
        doi=doi,
        kind=kind,  # type: ignore[arg-type]
        location=Location(path="paper.md", line=1),
    )


def document(*refs: Reference, path: str = "paper.md") -> Document:
    """A document holding only ``refs``."""
    return Document(path=path, format="markdown", references=refs)


class SleepRecorder:
    """An injected sleep that records the delays and returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def policy(sleeps: SleepRecorder) -> Policy:
    """Fast budgets and recorded (not real) backoff sleeps."""
    return Policy(
        backoff_base=0.5,
        single_rate=1000,
        list_rate=1000,
        doi_rate=1000,
        concurrency=4,
        doi_concurrency=4,
        sleep=sleeps,
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=str(tmp_path / "cache"), mailto="test@example.org", deadline=30)


@pytest.fixture
def mock() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_called=False) as router:
        yield router
