"""doi-invalid (CC201): a reference carries something that cannot be a DOI.

Why it matters
--------------
A malformed DOI leads readers nowhere, and a checker cannot verify the work. A DOI
is ``10.`` + a registrant code of 4-9 digits (dot-separated parts allowed) + ``/``
+ a suffix. Typical slips: a missing suffix (``10.1177/``), a three-digit
registrant, the letter O for a zero (``1O.1016/...``), a journal URL in the DOI
field, or a truncated string. The check works offline: it reads the reference
itself (the DOI field of BibTeX/CSL entries, a doi.org URL, or what follows
"doi:" / "https://doi.org/" in the reference string). Words such as "n/a" or "-"
after "DOI:" are taken as "no DOI", not as a malformed one; a shortDOI in the DOI field
(``10/bqhp9z``, which doi.org resolves) is not malformed.

Example
-------
Bad::

    Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice.
    Journal of Public Administration Research and Theory, 18(4), 543-571.
    https://doi.org/10.1093/

Good: ``https://doi.org/10.1093/jopart/mum032``.

Configuration
-------------
None; runs with and without network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from citecheck.model.document import Reference
from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.text.doi import DOI_PREFIX, extract_doi, normalise_doi

# What follows an explicit DOI marker in a reference string.
# "doi=" as a query parameter of another site's URL (CiteSeerX's
# "viewdoc/summary?doi=10.1.1.95.3145") names that site's document, not a DOI.
_MARKED = re.compile(
    r"(?:(?<![?&])\bdoi\s*[:=]\s*|\bdoi\s+(?=[0-9])|(?:https?://)?(?:dx\.)?doi\.org/)\s*(\S{1,200})",
    re.IGNORECASE,
)
_TRAILING = ".,;:)]}>'\"”’"


def why_invalid(value: str) -> str:
    """A short explanation of what is wrong with ``value`` as a DOI."""
    v = re.sub(r"^\s*(?:(?:https?://)?(?:dx\.)?doi\.org/|doi\s*[:=]?\s*)", "", value, flags=re.I)
    v = v.strip().rstrip(_TRAILING)
    if re.match(r"^1[Oo]\.|^l0\.", v):
        return "starts with a letter instead of '10.'"
    if re.match(r"^https?://|^www\.", v, re.I):
        return "is a web address, not a DOI"
    if not v.startswith("10."):
        return "does not start with '10.'"
    if "/" not in v:
        return "has no '/' separating prefix and suffix"
    prefix, suffix = v.split("/", 1)
    if not re.fullmatch(DOI_PREFIX, prefix):
        return f"prefix '{prefix}' is not '10.' followed by a 4-9 digit registrant code"
    if not suffix.strip():
        return "has nothing after the '/'"
    return "is not in DOI syntax"


# A shortDOI (https://shortdoi.org): "10/bqhp9z", which doi.org resolves like the DOI.
_SHORT_DOI = re.compile(
    r"(?:(?:https?://)?(?:dx\.)?doi\.org/|doi\s*[:=]?\s*)?10/[a-z0-9]{3,12}", re.IGNORECASE
)


def _attempted(value: str) -> bool:
    """True when ``value`` is meant as a DOI (has digits), not a 'none' placeholder."""
    return any(ch.isdigit() for ch in value)


def invalid_doi(ref: Reference) -> tuple[str, str] | None:
    """(the malformed string, where it was found) for ``ref``, or None."""
    field = (ref.doi or "").strip() or (ref.fields.get("doi") or "").strip()
    if field:
        if _SHORT_DOI.fullmatch(field.rstrip(_TRAILING)):
            return None
        if normalise_doi(field) is None and _attempted(field):
            return field, "DOI field"
        return None
    if ref.url and "doi.org/" in ref.url.lower() and normalise_doi(ref.url) is None:
        return ref.url, "URL"
    if extract_doi(ref.text) is not None:
        return None
    for m in _MARKED.finditer(ref.text):
        token = m.group(1).rstrip(_TRAILING)
        if token and _attempted(token):
            return m.group(0).strip().rstrip(_TRAILING), "reference text"
    return None


def check(ctx: RuleContext) -> Iterator[Finding]:
    """An error for each printed reference with a malformed DOI."""
    for i, ref in enumerate(ctx.document.references):
        if i not in ctx.printed:
            continue  # an uncited database entry: not in the manuscript
        bad = invalid_doi(ref)
        if bad is None:
            continue
        value, where = bad
        reason = why_invalid(value)
        yield RULE.finding(
            message=f"Malformed DOI '{value}' ({where}): it {reason}",
            location=ref.location,
            reference=ref,
            evidence={
                "doi": value,
                "where": where,
                "reason": reason,
                "syntax": "10.<registrant: 4-9 digits>/<suffix>",
            },
        )


RULE = Rule(
    code="CC201",
    name="doi-invalid",
    severity=Severity.ERROR,
    summary="a reference carries a malformed DOI",
    check=check,
    doc=__doc__ or "",
)
