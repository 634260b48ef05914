"""SARIF 2.1.0 (``--format sarif``) for code-scanning viewers such as GitHub's.

Paths are relative to ``%SRCROOT%`` (the folder citecheck ran in), every result
carries a ``partialFingerprints`` entry that leaves line numbers out (so an alert
survives text added above it), and every rule used ships its documentation as
``help`` with a ``helpUri`` into ``docs/rules.md``.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from citecheck.model.document import Location
from citecheck.model.findings import Finding, Report, Severity
from citecheck.pipeline.baseline import numbered_fingerprints
from citecheck.reporters._rules import (
    PROJECT_URL,
    RuleCatalogue,
    catalogue_for,
    docs_url,
    info_for,
)

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "citecheck/v1"
SRCROOT = "%SRCROOT%"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, *, color: bool = False, rules: RuleCatalogue | None = None) -> str:
    """The SARIF log as pretty, stable JSON (no timestamps, no absolute paths)."""
    return json.dumps(sarif_log(report, rules=rules), indent=2, ensure_ascii=False) + "\n"


def sarif_log(report: Report, *, rules: RuleCatalogue | None = None) -> dict[str, Any]:
    """The SARIF log object: one run with the rules used and one result a finding."""
    catalogue = catalogue_for(report, rules)
    used = sorted({(f.code, f.rule) for f in report.findings})
    index = {rule: i for i, (_, rule) in enumerate(used)}
    descriptors = [_descriptor(info_for(catalogue, name=rule, code=code)) for code, rule in used]
    fingerprints = numbered_fingerprints(report.findings)
    results = [
        _result(f, index[f.rule], fp) for f, fp in zip(report.findings, fingerprints, strict=True)
    ]
    notifications = [{"level": "warning", "message": {"text": note}} for note in report.notes] + [
        {
            "level": "note",
            "message": {"text": f"skipped {s.check}{f' ({s.path})' if s.path else ''}: {s.reason}"},
        }
        for s in report.skipped_checks
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "citecheck",
                "version": report.tool_version,
                "semanticVersion": report.tool_version,
                "informationUri": PROJECT_URL,
                "rules": descriptors,
            }
        },
        "originalUriBaseIds": {
            SRCROOT: {"description": {"text": "The folder citecheck was run in."}}
        },
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "artifacts": [_artifact(path) for path in report.files],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {
            "citations": report.citations,
            "references": report.references,
            # the registry verdict of every reference, as in the JSON report's summary
            **({"registry": report.registry} if report.registry is not None else {}),
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _descriptor(info: Any) -> dict[str, Any]:
    summary = info.summary or info.name.replace("-", " ")
    help_text = info.doc or summary
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": _first_paragraph(help_text)},
        "help": {"text": help_text, "markdown": help_text},
        "helpUri": docs_url(info.name),
        "defaultConfiguration": {"level": _LEVELS.get(Severity(info.severity), "warning")},
        "properties": {"tags": ["citations", "references"]},
    }


def _first_paragraph(text: str) -> str:
    return text.strip().split("\n\n", 1)[0].replace("\n", " ")


def _artifact_location(path: str) -> dict[str, Any]:
    """A relative path under ``%SRCROOT%``, or a file URI for paths outside it."""
    if PurePosixPath(path).is_absolute():
        return {"uri": "file://" + quote(path, safe="/")}
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def _artifact(path: str) -> dict[str, Any]:
    return {"location": _artifact_location(path), "roles": ["analysisTarget"]}


def _physical(loc: Location) -> dict[str, Any]:
    out: dict[str, Any] = {"artifactLocation": _artifact_location(loc.path)}
    # PDF lines count from the top of a page and DOCX has paragraphs, not lines:
    # neither is a line of the file, so no region would point to the right place.
    if loc.page is None and loc.paragraph is None:
        out["region"] = {"startLine": loc.line, "startColumn": loc.column}
    return out


def _location(loc: Location, *, message: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"physicalLocation": _physical(loc)}
    if message:
        out["message"] = {"text": message}
    if loc.page is not None or loc.paragraph is not None:
        out["properties"] = {
            k: v for k, v in (("page", loc.page), ("paragraph", loc.paragraph)) if v is not None
        }
    return out


def _result(f: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    where = (
        f" ({f.location.short()})"
        if f.location and (f.location.page or f.location.paragraph)
        else ""
    )
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[f.severity],
        "message": {"text": f.message + where},
        "locations": [_location(f.location)] if f.location else [],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if f.related:
        out["relatedLocations"] = [
            {"id": i + 1, **_location(loc, message="also cited here")}
            for i, loc in enumerate(f.related)
        ]
    props: dict[str, Any] = {"rule": f.rule}
    if f.confidence is not None:
        props["confidence"] = round(f.confidence, 3)
    if f.citation:
        props["citation"] = f.citation.get("text")
    if f.reference:
        props["reference"] = f.reference.get("text")
    if f.evidence:
        props["evidence"] = f.evidence
    out["properties"] = props
    return out
