"""The linker: which reference each citation means (English and Indonesian cases, traps)."""

from __future__ import annotations

from citecheck.linking import link
from citecheck.model.document import Author, Citation, Document, Location, Reference
from citecheck.model.links import Link

P = "paper.md"


def C(*authors: str, year: str | None = None, et_al: bool = False, **kw: object) -> Citation:
    names = " & ".join(authors) + (" et al." if et_al else "")
    return Citation(
        text=f"({names}, {year})",
        authors=authors,
        year=year,
        et_al=et_al,
        location=Location(path=P),
        **kw,
    )


def R(*families: str, year: str | None = None, **kw: object) -> Reference:
    authors = tuple(Author(family=f) for f in families)
    text = str(kw.pop("text", f"{', '.join(families)} ({year}). Title."))
    return Reference(text=text, authors=authors, year=year, location=Location(path=P), **kw)


def links(cits: list[Citation], refs: list[Reference]) -> list[Link]:
    d = Document(
        path=P,
        format="markdown",
        citations=tuple(cits),
        references=tuple(refs),
        bibliography_found=True,
    )
    return list(link(d).links)


def decided(cits: list[Citation], refs: list[Reference]) -> list[tuple[str, int | None]]:
    return [(ln.status, ln.reference) for ln in links(cits, refs)]


# --- names -------------------------------------------------------------------------


def test_exact_ignores_case_diacritics_apostrophes_and_hyphens() -> None:
    refs = [
        R("Rodríguez Bolívar", year="2016"),
        R("O'Brien", year="2001"),
        R("Smith-Jones", year="2010"),
    ]
    cits = [
        C("rodriguez bolivar", year="2016"),
        C("OBrien", year="2001"),
        C("Smith Jones", year="2010"),
    ]
    assert decided(cits, refs) == [("exact", 0), ("exact", 1), ("exact", 2)]


def test_one_part_of_a_compound_surname_links() -> None:
    refs = [R("Meijer", "Rodríguez Bolívar", year="2016")]
    assert decided([C("Meijer", "Bolívar", year="2016")], refs) == [("exact", 0)]
    assert decided([C("Meijer", "Rodríguez", year="2016")], refs) == [("exact", 0)]


def test_part_of_an_institution_is_another_author() -> None:
    # the ministry's own entry is missing: not a year-mismatch against a statute
    refs = [R("Republik Indonesia", year="2014"), R("Badan Pusat Statistik", year="2020")]
    cits = [
        C("Kementerian Keuangan Republik Indonesia", year="2013"),
        C("Badan Pusat Statistik Kota Bandung", year="2020"),
    ]
    assert decided(cits, refs) == [("unmatched", None), ("unmatched", None)]


def test_particles_prefer_the_exact_form_when_both_are_listed() -> None:
    refs = [R("van der Berg", year="2010"), R("Berg", year="2010")]
    cits = [C("Van der Berg", year="2010"), C("Berg", year="2010")]
    assert decided(cits, refs) == [("exact", 0), ("exact", 1)]


def test_particle_dropped_links_when_only_one_is_listed() -> None:
    assert decided([C("Berg", year="2010")], [R("van der Berg", year="2010")]) == [("exact", 0)]
    assert decided([C("Khalili", year="2010")], [R("al-Khalili", year="2010")]) == [("exact", 0)]


def test_german_transliteration() -> None:
    assert decided([C("Mueller", year="2001")], [R("Müller", year="2001")]) == [("exact", 0)]


# --- et al., dkk., co-authors ------------------------------------------------------


def test_et_al_needs_three_authors() -> None:
    assert decided(
        [C("Smith", year="2019", et_al=True)], [R("Smith", "Jones", "Lee", year="2019")]
    ) == [("exact", 0)]
    [ln] = links([C("Smith", year="2019", et_al=True)], [R("Smith", "Jones", year="2019")])
    assert (ln.status, ln.reference) == ("author-mismatch", 0)
    assert ln.evidence_json()["problems"] == ["et-al-few-authors"]


def test_truncated_reference_author_list_accepts_et_al() -> None:
    assert decided(
        [C("Smith", year="2019", et_al=True)], [R("Smith", year="2019", et_al=True)]
    ) == [("exact", 0)]


