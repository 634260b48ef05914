"""parse-error (CC001): part of the input could not be read.

Why it matters
--------------
A BibTeX entry with a missing brace, a reference file that is not valid JSON or a
manuscript section the loader could not make sense of means some references or
citations were not checked at all. The rest of the file is still checked; this
finding says what was skipped and where.

Two BibTeX kinds (named in ``evidence.kind``) read differently from a broken entry:

- ``duplicate-field`` (warning): a BibTeX entry gives a field twice. The entry is
  kept with the first value, as BibTeX reads it; the later values are ignored. When
  the printed list is made from the database (Pandoc, LaTeX), only the entries the text
  cites are reported: an uncited entry is never read by citeproc or BibTeX.
- ``duplicate-key``: two entries share a key; BibTeX keeps the first. In a database
  whose printed list is made from it, a repeated key of an entry the text does not cite
  changes nothing printed: those are summarised in one info note
  (``duplicate-key-uncited``) instead of one error each.
- ``keyless-entry``: an entry without a citation key (``@article{title = ...``). It
  can never be cited (and Pandoc refuses the whole file), so it is reported here and
  never as an uncited entry.

Loader notes (``severity`` info in the evidence: a file read under a different case,
a bibliography read from the compiled ``.aux``/``.bcf``) say how the input was
read; they are not failures. One loader note is a warning: ``field-items-only``, a Word
document whose Zotero/Mendeley/EndNote citation fields have no printed reference list
(the bibliography was never inserted); its citations were checked against the fields'
items, which no reader sees. When every such field is in a footnote (a note style,
whose notes print the sources) the note is info. Another is a warning too:
``field-item-not-printed``, a citation field whose reference-manager item the printed
list surely does not hold (no entry shows its DOI, its title's opening, or its first
author with its year; empty items are left out) while the field's text reads as a
number or not at all: "(35)" then points a reader at another work, or at nothing. A
field text that reads as an author-year citation is judged as cited-not-listed instead.

Example
-------
Bad (``refs.bib``)::

    @article{smith2019,
      title = {Collaborative governance,
      year = 2019 }

Good::

    @article{smith2019,
      title = {Collaborative governance},
      year = 2019 }

Configuration
-------------
None. Ignore it with ``--ignore parse-error`` (the unread parts stay unchecked).
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.document import Problem
from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    """One finding per problem a loader recorded."""
    doc = ctx.document
    unprinted: set[str] = set()
    if doc.cited_only_database and any(p.kind in _UNPRINTED_KINDS for p in doc.problems):
        printed = ctx.printed
        unprinted = {
            r.key.lower() for i, r in enumerate(doc.references) if r.key and i not in printed
        }
    repeated: list[Problem] = []
    for problem in doc.problems:
        if (
            problem.kind in _UNPRINTED_KINDS
            and str(problem.evidence.get("key", "")).lower() in unprinted
        ):
            # citeproc/BibTeX never print an uncited entry of the database
            if problem.kind == "duplicate-key":
                repeated.append(problem)
            continue
        # A loader's note (a file read under a different case, a bibliography found only
        # in the compiled .aux) says how the input was read; it is not a failure.
        level = _LEVELS.get(str(problem.evidence.get("severity", "")))
        yield RULE.finding(
            message=problem.message,
            location=problem.location,
            evidence={"kind": problem.kind, **problem.evidence},
            severity=level,
        )
    if repeated:
        yield _repeated_uncited(repeated)


def _repeated_uncited(repeated: list[Problem]) -> Finding:
    """One note for the duplicate keys of entries the text does not cite."""
    keys = [str(p.evidence.get("key", "")) for p in repeated]
    shown = ", ".join(f"'{k}'" for k in keys[:5]) + (
        f" and {len(keys) - 5:,} more" if len(keys) > 5 else ""
    )
    return RULE.finding(
        message=f"{len(keys):,} duplicate BibTeX key(s) among entries the text does not cite "
        f"({shown}): the printed list holds only cited entries, so it is not affected; "
        "tidy the database when convenient",
        location=repeated[0].location,
        evidence={"kind": "duplicate-key-uncited", "count": len(keys), "keys": keys[:100]},
        severity=Severity.INFO,
    )


_LEVELS = {"info": Severity.INFO, "warning": Severity.WARNING}
#: Problems of one entry that matter only when the entry is printed.
_UNPRINTED_KINDS = frozenset({"duplicate-field", "duplicate-key"})


RULE = Rule(
    code="CC001",
    name="parse-error",
    severity=Severity.ERROR,
    summary="part of the input could not be read",
    check=check,
    doc=__doc__ or "",
)
