"""A local registry snapshot: one SQLite file of registry records, asked before the network.

The resolver consults a :class:`LocalRecords` layer (this module's :class:`Snapshot`
is the one implementation) before the cache and the network:

* ``work(doi)``: the stored answer for a DOI, or None when the snapshot does not hold
  it (the resolver then goes on to the cache and the network, as without a snapshot);
* ``search(text)``: stored hits for a reference string, or None when the snapshot
  cannot answer it.

Searches are answered only where an answer cannot be a false finding: a search the
cache recorded (same text, replayed exactly), or a full-text search of a snapshot
built from the *whole* Crossref public data file (``--complete``). A partial snapshot
(a sample, a subject slice) would make every reference outside it look unverifiable,
so its full-text index is never used to answer a search.

The file is built by :mod:`citecheck.registry.snapshot_build`; a file that is not a
snapshot, was not finished, or is damaged is a :class:`SnapshotError` (exit 2):
the user asked for a reproducible run and must not silently get a network one.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
import zlib
from pathlib import Path
from typing import Any, Protocol

from citecheck.model.errors import InputError

APPLICATION_ID = 0x43435331  # "CCS1": tells a snapshot from any other SQLite file
SCHEMA_VERSION = 1
SEARCH_ROWS = 5
MAX_TERMS = 24
RARE_TERMS = 6  # search on the rarest words only: short posting lists
RARE_BUDGET = 5000  # records matched by the chosen words, beyond the three rarest
# Words too common in reference strings to say anything about the work; dropping
# them keeps full-text queries from walking posting lists of most of the index.
_STOP = frozenset(
    """and the for with from into that this are was were has have been its our their
    not but via von der die und des les une pour dans del los las por con dan yang
    untuk dari pada dengan dalam journal vol pp doi http https www org com jurnal""".split()
)
_WORD = re.compile(r"[^\W_]{3,}", re.UNICODE)


class SnapshotError(InputError):
    """The snapshot file cannot be used (not a snapshot, unfinished, newer, damaged)."""


class LocalRecords(Protocol):
    """What the resolver asks a local store before the cache and the network."""

    label: str

    def work(self, doi: str) -> dict[str, Any] | None:
        """``{"status": "found"|"not_found", ...}`` for ``doi`` (cache-entry body shape:
        ``record``/``source``/``agency`` or ``sources``/``evidence``), None if not held."""

    def search(self, text: str) -> list[dict[str, Any]] | None:
        """Hit records for a reference string, best first; None when not answerable."""


def pack(value: Any) -> bytes:
    """JSON, compressed: records are ~3x smaller and decompress in microseconds."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def unpack(blob: bytes) -> Any:
    """The value :func:`pack` stored."""
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def search_terms(text: str) -> list[str]:
    """The distinct words of a reference string that may say which work it is,
    folded as the index folds them (case, diacritics), stop words and numbers left out."""
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch)
    )
    seen: dict[str, None] = {}
    for word in _WORD.findall(folded):
        if word not in _STOP and not word.isdigit():
            seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]


def fts_query(terms: list[str]) -> str:
    """An FTS5 ``OR`` query of ``terms`` (ranked by bm25: records with more of the
    rarer terms come first)."""
    return " OR ".join('"' + t.replace('"', "") + '"' for t in terms)


