"""citecheck: check the citations and references of scholarly manuscripts.

``citecheck.check(paths, settings) -> Report`` and ``citecheck.parse(path)`` are the
Python API (:mod:`citecheck.api`); they are imported on first use so that
``citecheck --version`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citecheck._version import __version__

__all__ = ["Parsed", "Report", "Settings", "__version__", "check", "parse"]

if TYPE_CHECKING:
    from citecheck.api import Parsed, check, parse
    from citecheck.model.findings import Report
    from citecheck.model.settings import Settings

_LAZY = {
    "check": "citecheck.api",
    "parse": "citecheck.api",
    "Parsed": "citecheck.api",
    "Report": "citecheck.model.findings",
    "Settings": "citecheck.model.settings",
}


def __getattr__(name: str) -> Any:
    """Import the API on first use (PEP 562)."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'citecheck' has no attribute {name!r}")
