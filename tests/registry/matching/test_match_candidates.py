"""Validation of search hits on the real recorded query.bibliographic responses."""

from __future__ import annotations

import json
from pathlib import Path

from citecheck.model.document import Author, Location, Reference
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


def _record(title: str) -> dict:
    """A minimal Crossref-shaped work (our own example)."""
    return {
        "DOI": "10.5555/example.1",
        "type": "journal-article",
        "title": [title],
        "author": [{"given": "Ana", "family": "Lestari"}],
        "container-title": ["Journal of Examples"],
        "issued": {"date-parts": [[2019]]},
    }


def _ref(text: str, **fields: object) -> Reference:
    return Reference(text=text, location=Location(path="x"), **fields)  # type: ignore[arg-type]


def test_title_only_reference_with_a_long_exact_title_is_plausible() -> None:
    title = "Sorting paper clips by colour with a small convolutional network"
    rec = _record(title)
    v = validate(_ref(f"{title}. https://example.org/paper", title=title), rec)
    assert v.title_only and v.title_score >= 0.95 and v.title_words >= 6
    assert not v.accepted(T) and v.plausible(T)  # plausible, never accepted on a title alone


def test_title_only_needs_enough_title_words() -> None:
    title = "Sorting paper clips"
    v = validate(_ref(f"{title}.", title=title), _record(title))
    assert v.title_only and not v.plausible(T)


def test_a_cited_year_or_author_is_not_title_only() -> None:
    title = "Sorting paper clips by colour with a small convolutional network"
    with_year = validate(_ref(f"{title}. 2011.", title=title, year="2011"), _record(title))
    assert not with_year.title_only and not with_year.plausible(T)  # year 2011 vs 2019
    author = (Author(family="Wibowo"),)
    with_author = validate(_ref(f"Wibowo. {title}.", title=title, authors=author), _record(title))
    assert not with_author.title_only


def test_an_author_read_from_the_title_keeps_the_reference_title_only() -> None:
    # "SORTNET: sorting ..." parsed with SORTNET as the author.
    title = "SORTNET: sorting paper clips by colour with a small network"
    ref = _ref(f"{title}.", title=title.split(": ", 1)[1], authors=(Author(family="SORTNET"),))
    v = validate(ref, _record(title))
    assert v.title_only and v.plausible(T)


def test_a_whole_title_read_as_a_corporate_author_keeps_the_reference_title_only() -> None:
    title = "Sorting paper clips by colour with a small convolutional network"
    ref = _ref(f"{title}. https://example.org/x", authors=(Author(family=title, corporate=True),))
    v = validate(ref, _record(title))
    assert v.title_only and v.plausible(T)
    other = _ref(f"Lee. {title}.", title=title, authors=(Author(family="Lee"),))
    assert not validate(other, _record(title)).title_only  # "Lee" is no word of the title


def test_real_authors_year_and_journal_under_another_title_are_not_plausible() -> None:
    # An invented title under the authors, year, journal, volume and pages of a real
    # record (our own example): everything but the title agrees, yet it is another work.
    rec = {**_record("Sorting paper clips by colour with a small convolutional network")}
    rec.update(volume="12", page="45-67")
    title = "Sorting lighthouse beacons by weather with a small recurrent model"
    text = f"Lestari, A. (2019). {title}. Journal of Examples, 12, 45-67."
    ref = _ref(
        text,
        authors=(Author(family="Lestari", given="A."),),
        year="2019",
        title=title,
        container="Journal of Examples",
        volume="12",
        pages="45-67",
    )
    v = validate(ref, rec)
    assert v.score >= T.plausible and v.title_score < T.plausible_title
    assert not v.plausible(T)
