"""The cache under faults D1's tests do not cover: a writer killed mid-transaction,
a truncated file, a damaged row, four processes at once. Valid records survive;
nothing wrong is ever read back (docs/reliability.md, "Cache")."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from citecheck.registry.cache import FILENAME, Cache

REPO = Path(__file__).resolve().parents[2]

_KILLED_WRITER = r"""
import sys
from pathlib import Path
from citecheck.registry.cache import Cache
cache = Cache.open(Path(sys.argv[1]), [])
for i in range(10_000):
    cache.put("doi", f"10.2/late-{i}", "found", {"record": {"i": i, "pad": "x" * 200}})
print("writing", flush=True)
cache.flush()
print("done", flush=True)
"""


def _fill(folder: Path, prefix: str, n: int) -> None:
    cache = Cache.open(folder, [])
    assert cache is not None
    for i in range(n):
        cache.put("doi", f"10.1/{prefix}-{i}", "found", {"record": {"i": i}})
    cache.close()


def _readable(folder: Path, prefix: str, n: int) -> int:
    """How many records read back, asserting each is exactly what was written."""
    notes: list[str] = []
    cache = Cache.open(folder, notes)
    if cache is None:
        return 0
    got = 0
    for i in range(n):
        entry = cache.get("doi", f"10.1/{prefix}-{i}")
        if entry is not None:
            assert entry.status == "found" and entry.body == {"record": {"i": i}}
            got += 1
    cache.close()
    return got


def test_writer_killed_mid_transaction_keeps_committed_records(tmp_path: Path) -> None:
    _fill(tmp_path, "early", 200)
    for delay in (0.0, 0.02, 0.1):
        proc = subprocess.Popen(
            [sys.executable, "-c", _KILLED_WRITER, str(tmp_path)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert _readable(tmp_path, "early", 200) == 200
        cache = Cache.open(tmp_path, [])
        assert cache is not None
        late = sum(n for k, n in cache.stats()["entries"].items() if k == "doi/found") - 200
        cache.close()
        assert late in (0, 10_000)  # the batch is one transaction: all or nothing


def test_truncated_file_never_reads_back_wrong_records(tmp_path: Path) -> None:
    _fill(tmp_path, "r", 2_000)
    path = tmp_path / FILENAME
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    notes: list[str] = []
    got = _readable(tmp_path, "r", 2_000)  # each one read back is checked exactly
    assert got < 2_000
    cache = Cache.open(tmp_path, notes)
    assert cache is not None  # moved aside and rebuilt, or still readable: usable either way
    cache.put("doi", "10.1/new", "found", {"record": {}})
    cache.close()
    again = Cache.open(tmp_path, [])
    assert again is not None and again.get("doi", "10.1/new") is not None
    again.close()


def test_damaged_row_is_a_miss_not_a_record(tmp_path: Path) -> None:
    _fill(tmp_path, "r", 3)
    conn = sqlite3.connect(tmp_path / FILENAME)
    conn.execute("UPDATE entries SET body = '{not json' WHERE key = '10.1/r-1'")
    conn.execute("UPDATE entries SET body = '[1, 2]' WHERE key = '10.1/r-2'")
    conn.commit()
    conn.close()
    cache = Cache.open(tmp_path, [])
    assert cache is not None
    assert cache.get("doi", "10.1/r-0") is not None
    assert cache.get("doi", "10.1/r-1") is None and cache.get("doi", "10.1/r-2") is None
    cache.close()


def _writer(folder: str, name: str) -> None:
    cache = Cache.open(Path(folder), [])
    assert cache is not None
    for i in range(60):
        cache.put("doi", f"10.1/{name}-{i}", "found", {"record": {"i": i}})
        if i % 3 == 2:
            cache.flush()
        cache.get("doi", f"10.1/other-{i}")
    cache.close()
    os._exit(0 if cache.write_failed is None else 1)


def test_four_processes_read_and_write_at_once(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), n)) for n in "abcd"]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    for name in "abcd":
        assert _readable(tmp_path, name, 60) == 60
