"""In-text citation extraction from running text (author-year and numeric styles).

Contract used by every text-based loader::

    extract_citations(text, *, path, index=None, mode="auto") -> list[Citation]

``text`` is the manuscript body with regions that are not prose (the bibliography
section, code blocks, HTML comments, YAML front matter) blanked out with spaces of
the same length, so offsets and line/column numbers still point into the file.
"""

from __future__ import annotations
