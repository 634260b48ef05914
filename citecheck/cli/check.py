"""``citecheck check``: options -> settings, report -> reporter, exceptions -> exit code."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from citecheck.cli._shared import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_SKIPPED,
    fail,
    progress_printer,
    registry_options,
    settings_from,
    use_color,
    wants_progress,
)
from citecheck.model.findings import Report, Severity
from citecheck.reporters import format_names


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--references",
    "-r",
    "references",
    multiple=True,
    type=click.Path(),
    help="A reference file (BibTeX, CSL-JSON/YAML, RIS, or a typed list in .md/.txt) to "
    "check the manuscripts against. Repeatable.",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    default="text",
    show_default=True,
    help=f"Output format: {', '.join(format_names())}.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option(
    "--offline/--online",
    default=None,
    help="No network: local checks only, registry checks from the cache. "
    "--online overrides 'offline' in the configuration.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Exit 1 when findings at or above this severity exist (default: error).",
)
@click.option(
    "--fail-on-skipped/--no-fail-on-skipped",
    default=None,
    help="Exit 4 when a check that was asked for did not run (registry unreachable, "
    "offline without a cached answer, off-topic without a readable subject), unless "
    "findings already exit 1.",
)
@click.option("--select", multiple=True, help="Only these rules (codes or names, comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (codes or names, comma-separated).")
@click.option(
    "--check-urls",
    is_flag=True,
    default=None,
    help="Also check that references' web addresses still answer (HEAD, then GET).",
)
@registry_options
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    help="Worker processes for a batch (default: the number of cores; 1: none).",
)
@click.option(
    "--dask-scheduler",
    metavar="ADDRESS",
    help="Run the batch on the workers of a Dask cluster (tcp://host:8786) instead of "
    "--jobs; needs pip install 'citecheck-tool[dask]' (docs/scale.md).",
)
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
    help="Record today's findings in the --baseline file: they are shown, written, "
    "and the run exits 0.",
)
@click.option(
    "--find-main",
    is_flag=True,
    help="For a file that is part of a larger document (a LaTeX chapter, a Quarto "
    "include), check the main document that includes it (pre-commit).",
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
def check(**options: Any) -> None:
    """Check manuscripts (files or folders) and report citation problems.

    With no PATHS, checks manuscripts/ against references/ in the current folder.
    """
    import citecheck.api as api
    from citecheck.model.errors import CitecheckError

    opts = _Output(**{k: options.pop(k) for k in _Output.__dataclass_fields__})
    write_baseline: bool = options.pop("write_baseline")
    config_file: str | None = options.pop("config_file")
    if options.pop("find_main") and options["paths"]:
        options["paths"] = _main_documents(options["paths"], quiet=opts.quiet)
    if opts.fmt not in format_names():
        fail(f"unknown format '{opts.fmt}' (choose from {', '.join(format_names())})")
    for extra_fmt, extra_file in opts.extra_outputs():
        if extra_fmt not in format_names() or not extra_file:
            fail(f"--also-output wants FORMAT=FILE with FORMAT one of {', '.join(format_names())}")
    try:
        settings = settings_from(options, config_file=config_file)
        _check_rule_names(settings.select + settings.ignore)
        # On a terminal even with --quiet: a line that says it waits, erased when done.
        show = wants_progress(sys.stderr, opts.fmt)
        progress = progress_printer(keep=not opts.quiet) if show else None
        report, message = api.run((), settings, progress=progress, write_baseline=write_baseline)
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
    opts.write(report, settings.output_dir)
    if not opts.quiet and opts.fmt != "text":
        for note in report.notes:
            click.echo(f"citecheck: {note}", err=True)
    if message:  # last, after the findings it speaks about
        click.echo(f"citecheck: {message}", err=True)
    if write_baseline:
        sys.exit(EXIT_OK)  # the findings are accepted now; nothing failed
    worst = report.worst()
    if settings.fail_on != "never" and worst is not None:
        if worst.rank >= Severity(settings.fail_on).rank:
            sys.exit(EXIT_FINDINGS)
    if settings.fail_on_skipped and report.skipped_checks:
        click.echo(
            f"citecheck: {len(report.skipped_checks)} check(s) did not run (--fail-on-skipped)",
            err=True,
        )
        sys.exit(EXIT_SKIPPED)
    sys.exit(EXIT_OK)


@dataclass(frozen=True)
class _Output:
    """The options that say where the report goes and how it looks."""

    fmt: str
    output: str | None
    quiet: bool
    verbose: bool
    also_output: tuple[str, ...]

    def extra_outputs(self) -> list[tuple[str, str]]:
        """The (format, file) pairs of ``--also-output``."""
        return [(fmt, file) for fmt, _, file in (i.partition("=") for i in self.also_output)]

    def render(self, report: Report, color: bool, name: str | None = None) -> str:
        """``report`` in format ``name`` (default: ``--format``)."""
        from citecheck.reporters import render

        name = name or self.fmt
        if name == "text":
            from citecheck.reporters.text import render as render_text

            return render_text(report, color=color, verbose=self.verbose, quiet=self.quiet)
        return render(report, name, color=color)

    def write(self, report: Report, output_dir: str | None) -> None:
        """Print or write the report, the per-manuscript reports and the extra formats."""
        from citecheck.pipeline.atomic import write_text_atomic
        from citecheck.pipeline.batch import summary_table, write_reports

        color = self.output is None and use_color(sys.stdout)
        if output_dir and not self.output:
            text = summary_table(report)  # the reports go to the folder; the terminal: the table
        else:
            text = self.render(report, color)
            if self.fmt == "text" and len(report.files) > 1 and not self.quiet:
                text += "\n" + summary_table(report)
        if output_dir:
            written = write_reports(
                report, Path(output_dir), self.fmt, lambda rep: self.render(rep, False)
            )
            click.echo(f"citecheck: wrote {len(written)} report(s) to {output_dir}", err=True)
        for extra_fmt, extra_file in self.extra_outputs():
            Path(extra_file).parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(Path(extra_file), self.render(report, False, extra_fmt))
        if self.output:
            write_text_atomic(Path(self.output), text)
        else:
            click.echo(text, nl=False)


def _main_documents(paths: tuple[str, ...], *, quiet: bool) -> tuple[str, ...]:
    from citecheck.pipeline.owners import main_documents

    root = Path.cwd()
    mains, notes = main_documents([Path(p) for p in paths], root)
    if not quiet:
        for note in notes:
            click.echo(f"citecheck: {note}", err=True)
    out: list[str] = []
    for m in mains:
        try:
            out.append(m.resolve().relative_to(root.resolve()).as_posix())
        except ValueError:
            out.append(str(m))
    return tuple(out)


def _check_rule_names(names: tuple[str, ...]) -> None:
    from citecheck.model.errors import ConfigError
    from citecheck.rules import all_rules
    from citecheck.rules.base import matches

    rules = all_rules()
    for name in names:
        if not any(matches(r, [name]) for r in rules):
            raise ConfigError(f"unknown rule '{name}' (see 'citecheck rules')")
