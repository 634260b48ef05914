"""doi-invalid: malformed DOIs are reported offline; valid or absent ones are not."""

from __future__ import annotations

import pytest
from records_builders import ref, run

from citecheck.rules.records.doi_invalid import RULE

ANSELL = (
    "Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. "
    "Journal of Public Administration Research and Theory, 18(4), 543-571. "
)


@pytest.mark.parametrize(
    ("text", "doi", "reason"),
    [
        (ANSELL + "https://doi.org/10.1093/", None, "nothing after the '/'"),
        (ANSELL + "doi: 10.109/jopart/mum032", None, "4-9 digit registrant"),
        (ANSELL + "doi:1O.1093/jopart/mum032", None, "letter instead of '10.'"),
        (ANSELL, "https://www.jstor.org/stable/25096311", "web address"),
        (ANSELL, "10.1093", "no '/'"),
    ],
)
def test_malformed(text: str, doi: str | None, reason: str) -> None:
    [f] = run(RULE, [ref(text, "Ansell", doi=doi)])
    assert f.code == "CC201" and f.severity.value == "error"
    assert reason in f.evidence["reason"]
    assert f.evidence["doi"] and f.location is not None and f.location.line == 10


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        (ANSELL + "https://doi.org/10.1093/jopart/mum032", None),
        (ANSELL, "10.1093/jopart/mum032"),
        (ANSELL, "https://doi.org/10.1093/JOPART/mum032."),
        (ANSELL + "DOI: -", None),  # "no DOI", not a malformed one
        (ANSELL + "DOI: n/a", None),
        (ANSELL, None),
        (ANSELL + "https://onlinelibrary.wiley.com/doi/full/10.1002/jor.1100150407", None),
    ],
)
def test_valid_or_absent(text: str, doi: str | None) -> None:
    assert run(RULE, [ref(text, "Ansell", doi=doi)]) == []


def test_runs_without_the_registry() -> None:
    assert RULE.needs == frozenset()
