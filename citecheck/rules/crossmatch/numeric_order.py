"""numeric-order (CC108): numbered citations out of order, skipped or numbered twice.

Why it matters
--------------
Numeric styles that number works by first mention (Vancouver, IEEE, AMA) expect
the first citation of each work to follow 1, 2, 3, ... through the text, every
number of the list to be used, and each number to belong to one entry. A number
out of order or missing usually means an entry was inserted, deleted or moved
without renumbering, so some citations now point at the wrong work.

Example
-------
Bad::

    Sleep is shorter in adolescents [1]. Screens delay it [3], and so does
    caffeine [2].

    1. ...  2. ...  3. ...  5. ...   (4 is skipped; [3] comes before [2])

Good: "... [1]. Screens delay it [2], and so does caffeine [3]." with entries
numbered 1 to 4.

Only documents whose citations are all numeric are checked; author-year and
key citations never trigger this rule. A list sorted alphabetically by first
author (numeric-alphabetical styles such as AMS; one name in ten may be out of place,
read wrongly from a PDF) is not checked for order, only for skipped and repeated
numbers. One finding per problem kind, at its first
place.

Floats placed in the running text (table cells, figure and table captions and legends,
boxes) are numbered by journals at their call-out, or after the text for legend-only
works, not where a conversion or a word processor puts them: a work first cited in a
float is left out of the order (its citations still count for every other rule).

Configuration
-------------
None.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator

from citecheck.linking.labels import entry_numbers
from citecheck.model.document import Document
from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.text.floats import inside

MISREAD_SHARE = 0.1  # first authors a sorted list may show out of place (misread names)


def _sort_name(family: str) -> str:
    """A family name as sorting styles file it: "de Moura" under M, accents folded."""
    words = family.split()
    while len(words) > 1 and words[0][:1].islower():
        words = words[1:]
    folded = unicodedata.normalize("NFKD", " ".join(words))
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()


def _alphabetical(doc: Document) -> bool:
    """Is the list sorted by first author? A name read wrongly from a PDF ("Ed" for
    "Ed. Smith") may stand out of place: up to one name, or a tenth of a long list."""
    names = [_sort_name(r.authors[0].family) for r in doc.references if r.authors]
    if len(names) < 3:
        return False
    slack = int(MISREAD_SHARE * len(names)) + (1 if len(names) >= 5 else 0)
    return _longest_sorted_run(names) >= len(names) - slack


def _longest_sorted_run(names: list[str]) -> int:
    """Length of the longest non-decreasing subsequence (not necessarily contiguous)."""
    tails: list[str] = []
    for name in names:
        k = bisect.bisect_right(tails, name)
        if k == len(tails):
            tails.append(name)
        else:
            tails[k] = name
    return len(tails)


def check(ctx: RuleContext) -> Iterator[Finding]:
    """First mentions in ascending order; list numbers 1..N without gaps or repeats."""
    doc = ctx.document
    cites = [c for c in doc.citations if c.number is not None]
    if len(cites) < 2 or any(c.style != "numeric" for c in doc.citations):
        return
    # an entry labelled "2,3,4) ..." holds each of its numbers
    labels = [
        numbers if r.number is not None else ()
        for r, numbers in zip(doc.references, entry_numbers(doc.references), strict=True)
    ]
    listed = {n for numbers in labels for n in numbers}
    if not _alphabetical(doc):
        # A number absent from the list is cited-not-listed, and a number never cited
        # is listed-not-cited: neither is an order problem, so only a work first cited
        # after a higher number is reported here.
        seen: set[int] = set()
        highest = 0
        for c in sorted(cites, key=lambda c: c.start):
            n = c.number or 0
            if n in seen or (listed and n not in listed):
                continue
            seen.add(n)
            if inside(doc.floats, c.start):
                continue  # numbered at the float's call-out, not where the float stands
            if n < highest:
                yield RULE.finding(
                    message=f"[{n}] is first cited after [{highest}]: numbers should "
                    "follow the order of first mention",
                    location=c.location,
                    citation=c,
                    evidence={"expected": highest + 1, "found": n},
                )
                break
            highest = n
    numbered = [r for r in doc.references if r.number is not None]
    numbers = [r.number for r in numbered]
    for r in numbered:
        if numbers.count(r.number) > 1:
            yield RULE.finding(
                message=f"the number {r.number} is given to more than one entry",
                location=r.location,
                reference=r,
                evidence={"number": r.number},
            )
            break
    present = listed | {n for n in numbers if n is not None}
    # A skipped number that the text cites is already cited-not-listed.
    cited = {c.number for c in cites}
    missing = sorted(set(range(1, max(present, default=0) + 1)) - present - cited)
    if numbered and missing:
        yield RULE.finding(
            message="the reference list skips "
            + ("number " if len(missing) == 1 else "numbers ")
            + ", ".join(str(n) for n in missing[:10]),
            location=numbered[0].location,
            evidence={"missing": missing[:50]},
        )


RULE = Rule(
    code="CC108",
    name="numeric-order",
    severity=Severity.WARNING,
    summary="numbered citations out of order, or list numbers skipped or repeated",
    check=check,
    doc=__doc__ or "",
)
