"""duplicate-reference: the same work listed twice."""

from __future__ import annotations

from crossmatch_builders import doc, ref, run

from citecheck.rules.crossmatch.duplicate_reference import RULE


def test_same_title_other_case_and_punctuation() -> None:
    d = doc([], [ref("Zuiderwijk", "Janssen", year="2014", title="Open data policies, their implementation and impact"),
                 ref("Zuiderwijk", "Janssen", year="2014", title="Open Data Policies: Their Implementation and Impact.")])
    [f] = run(RULE, d)
    assert f.code == "CC107" and f.location is not None and f.location.line == 101
    assert [loc.line for loc in f.related] == [100]
    assert f.evidence["reason"] == "title" and f.evidence["threshold"] == 90.0


def test_same_doi_or_bibtex_key_ignoring_case() -> None:
    d = doc([], [ref("A", year="2001", doi="10.1000/XYZ"), ref("B", year="2002", doi="https://doi.org/10.1000/xyz"),
                 ref("C", year="2003", key="Smith2019"), ref("D", year="2004", key="smith2019")])
    assert [f.evidence["reason"] for f in run(RULE, d)] == ["doi", "key"]


def test_letters_with_distinct_titles_and_numbered_parts_are_different_works() -> None:
    d = doc([], [ref("Smith", year="2020a", title="Trust in open data"),
                 ref("Smith", year="2020b", title="Trust in open government"),
                 ref("Lee", year="2019", title="Heat waves in cities: Part 1"),
                 ref("Lee", year="2019", title="Heat waves in cities: Part 2")])
    assert run(RULE, d) == []


def test_dropped_subtitle_is_a_duplicate() -> None:
    d = doc([], [ref("Ansell", year="2008", title="Collaborative governance in theory and practice: A review"),
                 ref("Ansell", year="2008", title="Collaborative governance in theory and practice")])
    assert len(run(RULE, d)) == 1
