"""doi-not-found: only 'registered nowhere' is an error; other agencies and failures are not."""

from __future__ import annotations

from records_builders import items, not_found, ref, run, searched, work

from citecheck.model.resolution import Found, ReferenceResolution, Unavailable
from citecheck.rules.records.doi_not_found import RULE

JOSS = (
    "Danehkar, A., (2020). AtomNeb Python Package, an addendum to AtomNeb: IDL Library for "
    "Atomic Data of Ionized Nebulae. Journal of Open Source Software, 5(55), 2797. "
    "https://doi.org/10.21105/joss.02979"
)


def test_registered_nowhere_with_suggestion() -> None:
    res = searched(items("18"), doi="10.21105/joss.02979", by_doi=not_found("10.21105/joss.02979"))
    [f] = run(RULE, [ref(JOSS, "Danehkar", year="2020")], {0: res})
    assert f.code == "CC202" and f.severity.value == "error"
    assert f.evidence["asked"] == ["crossref", "doi.org"]
    assert f.evidence["suggested_doi"] == "10.21105/joss.02797"
    assert "10.21105/joss.02797" in f.message


def test_registered_nowhere_without_a_confident_match() -> None:
    text = "Foo and Bar (2003) A non-existent article. https://doi.org/10.1234/foo.bar"
    res = searched(items("17"), doi="10.1234/foo.bar", by_doi=not_found("10.1234/foo.bar"))
    [f] = run(RULE, [ref(text)], {0: res})
    assert "suggested_doi" not in f.evidence


def test_other_agency_unavailable_and_found_are_silent() -> None:
    datacite = ReferenceResolution(
        doi="10.48550/arxiv.1706.03762",
        by_doi=Found(
            {"DOI": "10.48550/arXiv.1706.03762", "title": "Attention Is All You Need"},
            "datacite",
            "10.48550/arxiv.1706.03762",
            "datacite",
        ),
    )
    down = ReferenceResolution(doi="10.1/x", by_doi=Unavailable("HTTP 503", "10.1/x"))
    ok = ReferenceResolution(doi="10.1371/journal.pone.0033693", by_doi=Found(work("01")))
    refs = [ref("A. (2017). x. https://doi.org/10.48550/arXiv.1706.03762"), ref("b"), ref("c")]
    assert run(RULE, refs, {0: datacite, 1: down, 2: ok}) == []
    assert run(RULE, refs, {}) == []  # registry stage did not run
