"""author-mismatch (CC104): a citation and the entry it means disagree on a name.

Why it matters
--------------
A misspelt surname, a co-author left out or added, or "et al." for a work with
only two authors makes the citation hard to match to its entry (and is the kind
of slip reviewers notice first). The linker has decided the citation means this
entry (same year, first author the same or a likely misspelling); the finding
says which names differ, with the similarity score and the threshold used.

Example
-------
Bad::

    Rahmawati (2020) found ...          Rahnawati, S. (2020). Literasi digital ...
    (Smith et al., 2019)                Smith, J., & Jones, K. (2019). ...

Good::

    Rahnawati (2020) found ...
    (Smith & Jones, 2019)

The same names and year cited again for the same entry are one finding, with every
place it is cited (``related``).

Configuration
-------------
``thresholds.name_similarity`` (default 75, see docs/benchmarks.md "Name matching
thresholds") is the similarity (0-100) above which two surnames count as one name
misspelt. Surnames of four letters or fewer never count as misspelt unless a
co-author and the year confirm the work ("Li" and "Lu" are different people).
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.document import Reference
from citecheck.model.findings import Finding, Severity
from citecheck.model.links import Link, NameEvidence
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.crossmatch._common import linked, listed, quote


def _explain(evidence: NameEvidence | None, ref: Reference) -> tuple[list[str], float]:
    """Plain-language reasons and a confidence for the finding."""
    reasons: list[str] = []
    confidence = 0.9
    if evidence is None:
        return reasons, confidence
    n_listed = len(evidence.listed_authors)
    for pair in evidence.names:
        if pair.how.startswith("fuzzy"):
            reasons.append(
                f"'{pair.cited}' is spelt '{pair.listed}' in the list "
                f"(similarity {pair.score:.0f}/100)"
            )
            confidence = min(confidence, max(0.5, pair.score / 100))
        elif pair.how == "none":
            reasons.append(f"co-author '{pair.cited}' is not an author of this entry")
            confidence = min(confidence, 0.6)
    problems = set(evidence.problems)
    cited = evidence.cited_authors
    if "order" in problems:
        reasons.append("the authors are named in a different order")
    if "extra-coauthor" in problems:
        extra = cited[n_listed:]
        reasons.append(
            f"{', '.join(repr(x) for x in extra)} {'is' if len(extra) == 1 else 'are'} not "
            f"among the entry's authors"
        )
    if "missing-coauthor" in problems:
        if n_listed >= 3 or ref.et_al:
            reasons.append(
                f"the entry has {n_listed if not ref.et_al else 'more'} authors; "
                f"write '{cited[0] if cited else '...'} et al.'"
            )
        else:
            missing = evidence.listed_authors[len(cited) :]
            reasons.append(f"co-author {' and '.join(repr(x) for x in missing)} is not named")
    if "et-al-few-authors" in problems:
        reasons.append(
            f"'et al.' is used but the entry has only {n_listed} author{'s' if n_listed != 1 else ''}"
            "; name them all"
        )
        confidence = min(confidence, 0.8)
    return reasons, confidence


def check(ctx: RuleContext) -> Iterator[Finding]:
    """A warning for each way a listed work is cited despite differing names: the same
    names and year cited again for the same entry are one finding with every place."""
    doc = ctx.document
    groups: dict[tuple[int, tuple[str, ...], bool, str | None], list[Link]] = {}
    for ln in linked(ctx.links, ("author-mismatch",)):
        if ln.reference is None:
            continue
        c = doc.citations[ln.citation]
        form = (ln.reference, tuple(a.casefold() for a in c.authors), c.et_al, c.year)
        groups.setdefault(form, []).append(ln)
    for (ref_index, _names, _et_al, _year), members in groups.items():
        ln = members[0]
        c = doc.citations[ln.citation]
        ref = doc.references[ref_index]
        ev = ln.evidence if isinstance(ln.evidence, NameEvidence) else None
        reasons, confidence = _explain(ev, ref)
        times = f" ({len(members)} times)" if len(members) > 1 else ""
        message = f"Cited as '{quote(c)}'{times} but the reference list has '{listed(ref)}'"
        if reasons:
            message += ": " + "; ".join(reasons)
        yield RULE.finding(
            message=message,
            location=c.location,
            citation=c,
            reference=ref,
            evidence=ln.evidence_json(),
            confidence=confidence,
            related=tuple(doc.citations[m.citation].location for m in members[1:]),
        )


RULE = Rule(
    code="CC104",
    name="author-mismatch",
    severity=Severity.WARNING,
    summary="a citation and its reference disagree on a name",
    check=check,
    doc=__doc__ or "",
)
