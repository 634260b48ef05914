"""What every command shares: exit codes, the error line, comma-separated options."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


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
