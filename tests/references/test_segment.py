"""Splitting a bibliography section into entries."""

from __future__ import annotations

import pytest

from citecheck.references import split_entries


def test_one_entry_per_line() -> None:
    section = (
        "Ansell, C., & Gash, A. (2008). Collaborative governance. Journal of Public Administration, 18(4), 543-571.\n"
        "Sugiyono. (2019). Metode Penelitian Kuantitatif, Kualitatif, dan R&D. Bandung: Alfabeta.\n"
        "World Health Organization. (2020). Global tuberculosis report. Geneva: WHO.\n"
    )
    entries = split_entries(section)
    assert [e.text[:8] for e in entries] == ["Ansell, ", "Sugiyono", "World He"]
    assert all(e.number is None for e in entries)
    first = entries[0]
    assert section[first.start : first.end].startswith("Ansell")
    assert section[first.end - 1] == "."


def test_wrapped_entries_without_blank_lines() -> None:
    section = (
        "Adio S, Reth J. 2006. Myosin motors in muscle cells. J Muscle Res Cell\n"
        "Motil 27:153-60.\n"
        "Brown, A. B., Cole, D., &\n"
        "Doe, J. (2019). A long title that is wrapped over\n"
        "two lines. Journal of Things, 12(3), 45-67.\n"
        "Rahmawati, S. (2021). Pengaruh motivasi terhadap kinerja pegawai. Jurnal Ilmu\n"
        "Manajemen, 9(1), 1-12.\n"
    )
    entries = split_entries(section)
    assert len(entries) == 3
    assert entries[0].text.endswith("J Muscle Res Cell Motil 27:153-60.")
    assert entries[1].text.startswith("Brown, A. B., Cole, D., & Doe, J. (2019).")
    assert "wrapped over two lines." in entries[1].text
    assert entries[2].text.startswith("Rahmawati")


def test_numbered_and_bracketed_labels() -> None:
    section = (
        "[1] A. Smith, “A title,” IEEE Trans. Softw. Eng., vol. 5, no. 2,\n"
        "    pp. 1-10, 2019.\n"
        "[2] B. Jones and C. Lee, “Another title,” in Proc. ICSE, 2020, pp. 5-9.\n"
    )
    entries = split_entries(section)
    assert [e.number for e in entries] == [1, 2]
    assert entries[0].text.startswith("A. Smith")
    assert entries[0].text.endswith("pp. 1-10, 2019.")


def test_numbered_list_with_page_like_continuation() -> None:
    # A wrapped line that starts with "12." is not entry 12.
    section = "1. Smith J, Doe A. Title of the work. Journal\n12. 2019;3:1-2.\n2. Roe R. Other. J 2020;4:5.\n"
    entries = split_entries(section)
    assert [e.number for e in entries] == [1, 2]
    assert "Journal 12. 2019;3:1-2." in entries[0].text


def test_markdown_list_and_markup() -> None:
    section = (
        "- Smith, J. (2019). *A book title*. Springer.\n"
        "- Doe, A. (2020). Title. _Journal of Tests_, **5**(1), 1-2.\n"
        "  <https://doi.org/10.1234/abc>\n"
        "* Lee, K. (2018). [Web page](https://example.org/page). Retrieved from the site.\n"
    )
    entries = split_entries(section)
    assert len(entries) == 3
    assert entries[0].text == "Smith, J. (2019). A book title. Springer."
    assert (
        entries[1].text
        == "Doe, A. (2020). Title. Journal of Tests, 5(1), 1-2. https://doi.org/10.1234/abc"
    )
    assert "Web page https://example.org/page" in entries[2].text
    assert entries[0].number is None


def test_paragraphs_separated_by_blank_lines() -> None:
    section = (
        "Smith, J. (2019). Title one that is long\nand wrapped. Publisher.\n\n"
        "Doe, A. (2020). Title two. Journal, 1, 2-3.\n\n\n"
        "Undang-Undang Republik Indonesia Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.\n"
    )
    entries = split_entries(section)
    assert len(entries) == 3
    assert entries[0].text == "Smith, J. (2019). Title one that is long and wrapped. Publisher."
    assert entries[2].text.startswith("Undang-Undang")


def test_hanging_indent() -> None:
    section = (
        "Smith, J. (2019). A title that goes on\n"
        "    and on. Journal, 1, 2.\n"
        "Doe, A. (2020). Another one\n"
        "    wrapped. Journal, 3, 4.\n"
    )
    entries = split_entries(section)
    assert [e.text for e in entries] == [
        "Smith, J. (2019). A title that goes on and on. Journal, 1, 2.",
        "Doe, A. (2020). Another one wrapped. Journal, 3, 4.",
    ]


def test_hyphenated_line_break_and_broken_url() -> None:
    section = "Gabrielsson J (2007) A model of tol-\nerance. Eur J Pharm Sci 32:85-104. https://doi.org/10.1016/\nj.ejps.2007.06.001\n"
    entries = split_entries(section)
    assert len(entries) == 1
    assert "tol-erance" in entries[0].text
    assert entries[0].text.endswith("https://doi.org/10.1016/j.ejps.2007.06.001")


def test_empty_and_blank_sections() -> None:
    assert split_entries("") == []
    assert split_entries("\n\n   \n") == []


def test_two_author_date_entries_on_one_line_are_split() -> None:
    text = (
        "Sato, K. (2001). Tidal flats. Journal of Coasts, 3(2), 1-10. "
        "Dube, A., & Rahm, B. (2003). Salt marshes. Estuaries, 5, 3-4."
    )
    entries = split_entries(text)
    assert [e.text[:9] for e in entries] == ["Sato, K. ", "Dube, A.,"]


