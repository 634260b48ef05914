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
    ],
)
def test_bibliography_headings(heading):
    assert is_bibliography_heading(heading)


@pytest.mark.parametrize(
    "heading", ["Introduction", "Literature review", "Data sources", "Methods"]
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
