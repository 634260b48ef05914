"""Issue 14, fifth pass: locator shapes of citation styles (volume and issue apart,
volume then year then pages, "(year/issue)", "vol.issue, year", volume/year, no pages
printed, a series letter before a spaced volume) and the false readings they must not
make (dates, page counts of books, years before an arXiv id)."""

from __future__ import annotations

import re

import pytest

from citecheck.references import parse_reference


@pytest.mark.parametrize(
    ("text", "container", "volume", "issue", "first_page"),
    [
        (
            "Moreau, K., 1990. Waves on shallow shelves. Coastal Letters 28 11 , 737.",
            "Coastal Letters",
            "28",
            "11",
            "737",
        ),
        (
            "3. K. MOREAU et al., “Waves on shallow shelves,” Wave Lett. B 110 2, 6721 (1996).",
            "Wave Lett. B",
            "110",
            "2",
            "6721",
        ),
        (
            "Moreau, K. y L. Ndiaye 2002 “Waves on shallow shelves”, Coastal Letters 23 2: 251–281.",
            "Coastal Letters",
            "23",
            "2",
            "251",
        ),
        (
            "Moreau, K. Waves on shallow shelves. Coastal Letters 154 2008, 1939.",
            "Coastal Letters",
            "154",
            None,
            "1939",
        ),
        (
            "4 Moreau K, & Ndiaye L, Waves on shallow shelves, Wave Lett, 241 1979 081812.",
            "Wave Lett",
            "241",
            None,
            "081812",
        ),
        (
            "K. MOREAU – L. NDIAYE, Waves on shallow shelves. Coastal Letters 12 (1991/3) 476–504.",
            "Coastal Letters",
            "12",
            "3",
            "476",
        ),
        (
            "Moreau 2017 K. Moreau, “Waves on shallow shelves”, Coastal Letters, 12.1, 2017, "
            "p. 90–103.",
            "Coastal Letters",
            "12",
            "1",
            "90",
        ),
        (
            "Moreau 2011 = K. Moreau, Waves on shallow shelves, in Coastal Letters, 10-2, 2011, "
            "p. 177-188.",
            "Coastal Letters",
            "10",
            "2",
            "177",
        ),
        (
            "Moreau, K. „Waves on shallow shelves“, Coastal Letters 23/2004, bls. 1283.",
            "Coastal Letters",
            "23",
            None,
            "1283",
        ),
        (
            "Moreau, Karin u. a. 2008. Wellen in flachen Becken. Coastal Letters 23/11:433–463.",
            "Coastal Letters",
            "23",
            "11",
            "433",
        ),
        (
            "Moreau, K., Wellen in flachen Becken, in: Coastal Letters 113/1-3 (1982), 249–255.",
            "Coastal Letters",
            "113",
            "1-3",
            "249",
        ),
        (
            "[22] K. Moreau, L. Ndiaye, Coastal Engineering Letters 1993, 23.",
            "Coastal Engineering Letters",
            "23",
            None,
            None,
        ),
        (
            "Moreau K (2011) Waves on shallow shelves. Journal of Coastal Engineering 137:",
            "Journal of Coastal Engineering",
            "137",
            None,
            None,
        ),
        (
            "Moreau, K. (2004). « Les vagues ». In: Études côtières et santé 22.",
            "Études côtières et santé",
            "22",
            None,
            None,
        ),
        (
            "Moreau, K., Waves on shallow shelves, Wave Lett. B 274 (2025) 5661–5681.",
            "Wave Lett. B",
            "274",
            None,
            "5661",
        ),
        (
            "[9] K. Moreau, L. Ndiaye, Waves on shallow shelves, Wave Lett. C 804 (1998), no. 1, 123.",
            "Wave Lett. C",
            "804",
            "1",
            "123",
        ),
        (
            "Moreau, Karin, Wellen in flachen Becken. In: Coastal Letters 415 (1991), o. O., "
            "S. 1118–1144",
            "Coastal Letters",
            "415",
            None,
            "1118",
        ),
        (
            "Moreau, K., “Kıyı yönetimi”, Ocean Letters, C: 13, S: 5, 1988, ss. 554-586.",
            "Ocean Letters",
            "13",
            "5",
            "554",
        ),
        (
            "(32) Moreau, K. Waves on Shallow Shelves. Coast Lett A 2003, 118A, 1.",
            "Coast Lett A",
            "118A",
            None,
            "1",
        ),
        (
            "Moreau K. et al. (2010): Waves on shallow shelves. Coastal Letters 19:. 606–612.",
            "Coastal Letters",
            "19",
            None,
            "606",
        ),
        (
            "Moreau, K. & L. Ndiaye 2011 « Les vagues », Coastal Letters 10.12 : 589-608.",
            "Coastal Letters",
            "10",
            "12",
            "589",
        ),
        (
            "Moreau, K. (2011): Wellen in flachen Becken. In: Coastal Letters, 137. Jg., H. 3.",
            "Coastal Letters",
            "137",
            "3",
            None,
        ),
        (
            "Moreau, K. (1980): Wellen in flachen Becken. In: Coastal Letters, 13th Jg., S. 27–39.",
            "Coastal Letters",
            "13",
            None,
            "27",
        ),
        (
            "Moreau K. & al., Waves on shallow shelves in: Coastal Letters 12, 6/2003, pp. 569–583.",
            "Coastal Letters",
            "12",
            "6",
            "569",
        ),
        (
            "Moreau, K. (1985) “Waves on Shallow Shelves”, 109 Coastal Lett 509–14.",
            "Coastal Lett",
            "109",
            None,
            "509",
        ),
    ],
)
def test_locator_shapes(
    text: str, container: str, volume: str, issue: str | None, first_page: str | None
) -> None:
    r = parse_reference(text)
    assert r.container == container
    assert r.volume == volume
    assert r.issue == issue
    first = re.match(r"[A-Za-z]?\d+[A-Za-z]?", r.pages or "")
    assert (first.group(0) if first else None) == first_page


@pytest.mark.parametrize(
    "text",
    [
        # a date of access is no volume/year
        "Moreau, K., Waves on shallow shelves (1989) [https://example.org/w/7], accessed 25/2/2024.",
        # a year before an arXiv id is no volume
        "10. Moreau K. Waves on shallow shelves. arXiv. Preprint posted online 1993:arXiv:"
        "hep-ph/9305835.",
        # a number after "Informe N.º" / "Вып." is no volume
        "17. Moreau K. Waves. Cambridge, MA: Coast Press; 1971 Informe N.º 164.",
        "35. Moreau K. Waves. Oxford: Coast Press, 1984. Вып. 2.",
        # a book's page count after the publisher and year
        "(10) Moreau, K. Waves on shallow shelves. Cambridge, Coast Press, 2014, 231.",
        # a year before a meeting's name is no volume
        "Moreau, K., 2014. Waves on shallow shelves. Coastal Meeting, 2014 IEEE/OES, pp. 1–8.",
    ],
)
def test_no_false_volume(text: str) -> None:
    assert parse_reference(text).volume is None
