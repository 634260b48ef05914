"""Title, abstract and keywords read from a manuscript's opening paragraphs."""

from __future__ import annotations

from citecheck.text.frontmatter import is_title_like, read_front


def test_unstyled_title_structured_abstract_and_keywords() -> None:
    front = read_front(
        [
            "Tidal marsh sediment budgets under rising seas: a field study",
            "Background: Marshes keep pace with the sea by trapping sediment.",
            "Methods: We measured accretion on twelve transects for three years.",
            "Results: Accretion kept pace on nine transects.",
            "Keywords: salt marsh; sediment; sea level",
            "Introduction",
            "Objective: this paragraph is body text and is not read.",
        ]
    )
    assert front.title == "Tidal marsh sediment budgets under rising seas: a field study"
    assert len(front.abstracts) == 1 and front.abstracts[0].startswith("Background:")
    assert "Results: Accretion" in front.abstracts[0]
    assert front.keywords == ("salt marsh", "sediment", "sea level")


def test_inline_abstract_and_indonesian_labels() -> None:
    front = read_front(
        [
            "Jurnal Contoh Informatika",
            "Sistem informasi inventaris barang berbasis web di sekolah",
            "Ani Lestari1, Budi Santoso2",
            "Abstrak - Penelitian ini membangun sistem informasi inventaris barang untuk sekolah.",
            "Kata Kunci - inventaris, sistem informasi, web",
            "I. PENDAHULUAN",
        ]
    )
    assert front.title == "Sistem informasi inventaris barang berbasis web di sekolah"
    assert front.abstracts == (
        "Penelitian ini membangun sistem informasi inventaris barang untuk sekolah.",
    )
    assert front.keywords == ("inventaris", "sistem informasi", "web")


def test_nothing_read_rather_than_a_wrong_title() -> None:
    assert read_front(["BAB I", "PENDAHULUAN", "A. Latar Belakang", "Some prose."]).title is None
    for line in (
        "DEPARTEMEN ILMU KOMPUTER",
        "Ani Lestari1, Budi Santoso2",
        "Email: ani@example.org",
        "Research article",
        "Smith, Jones, Lee, Park and Kim",
        "Two words",
        "This is a sentence of prose. It goes on to a second one. And a third.",
    ):
        assert not is_title_like(line), line


def test_a_version_in_a_product_name_is_no_affiliation_mark() -> None:
    # "YOLOv7" ends in a digit like "Santoso2", but no name is spelt with an inner capital
    front = read_front(
        [
            "DETEKSI RETAK DINDING PADA CITRA DRONE MENGGUNAKAN METODE YOLOv7",
            "SKRIPSI",
            "Disusun oleh:",
        ]
    )
    assert front.title == "DETEKSI RETAK DINDING PADA CITRA DRONE MENGGUNAKAN METODE YOLOv7"
    assert is_title_like("A study of IPv6 adoption in campus networks")
    assert not is_title_like("Ani Lestari1, Budi Santoso2 and Citra Dewi3")
    assert not is_title_like("Ani Lestari1 and BUDI SANTOSO2 and citra dewi")


def test_spanish_title_page_furniture_is_no_title() -> None:
    # the university, school, degree and kind of work come before the title
    front = read_front(
        [
            "UNIVERSIDAD DE EJEMPLO DEL NORTE",
            "ESCUELA POLITECNICA SUPERIOR",
            "Grado en Ingeniería Informática",
            "TRABAJO FIN DE GRADO",
            "Clasificación de reseñas de restaurantes con redes neuronales",
        ]
    )
    assert front.title == "Clasificación de reseñas de restaurantes con redes neuronales"
