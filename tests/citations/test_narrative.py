"""Narrative citations: the names stand in the sentence, the year in brackets."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "authors", "et_al"),
    [
        ("Ansell and Gash (2007) argue that", ("Ansell", "Gash"), False),
        (
            "Sulistyaningsih, Purnama, dan Kalsum (2023) menemukan",
            ("Sulistyaningsih", "Purnama", "Kalsum"),
            False,
        ),
        ("Smith, Jones, and Lee (2019) found", ("Smith", "Jones", "Lee"), False),
        ("Smith et al. (2019) found", ("Smith",), True),
        ("Smith et al (2019) found", ("Smith",), True),
        ("Sugiyono dkk. (2019) menyatakan", ("Sugiyono",), True),
        ("Sugiyono dkk (2019) menyatakan", ("Sugiyono",), True),
        ("Müller u. a. (2019) zeigen", ("Müller",), True),
        ("Müller u.a. (2019) zeigen", ("Müller",), True),
        ("Dupont et coll. (2018) montrent", ("Dupont",), True),
        ("Smith and colleagues (2017) found", ("Smith",), True),
        ("Smith and others (2017) found", ("Smith",), True),
        ("Müller und Schmidt (2019) zeigen", ("Müller", "Schmidt"), False),
        ("Dupont et Martin (2018) montrent", ("Dupont", "Martin"), False),
        ("García y López (2018) muestran", ("García", "López"), False),
        ("Rossi e Bianchi (2018) mostrano", ("Rossi", "Bianchi"), False),
        ("Kowalski i Nowak (2018) pokazali", ("Kowalski", "Nowak"), False),
        ("Andersson och Berg (2018) visar", ("Andersson", "Berg"), False),
        ("Smith & Jones (2019) found", ("Smith", "Jones"), False),
    ],
)
def test_author_strings(cite, text, authors, et_al):
    (c,) = cite(text)
    assert (c.authors, c.et_al, c.narrative) == (authors, et_al, True)
    assert c.text.startswith(authors[0]) and c.text.endswith(")")


def test_locator_and_text(cite):
    (c,) = cite("As Smith et al. (2019, p. 4) note,")
    assert (c.text, c.locator, c.year) == ("Smith et al. (2019, p. 4)", "p. 4", "2019")


def test_possessive(cite):
    (c,) = cite("Smith's (2019) model and")
    assert (c.text, c.authors) == ("Smith's (2019)", ("Smith",))
    (d,) = cite("Jones' (2019) model")
    assert d.authors == ("Jones",)


def test_two_years(cite):
    a, b = cite("Smith (2019, 2020) showed")
    assert (a.year, b.year, a.group) == ("2019", "2020", b.group)
    assert a.text == b.text == "Smith (2019, 2020)"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Menurut Sugiyono (2019), data", "Sugiyono"),
        ("According to van der Berg (2018), the", "van der Berg"),
        ("In their work, De Souza (2017) shows", "De Souza"),
        ("Following Rodríguez Bolívar (2016), we", "Rodríguez Bolívar"),
        ("Later O'Neil (2015) showed", "O'Neil"),
        ("as McDonald (2014) showed", "McDonald"),
        ("as d'Alembert (1750) showed", "d'Alembert"),
        ("as al-Farabi (1999) wrote", "al-Farabi"),
        ("Hal ini sejalan dengan Nugroho (2020) yang", "Nugroho"),
        ("However, Smith (2019) disagrees", "Smith"),
        ("the work of Łukasiewicz (1920) shows", "Łukasiewicz"),
    ],
)
def test_sentence_words_are_cut_and_particles_kept(cite, text, name):
    (c,) = cite(text)
    assert c.authors == (name,)


def test_mixed_narrative_and_parenthetical_in_one_bracket(cite):
    a, b = cite("Smith (2019; see also Jones, 2020) argued")
    assert (a.authors, a.narrative, b.authors, b.narrative) == (("Smith",), True, ("Jones",), False)
    assert b.prefix == "see also"
    assert a.group == b.group


def test_name_wrapped_over_a_line_break(cite):
    (c,) = cite("as shown by Smith and\nJones (2019).")
    assert c.authors == ("Smith", "Jones")
    assert c.location.line == 1
