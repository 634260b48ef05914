"""duplicate-reference: the same work listed twice."""

from __future__ import annotations

from crossmatch_builders import cit, doc, ref, run

from citecheck.model.document import Reference
from citecheck.rules.crossmatch.duplicate_reference import RULE


def test_same_title_other_case_and_punctuation() -> None:
    d = doc(
        [],
        [
            ref(
                "Zuiderwijk",
                "Janssen",
                year="2014",
                title="Open data policies, their implementation and impact",
            ),
            ref(
                "Zuiderwijk",
                "Janssen",
                year="2014",
                title="Open Data Policies: Their Implementation and Impact.",
            ),
        ],
    )
    [f] = run(RULE, d)
    assert f.code == "CC107" and f.location is not None and f.location.line == 101
    assert [loc.line for loc in f.related] == [100]
    assert f.evidence["reason"] == "title" and f.evidence["threshold"] == 90.0


def test_same_doi_or_bibtex_key_ignoring_case() -> None:
    d = doc(
        [],
        [
            ref("A", year="2001", doi="10.1000/XYZ"),
            ref("B", year="2002", doi="https://doi.org/10.1000/xyz"),
            ref("C", year="2003", key="Smith2019"),
            ref("D", year="2004", key="smith2019"),
        ],
    )
    assert [f.evidence["reason"] for f in run(RULE, d)] == ["doi", "key"]


def test_letters_with_distinct_titles_and_numbered_parts_are_different_works() -> None:
    d = doc(
        [],
        [
            ref("Smith", year="2020a", title="Trust in open data"),
            ref("Smith", year="2020b", title="Trust in open government"),
            ref("Lee", year="2019", title="Heat waves in cities: Part 1"),
            ref("Lee", year="2019", title="Heat waves in cities: Part 2"),
        ],
    )
    assert run(RULE, d) == []


def test_dropped_subtitle_is_a_duplicate() -> None:
    d = doc(
        [],
        [
            ref(
                "Ansell",
                year="2008",
                title="Collaborative governance in theory and practice: A review",
            ),
            ref("Ansell", year="2008", title="Collaborative governance in theory and practice"),
        ],
    )
    assert len(run(RULE, d)) == 1


def test_entries_lettered_apart_are_different_works_unless_the_doi_agrees() -> None:
    # a package and its paper, or a species series with near-identical titles
    lme4 = "lme4: Linear mixed-effects models using Eigen and S4"
    d = doc(
        [],
        [
            ref(
                "Bates",
                year="2014a",
                title=lme4,
                text=f"Bates, D. (2014a). {lme4}. arXiv:1406.5823.",
            ),
            ref(
                "Bates",
                year="2014b",
                title=lme4,
                text=f"Bates, D. (2014b). {lme4}. R package version 1.1-7. http://CRAN.R-project.org/package=lme4",
            ),
            ref(
                "Brettar",
                year="2004a",
                title="Aquiflexum balticum gen. nov., sp. nov., a novel marine bacterium",
            ),
            ref(
                "Brettar",
                year="2004b",
                title="Belliella baltica gen. nov., sp. nov., a novel marine bacterium",
            ),
        ],
    )
    assert run(RULE, d) == []
    same_doi = doc(
        [],
        [
            ref("Bates", year="2014a", title="lme4", doi="10.18637/jss.v067.i01"),
            ref("Bates", year="2014b", title="lme4", doi="10.18637/jss.v067.i01"),
        ],
    )
    assert len(run(RULE, same_doi)) == 1
    # one entry lettered, its copy not; or one item imported twice and lettered by
    # the reference manager: still the same work
    copy = doc(
        [],
        [
            ref("Lee", year="2019a", title="Heat waves in cities"),
            ref("Lee", year="2019", title="Heat waves in cities"),
        ],
    )
    assert len(run(RULE, copy)) == 1
    twice = doc(
        [],
        [
            ref("Lee", year="2019a", title="Heat waves in cities"),
            ref("Lee", year="2019b", title="Heat waves in cities"),
        ],
    )
    assert len(run(RULE, twice)) == 1


def test_database_duplicates_count_only_when_both_are_printed() -> None:
    def entries() -> list[Reference]:
        return [
            ref(
                "Ansell", year="2008", key="ansell2008", title="Collaborative governance"
            ).model_copy(update={"source": "bibtex"}),
            ref(
                "Ansell", year="2008", key="ansell2008a", title="Collaborative governance"
            ).model_copy(update={"source": "bibtex"}),
        ]

    one = [cit("@ansell2008", style="key", key="ansell2008")]
    both = [*one, cit("@ansell2008a", style="key", key="ansell2008a")]
    assert run(RULE, doc(one, entries(), cited_only_database=True)) == []
    assert len(run(RULE, doc(both, entries(), cited_only_database=True))) == 1
    assert len(run(RULE, doc(one, entries()))) == 1


def test_two_pages_of_one_site_are_not_one_work() -> None:
    page = ref("Northwind", year="2020", title="Framework guide")
    one = page.model_copy(update={"url": "https://northwind.example/guide"})
    two = page.model_copy(update={"url": "https://northwind.example/guide/routing.html"})
    same = page.model_copy(update={"url": "https://northwind.example/guide/"})
    assert run(RULE, doc([], [one, two])) == []
    # the same address written twice is one page listed twice
    assert [f.evidence["reason"] for f in run(RULE, doc([], [one, same]))] == ["title"]


def test_one_doi_on_two_different_works_says_one_doi_is_wrong() -> None:
    d = doc(
        [],
        [
            ref(
                "Alpha", year="2006", title="Counting the birds of a small island", doi="10.1000/x1"
            ),
            ref("Beta", year="2011", title="Measuring rainfall in tall forests", doi="10.1000/x1"),
        ],
    )
    [f] = run(RULE, d)
    assert f.evidence["reason"] == "doi" and "one DOI is wrong" in f.message
    assert "keep one" not in f.message
