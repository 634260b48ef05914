"""Running-text classes of issue 13, fifth step (our own minimal examples): binned
intervals in table cells, a name-year item of a list of non-names, web sites cited by
their domain, works named in prose with their year, and sources given as footnotes."""

from __future__ import annotations

from pathlib import Path

import citecheck
from citecheck.citations import extract_citations

LOCAL = ("cited-not-listed", "listed-not-cited", "year-mismatch", "author-mismatch")


def _findings(tmp_path: Path, text: str, name: str = "paper.md") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = citecheck.check(path, citecheck.Settings(offline=True, select=LOCAL))
    return [(f.rule, f.citation["text"] if f.citation else f.message) for f in report.findings]


def test_binned_intervals_in_table_cells_are_not_citations() -> None:
    text = (
        "Earlier work [1, 2] and [3].\n\n"
        "| Angle | Error |\n|---|---|\n"
        "| [0, 15] | 0.4 |\n| [15, 45] | 0.4 |\n| [45, 90] | 0.3 |\n\n"
        "| Study | Refs |\n|---|---|\n| A | [1, 2] |\n| B | [2, 3] |\n"
    )
    found = extract_citations(text, path="x.md", mode="numeric")
    lines = sorted({text.count("\n", 0, c.start) + 1 for c in found})
    assert lines == [1, 11, 12]  # the prose and the two citing cells, not the bins


def test_a_name_year_item_among_non_names_is_not_a_citation() -> None:
    text = "Four datasets (KLP2, ZID3, WQ7 and Okonkwo 2021) were merged (Lindqvist, 2019)."
    assert [c.authors for c in extract_citations(text, path="x.md")] == [("Lindqvist",)]
    both = "As shown (see Tanaka and Mori, 2018; Putri dan Sari, 2020)."
    assert [c.authors for c in extract_citations(both, path="x.md")] == [
        ("Tanaka", "Mori"),
        ("Putri", "Sari"),
    ]


def test_a_site_cited_by_its_domain_links_to_its_undated_entry(tmp_path: Path) -> None:
    text = (
        "# Bab 2\n\nKode ini menyimpan 40 angka (tilecode.example, 2013). See (Okafor, 2019).\n\n"
        "# Daftar Pustaka\n\n"
        "tilecode.example. (n.d.). What is a tile code. Retrieved from https://tilecode.example/\n\n"
        "Okafor, C. (2019). Tides. Journal of Tides.\n"
    )
    got = _findings(tmp_path, text)
    # the one entry under that name, dated otherwise: a year mismatch, not a missing work
    assert got == [("year-mismatch", "tilecode.example, 2013")], got


def test_authors_named_in_prose_with_the_year_count_as_cited(tmp_path: Path) -> None:
    body = (
        "# Bab 2\n\nPada tahun 2016, Ayu Wiranata dan Budi Halim meneliti presensi.\n\n"
        "Metode lain (Okafor, 2019).\n\n# Daftar Pustaka\n\n"
        "Wiranata, A., & Halim, B. (2016). Presensi digital. Jurnal Sistem, 3(2), 1-9.\n\n"
        "Okafor, C. (2019). Tides. Journal of Tides.\n\n"
        "Sastra, D. (2015). Kode batang. Jurnal Kode, 1(1), 2-5.\n"
    )
    got = _findings(tmp_path, body)
    assert [r for r, _ in got] == ["listed-not-cited"]
    assert "Sastra" in got[0][1]
    # another year in the prose is not the entry
    assert len(_findings(tmp_path, body.replace("Pada tahun 2016", "Pada tahun 2018"))) == 2


FOOTNOTED = """# Einleitung

Aufbauend auf Berger et al. (2010)[^1] und Hollis (2013)[^2] beschreiben wir den
Prototyp.[^3] Eine Bemerkung.[^4]

# Quellen

Ende

[^1]: Berger, Anna; Hollis, Jo: Vergleich von Suchindizes. http://example.org/a.pdf [Zugriff: 15. Juli 2014].
[^2]: Hollis, Jo: A comparison of search APIs. http://example.org/b [Zugriff: 15. Juli 2014].
[^3]: Berger, Anna; Hollis, Jo: Vergleich von Suchindizes. http://example.org/a.pdf [Zugriff: 15. Juli 2014].
[^4]: Dubletten traten in beiden Systemen auf.
"""


