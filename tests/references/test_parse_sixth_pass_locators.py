"""Issue 14, sixth pass: volume shapes of more citation styles (Roman or series-letter
volume/issue, volume.issue then pages, volume-issue after a comma, Japanese 巻/号/頁,
"Año", Turkish "c." with a Roman volume, "N°" after a volume word) and the readings
they must not make (pages after "pp.", a range of volumes)."""

from __future__ import annotations

import pytest

from citecheck.references import parse_reference


@pytest.mark.parametrize(
    ("text", "container", "volume", "issue", "first_page"),
    [
        (
            "Moreau, K., ‘Waves on shallow shelves’, Coastal Letters, xxiv/11 (1996), pp. 963–7.",
            "Coastal Letters",
            "xxiv",
            "11",
            "963",
        ),
        (
            "Moreau, K., ‘Waves on shallow shelves’, Wave Letters, B310/16 (1995), 738–59.",
            "Wave Letters",
            "B310",
            "16",
            "738",
        ),
        (
            "Moreau, K. 1999. ‘Waves on shallow shelves’, Wave Letters B, 980.15, pp. 4863–76",
            "Wave Letters B",
            "980",
            "15",
            "4863",
        ),
        (
            "Moreau, K. 1993. “Waves on shallow shelves”. Coastal Letters 925.20, 6087–6093.",
            "Coastal Letters",
            "925",
            "20",
            "6087",
        ),
        (
            "Moreau K., « Waves on shallow shelves », Coastal Letters, 7-2, 1993.",
            "Coastal Letters",
            "7",
            "2",
            None,
        ),
        (
            "Moreau, K., « Waves on shallow shelves », Wave Lett. C845-5, p. 4362-4380.",
            "Wave Lett",
            "C845",
            "5",
            "4362",
        ),
        (
            "Moreau, K. : “Waves on shallow shelves”, Wave Lett. B, 980-15, 4863–4876.",
            "Wave Lett. B",
            "980",
            "15",
            "4863",
        ),
        (
            "Moreau, K. (2001). Waves on shallow shelves. Coastal Letters, XII(3), 345–350.",
            "Coastal Letters",
            "XII",
            "3",
            "345",
        ),
        (
            "MOREAU, K. vd.: “Waves on shallow shelves”, Coastal Letters, 1975, c. DLXXVI, sy. 10, "
            "s. 195427.",
            "Coastal Letters",
            "DLXXVI",
            "10",
            "195427",
        ),
        (
            'MOREAU, K. et al. (1998) "Waves on shallow shelves". En Coastal Letters. Año 89, N° 3, '
            "Págs. 6288-6308. s.e.",
            "Coastal Letters",
            "89",
            "3",
            "6288",
        ),
        (
            "Moreau, K., Waves on shallow shelves, Physica C, 282-287, 717–718.",
            "Physica C",
            "282-287",
            None,
            "717",
        ),
        (
            "Moreau, K., Waves on shallow shelves, Coastal Letters, 24-111, 713-735.",
            "Coastal Letters",
            "24",
            "111",
            "713",
        ),
    ],
)
def test_volume_shapes(
    text: str, container: str, volume: str, issue: str | None, first_page: str | None
) -> None:
    p = parse_reference(text)
    assert (p.container, p.volume, p.issue) == (container, volume, issue)
    assert (p.pages or "").startswith(first_page or "")
    if first_page is None:
        assert p.pages is None


def test_japanese_volume_and_pages() -> None:
    p = parse_reference(
        "Moreau K, Waves on shallow shelves, Coastal Letters 538巻 2号 015387頁 (2024)"
    )
    assert (p.volume, p.issue, p.pages) == ("538", "2", "015387")


@pytest.mark.parametrize(
    "text",
    [
        "Moreau, K. (2001). Waves on shallow shelves. Proceedings of a Meeting, pp. 345-6, 2001.",
        "Moreau, K. (2001). Waves of World War II (1945), London, 2001.",
        "Moreau, K. Waves on shallow shelves. Revista del Mar. Año 2015, pp. 12-30.",
    ],
)
def test_not_volumes(text: str) -> None:
    p = parse_reference(text)
    assert p.volume is None, p


