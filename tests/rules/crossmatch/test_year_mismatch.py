"""year-mismatch: the linked entry has another year."""

from __future__ import annotations

from crossmatch_builders import cit, doc, ref, run

from citecheck.rules.crossmatch.year_mismatch import RULE


def test_other_year() -> None:
    d = doc(
        [
            cit("(Ansell & Gash, 2008)", "Ansell", "Gash", year="2008"),
            cit("(Ansell dan Gash, 2007)", "Ansell", "Gash", year="2007"),
        ],
        [ref("Ansell", "Gash", year="2008")],
    )
    [f] = run(RULE, d)
    assert f.code == "CC103" and f.severity.value == "error"
    assert f.message == (
        "Cited as '(Ansell dan Gash, 2007)' but the reference list has 'Ansell & Gash, 2008' "
        "(year 2007 in the text, 2008 in the list)"
    )
    assert f.evidence["cited_year"] == "2007" and f.evidence["listed_year"] == "2008"
    assert f.location is not None and f.location.line == 2


def test_in_press_now_published() -> None:
    d = doc([cit("(Jones, in press)", "Jones", year="in press")], [ref("Jones", year="2021")])
    assert len(run(RULE, d)) == 1


def test_same_year_no_finding() -> None:
    d = doc([cit("(Jones, 2021)", "Jones", year="2021")], [ref("Jones", year="2021")])
    assert run(RULE, d) == []
