"""Prose that looks like citations but is not (English and Indonesian)."""

from __future__ import annotations

import pytest

NOT_CITATIONS = [
    "Peraturan Presiden Nomor 39 Tahun 2019 mengatur data (Perpres No. 39/2019).",
    "Undang-Undang No. 23 Tahun 2014 tentang Pemerintahan Daerah berlaku.",
    "Sesuai (UU No. 6/2014) desa berwenang.",
    "Sesuai (Undang-Undang Nomor 6 Tahun 2014) desa berwenang.",
    "This follows the Act of 1998 and (Act of 1998).",
    "Data were collected (March 2019) and (1 Januari 2020) and (Maret, 2020).",
    "Data were collected (15 March 2019) and (Spring 2019).",
    "In 2019 the rate rose. Pada tahun 2019 angka naik.",
    "Over the period (2010–2015) and (2010-2015) rates fell.",
    "Results (Table 3) differ (see Section 2) and (Figure 4).",
    "It costs (Rp 2,000) or ($2019) per unit.",
    "The sample (n = 2019) was large (p < 0.05), (N=120).",
    "Children aged (5 years) and adults (aged 18–65).",
    "Since (2019) nothing changed.",
    "Figure 2 (2019) shows the trend.",
    "COVID-19 (2020) changed everything.",
    "Sequenced on a HiSeq 2000 (HiSeq 2000) and analysed in (EpiInfo 2007).",
    "Data were analysed with (Microsoft Excel 2016) and (SPSS 25).",
    "Indonesia (2019) reported growth; Jakarta (2020) too.",
    "The survey (Jakarta, 2019) and (Indonesia, 2020) covered cities.",
    "the Paris Agreement (2015) and this Act (2014) apply.",
    "Agenda 2030 (Agenda 2030) and (Vision 2030).",
    "Pada (Tahun 2019) dan (Pasal 5, 2019) diatur.",
    "Sejak (2019) kebijakan ini berlaku di Jawa Barat (2019).",
    "The ISO (ISO 9001:2015) standard.",
    "He was born (June-September 2009) there.",
    "Participants (n = 120, 2019 cohort) took part.",
    "The tariff (USD 2019) rose.",
    "Links [ ] and [x] and [^1] and [@smith2019] are not numeric citations here.",
    "Group B (2019) and Wave 3 (2018) and Study 2 (2020).",
]


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_no_false_citation(cite, text):
    assert cite(text) == []


def test_prose_paragraph_en(cite):
    text = (
        "In 2019, the Ministry launched a programme (see Section 3). Over the period (2015–2019) "
        "enrolment rose by 12% (p < 0.01; n = 2,019). Following the reform (Law No. 12/2012), "
        "universities gained autonomy, as Smith (2019) notes (Smith, 2019, p. 4)."
    )
    assert [(c.authors, c.year, c.narrative) for c in cite(text)] == [
        (("Smith",), "2019", True),
        (("Smith",), "2019", False),
    ]


def test_prose_paragraph_id(cite):
    text = (
        "Pada tahun 2019, pemerintah menerbitkan Peraturan Pemerintah Nomor 12 Tahun 2019 "
        "(PP No. 12/2019). Data BPS Provinsi Jawa Barat (2020) menunjukkan kenaikan 5% "
        "(Tabel 2). Menurut Sugiyono (2019), sampel dipilih secara acak (Sugiyono, 2019, hlm. 85)."
    )
    assert [(c.authors, c.year) for c in cite(text)] == [
        (("Sugiyono",), "2019"),
        (("Sugiyono",), "2019"),
    ]


def test_numbers_in_author_year_prose_are_not_numeric_citations(cite):
    text = "Two groups (1) and (2) were compared (Smith, 2019; Lee, 2020). Scores [1] differ (Kim, 2018)."
    assert all(c.style == "author-year" for c in cite(text))
