"""metadata-mismatch (CC204): reference fields disagree with the registry record.

Why it matters
--------------
A wrong year, volume, issue, page range, journal name, title or author list makes
a work hard to find and suggests the reference was not checked against the work.
When the DOI names the cited work (see doi-mismatch), every parsed field is
compared with the record and all differences are listed in one finding.

Years: a cited year equal to the record's print, online, issued (or issue print)
year is correct, since online-first articles carry two years; the finding lists
every date the record has. Page ranges are compared expanded (1425-37 =
1425-1437). Journal names match their ISO 4 / NLM abbreviations ("J Muscle Res
Cell Motil"). A difference is only reported when the record's value is also absent
from the reference string, so a field the parser put in the wrong place is not
blamed on the author.

Example
-------
Bad (the record of 10.1002/jor.1100150407 says volume 15, issue 4, pages 519-527,
printed July 1997, online 2005)::

    Lieber, R. L., et al. (1998). Growth hormone secretagogue increases muscle
    strength ... Journal of Orthopaedic Research, 15(4), 519-27.
    https://doi.org/10.1002/jor.1100150407

reported as "year 1998 (record: published-print 1997, published-online 2005,
issued 1997, ...)". Good: "(1997)". For an online-first article (online 2020,
print 2021) both years are accepted.

Configuration
-------------
Thresholds ``metadata-mismatch.title`` (title similarity below which titles
differ), ``metadata-mismatch.container``, ``metadata-mismatch.surname-same`` and
``metadata-mismatch.surname-similar``.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.evidence import FieldDifference, MetadataMismatchEvidence
from citecheck.model.findings import Finding, Severity
from citecheck.registry.matching.compare import FieldDiff, field_differences, identity
from citecheck.registry.matching.record import view
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.records._common import found, record_source, resolved, shorten, source_name


def _describe(diff: FieldDiff) -> str:
    if diff.field == "year":
        dates = diff.detail.get("record_dates", {})
        listed = ", ".join(f"{name} {year}" for name, year in dates.items())
        return f"year {diff.reference} (record: {listed})"
    if diff.field == "authors":
        parts = []
        for pair in diff.detail.get("misspelt", []):
            parts.append(f"'{pair['reference']}' vs '{pair['record']}'")
        if diff.detail.get("missing"):
            parts.append("missing " + ", ".join(diff.detail["missing"][:5]))
        if diff.detail.get("extra"):
            parts.append("not in the record: " + ", ".join(diff.detail["extra"][:5]))
        return "authors (" + "; ".join(parts) + ")"
    if diff.field in ("title", "container"):
        return f"{diff.field} '{shorten(diff.reference, 60)}' vs '{shorten(diff.record, 60)}'"
    return f"{diff.field} {diff.reference} vs {diff.record}"


def check(ctx: RuleContext) -> Iterator[Finding]:
    """A warning per reference listing every field that differs from its record."""
    t = Thresholds.from_settings(ctx.settings)
    for _, ref, res in resolved(ctx):
        hit = found(res)
        if hit is None:
            continue
        rec = view(hit.record)
        if identity(ref, rec).mismatch(t):
            continue  # another work altogether: doi-mismatch reports it
        diffs = field_differences(ref, rec, t)
        if not diffs:
            continue
        evidence = MetadataMismatchEvidence(
            **record_source(hit, rec),
            differences=tuple(
                FieldDifference(d.field, d.reference, d.record, d.detail) for d in diffs
            ),
            record_dates=dict(rec.years),
        )
        message = (
            f"Reference differs from the {source_name(hit)} record of {rec.doi or res.doi}: "
            + "; ".join(_describe(d) for d in diffs)
        )
        yield RULE.finding(
            message=message, location=ref.location, reference=ref, evidence=evidence.to_json()
        )


RULE = Rule(
    code="CC204",
    name="metadata-mismatch",
    severity=Severity.WARNING,
    summary="reference fields disagree with the registry record",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"registry"}),
)
