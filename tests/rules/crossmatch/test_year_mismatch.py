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


def test_a_year_the_entry_prints_too_is_no_mismatch() -> None:
    # An original year, and a second work of the same authors inside one entry.
    from citecheck.rules.crossmatch.inconsistent_citation import RULE as INCONSISTENT

    d = doc(
        [
            cit("Rao (1950)", "Rao", year="1950"),
            cit("Rao (2015)", "Rao", year="2015"),
            cit("Kemp and Ode (2021, 2022)", "Kemp", "Ode", year="2022"),
            cit("Kemp and Ode (2021, 2022)", "Kemp", "Ode", year="2021"),
        ],
        [
            ref("Rao", year="2015", text="Rao, A. (2015). Rivers (Original work published 1950)."),
            ref("Kemp", "Ode", year="2021", text="Kemp, B. & Ode, C. (2021). Dams. (2022). Weirs."),
        ],
    )
    assert run(RULE, d) == [] and run(INCONSISTENT, d) == []


def test_a_longer_compound_name_and_another_year_is_not_a_typo() -> None:
    # The text names more than the entry and the year differs too: another work.
    d = doc(
        [cit("Barometro Civico (2020)", "Barometro Civico", year="2020")],
        [ref("Civico", year="2019")],
    )
    assert run(RULE, d) == []
    # The shorter form of a listed compound surname is still a year typo.
    d = doc(
        [cit("Bolivar (2019)", "Bolivar", year="2019")],
        [ref("Rodriguez Bolivar", year="2018")],
    )
    assert len(run(RULE, d)) == 1
