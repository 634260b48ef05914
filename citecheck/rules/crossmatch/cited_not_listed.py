"""cited-not-listed (CC101): an in-text citation has no entry in the reference list.

Why it matters
--------------
Readers cannot find a work that is cited but not listed, and editors treat it as a
sign of careless or copied referencing. Each missing work is reported once, at its
first citation, with every other place it is cited; a citation that merely
misspells a listed name or year is reported as author-mismatch / year-mismatch
instead.

Example
-------
Bad::

    Trust matters in collaboration (Putra, 2022).

    ## References
    Ansell, C., & Gash, A. (2008). Collaborative governance ...

Good: add "Putra, A. (2022). ..." to the references, or correct the citation.

Configuration
-------------
None. In a document that cites by number, an author-year mention of a work not yet
published ("Okafor and Lee, in prep.", "submitted", "unpublished") is not reported:
numbered styles (PLOS, Vancouver) name such work in the text only. When the manuscript has no reference list at all, missing-bibliography is
reported instead of one error per citation. When a document holds more references
than are read (20,000, cited entries first) and some entries a citation may point to
were left unread, nothing is reported: the reference-limit problem says so.

A work cited through another ("Mourato (2004), conforme citado por Tavares (2015)",
"(Lima, 2009, apud Tavares, 2015)", "Kowalczyk (2001) (dalam Tavares, 2015)", "as
cited in") is not reported when the consulted work is listed: APA, ABNT and Indonesian
guides list only the work that was read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from citecheck.citations.patterns import SECONDARY_AFTER
from citecheck.loaders.refcap import citations_unmatched
from citecheck.model.document import Document
from citecheck.model.findings import Finding, Severity
from citecheck.model.links import CitedEvidence, Link
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.crossmatch._common import missing_groups, places, quote

_UNPUBLISHED = re.compile(
    r"\s*(?:in\s+prep(?:\.|aration)?|submitted|unpublished(?:\s+data)?|under\s+review|"
    r"in\s+review)\s*",
    re.IGNORECASE,
)


def _through_listed(
    doc: Document, index: int, link_of: dict[int, Link], by_start: list[tuple[int, int]]
) -> bool:
    """A work cited through a listed one ("Mourato (2004), conforme citado por Tavares
    (2015)", "Kowalczyk (2001) (dalam Tavares, 2015)"): the consulted work is listed, as
    APA, ABNT and Indonesian guides ask, and the original need not be."""
    c = doc.citations[index]
    if c.style != "author-year" or c.end <= c.start:
        return False
    marker = SECONDARY_AFTER.match(doc.text, c.end)
    if marker is None:
        return False
    at = bisect_left(by_start, (marker.end(), -1))
    if at == len(by_start):
        return False
    start, nxt = by_start[at]
    if start > marker.end() + 1 or doc.text[marker.end() : start].strip("( "):
        return False
    ln = link_of.get(nxt)
    return ln is not None and ln.reference is not None


def check(ctx: RuleContext) -> Iterator[Finding]:
    """One error per missing work, at its first citation."""
    doc = ctx.document
    if not doc.references and not doc.bibliography_found:
        return  # missing-bibliography says it once
    if citations_unmatched(doc.problems):
        return  # entries past the references limit were not read (a parse-error says so)
    link_of = {ln.citation: ln for ln in ctx.links.links}
    numbered = 2 * sum(c.style == "numeric" for c in doc.citations) > len(doc.citations)
    by_start = sorted((c.start, i) for i, c in enumerate(doc.citations))
    for members in missing_groups(doc, ctx.links):
        members = [m for m in members if not _through_listed(doc, m, link_of, by_start)]
        if not members:
            continue
        first = doc.citations[members[0]]
        if numbered and first.style == "author-year" and _UNPUBLISHED.fullmatch(first.year or ""):
            continue  # named in the text only, as numbered styles do with unpublished work
        link = link_of[members[0]]
        evidence = link.evidence_json()
        evidence["cited"] = len(members)
        where = "" if len(members) == 1 else f" {places(len(members))}"
        if first.style == "numeric":
            size = len(doc.references)
            message = (
                f"Reference number {first.number} is cited{where} as '{quote(first)}' but the "
                f"reference list has no entry {first.number} (it has {size} entr"
                f"{'y' if size == 1 else 'ies'})"
            )
        elif first.style == "key":
            message = (
                f"'{quote(first)}'{where} cites the key '{first.key}' but no reference entry "
                "has this key"
            )
        else:
            message = f"'{quote(first)}' is cited{where} but is not in the reference list"
            others = list(
                dict.fromkeys(
                    quote(doc.citations[m])
                    for m in members[1:]
                    if doc.citations[m].year != first.year
                )
            )
            if others:
                message += f" (also cited as {', '.join(repr(o) for o in others[:3])})"
            similar = link.evidence.similar if isinstance(link.evidence, CitedEvidence) else None
            if similar:
                labels = " or ".join(f"'{s.label}'" for s in similar[:3])
                message += f" (the list has {labels})"
        yield RULE.finding(
            message=message,
            location=first.location,
            citation=first,
            evidence=evidence,
            related=tuple(doc.citations[m].location for m in members[1:]),
        )


RULE = Rule(
    code="CC101",
    name="cited-not-listed",
    severity=Severity.ERROR,
    summary="an in-text citation has no reference entry",
    check=check,
    doc=__doc__ or "",
)
