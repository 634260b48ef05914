"""The registry cache: one SQLite file of raw answers, shared by concurrent processes.

Design choices:

* Raw records, not verdicts: a new check (or a fixed rule) works on an old cache.
* Only definite answers are stored (found, not found, search hits); ``Unavailable``
  never is, so a network hiccup cannot become a lasting finding.
* Rollback journal (``journal_mode=DELETE``), not WAL: a manuscript repository may
  commit its cache folder for offline CI, and WAL keeps recent writes in side files
  (``-wal``/``-shm``) that are easily left out of a commit and do not work on network
  file systems. With a rollback journal the one ``.sqlite3`` file is complete after
  every transaction. Concurrent processes are serialised by ``busy_timeout`` and
  short ``BEGIN IMMEDIATE`` write transactions; readers never block for long.
* JSON bodies are written with sorted keys and whole-second timestamps so an
  unchanged answer re-fetched writes the same bytes.
* A file SQLite cannot read is moved aside (``*.corrupt-N``) and rebuilt; a file
  made by a newer citecheck (higher ``user_version``) is left alone and not used.
* A read-only cache (a committed folder on a read-only checkout) is still read.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from citecheck.store.sqlite_file import NewerSchema, open_versioned

FILENAME = "registry-cache.sqlite3"
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    kind TEXT NOT NULL,      -- "doi" or "search"
    key TEXT NOT NULL,       -- lower-case DOI, or the search text
    status TEXT NOT NULL,    -- "found" or "not_found"
    body TEXT NOT NULL,      -- JSON
    fetched INTEGER NOT NULL, -- unix seconds
    PRIMARY KEY (kind, key)
) WITHOUT ROWID
"""


@dataclass(frozen=True)
class Entry:
    """One cached answer and its age in seconds."""

    status: str
    body: dict[str, Any]
    age: float


def default_dir(configured: str | None) -> Path:
    """The cache folder: ``--cache-dir`` / ``CITECHECK_CACHE_DIR`` or the user cache dir."""
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_cache_dir("citecheck", appauthor=False))


class Cache:
    """A handle on the cache file; use :meth:`open` to get one."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, writable: bool) -> None:
        self.conn = conn
        self.path = path
        self.writable = writable
        self._pending: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.write_failed: str | None = None

    @classmethod
    def open(cls, directory: Path, notes: list[str]) -> Cache | None:
        """Open (creating if needed) the cache in ``directory``; None when unusable.

        Problems are explained in ``notes``; they never stop a run.
        """
        path = directory / FILENAME
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        for _try in range(2):
            try:
                return cls._connect(path)
            except NewerSchema:
                notes.append(f"cache {path} was written by a newer citecheck; not using it")
                return None
            except sqlite3.DatabaseError as exc:
                if not path.exists() or not _corrupt(exc) or _try:
                    notes.append(f"cache {path} cannot be used ({exc}); running without it")
                    return None
                aside = _move_aside(path)
                notes.append(
                    f"cache {path} was unreadable ({exc}); moved aside to {aside.name} and rebuilt"
                )
        return None

    @classmethod
    def _connect(cls, path: Path) -> Cache:
        conn, writable = open_versioned(
            path,
            schema=_SCHEMA,
            version=SCHEMA_VERSION,
            probe="SELECT count(*) FROM entries",
            integrity=True,
        )
        return cls(conn, path, writable=writable)

    def get(self, kind: str, key: str) -> Entry | None:
        """The cached answer for ``(kind, key)``, however old; None if absent or unreadable."""
        try:
            row = self.conn.execute(
                "SELECT status, body, fetched FROM entries WHERE kind = ? AND key = ?", (kind, key)
            ).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None:
            return None
        try:
            body = json.loads(row[1])
        except ValueError:
            return None
        if not isinstance(body, dict):
            return None
        return Entry(status=row[0], body=body, age=max(0.0, time.time() - row[2]))

    def put(self, kind: str, key: str, status: str, body: dict[str, Any]) -> None:
        """Queue an answer for the next :meth:`flush`."""
        text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        self._pending[(kind, key)] = (status, text, int(time.time()))

    def flush(self) -> None:
        """Write queued answers in one short transaction (skipped, with a reason, if locked)."""
        if not self._pending or not self.writable:
            self._pending.clear()
            return
        rows = [(k, key, s, b, t) for (k, key), (s, b, t) in sorted(self._pending.items())]
        self._pending.clear()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.executemany(
                "INSERT OR REPLACE INTO entries (kind, key, status, body, fetched) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self.write_failed = str(exc)
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def stats(self) -> dict[str, Any]:
        """Counts per kind and status, the file size and the age range (for ``cache info``)."""
        counts = {
            f"{kind}/{status}": n
            for kind, status, n in self.conn.execute(
                "SELECT kind, status, count(*) FROM entries GROUP BY kind, status ORDER BY 1, 2"
            )
        }
        oldest, newest = self.conn.execute(
            "SELECT min(fetched), max(fetched) FROM entries"
        ).fetchone()
        return {
            "path": str(self.path),
            "bytes": self.path.stat().st_size if self.path.exists() else 0,
            "entries": counts,
            "oldest": oldest,
            "newest": newest,
        }

    def clear(self) -> int:
        """Delete every entry and shrink the file; returns how many were deleted."""
        self.conn.execute("BEGIN IMMEDIATE")
        n = self.conn.execute("DELETE FROM entries").rowcount
        self.conn.execute("COMMIT")
        self.conn.execute("VACUUM")
        return int(n)

    def close(self) -> None:
        """Write what is queued and close the file."""
        try:
            self.flush()
        finally:
            self.conn.close()


def _corrupt(exc: sqlite3.DatabaseError) -> bool:
    # Only damage moves a file aside; "locked" or "readonly" are someone else's business.
    text = str(exc).lower()
    return any(w in text for w in ("not a database", "malformed", "integrity check", "corrupt"))


def _move_aside(path: Path) -> Path:
    n = 1
    while (aside := path.with_name(f"{path.name}.corrupt-{n}")).exists():
        n += 1
    try:
        os.replace(path, aside)
        for side in ("-journal", "-wal", "-shm"):
            extra = path.with_name(path.name + side)
            if extra.exists():
                extra.unlink()
    except OSError:
        pass
    return aside
