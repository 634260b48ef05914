"""Blind batch 7 classes (our own minimal examples): a work cited through a listed one
("conforme citado por", "apud", "dalam") need not be listed; an author cited with
three or more years has several works rather than one with a wrong year; ABNT
citations in capitals ("(RIBEIRO E RIBEIRO, 2013)", "(GIT)" for an undated body)."""

from __future__ import annotations

from pathlib import Path

import citecheck

LOCAL = ("cited-not-listed", "inconsistent-citation", "listed-not-cited", "author-mismatch")


def _findings(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    report = citecheck.check(path, citecheck.Settings(offline=True, select=LOCAL))
    return [(f.rule, f.citation["text"] if f.citation else f.message) for f in report.findings]


SECONDARY = (
    "# Introdução\n\n"
    "Segundo Mourato e Pires (2004), conforme citado por Tavares (2015), a criação cresceu. "
    "Outro estudo (LIMA e SOUTO, 2009, apud TAVARES, 2015) confirma. "
    "Menurut Kowalczyk (2001) (dalam Tavares, 2015) hal ini benar. "
    "Darnell (1999), as cited in Tavares (2015), agrees.\n\n"
    "# Referências\n\n"
    "TAVARES, Rui. Aves do sertão. Recife: Editora Inventada, 2015.\n"
)


def test_a_work_cited_through_a_listed_one_is_not_missing(tmp_path: Path) -> None:
    assert _findings(tmp_path, SECONDARY) == []


def test_a_work_cited_through_an_unlisted_one_is_still_missing(tmp_path: Path) -> None:
    text = SECONDARY.replace("TAVARES, Rui. Aves do sertão", "OKAFOR, Chidi. Marés")
    found = {cited for rule, cited in _findings(tmp_path, text) if rule == "cited-not-listed"}
    assert "Mourato e Pires (2004)" in found  # the consulted work is missing: both are
    assert any("Tavares" in c for c in found)


def test_dalam_after_a_year_without_a_source_is_a_comment(tmp_path: Path) -> None:
    text = (
        "# Bab\n\nMenurut data (Putri, 2019, dalam konteks ini) benar (Okafor, 2020).\n\n"
        "# Daftar Pustaka\n\nOkafor, C. (2020). Tides. Journal of Tides.\n"
    )
    assert _findings(tmp_path, text) == [("cited-not-listed", "Putri, 2019")]


def test_an_author_cited_with_three_years_has_three_works(tmp_path: Path) -> None:
    text = (
        "# Bab\n\nPertama (Wirasena, 2009: 3). Model ini menurut Wirasena (2012: 10) baik. "
        "Hal ini dibahas Wirasena (2012: 14). Juga Wirasena (2013: 5) dan (Okafor, 2020).\n\n"
        "# Daftar Pustaka\n\nOkafor, C. (2020). Tides. Journal of Tides.\n"
    )
    found = _findings(tmp_path, text)
    assert [r for r, _ in found] == ["cited-not-listed"] * 3  # 2009, 2012 (twice), 2013
    assert not any(r == "inconsistent-citation" for r, _ in found)


def test_two_close_years_of_an_author_are_still_one_work_with_a_typo(tmp_path: Path) -> None:
    text = (
        "# Bab\n\nModel ini menurut Wirasena (2012: 10) baik. "
        "Juga Wirasena (2013: 5) dan (Okafor, 2020).\n\n"
        "# Daftar Pustaka\n\nOkafor, C. (2020). Tides. Journal of Tides.\n"
    )
    rules = sorted(r for r, _ in _findings(tmp_path, text))
    assert rules == ["cited-not-listed", "inconsistent-citation"]


ABNT = (
    "# Introdução\n\n"
    "O banco de dados é central (RIBEIRO E RIBEIRO, 2013, p.14). Também (SOUTO E LIMA, 2010). "
    "O sistema usa o Git (GIT). A linguagem é popular (PHP, s.d.). Veja (TAVARES, 2015).\n\n"
    "# Referências\n\n"
    "RIBEIRO, Ana; RIBEIRO, Bruno. Bancos de dados. São Paulo: Inventada, 2013.\n\n"
    "SOUTO, Carla; LIMA, Davi. Sistemas. Recife: Inventada, 2010.\n\n"
    "GIT. Documentação oficial. Disponível em: <https://git.example/>. Acesso em 16 set. 2019.\n\n"
    "PHP. Documentação Oficial. s/d. Disponível em: <http://php.example/> Acesso em 14 set. 2019.\n\n"
    "TAVARES, Rui. Aves do sertão. Recife: Editora Inventada, 2015.\n"
)


def test_abnt_capital_conjunction_and_undated_bodies(tmp_path: Path) -> None:
    assert _findings(tmp_path, ABNT) == []


def test_an_undated_body_named_nowhere_is_still_uncited(tmp_path: Path) -> None:
    text = ABNT.replace("O sistema usa o Git (GIT). ", "")
    found = _findings(tmp_path, text)
    assert [r for r, _ in found] == ["listed-not-cited"]
    assert "GIT. Documentação" in found[0][1]


def test_a_dated_body_is_not_cited_by_its_bare_name(tmp_path: Path) -> None:
    text = ABNT.replace("Acesso em 16 set. 2019.", "2019.")
    assert [r for r, _ in _findings(tmp_path, text)] == ["listed-not-cited"]


def test_a_stray_comma_after_et_al_still_makes_a_narrative_citation(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nO estudo realizado por FERRAZ et al., (2007) em Pelotas mostrou.\n\n"
        "# Referências\n\nFERRAZ, Lara; SOUZA, Ana; LIMA, Bia. Cavalos. Pelotas: Inventada, 2007.\n"
    )
    assert _findings(tmp_path, text) == []
