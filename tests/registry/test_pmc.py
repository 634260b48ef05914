"""PubMed Central ids (PMCID): the real recorded ``db=pmc`` ESummary answer read as a
record, routing, and the registry stage over respx (no network)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from citecheck.model.document import Location, Reference
from citecheck.model.resolution import Found, NotFound
from citecheck.model.settings import Settings
from citecheck.registry.http import Policy
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.registry.pubmed import pmc_record
from citecheck.registry.resolve import plan_reference, resolve_all
from citecheck.registry.verdict import verdict

from .conftest import document, reference

RECORDED = Path(__file__).parent.parent / "fixtures" / "registries" / "pmc"
ESUMMARY = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esummary.fcgi"
TITLE = "The Development and Activity-Dependent Expression of Aggrecan in the Cat Visual Cortex"
CITED = (
    "Kind PC, Sengpiel F, Beaver CJ, et al. The development and activity-dependent expression "
    "of aggrecan in the cat visual cortex. Cereb Cortex. 2013;23(2):349-360. PMCID: PMC3539452"
)


def recorded() -> dict[str, Any]:
    data = json.loads((RECORDED / "esummary_pmc_3539452.json").read_bytes())
    assert isinstance(data, dict)
    return data


def test_recorded_summary_in_crossref_field_names() -> None:
    rec = pmc_record(recorded()["result"]["3539452"])
    assert rec["title"] == [TITLE]
    assert rec["author"][:2] == [
        {"family": "Kind", "given": "P C"},
        {"family": "Sengpiel", "given": "F"},
    ]
    assert rec["container-title"] == ["Cerebral Cortex (New York, NY)", "Cereb Cortex"]
    assert (rec["volume"], rec["issue"], rec["page"]) == ("23", "2", "349-360")
    assert rec["DOI"] == "10.1093/cercor/bhs015"
    assert rec["pmid"] == "22368089" and rec["pmcid"] == "PMC3539452"
    assert rec["URL"] == "https://pmc.ncbi.nlm.nih.gov/articles/PMC3539452/"
    assert rec["issued"] == {"date-parts": [[2012, 2, 23]]}


@pytest.mark.parametrize(
    ("text", "fields", "kind", "ident"),
    [
        (CITED, {}, "pmcid", "PMC3539452"),
        ("Kind PC. Aggrecan. Cereb Cortex. 2013.", {"pmcid": "PMC3539452"}, "pmcid", "PMC3539452"),
        ("Kind PC. Aggrecan. Cereb Cortex. 2013.", {"pmcid": "3539452"}, "pmcid", "PMC3539452"),
        (f"{CITED}. PMID: 22368089", {}, "pmid", "22368089"),  # the PMID is asked first
        ("Proceedings of PMC 2019, the annual meeting.", {}, "doi", None),
    ],
)
def test_route_by_pmcid(text: str, fields: dict[str, str], kind: str, ident: str | None) -> None:
    ref = Reference(text=text, fields=fields, location=Location(path="paper.md", line=1))
    plan = plan_reference(ref)
    assert (plan.id_kind, plan.ident) == (kind, ident)


def test_pmcid_is_asked_of_pmc_esummary_only(mock: respx.MockRouter, tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path), mailto="t@example.org", deadline=30)
    route = mock.get(ESUMMARY).mock(return_value=httpx.Response(200, json=recorded()))
    doc = document(reference(CITED))

    outcome = resolve_all([doc], settings, policy=Policy(backoff_base=0.01))

    assert route.call_count == 1
    params = route.calls[0].request.url.params
    assert (params["db"], params["id"], params["tool"]) == ("pmc", "3539452", "citecheck")
    assert params["email"] == "t@example.org"
    res = outcome.resolutions[0][0]
    assert isinstance(res.by_doi, Found) and res.by_doi.source == "pubmed"
    assert res.cited_id == "PMC3539452"
    v = verdict(doc.references[0], res, Thresholds.from_settings(settings))
    assert v.status == "verified"
    assert outcome.requests == {"pubmed": 1}


def test_unknown_pmcid_is_not_found(mock: respx.MockRouter, tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path), mailto="t@example.org", deadline=30)
    # NCBI's ESummary entry for an id it cannot summarise, as recorded for db=pubmed
    # (tests/fixtures/registries/SOURCES.md).
    body = {
        "header": {"type": "esummary", "version": "0.3"},
        "result": {
            "uids": ["99999991"],
            "99999991": {"uid": "99999991", "error": "cannot get document summary"},
        },
    }
    mock.get(ESUMMARY).mock(return_value=httpx.Response(200, json=body))
    crossref = mock.get(url__startswith="https://api.crossref.org/works").mock(
        return_value=httpx.Response(503)
    )
    doc = document(reference("Doe J. Nothing at all here. Journal of Nothing. PMC99999991"))

    outcome = resolve_all([doc], settings, policy=Policy(backoff_base=0.01, max_attempts=1))

    res = outcome.resolutions[0][0]
    assert isinstance(res.by_doi, NotFound) and res.by_doi.sources == ("pubmed",)
    assert res.by_doi.evidence == {"pubmed": "PMC ESummary: cannot get document summary"}
    assert crossref.call_count >= 1  # then searched, like an unknown PMID


def test_offline_rerun_answers_pmcid_from_cache(mock: respx.MockRouter, tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path), mailto="t@example.org", deadline=30)
    route = mock.get(ESUMMARY).mock(return_value=httpx.Response(200, json=recorded()))
    resolve_all([document(reference(CITED))], settings, policy=Policy(backoff_base=0.01))
    offline = settings.model_copy(update={"offline": True})
    outcome = resolve_all([document(reference(CITED))], offline)
    res = outcome.resolutions[0][0]
    assert isinstance(res.by_doi, Found) and res.by_doi.from_cache
    assert res.by_doi.record["pmcid"] == "PMC3539452"
    assert route.call_count == 1
