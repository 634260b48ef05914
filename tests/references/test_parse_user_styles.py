"""Reference styles our users write (Indonesian APA, Vancouver, IEEE, Harvard, Chicago
notes-bibliography, MLA) and the behaviours behind them. All strings written for these
tests; the names, titles and journals are invented."""

from __future__ import annotations

import pytest

from citecheck.references import parse_reference
from citecheck.references.parse import ParsedReference


def fams(p: ParsedReference) -> list[str]:
    return [a.family for a in p.authors]


def fields(p: ParsedReference) -> tuple[str | None, str | None, str | None, str | None]:
    return p.container, p.volume, p.issue, p.pages


# --- Indonesian -------------------------------------------------------------------


def test_indonesian_single_name_book() -> None:
    p = parse_reference(
        "Sugiyono. (2019). Metode Penelitian Kuantitatif, Kualitatif, dan R&D. Bandung: Alfabeta."
    )
    assert fams(p) == ["Sugiyono"]
    assert p.year == "2019"
    assert p.title == "Metode Penelitian Kuantitatif, Kualitatif, dan R&D"
    assert (p.container, p.publisher, p.kind) == (None, "Alfabeta", "book")


def test_indonesian_dan_and_journal() -> None:
    p = parse_reference(
        "Putra, A., dan Sari, B. (2020). Judul artikel tentang desa. Jurnal Ilmu Sosial, 5(2), 10-20."
    )
    assert fams(p) == ["Putra", "Sari"]
    assert p.title == "Judul artikel tentang desa"
    assert fields(p) == ("Jurnal Ilmu Sosial", "5", "2", "10-20")
    assert p.kind == "article"


def test_indonesian_dkk_and_acronym_journal() -> None:
    p = parse_reference(
        "Nuriawati, L., dkk. (2024). Pelayanan publik di kecamatan. "
        "JIAP (Jurnal Ilmu Administrasi Publik), 12(1), 45-58."
    )
    assert fams(p) == ["Nuriawati"] and p.et_al
    assert fields(p) == ("JIAP (Jurnal Ilmu Administrasi Publik)", "12", "1", "45-58")


@pytest.mark.parametrize(
    "locator",
    ["Vol. 5 No. 2, hlm. 10-20", "Vol. 5, No. 2, Hal. 10-20", "Volume 5 Nomor 2 Halaman 10-20"],
)
def test_indonesian_volume_nomor_halaman(locator: str) -> None:
    p = parse_reference(
        f"Hidayat, R. (2021). Kinerja pegawai desa. Jurnal Administrasi Publik, {locator}."
    )
    assert fields(p) == ("Jurnal Administrasi Publik", "5", "2", "10-20")


def test_indonesian_edition_and_corporate_author() -> None:
    p = parse_reference(
        "Wirawan, L. J. (2017). Metodologi Penelitian Desa (Edisi Revisi). Bandung: PT Sumber Ilmu."
    )
    assert p.title == "Metodologi Penelitian Desa"
    assert p.publisher == "PT Sumber Ilmu"
    assert p.container is None
    q = parse_reference(
        "Kementerian Kesehatan RI. (2020). Profil Kesehatan 2019. Jakarta: Kemenkes RI."
    )
    assert q.authors[0].family == "Kementerian Kesehatan RI" and q.authors[0].corporate


# --- Vancouver --------------------------------------------------------------------


def test_vancouver_year_after_authors_and_colon_locator() -> None:
    p = parse_reference(
        "Adio S, Reth J. 2006. Title of the motor paper. J Muscle Res Cell Motil 27:153–60."
    )
    assert fams(p) == ["Adio", "Reth"]
    assert p.year == "2006"
    assert p.title == "Title of the motor paper"
    assert fields(p) == ("J Muscle Res Cell Motil", "27", None, "153–60")


def test_vancouver_semicolon_date_locator() -> None:
    p = parse_reference(
        "Owens J. Insufficient sleep in teenagers. Pediatrics. 2014;134(3):e921-e932."
    )
    assert fams(p) == ["Owens"]
    assert (p.year, p.title) == ("2014", "Insufficient sleep in teenagers")
    assert fields(p) == ("Pediatrics", "134", "3", "e921-e932")


def test_vancouver_question_title_then_journal() -> None:
    # The journal after "?" is not a subtitle when its locator follows.
    p = parse_reference("Lind K, Berg T. Does rest help the knee? J Knee Stud. 1992;27:728–31.")
    assert p.title == "Does rest help the knee?"
    assert fields(p) == ("J Knee Stud", "27", None, "728–31")


def test_vancouver_title_with_two_sentences() -> None:
    p = parse_reference("Berg T, Lind K. Sleep in children. Is less more? Nat Rev Sleep 10:8")
    assert p.title == "Sleep in children. Is less more?"
    assert p.container == "Nat Rev Sleep"


# --- IEEE ---------------------------------------------------------------------------


@pytest.mark.parametrize("q", ['"Title of paper,"', "“Title of paper,”"])
def test_ieee_journal(q: str) -> None:
    p = parse_reference(
        f"[3] A. B. Smith, C. Jones, and D. Lee, {q} IEEE Trans. X, vol. 5, no. 2, pp. 10–20, 2019."
    )
    assert fams(p) == ["Smith", "Jones", "Lee"]
    assert (p.title, p.year) == ("Title of paper", "2019")
    assert fields(p) == ("IEEE Trans. X", "5", "2", "10–20")


