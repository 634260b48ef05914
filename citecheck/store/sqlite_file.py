"""Our SQLite files (the registry cache, the topic vector cache).

A file is opened read-write when it and its folder are writable (the rollback journal
is created next to it), else read-only; its schema is created or upgraded by its
``user_version``, and a file written by a newer citecheck is refused.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


class NewerSchema(Exception):
    """The file was written by a newer citecheck (a higher ``user_version``)."""


def open_versioned(
    path: Path, *, schema: str, version: int, probe: str, integrity: bool = False
) -> tuple[sqlite3.Connection, bool]:
    """``(connection, writable)`` for ``path``, its schema at ``version``.

    ``probe`` is a query that must run on a usable file; ``integrity`` adds SQLite's
    quick check. Raises :class:`NewerSchema`, or :class:`sqlite3.DatabaseError` for a
    file that cannot be used (the caller decides whether to rebuild it).
    """
    writable = os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))
    if writable:
        conn = sqlite3.connect(path, timeout=10.0, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA journal_mode = DELETE")
    elif path.exists():
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0, isolation_level=None
        )
        conn.execute("PRAGMA busy_timeout = 10000")
    else:
        raise sqlite3.OperationalError("folder is not writable")
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found > version:
            raise NewerSchema
        if integrity:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
        if writable and found < version:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(schema)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        conn.execute(probe).fetchone()
    except BaseException:
        conn.close()
        raise
    return conn, writable
