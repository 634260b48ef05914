import pytest

from citecheck.loaders.markdown import bibliography_sections, find_headings
from citecheck.text.headings import is_back_matter_heading, is_bibliography_heading


@pytest.mark.parametrize(
    "heading",
    [
        "References",
        "REFERENCES",
        "## 7. References",
        "VII. REFERENCES",
        "**Daftar Pustaka**",
        "Daftar Referensi",
        "Rujukan",
        "Literaturverzeichnis",
        "Références",
        "Referências",
        "Bibliografía",
        "Riferimenti bibliografici",
        "Literatuur",
        "Works Cited",
        "Literature Cited",
        "Reference List",
        "Bibliography:",
        "Referensi",
        "**Referensi Terkait**:",
        "参考文献",
        "9. 参考文献与理论来源",
        "참고문헌",
    ],
)
def test_bibliography_headings(heading):
    assert is_bibliography_heading(heading)


@pytest.mark.parametrize(
    "heading", ["Introduction", "Literature review", "Data sources", "Methods", "文献综述"]
)
def test_not_bibliography_headings(heading):
    assert not is_bibliography_heading(heading)


def test_back_matter():
    assert is_back_matter_heading("Appendix A")
    assert is_back_matter_heading("LAMPIRAN")
    assert not is_back_matter_heading("Results")


def _section(text):
    heads = find_headings(text, [])
    ((_h, a, b),) = bibliography_sections(text, heads)
    return text[a:b]


def test_section_ends_at_same_level_heading_not_at_deeper():
    text = "# T\n\n## Methods\n\nx\n\n## References\n\nA. (2001).\n\n### Sub\n\nB. (2002).\n\n## Appendix\n\nno\n"
    sec = _section(text)
    assert "A. (2001)" in sec and "B. (2002)" in sec and "no" not in sec


def test_plain_text_heading_and_appendix():
    text = "Title\n\nBody text (Smith, 2001).\n\nDAFTAR PUSTAKA\n\nSmith, A. (2001). Judul. Jakarta.\n\nLAMPIRAN\n\nTabel 1\n"
    sec = _section(text)
    assert "Smith, A. (2001)" in sec and "Tabel" not in sec


def test_setext_heading():
    text = "Intro\n=====\n\ntext\n\nReferences\n----------\n\nA (2001) T.\n"
    assert "A (2001) T." in _section(text)


def test_no_heading_inside_code_block():
    text = "```\n# References\n```\n\ntext\n"
    heads = find_headings(text, [(0, 17)])
    assert bibliography_sections(text, heads) == []


@pytest.mark.parametrize("heading", ["## 5 References", "1\tReferences", "3.2 Daftar Pustaka"])
def test_numbered_headings_without_a_period(heading):
    assert is_bibliography_heading(heading)


def _entries(text: str) -> list[str]:
    from citecheck.loaders.markdown import parse_markdown

    return [r.text for r in parse_markdown(text, "a.md").references]


def test_rule_and_closing_note_after_the_list_are_not_entries():
    text = (
        "# Tugas\n\nSeperti (Wirawan, 2020).\n\n## DAFTAR PUSTAKA\n\n"
        "Wirawan, I. (2020). *Sistem Informasi*. Andi.\n\n---\n\n"
        "*Dokumen ini disusun sebagai laporan akhir tahun 2021.*\n"
    )
    assert _entries(text) == ["Wirawan, I. (2020). Sistem Informasi. Andi."]


def test_footnote_definitions_after_the_list_are_not_entries():
    text = (
        "# Artigo\n\nComo diz SOUZA (2017).[^1]\n\n# Referências\n\n"
        "SOUZA, Ana Maria. *Casas de taipa*: um estudo\nsobre Goiás. Goiânia: Vieira, 2017.\n\n"
        "[^1]: A pesquisa foi financiada\n    pela CAPES em 2018.\n"
    )
    entries = _entries(text)
    assert len(entries) == 1 and entries[0].endswith("Vieira, 2017.")


def test_run_in_back_matter_label_ends_the_list():
    text = (
        "# Paper\n\nAs shown (Okafor, 2018).\n\n## References\n\n"
        "Okafor, C. (2018). Rivers. Water, 2, 1-9.\n\n"
        "**Funding:** This work was supported by grant 2019-77.\n\n"
        "**Conflict of interest.** None declared in 2020.\n"
    )
    assert len(_entries(text)) == 1


def test_letter_dividers_do_not_end_or_join_the_list():
    text = (
        "# Skripsi\n\nMenurut (Amir, 2019) dan (Budi, 2018).\n\n## Daftar Pustaka\n\n"
        "## A\n\nAmir, R. (2019). *Jaringan*. Gramedia.\n\n"
        "## B\n\nBudi, S. (2018). *Basis Data*. Informatika.\n"
    )
    assert [e.split(",")[0] for e in _entries(text)] == ["Amir", "Budi"]


@pytest.mark.parametrize(
    "heading",
    [
        "References {-}",
        "Daftar Pustaka {#refs .unnumbered}",
        "6. Annotated Bibliography (Key Papers)",
    ],
)
def test_headings_with_attributes_or_a_qualifier(heading):
    assert is_bibliography_heading(heading)
