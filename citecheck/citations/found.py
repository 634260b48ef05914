"""The extractors' working record of one citation, before it becomes a Citation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass
class Found:
    """One cited work: span (absolute offsets), parsed fields and its bracket group."""

    start: int
    end: int
    group: int  # offset of the bracket the citation belongs to (renumbered later)
    style: Literal["author-year", "numeric", "key"] = "author-year"
    authors: tuple[str, ...] = ()
    et_al: bool = False
    year: str | None = None
    narrative: bool = False
    prefix: str | None = None
    locator: str | None = None
    number: int | None = None
    abbreviation: str | None = None
    key: str | None = None  # an alphabetic label ("BrDu15") cited in brackets
    # A lone acronym before a year without a comma ("GBD 2010", "BMI (1975)") counts
    # only if the document also cites or defines that acronym elsewhere.
    needs_support: bool = False
