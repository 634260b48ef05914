"""year-mismatch (CC103): a citation and the entry it means disagree on the year.

Why it matters
--------------
Readers look up a work by author and year; with the wrong year they find another
work or none. The linker decides that the citation means this entry because the
authors agree and no entry with the cited year exists (preferring an entry no
other citation already matches exactly).

Example
-------
Bad::

    ... as shown by Ansell and Gash (2007).

    Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice ...

Good: "Ansell and Gash (2008)".

Not reported: a year the entry prints too, in brackets or after "published" ("(Original
work published 1950)", a second work of the same authors written inside one entry), and
a cited name longer than the listed one that shares only a part of it ("Barómetro Cívico
(2020)" against "Cívico, U. (2019)"): with the year differing as well, that is another
work (cited-not-listed), not a typo.

Configuration
-------------
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.crossmatch._common import linked, listed, quote


def check(ctx: RuleContext) -> Iterator[Finding]:
    """An error for each citation linked with another year."""
    doc = ctx.document
    for ln in linked(ctx.links, ("year-mismatch",)):
        c = doc.citations[ln.citation]
        if ln.reference is None:
            continue
        ref = doc.references[ln.reference]
        message = (
            f"Cited as '{quote(c)}' but the reference list has '{listed(ref)}' "
            f"(year {c.year or 'missing'} in the text, {ref.year or 'missing'} in the list)"
        )
        yield RULE.finding(
            message=message,
            location=c.location,
            citation=c,
            reference=ref,
            evidence=ln.evidence_json(),
        )


RULE = Rule(
    code="CC103",
    name="year-mismatch",
    severity=Severity.ERROR,
    summary="a citation and its reference disagree on the year",
    check=check,
    doc=__doc__ or "",
)
