"""Fixtures for the citation extractor tests: extraction plus its invariants."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citecheck.citations import extract_citations
from citecheck.model.document import Citation, LineIndex

Cite = Callable[..., list[Citation]]


def _cite(text: str, mode: str = "auto") -> list[Citation]:
    """Extract and check what every citation must keep: exact slice and location."""
    out = extract_citations(text, path="paper.md", mode=mode)  # type: ignore[arg-type]
    index = LineIndex(text)
    for c in out:
        assert text[c.start : c.end] == c.text
        assert (c.location.line, c.location.column) == index.line_col(c.start)
        assert c.location.path == "paper.md"
    groups = [c.group for c in out]
    assert groups == sorted(groups)  # group ids increase through the text
    return out


@pytest.fixture
def cite() -> Cite:
    """``cite(text, mode="auto")`` -> citations, invariants checked."""
    return _cite


@pytest.fixture
def pairs() -> Callable[..., list[tuple[tuple[str, ...], str | None]]]:
    """``pairs(text)`` -> [(authors, year), ...] in order."""
    return lambda text, mode="auto": [(c.authors, c.year) for c in _cite(text, mode)]
