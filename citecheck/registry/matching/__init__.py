"""Comparing a reference with registry records.

``record.view`` reads a Crossref/CSL record; ``compare`` decides whether a DOI's
record is the cited work (doi-mismatch) and which fields differ (metadata-mismatch);
``candidates`` validates search hits (missing-doi, unverified-reference). Every
threshold lives in ``thresholds`` with the measurement behind it.
"""

from __future__ import annotations
