"""``citecheck parse``: what the loaders and the reference parser extracted."""

from __future__ import annotations

import json
from pathlib import Path

import click

from citecheck.cli._shared import fail


@click.command()
@click.argument("path", type=click.Path())
@click.option(
    "--references-only",
    is_flag=True,
    help="Read PATH as a list of reference strings, one per line.",
)
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True
)
def parse(path: str, references_only: bool, fmt: str) -> None:
    """Print the citations and references extracted from PATH (for debugging)."""
    from citecheck.api import parse as read_file
    from citecheck.model.errors import CitecheckError

    try:
        data = read_file(Path(path), references_only=references_only).to_json()
    except CitecheckError as exc:
        fail(str(exc), exc.exit_code)
        return
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for c in data["citations"]:
        loc = c["location"]
        click.echo(f"{loc['line']}:{loc['column']}\tcitation\t{c['text']}")
    for r in data["references"]:
        loc = r["location"]
        authors = "; ".join(a["family"] for a in r["authors"])
        click.echo(
            f"{loc['line']}:{loc['column']}\treference\t{authors} ({r['year']}) {r['title']}"
        )
