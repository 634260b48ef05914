"""The versioned JSON envelope (``--format json``), as fixed in docs/design.md."""

from __future__ import annotations

import json

from citecheck.model.findings import Report


def render(report: Report, *, color: bool = False) -> str:
    """Pretty, stable JSON (sorted findings, no timestamps)."""
    return json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
