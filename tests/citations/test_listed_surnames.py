"""Surnames that are also month, place or leading words ("Jan", "Novembre", "Di Matteo").

Found by bench/accuracy/e2e.py: "(Bier, Jan and Jan 1990)" was not extracted and
"(Alexander, Novembre and Lange 2009)" came out as "Lange 2009", so one correct
citation cost a cited-not-listed and a listed-not-cited finding.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        (
            "Signals spread (Alexander, Novembre and Lange 2009).",
            ("Alexander", "Novembre", "Lange"),
        ),
        ("Signals spread (Bier, Jan and Jan 1990).", ("Bier", "Jan", "Jan")),
        ("Signals spread (Bier, Jan, & Jan, 1990).", ("Bier", "Jan", "Jan")),
        ("Signals spread (Smith and May, 2019).", ("Smith", "May")),
        ("Bier, Jan and Jan (1990) showed it.", ("Bier", "Jan", "Jan")),
    ],
)
def test_month_word_in_an_author_list_is_a_surname(cite, text, authors):
    [c] = cite(text)
    assert c.authors == authors


@pytest.mark.parametrize(
    "text",
    [
        "Data were collected (Januari dan Februari 2020).",
        "Two sites were visited (Jakarta dan Bandung, 2019).",
        "The survey ran (Mei 2019) in two cities.",
        "It was held in Jakarta (2019).",
    ],
)
def test_dates_and_places_stay_non_citations(cite, text):
    assert cite(text) == []


def test_narrative_list_does_not_start_with_a_month(cite):
    [c] = cite("The data from March and Smith (2019) agree.")
    assert c.authors == ("Smith",)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Networks (Aste, Di Matteo, and Hyde 2005).", ("Aste", "Di Matteo", "Hyde")),
        ("Networks (Di Matteo, 2010).", ("Di Matteo",)),
        ("Networks (Musmeci, Aste, and Di Matteo 2012).", ("Musmeci", "Aste", "Di Matteo")),
    ],
)
def test_capitalised_particle_di_inside_brackets(cite, text, authors):
    [c] = cite(text)
    assert c.authors == authors


def test_sentence_initial_di_is_indonesian_in(cite):
    [c] = cite("Di Indonesia, Sugiyono (2019) menyatakan hal serupa. Di Jakarta (2019) tidak.")
    assert c.authors == ("Sugiyono",)
