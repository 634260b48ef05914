"""Batch screening on a Dask cluster: the run of ``citecheck check --dask-scheduler``.

::

    from distributed import Client
    import citecheck
    from citecheck.batch import check_on_dask

    report = check_on_dask(["/shared/submissions"], "tcp://scheduler:8786",
                           citecheck.Settings(snapshot="/local/crossref.sqlite3"))

Needs the optional extra: ``pip install 'citecheck-tool[dask]'`` (the ``distributed``
package), on this machine and on every worker. The workers load and judge whole
manuscripts (one topic model load per worker process); the registry stage runs here,
in the calling process, so the cache has one writer and the registry sees one client
with one rate budget. The report is the one ``--jobs`` gives for the same
manuscripts. Workers read the manuscripts at the paths this process names: put them
on storage every worker mounts at the same path. docs/scale.md has the set-up.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from citecheck.model.findings import Report
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import Progress

__all__ = ["check_on_dask"]


def check_on_dask(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    scheduler: str | Any,
    settings: Settings | None = None,
    *,
    root: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
) -> Report:
    """:func:`citecheck.check` with the per-manuscript work on a Dask cluster.

    ``scheduler`` is a scheduler address (``tcp://host:8786``) or a connected
    ``distributed.Client`` (for example one of a ``LocalCluster``). Raises
    :class:`~citecheck.model.errors.InputError` when ``distributed`` is not installed
    or the scheduler cannot be reached. A baseline named in ``settings.baseline``
    hides the findings it records, as in :func:`citecheck.check`.
    """
    from citecheck.pipeline.baseline import baseline_step
    from citecheck.pipeline.engine import check as run_check

    settings = settings or Settings()
    names = (
        (os.fspath(paths),)
        if isinstance(paths, str | os.PathLike)
        else tuple(os.fspath(p) for p in paths)
    )
    if names:
        settings = settings.model_copy(update={"paths": names})
    if isinstance(scheduler, str):
        settings = settings.model_copy(update={"dask_scheduler": scheduler})
        client = None
    else:
        client = scheduler
    report = run_check(
        settings, root=Path(root) if root is not None else None, progress=progress, dask=client
    )
    return baseline_step(report, settings.baseline, write=False)[0]
