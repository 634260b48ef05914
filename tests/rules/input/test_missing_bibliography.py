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


def test_footnote_sources_without_a_citation_read_are_still_not_checked() -> None:
    # The text cites only through footnote marks: nothing is read as a citation, but
    # the manuscript was not checked, so it must not pass.
    doc = Document(path="paper.md", format="markdown", text=FOOTNOTED)
    ctx = RuleContext(document=doc, links=link(doc), settings=Settings())
    [finding] = RULE.check(ctx)
    assert "2 footnotes ([^1], [^2])" in finding.message
    assert "its citations could not be checked" in finding.message


def test_ordinary_notes_without_citations_are_no_finding() -> None:
    text = "Tides rise.[^1]\n\n[^1]: Both systems showed the same rise.\n"
    doc = Document(path="paper.md", format="markdown", text=text)
    assert list(RULE.check(RuleContext(document=doc, links=link(doc), settings=Settings()))) == []


def test_docx_notes_that_read_as_sources() -> None:
    notes = (
        "Okafor, C.: Tides and letters. 2019.",
        "A remark on tides.",
        "Quillfern: Manual. 2021.",
    )
    text = "Tides rise.\n" + "\n".join(notes)
    spans, pos = [], len("Tides rise.\n")
    for n in notes:
        spans.append((pos, pos + len(n)))
        pos += len(n) + 1
    doc = Document(path="paper.docx", format="docx", text=text, notes=tuple(spans))
    [finding] = RULE.check(RuleContext(document=doc, links=link(doc), settings=Settings()))
    assert "2 footnotes (notes 1, 3)" in finding.message
