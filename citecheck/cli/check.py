"""``citecheck check``: options -> settings, report -> reporter, exceptions -> exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from citecheck.cli._shared import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    fail,
    split_option,
    use_color,
)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--references",
    "-r",
    "references",
    multiple=True,
    type=click.Path(),
    help="A reference file (BibTeX, CSL-JSON) to check the manuscripts against. Repeatable.",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    default="text",
    show_default=True,
    help="Output format: text, json, and the others listed by --help-formats.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option(
    "--offline",
    is_flag=True,
    default=None,
    help="No network: local checks only, registry checks from the cache.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Exit 1 when findings at or above this severity exist (default: error).",
)
@click.option("--select", multiple=True, help="Only these rules (codes or names, comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (codes or names, comma-separated).")
@click.option("--mailto", help="Contact e-mail for Crossref's polite pool (or CITECHECK_MAILTO).")
@click.option("--crossref-url", help="Crossref API base URL (or CITECHECK_CROSSREF_URL).")
@click.option("--doi-url", help="DOI resolver base URL (or CITECHECK_DOI_URL).")
@click.option(
    "--cache-dir", type=click.Path(file_okay=False), help="Cache folder (or CITECHECK_CACHE_DIR)."
)
@click.option("--no-cache", is_flag=True, default=None, help="Neither read nor write the cache.")
@click.option("--refresh", is_flag=True, default=None, help="Ignore cached records and ask again.")
@click.option("--deadline", type=float, help="Seconds allowed for all registry look-ups.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True),
    help="Configuration file (default: citecheck.toml or pyproject.toml nearby).",
)
@click.option("--quiet", "-q", is_flag=True, help="Only the findings; no notes or summary.")
@click.option("--verbose", "-v", is_flag=True, help="More detail (evidence) in text output.")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Known findings (JSON): report and fail only on new ones.",
)
@click.option(
    "--write-baseline",
    is_flag=True,
    help="Record today's findings in the --baseline file (then exit 0).",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False),
    help="Also write one report per manuscript (in --format) into this folder.",
)
@click.option(
    "--also-output",
    "also_output",
    multiple=True,
    metavar="FORMAT=FILE",
    help="Also write the report in another format, e.g. sarif=citecheck.sarif. Repeatable.",
)
def check(
    paths: tuple[str, ...],
    references: tuple[str, ...],
    fmt: str,
    output: str | None,
    offline: bool | None,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    mailto: str | None,
    crossref_url: str | None,
    doi_url: str | None,
    cache_dir: str | None,
    no_cache: bool | None,
    refresh: bool | None,
    deadline: float | None,
    config_file: str | None,
    quiet: bool,
    verbose: bool,
    baseline: str | None,
    write_baseline: bool,
    output_dir: str | None,
    also_output: tuple[str, ...],
) -> None:
    """Check manuscripts (files or folders) and report citation problems.

    With no PATHS, checks manuscripts/ against references/ in the current folder.
    """
    from citecheck.model.errors import CitecheckError
    from citecheck.model.findings import Severity
    from citecheck.pipeline.config import build_settings
    from citecheck.pipeline.engine import check as run_check
    from citecheck.reporters import format_names, render

    if fmt not in format_names():
        fail(f"unknown format '{fmt}' (choose from {', '.join(format_names())})")
    extra_outputs = [item.partition("=")[::2] for item in also_output]
    for extra_fmt, extra_file in extra_outputs:
        if extra_fmt not in format_names() or not extra_file:
            fail(f"--also-output wants FORMAT=FILE with FORMAT one of {', '.join(format_names())}")
    flags: dict[str, Any] = {
        "paths": paths or None,
        "references": references or None,
        "offline": offline,
        "fail_on": fail_on,
        "select": split_option(select) or None,
        "ignore": split_option(ignore) or None,
        "mailto": mailto,
        "crossref_url": crossref_url,
        "doi_url": doi_url,
        "cache_dir": cache_dir,
        "no_cache": no_cache,
        "refresh": refresh,
        "deadline": deadline,
        "baseline": baseline,
        "output_dir": output_dir,
    }
    try:
        settings = build_settings(
            flags=flags, config_file=Path(config_file) if config_file else None
        )
        _check_rule_names(settings.select + settings.ignore)
        progress = _progress_printer() if sys.stderr.isatty() and not quiet else None
        report = run_check(settings, progress=progress)
        from citecheck.pipeline.baseline import baseline_step

        report, message = baseline_step(report, settings.baseline, write=write_baseline)
        if message:
            click.echo(f"citecheck: {message}", err=True)
    except CitecheckError as exc:
        fail(str(exc), exc.exit_code)
        return
    except KeyboardInterrupt:
        fail("interrupted", 130)
        return
    except Exception as exc:  # the last line of defence: no traceback for users
        if os.environ.get("CITECHECK_DEBUG"):
            raise
        fail(
            f"internal error: {type(exc).__name__}: {exc} "
            "(set CITECHECK_DEBUG=1 for a traceback and please report it)",
            EXIT_INTERNAL,
        )
        return

    def _render(rep: Any, color: bool, name: str = fmt) -> str:
        if name == "text":
            from citecheck.reporters.text import render as render_text

            return render_text(rep, color=color, verbose=verbose, quiet=quiet)
        return render(rep, name, color=color)

    from citecheck.pipeline.batch import summary_table

    color = output is None and use_color(sys.stdout)
    if settings.output_dir and not output:
        text = summary_table(report)  # the reports go to the folder; the terminal gets the table
    else:
        text = _render(report, color)
        if fmt == "text" and len(report.files) > 1 and not quiet:
            text += "\n" + summary_table(report)
    if settings.output_dir:
        from citecheck.pipeline.batch import write_reports

        written = write_reports(
            report, Path(settings.output_dir), fmt, lambda rep: _render(rep, False)
        )
        click.echo(f"citecheck: wrote {len(written)} report(s) to {settings.output_dir}", err=True)
    for extra_fmt, extra_file in extra_outputs:
        from citecheck.pipeline.atomic import write_text_atomic

        Path(extra_file).parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(Path(extra_file), _render(report, False, extra_fmt))
    if output:
        from citecheck.pipeline.atomic import write_text_atomic

        write_text_atomic(Path(output), text)
    else:
        click.echo(text, nl=False)
    if not quiet and fmt != "text":
        for note in report.notes:
            click.echo(f"citecheck: {note}", err=True)
    threshold = settings.fail_on
    worst = report.worst()
    if threshold != "never" and worst is not None and worst.rank >= Severity(threshold).rank:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _check_rule_names(names: tuple[str, ...]) -> None:
    from citecheck.model.errors import ConfigError
    from citecheck.rules import all_rules
    from citecheck.rules.base import matches

    rules = all_rules()
    for name in names:
        if not any(matches(r, [name]) for r in rules):
            raise ConfigError(f"unknown rule '{name}' (see 'citecheck rules')")


def _progress_printer() -> Any:
    def show(label: str, done: int, total: int) -> None:
        # redraw one line on stderr; end it when the work is done
        click.echo(f"\r{label} {done}/{total}", err=True, nl=done >= total)

    return show
