"""Shapes of whole CSL style families found in the issue-14 benchmark's tune styles
(strings written for these tests)."""

from __future__ import annotations

from citecheck.references import parse_reference, split_entries
from citecheck.references.parse import ParsedReference


def fams(p: ParsedReference) -> list[str]:
    return [a.family for a in p.authors]


def test_family_first_names_without_a_comma() -> None:
    # French and East Asian styles: "Family Given", proved by a name of initials next
    # to full given names, or by a particle.
    p = parse_reference(
        "Lindqvist Hanna B., Moreau J.-P., Okoro Chidi et Varga Ilona, « Tidal mixing in "
        "shallow bays », Journal of Coastal Studies, 41, 2003, p. 210-225."
    )
    assert fams(p) == ["Lindqvist", "Moreau", "Okoro", "Varga"]
    assert p.title == "Tidal mixing in shallow bays"
    p = parse_reference("van Dalen Pieter. 1988. “Salt and Iron”. Harbour Review 3: 4–9.")
    assert fams(p) == ["van Dalen"] and p.title == "Salt and Iron"
    # A given-first list stays given-first, and "García Márquez G." keeps its two words.
    p = parse_reference(
        "Marta Lindqvist, Paul Okoro, and Ryan J. Varga. Tidal mixing. Ocean 5 (2001): 3."
    )
    assert fams(p) == ["Lindqvist", "Okoro", "Varga"]
    p = parse_reference("Soto Ibáñez G., Ruiz P. Mareas. Revista 5: 1-2.")
    assert fams(p) == ["Soto Ibáñez", "Ruiz"]


def test_title_printed_before_the_authors() -> None:
    p = parse_reference(
        "Tidal mixing in shallow bays and estuaries H. Lindqvist, C. Okoro und I. Varga, "
        "Journal of Coastal Studies 41 (2003): 210"
    )
    assert fams(p) == ["Lindqvist", "Okoro", "Varga"]
    assert p.title == "Tidal mixing in shallow bays and estuaries"
    p = parse_reference(
        "“Tidal Mixing in Shallow Bays” by Hanna Lindqvist et al. Coastal Review. 41 (2003)."
    )
    assert fams(p) == ["Lindqvist"] and p.title == "Tidal Mixing in Shallow Bays"


def test_labels_and_short_keys() -> None:
    p = parse_reference("3- OKORO C, VARGA I. Tidal mixing. Ocean Res. 2001, 40(2):33-41.")
    assert fams(p) == ["OKORO", "VARGA"] and p.title == "Tidal mixing"
    p = parse_reference("4. - OKORO C., VARGA I.: Tidal mixing. Ocean Res., 2001, 40, 33-41.")
    assert fams(p) == ["OKORO", "VARGA"]
    # The full entry does not repeat the key's year; the key's year is kept.
    p = parse_reference("Okoro 1994, Okoro C. Tidal mixing, PhD thesis, Lagos, [s.l.].")
    assert fams(p) == ["Okoro"] and p.year == "1994"
    p = parse_reference(
        "Varga et alii 1990 : I. Varga et alii, «Tidal mixing», Ocean 5 (1990), 3-9."
    )
    assert fams(p) == ["Varga"] and p.title == "Tidal mixing"
    p = parse_reference("Varga = I. Varga, Tidal mixing, in «Ocean Letters», 79 (2011), pp. 2-5.")
    assert fams(p) == ["Varga"]
    assert p.title == "Tidal mixing" and p.container == "Ocean Letters"


