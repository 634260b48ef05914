"""Volume, issue and pages written with the words of other languages (issue 14)."""

from __future__ import annotations

import pytest

from citecheck.references import parse_reference


@pytest.mark.parametrize(
    ("text", "volume", "issue", "pages"),
    [
        (
            "Kowalski, Laura/Saputra, A. M. (2004): Vom Wasser. In: Journal of Hydrology 887, S. 157.",
            "887",
            None,
            "157",
        ),
        (
            "Becker, Ahmad (1982): Salz. Monthly Notices of the Royal Astronomical Society, "
            "388. Jg., 17, S. 5580–5592.",
            "388",
            "17",
            "5580–5592",
        ),
        (
            "Wright, M. (1994): Autoantikörper. In: Zeitschrift für Medizin, 65. Jg., H. 3, "
            "S. 8997–9016.",
            "65",
            "3",
            "8997–9016",
        ),
        (
            "Hoffmann A., Weber O. Mechanism of the reaction // Eur. Phys. J. C. 1985. Т. 764. С. 264.",
            "764",
            None,
            "264",
        ),
        (
            "WALKER, C. a C. BIANCHI 1988. A rating scale. Journal of Physics. zv. 211, s. 202.",
            "211",
            None,
            "202",
        ),
        (
            "SILVA, C. Analýza. Physical Review Letters. 2012, roč. 450, s. 4451–4453.",
            "450",
            None,
            "4451–4453",
        ),
        (
            "du Pont, Pierre 1978. Tähed. – The Astrophysical Journal, kd 358, lk 1118–1131.",
            "358",
            None,
            "1118–1131",
        ),
        (
            "O'Brien, L., et al. (2005). Rast. Physics Letters B, 838, str. 3417–3433.",
            "838",
            None,
            "3417–3433",
        ),
        (
            "Kowalski, J.-H. Des abondances. Classical and Quantum Gravity. 1978, 巻 361, ページ. 177509.",
            "361",
            None,
            "177509",
        ),
        (
            "Rahman, Anna; Rebbi, Giulia, „Disponibilitatea medicamentelor”, Clinical "
            "Gravity, vol. 855, 1978, p. 18.",
            "855",
            None,
            "18",
        ),
    ],
)
def test_volume_issue_pages_in_other_languages(
    text: str, volume: str, issue: str | None, pages: str
) -> None:
    ref = parse_reference(text)
    assert (ref.volume, ref.issue, ref.pages) == (volume, issue, pages)


def test_a_year_before_a_page_word_is_not_a_volume() -> None:
    ref = parse_reference("Smith, J. (2005). A book. London: Press, 2005, p. 15.")
    assert ref.volume is None
    assert ref.pages == "15"


@pytest.mark.parametrize(
    ("text", "volume", "issue", "pages"),
    [
        (
            'Simon, Herbert A. "Heuristic Problem-Solving." Operations Research, VI (1958), pp. 1-10.',
            "VI",
            None,
            "1-10",
        ),
        (
            'Wolff, Harold. "The GM Mystery." Harvard Business Review, XLII (September-October, '
            "1964), pp. 164-70.",
            "XLII",
            None,
            "164-70",
        ),
        (
            "Conniff, Brian. “Magical Realism.” Modern Fiction Studies 36.2 (1990): 167–79.",
            "36",
            "2",
            "167–79",
        ),
        (
            "SILVA, J. A.; SOUZA, M. B. Um título. Revista Brasileira, v. 5, n. 2, p. 10-20, 2003.",
            "5",
            "2",
            "10-20",
        ),
        (
            "Bowden, S. A., Lipids in sulfates, Icarus, 187, P. 422 - 429. 2007.",
            "187",
            None,
            "422-429",
        ),
    ],
)
def test_roman_volumes_mla_volume_issue_and_abnt_issues(
    text: str, volume: str, issue: str | None, pages: str
) -> None:
    ref = parse_reference(text)
    assert (ref.volume, ref.issue, ref.pages) == (volume, issue, pages)
