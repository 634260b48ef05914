"""listed-not-cited (CC102): a reference entry is never cited in the text.

Why it matters
--------------
Most styles (APA, Harvard, Vancouver, and Indonesian journals' "Daftar Pustaka"
rules) require that every listed work is cited. An uncited entry is padding, a
leftover from an earlier draft, or a citation that was lost while editing.
An entry counts as cited when any citation links to it, even one with a misspelt
name or a wrong year (those are reported by their own rules).

Example
-------
Bad: "Emerson, K. (2012). An integrative framework ..." is listed, but no
"(Emerson, 2012)" appears in the text.

Good: cite it where it is used, or remove the entry.

Statutes are usually named in the prose rather than cited by author and year
("sebagaimana diatur dalam Undang-Undang Nomor 23 Tahun 2014"): an entry whose title
carries a statute number and year ("Nomor 23 Tahun 2014", "No. 6 of 2014") counts as
cited when the text outside the reference list names the same number and year.

Configuration
-------------
``allow-uncited = ["emerson2012", "Emerson, K. (2012)"]`` lists entries (by key, or by
the start of their text) that are listed on purpose (a further-reading list).
Shared bibliographies (``shared-bibliography = true`` or a reference file used by
several manuscripts) are not checked. Nothing is reported when the text has no
citations at all (the citation style was probably not recognised).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from citecheck.model.document import Document, Reference
from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.crossmatch._common import excerpt


def _allowed(ref: Reference, allowed: tuple[str, ...]) -> bool:
    text = " ".join(ref.text.split()).casefold()
    for item in allowed:
        want = item.strip()
        if not want:
            continue
        if ref.key and (want == ref.key or want.casefold() == ref.key.casefold()):
            return True
        if text.startswith(" ".join(want.split()).casefold()):
            return True
    return False


# "Nomor 23 Tahun 2014", "No. 12 Tahun 2019", "No 6/2014", "Number 6 of 2014"
_STATUTE_ID = re.compile(
    r"\b(?:Nomor|Nomer|No|Nr|Number)\.?\s*(\d{1,4})\s*(?:Tahun|of|/)\s*((?:1[89]|20)\d\d)\b",
    re.IGNORECASE,
)


def _statute_ids(text: str) -> list[tuple[str, str]]:
    """(number, year) of every statute number in ``text``."""
    return [(m.group(1).lstrip("0"), m.group(2)) for m in _STATUTE_ID.finditer(text)]


def _named_in_prose(doc: Document) -> set[tuple[str, str]]:
    """Statute numbers the text names outside the reference entries themselves
    (the document text may include the bibliography, so its mentions are subtracted)."""
    seen = Counter(_statute_ids(doc.text))
    for ref in doc.references:
        seen.subtract(_statute_ids(ref.text))
    return {k for k, n in seen.items() if n > 0}


def check(ctx: RuleContext) -> Iterator[Finding]:
    """A warning for each entry no citation links to."""
    doc = ctx.document
    if doc.allow_uncited or not doc.citations:
        return
    cited = ctx.links.cited_references()
    named: set[tuple[str, str]] | None = None
    for i, ref in enumerate(doc.references):
        if i in cited or _allowed(ref, ctx.settings.allow_uncited):
            continue
        ids = set(_statute_ids(ref.title or ref.text))
        if ids:
            named = _named_in_prose(doc) if named is None else named
            if ids & named:
                continue
        label = f"[{ref.number}] " if ref.number is not None else ""
        yield RULE.finding(
            message=f"Reference entry {label}'{excerpt(ref)}' is never cited in the text",
            location=ref.location,
            reference=ref,
            evidence={"reference_index": i, "key": ref.key},
        )


RULE = Rule(
    code="CC102",
    name="listed-not-cited",
    severity=Severity.WARNING,
    summary="a reference entry is never cited",
    check=check,
    doc=__doc__ or "",
)
