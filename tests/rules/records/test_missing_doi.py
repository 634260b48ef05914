"""missing-doi: a validated search hit's DOI is suggested; doubtful hits are not."""

from __future__ import annotations

import pytest
from records_builders import items, meta, ref, run, searched, work

from citecheck.model.resolution import Candidate, ReferenceResolution, Unavailable
from citecheck.rules.records.missing_doi import RULE

JOSS = (
    "Danehkar, A., (2020). AtomNeb Python Package, an addendum to AtomNeb: IDL Library for "
    "Atomic Data of Ionized Nebulae. Journal of Open Source Software, 5(55), 2797."
)
FOO = "Foo and Bar (2003) A non-existent article that should remain a plain text reference."


def test_real_reference_gets_its_doi() -> None:
    [f] = run(RULE, [ref(JOSS)], {0: searched(items("18"))})
    assert f.code == "CC209" and f.severity.value == "info"
    assert f.evidence["record_doi"] == "10.21105/joss.02797"
    assert f.evidence["source"] == "crossref" and f.evidence["record_url"]
    assert f.confidence is not None and f.confidence >= 0.9
    assert f.evidence["signals"]["first_author"]["record"] == "Danehkar"


def test_top_hit_among_related_works() -> None:
    # Fixture 19: five works by the same group; only the journal article matches.
    text = meta("19")["request"]["query_bibliographic"]
    [f] = run(RULE, [ref(text)], {0: searched(items("19"))})
    assert f.evidence["record_doi"] == "10.1007/s10032-015-0249-8"


@pytest.mark.parametrize("num", ["17", "20"])
def test_false_or_doubtful_hits_are_not_suggested(num: str) -> None:
    # 17: "Reference to the Non-Existent" for a made-up reference; 20: the right title but
    # wrong first author, volume, pages and year (Crossref's own validator rejects it too).
    text = FOO if num == "17" else meta("20")["request"]["query_bibliographic"]
    assert run(RULE, [ref(text)], {0: searched(items(num))}) == []


def test_fake_later_duplicate_is_refused() -> None:
    # A posted-content copy of the JOSS record, eight years later (built here).
    copy = {
        **items("18")[0],
        "DOI": "10.65215/copy.1",
        "type": "posted-content",
        "subtype": "preprint",
        "issued": {"date-parts": [[2028]]},
    }
    for key in ("published-print", "journal-issue", "container-title", "volume", "page"):
        copy.pop(key, None)
    assert run(RULE, [ref(JOSS)], {0: searched([copy])}) == []


def test_not_for_references_with_a_doi_or_without_a_search() -> None:
    with_doi = searched(items("18"), doi="10.21105/joss.02797")
    assert run(RULE, [ref(JOSS)], {0: with_doi}) == []
    assert run(RULE, [ref(JOSS)], {0: searched(Unavailable("offline: not in the cache"))}) == []
    assert run(RULE, [ref(JOSS)], {}) == []


def test_two_records_of_the_same_work_are_a_tie() -> None:
    twin = {
        **work("16"),
        **{k: v for k, v in items("18")[0].items() if k != "DOI"},
        "DOI": "10.21105/joss.99999",
    }
    assert run(RULE, [ref(JOSS)], {0: searched([items("18")[0], twin])}) == []


def test_malformed_doi_gets_the_right_one() -> None:
    res = ReferenceResolution(
        doi=None, doi_valid=False, search=tuple(Candidate(record=h) for h in items("18"))
    )
    [f] = run(RULE, [ref(JOSS + " doi:10.21105/")], {0: res})
    assert "malformed DOI" in f.message and f.evidence["record_doi"] == "10.21105/joss.02797"
    assert "confidence" not in f.message and f.confidence is not None  # a field, not prose
