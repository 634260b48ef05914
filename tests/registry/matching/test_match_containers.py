"""Journal names: ISO 4 / NLM abbreviations match, other journals do not."""

from __future__ import annotations

import pytest

from citecheck.registry.matching.containers import abbreviation_score, container_similarity
from citecheck.registry.matching.record import view
from citecheck.registry.matching.thresholds import Thresholds

T = Thresholds().container_differs


@pytest.mark.parametrize(
    ("cited", "full"),
    [
        ("J Muscle Res Cell Motil", "Journal of Muscle Research and Cell Motility"),
        ("J. Clin. Pathol.", "Journal of Clinical Pathology"),
        (
            "Proc Natl Acad Sci USA",
            "Proceedings of the National Academy of Sciences of the United States of America",
        ),
        ("Proc Biol Sci", "Proceedings of the Royal Society B: Biological Sciences"),
        ("IJDAR", "International Journal on Document Analysis and Recognition (IJDAR)"),
        ("Surgery", "Surgery (Oxford)"),
        ("PLOS ONE", "PLoS ONE"),
        ("Jurnal Ilmu Pemerintahan", "JURNAL ILMU PEMERINTAHAN"),
    ],
)
def test_same_journal(cited: str, full: str) -> None:
    sim = container_similarity(cited, view({"container-title": [full]}))
    assert sim is not None and sim >= T


@pytest.mark.parametrize(
    ("cited", "full"),
    [
        ("Journal of Clinical Oncology", "Journal of Clinical Pathology"),
        ("Nature", "Nature Medicine"),
        ("J Clin Oncol", "Journal of Clinical Pathology"),
        ("Ecology", "Ecology and Evolution"),
    ],
)
def test_other_journal(cited: str, full: str) -> None:
    sim = container_similarity(cited, view({"container-title": [full]}))
    assert sim is not None and sim < T


def test_short_container_title_is_used() -> None:
    rec = view(
        {"container-title": ["Journal of Open Source Software"], "short-container-title": ["JOSS"]}
    )
    assert container_similarity("JOSS", rec) == 1.0
    assert container_similarity(None, rec) is None
    assert container_similarity("JOSS", view({})) is None


def test_abbreviation_needs_every_word() -> None:
    assert abbreviation_score("J Clin Pathol", "Journal of Clinical Pathology") == 1.0
    assert abbreviation_score("J Clin Oncol", "Journal of Clinical Pathology") == 0.0
