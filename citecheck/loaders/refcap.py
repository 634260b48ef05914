"""A bound on the references read for one document.

Once parsed, a reference costs about 3 kB (the entry, its authors and its location as
models), and linking and the rules add to that: a 10 MB ``.bib`` of 100,000 entries
took 764 MB, and a 48 MB one (over 400,000 entries) would take gigabytes. So one
document reads at most :data:`MAX_REFERENCES` entries from its reference lists and
files together, and the run says so with the file and the line where reading
stopped - never a silent cut.

What is kept: every entry whose key the document cites (so a shared bibliography
larger than the bound still gives the manuscript each entry it uses), then the
others in file order while the budget lasts. Cited entries past :data:`MAX_CITED`
(only a generated file cites that many distinct keys), and any entry of a list
without keys (a Markdown or DOCX list) past the budget, are not read either: the
problem then says that citations could not all be matched, and ``cited-not-listed``
stands aside for that document rather than report citations of entries it did not
read.

The engine opens a budget per document (:func:`document`); the LaTeX and Pandoc
loaders name the keys their text cites (:func:`cite`) before reading bibliographies.
A loader called on its own gets a fresh budget for each file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from citecheck.model.document import Location, Problem

MAX_REFERENCES = 20_000
MAX_CITED = 40_000
KIND = "reference-limit"


@dataclass
class _Budget:
    left: int
    cited_left: int
    cited: set[str] = field(default_factory=set)


def _fresh() -> _Budget:
    return _Budget(MAX_REFERENCES, MAX_CITED)


_BUDGET: ContextVar[_Budget | None] = ContextVar("REFERENCE_BUDGET", default=None)


@contextmanager
def document() -> Iterator[None]:
    """One document's budget, for everything loaded inside the block."""
    token = _BUDGET.set(_fresh())
    try:
        yield
    finally:
        _BUDGET.reset(token)


def cite(keys: Iterable[str | None]) -> None:
    """Keys the document cites: their entries are read whatever is left of the budget."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.cited.update(k.casefold() for k in keys if k)


class Taker:
    """Decides, entry by entry in file order, which entries of one file are read."""

    def __init__(self, cited: Iterable[str | None] = ()) -> None:
        self._budget = _BUDGET.get() or _fresh()
        self._budget.cited.update(k.casefold() for k in cited if k)
        self.total = 0
        self.kept = 0
        self.first_dropped: int | None = None  # line of the first entry not read
        self.cited_dropped = 0
        self.keyless_dropped = 0

    def take(self, key: str | None, line: int) -> bool:
        """Whether to read the entry with ``key`` (None: the list has no keys) at ``line``."""
        self.total += 1
        b = self._budget
        if key is not None and key.casefold() in b.cited:
            b.cited.discard(key.casefold())  # no longer held in reserve (a repeat is uncited)
            if b.cited_left > 0:
                b.cited_left -= 1
                b.left -= 1
                self.kept += 1
                return True
            self.cited_dropped += 1
        elif b.left > len(b.cited):  # room kept for the cited entries still to come
            b.left -= 1
            self.kept += 1
            return True
        elif key is None:
            self.keyless_dropped += 1
        if self.first_dropped is None:
            self.first_dropped = line
        return False

    def problem(self, display_path: str) -> Problem | None:
        """The report's notice when some entries of this file were not read."""
        if self.first_dropped is None:
            return None
        unmatched = self.cited_dropped > 0 or self.keyless_dropped > 0
        what = (
            "citations of entries not read are not reported as missing"
            if unmatched
            else "every cited entry was read"
        )
        return Problem(
            message=f"more than {MAX_REFERENCES:,} references for one document: "
            f"{self.kept:,} of the {self.total:,} entries in this file were read ({what}); "
            f"the others, from line {self.first_dropped:,} on, are not checked",
            location=Location(path=display_path, line=self.first_dropped, column=1),
            kind=KIND,
            evidence={
                "read": self.kept,
                "entries": self.total,
                "limit": MAX_REFERENCES,
                "cited_not_read": self.cited_dropped,
                "citations_unmatched": unmatched,
            },
        )


def citations_unmatched(problems: tuple[Problem, ...] | list[Problem]) -> bool:
    """Whether a reference limit left cited entries (or a keyless list) partly unread."""
    return any(p.kind == KIND and p.evidence.get("citations_unmatched") for p in problems)
