"""SARIF: valid against the official 2.1.0 schema, relative paths, stable fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from reporter_golden import assert_golden
from reporter_sample import CATALOGUE, FINDINGS, make_report

from citecheck.model.document import Location
from citecheck.model.findings import Finding, Report, Severity
from citecheck.reporters import render
from citecheck.reporters.sarif import FINGERPRINT_KEY, sarif_log
from citecheck.reporters.sarif import render as render_sarif
from citecheck.rules import all_rules

SCHEMA = Path(__file__).parent.parent / "fixtures" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_valid_against_official_schema(
    report: Report, validator: jsonschema.protocols.Validator
) -> None:
    log = json.loads(render_sarif(report, rules=CATALOGUE))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_empty_report_and_default_catalogue_are_valid(
    validator: jsonschema.protocols.Validator,
) -> None:
    empty = Report(tool_version="0.1.0", files=("a.md",), findings=())
    assert not list(validator.iter_errors(json.loads(render(empty, "sarif"))))
    real_rules = tuple(r.info() for r in all_rules())  # the real rule registry
    log = json.loads(render(make_report().model_copy(update={"rules": real_rules}), "sarif"))
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == len(make_report().by_rule())
    assert not list(validator.iter_errors(log))


def test_page_and_outside_paths_are_valid(validator: jsonschema.protocols.Validator) -> None:
    findings = (
        Finding(
            code="CC101",
            rule="cited-not-listed",
            severity=Severity.INFO,
            message="m",
            location=Location(path="paper.pdf", line=3, page=2),
        ),
        Finding(
            code="CC101",
            rule="cited-not-listed",
            severity=Severity.WARNING,
            message="m",
            location=Location(path="/abs/my paper.md", line=3, column=2),
        ),
        Finding(code="CC002", rule="missing-bibliography", severity=Severity.ERROR, message="none"),
    )
    log = sarif_log(
        Report(tool_version="0.1.0", files=("paper.pdf",), findings=findings), rules=CATALOGUE
    )
    assert not list(validator.iter_errors(log))
    results = log["runs"][0]["results"]
    assert (
        "region" not in results[0]["locations"][0]["physicalLocation"]
    )  # a PDF line is not a file line
    assert results[0]["level"] == "note"
    assert results[1]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///abs/my%20paper.md"
    }
    assert results[2]["locations"] == []


def test_rules_levels_paths(report: Report) -> None:
    run = sarif_log(report, rules=CATALOGUE)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["CC101", "CC102", "CC103"]
    assert rules[0]["helpUri"].endswith("docs/rules.md#cited-not-listed")
    assert "Readers cannot find the work." in rules[0]["help"]["text"]
    levels = [(r["ruleId"], r["level"]) for r in run["results"]]
    assert ("CC102", "warning") in levels and ("CC101", "error") in levels
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        loc = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc == {"uri": "manuscripts/paper.md", "uriBaseId": "%SRCROOT%"}
    assert run["artifacts"][0]["location"]["uri"] == "manuscripts/other%20paper.md"


def _fingerprints(report: Report) -> list[str]:
    run = sarif_log(report, rules=CATALOGUE)["runs"][0]
    return [r["partialFingerprints"][FINGERPRINT_KEY] for r in run["results"]]


def test_fingerprints_survive_line_shifts_and_are_unique() -> None:
    shifted = tuple(
        f.model_copy(
            update={"location": f.location.model_copy(update={"line": f.location.line + 7})}
        )
        if f.location
        else f
        for f in FINDINGS
    )
    before, after = _fingerprints(make_report()), _fingerprints(make_report(findings=shifted))
    assert before == after
    twice = make_report(findings=(FINDINGS[0], FINDINGS[0]))
    first, second = _fingerprints(twice)
    assert first != second and second == first + ":1"


def test_golden(report: Report) -> None:
    assert_golden("report.sarif", render_sarif(report, rules=CATALOGUE))
