"""Many manuscripts in one run: one report per manuscript and a summary table.

Editors screening a folder of submissions want a file per submission to send
back (``--output-dir``) and one table to triage from.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from citecheck.model.errors import InputError
from citecheck.model.findings import Report
from citecheck.pipeline.atomic import write_text_atomic

T = TypeVar("T")
R = TypeVar("R")


def worker_count(jobs: int, tasks: int) -> int:
    """Processes to use: ``jobs`` (0: the cores this process may run on), at most one a task."""
    if jobs <= 0:
        try:
            jobs = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            jobs = os.cpu_count() or 1
    return max(1, min(jobs, tasks))


@contextmanager
def workers(count: int) -> Iterator[Executor | None]:
    """A pool of ``count`` worker processes for one run (None: run in this process).

    Workers are forked where the platform allows (no re-import, the parent's
    configuration inherited); each keeps what it loads (the topic model) for every
    manuscript it is given.
    """
    if count <= 1:
        yield None
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        yield pool


DASK_HINT = "pip install 'citecheck-tool[dask]'"
DASK_CONNECT_SECONDS = 30.0  # how long to try reaching a scheduler before giving up


@contextmanager
def dask_workers(scheduler: str | Any) -> Iterator[Executor]:
    """The workers of a Dask cluster as an executor, for the same run as ``workers``.

    ``scheduler`` is a scheduler address (``tcp://host:8786``) or a connected
    ``distributed.Client``. Workers load and judge whole manuscripts (each keeps its
    topic model for every manuscript it is given); the registry stage stays in this
    process, so the cache has one writer and Crossref sees one client and one rate
    budget. Workers read the manuscripts at the paths this process names (shared
    storage) and need citecheck installed.
    """
    try:
        import distributed
    except ImportError as exc:
        raise InputError(
            f"running on a Dask cluster needs the distributed package: {DASK_HINT}"
        ) from exc
    if not isinstance(scheduler, str):
        yield scheduler.get_executor(pure=False)
        return
    connect: Any = distributed.Client  # untyped; a missing package is handled above
    try:
        client = connect(scheduler, timeout=DASK_CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    with client:
        executor: Executor = client.get_executor(pure=False)
        yield executor


def ordered_map(pool: Executor | None, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``fn`` over ``items`` in the pool (or here), results in the order of ``items``."""
    if pool is None:
        return [fn(item) for item in items]
    return list(pool.map(fn, items, chunksize=max(1, len(items) // 32)))


EXTENSIONS = {
    "text": "txt",
    "json": "json",
    "sarif": "sarif",
    "github": "txt",
    "junit": "xml",
    "markdown": "md",
    "html": "html",
}


def split_by_manuscript(report: Report) -> list[Report]:
    """One report per manuscript, with its own findings, counts and document."""
    out: list[Report] = []
    for path in report.files:
        doc = next((d for d in report.documents if getattr(d, "path", None) == path), None)
        own = {path, *(getattr(doc, "reference_files", ()) if doc is not None else ())}
        summary = next((s for s in report.per_file if s.path == path), None)
        k = report.documents.index(doc) if doc is not None else -1
        out.append(
            report.model_copy(
                update={
                    "files": (path,),
                    "findings": tuple(
                        f for f in report.findings if f.location and f.location.path in own
                    ),
                    "citations": summary.citations if summary else 0,
                    "references": summary.references if summary else 0,
                    "skipped_checks": tuple(
                        s for s in report.skipped_checks if s.path in (None, path)
                    ),
                    "per_file": (summary,) if summary else (),
                    "notes": tuple(
                        n for n in report.notes if not _other_file_note(n, path, report.files)
                    ),
                    "documents": (doc,) if doc is not None else (),
                    "links": (report.links[k],) if 0 <= k < len(report.links) else (),
                }
            )
        )
    return out


def _other_file_note(note: str, path: str, files: tuple[str, ...]) -> bool:
    """Notes start with the manuscript they are about; keep those and general ones."""
    return any(note.startswith(f + ":") for f in files if f != path)


def report_name(path: str, fmt: str, taken: set[str]) -> str:
    """A file name for a manuscript's report: its path flattened, unique in ``taken``."""
    parts = [p for p in PurePosixPath(path).with_suffix("").parts if p not in ("/", ".", "..")]
    stem = re.sub(r"[^\w.-]+", "_", "_".join(parts)).strip("_.") or "report"
    name = f"{stem}.{EXTENSIONS.get(fmt, 'txt')}"
    n = 2
    while name in taken:
        name = f"{stem}-{n}.{EXTENSIONS.get(fmt, 'txt')}"
        n += 1
    taken.add(name)
    return name


def write_reports(
    report: Report, out_dir: Path, fmt: str, render: Callable[[Report], str]
) -> list[Path]:
    """Write one report per manuscript into ``out_dir``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    written = []
    for part in split_by_manuscript(report):
        target = out_dir / report_name(part.files[0], fmt, taken)
        write_text_atomic(target, render(part))
        written.append(target)
    return written


def summary_table(report: Report) -> str:
    """A plain-text table: manuscript, citations, references, errors, warnings, info."""
    head = ("manuscript", "citations", "references", "errors", "warnings", "info")
    rows = [
        (s.path, str(s.citations), str(s.references), str(s.errors), str(s.warnings), str(s.infos))
        for s in report.per_file
    ]
    total = (
        f"total ({len(rows)})",
        str(sum(s.citations for s in report.per_file)),
        str(sum(s.references for s in report.per_file)),
        str(sum(s.errors for s in report.per_file)),
        str(sum(s.warnings for s in report.per_file)),
        str(sum(s.infos for s in report.per_file)),
    )
    table = [head, *rows, total]
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]

    def line(r: tuple[str, ...]) -> str:
        return "  ".join(
            [r[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True))]
        )

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(head), rule, *(line(r) for r in rows), rule, line(total)]) + "\n"
