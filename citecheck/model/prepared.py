"""A loaded and linked document: what the later stages (registry, topic, rules) start from."""

from __future__ import annotations

from dataclasses import dataclass

from citecheck.model.document import Document
from citecheck.model.links import Links


@dataclass(frozen=True)
class Prepared:
    """One manuscript with its reference files merged in, and its citation links."""

    document: Document
    links: Links
