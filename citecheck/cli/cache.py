"""``citecheck cache info|clear``: the registry cache and the off-topic check's vectors."""

from __future__ import annotations

from typing import Any

import click

from citecheck.cli._shared import fail, settings_from


@click.group("cache")
def cache_group() -> None:
    """Inspect or clear the registry cache (Crossref and doi.org answers)."""


def _open_cache(cache_dir: str | None) -> Any:
    from citecheck.model.errors import CitecheckError
    from citecheck.registry.cache import Cache, default_dir

    try:
        settings = settings_from({"cache_dir": cache_dir})
    except CitecheckError as exc:
        fail(str(exc), exc.exit_code)
    notes: list[str] = []
    folder = default_dir(settings.cache_dir)
    cache = Cache.open(folder, notes) if folder.is_dir() else None
    for note in notes:
        click.echo(f"citecheck: {note}", err=True)
    return cache, folder


def _vectors(folder: Any) -> Any:
    """The off-topic check's vector file in ``folder``, when there is one."""
    from citecheck.topic.cache import FILENAME, VectorCache

    if not (folder / FILENAME).is_file():
        return None
    notes: list[str] = []
    vectors = VectorCache.open(folder, notes)
    for note in notes:
        click.echo(f"citecheck: {note}", err=True)
    return vectors


@cache_group.command("info")
@click.option(
    "--cache-dir", type=click.Path(file_okay=False), help="Cache folder (or CITECHECK_CACHE_DIR)."
)
def cache_info(cache_dir: str | None) -> None:
    """Where the cache is, how big, and what it holds."""
    cache, folder = _open_cache(cache_dir)
    vectors = _vectors(folder)
    if vectors is not None:
        click.echo(f"topic vectors: {vectors.count()} in {vectors.path}")
        vectors.close()
    if cache is None:
        click.echo(f"no cache in {folder}")
        return
    stats = cache.stats()
    cache.close()
    click.echo(f"path: {stats['path']}\nsize: {stats['bytes']} bytes")
    for kind, n in stats["entries"].items():
        click.echo(f"{kind}: {n}")


@cache_group.command("path")
@click.option(
    "--cache-dir", type=click.Path(file_okay=False), help="Cache folder (or CITECHECK_CACHE_DIR)."
)
def cache_path(cache_dir: str | None) -> None:
    """Print the cache folder that check would use (for scripts, e.g. CI caches)."""
    from citecheck.model.errors import CitecheckError
    from citecheck.registry.cache import default_dir

    try:
        settings = settings_from({"cache_dir": cache_dir})
    except CitecheckError as exc:
        fail(str(exc), exc.exit_code)
    click.echo(str(default_dir(settings.cache_dir)))


@cache_group.command("clear")
@click.option(
    "--cache-dir", type=click.Path(file_okay=False), help="Cache folder (or CITECHECK_CACHE_DIR)."
)
def cache_clear(cache_dir: str | None) -> None:
    """Delete every cached answer (and the off-topic check's vectors)."""
    cache, folder = _open_cache(cache_dir)
    vectors = _vectors(folder)
    if vectors is not None:
        click.echo(f"removed {vectors.clear()} topic vectors from {vectors.path}")
        vectors.close()
    if cache is None:
        click.echo(f"no cache in {folder}")
        return
    n = cache.clear()
    cache.close()
    click.echo(f"removed {n} cached answers from {cache.path}")
