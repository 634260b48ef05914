"""Corporate authors and their abbreviations."""

from __future__ import annotations


def test_abbreviation_defined_in_citation_then_used(cite):
    a, b = cite("First (World Health Organization [WHO], 2020). Later (WHO, 2020).")
    assert a.authors == b.authors == ("World Health Organization",)
    assert a.abbreviation == b.abbreviation == "WHO"
    assert b.text == "WHO, 2020"


def test_narrative_definition(cite):
    a, b = cite("The World Health Organization (WHO, 2020) warns. Data (WHO, 2021).")
    assert (a.text, a.authors, a.narrative) == (
        "World Health Organization (WHO, 2020)",
        ("World Health Organization",),
        True,
    )
    assert (b.authors, b.year) == (("World Health Organization",), "2021")


def test_definition_in_prose(cite):
    (c,) = cite("Badan Pusat Statistik (BPS) mencatat kenaikan (BPS, 2021).")
    assert (c.authors, c.abbreviation) == (("Badan Pusat Statistik",), "BPS")


def test_undefined_abbreviation_stays_as_written(cite):
    (c,) = cite("Data (BPS, 2021).")
    assert (c.authors, c.abbreviation) == (("BPS",), None)


def test_indonesian_bodies(pairs):
    assert pairs("Badan Pusat Statistik (2021) mencatat") == [(("Badan Pusat Statistik",), "2021")]
    assert pairs("(Kementerian Kesehatan RI, 2020)") == [(("Kementerian Kesehatan RI",), "2020")]
    assert pairs("(Kementerian Pendidikan dan Kebudayaan, 2019)") == [
        (("Kementerian Pendidikan dan Kebudayaan",), "2019")
    ]
    assert pairs("(Bank Indonesia, 2020)") == [(("Bank Indonesia",), "2020")]


def test_english_bodies(pairs):
    assert pairs("(Ministry of Health, 2019)") == [(("Ministry of Health",), "2019")]
    assert pairs("(Food and Agriculture Organization, 2018)") == [
        (("Food and Agriculture Organization",), "2018")
    ]
    assert pairs("as the World Bank (2020) reports") == [(("World Bank",), "2020")]


def test_lone_acronym_needs_support(pairs):
    assert pairs("the body mass index BMI (1975) was") == []
    assert pairs("with GBD 2010 data (GBD 2010) in") == []
    assert pairs("WHO (2020) warns. Later (WHO, 2020).") == [(("WHO",), "2020"), (("WHO",), "2020")]


def test_single_letter_inside_corporate_name(pairs):
    assert pairs("fitted in R (R Core Team, 2023).") == [(("R Core Team",), "2023")]


def test_indonesian_institutions_with_place_words(cite):
    # "Republik Indonesia" alone reads as a place; the institution word makes it an author
    a, b = cite(
        "Tabel 1 (Sumber: Ombudsman Republik Indonesia, 2021). Lihat (Mahkamah Konstitusi, 2020)."
    )
    assert (a.authors, a.prefix, b.authors) == (
        ("Ombudsman Republik Indonesia",),
        "Sumber:",
        ("Mahkamah Konstitusi",),
    )