def test_ieee_conference_in_proceedings() -> None:
    # ',” in' closes the quoted title; the place after the meeting is not its name.
    p = parse_reference(
        "[5] J. Doe and R. Roe, “Paper title here,” in Proc. IEEE Int. Conf. Robots (ICR), "
        "Paris, France, 2020, pp. 1–8."
    )
    assert p.title == "Paper title here"
    assert p.container == "Proc. IEEE Int. Conf. Robots (ICR)"
    assert (p.pages, p.year, p.kind) == ("1–8", "2020", "conference")


# --- Harvard ------------------------------------------------------------------------


def test_harvard_journal_with_pp() -> None:
    p = parse_reference("Smith, J. 2019. Title of the work. Journal of Things, 5(2), pp.10-20.")
    assert (fams(p), p.year, p.title) == (["Smith"], "2019", "Title of the work")
    assert fields(p) == ("Journal of Things", "5", "2", "10-20")


def test_harvard_quoted_title_and_book() -> None:
    p = parse_reference(
        "Smith, A. and Jones, B. (2018) 'Article title', Journal of Harvard Things, 12(3), pp. 45-67."
    )
    assert fams(p) == ["Smith", "Jones"]
    assert p.title == "Article title"
    assert fields(p) == ("Journal of Harvard Things", "12", "3", "45-67")
    q = parse_reference("Smith, A. (2018) Book title. 3rd edn. Oxford: Oxford University Press.")
    assert (q.title, q.container, q.publisher) == ("Book title", None, "Oxford University Press")


# --- Chicago notes-bibliography ---------------------------------------------------


@pytest.mark.parametrize("q", ['"Title of the Article."', "“Title of the Article.”"])
def test_chicago_journal(q: str) -> None:
    p = parse_reference(
        f"Smith, John, and Mary Jones. {q} Journal of Things 5, no. 2 (2019): 10–20."
    )
    assert fams(p) == ["Smith", "Jones"]
    assert (p.title, p.year) == ("Title of the Article", "2019")
    assert fields(p) == ("Journal of Things", "5", "2", "10–20")


def test_chicago_book_with_translator_and_ditto() -> None:
    p = parse_reference(
        "Smith, John. A Book of Days. Trans. Vera W. Lamb. Austin: Lake Press, 1986."
    )
    assert (p.title, p.container, p.publisher) == ("A Book of Days", None, "Lake Press")
    # After "———." the title is not read as a person ("Speech Days" is not a name).
    q = parse_reference("———. Speech Days and Other Essays. Austin: Lake Press, 1988.")
    assert q.ditto and q.authors == ()
    assert q.title == "Speech Days and Other Essays"


def test_chicago_chapter_with_editors() -> None:
    p = parse_reference(
        "Doe, Jane. “The Essay.” In The Big Collection: Essays, edited by Ann Roe and Bo Lee, "
        "106-126. New York: Lake Press, 2001."
    )
    assert p.title == "The Essay"
    assert p.container == "The Big Collection: Essays"
    assert (p.pages, p.kind) == ("106-126", "chapter")


# --- MLA ------------------------------------------------------------------------------


def test_mla_journal_and_book() -> None:
    p = parse_reference(
        'Smith, John, et al. "Title of the Article." Journal of Things, vol. 5, no. 2, 2019, pp. 10-20.'
    )
    assert fams(p) == ["Smith"] and p.et_al
    assert fields(p) == ("Journal of Things", "5", "2", "10-20")
    q = parse_reference("Smith, John. The Book Title. Penguin, 2019.")
    assert (q.title, q.container, q.publisher, q.kind) == (
        "The Book Title",
        None,
        "Penguin",
        "book",
    )


# --- Behaviours ------------------------------------------------------------------------


def test_unquoted_comma_style_splits_title_from_journal() -> None:
    p = parse_reference(
        "J. Roe and S. Lin, A fast method for the linear problem, Math. Methods, 60 (1993), pp. 295-337."
    )
    assert p.title == "A fast method for the linear problem"
    assert fields(p) == ("Math. Methods", "60", None, "295-337")
    q = parse_reference(
        "Roe, J., Lin, S., A long title about rocks, First International Conference on Rocks. 2006."
    )
    assert q.title == "A long title about rocks"
    assert q.container == "First International Conference on Rocks"


def test_title_trailing_place_publisher_month() -> None:
    p = parse_reference("Roe, Anne, La maison du lac, Paris : L’Étoile, août 2013.")
    assert p.title == "La maison du lac"
    q = parse_reference("P. Roe, La langue et le pouvoir, Paris, Seuil, 2001.")
    assert (q.title, q.container, q.publisher) == ("La langue et le pouvoir", None, "Seuil")


def test_book_publisher_with_us_place_is_not_a_container() -> None:
    p = parse_reference(
        "Kram, S. L. (1996). Soil engineering. Stone Hall, Upper Saddle River, N.J."
    )
    assert p.container is None
    assert p.publisher == "Stone Hall"


def test_conference_short_name_drops_year() -> None:
    p = parse_reference("[34] Ken Lee. Learning to filter news. In ICML, 1995.")
    assert (p.container, p.year) == ("ICML", "1995")


def test_french_month_year_issue_number() -> None:
    p = parse_reference("ROE, Anne. Le soin au quotidien. Soins Cadres, mai 2006, n°58. p. 17-60.")
    assert (p.container, p.volume, p.issue, p.pages, p.year) == (
        "Soins Cadres",
        None,
        "58",
        "17-60",
        "2006",
    )


def test_chicago_comma_issue_and_reprint_year() -> None:
    p = parse_reference("Roe, Lee. “A Title,” Economic Things 13, 5 (2004): 399–415.")
    assert fields(p) == ("Economic Things", "13", "5", "399–415")
    q = parse_reference("Wolf, Ludwig. 2001[1953]. Investigations. Malden, MA: Black Publishing.")
    assert (q.year, q.title) == ("2001", "Investigations")
