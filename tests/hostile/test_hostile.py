"""Hostile and oversized inputs (issue 20), generated on the fly by tests/hostile/generators.

Every class runs through the real command line in a child process under an
address-space limit and a generous timeout: the exit code must be the one the class
allows (never 3, never a traceback), the message must say what happened, and the peak
memory must stay bounded. Timings are not asserted (the benchmark
``bench/speed/hostile_cases.py`` measures them); the timeout only catches a runaway.

Encoding twins run in-process (no child needed): the same findings as UTF-8.
Size-driven classes (large files, containers, regex traps) run at a reduced scale and
only with ``CITECHECK_SLOW_TESTS=1``; the benchmark runs them at full size.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .generators import build, names
from .runner import report_difference, run_cli

MEM_LIMIT = 3_000_000_000  # address space: the interpreter and numpy map ~1 GB
PEAK_MB = 1000  # the ceiling for any input the size limit allows
TIMEOUT = 180.0  # a runaway, not a timing assertion
SLOW = not os.environ.get("CITECHECK_SLOW_TESTS")
SLOW_SCALE = {"size": 0.1, "container": 0.1, "regex": 0.5}


def _check(name: str, tmp_path: Path, scale: float = 1.0) -> None:
    case = build(name, tmp_path / "case", scale)
    res = run_cli(case, tmp_path / "case", mem_bytes=MEM_LIMIT, timeout=TIMEOUT)
    shown = f"{name}: exit {res.exit}, {res.peak_mb:.0f} MB, {res.wall:.1f} s\n{res.stderr[-2000:]}"
    assert not res.timed_out, shown
    assert res.exit in case.exits, shown
    assert "Traceback" not in res.output and "internal error" not in res.output, shown
    if case.message:
        assert re.search(case.message, res.output), shown
    assert res.peak_mb < PEAK_MB, shown
    forbidden = case.extra.get("forbidden")
    if isinstance(forbidden, str):
        assert forbidden not in res.output, (
            f"{name}: content from outside the project in the report"
        )


@pytest.mark.parametrize(
    "name", [*names("nesting"), *names("alias"), *names("binary"), *names("paths")]
)
def test_refused_or_read_within_limits(name: str, tmp_path: Path) -> None:
    _check(name, tmp_path)


@pytest.mark.skipif(SLOW, reason="slow: set CITECHECK_SLOW_TESTS=1")
@pytest.mark.parametrize("name", [n for g in SLOW_SCALE for n in names(g)])
def test_large_inputs_within_limits(name: str, tmp_path: Path) -> None:
    group = next(g for g in SLOW_SCALE if name in names(g))
    _check(name, tmp_path, SLOW_SCALE[group])


@pytest.mark.parametrize("name", names("encoding"))
def test_other_encodings_give_the_utf8_findings(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citecheck.model.settings import Settings
    from citecheck.pipeline.engine import check
    from citecheck.reporters import render

    case = build(name, tmp_path / "case")
    assert case.twin is not None
    folder = tmp_path / "case"
    monkeypatch.chdir(folder)
    reports = []
    for args in (case.args, case.twin):
        report = check(Settings(paths=(args[0],), offline=True, no_cache=True), root=folder)
        reports.append(render(report, "json"))
    assert report_difference(*reports) is None, report_difference(*reports)
    assert '"citations": 0' not in reports[0]
