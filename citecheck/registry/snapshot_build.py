"""Building a registry snapshot (:mod:`citecheck.registry.snapshot`).

Two sources:

* a Crossref metadata dump: gzipped (or plain) JSON files as Crossref distributes its
  public data file -- one work per line (JSON lines), or one ``{"items": [...]}``
  object per file -- given as files, folders of them, or a ``.tar`` archive;
* the registry cache: every definite answer citecheck has fetched (records, DOIs
  registered nowhere, and searches, replayed exactly), for offline, reproducible CI.

The build streams: records go to SQLite in batches, so memory does not grow with
the dump (one file of the old ``items`` format is read whole; Crossref cuts those
at a few thousand works). It writes a temporary file next to ``--out`` and renames
it over ``--out`` only when everything went in; an interrupted or failed build
leaves no snapshot behind, and a reader never sees a half-built one.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import sqlite3
import tarfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from citecheck.registry.crossref import slim
from citecheck.registry.snapshot import APPLICATION_ID, SCHEMA_VERSION, SnapshotError, pack
from citecheck.text.doi import normalise_doi

BATCH = 2000
_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # status: "found" or "not_found"; body: packed {"record","source","agency"} or
    # {"sources","evidence"} -- the cache's entry bodies, so both read the same way.
    "CREATE TABLE works (id INTEGER PRIMARY KEY, doi TEXT NOT NULL UNIQUE, "
    "status TEXT NOT NULL, body BLOB NOT NULL)",
    "CREATE TABLE searches (query TEXT PRIMARY KEY, body BLOB NOT NULL) WITHOUT ROWID",
    # Contentless: the words are indexed, the text lives (once) in works.body.
    "CREATE VIRTUAL TABLE fts USING fts5(title, author, container, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
)


@dataclass
class BuildStats:
    """What a build read and stored."""

    works: int = 0
    duplicates: int = 0
    skipped: int = 0  # objects that are not works (no DOI)
    searches: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


Progress = Callable[[int], None]


def build_from_dump(
    sources: Iterable[Path],
    out: Path,
    *,
    complete: bool = False,
    progress: Progress | None = None,
) -> BuildStats:
    """Build ``out`` from Crossref dump files; ``complete``: the dump is all of Crossref."""
    sources = list(sources)
    with _Builder(out, progress) as builder:
        for work in iter_works(sources):
            builder.add_work(work)
        builder.finish(
            {
                "source": "crossref-dump",
                "inputs": ", ".join(p.name for p in sources),
                "coverage": "complete" if complete else "partial",
            }
        )
    return builder.stats


def build_from_cache(
    cache_file: Path, out: Path, *, progress: Progress | None = None
) -> BuildStats:
    """Build ``out`` from the answers in a registry cache file (read-only)."""
    try:
        conn = sqlite3.connect(f"{cache_file.resolve().as_uri()}?mode=ro", uri=True)
        # Streamed row by row: a large cache is not read into memory at once.
        rows = conn.execute("SELECT kind, key, status, body FROM entries ORDER BY kind, key")
    except sqlite3.Error as exc:
        raise SnapshotError(f"cache {cache_file} cannot be read ({exc})") from exc
    with _Builder(out, progress) as builder, contextlib.closing(conn):
        try:
            for kind, key, status, text in rows:
                try:
                    body = json.loads(text)
                except ValueError:
                    builder.stats.skipped += 1
                    continue
                if not isinstance(body, dict):
                    builder.stats.skipped += 1
                elif kind == "doi" and status in ("found", "not_found"):
                    builder.add_answer(key, status, body)
                elif kind == "search" and isinstance(body.get("items"), list):
                    builder.add_search(key, body["items"])
        except sqlite3.Error as exc:
            raise SnapshotError(f"cache {cache_file} cannot be read ({exc})") from exc
        builder.finish(
            {"source": "registry-cache", "inputs": cache_file.name, "coverage": "partial"}
        )
    return builder.stats


class _Builder:
    """One build into a temporary file that replaces ``out`` at :meth:`finish`."""

    def __init__(self, out: Path, progress: Progress | None) -> None:
        self.out = out
        self.progress = progress
        self.tmp = out.with_name(f".{out.name}.building-{os.getpid()}")
        self.stats = BuildStats()
        self._works: list[tuple[str, str, bytes, tuple[str, str, str] | None]] = []
        self._started = time.perf_counter()
        self.conn: sqlite3.Connection | None = None

    def __enter__(self) -> _Builder:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(self.tmp, isolation_level=None)
        # No journal: the file is private until the rename, and a failed build is deleted.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB page cache, whatever the dump
        conn.execute("BEGIN")
        for statement in _SCHEMA:
            conn.execute(statement)
        self.conn = conn
        return self

    def __exit__(self, *exc: object) -> None:
        if self.conn is not None:
            self.conn.close()
        self.tmp.unlink(missing_ok=True)  # after a successful finish it is already renamed

    def add_work(self, work: dict[str, Any]) -> None:
        doi = normalise_doi(work.get("DOI")) if isinstance(work.get("DOI"), str) else None
        if doi is None:
            self.stats.skipped += 1
            return
        record = slim(work)
        body = pack({"record": record, "source": "crossref", "agency": "crossref"})
        self._works.append((doi, "found", body, index_fields(record)))
        if len(self._works) >= BATCH:
            self._flush()

    def add_answer(self, doi: str, status: str, body: dict[str, Any]) -> None:
        record = body.get("record") if status == "found" else None
        fields = index_fields(record) if isinstance(record, dict) else None
        self._works.append((doi.lower(), status, pack(body), fields))
        if len(self._works) >= BATCH:
            self._flush()

    def add_search(self, query: str, items: list[Any]) -> None:
        assert self.conn is not None
        self.conn.execute(
            "INSERT OR REPLACE INTO searches (query, body) VALUES (?, ?)", (query, pack(items))
        )
        self.stats.searches += 1

    def _flush(self) -> None:
        assert self.conn is not None
        conn = self.conn
        for doi, status, body, fields in self._works:
            cur = conn.execute(
                "INSERT OR IGNORE INTO works (doi, status, body) VALUES (?, ?, ?)",
                (doi, status, body),
            )
            if not cur.rowcount:
                self.stats.duplicates += 1  # the first record of a DOI is kept
                continue
            self.stats.works += 1
            if fields is not None:
                conn.execute(
                    "INSERT INTO fts (rowid, title, author, container) VALUES (?, ?, ?, ?)",
                    (cur.lastrowid, *fields),
                )
        self._works.clear()
        if self.progress is not None:
            self.progress(self.stats.works)

    def finish(self, meta: dict[str, str]) -> None:
        """Index, mark finished, and move the file into place."""
        assert self.conn is not None
        self._flush()
        conn = self.conn
        conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")
        add_term_counts(conn)
        meta = {
            **meta,
            "works": str(self.stats.works),
            "searches": str(self.stats.searches),
            "schema": str(SCHEMA_VERSION),
            "state": "finished",
        }
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(meta.items()))
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
        conn.close()
        self.conn = None
        with open(self.tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(self.tmp, self.out)
        self.stats.seconds = time.perf_counter() - self._started


def add_term_counts(conn: sqlite3.Connection) -> None:
    """Store how many records hold each indexed word, in one pass over the index.

    Searches pick a reference's rarest words; counting a word's records through
    ``fts5vocab`` walks its whole posting list (milliseconds for a common word), a
    row of this table is one B-tree seek.
    """
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, fts, 'row')")
    conn.execute("CREATE TABLE terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID")
    conn.execute("INSERT INTO terms (term, docs) SELECT term, doc FROM temp.vocab")
    conn.execute("DROP TABLE temp.vocab")


def index_fields(record: dict[str, Any]) -> tuple[str, str, str]:
    """The words a bibliographic search matches: title, authors, container.

    Not the year: it is in every reference and in a fortieth of the records, so its
    posting list would be long and tell little; the validator compares years.
    """

    def texts(key: str) -> list[str]:
        value = record.get(key)
        if isinstance(value, str):
            return [value]
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    title = " ".join(texts("title") + texts("subtitle") + texts("original-title"))
    people: list[str] = []
    for person in record.get("author") or []:
        if isinstance(person, dict):
            people.extend(
                str(person[k])
                for k in ("family", "given", "name")
                if isinstance(person.get(k), str)
            )
    container = " ".join(texts("container-title") + texts("short-container-title"))
    return title, " ".join(people), container


# -- reading dumps -----------------------------------------------------------------------


def iter_works(sources: list[Path]) -> Iterator[dict[str, Any]]:
    """Every work object in the dump files, folders and tar archives, in file-name order."""
    for source in sources:
        if source.is_dir():
            files = sorted(p for p in source.rglob("*") if p.is_file() and _dumpish(p.name))
            if not files:
                raise SnapshotError(f"{source}: no .json, .jsonl or .gz files in this folder")
            for path in files:
                with path.open("rb") as raw:
                    yield from _works_in(raw, str(path))
        elif source.is_file() and _is_tar(source):
            with tarfile.open(source, "r:*") as archive:
                for member in archive:
                    if member.isfile() and _dumpish(member.name):
                        member_file = archive.extractfile(member)
                        if member_file is not None:
                            yield from _works_in(member_file, f"{source}:{member.name}")
        elif source.is_file():
            with source.open("rb") as raw:
                yield from _works_in(raw, str(source))
        else:
            raise SnapshotError(f"{source}: no such file or folder")


def _dumpish(name: str) -> bool:
    return name.endswith((".json", ".jsonl", ".json.gz", ".jsonl.gz", ".gz"))


def _is_tar(path: Path) -> bool:
    try:
        return tarfile.is_tarfile(path)
    except OSError:
        return False


def _works_in(raw: IO[bytes], where: str) -> Iterator[dict[str, Any]]:
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(cast(Any, raw))
    stream: Any = buffered
    if buffered.peek(2)[:2] == b"\x1f\x8b":  # gzip, whatever the file is called
        stream = gzip.GzipFile(fileobj=buffered)
    text = io.TextIOWrapper(stream, encoding="utf-8")
    try:
        first = text.readline()
        try:
            obj = json.loads(first) if first.strip() else None
        except ValueError:
            # Not JSON lines: one JSON document spread over lines (an ``items`` file).
            obj = json.loads(first + text.read())
            yield from _unwrap(obj)
            return
        yield from _unwrap(obj)
        for n, line in enumerate(text, start=2):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as exc:
                raise SnapshotError(f"{where}, line {n}: not JSON ({exc})") from exc
            yield from _unwrap(item)
    except (EOFError, gzip.BadGzipFile, OSError) as exc:
        raise SnapshotError(f"{where}: truncated or damaged file ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise SnapshotError(f"{where}: not UTF-8 text ({exc})") from exc
    except ValueError as exc:
        raise SnapshotError(f"{where}: not JSON ({exc})") from exc


def _unwrap(obj: Any) -> Iterator[dict[str, Any]]:
    """Works from a work, an ``{"items": [...]}`` file, or a REST API envelope."""
    if not isinstance(obj, dict):
        return
    if isinstance(obj.get("message"), dict):
        obj = obj["message"]
    items = obj.get("items")
    if isinstance(items, list):
        yield from (i for i in items if isinstance(i, dict))
    else:
        yield obj  # a work (one without a DOI is counted as skipped)
