"""Running-text classes of issue 13, seventh step (our own minimal examples): a regional
office cited by its abbreviation, an organisation introduced in the prose, and
citations whose year slot a citation processor left empty."""

from __future__ import annotations

from pathlib import Path

import citecheck
from citecheck.citations import extract_citations
from citecheck.references import parse_reference
from citecheck.text.names import abbreviated_forms, compare, name_key

LOCAL = ("cited-not-listed", "listed-not-cited", "year-mismatch", "author-mismatch")
LOCAL_AMBIGUOUS = (*LOCAL, "ambiguous-citation")


def _findings(tmp_path: Path, text: str, select: tuple[str, ...] = LOCAL) -> list[tuple[str, str]]:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    report = citecheck.check(path, citecheck.Settings(offline=True, select=select))
    return [(f.rule, f.citation["text"] if f.citation else f.message) for f in report.findings]


def test_an_office_named_after_its_abbreviation_keeps_its_region() -> None:
    ref = parse_reference(
        "Dinas Cuaca Nasional (DCN) Provinsi Kalimaya Timur. (2023). Curah hujan. Kalimaya: DCN."
    )
    first = ref.authors[0]
    assert (first.family, first.abbreviation) == (
        "Dinas Cuaca Nasional Provinsi Kalimaya Timur",
        "DCN",
    )
    assert ref.title == "Curah hujan"
    assert abbreviated_forms(first.family, "DCN") == (
        "DCN Provinsi Kalimaya Timur",
        "DCN Kalimaya Timur",
    )
    assert abbreviated_forms("Dinas Cuaca Nasional", "DCN") == ()  # nothing after it


def test_abbreviation_and_region_match_only_that_office() -> None:
    listed = name_key("Dinas Cuaca Nasional Provinsi Kalimaya Timur", "DCN")
    assert compare(name_key("DCN Kalimaya Timur"), listed).how == "abbreviation"
    assert compare(name_key("DCN Provinsi Kalimaya Timur"), listed).how == "abbreviation"
    assert compare(name_key("DCN Kalimaya Barat"), listed).how == "none"


def test_a_regional_office_cited_by_abbreviation_and_region(tmp_path: Path) -> None:
    text = (
        "# Pendahuluan\n\nMenurut DCN Kalimaya Timur (2023), hujan naik; lihat juga "
        "DCN Kalimaya Timur (2021) dan Okafor (2019).\n\n# Daftar Pustaka\n\n"
        "Dinas Cuaca Nasional (DCN) Provinsi Kalimaya Timur. (2023). *Curah hujan*. Kalimaya: DCN.\n\n"
        "Okafor, C. (2019). Tides. *Journal of Tides*, 2, 1-9.\n"
    )
    got = _findings(tmp_path, text)
    # the entry is cited; the second citation gives another year of the same office
    assert got == [("year-mismatch", "DCN Kalimaya Timur (2021)")], got


def test_an_organisation_introduced_in_the_prose_names_its_work(tmp_path: Path) -> None:
    entries = (
        "# References\n\n"
        "Society of Invented Rain Gauges (SIRG), *Annual rain report*, 2022.\n\n"
        "Okafor, C. (2019). Tides. *Journal of Tides*, 2, 1-9.\n"
    )
    named = "# Intro\n\nThe Society of Invented Rain Gauges (SIRG) counts 40 stations (Okafor, 2019).\n\n"
    assert _findings(tmp_path, named + entries) == []
    # the abbreviation alone, or the name without its definition, is not a citation
    for prose in ("SIRG counts 40 stations", "The Society of Invented Rain Gauges counts"):
        text = f"# Intro\n\n{prose} (Okafor, 2019).\n\n" + entries
        assert [r for r, _ in _findings(tmp_path, text)] == ["listed-not-cited"]


