"""ambiguous-citation (CC105): a citation fits several reference entries.

Why it matters
--------------
"(Smith, 2020)" cannot be followed when the list has "Smith (2020a)" and
"Smith (2020b)", or two 2019 works by Smith with different co-authors. Styles ask
for the letter (2020a) or enough co-authors to tell the works apart. Citations
written the same way are reported once, with every place they occur.

Example
-------
Bad::

    (Smith, 2020)        Smith, J. (2020a). ...   Smith, J. (2020b). ...

Good: "(Smith, 2020a)".

Configuration
-------------
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.document import Reference
from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.crossmatch._common import excerpt, linked, listed, quote
from citecheck.rules.crossmatch._duplicates import find_duplicates
from citecheck.text.clip import clip


def _title(ref: Reference) -> str:
    return clip(ref.title, 60) if ref.title else excerpt(ref, 60)


def check(ctx: RuleContext) -> Iterator[Finding]:
    """One warning per way of citing that fits several entries."""
    doc = ctx.document
    groups: dict[tuple[object, ...], list[int]] = {}
    for ln in linked(ctx.links, ("ambiguous",)):
        c = doc.citations[ln.citation]
        sig = (tuple(a.casefold() for a in c.authors), c.et_al, c.year, ln.candidates)
        groups.setdefault(sig, []).append(ln.citation)
    link_of = {ln.citation: ln for ln in ctx.links.links}
    # an entry listed twice is duplicate-reference, not an ambiguity
    same_as = {d.later: d.earlier for d in find_duplicates(doc.references)} if groups else {}
    for members in groups.values():
        first = doc.citations[members[0]]
        ln = link_of[members[0]]
        distinct = list(dict.fromkeys(same_as.get(r, r) for r in ln.candidates))
        if len(distinct) < 2:
            continue
        labels = [listed(doc.references[r]) for r in distinct]
        if len(set(labels)) < len(labels):  # same authors and year: tell them apart by title
            labels = [
                f"{lab}: {_title(doc.references[r])}"
                for lab, r in zip(labels, distinct, strict=True)
            ]
        labels = [f"'{lab}'" for lab in labels]
        hint = (
            "add the letter (e.g. 2020a) to the year"
            if any((doc.references[r].year or "")[-1:].isalpha() for r in distinct)
            else "name more authors or add a letter to the year so readers know which"
        )
        where = "" if len(members) == 1 else f" (cited this way {len(members)} times)"
        yield RULE.finding(
            message=(
                f"'{quote(first)}'{where} fits {len(labels)} entries of the reference list: "
                f"{', '.join(labels)}; {hint}"
            ),
            location=first.location,
            citation=first,
            evidence=ln.evidence_json(),
            related=tuple(doc.citations[m].location for m in members[1:]),
        )


RULE = Rule(
    code="CC105",
    name="ambiguous-citation",
    severity=Severity.WARNING,
    summary="a citation fits several references",
    check=check,
    doc=__doc__ or "",
)
