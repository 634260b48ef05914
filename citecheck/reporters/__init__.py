"""Reporters render a :class:`~citecheck.model.findings.Report` as text for a person or a program.

Explicit registry: a format name maps to a module and a function
``render(report: Report, *, color: bool = False) -> str``, imported on use.
Reporters import only :mod:`citecheck.model.findings`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import cast

from citecheck.model.findings import Report

REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("citecheck.reporters.text", "render"),
    "json": ("citecheck.reporters.json", "render"),
    "sarif": ("citecheck.reporters.sarif", "render"),
    "github": ("citecheck.reporters.github", "render"),
    "junit": ("citecheck.reporters.junit", "render"),
    "markdown": ("citecheck.reporters.markdown", "render"),
    "html": ("citecheck.reporters.html", "render"),
}

Renderer = Callable[..., str]


def format_names() -> tuple[str, ...]:
    """Every format ``--format`` accepts."""
    return tuple(REPORTERS)


def render(report: Report, name: str, *, color: bool = False) -> str:
    """Render ``report`` in format ``name``."""
    module, func = REPORTERS[name]
    renderer = cast(Renderer, getattr(importlib.import_module(module), func))
    return renderer(report, color=color)
