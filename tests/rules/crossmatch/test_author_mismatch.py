"""author-mismatch: the linked entry spells or counts names differently."""

from __future__ import annotations

from crossmatch_builders import cit, doc, ref, run

from citecheck.rules.crossmatch.author_mismatch import RULE


def test_misspelt_name_with_score_and_threshold() -> None:
    [f] = run(
        RULE,
        doc([cit("Rahmawati (2020)", "Rahmawati", year="2020")], [ref("Rahnawati", year="2020")]),
    )
    assert f.code == "CC104" and f.severity.value == "warning"
    assert f.message == (
        "Cited as 'Rahmawati (2020)' but the reference list has 'Rahnawati, 2020': "
        "'Rahmawati' is spelt 'Rahnawati' in the list (similarity 89/100)"
    )
    assert f.evidence["names"][0]["threshold"] == 75.0
    assert f.confidence is not None and 0.5 <= f.confidence < 0.9


def test_missing_coauthor_and_et_al_advice() -> None:
    d = doc(
        [
            cit("Gioia and Corley (2013)", "Gioia", "Corley", year="2013"),
            cit("(Smith, 2019)", "Smith", year="2019"),
        ],
        [ref("Gioia", "Corley", "Hamilton", year="2013"), ref("Smith", "Jones", year="2019")],
    )
    gioia, smith = run(RULE, d)
    assert gioia.message.endswith("the entry has 3 authors; write 'Gioia et al.'")
    assert smith.message.endswith("co-author 'Jones' is not named")


def test_et_al_for_two_authors() -> None:
    [f] = run(
        RULE,
        doc(
            [cit("(Smith et al., 2019)", "Smith", year="2019", et_al=True)],
            [ref("Smith", "Jones", year="2019")],
        ),
    )
    assert f.message.endswith("'et al.' is used but the entry has only 2 authors; name them all")


def test_extra_coauthor() -> None:
    [f] = run(
        RULE,
        doc(
            [cit("(Smith & Jones, 2019)", "Smith", "Jones", year="2019")],
            [ref("Smith", year="2019")],
        ),
    )
    assert "'Jones' is not among the entry's authors" in f.message


def test_correct_citations_no_finding() -> None:
    d = doc(
        [
            cit("(Smith et al., 2019)", "Smith", year="2019", et_al=True),
            cit("(Van der Berg, 2010)", "Van der Berg", year="2010"),
        ],
        [ref("Smith", "Jones", "Lee", year="2019"), ref("van der Berg", year="2010")],
    )
    assert run(RULE, d) == []


def test_li_and_lu_are_not_a_misspelling() -> None:
    assert run(RULE, doc([cit("(Li, 2020)", "Li", year="2020")], [ref("Lu", year="2020")])) == []


def test_one_misspelling_cited_again_is_one_finding_with_every_place() -> None:
    d = doc(
        [
            cit("Rahmawati (2020)", "Rahmawati", year="2020"),
            cit("(Okafor, 2019)", "Okafor", year="2019"),
            cit("(Rahmawati, 2020)", "Rahmawati", year="2020"),
        ],
        [ref("Rahnawati", year="2020"), ref("Okafor", year="2019")],
    )
    [f] = run(RULE, d)
    assert f.message.startswith("Cited as 'Rahmawati (2020)' (2 times) but the reference list")
    assert len(f.related) == 1
