"""Reference strings: splitting a bibliography section into entries, and parsing
each entry into authors, year, title, container, volume, issue, pages, DOI, URL.

Contract used by every loader::

    split_entries(section_text) -> list[EntrySpan]      # entries of one bibliography section
    parse_reference(text) -> ParsedReference            # fields of one entry
    to_reference(parsed, text=..., location=...) -> Reference
    keyed_by_label(references) -> list[Reference]      # "[BrDu15] …": the label is the key

DOI helpers shared with the resolvers: ``extract_doi(text)`` (as printed) and
``normalise_doi(s)`` (lower-case, for comparisons).
"""

from __future__ import annotations

from citecheck.references.labels import keyed_by_label
from citecheck.references.parse import ParsedReference, parse_reference, to_reference
from citecheck.references.segment import EntrySpan, split_entries
from citecheck.text.doi import extract_doi, extract_url, normalise_doi

__all__ = [
    "EntrySpan",
    "ParsedReference",
    "extract_doi",
    "extract_url",
    "keyed_by_label",
    "normalise_doi",
    "parse_reference",
    "split_entries",
    "to_reference",
]
