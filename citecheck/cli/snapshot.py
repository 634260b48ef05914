"""``citecheck snapshot build|info``: a local registry snapshot for offline, reproducible runs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from citecheck.cli._shared import fail, settings_from


@click.group("snapshot")
def snapshot_group() -> None:
    """Build or inspect a local registry snapshot (asked before the network with --snapshot)."""


@snapshot_group.command("build")
@click.argument("dump", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--out", "-o", required=True, type=click.Path(dir_okay=False), help="The snapshot file."
)
@click.option(
    "--from-cache",
    is_flag=True,
    help="Build from the registry cache (every answer fetched so far) instead of a dump.",
)
@click.option(
    "--cache-dir", type=click.Path(file_okay=False), help="Cache folder (or CITECHECK_CACHE_DIR)."
)
@click.option(
    "--complete",
    is_flag=True,
    help="The dump is the whole Crossref public data file: answer bibliographic searches "
    "from it too (a partial dump answers DOI look-ups only).",
)
def snapshot_build(
    dump: tuple[str, ...], out: str, from_cache: bool, cache_dir: str | None, complete: bool
) -> None:
    """Build a snapshot from Crossref dump files (gzipped JSON lines, ``items`` files,
    folders or .tar archives of them) or from the registry cache.

    The snapshot is written to a temporary file and renamed over OUT when complete.
    """
    from citecheck.model.errors import CitecheckError
    from citecheck.registry.cache import FILENAME, default_dir
    from citecheck.registry.snapshot_build import build_from_cache, build_from_dump

    if bool(dump) == from_cache:
        fail("give either DUMP files/folders or --from-cache")
    progress = None
    if sys.stderr.isatty():

        def progress(n: int) -> None:
            click.echo(f"\rsnapshot: {n} works", err=True, nl=False)

    try:
        if from_cache:
            if complete:
                fail("--complete describes a full Crossref dump, not a cache")
            folder = default_dir(settings_from({"cache_dir": cache_dir}).cache_dir)
            if not (folder / FILENAME).is_file():
                fail(f"no registry cache in {folder}")
            stats = build_from_cache(folder / FILENAME, Path(out), progress=progress)
        else:
            stats = build_from_dump(
                [Path(d) for d in dump], Path(out), complete=complete, progress=progress
            )
    except CitecheckError as exc:
        if progress is not None:
            click.echo("", err=True)
        fail(str(exc), exc.exit_code)
        return
    if progress is not None:
        click.echo("", err=True)
    rate = stats.works / stats.seconds if stats.seconds else 0.0
    click.echo(
        f"wrote {out}: {stats.works} works, {stats.searches} searches "
        f"({stats.duplicates} duplicate DOIs kept once, {stats.skipped} objects without a DOI "
        f"skipped) in {stats.seconds:.1f} s ({rate:,.0f} works/s)"
    )


@snapshot_group.command("info")
@click.argument("file", type=click.Path(dir_okay=False))
def snapshot_info(file: str) -> None:
    """What a snapshot holds, and whether it can be used."""
    from citecheck.registry.snapshot import Snapshot, SnapshotError

    try:
        snap = Snapshot.open(Path(file))
    except SnapshotError as exc:
        fail(str(exc), exc.exit_code)
        return
    stats = snap.stats()
    snap.close()
    works = stats.pop("by_status")
    for key, value in stats.items():
        click.echo(f"{key}: {value}")
    for status, n in sorted(works.items()):
        click.echo(f"works/{status}: {n}")
