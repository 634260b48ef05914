"""The parts of the linker (:mod:`citecheck.linking`): one module per citation style.

Each part returns :class:`Decision` tuples that ``linking.link`` turns into ``Link`` s.
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

LinkStatus = Literal[
    "exact",  # names and year agree (incl. et al. forms, diacritics, particles)
    "author-mismatch",  # one reference fits, but a name is misspelt / co-author missing or extra
    "year-mismatch",  # same authors, other year
    "ambiguous",  # several references fit equally (needs 2020a/2020b)
    "unmatched",  # no reference fits: cited-not-listed
]


class Decision(NamedTuple):
    """(citation index, status, chosen reference, candidates, evidence)."""

    citation: int
    status: LinkStatus
    reference: int | None
    candidates: tuple[int, ...]
    evidence: dict[str, Any]