@pytest.mark.parametrize(
    ("text", "families", "container", "volume"),
    [
        # a journal of two capitalised words joined by "and" after an initials-first list
        (
            "[3] K. Moreau, L. Ndiaye, Waves and Coastal Behavior 1991, 3, 82.",
            ["Moreau", "Ndiaye"],
            "Waves and Coastal Behavior",
            "3",
        ),
        # "Surname I." then a journal holding a corporate word: a name, not an organisation
        (
            "25. Moreau K. International Journal of Coastal Services. 14:453. (1984)",
            ["Moreau"],
            "International Journal of Coastal Services",
            "14",
        ),
        # the last "Surname, I." of a list, then a journal of capitalised words
        (
            "[2] Moreau, K., Ndiaye, L., Okafor, B., Lindqvist, P. Waves and Shores 2012, 17, 224–243.",
            ["Moreau", "Ndiaye", "Okafor", "Lindqvist"],
            "Waves and Shores",
            "17",
        ),
    ],
)
def test_names_before_a_journal(
    text: str, families: list[str], container: str, volume: str
) -> None:
    p = parse_reference(text)
    assert [a.family for a in p.authors] == families
    assert (p.title, p.container, p.volume) == (None, container, volume)


def test_one_word_name_then_initials_first_names_kept() -> None:
    p = parse_reference(
        "Moreau, K., L. Ndiaye, B. Okafor, Sukarno, S. Lindqvist, and R. Haddad. 1989. "
        "Waves on shallow shelves. In Proceedings of a Meeting, pp. 15–85."
    )
    assert [a.family for a in p.authors][-3:] == ["Sukarno", "Lindqvist", "Haddad"]
    assert p.title == "Waves on shallow shelves"


@pytest.mark.parametrize(
    ("text", "title", "container", "volume", "first_page"),
    [
        (
            "[1] Moreau K, Ndiaye L and Okafor B 2016 χ(2) waves on shallow shelves J. Phys. A 932 065051",
            "χ(2) waves on shallow shelves",
            "J. Phys. A",
            "932",
            "065051",
        ),
        (
            "Moreau K. 2022. Waves on shallow shelves (Atlantic: Gulf) in winter Journal of Coastal "
            "Physics 566:024009.",
            "Waves on shallow shelves (Atlantic: Gulf) in winter",
            "Journal of Coastal Physics",
            "566",
            "024009",
        ),
        (
            "[2] Heide U von der 2013 waves on shallow shelves J. Chem. Phys. 662 253857",
            "waves on shallow shelves",
            "J. Chem. Phys",
            "662",
            "253857",
        ),
    ],
)
def test_title_runs_into_the_journal(
    text: str, title: str, container: str, volume: str, first_page: str
) -> None:
    p = parse_reference(text)
    assert p.authors and p.year is not None
    assert (p.title, p.container, p.volume) == (title, container, volume)
    assert (p.pages or "").startswith(first_page)


@pytest.mark.parametrize(
    "text",
    [
        "Moreau, K. (2024) Profiles of Children and Adolescents with Neurofibromatosis Type 1.",
        "Moreau, K. 2010. The Shelf: From Stress Evasion to Value-based Decision-making 11:503–13.",
    ],
)
def test_title_ending_in_a_number_keeps_it(text: str) -> None:
    p = parse_reference(text)
    assert p.container is None and p.title is not None and p.title.endswith(("1", "13")), p


def test_japanese_et_al_and_title_marks() -> None:
    p = parse_reference(
        "Kenji Moreau ほか 「Waves on shallow shelves」 Coastal Letters 656巻 231881頁 (2014)"
    )
    assert [a.family for a in p.authors] == ["Moreau"] and p.et_al
    assert (p.title, p.container, p.volume, p.pages) == (
        "Waves on shallow shelves",
        "Coastal Letters",
        "656",
        "231881",
    )
