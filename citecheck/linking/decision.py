"""What each part of the linker (one module per citation style) returns.

Each part returns :class:`Decision` tuples that ``linking.link`` turns into ``Link`` s.
"""

from __future__ import annotations

from typing import NamedTuple

from citecheck.model.links import LinkEvidence, LinkStatus


class Decision(NamedTuple):
    """(citation index, status, chosen reference, candidates, evidence)."""

    citation: int
    status: LinkStatus
    reference: int | None
    candidates: tuple[int, ...]
    evidence: LinkEvidence
