"""Findings and reports: what rules produce and reporters render.

Reporters import only this module, so a finding carries its citation and reference
already in their JSON shape (plain dicts), not as live document objects.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, SkipValidation

from citecheck.model.document import Document, Location
from citecheck.model.links import Links


class Severity(str, enum.Enum):
    """How bad a finding is; ordered ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Finding(BaseModel):
    """One problem, where it is, and the evidence for it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    rule: str
    severity: Severity
    message: str
    location: Location | None = None
    citation: dict[str, Any] | None = None
    reference: dict[str, Any] | None = None
    evidence: dict[str, Any] = Field(default_factory=dict)
    confidence: float | None = None  # for findings from fuzzy evidence (0..1)
    related: tuple[Location, ...] = ()  # other places (every place a missing work is cited)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """(path, line, column, code, message): the order of every report."""
        loc = self.location
        if loc is None:
            return ("", 0, 0, self.code, self.message)
        line = loc.line if loc.page is None else loc.page * 100000 + loc.line
        if loc.paragraph is not None:
            line = loc.paragraph
        return (loc.path, line, loc.column, self.code, self.message)

    def fingerprint(self) -> str:
        """A stable id that survives line shifts (rule + path + the texts involved)."""
        parts = [self.code, self.location.path if self.location else ""]
        if self.citation:
            parts.append(str(self.citation.get("text", "")))
        if self.reference:
            parts.append(str(self.reference.get("text", ""))[:200])
        if not self.citation and not self.reference:
            parts.append(self.message)
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]

    def to_json(self) -> dict[str, Any]:
        """The finding's JSON shape of docs/design.md."""
        out: dict[str, Any] = {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "location": self.location.to_json() if self.location else None,
            "citation": self.citation,
            "reference": self.reference,
            "evidence": self.evidence,
        }
        if self.confidence is not None:
            out["confidence"] = round(self.confidence, 3)
        if self.related:
            out["related"] = [loc.to_json() for loc in self.related]
        return out


class SkippedCheck(BaseModel):
    """A check that did not run, and why (offline, network down, too little signal)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    check: str
    reason: str
    path: str | None = None

    def to_json(self) -> dict[str, Any]:
        """``{"check": ..., "reason": ...}`` (plus ``path`` when per-file)."""
        out: dict[str, Any] = {"check": self.check, "reason": self.reason}
        if self.path is not None:
            out["path"] = self.path
        return out


class FileSummary(BaseModel):
    """Counts for one manuscript (the batch summary table)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    citations: int
    references: int
    errors: int = 0
    warnings: int = 0
    infos: int = 0


@dataclass(frozen=True)
class RuleInfo:
    """The parts of a rule a report shows: identity, default severity, docs."""

    code: str
    name: str
    severity: str = "warning"
    summary: str = ""
    doc: str = ""


class Report(BaseModel):
    """Everything one run found, ready for any reporter."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    tool_version: str
    files: tuple[str, ...]
    findings: tuple[Finding, ...]
    citations: int = 0
    references: int = 0
    skipped_checks: tuple[SkippedCheck, ...] = ()
    per_file: tuple[FileSummary, ...] = ()
    notes: tuple[str, ...] = ()  # warnings for people (e.g. "no bibliography found")
    # Per-reference registry verdicts counted (verified / disagrees / not-found /
    # not-checked / not-looked-up, and verified per registry); None when the registry
    # stage did not run.
    registry: dict[str, Any] | None = None
    # Not part of the JSON envelope: what rich reporters (HTML, SARIF, JUnit) show besides
    # the findings. Built by the engine; not validated again (they are already typed).
    documents: Annotated[tuple[Document, ...], SkipValidation] = Field(default=(), exclude=True)
    links: Annotated[tuple[Links, ...], SkipValidation] = Field(default=(), exclude=True)
    rules: Annotated[tuple[RuleInfo, ...], SkipValidation] = Field(default=(), exclude=True)

    def by_rule(self) -> dict[str, int]:
        """Finding counts per rule name, sorted by name."""
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
        return dict(sorted(counts.items()))

    def count(self, severity: Severity) -> int:
        """How many findings have exactly this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    def worst(self) -> Severity | None:
        """The highest severity present, or None without findings."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)

    def to_json(self) -> dict[str, Any]:
        """The versioned JSON envelope of docs/design.md."""
        return {
            "schema_version": 1,
            "tool": {"name": "citecheck", "version": self.tool_version},
            "files": list(self.files),
            "findings": [f.to_json() for f in self.findings],
            "summary": {
                "citations": self.citations,
                "references": self.references,
                "by_rule": self.by_rule(),
                "skipped_checks": [s.to_json() for s in self.skipped_checks],
                **({"registry": self.registry} if self.registry is not None else {}),
            },
        }
