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
work (cited-not-listed), not a typo. Nor an entry whose only year is its access date
("GUDWIN, R. Introdução à UML. Disponível em: ... Acesso em: 19 out. 2022."): the
entry is undated, and the year is when the page was read.

A citation printed with an empty year slot ("(Okafor C.A., )": what a citation
processor prints when the database entry has no year) is reported once per entry it
means, at its first place, with the others as related places: when the entry has no
year either, the year is missing from the entry (add it there, and every citation of
it gets it); when the entry has one, from the citation.

Configuration
-------------
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.document import Citation
from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.crossmatch._common import excerpt, linked, listed, quote


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
    yield from _empty_years(ctx)


def empty_year(c: Citation) -> bool:
    """A citation whose year slot is empty: "(Okafor C.A., )" is read as authors, no
    year, and a span that ends at the comma."""
    return c.style == "author-year" and c.year is None and c.text.rstrip().endswith(",")


def _empty_years(ctx: RuleContext) -> Iterator[Finding]:
    """One finding per entry cited with an empty year slot (see the module doc)."""
    doc = ctx.document
    by_ref: dict[int, list[int]] = {}
    for ln in ctx.links.links:
        if ln.reference is not None and ln.status != "year-mismatch":
            if empty_year(doc.citations[ln.citation]):
                by_ref.setdefault(ln.reference, []).append(ln.citation)
    for ri, members in sorted(by_ref.items(), key=lambda kv: kv[1][0]):
        ref = doc.references[ri]
        c = doc.citations[members[0]]
        n = "" if len(members) == 1 else f" ({len(members)} citations)"
        if ref.year:
            message = (
                f"Cited as '({quote(c)} )' with an empty year{n}, but the reference list has "
                f"'{listed(ref)}': the year is missing from the citation"
            )
        else:
            message = (
                f"Cited as '({quote(c)} )' with an empty year{n}, and the entry "
                f"'{excerpt(ref, 60)}' has no year either: add the year to the entry (a "
                "citation processor prints an empty year when the entry has none)"
            )
        yield RULE.finding(
            message=message,
            location=c.location,
            citation=c,
            reference=ref,
            evidence={"reference_index": ri, "empty_year": True, "citations": members},
            related=tuple(doc.citations[i].location for i in members[1:]),
        )


RULE = Rule(
    code="CC103",
    name="year-mismatch",
    severity=Severity.ERROR,
    summary="a citation and its reference disagree on the year",
    check=check,
    doc=__doc__ or "",
)
