"""What every command shares: exit codes, the error line, options -> settings."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from citecheck.model.settings import Settings

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_SKIPPED = 0, 1, 2, 3, 4
F = TypeVar("F", bound=Callable[..., Any])

# The registry options every command that asks registries takes (check, fix): one
# definition, so a registry added here reaches every command. Each is a flag over its
# CITECHECK_* variable and configuration key (pipeline/config.py); API keys are not
# flags (a command line is visible to other users of the machine).
_REGISTRY_OPTIONS = (
    click.option(
        "--mailto", help="Contact e-mail for Crossref's polite pool (or CITECHECK_MAILTO)."
    ),
    click.option("--crossref-url", help="Crossref API base URL (or CITECHECK_CROSSREF_URL)."),
    click.option("--doi-url", help="DOI resolver base URL (or CITECHECK_DOI_URL)."),
    click.option("--arxiv-url", help="arXiv API base URL (or CITECHECK_ARXIV_URL)."),
    click.option("--pubmed-url", help="NCBI E-utilities base URL (or CITECHECK_PUBMED_URL)."),
    click.option("--openalex-url", help="OpenAlex API base URL (or CITECHECK_OPENALEX_URL)."),
    click.option("--datacite-url", help="DataCite REST API base URL (or CITECHECK_DATACITE_URL)."),
    click.option("--dblp-url", help="DBLP base URL (or CITECHECK_DBLP_URL)."),
    click.option(
        "--cache-dir",
        type=click.Path(file_okay=False),
        help="Cache folder (or CITECHECK_CACHE_DIR).",
    ),
    click.option(
        "--no-cache", is_flag=True, default=None, help="Neither read nor write the cache."
    ),
    click.option(
        "--refresh", is_flag=True, default=None, help="Ignore cached records and ask again."
    ),
    click.option(
        "--snapshot",
        type=click.Path(dir_okay=False),
        help="A registry snapshot (citecheck snapshot build) asked before the network "
        "(or CITECHECK_SNAPSHOT).",
    ),
    click.option("--deadline", type=float, help="Seconds allowed for all registry look-ups."),
)


def registry_options(command: F) -> F:
    """Decorate a command with the registry options (base URLs, contact, cache, deadline)."""
    for option in reversed(_REGISTRY_OPTIONS):
        command = option(command)
    return command


def split_option(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


def use_color(stream: Any) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def fail(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"citecheck: error: {message}", err=True)
    sys.exit(code)


def settings_from(
    options: Mapping[str, Any], *, config_file: str | None = None, **fixed: Any
) -> Settings:
    """The one place where command-line options become :class:`Settings`.

    Options named like a settings field are flags (an empty repeatable option counts
    as not given; ``--select``/``--ignore`` are split at commas); ``fixed`` overrides
    them; the configuration file and ``CITECHECK_*`` come underneath
    (:func:`~citecheck.pipeline.config.build_settings`).
    """
    from citecheck.model.settings import Settings
    from citecheck.pipeline.config import build_settings

    flags: dict[str, Any] = {}
    for name, value in options.items():
        if name not in Settings.model_fields:
            continue
        if name in ("select", "ignore"):
            value = split_option(value)
        flags[name] = None if isinstance(value, tuple) and not value else value
    flags.update(fixed)
    return build_settings(flags=flags, config_file=Path(config_file) if config_file else None)


MACHINE_FORMATS = frozenset({"json", "sarif", "junit", "github"})


def wants_progress(stream: Any, fmt: str = "text", env: Mapping[str, str] | None = None) -> bool:
    """A progress line only for a person at a terminal: never in CI or for machine formats."""
    env = os.environ if env is None else env
    if env.get("CI") or fmt in MACHINE_FORMATS:
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def progress_printer(stream: Any = None, *, keep: bool = True) -> Any:
    """A progress callback that redraws one line on a terminal (stderr by default).

    The line is cut to the terminal's width (a wrapped line cannot be redrawn) and
    cleared to its end, so a shorter label leaves no tail of the longer one. When the
    work is done the line is ended (``keep``) or erased (``--quiet``: a waiting
    indicator that leaves no output behind).
    """
    import shutil

    out = stream if stream is not None else sys.stderr
    width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)

    def show(label: str, done: int, total: int) -> None:
        line = f"{label} {done}/{total}"
        if len(line) > width:
            line = line[: width - 1] + "…"
        finished = done >= total
        if finished and not keep:
            out.write("\r\x1b[K")
        else:
            out.write(f"\r{line}\x1b[K" + ("\n" if finished else ""))
        out.flush()

    return show
