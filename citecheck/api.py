"""The Python API: check manuscripts or read one file, as the command line does.

::

    import citecheck

    report = citecheck.check(["paper.md"], citecheck.Settings(offline=True))
    for finding in report.findings:
        print(finding.rule, finding.location, finding.message)

Nothing here prints or exits: problems the caller must fix raise
:class:`~citecheck.model.errors.CitecheckError` (``InputError``, ``ConfigError``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from citecheck.model.findings import Report
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import Progress
from citecheck.pipeline.extract import Parsed, extract

PathArg = str | os.PathLike[str]

__all__ = ["Parsed", "PathArg", "check", "parse", "run"]


def _names(paths: PathArg | Iterable[PathArg]) -> tuple[str, ...]:
    if isinstance(paths, str | os.PathLike):
        return (os.fspath(paths),)
    return tuple(os.fspath(p) for p in paths)


def check(
    paths: PathArg | Iterable[PathArg] = (),
    settings: Settings | None = None,
    *,
    root: PathArg | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check manuscripts (files or folders) and return the report.

    ``paths`` replace ``settings.paths`` when given; relative paths, ``references``
    and the default ``manuscripts/`` folder are read from ``root`` (default: the
    current folder). ``settings`` defaults to :class:`Settings` ``()``; no
    configuration file or environment variable is read (the command line reads them,
    through :func:`citecheck.pipeline.config.build_settings`). A baseline named in
    ``settings.baseline`` hides the findings it records, as ``citecheck check`` does.
    """
    report, _message = run(paths, settings, root=root, progress=progress)
    return report


def run(
    paths: PathArg | Iterable[PathArg] = (),
    settings: Settings | None = None,
    *,
    root: PathArg | None = None,
    progress: Progress | None = None,
    write_baseline: bool = False,
) -> tuple[Report, str | None]:
    """:func:`check`, with ``write_baseline`` (record every finding in
    ``settings.baseline``; the report keeps them all); also returns a message for people."""
    from citecheck.pipeline.baseline import baseline_step
    from citecheck.pipeline.engine import check as run_check

    settings = settings or Settings()
    names = _names(paths)
    if names:
        settings = settings.model_copy(update={"paths": names})
    report = run_check(settings, root=Path(root) if root is not None else None, progress=progress)
    return baseline_step(report, settings.baseline, write=write_baseline)


def parse(path: PathArg, *, references_only: bool = False) -> Parsed:
    """The citations and references read from one manuscript or reference file.

    With ``references_only``, ``path`` is read as a plain list of reference strings,
    one per line. ``Parsed.to_json()`` is the ``citecheck parse`` JSON.
    """
    return extract(Path(path), references_only=references_only)
