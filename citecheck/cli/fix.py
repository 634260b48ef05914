"""``citecheck fix``: apply the safe corrections that findings propose."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from citecheck.cli._shared import (
    EXIT_OK,
    EXIT_USAGE,
    progress_printer,
    registry_options,
    settings_from,
    wants_progress,
)
from citecheck.model.findings import Finding


def _findings_from_report(path: Path) -> list[Finding]:
    """Findings of a saved ``--format json`` report (no second registry run)."""
    from pydantic import ValidationError

    from citecheck.model.errors import InputError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Finding(**f) for f in data["findings"]]
    except (
        OSError,
        UnicodeDecodeError,
        json.JSONDecodeError,
        KeyError,
        TypeError,
        ValidationError,
    ) as exc:
        raise InputError(f"{path}: not a citecheck JSON report ({exc})") from exc


def _findings_from_check(
    options: dict[str, Any], config: str | None, preprints: bool
) -> tuple[list[Finding], list[str]]:
    """The fixable findings, and what could not be checked (said to the user)."""
    from citecheck.api import check
    from citecheck.fix.plan import FIXABLE_RULES
    from citecheck.model.errors import ConfigError
    from citecheck.rules import find_rule

    wanted = [r for r in FIXABLE_RULES if preprints or r != "preprint-published"]
    available = [r for r in wanted if find_rule(r) is not None]
    if not available:
        raise ConfigError("no rule that proposes fixes is available in this installation")
    settings = settings_from(options, config_file=config, select=tuple(available), ignore=())
    progress = progress_printer() if wants_progress(sys.stderr) else None
    report = check((), settings, progress=progress)
    unchecked = [
        f"{s.check}{f' ({s.path})' if s.path else ''}: {s.reason}"
        for s in report.skipped_checks
        if s.check != "off-topic"  # fix proposes nothing from the topic check
    ]
    return list(report.findings), unchecked


@click.command("fix")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--references",
    "-r",
    "references",
    multiple=True,
    type=click.Path(),
    help="A reference file (BibTeX, CSL-JSON) used by the manuscripts. Repeatable.",
)
@click.option(
    "--from-report",
    type=click.Path(dir_okay=False, exists=True),
    help="Take the findings from a saved 'check --format json' report instead of checking again.",
)
@click.option(
    "--write", is_flag=True, help="Apply the changes (default: only show them as a diff)."
)
@click.option("--no-backup", is_flag=True, help="With --write, do not keep FILE.bak.")
@click.option(
    "--preprints",
    is_flag=True,
    help="Also point entries for preprints at their published versions.",
)
@click.option(
    "--fields",
    default="doi,year,volume,issue,pages",
    show_default=True,
    help="Fields that may change (also: container, title).",
)
@click.option(
    "--min-confidence",
    type=float,
    default=0.0,
    help="Ignore findings whose confidence is below this (0..1).",
)
@click.option(
    "--offline",
    is_flag=True,
    default=None,
    help="No network: registry answers from the cache only.",
)
@registry_options
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True),
    help="Configuration file (default: citecheck.toml or pyproject.toml nearby).",
)
def fix(
    paths: tuple[str, ...],
    references: tuple[str, ...],
    from_report: str | None,
    write: bool,
    no_backup: bool,
    preprints: bool,
    fields: str,
    min_confidence: float,
    config_file: str | None,
    **registry: Any,
) -> None:
    """Propose fixes to BibTeX / CSL-JSON reference files: missing DOIs, wrong
    year/volume/issue/pages, and (with --preprints) published versions of preprints.

    Prints a unified diff; --write applies it (atomically, keeping FILE.bak).
    Only the changed fields move: comments, order and every other entry stay as they are.
    """
    from citecheck.fix import edit_files, plan, unified_diff, write_edit
    from citecheck.fix.changes import FIELDS
    from citecheck.model.errors import CitecheckError

    chosen = frozenset(f.strip().lower() for f in fields.split(",") if f.strip())
    unknown = sorted(chosen - set(FIELDS))
    if unknown:
        click.echo(
            f"citecheck: error: unknown field(s) {', '.join(unknown)} (known: {', '.join(FIELDS)})",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    options = {"paths": paths, "references": references, **registry}
    root = Path.cwd()
    unchecked: list[str] = []
    try:
        if from_report:
            findings = _findings_from_report(Path(from_report))
        else:
            findings, unchecked = _findings_from_check(options, config_file, preprints)
        for line in unchecked:
            click.echo(f"citecheck: not checked: {line}", err=True)
        changes, left = plan(
            findings, fields=chosen, preprints=preprints, min_confidence=min_confidence
        )
        edits = edit_files(changes, root)
        for f, why in left:
            where = f.location.short() if f.location else "-"
            click.echo(f"citecheck: {where}: {f.rule}: not fixed: {why}", err=True)
        total = 0
        for edit in edits:
            for s in edit.skipped:
                click.echo(
                    f"citecheck: {edit.path}: {s.change.key}: {s.change.field}: not changed: {s.why}",
                    err=True,
                )
            if not edit.changed:
                continue
            total += len(edit.applied)
            for c in edit.applied:
                if c.field == "year":  # the text may cite the old year: say so
                    click.echo(
                        f"citecheck: {edit.path}: {c.key}: year set to {c.value}; "
                        "check that the text cites it with this year",
                        err=True,
                    )
            if write:
                backup = write_edit(edit, root, backup=not no_backup)
                kept = f"; backup in {backup.name}" if backup else ""
                click.echo(
                    f"citecheck: fixed {edit.path} ({len(edit.applied)} change(s){kept})", err=True
                )
            else:
                click.echo(unified_diff(edit), nl=False)
    except (CitecheckError, RuntimeError, OSError) as exc:
        click.echo(f"citecheck: error: {exc}", err=True)
        sys.exit(getattr(exc, "exit_code", EXIT_USAGE))
    if not write:
        what = f"{total} change(s) proposed" if total else "nothing to fix"
        if not total and unchecked:
            what = "nothing to fix among what could be checked (see 'not checked' above)"
        hint = "; run again with --write to apply" if total else ""
        click.echo(f"citecheck: {what}{hint}", err=True)
    sys.exit(EXIT_OK)
