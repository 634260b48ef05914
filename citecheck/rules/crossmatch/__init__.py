"""Rules of the crossmatch family."""

from __future__ import annotations

from citecheck.rules.base import Rule
from citecheck.rules.crossmatch import (
    ambiguous_citation,
    author_mismatch,
    cited_not_listed,
    duplicate_reference,
    inconsistent_citation,
    listed_not_cited,
    numeric_order,
    year_mismatch,
)

RULES: tuple[Rule, ...] = (
    cited_not_listed.RULE,
    listed_not_cited.RULE,
    year_mismatch.RULE,
    author_mismatch.RULE,
    ambiguous_citation.RULE,
    inconsistent_citation.RULE,
    duplicate_reference.RULE,
    numeric_order.RULE,
)
