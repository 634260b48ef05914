"""preprint-published (CC208): a preprint is cited while its peer-reviewed version exists.

Why it matters
--------------
A preprint may differ from the version that passed peer review, and readers and
editors expect the published article to be cited once it exists. The rule fires
when the cited DOI's record is posted content of subtype preprint (bioRxiv,
medRxiv, Research Square, SSRN, ...) and its ``relation`` names the published
version (``is-preprint-of``; ``is-version-of`` pointing to a non-preprint DOI
counts as well). Not every server deposits the link, so a missing link is not
evidence that no article exists.

Example
-------
Bad (a bioRxiv preprint whose record carries
``"relation": {"is-preprint-of": [{"id-type": "doi", "id": "10.1002/ece3.2314"}]}``)::

    Perkins, T. A., Boettiger, C., & Phillips, B. L. (2015). After the games are
    over. bioRxiv. https://doi.org/10.1101/014852

Good: cite 10.1002/ece3.2314 (Ecology and Evolution, 2016).

Configuration
-------------
Needs the registry. Suppress with ``citecheck: ignore[preprint-published]`` when
the preprint is cited on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from citecheck.model.evidence import PreprintPublishedEvidence, PublishedVersion
from citecheck.model.findings import Finding, Severity
from citecheck.registry.matching.record import view
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.records._common import cited_record, record_source, resolved

# Preprint servers' DOI prefixes: an is-version-of link to one of these is another
# preprint version, not the published article.
_PREPRINT_PREFIXES = (
    "10.1101/",
    "10.21203/",
    "10.2139/",
    "10.48550/",
    "10.31234/",
    "10.31219/",
    "10.20944/",
    "10.26434/",
    "10.31235/",
    "10.22541/",
)


def published_versions(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(DOI, relation type) of the published versions a preprint record links to."""
    relation = record.get("relation")
    if not isinstance(relation, dict):
        return []
    out: list[tuple[str, str]] = []
    for kind in ("is-preprint-of", "is-version-of"):
        for link in relation.get(kind) or []:
            if not isinstance(link, dict) or str(link.get("id-type", "doi")).lower() != "doi":
                continue
            target = link.get("id")
            if not isinstance(target, str) or not target.strip():
                continue
            doi = target.strip().lower().removeprefix("https://doi.org/")
            if kind == "is-version-of" and doi.startswith(_PREPRINT_PREFIXES):
                continue
            if doi not in (d for d, _ in out):
                out.append((doi, kind))
    return out


def check(ctx: RuleContext) -> Iterator[Finding]:
    """A warning for each cited preprint whose published version is known."""
    for _, ref, res in resolved(ctx):
        hit = cited_record(ctx, ref, res)
        if hit is None:
            continue
        rec = view(hit.record)
        if not rec.is_preprint:
            continue
        versions = published_versions(hit.record)
        if not versions:
            continue
        doi, kind = versions[0]
        evidence = PreprintPublishedEvidence(
            **record_source(hit, rec),
            record_type=rec.type,
            record_subtype=rec.subtype,
            published_versions=tuple(PublishedVersion(d, k) for d, k in versions),
        )
        message = (
            f"Cited preprint {rec.doi or res.doi} has a published version: {doi} "
            f"(relation {kind}); cite the published article"
        )
        yield RULE.finding(
            message=message,
            location=ref.location,
            reference=ref,
            evidence=evidence.to_json(),
            confidence=1.0 if kind == "is-preprint-of" else 0.8,
        )


RULE = Rule(
    code="CC208",
    name="preprint-published",
    severity=Severity.WARNING,
    summary="a preprint is cited while its published version exists",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"registry"}),
)
