from citecheck.references import parse_reference


def _families(text):
    p = parse_reference(text)
    return [a.family for a in p.authors], p.title


def test_mononyms_inside_an_apa_author_list():
    fams, title = _families(
        "Dwiyanto, A., Partini, Ratminto, Wicaksono, B., & Tamtiari, W. (2021). "
        "Reformasi birokrasi publik di Indonesia. Yogyakarta: Gadjah Mada University Press."
    )
    assert fams == ["Dwiyanto", "Partini", "Ratminto", "Wicaksono", "Tamtiari"]
    assert title == "Reformasi birokrasi publik di Indonesia"


def test_list_starting_with_a_mononym():
    fams, title = _families(
        "Ratminto, & Winarsih, A. S. (2015). Manajemen pelayanan. Yogyakarta: Pustaka Pelajar."
    )
    assert fams == ["Ratminto", "Winarsih"] and title == "Manajemen pelayanan"


def test_title_words_are_not_taken_for_names():
    fams, title = _families(
        "Smith, J. (2019). Deep learning for cities. Journal of Things, 1(2), 3-4."
    )
    assert fams == ["Smith"] and title == "Deep learning for cities"