def test_two_numbered_entries_on_one_line_are_split() -> None:
    text = "[4] A. Brandt, Phys. Rev. D 71, 034512 (2005). [5] K. Osei, Nucl. Phys. B 12, 1 (1999).\n[6] L. Mora, Phys. Lett. B 9, 2 (2001)."
    assert [e.number for e in split_entries(text)] == [4, 5, 6]


def test_an_editor_list_or_a_journal_after_a_period_does_not_split() -> None:
    one = "Okafor, B. (2012). Deep roots. In Lund, K. (Ed.), Big book (pp. 1-9). Press."
    two = "Vance J (2007) A model of drift. Eur J Soil Sci 32:85-104. https://doi.org/10.1/x.2007"
    assert len(split_entries(one)) == 1
    assert len(split_entries(two)) == 1


def test_wrapped_entries_in_blank_separated_blocks_stay_whole() -> None:
    section = (
        "SOUZA, Ana Maria. *Casas de taipa*: um estudo sobre\n"
        "Goiás. Goiânia: Editora Vieira, 2014.\n\n"
        "SOUZA, Ana Maria. *Casas de taipa*.\n"
        "Goiânia: Editora Trilhas, 2017.\n\n"
        "LIMA, Pedro. *Telhados*. Rio de Janeiro:\n"
        "Record, 1999.\n"
    )
    texts = [e.text for e in split_entries(section)]
    assert len(texts) == 3 and texts[1].endswith("Trilhas, 2017.")


def test_groups_of_one_line_entries_are_not_one_entry_each() -> None:
    group = "".join(f"Name{i}, A. ({2000 + i}). Title {i}. Journal, {i}, 1-9.\n" for i in range(8))
    assert len(split_entries(group + "\n" + group + "\n" + group)) == 24


def test_glued_note_style_entries_with_the_same_author_pattern_are_split() -> None:
    text = (
        "Singh, N., P. Haddad, and F. Garcia. Milk Prices in Boston. Boston: Beacon, 1977. "
        "Bianchi, K., W. Berruto, and B. Mensah. “Salt Marshes”. Estuaries 5 (2003): 3–4."
    )
    assert [e.text[:8] for e in split_entries(text)] == ["Singh, N", "Bianchi,"]


def test_glued_entries_after_a_doi_a_ditto_dash_or_a_short_key_are_split() -> None:
    doi = (
        "Li, P., Kamenshchik, M. ve Giusti, U. (2025). Acute stress. Neuroscientist, 83(12), "
        "364-400. doi:10.82131/j.x.31378 Kowalski, M., Johnson, G. ve Georgiou, A. (2020). "
        "Reward. Brain, 5, 1-9."
    )
    ditto = (
        "Bakhtin, Mikhail. Speech Genres and Other Late Essays. Austin: University of Texas "
        "Press, 1986. ———. The Dialogic Imagination. Austin: University of Texas Press, 1981."
    )
    key = (
        "Kumar 1984 : Aino Kumar, Les marais salants, Paris, Seuil, 1984. ter Haar 2005 : "
        "Hendrik ter Haar, « Harnessing diversity », Revue 5, 2005, p. 3-9."
    )
    assert len(split_entries(doi)) == 2
    assert [e.text[:4] for e in split_entries(ditto)] == ["Bakh", "———."]
    assert [e.text[:9] for e in split_entries(key)] == ["Kumar 198", "ter Haar "]


def test_numbered_entries_with_parenthesised_labels_are_split() -> None:
    text = (
        "(15) Taylor, A.; Patel, L. Flow around a hemisphere. Class. Quantum Grav. 2005, 483, "
        "166571. (16) Hansen, T.; Gaulle, C. de. Constraints. ApJ 2003, 337, 6275–6286."
    )
    assert [e.number for e in split_entries(text)] == [15, 16]


@pytest.mark.parametrize(
    "text",
    [
        # An initial before a name is not the end of an entry.
        "Nguyen, Nugroho, González 2011 : Y. Nguyen, H. Nugroho, N. González, Nickel and "
        "cobalt in rocks of the Ries, WHO, 2011.",
        # A journal after a sentence reads as a name of another pattern.
        "LI, AJ, 2009. Selective sludge discharge in aerobic granulation: numerical "
        "modelling. Water Res. 2009. Vol. 43, pp. 3387.",
        # Translators and editors after a sentence are part of the entry.
        "Weber, Max. Economy and Society. 1922. Trans. G. Roth, and C. Wittich. Berkeley: "
        "University of California Press, 1978.",
    ],
)
def test_single_entries_with_names_after_a_sentence_stay_whole(text: str) -> None:
    assert len(split_entries(text)) == 1


def test_template_placeholders_after_the_entries_are_not_entries() -> None:
    section = (
        "Okafor, A. (2020). A study of rivers. Journal of Water, 3, 1-9.\n"
        "Xxxxxxx Xxxxxxxxxxxx Xxxxxxxx Xxxxxx Xxxxxxxxx\n"
        "Xxxxxxx Xxxxxxxxxxxx Xxxxxxxx Xxxxxx Xxxxxxxxx 9999\n"
    )
    assert [e.text.split(",")[0] for e in split_entries(section)] == ["Okafor"]


def test_a_surname_of_x_alone_is_no_placeholder() -> None:
    assert len(split_entries("Xx, Y. (2019). A title. Journal, 1, 2-3.\n")) == 1
