"""A small, fixed report for every reporter test: two manuscripts, hostile text included."""

from __future__ import annotations

from citecheck.model.document import Author, Citation, Document, Location, Reference
from citecheck.model.findings import FileSummary, Finding, Report, Severity, SkippedCheck
from citecheck.model.links import Link, Links
from citecheck.reporters._rules import RuleCatalogue, RuleInfo

TEXT = (
    "# A study of <script>alert('x')</script> governance\n"
    "\n"
    "Collaboration matters (Ansell & Gash, 2008). Others disagree (Nam & Pardo, 2011).\n"
    'Emerson et al. (2012) extend it; see also (Ansell & Gash, 2007) and "<b>" (O\'Neil, 2020).\n'
    "\n"
    "## References\n"
    "\n"
    "Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice.\n"
    "Emerson, K., Nabatchi, T., & Balogh, S. (2012). An integrative framework.\n"
    "Unused, U. (1999). Never cited <img src=x onerror=alert(1)>.\n"
)


def _cit(text: str, authors: tuple[str, ...], year: str, *, narrative: bool = False) -> Citation:
    start = TEXT.index(text)
    line = TEXT.count("\n", 0, start) + 1
    col = start - (TEXT.rfind("\n", 0, start) + 1) + 1
    return Citation(
        text=text,
        authors=authors,
        year=year,
        start=start,
        end=start + len(text),
        narrative=narrative,
        location=Location(path="manuscripts/paper.md", line=line, column=col),
    )


def _ref(text: str, family: str, year: str) -> Reference:
    start = TEXT.index(text)
    line = TEXT.count("\n", 0, start) + 1
    return Reference(
        text=text,
        authors=(Author(family=family),),
        year=year,
        location=Location(path="manuscripts/paper.md", line=line, column=1),
    )


CITATIONS = (
    _cit("(Ansell & Gash, 2008)", ("Ansell", "Gash"), "2008"),
    _cit("(Nam & Pardo, 2011)", ("Nam", "Pardo"), "2011"),
    _cit("Emerson et al. (2012)", ("Emerson",), "2012", narrative=True),
    _cit("(Ansell & Gash, 2007)", ("Ansell", "Gash"), "2007"),
    _cit("(O'Neil, 2020)", ("O'Neil",), "2020"),
)
REFERENCES = (
    _ref(
        "Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice.",
        "Ansell",
        "2008",
    ),
    _ref(
        "Emerson, K., Nabatchi, T., & Balogh, S. (2012). An integrative framework.",
        "Emerson",
        "2012",
    ),
    _ref("Unused, U. (1999). Never cited <img src=x onerror=alert(1)>.", "Unused", "1999"),
)
DOC = Document(
    path="manuscripts/paper.md",
    format="markdown",
    text=TEXT,
    citations=CITATIONS,
    references=REFERENCES,
    bibliography_found=True,
)
LINKS = Links(
    links=(
        Link(citation=0, status="exact", reference=0),
        Link(citation=1, status="unmatched"),
        Link(citation=2, status="exact", reference=1),
        Link(citation=3, status="year-mismatch", reference=0),
        Link(citation=4, status="unmatched"),
    )
)
OTHER = Document(path="manuscripts/other paper.md", format="markdown", text="No citations here.\n")

CATALOGUE: RuleCatalogue = {
    "cited-not-listed": RuleInfo(
        code="CC101",
        name="cited-not-listed",
        severity="error",
        summary="An in-text citation has no reference entry.",
        doc="A citation that points nowhere.\n\nWhy it matters\n--------------\nReaders cannot find the work.",
    ),
    "listed-not-cited": RuleInfo(
        code="CC102",
        name="listed-not-cited",
        severity="warning",
        summary="A reference entry is never cited.",
        doc="An entry nobody cites.\n\nWhy it matters\n--------------\nPadding a bibliography misleads.",
    ),
    "year-mismatch": RuleInfo(
        code="CC103",
        name="year-mismatch",
        severity="error",
        summary="Citation and reference disagree on the year.",
        doc="Years differ.\n\nExample\n-------\n(Ansell & Gash, 2007) vs 2008.",
    ),
}


def _f(
    code: str,
    rule: str,
    sev: Severity,
    msg: str,
    cit: int | None = None,
    ref: int | None = None,
    **extra: object,
) -> Finding:
    c = CITATIONS[cit] if cit is not None else None
    r = REFERENCES[ref] if ref is not None else None
    loc = c.location if c else (r.location if r else None)
    return Finding(
        code=code,
        rule=rule,
        severity=sev,
        message=msg,
        location=loc,
        citation=c.to_json() if c else None,
        reference=r.to_json() if r else None,
        **extra,  # type: ignore[arg-type]
    )


FINDINGS = tuple(
    sorted(
        (
            _f(
                "CC101",
                "cited-not-listed",
                Severity.ERROR,
                "(Nam & Pardo, 2011) is cited but not in the reference list",
                cit=1,
            ),
            _f(
                "CC103",
                "year-mismatch",
                Severity.ERROR,
                "cited as 2007, listed as 2008: 100% sure, line\nbreak, and ::error:: injection",
                cit=3,
                ref=0,
                evidence={"cited_year": "2007", "listed_year": "2008"},
                confidence=0.97,
            ),
            _f(
                "CC101",
                "cited-not-listed",
                Severity.ERROR,
                "(O'Neil, 2020) is cited but not in the reference list <script>alert(2)</script>",
                cit=4,
                evidence={"closest": {"text": "<i>none</i>", "score": 0.12}},
            ),
            _f(
                "CC102",
                "listed-not-cited",
                Severity.WARNING,
                "Unused (1999) is listed but never cited",
                ref=2,
            ),
        ),
        key=lambda f: f.sort_key(),
    )
)


def make_report(*, findings: tuple[Finding, ...] = FINDINGS) -> Report:
    """The fixed report (findings may be shifted/changed by a test)."""
    return Report(
        tool_version="0.1.0",
        files=("manuscripts/other paper.md", "manuscripts/paper.md"),
        findings=findings,
        citations=len(CITATIONS),
        references=len(REFERENCES),
        skipped_checks=(SkippedCheck(check="registry", reason="offline: --offline was given"),),
        per_file=(
            FileSummary(path="manuscripts/other paper.md", citations=0, references=0),
            FileSummary(
                path="manuscripts/paper.md", citations=5, references=3, errors=3, warnings=1
            ),
        ),
        notes=("manuscripts/other paper.md: no bibliography section or reference file found",),
        documents=(OTHER, DOC),
        links=(Links(), LINKS),
    )
