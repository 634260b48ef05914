"""preprint-published (CC208): a preprint is cited while its peer-reviewed version exists.

Why it matters
--------------
A preprint may differ from the version that passed peer review, and readers and
editors expect the published article to be cited once it exists. The rule fires
when the cited DOI's record is posted content of subtype preprint (bioRxiv,
medRxiv, Research Square, SSRN, ...) and its ``relation`` names the published
version (``is-preprint-of``; ``is-version-of`` pointing to a non-preprint DOI
counts as well). For arXiv preprints (cited by arXiv identifier or arXiv DOI) the
journal DOI the authors added to their arXiv record (``arxiv:doi``, shown with its
``journal_ref``) is the published version; a reference that already names a
journal or a volume next to its arXiv identifier cites that version and is left
alone. Not every server deposits the link, so
a missing link is not evidence that no article exists.

Example
-------
Bad (a bioRxiv preprint whose record carries
``"relation": {"is-preprint-of": [{"id-type": "doi", "id": "10.1002/ece3.2314"}]}``)::

    Perkins, T. A., Boettiger, C., & Phillips, B. L. (2015). After the games are
    over. bioRxiv. https://doi.org/10.1101/014852

Good: cite 10.1002/ece3.2314 (Ecology and Evolution, 2016).

Bad (the arXiv record of 1706.01836 names DOI 10.1063/1.4996038, "The Journal of
Chemical Physics 147, 114113 (2017)")::

    Yang, Y., Brorsen, K. R., Culpitt, T., Pak, M. V., & Hammes-Schiffer, S. (2017).
    Development of a practical multicomponent density functional for electron-proton
    correlation to produce accurate proton densities. arXiv:1706.01836.

Good: cite the Journal of Chemical Physics article, 10.1063/1.4996038.

Configuration
-------------
Needs the registry. Suppress with ``citecheck: ignore[preprint-published]`` when
the preprint is cited on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from citecheck.model.document import Reference
from citecheck.model.evidence import PreprintPublishedEvidence, PublishedVersion
from citecheck.model.findings import Finding, Severity
from citecheck.references import parse_reference
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


_PREPRINT_VENUE = re.compile(r"arxiv|preprint|e-?print|rxiv|ssrn", re.IGNORECASE)


def names_a_venue(ref: Reference) -> bool:
    """The reference names a journal or proceedings (not arXiv) or a volume."""
    parsed = parse_reference(ref.text)
    container = ref.container or parsed.container
    if container and not _PREPRINT_VENUE.search(container):
        return True
    return bool(ref.volume or parsed.volume)


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
        if res.id_kind == "arxiv" and names_a_venue(ref):
            # "Phys. Rev. D 99, 012345 (2019), arXiv:1801.00001": the journal version
            # is cited; the arXiv identifier is a courtesy.
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
