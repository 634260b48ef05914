"""Running the offline checks on a Markdown text written by a test."""

from __future__ import annotations

from pathlib import Path

from citecheck.api import check
from citecheck.model.settings import Settings


def findings(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    """(rule, message) of every finding on ``text`` saved as ``paper.md``, offline; the
    off-topic and registry-existence rules are left out (they need no list defects)."""
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    report = check([path], Settings(offline=True, no_cache=True))
    return [
        (f.rule, f.message)
        for f in report.findings
        if f.rule not in ("off-topic", "unverified-reference")
    ]
