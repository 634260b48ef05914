"""Batch screening: one report per manuscript with --output-dir, and the summary table."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "reporters"))
from reporter_sample import make_report

from citecheck.cli import main
from citecheck.pipeline.batch import report_name, split_by_manuscript, summary_table


def test_split_keeps_each_manuscripts_own_findings() -> None:
    parts = split_by_manuscript(make_report())
    assert [p.files for p in parts] == [("manuscripts/other paper.md",), ("manuscripts/paper.md",)]
    assert len(parts[0].findings) == 0 and len(parts[1].findings) == 4
    assert parts[0].notes == make_report().notes  # the note is about this manuscript
    assert parts[1].notes == ()
    assert parts[1].citations == 5 and len(parts[1].documents) == 1 and len(parts[1].links) == 1


def test_report_names_are_unique_and_safe() -> None:
    taken: set[str] = set()
    assert report_name("manuscripts/a b.md", "html", taken) == "manuscripts_a_b.html"
    assert report_name("manuscripts/a_b.md", "html", taken) == "manuscripts_a_b-2.html"
    assert report_name("../x/../../etc.md", "json", taken) == "x_etc.json"


def test_summary_table() -> None:
    lines = summary_table(make_report()).splitlines()
    assert lines[0].split() == [
        "manuscript",
        "citations",
        "references",
        "errors",
        "warnings",
        "info",
    ]
    assert lines[3].split() == ["manuscripts/paper.md", "5", "3", "3", "1", "0"]
    assert lines[-1].split() == ["total", "(2)", "5", "3", "3", "1", "0"]


PAPER = "# P\n\nSee (Smith, 2019).\n\n## References\n\nSmith, J. (2019). A title. *J*, 1, 1-2.\n"


def test_cli_output_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CITECHECK_OFFLINE", "1")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.md").write_text(PAPER, encoding="utf-8")
    (tmp_path / "in" / "two.md").write_text(
        PAPER.replace("(Smith, 2019)", "(Doe, 2020)"), encoding="utf-8"
    )
    result = CliRunner().invoke(
        main,
        [
            "check",
            "in",
            "--format",
            "json",
            "--output-dir",
            "out",
            "--select",
            "cited-not-listed",
            "--output",
            "all.json",
        ],
    )
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["in_one.json", "in_two.json"]
    one = json.loads((tmp_path / "out" / "in_one.json").read_text(encoding="utf-8"))
    two = json.loads((tmp_path / "out" / "in_two.json").read_text(encoding="utf-8"))
    assert one["files"] == ["in/one.md"] and one["findings"] == []
    assert [f["rule"] for f in two["findings"]] == ["cited-not-listed"]
    text = CliRunner().invoke(main, ["check", "in", "--select", "cited-not-listed"])
    assert "total (2)" in text.stdout


def test_output_dir_from_config_and_also_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CITECHECK_OFFLINE", "1")
    (tmp_path / "one.md").write_text(PAPER, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.citecheck]\noutput-dir = "reports"\nselect = ["cited-not-listed"]\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(
        main, ["check", "one.md", "--format", "html", "--also-output", "junit=ci/junit.xml"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("manuscript ")  # the table, not a page of HTML
    assert (
        (tmp_path / "reports" / "one.html")
        .read_text(encoding="utf-8")
        .startswith("<!DOCTYPE html>")
    )
    assert (tmp_path / "ci" / "junit.xml").read_text(encoding="utf-8").startswith("<?xml")
    flag_wins = runner.invoke(main, ["check", "one.md", "--output-dir", "elsewhere"])
    assert flag_wins.exit_code == 0 and (tmp_path / "elsewhere" / "one.txt").is_file()
    bad = runner.invoke(main, ["check", "one.md", "--also-output", "pdf=x.pdf"])
    assert bad.exit_code == 2 and "FORMAT=FILE" in bad.stderr