def test_dkk_and_full_indonesian_list_are_the_same_work() -> None:
    refs = [R("Nuriawati", "Hanani", "Rahman", year="2024")]
    cits = [
        C("Nuriawati", year="2024", et_al=True),
        C("Nuriawati", "Hanani", "Rahman", year="2024"),
    ]
    assert decided(cits, refs) == [("exact", 0), ("exact", 0)]


def test_missing_and_extra_coauthor_are_author_mismatches() -> None:
    [missing] = links([C("Smith", year="2019")], [R("Smith", "Jones", year="2019")])
    assert (missing.status, missing.evidence_json()["problems"]) == (
        "author-mismatch",
        ["missing-coauthor"],
    )
    [extra] = links([C("Smith", "Jones", year="2019")], [R("Smith", year="2019")])
    assert (extra.status, extra.evidence_json()["problems"]) == (
        "author-mismatch",
        ["extra-coauthor"],
    )


def test_two_author_citation_must_match_both() -> None:
    refs = [R("Smith", "Jones", year="2019"), R("Smith", "Lee", year="2019")]
    assert decided([C("Smith", "Lee", year="2019")], refs) == [("exact", 1)]


def test_two_smiths_in_2019_with_different_coauthors() -> None:
    refs = [R("Smith", "Jones", "Brown", year="2019"), R("Smith", "Lee", "Kim", year="2019")]
    cits = [C("Smith", year="2019", et_al=True), C("Smith", "Lee", "Kim", year="2019")]
    first, second = links(cits, refs)
    assert (first.status, first.candidates) == ("ambiguous", (0, 1))
    assert (second.status, second.reference) == ("exact", 1)


def test_single_name_for_two_coauthored_works_is_ambiguous() -> None:
    refs = [R("Smith", "Jones", year="2019"), R("Smith", "Lee", year="2019")]
    [ln] = links([C("Smith", year="2019")], refs)
    assert (ln.status, ln.reference, ln.candidates) == ("ambiguous", None, (0, 1))


# --- corporate authors ---------------------------------------------------------------


def test_acronym_of_a_corporate_author() -> None:
    who = Reference(
        text="World Health Organization. (2020). Report.",
        year="2020",
        authors=(Author(family="World Health Organization", corporate=True),),
        location=Location(path=P),
    )
    assert decided([C("WHO", year="2020"), C("World Health Organization", year="2020")], [who]) == [
        ("exact", 0),
        ("exact", 0),
    ]


def test_abbreviation_declared_in_the_reference_or_an_earlier_citation() -> None:
    in_ref = R("Kementerian Kesehatan Republik Indonesia (Kemenkes RI)", year="2021")
    assert decided([C("Kemenkes RI", year="2021")], [in_ref]) == [("exact", 0)]
    plain = R("Kementerian Kesehatan Republik Indonesia", year="2021")
    cits = [
        C("Kementerian Kesehatan Republik Indonesia [Kemenkes RI]", year="2021"),
        C("Kemenkes RI", year="2021"),
    ]
    assert decided(cits, [plain]) == [("exact", 0), ("exact", 0)]


def test_an_acronym_is_not_a_misspelling() -> None:
    refs = [R("United Nations Children's Fund", year="2020"), R("WHOQOL Group", year="2020")]
    assert decided([C("UNDP", year="2020"), C("WHO", year="2020")], refs) == [
        ("unmatched", None),
        ("unmatched", None),
    ]


# --- years ----------------------------------------------------------------------------


def test_year_letters() -> None:
    refs = [R("Smith", year="2020a"), R("Smith", year="2020b")]
    plain, a, b = links(
        [C("Smith", year="2020"), C("Smith", year="2020a"), C("Smith", year="2020b")], refs
    )
    assert (plain.status, plain.candidates) == ("ambiguous", (0, 1))
    assert (a.status, a.reference, b.status, b.reference) == ("exact", 0, "exact", 1)


def test_year_without_letter_links_to_the_only_entry_of_that_year() -> None:
    assert decided([C("Smith", year="2020")], [R("Smith", year="2020a")]) == [("exact", 0)]


def test_no_date_and_in_press_forms() -> None:
    refs = [R("Badan Pusat Statistik", year="n.d."), R("Jones", year="in press")]
    cits = [C("Badan Pusat Statistik", year="t.t."), C("Jones", year="forthcoming")]
    assert decided(cits, refs) == [("exact", 0), ("exact", 1)]
    assert decided([C("Jones", year="2021")], [R("Jones", year="in press")]) == [
        ("year-mismatch", 0)
    ]


