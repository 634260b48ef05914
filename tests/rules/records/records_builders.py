"""Builders for registry rule tests: real recorded Crossref bodies into resolutions."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from citecheck.model.document import Author, Document, Location, Reference
from citecheck.model.findings import Finding
from citecheck.model.links import Links
from citecheck.model.resolution import (
    Candidate,
    Found,
    NotFound,
    ReferenceResolution,
    Resolution,
    Unavailable,
)
from citecheck.model.settings import Settings
from citecheck.rules.base import Rule, RuleContext

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "crossref"
PATH = "paper.md"


def body(num: str) -> Any:
    """The recorded JSON body of fixture ``num`` ("01", "17", ...)."""
    [path] = [p for p in FIXTURES.glob(f"{num}_*.json") if not p.name.endswith(".meta.json")]
    return json.loads(path.read_text(encoding="utf-8"))


def work(num: str) -> dict[str, Any]:
    """A single work record (the ``message`` of a /works/{doi} body), as a fresh copy."""
    data = body(num)
    return copy.deepcopy(data.get("message", data))


def items(num: str) -> list[dict[str, Any]]:
    """The hits of a recorded list (query.bibliographic) response."""
    return copy.deepcopy(body(num)["message"]["items"])


def meta(num: str) -> dict[str, Any]:
    """The fixture's .meta.json."""
    [path] = list(FIXTURES.glob(f"{num}_*.meta.json"))
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def ref(
    text: str,
    *families: str,
    year: str | None = None,
    title: str | None = None,
    container: str | None = None,
    volume: str | None = None,
    issue: str | None = None,
    pages: str | None = None,
    doi: str | None = None,
    url: str | None = None,
    kind: Any = None,
    et_al: bool = False,
    line: int = 10,
) -> Reference:
    """A reference entry with parsed fields."""
    return Reference(
        text=text,
        authors=tuple(Author(family=f) for f in families),
        year=year,
        title=title,
        container=container,
        volume=volume,
        issue=issue,
        pages=pages,
        doi=doi,
        url=url,
        kind=kind,
        et_al=et_al,
        location=Location(path=PATH, line=line),
    )


def found(record: dict[str, Any], source: Any = "crossref") -> ReferenceResolution:
    """A resolution whose DOI look-up found ``record``."""
    doi = str(record.get("DOI", "")).lower() or None
    return ReferenceResolution(doi=doi, by_doi=Found(record, source, doi, source))


def searched(
    hits: list[dict[str, Any]] | Unavailable,
    *,
    doi: str | None = None,
    by_doi: Resolution | None = None,
) -> ReferenceResolution:
    """A resolution of a reference that was searched for."""
    search = (
        hits
        if isinstance(hits, Unavailable)
        else tuple(Candidate(record=h, score=h.get("score")) for h in hits)
    )
    return ReferenceResolution(doi=doi, by_doi=by_doi, search=search)


def not_found(doi: str) -> NotFound:
    """Crossref 404 and doi.org 'handle not found', as the resolver reports it."""
    return NotFound(
        query=doi,
        sources=("crossref", "doi.org"),
        evidence={"crossref": "HTTP 404", "doi.org": "responseCode 100"},
    )


def run(
    rule: Rule,
    refs: list[Reference],
    resolutions: dict[int, Any] | None = None,
    settings: Settings | None = None,
) -> list[Finding]:
    """The rule's findings on a document holding ``refs``."""
    document = Document(
        path=PATH, format="markdown", references=tuple(refs), bibliography_found=True
    )
    ctx = RuleContext(
        document=document,
        links=Links(),
        settings=settings or Settings(),
        resolutions=resolutions or {},
    )
    return list(rule.check(ctx))
