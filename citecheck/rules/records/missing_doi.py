"""missing-doi (CC209): no DOI given, but the registry has a confident match.

Why it matters
--------------
A DOI lets readers and indexing services find the exact work; many journals
require one for every reference that has one. For a reference without a (valid)
DOI, the registry's bibliographic search hits are validated one by one against
the reference: the title must agree (aligned in the reference string or against
the parsed title), the first author must be found among the leading names, and
at least one of year (±1), volume, first page or journal must agree with none
contradicting (two, when the record has no personal author). Records that are
never the cited work (journal issues, components, peer reviews) and preprints
(unless a preprint is cited) are refused; two different works scoring alike are
a tie and nothing is suggested. The suggestion carries the validator's confidence.

Example
-------
Bad (no DOI)::

    Danehkar, A. (2020). AtomNeb Python Package, an addendum to AtomNeb: IDL Library
    for Atomic Data of Ionized Nebulae. Journal of Open Source Software, 5(55), 2797.

Good: the same with ``https://doi.org/10.21105/joss.02797``.

Configuration
-------------
Thresholds ``missing-doi.accept`` (validator score), ``missing-doi.title`` and
``missing-doi.author`` (minimum title and first-author similarity), chosen on
labelled data (docs/benchmarks.md, "Reference matching").
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.evidence import MissingDoiEvidence
from citecheck.model.findings import Finding, Severity
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.records._common import resolved, search_verdict, shorten


def check(ctx: RuleContext) -> Iterator[Finding]:
    """An info finding with the suggested DOI for each reference the registry matches."""
    t = Thresholds.from_settings(ctx.settings)
    for _, ref, res in resolved(ctx):
        if res.doi is not None:
            continue
        verdict = search_verdict(ref, res, t)
        if verdict is None or verdict.accepted is None:
            continue
        best = verdict.accepted
        rec = best.record
        evidence = MissingDoiEvidence(
            source="crossref",
            record_doi=rec.doi,
            record_url=rec.url,
            searched=shorten(ref.text, 300),
            signals=best.signals,
            thresholds={
                "accept": t.accept,
                "title": t.candidate_title,
                "author": t.candidate_author,
            },
        )
        given = "a malformed DOI" if not res.doi_valid else "no DOI"
        message = (
            f"Reference has {given}; the registry matches it to {rec.doi} "
            f"('{shorten(rec.full_title, 70)}'): add it if this is the cited work"
        )
        yield RULE.finding(
            message=message,
            location=ref.location,
            reference=ref,
            evidence=evidence.to_json(),
            confidence=best.score,
        )


RULE = Rule(
    code="CC209",
    name="missing-doi",
    severity=Severity.INFO,
    summary="no DOI given, but the registry has a confident match",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"registry"}),
)
