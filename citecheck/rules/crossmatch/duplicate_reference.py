"""duplicate-reference (CC107): the same work is listed twice.

Why it matters
--------------
A work listed twice inflates the reference count, usually means two drafts were
merged, and leaves readers unsure which entry a citation means. Two entries are
the same work when they share a DOI, a BibTeX key (BibTeX ignores case in keys),
or the first author, the year and a title that differs only by case, punctuation,
a dropped subtitle or a typo (similarity ≥ 90, with the same numbers: "Part 1"
and "Part 2" are different works; see docs/benchmarks.md "Duplicate reference
thresholds"). "Smith (2020a)" and "Smith (2020b)" with different titles are two works.
Two entries with one DOI but different titles are two works of which one carries a wrong
DOI: the finding says so instead of advising to delete one.
In a bibliography database read by Pandoc or LaTeX (see listed-not-cited), only cited
entries are printed: two entries of one work count when both are printed (both cited,
or ``nocite`` prints everything). Two entries with the same name and title but
different web addresses and no venue or DOI are two pages of one site ("EllisLab
(2020). CodeIgniter." for the guide and for one of its chapters). A book and a
chapter of it by the same authors (the chapter printed "In <the book's title>") are two
works.

Example
-------
Bad::

    Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. ...
    Ansell, C. & Gash, A. (2008). Collaborative Governance in Theory and Practice. ...

Good: keep one entry.

Configuration
-------------
``thresholds.title_similarity`` (default 90) is the title similarity (0-100) above
which two entries by the same first author and year are one work. Sources given as
Markdown footnotes (read as the list when there is no typed one) are not compared: a
footnote style gives a work again at each place it is used.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.crossmatch._common import excerpt
from citecheck.rules.crossmatch._duplicates import TITLE_THRESHOLD, find_duplicates, same_title

_WHY = {"doi": "the same DOI", "key": "the same key", "title": "the same authors, year and title"}


def check(ctx: RuleContext) -> Iterator[Finding]:
    """A warning at each entry that repeats an earlier one."""
    doc = ctx.document
    refs = doc.references
    threshold = ctx.settings.threshold("title_similarity", TITLE_THRESHOLD)
    cited = ctx.links.cited_references() if doc.cited_only_database else set()
    for dup in find_duplicates(refs, threshold):
        earlier, later = refs[dup.earlier], refs[dup.later]
        if earlier.fields.get("footnote") or later.fields.get("footnote"):
            continue  # sources given as footnotes repeat a work at each place it is used
        if not all(
            doc.allow_uncited or r.source == "bibliography" or i in cited
            for i, r in ((dup.earlier, earlier), (dup.later, later))
            if doc.cited_only_database
        ):
            continue  # citeproc/BibTeX print this work once at most
        evidence: dict[str, object] = {"reason": dup.reason, "duplicate_of": dup.earlier}
        advice = "keep one"
        if dup.reason == "doi":
            evidence["doi"] = later.doi
            if _other_titles(earlier.title, later.title, threshold):
                # two works under one DOI: deleting one entry would lose a work
                evidence["titles"] = [earlier.title, later.title]
                advice = "but their titles differ: one DOI is wrong, check which work it names"
        elif dup.reason == "key":
            evidence["keys"] = [earlier.key, later.key]
        else:
            evidence.update(
                {"titles": [earlier.title, later.title], "score": dup.score, "threshold": threshold}
            )
        yield RULE.finding(
            message=(
                f"Reference entry '{excerpt(later, 70)}' repeats the entry "
                f"'{excerpt(earlier, 70)}' ({_WHY[dup.reason]}); {advice}"
            ),
            location=later.location,
            reference=later,
            evidence=evidence,
            confidence=None if dup.reason != "title" else min(1.0, (dup.score or 100) / 100),
            related=(earlier.location,),
        )


def _other_titles(a: str | None, b: str | None, threshold: float) -> bool:
    """Both titles known and not one title (so the shared DOI cannot be both's)."""
    return bool(a and b) and not same_title(a or "", b or "", threshold)[0]


RULE = Rule(
    code="CC107",
    name="duplicate-reference",
    severity=Severity.WARNING,
    summary="the same work is listed twice",
    check=check,
    doc=__doc__ or "",
)
