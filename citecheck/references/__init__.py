"""Reference strings: splitting a bibliography section into entries, and parsing
each entry into authors, year, title, container, volume, issue, pages, DOI, URL.

Contract used by every loader::

    split_entries(section_text) -> list[EntrySpan]      # entries of one bibliography section
    parse_reference(text) -> ParsedReference            # fields of one entry
"""

from __future__ import annotations
