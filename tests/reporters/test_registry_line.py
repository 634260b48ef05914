"""The text report's registry line: shown once some registry answered, names in words."""

from __future__ import annotations

from citecheck.reporters.text import registry_line


def test_line_names_each_registry_that_verified() -> None:
    registry = {
        "verified": 18,
        "disagrees": 1,
        "not-found": 2,
        "not-checked": 0,
        "not-looked-up": 0,
        "verified_by": {"arxiv": 1, "crossref": 16, "datacite": 1},
    }
    assert registry_line(registry) == (
        "registry: 18 verified (arXiv 1, Crossref 16, DataCite 1), 1 disagree, "
        "2 found in no registry asked, 0 not checked, 0 not looked up"
    )


def test_no_line_when_no_registry_answered() -> None:
    offline = {"verified": 0, "disagrees": 0, "not-found": 0, "not-checked": 21}
    assert registry_line(offline) is None
    assert registry_line(None) is None
