"""Fixture manuscripts with their expectations written inside them (flake8 style).

A line ending in ``<!-- expect: rule-a, rule-b -->`` (``% expect: ...`` in LaTeX) must
carry exactly those findings; every other line must carry none. Only local rules
(those that need neither the registry nor the topic stage) are compared.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from citecheck.model.settings import Settings
from citecheck.pipeline.engine import check
from citecheck.rules import all_rules

CASES = Path(__file__).parent / "cases"
EXPECT = re.compile(r"(?:<!--|%)\s*expect:\s*([a-z\-, ]+?)\s*(?:-->|$)")
FILES = sorted(p for p in CASES.rglob("*") if p.suffix in {".md", ".txt", ".tex"})


def _expected(path: Path) -> set[tuple[int, str]]:
    out: set[tuple[int, str]] = set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        m = EXPECT.search(line)
        if m:
            out.update((lineno, r.strip()) for r in m.group(1).split(",") if r.strip())
    return out


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(CASES).as_posix() for p in FILES])
def test_case(path: Path) -> None:
    local = [r.name for r in all_rules() if not r.needs]
    settings = Settings(paths=(str(path),), offline=True, select=tuple(local), no_cache=True)
    report = check(settings, root=path.parent)
    got = {
        (f.location.line, f.rule)
        for f in report.findings
        if f.location and f.location.path == path.name
    }
    assert got == _expected(path), "\n".join(f.message for f in report.findings)
