"""GitHub Actions annotations: one command a finding, escaped per the runner's rules."""

from __future__ import annotations

from reporter_golden import assert_golden

from citecheck.model.document import Location
from citecheck.model.findings import Finding, Report, Severity
from citecheck.reporters.github import annotation, escape_data, escape_property, render


def test_escaping() -> None:
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_hostile_message_stays_one_command() -> None:
    f = Finding(
        code="CC103",
        rule="year-mismatch",
        severity=Severity.WARNING,
        message="x\n::error file=evil.md::injected",
        location=Location(path="dir,with:odd.md", line=4, column=2),
    )
    line = annotation(f)
    assert "\n" not in line
    assert line.startswith(
        "::warning file=dir%2Cwith%3Aodd.md,line=4,col=2,title=CC103 year-mismatch::"
    )
    assert line.endswith("x%0A::error file=evil.md::injected")


def test_levels_and_pdf_locations() -> None:
    info = Finding(
        code="CC210",
        rule="unverified-reference",
        severity=Severity.INFO,
        message="m",
        location=Location(path="p.pdf", line=9, page=3),
    )
    assert (
        annotation(info) == "::notice file=p.pdf,title=CC210 unverified-reference::m (p.pdf:p.3:9)"
    )
    bare = Finding(
        code="CC002", rule="missing-bibliography", severity=Severity.ERROR, message="none"
    )
    assert annotation(bare) == "::error title=CC002 missing-bibliography::none"


def test_golden(report: Report) -> None:
    assert_golden("report.github.txt", render(report))


def test_notes_are_log_lines_not_annotations_on_every_run() -> None:
    report = Report(
        tool_version="0",
        files=("p.md",),
        findings=(),
        notes=("3 known findings hidden by the baseline", "evil\n::error file=x.md::injected"),
    )
    lines = render(report).splitlines()
    assert lines[0] == "::group::citecheck notes" and "::endgroup::" in lines
    assert "note: 3 known findings hidden by the baseline" in lines
    # a note can never start a workflow command, whatever text it carries
    assert "note: evil : :error file=x.md: :injected" in lines
    commands = [ln for ln in lines if ln.startswith("::")]
    assert commands == ["::group::citecheck notes", "::endgroup::"]  # no annotation
