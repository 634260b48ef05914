"""retracted (CC205): the cited work has been retracted or withdrawn.

Why it matters
--------------
A retracted paper's findings are no longer stood behind by its authors or its
journal; building on it without saying so misleads readers and reviewers. The
rule reads the registry record's ``updated-by`` notices (publisher-deposited and
Retraction Watch ones alike: types retraction, partial retraction, withdrawal,
removal) and titles beginning "RETRACTED" or "WITHDRAWN". When the cited DOI is
itself a retraction notice, the finding says so at warning level: citing the
notice is usually deliberate.

Example
-------
Bad (the record of 10.1016/s0140-6736(97)11096-0 lists retraction notice
10.1016/s0140-6736(10)60175-4 of 2010-02-06)::

    Wakefield, A. J., et al. (1998). Ileal-lymphoid-nodular hyperplasia, non-specific
    colitis, and pervasive developmental disorder in children. The Lancet, 351,
    637-641. https://doi.org/10.1016/S0140-6736(97)11096-0

Good: cite work that has not been retracted, or say in the text that it was.

Configuration
-------------
Needs the registry (skipped with ``--offline`` unless the cache holds the record).
Suppress a deliberate citation with ``citecheck: ignore[retracted]``.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.records._common import RETRACTION_TYPES, notice_findings


def check(ctx: RuleContext) -> Iterator[Finding]:
    """An error for each reference whose work carries a retraction notice."""
    yield from notice_findings(
        ctx, RULE, RETRACTION_TYPES, what="retracted", title_words=("RETRACTED", "WITHDRAWN")
    )


RULE = Rule(
    code="CC205",
    name="retracted",
    severity=Severity.ERROR,
    summary="the cited work is retracted or withdrawn",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"registry"}),
)
