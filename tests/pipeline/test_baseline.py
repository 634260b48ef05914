"""Baselines: known findings are hidden, new ones (and repeats beyond the count) are not."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.model.document import Location
from citecheck.model.errors import InputError
from citecheck.model.findings import FileSummary, Finding, Report, Severity
from citecheck.pipeline.baseline import apply_baseline, load_baseline, new_findings, write_baseline


def _finding(text: str, line: int, code: str = "CC101") -> Finding:
    return Finding(
        code=code,
        rule="cited-not-listed",
        severity=Severity.ERROR,
        message=f"{text} is not listed",
        location=Location(path="paper.md", line=line),
        citation={"text": text},
    )


def _report(*findings: Finding) -> Report:
    return Report(
        tool_version="0",
        files=("paper.md",),
        findings=findings,
        per_file=(FileSummary(path="paper.md", citations=3, references=1, errors=len(findings)),),
    )


def test_round_trip_and_line_shifts(tmp_path: Path) -> None:
    path = tmp_path / "base.json"
    write_baseline(_report(_finding("(A, 2001)", 3), _finding("(B, 2002)", 9)), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and len(data["findings"]) == 2
    known = load_baseline(path)
    later = _report(_finding("(A, 2001)", 30), _finding("(B, 2002)", 90), _finding("(C, 2003)", 95))
    filtered = apply_baseline(later, known)
    assert [f.citation["text"] for f in filtered.findings if f.citation] == ["(C, 2003)"]
    assert filtered.per_file[0].errors == 1
    assert "2 known findings hidden by the baseline" in filtered.notes


def test_counts_matter() -> None:
    known = Counter({_finding("(A, 2001)", 3).fingerprint(): 1})
    again = [_finding("(A, 2001)", 3), _finding("(A, 2001)", 40)]
    assert len(new_findings(again, known)) == 1


def test_fixed_findings_are_noted() -> None:
    known = Counter({_finding("(Gone, 1999)", 1).fingerprint(): 1})
    out = apply_baseline(_report(), known)
    assert any("no longer occur" in n for n in out.notes)


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[]",
        '{"findings": [{"x": 1}], "schema_version": 1}',
        '{"findings": [], "schema_version": 99}',
    ],
)
def test_bad_files_are_input_errors(tmp_path: Path, content: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        load_baseline(path)
    with pytest.raises(InputError, match="not found"):
        load_baseline(tmp_path / "missing.json")


PAPER = """# Paper

Trust grows slowly (Smith, 2019).

## References

Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. *Journal X*, 18(4), 543–571.
"""


def test_cli_baseline_workflow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CITECHECK_OFFLINE", "1")
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["check", "paper.md", "--select", "cited-not-listed"])
    assert first.exit_code == 1, first.output
    wrote = runner.invoke(
        main,
        [
            "check",
            "paper.md",
            "--select",
            "cited-not-listed",
            "--baseline",
            "base.json",
            "--write-baseline",
        ],
    )
    assert wrote.exit_code == 0, wrote.output
    # what was written, how many, how to use it; and the findings it records are shown
    assert "wrote baseline base.json: 1 finding (1 error) in 1 file." in wrote.stderr
    assert "'citecheck check --baseline base.json'" in wrote.stderr
    assert "CC101" in wrote.stdout and "no problems found" not in wrote.stdout
    again = runner.invoke(
        main, ["check", "paper.md", "--select", "cited-not-listed", "--baseline", "base.json"]
    )
    assert again.exit_code == 0, again.output
    (tmp_path / "paper.md").write_text(
        "# Paper\n\nNew line.\n"
        + PAPER.replace("slowly (Smith, 2019).", "slowly (Smith, 2019). And (Doe, 2020)."),
        encoding="utf-8",
    )
    new = runner.invoke(
        main,
        [
            "check",
            "paper.md",
            "--select",
            "cited-not-listed",
            "--baseline",
            "base.json",
            "--format",
            "json",
        ],
    )
    assert new.exit_code == 1
    assert ["Doe" in f["citation"]["text"] for f in json.loads(new.stdout)["findings"]] == [True]
    missing = runner.invoke(main, ["check", "paper.md", "--write-baseline"])
    assert missing.exit_code == 2 and "needs --baseline" in missing.stderr


def test_baseline_from_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CITECHECK_OFFLINE", "1")
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    (tmp_path / "citecheck.toml").write_text(
        'baseline = "ci/base.json"\nselect = ["cited-not-listed"]\n', encoding="utf-8"
    )
    runner = CliRunner()
    assert runner.invoke(main, ["check", "paper.md", "--write-baseline"]).exit_code == 0
    assert (tmp_path / "ci" / "base.json").is_file()
    assert runner.invoke(main, ["check", "paper.md"]).exit_code == 0
    (tmp_path / "citecheck.toml").write_text('baseline-file = "x"\n', encoding="utf-8")
    bad = runner.invoke(main, ["check", "paper.md"])
    assert bad.exit_code == 2 and "baseline-file" in bad.stderr


def test_write_baseline_says_what_it_replaced_and_fails_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CITECHECK_OFFLINE", "1")
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    runner = CliRunner()
    args = ["check", "paper.md", "--select", "cited-not-listed", "--baseline", "b.json"]
    first = runner.invoke(main, [*args, "--write-baseline", "--format", "json"])
    assert first.exit_code == 0
    assert len(json.loads(first.stdout)["findings"]) == 1  # shown, not hidden
    again = runner.invoke(main, [*args, "--write-baseline"])
    assert "; it held 1 before." in again.stderr
    # no temporary file is left beside the baseline
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json", "paper.md"]
    # a file where the baseline's folder should be
    bad = runner.invoke(
        main, ["check", "paper.md", "--baseline", "paper.md/b.json", "--write-baseline"]
    )
    assert bad.exit_code == 2, bad.output
    assert "cannot write baseline" in bad.stderr


def test_written_message_for_an_empty_baseline() -> None:
    from citecheck.pipeline.baseline import written_message

    message = written_message(_report(), "base.json", before=None)
    assert message.startswith("wrote baseline base.json: no findings (an empty baseline).")
