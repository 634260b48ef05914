"""missing-bibliography: citations without any reference list."""

from __future__ import annotations

from citecheck.linking import link
from citecheck.model.document import Author, Citation, Document, Location, Reference
from citecheck.model.settings import Settings
from citecheck.rules.base import RuleContext
from citecheck.rules.crossmatch.cited_not_listed import RULE as CITED_NOT_LISTED
from citecheck.rules.input.missing_bibliography import RULE

LOC = Location(path="paper.md", line=3)
CITE = Citation(text="(Ansell & Gash, 2008)", authors=("Ansell", "Gash"), year="2008", location=LOC)


def _run(doc: Document) -> list[str]:
    ctx = RuleContext(document=doc, links=link(doc), settings=Settings())
    return [f.rule for rule in (RULE, CITED_NOT_LISTED) for f in rule.check(ctx)]


def test_citations_without_bibliography_warn_once() -> None:
    doc = Document(path="paper.md", format="markdown", citations=(CITE, CITE))
    assert _run(doc) == ["missing-bibliography"]  # and no cited-not-listed per citation


def test_bibliography_present_is_fine() -> None:
    ref = Reference(
        text="Ansell, C. (2008).", authors=(Author(family="Ansell"),), year="2008", location=LOC
    )
    doc = Document(
        path="paper.md",
        format="markdown",
        citations=(CITE,),
        references=(ref,),
        bibliography_found=True,
    )
    assert "missing-bibliography" not in _run(doc)


def test_empty_bibliography_section_reports_the_citations() -> None:
    doc = Document(path="paper.md", format="markdown", citations=(CITE,), bibliography_found=True)
    assert _run(doc) == ["cited-not-listed"]


def test_no_citations_no_warning() -> None:
    assert _run(Document(path="paper.md", format="markdown")) == []
