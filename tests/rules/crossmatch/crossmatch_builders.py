"""Small builders for crossmatch rule tests: citations, references, documents, runs."""

from __future__ import annotations

from citecheck.linking import link
from citecheck.model.document import Author, Citation, CitationStyle, Document, Location, Reference
from citecheck.model.findings import Finding
from citecheck.model.settings import Settings
from citecheck.rules.base import Rule, RuleContext

PATH = "paper.md"


def cit(
    text: str,
    *authors: str,
    year: str | None = None,
    et_al: bool = False,
    style: CitationStyle = "author-year",
    number: int | None = None,
    key: str | None = None,
    line: int = 0,
) -> Citation:
    """A citation; ``line`` 0 lets :func:`doc` number it."""
    return Citation(
        text=text,
        style=style,
        authors=authors,
        et_al=et_al,
        year=year,
        number=number,
        key=key,
        location=Location(path=PATH, line=line),
    )


def ref(
    *families: str,
    year: str | None = None,
    title: str | None = None,
    doi: str | None = None,
    key: str | None = None,
    number: int | None = None,
    et_al: bool = False,
    corporate: bool = False,
    abbreviation: str | None = None,
    text: str | None = None,
) -> Reference:
    """A reference entry with the given family names."""
    authors = tuple(
        Author(family=f, given="A.", corporate=corporate, abbreviation=abbreviation)
        for f in families
    )
    shown = text or f"{', '.join(families)} ({year}). {title or 'A title'}."
    return Reference(
        text=shown,
        authors=authors,
        year=year,
        title=title,
        doi=doi,
        key=key,
        number=number,
        et_al=et_al,
        location=Location(path=PATH, line=0),
    )


def doc(citations: list[Citation], references: list[Reference], **kw: object) -> Document:
    """A document; citations get lines 1.., references lines 100.. unless set."""
    cits = tuple(
        c if c.location.line else c.model_copy(update={"location": Location(path=PATH, line=i + 1)})
        for i, c in enumerate(citations)
    )
    refs = tuple(
        r.model_copy(update={"location": Location(path=PATH, line=100 + i)})
        for i, r in enumerate(references)
    )
    fields: dict[str, object] = {"bibliography_found": bool(references), **kw}
    return Document(path=PATH, format="markdown", citations=cits, references=refs, **fields)


def run(rule: Rule, document: Document, settings: Settings | None = None) -> list[Finding]:
    """The findings of one rule on a linked document."""
    ctx = RuleContext(document=document, links=link(document), settings=settings or Settings())
    return list(rule.check(ctx))