def test_source_footnotes_are_the_list(tmp_path: Path) -> None:
    parsed = citecheck.parse(_write(tmp_path, FOOTNOTED))
    assert [r.key for r in parsed.references] == ["1", "2", "3"]  # the remark stays a note
    assert [c.key for c in parsed.citations] == ["1", "2", "3"]  # names before marks dropped
    path = tmp_path / "paper.md"
    report = citecheck.check(path, citecheck.Settings(offline=True))
    assert report.findings == () or not list(report.findings), [
        (f.rule, f.message) for f in report.findings
    ]


def test_a_footnote_never_marked_is_an_uncited_source(tmp_path: Path) -> None:
    text = FOOTNOTED.replace("Prototyp.[^3]", "Prototyp.")
    got = _findings(tmp_path, text)
    assert [r for r, _ in got] == ["listed-not-cited"], got


def test_a_typed_list_keeps_its_place_beside_source_footnotes(tmp_path: Path) -> None:
    text = FOOTNOTED.replace("Ende", "Berger, A. (2010). Vergleich. Bibliotheksdienst, 44, 1-9.")
    parsed = citecheck.parse(_write(tmp_path, text))
    assert [r.key for r in parsed.references] == [None]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_settings_value_is_not_a_numeric_citation() -> None:
    text = (
        "Tuned as in [1].\n\n- `max_depth`: [5, 10, 15]\n- min_leaf = [1, 2, 4]\n"
        "- Studies: [1, 2]\n"
    )
    found = extract_citations(text, path="x.md", mode="numeric")
    assert sorted({c.text for c in found}) == ["[1, 2]", "[1]"]


def test_one_markdown_link_a_line_is_one_entry_a_line(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nAs shown (Okafor, 2019).\n\n## Referensi\n\n"
        "[Tide Office, *Annual report*, 2020.](https://example.org/a)\n"
        "[Okafor, C. (2019). Tides. *Journal of Tides*, 3, 1-9.](https://example.org/b)\n"
    )
    parsed = citecheck.parse(_write(tmp_path, text))
    assert len(parsed.references) == 2
    assert [r for r, _ in _findings(tmp_path, text)] == ["listed-not-cited"]


def test_abnt_co_authors_separated_by_semicolons_are_one_citation() -> None:
    found = extract_citations("Como visto (OKAFOR; LINDQVIST; TANAKA, 2018).", path="x.md")
    assert [(c.authors, c.year) for c in found] == [(("OKAFOR", "LINDQVIST", "TANAKA"), "2018")]
    two = extract_citations("Ver (BARROS, 2010; FERREIRA, 2012).", path="x.md")
    assert [c.authors for c in two] == [("BARROS",), ("FERREIRA",)]


def test_keys_citeproc_could_not_find_are_cited_not_listed(tmp_path: Path) -> None:
    text = (
        "# Intro\n\nGrowth varies (Okafor2009?) and (BARROS, 2010; Lind2015a?). "
        "See (Figure ??) and (why?).\n\n# References\n\nBARROS, A. Titulo. Revista, 2010.\n"
    )
    got = _findings(tmp_path, text, "paper.txt")
    assert got == [("cited-not-listed", "Okafor2009?"), ("cited-not-listed", "Lind2015a?")], got


