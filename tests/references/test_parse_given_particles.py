"""ABNT and other "SURNAME, Given names" lists whose given names hold a particle
("Silvia de Castro", "Iago da Cunha"): the particle joins given names, it does not
start another author (blind batch 7; our own invented names)."""

from __future__ import annotations

import pytest

from citecheck.references import parse_reference


@pytest.mark.parametrize(
    ("text", "families", "title"),
    [
        (
            "MOREIRA, Evandro Manara; BASTOS, Silvia de Castro. Desenvolvimento web. "
            "Porto Alegre: Inventada, 2014.",
            ["MOREIRA", "BASTOS"],
            "Desenvolvimento web",
        ),
        (
            "CORREA, Iago da Cunha; ARAUJO, Cassio Castro; MEDINA, Alexandre Moreira. "
            "Tutorial Git. Santa Maria, 2016.",
            ["CORREA", "ARAUJO", "MEDINA"],
            "Tutorial Git",
        ),
        ("SOUZA, Ana dos Santos. Aves. Recife: Inventada, 2010.", ["SOUZA"], "Aves"),
    ],
)
def test_a_particle_inside_given_names(text: str, families: list[str], title: str) -> None:
    parsed = parse_reference(text)
    assert [a.family for a in parsed.authors] == families
    assert parsed.title == title
