"""JUnit XML (``--format junit``) for CI systems that show test reports (GitLab, Jenkins).

One test suite per manuscript; each error or warning is a failed test case named
after its rule and place; info findings are passed cases with the message as
output; a manuscript without findings gets one passing case so it shows as green.
No timestamps or durations, so the file is reproducible.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from citecheck.model.findings import Finding, Report, Severity

# Characters XML 1.0 forbids even as references; manuscript text may hold them.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _details(f: Finding) -> str:
    lines = [f.message]
    if f.location:
        lines.append(f"at {f.location.short()}")
    if f.citation:
        lines.append(f"citation: {f.citation.get('text', '')}")
    if f.reference:
        lines.append(f"reference: {f.reference.get('text', '')}")
    for key, value in f.evidence.items():
        lines.append(f"{key}: {value}")
    for loc in f.related:
        lines.append(f"also at {loc.short()}")
    return _clean("\n".join(lines))


def _case(f: Finding, classname: str) -> ET.Element:
    where = f.location.short() if f.location else classname
    case = ET.Element(
        "testcase",
        {"classname": _clean(classname), "name": _clean(f"{f.code} {f.rule} at {where}")},
    )
    if f.severity is Severity.INFO:
        out = ET.SubElement(case, "system-out")
        out.text = _details(f)
    else:
        failure = ET.SubElement(
            case,
            "failure",
            {"message": _clean(f.message), "type": f"{f.severity.value}:{f.rule}"},
        )
        failure.text = _details(f)
    return case


def _suite(name: str, findings: Iterable[Finding]) -> ET.Element:
    cases = [_case(f, name) for f in findings]
    if not cases:
        cases = [ET.Element("testcase", {"classname": _clean(name), "name": "citecheck"})]
    failures = sum(1 for c in cases if c.find("failure") is not None)
    suite = ET.Element(
        "testsuite",
        {
            "name": _clean(name),
            "tests": str(len(cases)),
            "failures": str(failures),
            "errors": "0",
            "skipped": "0",
        },
    )
    suite.extend(cases)
    return suite


def _owner(report: Report) -> dict[str, str]:
    """Which manuscript a path belongs to (reference files count for their manuscript)."""
    owner = {path: path for path in report.files}
    for doc in report.documents:
        for ref_file in getattr(doc, "reference_files", ()):
            owner.setdefault(ref_file, getattr(doc, "path", ref_file))
    return owner


def render(report: Report, *, color: bool = False) -> str:
    """The ``<testsuites>`` document as a string with an XML declaration."""
    owner = _owner(report)
    groups: dict[str, list[Finding]] = {path: [] for path in report.files}
    for f in report.findings:
        path = f.location.path if f.location else "citecheck"
        groups.setdefault(owner.get(path, path), []).append(f)
    suites = [_suite(name, items) for name, items in groups.items()]
    root = ET.Element(
        "testsuites",
        {
            "name": "citecheck",
            "tests": str(sum(int(s.get("tests", "0")) for s in suites)),
            "failures": str(sum(int(s.get("failures", "0")) for s in suites)),
            "errors": "0",
        },
    )
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
