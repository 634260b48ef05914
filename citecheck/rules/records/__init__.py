"""Rules of the registry family."""

from __future__ import annotations

from citecheck.rules.base import Rule
from citecheck.rules.records import (
    doi_invalid,
    doi_mismatch,
    doi_not_found,
    expression_of_concern,
    has_correction,
    metadata_mismatch,
    missing_doi,
    preprint_published,
    retracted,
    unverified_reference,
    url_unreachable,
)

RULES: tuple[Rule, ...] = (
    doi_invalid.RULE,
    doi_not_found.RULE,
    doi_mismatch.RULE,
    metadata_mismatch.RULE,
    retracted.RULE,
    expression_of_concern.RULE,
    has_correction.RULE,
    preprint_published.RULE,
    missing_doi.RULE,
    unverified_reference.RULE,
    url_unreachable.RULE,
)