def test_other_year_is_one_year_mismatch() -> None:
    [ln] = links([C("Ansell", "Gash", year="2007")], [R("Ansell", "Gash", year="2008")])
    assert (ln.status, ln.reference, ln.evidence_json()["listed_year"]) == (
        "year-mismatch",
        0,
        "2008",
    )


def test_year_mismatch_prefers_an_entry_nobody_cites() -> None:
    refs = [R("Smith", year="2019"), R("Smith", year="2020")]
    assert decided([C("Smith", year="2019"), C("Smith", year="2021")], refs) == [
        ("exact", 0),
        ("year-mismatch", 1),
    ]


def test_year_mismatch_with_several_entries_already_cited_is_unlisted() -> None:
    refs = [R("Smith", year="2017"), R("Smith", year="2020")]
    cits = [C("Smith", year="2017"), C("Smith", year="2020"), C("Smith", year="2018")]
    third = links(cits, refs)[2]
    assert third.status == "unmatched"
    assert [s["reference"] for s in third.evidence_json()["similar"]] == [0, 1]


# --- misspellings ---------------------------------------------------------------------


def test_misspelt_name_is_one_author_mismatch_with_evidence() -> None:
    [ln] = links([C("Rahmawati", year="2020")], [R("Rahnawati", year="2020")])
    assert (ln.status, ln.reference) == ("author-mismatch", 0)
    [pair] = ln.evidence_json()["names"]
    assert pair["cited"] == "Rahmawati" and pair["listed"] == "Rahnawati"
    assert pair["score"] > pair["threshold"] == 75.0


def test_exact_beats_fuzzy() -> None:
    refs = [R("Rahnawati", year="2020"), R("Rahmawati", year="2020")]
    assert decided([C("Rahmawati", year="2020")], refs) == [("exact", 1)]


def test_misspelt_name_and_other_year_is_not_linked() -> None:
    assert decided([C("Rahmawati", year="2018")], [R("Rahnawati", year="2020")]) == [
        ("unmatched", None)
    ]


def test_short_names_are_different_people() -> None:
    assert decided([C("Li", year="2020")], [R("Lu", year="2020")]) == [("unmatched", None)]
    assert decided([C("Kim", year="2020")], [R("Kin", year="2020")]) == [("unmatched", None)]
    assert decided([C("Wang", year="2020")], [R("Wong", year="2020")]) == [("unmatched", None)]


def test_short_name_slip_confirmed_by_coauthor_and_year() -> None:
    [ln] = links([C("Lu", "Smith", year="2020")], [R("Li", "Smith", year="2020")])
    assert (ln.status, ln.reference) == ("author-mismatch", 0)


def test_misspelling_prefers_an_uncited_entry() -> None:
    refs = [R("Rahmawati", year="2019"), R("Rahnawati", year="2020")]
    cits = [C("Rahmawati", year="2019"), C("Rahmawati", year="2020")]
    assert decided(cits, refs) == [("exact", 0), ("author-mismatch", 1)]


def test_other_coauthor_of_an_entry_cited_exactly_is_unlisted() -> None:
    refs = [R("Smith", "Jones", year="2019")]
    cits = [C("Smith", "Jones", year="2019"), C("Smith", "Brown", year="2019")]
    assert decided(cits, refs) == [("exact", 0), ("unmatched", None)]


# --- numbers, keys, unparsed entries --------------------------------------------------


def test_numeric_by_label_or_position() -> None:
    numbered = [R("A", year="2001", number=2), R("B", year="2002", number=1)]
    cit = Citation(text="[1]", style="numeric", number=1, location=Location(path=P))
    assert decided([cit], numbered) == [("exact", 1)]
    unnumbered = [R("A", year="2001"), R("B", year="2002")]
    assert decided([cit], unnumbered) == [("exact", 0)]
    far = Citation(text="[9]", style="numeric", number=9, location=Location(path=P))
    assert decided([far], unnumbered) == [("unmatched", None)]


def test_unlabelled_entries_that_fill_a_gap_take_its_numbers() -> None:
    def num(n: int) -> Citation:
        return Citation(text=f"[{n}]", style="numeric", number=n, location=Location(path=P))

    refs = [
        R("A", year="2001", number=1),
        R("B", year="2002"),  # "2006. A handbook": its label was lost
        R("C", year="2003", number=3),
        R("D", year="2004"),
        R("E", year="2005"),
        R("F", year="2006", number=6),
    ]
    assert decided([num(2), num(4), num(5)], refs) == [("exact", 1), ("exact", 3), ("exact", 4)]
    # a run that does not fit its gap keeps no number
    odd = [R("A", year="2001", number=1), R("B", year="2002"), R("C", year="2003", number=4)]
    assert decided([num(2), num(3)], odd) == [("unmatched", None), ("unmatched", None)]


