"""The Markdown summary: counts, tables, and no markup smuggled in from manuscripts."""

from __future__ import annotations

from reporter_golden import assert_golden

from citecheck.model.document import Location
from citecheck.model.findings import Finding, Report, Severity
from citecheck.reporters.markdown import MAX_ROWS, escape, render


def test_escape() -> None:
    assert escape("[x](http://e.vil) <img src=x> a|b\nc") == (
        r"\[x\]\(http://e.vil\) &lt;img src=x&gt; a\|b c"
    )


def test_counts_and_sections(report: Report) -> None:
    text = render(report)
    assert "**3 errors, 1 warning, 0 info** in 2 manuscripts" in text
    assert "<summary>🔴 Errors (3)</summary>" in text
    assert "| manuscripts/other paper.md | 0 | 0 | 0 | 0 | 0 |" in text
    assert "<script>" not in text


def test_clean_report_and_cut_long_lists() -> None:
    assert "✅ no problems found" in render(Report(tool_version="0", files=("a.md",), findings=()))
    many = tuple(
        Finding(
            code="CC102",
            rule="listed-not-cited",
            severity=Severity.WARNING,
            message=f"entry {i}",
            location=Location(path="a.md", line=i + 1),
        )
        for i in range(MAX_ROWS + 5)
    )
    text = render(Report(tool_version="0", files=("a.md",), findings=many))
    assert "… and 5 more" in text
    assert text.count("| a.md:") == MAX_ROWS


def test_golden(report: Report) -> None:
    assert_golden("report.md", render(report))
