"""Indonesian references: "dan", "dkk.", "Jurnal ...", "Vol. 5 No. 2", "hlm.", laws, theses."""

from __future__ import annotations

from citecheck.references import parse_reference


def test_book_with_city_and_publisher() -> None:
    p = parse_reference(
        "Sugiyono. (2019). Metode Penelitian Kuantitatif, Kualitatif, dan R&D. Bandung: Alfabeta."
    )
    assert [a.family for a in p.authors] == ["Sugiyono"]
    assert not p.authors[0].corporate
    assert p.year == "2019"
    assert p.title == "Metode Penelitian Kuantitatif, Kualitatif, dan R&D"
    assert p.publisher == "Alfabeta"
    assert p.kind == "book"


def test_authors_joined_by_dan() -> None:
    p = parse_reference(
        "Rahmawati, S., dan Hidayat, A. (2021). Pengaruh motivasi kerja terhadap kinerja pegawai. "
        "Jurnal Ilmu Manajemen, Vol. 9 No. 1, hlm. 12-25."
    )
    assert [a.family for a in p.authors] == ["Rahmawati", "Hidayat"]
    assert p.title == "Pengaruh motivasi kerja terhadap kinerja pegawai"
    assert p.container == "Jurnal Ilmu Manajemen"
    assert (p.volume, p.issue, p.pages) == ("9", "1", "12-25")


def test_dkk_and_full_names_without_inversion() -> None:
    p = parse_reference(
        "Siti Nurhaliza dkk. (2020). Kualitas pelayanan publik di kota Bandung. Jurnal Administrasi Publik, 5(2), 100-110."
    )
    assert [a.family for a in p.authors] == ["Nurhaliza"]
    assert p.et_al
    q = parse_reference(
        "Budi Santoso dan Rina Susanti. (2018). Analisis kebijakan daerah. Jakarta: Gramedia."
    )
    assert [a.family for a in q.authors] == ["Santoso", "Susanti"]
    assert q.publisher == "Gramedia"


def test_corporate_ministry() -> None:
    p = parse_reference(
        "Kementerian Kesehatan Republik Indonesia. (2018). Hasil Utama Riskesdas 2018. Jakarta: Kemenkes RI."
    )
    assert p.authors[0].corporate
    assert p.authors[0].family == "Kementerian Kesehatan Republik Indonesia"
    assert p.year == "2018"


def test_law_without_author() -> None:
    p = parse_reference(
        "Undang-Undang Republik Indonesia Nomor 23 Tahun 2014 tentang Pemerintahan Daerah."
    )
    assert p.kind == "law"
    assert p.authors == ()
    assert p.year == "2014"
    assert (
        p.title
        == "Undang-Undang Republik Indonesia Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"
    )
    q = parse_reference(
        "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah."
    )
    assert (q.kind, q.year) == ("law", "2019")


def test_law_with_corporate_author() -> None:
    p = parse_reference(
        "Republik Indonesia. (2003). Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional. Jakarta."
    )
    assert p.kind == "law"
    assert p.year == "2003"


def test_thesis_and_web() -> None:
    t = parse_reference(
        "Pratama, R. (2019). Analisis kinerja keuangan daerah. Skripsi. Universitas Gadjah Mada, Yogyakarta."
    )
    assert t.kind == "thesis"
    assert t.title == "Analisis kinerja keuangan daerah"
    w = parse_reference(
        "Kompas. (2021). Harga beras naik. Diakses dari https://www.kompas.com/berita/123 pada 5 Mei 2021."
    )
    assert w.url == "https://www.kompas.com/berita/123"
    assert w.kind == "web"
    assert w.year == "2021"