class Snapshot:
    """A read-only handle on a snapshot file; use :meth:`open`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, meta: dict[str, str]) -> None:
        self.conn = conn
        self.path = path
        self.meta = meta
        self.complete = meta.get("coverage") == "complete"
        self.label = f"snapshot {path.name}"

    @classmethod
    def open(cls, path: Path) -> Snapshot:
        """Open ``path`` read-only and check it is a finished snapshot this version reads."""
        if not path.is_file():
            raise SnapshotError(f"snapshot {path} does not exist")
        try:
            # Read-only; the resolver may run in a helper thread (inside a running event loop).
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise SnapshotError(f"snapshot {path} cannot be opened ({exc})") from exc
        try:
            meta = _read_meta(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, meta)

    def close(self) -> None:
        """Close the file."""
        self.conn.close()

    def _fail(self, exc: sqlite3.Error) -> SnapshotError:
        return SnapshotError(f"snapshot {self.path} is damaged ({exc}); rebuild it")

    def work(self, doi: str) -> dict[str, Any] | None:
        """The stored answer for ``doi`` (lower-case, normalised), None if not held."""
        try:
            row = self.conn.execute(
                "SELECT status, body FROM works WHERE doi = ?", (doi.lower(),)
            ).fetchone()
            if row is None:
                return None
            body = unpack(row[1])
        except (sqlite3.Error, zlib.error, ValueError) as exc:
            raise self._fail(exc if isinstance(exc, sqlite3.Error) else sqlite3.Error(exc)) from exc
        if not isinstance(body, dict):
            raise self._fail(sqlite3.Error(f"record of {doi} is not an object"))
        return {"status": row[0], **body}

    def search(self, text: str) -> list[dict[str, Any]] | None:
        """A recorded search with this exact text, else (complete snapshots only) the
        best full-text hits on title, authors and container."""
        try:
            row = self.conn.execute("SELECT body FROM searches WHERE query = ?", (text,)).fetchone()
            if row is not None:
                items = unpack(row[0])
                return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
            if not self.complete:
                return None
            terms = self._rarest(search_terms(text))
            if len(terms) < 2:
                return None
            query = fts_query(terms)
            rows = self.conn.execute(
                "SELECT w.body FROM fts JOIN works w ON w.id = fts.rowid "
                "WHERE fts MATCH ? ORDER BY fts.rank LIMIT ?",
                (query, SEARCH_ROWS),
            ).fetchall()
            out = []
            for (blob,) in rows:
                body = unpack(blob)
                if isinstance(body, dict) and isinstance(body.get("record"), dict):
                    out.append(body["record"])
            # No hit at all: ask the registry (offline: not checked) rather than report
            # "the search returned nothing" on the strength of our simpler search.
            return out or None
        except (sqlite3.Error, zlib.error, ValueError) as exc:
            raise self._fail(exc if isinstance(exc, sqlite3.Error) else sqlite3.Error(exc)) from exc

    def _rarest(self, terms: list[str]) -> list[str]:
        """The terms held by the fewest records: up to ``RARE_TERMS``, and beyond the
        first three only while their records add up to at most ``RARE_BUDGET`` (every
        matching record is ranked, so common words cost time and add little).
        Terms no record holds are left out."""
        counted = []
        for term in terms:
            row = self.conn.execute("SELECT docs FROM terms WHERE term = ?", (term,)).fetchone()
            if row is not None and row[0] > 0:
                counted.append((row[0], term))
        chosen: list[str] = []
        total = 0
        for docs, term in sorted(counted)[:RARE_TERMS]:
            if len(chosen) >= 3 and total + docs > RARE_BUDGET:
                break
            chosen.append(term)
            total += docs
        return chosen

    def stats(self) -> dict[str, Any]:
        """What the snapshot holds (for ``snapshot info``)."""
        works = dict(self.conn.execute("SELECT status, count(*) FROM works GROUP BY status"))
        searches = self.conn.execute("SELECT count(*) FROM searches").fetchone()[0]
        return {
            "path": str(self.path),
            "bytes": self.path.stat().st_size,
            **{k: v for k, v in sorted(self.meta.items()) if k != "state"},
            "by_status": works,
            "searches": searches,
        }


def _read_meta(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    try:
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            raise SnapshotError(f"{path} is not a citecheck snapshot ({exc})") from exc
        raise SnapshotError(f"snapshot {path} is damaged ({exc}); copy or rebuild it") from exc
    if app != APPLICATION_ID:
        raise SnapshotError(
            f"{path} is not a citecheck snapshot (build one with 'citecheck snapshot build')"
        )
    if version > SCHEMA_VERSION:
        raise SnapshotError(f"snapshot {path} was built by a newer citecheck; rebuild it")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    if pages * size != path.stat().st_size:
        raise SnapshotError(
            f"snapshot {path} is truncated or damaged ({path.stat().st_size} bytes, "
            f"expected {pages * size}); copy or rebuild it"
        )
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        conn.execute("SELECT count(*) FROM searches").fetchone()
        conn.execute("SELECT doi FROM works LIMIT 1").fetchone()
        conn.execute("SELECT docs FROM terms LIMIT 1").fetchone()
    except sqlite3.DatabaseError as exc:
        raise SnapshotError(f"snapshot {path} is damaged ({exc}); rebuild it") from exc
    if meta.get("state") != "finished":
        raise SnapshotError(f"snapshot {path} is incomplete (its build did not finish); rebuild it")
    return meta
