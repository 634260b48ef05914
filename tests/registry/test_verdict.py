"""The per-reference registry verdict (verified / disagrees / not-found / not-checked) and
the OpenAlex fallback in unverified-reference, on real recorded records."""

from __future__ import annotations

import json
from pathlib import Path

from citecheck.model.links import Links
from citecheck.model.resolution import (
    Candidate,
    Found,
    NotFound,
    ReferenceResolution,
    Unavailable,
)
from citecheck.model.settings import Settings
from citecheck.registry.arxiv import parse_feed
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.registry.openalex import work_record
from citecheck.registry.pubmed import summary_record
from citecheck.registry.verdict import counts, verdict
from citecheck.rules.base import RuleContext
from citecheck.rules.records import unverified_reference

from .conftest import document, reference

RECORDED = Path(__file__).parent.parent / "fixtures" / "registries"
T = Thresholds.from_settings(Settings())
JMOL = reference(
    "Scalfani VF, Williams AJ, Tkachenko V, Karapetyan K, Pshenichnov A, Hanson RM, Liddie JM, "
    "Bara JE. Programmatic conversion of crystal structures into 3D printable files using Jmol. "
    "J Cheminform. 2016;8:66. PMID: 27933103"
)
TANZANIA = reference(
    "Masue, O. S., & Askvik, S. (2017). Are school committees a source of empowerment? Insights "
    "from Tanzania. International Journal of Public Administration, 40(9), 780-791."
)


def _pubmed() -> dict[str, object]:
    data = json.loads((RECORDED / "pubmed/esummary_27933103.json").read_text(encoding="utf-8"))
    return summary_record(data["result"]["27933103"])


def _openalex() -> dict[str, object]:
    data = json.loads((RECORDED / "openalex/work_W2492449078.json").read_text(encoding="utf-8"))
    return work_record(data)


def test_verified_by_the_identifiers_registry() -> None:
    res = ReferenceResolution(
        by_doi=Found(_pubmed(), "pubmed", None), id_kind="pmid", ident="27933103"
    )
    v = verdict(JMOL, res, T)
    assert (v.status, v.registry, v.record) == (
        "verified",
        "pubmed",
        "10.1186/s13321-016-0181-z",
    )


def test_identifier_naming_another_work_disagrees() -> None:
    feed = parse_feed((RECORDED / "arxiv/id_list_2201.13452-13455.xml").read_bytes())
    assert feed is not None
    res = ReferenceResolution(
        by_doi=Found(feed["2201.13452"], "arxiv", None), id_kind="arxiv", ident="2201.13452"
    )
    v = verdict(JMOL, res, T)
    assert v.status == "disagrees" and v.registry == "arxiv"
    assert v.fields[0].startswith("title similarity")


def test_not_found_lists_every_registry_asked() -> None:
    res = ReferenceResolution(
        doi="10.1371/notarealdoi",
        by_doi=NotFound(
            "10.1371/notarealdoi",
            ("crossref", "doi.org"),
            {"crossref": "HTTP 404", "doi.org": "responseCode 100"},
        ),
        search=(),
    )
    v = verdict(JMOL, res, T)
    assert v.status == "not-found"
    assert [(a.registry, a.answer) for a in v.asked] == [
        ("crossref", "HTTP 404"),
        ("doi.org", "responseCode 100"),
        ("crossref", "search returned nothing"),
    ]


def test_nothing_answered_is_not_checked_never_a_pass() -> None:
    res = ReferenceResolution(search=Unavailable("HTTP 503"))
    v = verdict(TANZANIA, res, T)
    assert v.status == "not-checked"
    assert v.asked[0].reached is False


def test_unreachable_fallback_keeps_the_crossref_answer() -> None:
    res = ReferenceResolution(search=(), fallback=Unavailable("HTTP 429"))
    v = verdict(TANZANIA, res, T)
    assert v.status == "not-found"
    assert [(a.registry, a.reached) for a in v.asked] == [("crossref", True), ("openalex", False)]


def test_openalex_fallback_verifies() -> None:
    res = ReferenceResolution(search=(), fallback=(Candidate(_openalex()),))
    v = verdict(TANZANIA, res, T)
    assert (v.status, v.registry, v.record) == (
        "verified",
        "openalex",
        "10.1080/01900692.2016.1201839",
    )
    summary = counts([v, verdict(TANZANIA, ReferenceResolution(), T)])
    assert summary["verified"] == 1 and summary["not-looked-up"] == 1
    assert summary["verified_by"] == {"openalex": 1}


def _unverified(res: ReferenceResolution) -> list[str]:
    doc = document(TANZANIA)
    ctx = RuleContext(document=doc, links=Links(), settings=Settings(), resolutions={0: res})
    return [f.message for f in unverified_reference.RULE.check(ctx)]


def test_unverified_reference_silenced_by_an_openalex_match() -> None:
    assert len(_unverified(ReferenceResolution(search=()))) == 1
    assert _unverified(ReferenceResolution(search=(), fallback=(Candidate(_openalex()),))) == []


def test_unverified_reference_names_every_registry_that_answered() -> None:
    other = {**_openalex(), "title": ["Household water use in rural Kenya"], "author": []}
    (message,) = _unverified(ReferenceResolution(search=(), fallback=(Candidate(other),)))
    assert message.startswith(
        "This journal article could not be verified in Crossref or OpenAlex "
        "(2 registries asked; Crossref: 0 search hits;"
    )
    (alone,) = _unverified(ReferenceResolution(search=(), not_asked=(("openalex", "no API key"),)))
    assert alone.startswith(
        "This journal article could not be verified in Crossref (0 search hits;"
    )