def test_duplicate_fields_of_uncited_database_entries_are_not_reported(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(
        "@article{okafor2019, author={Okafor, C.}, title={Tides}, journal={J}, year={2019},"
        " note={a}, note={b}}\n"
        "@article{lind2015, author={Lind, A.}, title={Waves}, journal={J}, year={2015},"
        " note={a}, note={b}}\n",
        encoding="utf-8",
    )
    path = tmp_path / "paper.md"
    path.write_text("---\nbibliography: refs.bib\n---\n\nAs shown [@okafor2019].\n", "utf-8")
    report = citecheck.check(path, citecheck.Settings(offline=True, select=("parse-error",)))
    keys = [f.evidence.get("key") for f in report.findings]
    assert keys == ["okafor2019"], keys


def test_an_undated_entry_named_with_its_initial_counts_as_cited(tmp_path: Path) -> None:
    text = (
        "# Introdução\n\nO crescimento varia (OKAFOR C.A., ) e segundo LINDQVIST B. "
        "a mortalidade cai (TANAKA, 2010).\n\n# Referências\n\n"
        "OKAFOR C.A. Crescimento de árvores. Revista Florestal, v. 2, p. 1-9.\n\n"
        "LINDQVIST B. Mortalidade. Revista Florestal, v. 3, p. 2-5.\n\n"
        "FERREIRA D. Clareiras. Revista Florestal, v. 4, p. 7-8.\n\n"
        "TANAKA, H. Solos. Revista Florestal, v. 5, p. 1-2, 2010.\n"
    )
    got = _findings(tmp_path, text)
    # the empty year slot itself is reported, once, as a missing year (see
    # test_running_text_organisations); the entries are cited
    assert [r for r, _ in got] == ["year-mismatch", "listed-not-cited"], got
    assert "FERREIRA" in got[1][1]


def test_two_works_of_one_organisation_at_different_addresses_are_not_duplicates(
    tmp_path: Path,
) -> None:
    head = "# Methods\n\nRecords came from the portal [1] as a download [2].\n\n# References\n\n"
    entries = (
        "1. TSO: The Tide Survey Office. The tide survey office portal 2021. "
        "https://www.tides.example/ (accessed April 2, 2021).\n"
        "2. TSO: The Tide Survey Office. Occurrence download 2021. "
        "https://doi.org/10.99999/DL.TIDE01.\n"
    )
    path = tmp_path / "paper.md"
    path.write_text(head + entries, encoding="utf-8")
    report = citecheck.check(
        path, citecheck.Settings(offline=True, select=("duplicate-reference",))
    )
    assert not report.findings
    same = entries.replace(
        "Occurrence download 2021. https://doi.org/10.99999/DL.TIDE01.",
        "The tide survey office portal 2021. https://www.tides.example/",
    )
    path.write_text(head + same, encoding="utf-8")
    report = citecheck.check(
        path, citecheck.Settings(offline=True, select=("duplicate-reference",))
    )
    assert [f.rule for f in report.findings] == ["duplicate-reference"]


def test_titles_with_years_are_not_narrative_citations() -> None:
    text = (
        'Films such as *Tide Walker (1994)*, **"Salt Road (1995)"** and _Low Sun (1975)_ '
        "lead, as Okafor (2019) and “as Lee (2018) said”.\n\n"
        "| Title | Rating |\n|---|---|\n| Tide Walker (1994) | 4.1 |\n"
        "| Monsters of Salt, Inc. (2001) | 3.9 |\n| Low Sun (1975) | 3.2 |\n"
    )
    found = extract_citations(text, path="x.md")
    assert [c.authors for c in found] == [("Okafor",), ("Lee",)]


def test_a_column_of_listed_studies_in_a_table_stays_cited() -> None:
    text = "| Study | n |\n|---|---|\n| Okafor (2019) | 40 |\n| Tanaka (2010) | 12 |\n"
    text += "| Lindqvist (2018) | 9 |\n"
    found = extract_citations(text, path="x.md", listed_authors=LISTED_STUDIES)
    assert len(found) == 3


LISTED_STUDIES = ("Okafor", "Tanaka", "Lindqvist")


def test_round_bracket_numbers_win_over_a_stray_square_one() -> None:
    text = (
        "Trauma kills millions (1). Registries help (2), as a review published in 2022 (3). "
        "Errors are common (4) and costly (5).\n\n[1] 6 # printed output\n"
    )
    found = extract_citations(text, path="x.md", numbered_references=True)
    assert [c.number for c in found] == [1, 2, 3, 4, 5]
