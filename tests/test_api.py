"""The Python API (``citecheck.check``, ``citecheck.parse``) agrees with the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import citecheck
from citecheck.cli import main
from citecheck.model.errors import InputError
from citecheck.pipeline.baseline import write_baseline

CASE = Path(__file__).parent / "cases" / "crossmatch" / "english.md"


def _cli_json(*args: str) -> dict[str, object]:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_check_gives_the_report_of_citecheck_check(monkeypatch: pytest.MonkeyPatch) -> None:
    report = citecheck.check(CASE.name, citecheck.Settings(offline=True), root=CASE.parent)
    assert report.findings, "the case has planted problems"
    monkeypatch.chdir(CASE.parent)
    assert report.to_json() == _cli_json("check", CASE.name, "--offline", "--format", "json")


def test_check_accepts_one_path_and_default_settings(tmp_path: Path) -> None:
    one = citecheck.check(str(CASE), citecheck.Settings(offline=True))
    assert one.files == citecheck.check([CASE], citecheck.Settings(offline=True)).files
    with pytest.raises(InputError, match="no such file"):
        citecheck.check(tmp_path / "missing.md", citecheck.Settings(offline=True))


def test_check_applies_the_baseline(tmp_path: Path) -> None:
    settings = citecheck.Settings(offline=True)
    report = citecheck.check(CASE, settings)
    known = tmp_path / "baseline.json"
    write_baseline(report, known)
    again = citecheck.check(CASE, settings.model_copy(update={"baseline": str(known)}))
    assert report.findings and not again.findings


def test_parse_gives_the_json_of_citecheck_parse() -> None:
    parsed = citecheck.parse(CASE)
    assert parsed.citations and parsed.references
    assert parsed.to_json() == _cli_json("parse", str(CASE))


def test_version_does_not_import_the_api() -> None:
    code = (
        "import sys, citecheck; before = 'citecheck.api' in sys.modules; citecheck.check; "
        "print(before, 'citecheck.api' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "True"]
