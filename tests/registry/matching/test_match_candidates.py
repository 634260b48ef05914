"""Validation of search hits on the real recorded query.bibliographic responses."""

from __future__ import annotations

import json
from pathlib import Path

from citecheck.model.document import Location, Reference
from citecheck.registry.matching.candidates import judge, validate
from citecheck.registry.matching.thresholds import Thresholds

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "crossref"
T = Thresholds()


def hits(num: str) -> list[dict]:
    [p] = [p for p in FIX.glob(f"{num}_*.json") if not p.name.endswith(".meta.json")]
    return json.loads(p.read_text(encoding="utf-8"))["message"]["items"]


def test_signals_of_a_true_hit() -> None:
    text = (
        "Danehkar, A., (2020). AtomNeb Python Package, an addendum to AtomNeb: IDL Library for "
        "Atomic Data of Ionized Nebulae. Journal of Open Source Software, 5(55), 2797."
    )
    v = validate(Reference(text=text, location=Location(path="x")), hits("18")[0])
    assert v.accepted(T) and v.score >= 0.9
    assert v.signals["year"]["status"] == "exact"
    assert v.signals["volume"]["status"] == "in-text"
    assert v.signals["pages"]["status"] == "in-text"
    assert v.signals["container"]["status"] == "in-text"


def test_false_top_hit_is_rejected_with_reasons() -> None:
    ref = Reference(
        text="Foo and Bar (2003) A non-existent article that should remain a plain text reference.",
        location=Location(path="x"),
    )
    verdict = judge(ref, hits("17"), T)
    assert verdict.accepted is None and not verdict.plausible
    assert verdict.best is not None
    reasons = verdict.best.reasons(T)
    assert any(r.startswith("title similarity") for r in reasons)
    assert any(r.startswith("year") for r in reasons)


def test_parsed_fields_that_contradict() -> None:
    text = (
        "P. Szostek, M. Fedoryszak, P. J. Dendek, and Ł. Bolikowski, “CERMINE: automatic "
        "extraction of structured metadata from scientific literature,” IJDAR, vol. 14, "
        "no. 40, pp. 310–335, 2016."
    )
    ref = Reference(
        text=text,
        volume="14",
        issue="40",
        pages="310–335",
        year="2016",
        location=Location(path="x"),
    )
    v = validate(ref, hits("20")[0])
    assert not v.accepted(T)
    assert "volume differs" in v.conflicts and "pages differs" in v.conflicts
