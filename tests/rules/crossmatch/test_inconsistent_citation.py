"""inconsistent-citation: one work cited in different forms."""

from __future__ import annotations

from pathlib import Path

from crossmatch_builders import cit, doc, ref, run

import citecheck
from citecheck.model.document import Author, Location, Reference
from citecheck.rules.crossmatch.inconsistent_citation import RULE


def test_two_spellings_of_one_entry() -> None:
    d = doc(
        [
            cit("(Van der Berg, 2010)", "Van der Berg", year="2010"),
            cit("(Berg, 2010)", "Berg", year="2010"),
            cit("(van der Berg, 2010)", "van der Berg", year="2010"),
        ],
        [ref("van der Berg", year="2010")],
    )
    [f] = run(RULE, d)
    assert f.code == "CC106" and f.location is not None and f.location.line == 2
    assert f.message == (
        "'(Berg, 2010)' and '(Van der Berg, 2010)' cite the same entry 'van der Berg, 2010' "
        "with a different name; use one form throughout"
    )


def test_diacritics_case_and_et_al_forms_are_not_inconsistent() -> None:
    d = doc(
        [
            cit("(Rodriguez Bolivar, 2016)", "Rodriguez Bolivar", year="2016"),
            cit("(Rodríguez Bolívar, 2016)", "Rodríguez Bolívar", year="2016"),
            cit("(Nuriawati dkk., 2024)", "Nuriawati", year="2024", et_al=True),
            cit(
                "(Nuriawati, Hanani, dan Rahman, 2024)",
                "Nuriawati",
                "Hanani",
                "Rahman",
                year="2024",
            ),
        ],
        [ref("Rodríguez Bolívar", year="2016"), ref("Nuriawati", "Hanani", "Rahman", year="2024")],
    )
    assert run(RULE, d) == []


def test_declared_abbreviation_is_not_inconsistent() -> None:
    who = Reference(
        text="World Health Organization. (2020).",
        year="2020",
        location=Location(path="paper.md"),
        authors=(Author(family="World Health Organization", corporate=True),),
    )
    d = doc(
        [
            cit(
                "(World Health Organization [WHO], 2020)",
                "World Health Organization [WHO]",
                year="2020",
            ),
            cit("(WHO, 2020)", "WHO", year="2020"),
        ],
        [who],
    )
    assert run(RULE, d) == []


def test_year_with_and_without_letter() -> None:
    d = doc(
        [cit("(Smith, 2020a)", "Smith", year="2020a"), cit("(Smith, 2020)", "Smith", year="2020")],
        [ref("Smith", year="2020a")],
    )
    [f] = run(RULE, d)
    assert "with a different year" in f.message and f.location is not None and f.location.line == 2


def test_year_mismatch_is_not_also_inconsistent() -> None:
    d = doc(
        [
            cit("(Ansell, 2008)", "Ansell", year="2008"),
            cit("(Ansell, 2007)", "Ansell", year="2007"),
        ],
        [ref("Ansell", year="2008")],
    )
    assert run(RULE, d) == []


def test_unlisted_work_cited_with_two_years() -> None:
    d = doc(
        [
            cit("(Putra, 2022)", "Putra", year="2022"),
            cit("Putra (2023)", "Putra", year="2023"),
            cit("(Hidayat dkk., 2015)", "Hidayat", year="2015", et_al=True),
            cit("(Hidayat dkk., 2021)", "Hidayat", year="2021", et_al=True),
        ],
        [ref("Ansell", year="2008")],
    )
    [f] = run(RULE, d)
    assert f.location is not None and f.location.line == 1
    assert "'(Putra, 2022)', 'Putra (2023)'" in f.message and [loc.line for loc in f.related] == [2]


def test_key_case() -> None:
    d = doc(
        [cit("@smith2019", style="key", key="smith2019")],
        [ref("Smith", year="2019", key="Smith2019")],
    )
    [f] = run(RULE, d)
    assert "'smith2019'" in f.message and "'Smith2019'" in f.message


def test_given_name_before_the_surname_is_the_same_name(tmp_path: Path) -> None:
    """'Gabriel Ferreira (1999)' and 'Ferreira (1999)' for 'FERREIRA, Gabriel Lins': one
    person written with and without the given name is one form."""
    (tmp_path / "artigo.md").write_text(
        "# Texto\n\nSegundo Gabriel Ferreira (1999, p. 4), a igreja foi reformada.\n\n"
        "Depois, Ferreira (1999, p. 9) descreve o altar.\n\n# Referências\n\n"
        "FERREIRA, Gabriel Lins. *Igrejas de Goiás*. Goiânia: Editora Sol, 1999.\n",
        encoding="utf-8",
    )
    report = citecheck.check("artigo.md", citecheck.Settings(offline=True), root=tmp_path)
    assert [f.rule for f in report.findings if f.rule.startswith("incons")] == []
