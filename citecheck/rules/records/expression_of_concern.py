"""expression-of-concern (CC206): the cited work carries an expression of concern.

Why it matters
--------------
An expression of concern tells readers that a journal doubts a paper's data or
conduct while it investigates; a retraction may follow. Citing such a paper as
settled evidence overstates it. The rule reads ``updated-by`` notices of type
``expression_of_concern`` in the registry record (publisher or Retraction Watch).

Example
-------
Bad: a reference whose DOI record lists
``{"type": "expression_of_concern", "DOI": "10.1234/eoc.1", "updated": 2021-03-02}``.

Good: cite it with a note in the text ("see the journal's expression of concern"),
or cite other evidence.

Configuration
-------------
Needs the registry. Suppress with ``citecheck: ignore[expression-of-concern]``.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.records._common import CONCERN_TYPES, notice_findings


def check(ctx: RuleContext) -> Iterator[Finding]:
    """A warning for each reference whose work carries an expression of concern."""
    yield from notice_findings(ctx, RULE, CONCERN_TYPES, what="subject to an expression of concern")


RULE = Rule(
    code="CC206",
    name="expression-of-concern",
    severity=Severity.WARNING,
    summary="the cited work carries an expression of concern",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"registry"}),
)
