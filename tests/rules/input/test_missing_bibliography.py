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


FOOTNOTED = """As Okafor (2019)[^1] and the tool[^2] show, tides rise.[^3]

[^1]: Okafor, Chidi: Tides and letters.
    https://example.org/tides [Zugriff: 3. Mai 2020].
[^2]: Quillfern: Quillpad manual. 2021.
[^3]: Both systems showed the same rise.
"""


def test_sources_given_as_footnotes_are_named_not_called_missing() -> None:
    doc = Document(path="paper.md", format="markdown", text=FOOTNOTED, citations=(CITE,))
    ctx = RuleContext(document=doc, links=link(doc), settings=Settings())
    [finding] = RULE.check(ctx)
    assert "2 footnotes ([^1], [^2])" in finding.message  # [^3] is a remark, not a source
    assert "no reference list" in finding.message and "could not be checked" in finding.message
    assert finding.evidence["source_footnotes"] == 2
