"""doi-mismatch (CC203): the DOI resolves to a different work than the reference describes.

Why it matters
--------------
A DOI copied from the neighbouring entry, or from a search result for another
paper, sends readers to the wrong work while looking perfectly valid. The rule
compares the reference with the registry record of its DOI and reports when the
title AND the first author both disagree: the record's title aligned inside the
reference string (or the parsed title) scores below ``doi-mismatch.title`` and
the record's first author is not found among the reference's leading names
(similarity below ``doi-mismatch.author``). A title that disagrees while the
author agrees is left to metadata-mismatch (often a translated title). When the
record's volume and first page both occur in the reference, it is never called
another work. References that carry an arXiv identifier or a PubMed id instead
of a DOI are compared with the arXiv or PubMed record of that identifier the same
way ("arXiv:2201.13452 belongs to another work").

Example
-------
Bad (10.1371/journal.pone.0033693 is a PLoS ONE paper on methylphenidate by
Sadasivan et al.)::

    Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice.
    Journal of Public Administration Research and Theory, 18(4), 543-571.
    https://doi.org/10.1371/journal.pone.0033693

Good: ``https://doi.org/10.1093/jopart/mum032``.

Bad (arXiv:2201.13452 is Yin & Zou's reaction-diffusion paper)::

    Smith, J., & Lee, K. (2022). Quantum gravity without tears in five dimensions.
    arXiv:2201.13452.

Good: the identifier of the cited work, or none.

Configuration
-------------
``[tool.citecheck] thresholds = {"doi-mismatch.title" = 0.7, "doi-mismatch.author" = 0.7}``
(defaults chosen on labelled reference/record pairs; see docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.findings import Finding, Severity
from citecheck.model.resolution import ReferenceResolution
from citecheck.registry.matching.compare import Identity, identity
from citecheck.registry.matching.record import view
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.records._common import found, record_source, resolved, shorten


def confidence(ident: Identity, t: Thresholds) -> float:
    """0.5 at the thresholds, rising to 0.99 as both similarities fall to zero."""
    author = ident.author.score or 0.0
    closeness = max(ident.title.score / t.mismatch_title, author / t.mismatch_author)
    return round(min(0.99, max(0.5, 1.0 - 0.5 * closeness)), 3)


def _cited(res: ReferenceResolution, record_doi: str | None) -> str:
    """What the reference gave: "DOI 10.x/y", or the arXiv id / PubMed id it carries."""
    if res.id_kind != "doi" and res.cited_id:
        return res.cited_id
    return f"DOI {record_doi or res.doi}"


def check(ctx: RuleContext) -> Iterator[Finding]:
    """An error for each reference whose DOI names another work."""
    t = Thresholds.from_settings(ctx.settings)
    for _, ref, res in resolved(ctx):
        hit = found(res)
        if hit is None:
            continue
        rec = view(hit.record)
        ident = identity(ref, rec)
        if not ident.mismatch(t):
            continue
        first = rec.first_author.family if rec.first_author else None
        evidence = {
            **record_source(hit, rec),
            "title": {
                "reference": ref.title,
                "record": rec.full_title,
                "similarity": round(ident.title.score, 3),
                "threshold": t.mismatch_title,
                "method": ident.title.method,
            },
            "first_author": {
                "reference": ref.authors[0].family if ref.authors else None,
                "record": first,
                "similarity": round(ident.author.score or 0.0, 3),
                "threshold": t.mismatch_author,
                "method": ident.author.method,
            },
        }
        message = (
            f"{_cited(res, rec.doi)} belongs to another work: "
            f"'{shorten(rec.full_title, 80)}' by {first or 'unknown'}"
            f"; {_differs(ident.title.score, ident.author.score, t)}"
        )
        yield RULE.finding(
            message=message,
            location=ref.location,
            reference=ref,
            evidence=evidence,
            confidence=confidence(ident, t),
        )


RULE = Rule(
    code="CC203",
    name="doi-mismatch",
    severity=Severity.ERROR,
    summary="a DOI resolves to a different work than the reference describes",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"registry"}),
)


def _differs(title: float, author: float | None, t: Thresholds) -> str:
    """What disagrees, in words (the similarities themselves are in the evidence)."""
    parts = []
    if title < t.mismatch_title:
        parts.append("the title")
    if author is not None and author < t.mismatch_author:
        parts.append("the first author")
    if not parts:
        return "neither the title nor the first author is close enough"
    return f"{' and '.join(parts)} {'do' if len(parts) > 1 else 'does'} not match the reference"
