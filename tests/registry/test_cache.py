"""The SQLite cache: TTLs, offline, refresh, corruption, concurrent processes."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import httpx
import pytest
import respx

from citecheck.model.resolution import Found, NotFound, Unavailable
from citecheck.model.settings import Settings
from citecheck.registry import cache as cache_module
from citecheck.registry.cache import FILENAME, Cache
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
)

FAKE = "10.1371/notarealdoi"
DAY = 86400


def _age(cache_dir: Path, key: str, days: float) -> None:
    """Make a cached entry ``days`` old."""
    conn = sqlite3.connect(cache_dir / FILENAME)
    conn.execute("UPDATE entries SET fetched = fetched - ? WHERE key = ?", (int(days * DAY), key))
    conn.commit()
    conn.close()


def _run(settings: Settings, policy: Policy, doi: str = PLOS) -> tuple[object, object]:
    doc = document(reference("x", doi=doi))
    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)
    return outcome.resolutions[0][0].by_doi, outcome


def test_warm_run_makes_no_request(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(200, json=body("01"))
    )
    first, _ = _run(settings, policy)
    second, outcome = _run(settings, policy)
    assert route.call_count == 1
    assert isinstance(first, Found) and not first.from_cache
    assert isinstance(second, Found) and second.from_cache and second.record == first.record
    assert outcome.requests == {} and not any("mailto" in n for n in outcome.notes)  # type: ignore[attr-defined]


def test_found_ttl_30_days(mock: respx.MockRouter, settings: Settings, policy: Policy) -> None:
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(200, json=body("01"))
    )
    _run(settings, policy)
    _age(Path(settings.cache_dir or ""), PLOS, 29)
    _run(settings, policy)
    assert route.call_count == 1
    _age(Path(settings.cache_dir or ""), PLOS, 2)  # now 31 days old
    res, _ = _run(settings, policy)
    assert route.call_count == 2 and isinstance(res, Found) and not res.from_cache


def test_not_found_ttl_one_day(mock: respx.MockRouter, settings: Settings, policy: Policy) -> None:
    cr = mock.get(f"{CROSSREF}/works/{FAKE}").mock(return_value=not_found_text())
    mock.get(f"{DOI_ORG}/api/handles/{FAKE}").mock(return_value=handle_missing(FAKE))
    res, _ = _run(settings, policy, FAKE)
    assert isinstance(res, NotFound)
    res, _ = _run(settings, policy, FAKE)
    assert isinstance(res, NotFound) and res.from_cache and cr.call_count == 1
    _age(Path(settings.cache_dir or ""), FAKE, 1.5)
    _run(settings, policy, FAKE)
    assert cr.call_count == 2


def test_offline_uses_stale_records_and_skips_misses(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(return_value=httpx.Response(200, json=body("01")))
    _run(settings, policy)
    _age(Path(settings.cache_dir or ""), PLOS, 400)
    calls = len(mock.calls)
    offline = settings.model_copy(update={"offline": True})
    doc = document(reference("x", doi=PLOS), reference("y", doi="10.1000/never-seen"))
    outcome = resolve_all([doc], offline, client=None, progress=None, policy=policy)
    assert len(mock.calls) == calls  # no request at all
    hit = outcome.resolutions[0][0].by_doi
    assert isinstance(hit, Found) and hit.from_cache
    miss = outcome.resolutions[0][1].by_doi
    assert isinstance(miss, Unavailable) and miss.reason.startswith("offline")
    assert [s.reason for s in outcome.skipped] == [
        "1 of 2 references not checked against the registry: offline: not in the cache"
    ]
    assert not any("mailto" in n for n in outcome.notes)


def test_refresh_asks_again(mock: respx.MockRouter, settings: Settings, policy: Policy) -> None:
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(200, json=body("01"))
    )
    _run(settings, policy)
    res, _ = _run(settings.model_copy(update={"refresh": True}), policy)
    assert route.call_count == 2 and isinstance(res, Found) and not res.from_cache


def test_stale_record_used_when_refetch_fails(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        side_effect=[httpx.Response(200, json=body("01")), *[httpx.Response(503)] * 4]
    )
    _run(settings, policy)
    _age(Path(settings.cache_dir or ""), PLOS, 60)
    res, outcome = _run(settings, policy)
    assert route.call_count == 5
    assert isinstance(res, Found) and res.from_cache
    assert outcome.skipped == []  # type: ignore[attr-defined]
    assert any("out-of-date cache" in n for n in outcome.notes)  # type: ignore[attr-defined]


def test_no_cache_creates_no_file(mock: respx.MockRouter, tmp_path: Path, policy: Policy) -> None:
    route = mock.get(f"{CROSSREF}/works/{PLOS}").mock(
        return_value=httpx.Response(200, json=body("01"))
    )
    settings = Settings(cache_dir=str(tmp_path / "c"), no_cache=True, mailto="a@b.org")
    _run(settings, policy)
    _run(settings, policy)
    assert route.call_count == 2 and not (tmp_path / "c").exists()


def test_corrupt_file_is_moved_aside_and_rebuilt(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    folder = Path(settings.cache_dir or "")
    folder.mkdir(parents=True)
    (folder / FILENAME).write_bytes(b"this is not a database, just junk" * 100)
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(return_value=httpx.Response(200, json=body("01")))
    res, outcome = _run(settings, policy)
    assert isinstance(res, Found)
    assert any("moved aside" in n for n in outcome.notes)  # type: ignore[attr-defined]
    assert (folder / f"{FILENAME}.corrupt-1").read_bytes().startswith(b"this is not")
    res, _ = _run(settings, policy)
    assert isinstance(res, Found) and res.from_cache


def test_newer_schema_is_left_alone(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / FILENAME)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    notes: list[str] = []
    assert Cache.open(tmp_path, notes) is None
    assert "newer citecheck" in notes[0] and (tmp_path / FILENAME).exists()


def test_rollback_journal_leaves_one_file(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(return_value=httpx.Response(200, json=body("01")))
    _run(settings, policy)
    assert sorted(p.name for p in Path(settings.cache_dir or "").iterdir()) == [FILENAME]


def test_read_only_cache_is_still_read(
    mock: respx.MockRouter, settings: Settings, policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    mock.get(f"{CROSSREF}/works/{PLOS}").mock(return_value=httpx.Response(200, json=body("01")))
    _run(settings, policy)
    folder = Path(settings.cache_dir or "")
    before = (folder / FILENAME).read_bytes()
    # A committed cache on a read-only checkout (os.access, since tests may run as root).
    monkeypatch.setattr(cache_module.os, "access", lambda *a, **k: False)
    notes: list[str] = []
    cache = Cache.open(folder, notes)
    assert cache is not None and not cache.writable and notes == []
    entry = cache.get("doi", PLOS)
    assert entry is not None and entry.status == "found"
    cache.put("doi", "10.1/x", "found", {})
    cache.close()  # quietly does not write
    assert cache.write_failed is None and (folder / FILENAME).read_bytes() == before
    res, outcome = _run(settings, policy)
    assert isinstance(res, Found) and res.from_cache and outcome.notes == []  # type: ignore[attr-defined]


def _writer(folder: str, name: str, n: int) -> None:
    notes: list[str] = []
    cache = Cache.open(Path(folder), notes)
    assert cache is not None, notes
    for i in range(n):
        cache.put("doi", f"10.1/{name}-{i}", "found", {"record": {"i": i}})
        if i % 5 == 4:
            cache.flush()
            assert cache.write_failed is None, cache.write_failed
    cache.close()
    assert cache.write_failed is None, cache.write_failed


def test_two_processes_write_concurrently(tmp_path: Path) -> None:
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), name, 100)) for name in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    cache = Cache.open(tmp_path, [])
    assert cache is not None
    assert cache.stats()["entries"] == {"doi/found": 200}
    cache.close()
