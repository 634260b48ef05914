"""inconsistent-citation (CC106): one work is cited in different ways across the text.

Why it matters
--------------
Writing "van der Berg (2010)" in one place and "Berg (2010)" in another, or
"2020" here and "2020a" there, makes readers wonder whether two works are meant.
Reported once per differing form, next to the form the reference list uses:

* a name spelt two ways for the same entry (particles, compound surnames,
  transliteration such as Müller/Mueller). Diacritics alone, declared
  abbreviations ("World Health Organization [WHO]" then "WHO") and an organisation's
  name declined by the sentence ("des Deutschen Jugendinstituts") are not reported;
* the same entry cited with two different years or letters ("2020" and "2020a");
  a citation whose year differs from the list is a year-mismatch, not this;
* a LaTeX/Pandoc key written with other capital letters than the entry's key
  (BibTeX accepts it, biber and Pandoc do not);
* an *unlisted* work cited by the same authors with years close together
  ("Nuriawati et al., 2022" and "Nuriawati et al., 2023"), which is likely one work
  with a typo in one year (within 3 years for several authors, 1 for one author).
  An author the text cites with three or more different years has several works, so
  two close years of theirs are not reported as one.

Example
-------
Bad::

    ... (Van der Berg, 2010) ... later ... (Berg, 2010) ...

Good: the same form everywhere, as in the reference list.

Configuration
-------------
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.document import Citation, Reference
from citecheck.model.findings import Finding, Severity
from citecheck.model.links import KeyEvidence, Link, NameEvidence
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.crossmatch._common import listed, missing_groups, quote
from citecheck.text.names import fold, name_key
from citecheck.text.years import parse_year, printed_years

# forms that are the same name: an acronym, a name declined by the grammar of the
# sentence ("laut einer Studie des Deutschen Jugendinstituts (2020)")
_ABBREVIATED = ("abbreviation", "declared abbreviation", "inflection")


def _with_given_name(cited: str, ref: Reference) -> bool:
    """ "Gustavo Coelho (1999)" for the entry "COELHO, Gustavo Neiva": the author's
    given name written before the surname is the same name, not another form."""
    if not ref.authors or not ref.authors[0].given:
        return False
    family = fold(ref.authors[0].family).split()
    given = fold(ref.authors[0].given or "").replace(".", " ").split()
    words = fold(cited).split()
    front = words[: -len(family)] if family else []
    if not family or words[-len(family) :] != family or not front or len(front) > len(given):
        return False
    # each word before the surname is a given name or its initial
    return all(
        g == w or (len(g) == 1 and w.startswith(g)) for w, g in zip(front, given, strict=False)
    )


def _form(what: str, c: Citation, ln: Link, ref: Reference) -> tuple[object, bool] | None:
    """How a citation writes the entry's name or year, and whether the list agrees."""
    if what == "year":
        y = parse_year(c.year)
        if (
            y.years
            and not y.years & parse_year(ref.year).years
            and y.years & printed_years(ref.text)
        ):
            return None  # another year the entry prints: "(Original work published 1900)"
        ev = ln.evidence
        return (y.kind, y.years, y.suffix), (
            isinstance(ev, NameEvidence) and ev.year_agreement == "exact"
        )
    names = ln.evidence.names if isinstance(ln.evidence, NameEvidence) else ()
    if ln.status != "exact" or not c.authors or not names or names[0].how in _ABBREVIATED:
        return None
    if _with_given_name(c.authors[0], ref):
        return name_key(ref.authors[0].family).full, True
    return name_key(c.authors[0]).full, names[0].how == "exact"


def _by_reference(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.document
    per_ref: dict[int, list[Link]] = {}
    for ln in ctx.links.links:
        if ln.reference is not None and ln.status in ("exact", "author-mismatch"):
            if doc.citations[ln.citation].style == "author-year":
                per_ref.setdefault(ln.reference, []).append(ln)
    for r, links in sorted(per_ref.items()):
        ref = doc.references[r]
        for what in ("name", "year"):
            forms: dict[object, list[int]] = {}
            preferred: set[object] = set()
            for ln in links:
                got = _form(what, doc.citations[ln.citation], ln, ref)
                if got is None:
                    continue
                forms.setdefault(got[0], []).append(ln.citation)
                if got[1]:
                    preferred.add(got[0])
            if len(forms) < 2:
                continue
            main = max(forms, key=lambda k: (k in preferred, len(forms[k]), -forms[k][0]))
            for f, members in forms.items():
                if f == main:
                    continue
                first, other = doc.citations[members[0]], doc.citations[forms[main][0]]
                yield RULE.finding(
                    message=(
                        f"'{quote(first)}' and '{quote(other)}' cite the same entry "
                        f"'{listed(ref)}' with a different {what}; use one form throughout"
                    ),
                    location=first.location,
                    citation=first,
                    reference=ref,
                    evidence={
                        "differs": what,
                        "reference_index": r,
                        "forms": [quote(doc.citations[m[0]]) for m in forms.values()],
                    },
                    related=tuple(doc.citations[m].location for m in members[1:]),
                )


def _key_case(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.document
    seen: set[str] = set()
    for ln in ctx.links.links:
        if not isinstance(ln.evidence, KeyEvidence) or not ln.evidence.key_case_differs:
            continue
        if ln.reference is None:
            continue
        c = doc.citations[ln.citation]
        if c.key is None or c.key in seen:
            continue
        seen.add(c.key)
        ref = doc.references[ln.reference]
        yield RULE.finding(
            message=(
                f"The key '{c.key}' is written with other capital letters than the entry's key "
                f"'{ref.key}'; biber and Pandoc treat them as different keys"
            ),
            location=c.location,
            citation=c,
            reference=ref,
            evidence=ln.evidence_json(),
        )


def _unlisted(ctx: RuleContext) -> Iterator[Finding]:
    """A missing work cited with several years (grouped by ``missing_groups``)."""
    doc = ctx.document
    for members in missing_groups(doc, ctx.links):
        forms: dict[str, int] = {}
        for m in members:
            c = doc.citations[m]
            if c.style == "author-year":
                forms.setdefault(parse_year(c.year).base, m)
        if len(forms) < 2:
            continue
        first = doc.citations[members[0]]
        several = len(first.authors) > 1 or first.et_al
        shown = [quote(doc.citations[m]) for m in forms.values()]
        yield RULE.finding(
            message=(
                f"The same authors are cited with different years ({', '.join(repr(f) for f in shown)})"
                " and none of these is in the reference list; probably one work with a wrong year"
            ),
            location=first.location,
            citation=first,
            evidence={"differs": "year", "forms": shown, "listed": False},
            confidence=0.7 if several else 0.5,
            related=tuple(doc.citations[m].location for m in forms.values() if m != members[0]),
        )


def check(ctx: RuleContext) -> Iterator[Finding]:
    """Warnings for works cited in more than one form."""
    yield from _by_reference(ctx)
    yield from _key_case(ctx)
    yield from _unlisted(ctx)


RULE = Rule(
    code="CC106",
    name="inconsistent-citation",
    severity=Severity.WARNING,
    summary="one work is cited in different ways across the text",
    check=check,
    doc=__doc__ or "",
)
