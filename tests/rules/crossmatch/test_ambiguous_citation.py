"""ambiguous-citation: a citation that fits several entries."""

from __future__ import annotations

from crossmatch_builders import cit, doc, ref, run

from citecheck.rules.crossmatch.ambiguous_citation import RULE


def test_missing_letter_reported_once_for_repeated_form() -> None:
    d = doc(
        [
            cit("(Smith, 2020)", "Smith", year="2020"),
            cit("(Smith, 2020)", "Smith", year="2020"),
            cit("(Smith, 2020a)", "Smith", year="2020a"),
        ],
        [ref("Smith", year="2020a", title="First"), ref("Smith", year="2020b", title="Second")],
    )
    [f] = run(RULE, d)
    assert f.code == "CC105"
    assert f.message == (
        "'(Smith, 2020)' (cited this way 2 times) fits 2 entries of the reference list: "
        "'Smith, 2020a', 'Smith, 2020b'; add the letter (e.g. 2020a) to the year"
    )
    assert [loc.line for loc in f.related] == [2]


def test_two_smiths_with_different_coauthors() -> None:
    d = doc(
        [cit("(Smith et al., 2019)", "Smith", year="2019", et_al=True)],
        [ref("Smith", "Jones", "Brown", year="2019"), ref("Smith", "Lee", "Kim", year="2019")],
    )
    [f] = run(RULE, d)
    assert "name more authors" in f.message


def test_a_duplicated_entry_is_not_an_ambiguity() -> None:
    d = doc(
        [cit("(Smith, 2020)", "Smith", year="2020")],
        [
            ref("Smith", year="2020", title="Trust in open data"),
            ref("Smith", year="2020", title="Trust in Open Data."),
        ],
    )
    assert run(RULE, d) == []


def test_distinct_letters_no_finding() -> None:
    d = doc(
        [cit("(Smith, 2020b)", "Smith", year="2020b")],
        [ref("Smith", year="2020a"), ref("Smith", year="2020b")],
    )
    assert run(RULE, d) == []
