"""Classes of false findings from the eighth blind batch of real manuscripts (issue 13),
each with our own minimal invented examples: ABNT co-authors in mixed case separated by
";", ABNT's uncertain decade "[201-]", the access date of an undated web page taken for
its year, and an Indonesian relative pronoun before a capitalised word."""

from __future__ import annotations

from pathlib import Path

from tests.support.checks import findings

ABNT = (
    "# Introdução\n\n"
    "O estilo ajuda (Tavora; Quintela, 2016). O código roda no cliente (Brandao; Lemos, 2008).\n"
    "O projeto nasceu numa empresa (ESTRELA, [201-]). A linguagem evoluiu (LUMEN, s.d.).\n"
    "A modelagem segue Ribas (2010).\n\n"
    "# REFERÊNCIAS\n\n"
    "BRANDAO, Ana Luiza; LEMOS, Carla Dias. Aprendendo scripts. São Carlos: Inventada, 2008.\n\n"
    "ESTRELA. Sobre: História. Curitiba: Estrela, [201-]. Disponível em: "
    "https://estrela.example/sobre. Acesso em: 10 out. 2022.\n\n"
    "LUMEN. Manual da linguagem. Disponível em: https://lumen.example/manual. "
    "Acesso em: 3 nov. 2022.\n\n"
    "RIBAS, Otávio. Introdução à modelagem. Disponível em: https://ribas.example/m.pdf. "
    "Acesso em: 19 out. 2022.\n\n"
    "TAVORA, Bruno Pires; QUINTELA, Dora Maia. Frameworks web. 2016. 44 f. Monografia - "
    "Universidade Inventada, 2016.\n"
)


def test_abnt_coauthors_in_mixed_case_are_one_citation(tmp_path: Path) -> None:
    got = findings(tmp_path, ABNT)
    assert not [f for f in got if f[0] in ("cited-not-listed", "listed-not-cited")], got


def test_a_lone_unlisted_word_before_a_citation_is_no_coauthor(tmp_path: Path) -> None:
    text = ABNT.replace("(Tavora; Quintela, 2016)", "(Alfa; Quintela, 2016)")
    got = findings(tmp_path, text)
    assert ("cited-not-listed", "'Quintela, 2016' is cited but is not in the reference list") in [
        (r, m) for r, m in got
    ]


def test_an_access_date_is_not_the_year_of_an_undated_page(tmp_path: Path) -> None:
    got = findings(tmp_path, ABNT)
    assert not [f for f in got if f[0] == "year-mismatch"], got


def test_a_dated_entry_with_an_access_date_keeps_its_year(tmp_path: Path) -> None:
    text = ABNT.replace(
        "Introdução à modelagem. Disponível", "Introdução à modelagem. 2012. Disponível"
    )
    got = findings(tmp_path, text)
    assert [r for r, _m in got if r == "year-mismatch"] == ["year-mismatch"], got


def test_the_uncertain_decade_of_an_abnt_entry_is_its_citation(tmp_path: Path) -> None:
    text = ABNT.replace("(ESTRELA, [201-])", "(a empresa)")
    got = findings(tmp_path, text)
    assert [m for r, m in got if r == "listed-not-cited" and "ESTRELA" in m], got
    assert not [m for r, m in findings(tmp_path, ABNT) if "ESTRELA" in m]


INDONESIAN = (
    "# Pendahuluan\n\n"
    "| No | Penulis | Judul |\n|---|---|---|\n"
    "| 1 | Ardi & Gunadi (2021) | Layanan web |\n"
    "| 2 | **Penelitian yang Diusulkan (2026)** | Platform |\n\n"
    "Metode yang Rahmat (2020) kemukakan dipakai.\n\n"
    "## DAFTAR PUSTAKA\n\n"
    "1. Ardi, F. R., & Gunadi, R. (2021). Layanan web. *Jurnal Contoh*, 5(2), 48-55.\n"
    "2. Rahmat, A. (2020). Metode penelitian. Penerbit Contoh.\n"
)


def test_a_capitalised_word_after_yang_is_no_author(tmp_path: Path) -> None:
    assert findings(tmp_path, INDONESIAN) == []


def test_a_listed_author_after_yang_is_still_cited(tmp_path: Path) -> None:
    text = INDONESIAN.replace("Metode yang Rahmat (2020)", "Metode yang Rahmat (2019)")
    got = findings(tmp_path, text)
    assert [r for r, _m in got] == ["year-mismatch"], got


def test_para_before_a_narrative_citation_is_no_part_of_the_name(tmp_path: Path) -> None:
    """Portuguese and Spanish "Para X (ano)" ("for X"): the citation is "X (ano)"."""
    text = (
        "# Introdução\n\nPara Quintela (2013), os dados importam.\n\n"
        "# REFERÊNCIAS\n\nQUINTELA, Ana. Dados. São Paulo: Inventada, 2012.\n"
    )
    got = findings(tmp_path, text)
    assert [m for r, m in got if r == "year-mismatch"] == [
        "Cited as 'Quintela (2013)' but the reference list has 'QUINTELA, 2012' "
        "(year 2013 in the text, 2012 in the list)"
    ], got
