"""The data every loader produces and every later stage reads.

A :class:`Document` holds the in-text :class:`Citation` s and the bibliography's
:class:`Reference` s of one manuscript, each with the place it was found. Loaders
build documents; the linker, resolvers and rules only read them.
"""

from __future__ import annotations

import bisect
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(_Frozen):
    """Where something stands in the file the user has.

    ``line``/``column`` are 1-based. PDF loaders also set ``page`` (then ``line`` is
    the line on that page); DOCX loaders set ``paragraph``.
    """

    path: str
    line: int = 1
    column: int = 1
    page: int | None = None
    paragraph: int | None = None

    def short(self) -> str:
        """``path:line:column`` (or ``path:p.PAGE:line`` / ``path:¶N``) for people."""
        if self.page is not None:
            return f"{self.path}:p.{self.page}:{self.line}"
        if self.paragraph is not None:
            return f"{self.path}:¶{self.paragraph}"
        return f"{self.path}:{self.line}:{self.column}"

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of docs/design.md (page/paragraph only when set)."""
        out: dict[str, Any] = {"path": self.path, "line": self.line, "column": self.column}
        if self.page is not None:
            out["page"] = self.page
        if self.paragraph is not None:
            out["paragraph"] = self.paragraph
        return out


CitationStyle = Literal["author-year", "numeric", "key"]


class Citation(_Frozen):
    """One cited work at one place in the text, as written.

    A parenthetical group ``(A, 2001; B, 2002)`` yields two citations sharing
    ``group``. ``authors`` are the surnames as printed (``["Smith"]`` with
    ``et_al=True`` for "Smith et al."); a corporate author is one string.
    """

    text: str
    style: CitationStyle = "author-year"
    authors: tuple[str, ...] = ()
    et_al: bool = False
    year: str | None = None  # "2019", "2019a", "n.d.", "in press", "forthcoming"
    key: str | None = None  # LaTeX / Pandoc key
    number: int | None = None  # numeric styles
    narrative: bool = False  # "Smith (2019)" rather than "(Smith, 2019)"
    prefix: str | None = None  # "see", "Sumber:"
    locator: str | None = None  # "p. 45", "hlm. 12"
    group: int = 0  # citations written in the same bracket share a group number
    start: int = 0  # offsets into Document.text (start inclusive, end exclusive)
    end: int = 0
    location: Location
    sentence: str | None = None  # the citing sentence, for off-topic checks
    suppressed: tuple[str, ...] = ()  # rule names/codes suppressed for this citation
    # A corporate abbreviation the text defines or uses ("WHO"); ``authors`` then holds
    # the full name when the text defines it ("World Health Organization [WHO]").
    abbreviation: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``citecheck parse`` shape of docs/design.md."""
        return {
            "text": self.text,
            "authors": list(self.authors),
            "year": self.year,
            "key": self.key,
            "number": self.number,
            "location": self.location.to_json(),
        }


class Author(_Frozen):
    """A reference author: family name plus given names or initials.

    A corporate author ("World Health Organization") has ``corporate=True`` and
    its whole name in ``family``; ``abbreviation`` keeps "WHO" when printed.
    """

    family: str
    given: str | None = None
    corporate: bool = False
    abbreviation: str | None = None

    def to_json(self) -> dict[str, Any]:
        """``{"family": ..., "given": ...}`` as in docs/design.md."""
        return {"family": self.family, "given": self.given}


ReferenceKind = Literal[
    "article",
    "book",
    "chapter",
    "thesis",
    "report",
    "conference",
    "web",
    "law",
    "dataset",
    "software",
    "preprint",
    "other",
]


class Reference(_Frozen):
    """One bibliography entry: the text as written and the fields parsed from it."""

    text: str
    authors: tuple[Author, ...] = ()
    et_al: bool = False
    year: str | None = None  # with suffix: "2020a"; "n.d.", "in press"
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    url: str | None = None
    key: str | None = None  # BibTeX / CSL id / JATS id
    number: int | None = None  # position label in numeric lists ("[3]" -> 3)
    kind: ReferenceKind | None = None
    location: Location
    source: Literal["bibliography", "bibtex", "csl-json", "jats", "docx-field", "other"] = (
        "bibliography"
    )
    fields: dict[str, str] = Field(default_factory=dict)  # raw structured fields if any
    suppressed: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The ``citecheck parse`` shape of docs/design.md."""
        return {
            "text": self.text,
            "authors": [a.to_json() for a in self.authors],
            "year": self.year,
            "title": self.title,
            "container": self.container,
            "volume": self.volume,
            "issue": self.issue,
            "pages": self.pages,
            "doi": self.doi,
            "url": self.url,
            "key": self.key,
            "location": self.location.to_json(),
        }


class Metadata(_Frozen):
    """What the manuscript says about itself, when a loader can find it."""

    title: str | None = None
    abstracts: tuple[str, ...] = ()  # Indonesian journals print two
    keywords: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    language: str | None = None  # ISO 639-1 guess, e.g. "en", "id"


class Problem(_Frozen):
    """Something a loader could not read (a broken BibTeX entry, a missing \\input).

    Problems become ``parse-error`` findings; they never stop the run.
    """

    message: str
    location: Location
    kind: str = "parse-error"
    evidence: dict[str, Any] = Field(default_factory=dict)


class Document(_Frozen):
    """One manuscript as the later stages see it."""

    path: str  # relative POSIX path for output
    format: str  # "markdown", "latex", "docx", ...
    text: str = ""  # body text the citation offsets point into
    citations: tuple[Citation, ...] = ()
    references: tuple[Reference, ...] = ()
    metadata: Metadata = Field(default_factory=Metadata)
    problems: tuple[Problem, ...] = ()
    bibliography_found: bool = False
    reference_files: tuple[str, ...] = ()  # external reference files merged in
    allow_uncited: bool = False  # a shared multi-paper .bib: do not report unused entries
    # The printed list is made by citeproc/BibTeX/biber from a database (a bibliography
    # file or inline CSL metadata), which prints only the cited entries: an uncited
    # database entry is not in the manuscript (LaTeX ``\bibitem`` lists are typed).
    cited_only_database: bool = False
    # Offsets of float content placed in the text flow (table cells, figure and table
    # captions, boxes): its citations count, but not for the order of first mention.
    floats: tuple[tuple[int, int], ...] = ()
    # Offsets of the footnote and endnote texts kept in ``text`` (DOCX notes follow the
    # body); Markdown footnote definitions are read from the text itself.
    notes: tuple[tuple[int, int], ...] = ()

    @property
    def style(self) -> CitationStyle | None:
        """The dominant citation style, or None without citations."""
        if not self.citations:
            return None
        counts: dict[str, int] = {}
        for c in self.citations:
            counts[c.style] = counts.get(c.style, 0) + 1
        best = max(counts.items(), key=lambda kv: kv[1])[0]
        return best  # type: ignore[return-value]


class LineIndex:
    """Turns character offsets into 1-based line/column in O(log n)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[line - 1]

    def location(self, path: str, offset: int) -> Location:
        """A :class:`Location` for ``offset`` in ``path``."""
        line, col = self.line_col(offset)
        return Location(path=path, line=line, column=col)