def test_locators_of_more_styles() -> None:
    p = parse_reference("OKORO C. 2009. Tidal mixing. Nuclear Physics, D396: 5072-5089.")
    assert (p.volume, p.pages) == ("D396", "5072-5089")
    p = parse_reference("Varga I. Tidal mixing. Phys Lett. 2009; C441: 2121–2123.")
    assert (p.volume, p.pages) == ("C441", "2121–2123")
    p = parse_reference("Varga, I., ‘Tidal mixing’, Ocean Studies, 31/12 (2012), 1445–64.")
    assert (p.volume, p.issue) == ("31", "12")
    p = parse_reference("Varga I., Tidal mixing, «Ocean», 88 (2012), 3, p. 526–557.")
    assert (p.volume, p.issue, p.pages) == ("88", "3", "526–557")
    p = parse_reference("Varga, I. « Tidal mixing ». Ocean 23, nᵒ 6 (1993): 2990‑3014.")
    assert (p.volume, p.issue, p.pages) == ("23", "6", "2990-3014")
    p = parse_reference("[3] C. Okoro, I. Varga, Rev. Mod. Phys. 1975, 462, 1742.")
    assert (p.volume, p.pages, p.year) == ("462", "1742", "1975")
    # Law reviews: "(year) volume Journal page" and "volume Journal (year) page".
    p = parse_reference("Okoro, C, ‘Tidal Mixing’ (2007) 13 Ocean Law Review 386")
    assert (p.container, p.volume, p.pages, p.year) == ("Ocean Law Review", "13", "386", "2007")
    p = parse_reference("Okoro, C., ‘Tidal Mixing’, 38 Journal of the Sea (1991) 382.")
    assert (p.container, p.volume, p.pages) == ("Journal of the Sea", "38", "382")
    # A software version is not a volume.
    p = parse_reference("Okoro, C. Tide Tools. V. 2.4.0. GitHub, released 2009.")
    assert p.volume is None


def test_genre_notes_are_not_title() -> None:
    p = parse_reference(
        "Okoro, C. (1968). Tidal mixing (Technical report No. 17). Lagos: Sea Press."
    )
    assert p.title == "Tidal mixing"
    p = parse_reference("Okoro, C. (2020). Tide tools (Version 1.3.0) [Computer software]. Zenodo.")
    assert p.title == "Tide tools"
    p = parse_reference(
        "Okoro Chidi, Tidal Mixing: Bays, Estuaries, Doctoral dissertation, University of Lagos, 1986."
    )
    assert p.title == "Tidal Mixing: Bays, Estuaries"
    p = parse_reference("Okoro, C., 2009, Tidal Mixing in Bays, Sea Press, Cambridge, MA.")
    assert p.title == "Tidal Mixing in Bays"


def test_name_list_connectors_of_other_languages() -> None:
    p = parse_reference(
        "Okoro, Chidi; Varga, Ilona y Lindqvist, Hanna (1991). Mareas. Revista 5: 3-4."
    )
    assert fams(p) == ["Okoro", "Varga", "Lindqvist"]
    p = parse_reference("Okoro, C., Varga, I., e Lindqvist, H. (1979). Marés. Revista 5: 3.")
    assert fams(p) == ["Okoro", "Varga", "Lindqvist"]
    p = parse_reference("Okoro, C.; Varga, I.; et al. (1987) Tidal mixing; Zenodo.")
    assert fams(p) == ["Okoro", "Varga"] and p.et_al
    p = parse_reference("Wahyuni and Sudarto. (1997). Pasang surut. Jurnal 5: 3-4.")
    assert fams(p) == ["Wahyuni", "Sudarto"]


def test_glued_entries_short_keys_and_long_author_lists() -> None:
    # A short-cite key of names and a year is not an entry of its own.
    key = (
        "Okoro, Varga, Lindqvist 1973 Chidi Okoro, Varga, Hanna Lindqvist, “Tidal mixing in "
        "shallow bays”, in Proceedings of the Sea, Lagos, 1973, p. 77–78."
    )
    assert len(split_entries(key)) == 1
    # The second entry's author list runs past 200 characters before its year.
    many = ", ".join(
        f"{n}, {i}."
        for n, i in zip(
            "Okoro Varga Lindqvist Moreau Tanaka Haddad Petrov Nakamura Ferreira Kowalczyk "
            "Svensson Oyelaran Castellanos".split(),
            "ABCDEFGHIJKLM",
            strict=True,
        )
    )
    text = (
        "Okoro, C., and I. Varga, 2008, Tidal mixing in shallow bays: Ocean, 26, 43–47. "
        f"{many}, 2011, Salt marshes of the north: Sea Letters, 5, 3–9."
    )
    assert [e.text[:6] for e in split_entries(text)] == ["Okoro,", "Okoro,"]