def test_an_organisation_with_two_works_is_not_cited_by_its_name(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nThe Society of Invented Rain Gauges (SIRG) counts stations (Okafor, 2019; "
        "Society of Invented Rain Gauges, 2021).\n\n# References\n\n"
        "Society of Invented Rain Gauges. (2021). *Station list*. Springfield: SIRG.\n\n"
        "Society of Invented Rain Gauges. (2022). *Annual rain report*. Springfield: SIRG.\n\n"
        "Okafor, C. (2019). Tides. *Journal of Tides*, 2, 1-9.\n"
    )
    got = _findings(tmp_path, text)
    assert [r for r, _ in got] == ["listed-not-cited"] and "2022" in got[0][1], got


def test_an_empty_year_slot_is_one_finding_per_entry(tmp_path: Path) -> None:
    text = (
        "# Introdução\n\nO crescimento varia (OKAFOR C.A., ) e a mortalidade cai (TANAKA, 2010; "
        "LIMA R.B., ; OKAFOR C.A., ). Segundo LINDQVIST B. as clareiras mudam (PRADO J., ).\n\n"
        "# Referências\n\n"
        "OKAFOR C.A. Crescimento de árvores. Revista Florestal, v. 2, p. 1-9.\n\n"
        "LINDQVIST B. Mortalidade. Revista Florestal, v. 3, p. 2-5.\n\n"
        "LIMA R.B. Clareiras. Revista Florestal, v. 4, p. 7-8.\n\n"
        "TANAKA, H. Solos. Revista Florestal, v. 5, p. 1-2, 2010.\n"
    )
    got = _findings(tmp_path, text)
    # PRADO is listed nowhere: a parenthesis of an unlisted name is not read as a citation
    assert got == [("year-mismatch", "OKAFOR C.A.,"), ("year-mismatch", "LIMA R.B.,")], got
    path = tmp_path / "paper.md"
    report = citecheck.check(path, citecheck.Settings(offline=True, select=("year-mismatch",)))
    first = report.findings[0]
    assert "(OKAFOR C.A., )" in first.message and "has no year either" in first.message
    assert len(first.related) == 1  # the second citation of the same entry


def test_an_empty_year_slot_against_a_dated_entry(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nAs shown (Okafor, ) and (Lind, 2018).\n\n# References\n\n"
        "Okafor, C. (2019). Tides. *Journal of Tides*, 2, 1-9.\n\n"
        "Lind, A. (2018). Waves. *Journal of Tides*, 1, 3-4.\n"
    )
    got = _findings(tmp_path, text)
    assert got == [("year-mismatch", "Okafor,")], got


def test_citeproc_names_pick_the_entry_that_prints_them(tmp_path: Path) -> None:
    # Two undated entries of one first author, co-authors printed as citeproc gives them:
    # the citation's names as printed open exactly one entry.
    text = (
        "# Introdução\n\nA (OKAFOR C.A., B. D., Reis F., ) e B (OKAFOR C.A., B. D. E., Lima J., ).\n\n"
        "# Referências\n\n"
        "OKAFOR C.A., B. D., Reis F. Sementes. Revista Florestal, v. 4, p. 9-10.\n\n"
        "OKAFOR C.A., B. D. E., Lima J. Raízes. Revista Florestal, v. 6, p. 1-3.\n"
    )
    got = _findings(tmp_path, text, LOCAL_AMBIGUOUS)
    assert [r for r, _ in got] == ["year-mismatch", "year-mismatch"], got


def test_a_long_comma_list_in_brackets_is_read_in_one_pass() -> None:
    # a parenthesis of many comma-separated words (a list, not a citation): the empty
    # year slot is looked for by splitting, not by a pattern that backtracks per comma
    words = ", ".join(["Okafor basin"] * 300)
    text = f"Sites ({words} and more) were sampled (Okafor, 2019)."
    found = extract_citations(text, path="x.md", listed_authors=["Okafor"])
    assert [(c.authors, c.year) for c in found] == [(("Okafor",), "2019")]
