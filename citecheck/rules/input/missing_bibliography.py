"""missing-bibliography (CC002): the manuscript cites works but has no reference list.

Why it matters
--------------
Without a reference list (a "References", "Bibliography" or "Daftar Pustaka"
section, or a reference file given with ``--references``) no citation can be
checked. This one error replaces a cited-not-listed error for every citation: a
manuscript that was not checked must not pass.

Example
-------
Bad: a manuscript with "(Ansell & Gash, 2008)" in the text and no reference section.

Good: the same manuscript ending with::

    ## References
    Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. ...

Configuration
-------------
Give the reference file with ``--references refs.bib`` when the bibliography lives
outside the manuscript.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.loaders import _md_notes as md_notes
from citecheck.model.document import Document, Location
from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext

# What each loader looked for, named in the finding.
_LOOKED_FOR = {
    "latex": "no \\bibliography, \\addbibresource or thebibliography in the main file, its "
    "includes or its local classes and packages, no \\bibdata or datasource in a compiled "
    ".aux/.bcf, and no .bib file next to the main file",
    "pandoc": "no bibliography: or references: in the front matter or _quarto.yml",
}

MIN_SOURCE_NOTES = md_notes.MIN_SOURCE_NOTES


def _note_sources(doc: Document) -> list[str]:
    """Labels of the footnotes that read as sources: Markdown definitions, DOCX notes
    (numbered in order)."""
    if doc.format == "markdown":
        return [n.label for n in md_notes.source_notes(doc.text)]
    texts = [doc.text[a:b] for a, b in doc.notes]
    return [str(i) for i, t in enumerate(texts, 1) if md_notes.SOURCE_SIGN.search(t)]


def check(ctx: RuleContext) -> Iterator[Finding]:
    """An error when there are citations but neither a bibliography nor references."""
    doc = ctx.document
    if doc.bibliography_found or doc.references:
        return
    notes = _note_sources(doc)
    # Sources given only as footnotes, with no citation read in the text: still not
    # checked (two such notes at least: one web address in a note is no source list).
    if not doc.citations and len(notes) < MIN_SOURCE_NOTES:
        return
    n = len(doc.citations)
    looked = _LOOKED_FOR.get(
        doc.format,
        "no References / Bibliography / Daftar Pustaka section and no reference file",
    )
    cites = f"{n} in-text citation{'s' if n != 1 else ''}" if n else "citations"
    if notes:
        # the sources are there, as footnotes: say so instead of "no list"
        marks = [f"[^{label}]" if doc.format == "markdown" else label for label in notes[:3]]
        shown = ("" if doc.format == "markdown" else "notes ") + ", ".join(marks)
        shown += ", ..." if len(notes) > 3 else ""
        yield RULE.finding(
            message=(
                f"The manuscript gives its sources as {len(notes)} footnote"
                f"{'s' if len(notes) != 1 else ''} ({shown}) and has no reference list; "
                f"footnotes are not read as a reference list, so its {cites} could not be "
                "checked; give the list with --references"
            ),
            location=Location(path=doc.path),
            evidence={"citations": n, "source_footnotes": len(notes)},
        )
        return
    yield RULE.finding(
        message=(
            f"The manuscript has {cites} but no reference "
            f"list was found ({looked}), so the citations could not be checked; "
            "give the list with --references"
        ),
        location=Location(path=doc.path),
        evidence={"citations": n},
    )


RULE = Rule(
    code="CC002",
    name="missing-bibliography",
    severity=Severity.ERROR,
    summary="the manuscript cites works but has no reference list",
    check=check,
    doc=__doc__ or "",
)
