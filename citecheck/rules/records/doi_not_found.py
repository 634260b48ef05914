"""doi-not-found (CC202): a well-formed DOI is registered nowhere.

Why it matters
--------------
A DOI that no registration agency knows sends readers to an error page; it is
usually a typo, a DOI copied from another reference, or one that was never
registered. The rule fires only when Crossref answers 404 AND the doi.org handle
service says the DOI does not exist. A DOI registered with another agency
(DataCite, mEDRA, JaLC, ...) is not an error, and a look-up that failed
(network, rate limit) is listed under skipped checks, never reported. When a
bibliographic search finds the work with confidence, its DOI is suggested.

The same holds for the other identifiers a reference may carry instead of a DOI:
an arXiv identifier (or arXiv DOI, ``10.48550/arXiv.*``) that the arXiv API does
not hold, and a PubMed id that PubMed cannot summarise, are reported here ("arXiv:…
does not exist"). An invented arXiv number is a common trace of a fabricated
reference.

Example
-------
Bad::

    Meijer, A., & Rodríguez Bolívar, M. P. (2016). Governing the smart city.
    International Review of Administrative Sciences, 82(2), 392-408.
    https://doi.org/10.1177/0020852314564399

Good: ``https://doi.org/10.1177/0020852314564308``.

Bad (arXiv holds no 2201.13455; its id_list answer has an empty entry for it)::

    Doe, J. (2022). A result that was never posted. arXiv:2201.13455.

Good: the identifier of the posted work, e.g. ``arXiv:2201.13452`` for Yin & Zou,
"Asymptotic analysis for a nonlinear reaction-diffusion system modeling an
infectious disease".

Configuration
-------------
Needs the registry. The suggestion uses the thresholds of missing-doi.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from citecheck.model.findings import Finding, Severity
from citecheck.model.resolution import NotFound
from citecheck.registry.matching.candidates import judge
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.records._common import resolved, search_hits


def check(ctx: RuleContext) -> Iterator[Finding]:
    """An error for each reference whose DOI no registry holds."""
    thresholds = Thresholds.from_settings(ctx.settings)
    for _, ref, res in resolved(ctx):
        miss = res.by_doi
        if not isinstance(miss, NotFound):
            continue
        doi = res.doi or miss.query
        evidence: dict[str, Any] = {
            "doi": doi,
            "asked": list(miss.sources),
            "answers": dict(miss.evidence),
        }
        message = f"DOI {doi} is not registered (asked: {', '.join(miss.sources)})"
        if res.id_kind != "doi" and res.cited_id:
            # An arXiv identifier or PubMed id that the registry of record does not hold.
            evidence["identifier"] = res.cited_id
            message = f"{res.cited_id} does not exist (asked: {', '.join(miss.sources)})"
        hits = search_hits(res)
        if hits:
            verdict = judge(ref, [h.record for h in hits], thresholds)
            best = verdict.accepted
            if best is not None and best.record.doi and best.record.doi != doi:
                message += f"; the registry has this work as {best.record.doi}"
                evidence["suggested_doi"] = best.record.doi
                evidence["suggestion"] = {
                    "confidence": round(best.score, 3),
                    "signals": best.signals,
                    "record_url": best.record.url,
                }
        yield RULE.finding(message=message, location=ref.location, reference=ref, evidence=evidence)


RULE = Rule(
    code="CC202",
    name="doi-not-found",
    severity=Severity.ERROR,
    summary="a DOI is registered nowhere",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"registry"}),
)
