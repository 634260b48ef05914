"""cited-not-listed: one error per missing work, with every place it is cited."""

from __future__ import annotations

from crossmatch_builders import cit, doc, ref, run

from citecheck.rules.crossmatch.cited_not_listed import RULE


def test_missing_work_reported_once_with_all_places() -> None:
    d = doc(
        [
            cit("(Hidayat dkk., 2021)", "Hidayat", year="2021", et_al=True),
            cit("(Ansell & Gash, 2008)", "Ansell", "Gash", year="2008"),
            cit("Hidayat et al. (2021)", "Hidayat", year="2021", et_al=True),
        ],
        [ref("Ansell", "Gash", year="2008")],
    )
    [f] = run(RULE, d)
    assert f.code == "CC101" and f.severity.value == "error"
    assert f.message == "'(Hidayat dkk., 2021)' is cited 2 times but is not in the reference list"
    assert f.location is not None and f.location.line == 1
    assert [loc.line for loc in f.related] == [3]
    assert f.citation is not None and f.citation["authors"] == ["Hidayat"]


def test_et_al_and_full_list_of_one_missing_work_are_grouped() -> None:
    d = doc(
        [
            cit("(Nuriawati dkk., 2024)", "Nuriawati", year="2024", et_al=True),
            cit(
                "(Nuriawati, Hanani, dan Rahman, 2024)",
                "Nuriawati",
                "Hanani",
                "Rahman",
                year="2024",
            ),
        ],
        [ref("Ansell", year="2008")],
    )
    assert len(run(RULE, d)) == 1


def test_different_coauthors_are_different_missing_works() -> None:
    d = doc(
        [
            cit("(Smith & Jones, 2019)", "Smith", "Jones", year="2019"),
            cit("(Smith & Lee, 2019)", "Smith", "Lee", year="2019"),
        ],
        [ref("Ansell", year="2008")],
    )
    assert len(run(RULE, d)) == 2


def test_close_entries_are_named_in_the_message() -> None:
    d = doc(
        [
            cit("(Smith, 2017)", "Smith", year="2017"),
            cit("(Smith, 2020)", "Smith", year="2020"),
            cit("(Smith, 2018)", "Smith", year="2018"),
        ],
        [ref("Smith", year="2017"), ref("Smith", year="2020")],
    )
    [f] = run(RULE, d)
    assert f.message == (
        "'(Smith, 2018)' is cited but is not in the reference list "
        "(the list has 'Smith, 2017' or 'Smith, 2020')"
    )


def test_numeric_and_key_citations() -> None:
    d = doc(
        [cit("[7]", style="numeric", number=7), cit("@jones2020", style="key", key="jones2020")],
        [ref("Owens", year="2014", number=1)],
    )
    numeric, key = run(RULE, d)
    assert numeric.message == (
        "Reference number 7 is cited as '[7]' but the reference list has no entry 7 (it has 1 entry)"
    )
    assert "'jones2020'" in key.message


def test_misspelt_or_other_year_is_not_cited_not_listed() -> None:
    d = doc(
        [
            cit("Rahmawati (2020)", "Rahmawati", year="2020"),
            cit("(Ansell, 2007)", "Ansell", year="2007"),
        ],
        [ref("Rahnawati", year="2020"), ref("Ansell", year="2008")],
    )
    assert run(RULE, d) == []


def test_unpublished_work_named_in_a_numbered_document_is_not_missing() -> None:
    numbered = [cit(f"[{n}]", style="numeric", number=n) for n in (1, 2, 3)]
    prep = cit("Okafor and Lee, in prep.", "Okafor", "Lee", year="in prep.")
    d = doc([*numbered, prep], [ref("Ansell", year="2008", number=n) for n in (1, 2, 3)])
    assert run(RULE, d) == []
    # in an author-year document the same citation is reported
    d = doc([prep, cit("(Ansell, 2008)", "Ansell", year="2008")], [ref("Ansell", year="2008")])
    assert len(run(RULE, d)) == 1
