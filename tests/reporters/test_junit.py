"""JUnit XML: well-formed, one suite per manuscript, errors and warnings as failures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reporter_golden import assert_golden

from citecheck.model.document import Location
from citecheck.model.findings import Finding, Report, Severity
from citecheck.reporters.junit import render


def test_structure(report: Report) -> None:
    root = ET.fromstring(render(report))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"manuscripts/paper.md", "manuscripts/other paper.md"}
    assert suites["manuscripts/other paper.md"].get("failures") == "0"
    assert suites["manuscripts/paper.md"].get("failures") == "4"
    assert root.get("tests") == "5" and root.get("failures") == "4"
    failure = suites["manuscripts/paper.md"].find("testcase/failure")
    assert failure is not None and failure.get("type") == "error:cited-not-listed"


def test_info_passes_and_control_characters_are_removed() -> None:
    f = Finding(
        code="CC210",
        rule="unverified-reference",
        severity=Severity.INFO,
        message="odd \x00\x07 bytes",
        location=Location(path="a.md"),
    )
    root = ET.fromstring(render(Report(tool_version="0", files=("a.md",), findings=(f,))))
    case = root.find("testsuite/testcase")
    assert case is not None and case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and out.text is not None and "odd \ufffd\ufffd bytes" in out.text


def test_golden(report: Report) -> None:
    assert_golden("report.junit.xml", render(report))
