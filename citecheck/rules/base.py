"""What a rule is, and what it is given.

A rule is a pure function of a :class:`RuleContext` that yields findings. Each rule
module defines one ``RULE`` and its docstring is the rule's documentation
(Why it matters / Example / Configuration), printed by ``citecheck rule NAME``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from citecheck.model.document import Citation, Document, Location, Reference
from citecheck.model.findings import Finding, RuleInfo, Severity
from citecheck.model.links import Links
from citecheck.model.resolution import Resolutions
from citecheck.model.settings import Settings
from citecheck.model.topic import DocumentTopic


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may read about one document.

    ``resolutions`` maps a reference index to its registry resolution (empty when
    the registry stage did not run); ``topic`` holds the off-topic scores (None
    when that stage did not run or abstained).
    """

    document: Document
    links: Links
    settings: Settings
    resolutions: Resolutions = field(default_factory=dict)
    topic: DocumentTopic | None = None

    @cached_property
    def printed(self) -> frozenset[int]:
        """Indexes of the entries the reader sees in the reference list.

        citeproc and BibTeX print a database entry only when it is cited (or when
        ``nocite: '@*'`` asks for all), so an uncited entry of a bibliography file is
        not in the manuscript: judging its DOI or its topic reports a text nobody reads.
        Typed lists (``source == "bibliography"``) are printed whole.
        """
        doc = self.document
        everything = range(len(doc.references))
        if not doc.cited_only_database or doc.allow_uncited:
            return frozenset(everything)
        cited = self.links.cited_references()
        return frozenset(
            i for i in everything if i in cited or doc.references[i].source == "bibliography"
        )


Check = Callable[[RuleContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule's identity (code and kebab-case name, both forever) and its check."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check
    doc: str = ""
    needs: frozenset[str] = frozenset()  # "registry", "topic": stages the rule needs
    aliases: tuple[str, ...] = ()

    def info(self) -> RuleInfo:
        """What a report shows about this rule (reporters never import rules)."""
        return RuleInfo(
            code=self.code,
            name=self.name,
            severity=self.severity.value,
            summary=self.summary,
            doc=inspect.cleandoc(self.doc) if self.doc else "",
        )

    def finding(
        self,
        *,
        message: str,
        location: Location | None,
        citation: Citation | None = None,
        reference: Reference | None = None,
        evidence: dict[str, Any] | None = None,
        confidence: float | None = None,
        severity: Severity | None = None,
        related: tuple[Location, ...] = (),
    ) -> Finding:
        """A :class:`Finding` of this rule with the citation/reference in JSON shape."""
        return Finding(
            code=self.code,
            rule=self.name,
            severity=severity or self.severity,
            message=message,
            location=location,
            citation=citation.to_json() if citation is not None else None,
            reference=reference.to_json() if reference is not None else None,
            evidence=evidence or {},
            confidence=confidence,
            related=related,
        )


def matches(rule: Rule, names: Iterable[str]) -> bool:
    """True if any of ``names`` names this rule (code, code prefix, name or alias)."""
    for raw in names:
        n = raw.strip()
        if not n:
            continue
        if n.upper() == rule.code or (
            n.upper().startswith("CC") and rule.code.startswith(n.upper())
        ):
            return True
        if n.lower() == rule.name or n.lower() in rule.aliases:
            return True
    return False