def test_keys_case_sensitive_with_case_insensitive_fallback() -> None:
    refs = [R("Smith", year="2019", key="Smith2019")]
    exact = Citation(text="@Smith2019", style="key", key="Smith2019", location=Location(path=P))
    folded = Citation(text="@smith2019", style="key", key="smith2019", location=Location(path=P))
    missing = Citation(text="@jones2020", style="key", key="jones2020", location=Location(path=P))
    got = links([exact, folded, missing], refs)
    assert [(ln.status, ln.reference) for ln in got] == [
        ("exact", 0),
        ("exact", 0),
        ("unmatched", None),
    ]
    assert (
        got[1].evidence_json()["key_case_differs"] is True
        and "key_case_differs" not in got[0].evidence_json()
    )


def test_entry_without_parsed_authors_links_by_its_text() -> None:
    bare = Reference(
        text="Sugiyono. (2019). Metode penelitian. Bandung: Alfabeta.",
        year="2019",
        location=Location(path=P),
    )
    assert decided([C("Sugiyono", year="2019")], [bare]) == [("exact", 0)]
    # the one entry under that name, with another year: a year mismatch, as for a person
    assert decided([C("Sugiyono", year="2015")], [bare]) == [("year-mismatch", 0)]
    other = bare.model_copy(update={"text": "Sugiyono. (2017). Statistika. Bandung: Alfabeta."})
    assert decided([C("Sugiyono", year="2015")], [bare, other]) == [("unmatched", None)]


def test_every_citation_gets_one_link_in_order() -> None:
    cits = [
        C("A", year="2001"),
        Citation(text="[1]", style="numeric", number=1, location=Location(path=P)),
        C("Zed", year="1999"),
    ]
    got = links(cits, [R("A", year="2001")])
    assert [ln.citation for ln in got] == [0, 1, 2]
    assert [ln.status for ln in got] == ["exact", "exact", "unmatched"]


def test_et_al_not_blamed_on_authors_the_parser_missed() -> None:
    gap = R(
        "Wolfe",
        year="1999",
        text="Wolfe MS, De Los Angeles J, Miller DD, Xia W. 1999. Presenilins.",
    )
    assert decided([C("Wolfe", year="1999", et_al=True)], [gap]) == [("exact", 0)]
    single = R("Wolfe", year="1999", text="Wolfe, M. S. (1999). Presenilins.")
    assert decided([C("Wolfe", year="1999", et_al=True)], [single]) == [("author-mismatch", 0)]


def test_et_al_means_four_or_more_when_three_are_named_in_full() -> None:
    # Chicago / Harvard: three authors in full, "et al." from four
    refs = [
        R("Maher", "Richter", "Stock", year="2012"),
        R("Maher", "Richter", "Macdonald", "Lee", year="2012"),
        R("Bier", "Jan", "Lee", year="1990"),
    ]
    chicago = [C("Maher", year="2012", et_al=True), C("Bier", "Jan", "Lee", year="1990")]
    assert decided(chicago, refs)[0] == ("exact", 1)
    # APA writes "et al." for three authors too: the citation stays ambiguous
    apa = [C("Maher", year="2012", et_al=True), C("Bier", year="1990", et_al=True)]
    assert decided(apa, refs)[0] == ("ambiguous", None)


def test_dropped_letter_of_a_five_letter_name_is_a_misspelling() -> None:
    refs = [R("Moore", "Jironkin", "Chandler", year="2011"), R("Chen", year="2019")]
    cits = [C("More", year="2011", et_al=True), C("Sith", year="2019"), C("Cheng", year="2019")]
    out = decided(cits, refs)
    assert out[0] == ("author-mismatch", 0)
    # a four-letter listed name still accepts only a swap: "Cheng" is another person
    assert out[1:] == [("unmatched", None), ("unmatched", None)]


def test_no_author_year_citation_links_nothing_by_names() -> None:
    from citecheck.linking.authoryear import link_author_year

    assert link_author_year([], [R("Smith", year="2020")], [], threshold=85.0) == []
