"""unverified-reference: searched, and no hit is even plausible."""

from __future__ import annotations

from records_builders import items, meta, ref, run, searched

from citecheck.model.resolution import Unavailable
from citecheck.rules.records.unverified_reference import RULE

FOO_ARTICLE = (
    "Foo, A., & Bar, B. (2003). A non-existent article that should remain a plain text "
    "reference. Journal of Imaginary Results, 12(3), 45-67."
)
FOO_BOOK = "Foo, A. (2003). A non-existent handbook of plain text. Imaginary Press."


def test_article_that_no_hit_matches() -> None:
    [f] = run(RULE, [ref(FOO_ARTICLE, "Foo", "Bar", year="2003")], {0: searched(items("17"))})
    assert f.code == "CC210" and f.severity.value == "warning"
    assert "could not be verified" in f.message and "fabricat" not in f.message.lower()
    best = f.evidence["best_candidate"]
    assert best["doi"] == "10.1017/s0031819100016946"
    assert best["title"] == "Reference to the Non-Existent"
    assert any("year" in r or "title" in r for r in best["rejected_because"])
    assert f.evidence["searched"].startswith("Foo, A.") and f.evidence["hits"] == 1
    assert f.evidence["kind"] == "article"
    # the unrelated closest hit is in the evidence, not in the message (issue 16)
    assert "Non-Existent" not in f.message and "10.1017" not in f.message
    assert "none has its title, authors and year" in f.message
    assert "score" not in f.message


def test_books_and_other_kinds_are_information() -> None:
    [f] = run(RULE, [ref(FOO_BOOK, "Foo", year="2003", kind="book")], {0: searched(items("17"))})
    assert f.severity.value == "info" and "book" in f.message


def test_empty_search() -> None:
    [f] = run(RULE, [ref(FOO_ARTICLE, kind="article")], {0: searched([])})
    assert "search returned nothing" in f.message and "best_candidate" not in f.evidence


def test_verified_or_plausible_references_are_silent() -> None:
    joss = (
        "Danehkar, A., (2020). AtomNeb Python Package, an addendum to AtomNeb: IDL Library "
        "for Atomic Data of Ionized Nebulae. Journal of Open Source Software, 5(55), 2797."
    )
    assert run(RULE, [ref(joss)], {0: searched(items("18"))}) == []
    # Fixture 20: corrupted details, but the title and most authors agree: not "unverified".
    corrupted = meta("20")["request"]["query_bibliographic"]
    assert run(RULE, [ref(corrupted)], {0: searched(items("20"))}) == []


def test_nothing_when_the_search_could_not_run_or_a_doi_was_given() -> None:
    assert run(RULE, [ref(FOO_ARTICLE)], {0: searched(Unavailable("HTTP 503"))}) == []
    assert run(RULE, [ref(FOO_ARTICLE)], {0: searched(items("17"), doi="10.1/x")}) == []
