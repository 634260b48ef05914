"""has-correction (CC207): a correction or erratum was published for the cited work.

Why it matters
--------------
A correction may change a figure, a number or a conclusion you rely on. This is
information, not an error: check that what you cite still holds in the corrected
version. The rule reads ``updated-by`` notices of types correction, erratum,
corrigendum, addendum and clarification (publisher or Retraction Watch).

Example
-------
Bad (unchecked): 10.1371/journal.pone.0033693, whose record lists correction
10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda of 2012-05-08.

Good: the same reference once the correction has been read (suppress it then).

Configuration
-------------
Needs the registry. Suppress with ``citecheck: ignore[has-correction]`` or
``--ignore has-correction``.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.records._common import CORRECTION_TYPES, notice_findings


def check(ctx: RuleContext) -> Iterator[Finding]:
    """An info finding for each reference whose work has a correction."""
    yield from notice_findings(ctx, RULE, CORRECTION_TYPES, what="corrected")


RULE = Rule(
    code="CC207",
    name="has-correction",
    severity=Severity.INFO,
    summary="a correction or erratum was published for the cited work",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"registry"}),
)
