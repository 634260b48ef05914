"""DataCite REST API: the real recorded answer read as a record, and the routing of
DataCite DOIs (prefix, or Crossref's 404 and agency answer) over respx (no network)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import respx

from citecheck.model.resolution import Found, NotFound, Unavailable
from citecheck.model.settings import Settings
from citecheck.registry.datacite import doi_record, routed_here
from citecheck.registry.http import Policy
from citecheck.registry.resolve import resolve_all

from .conftest import (
    CROSSREF,
    DOI_ORG,
    document,
    handle_found,
    handle_missing,
    not_found_text,
    reference,
)

RECORDED = Path(__file__).parent.parent / "fixtures" / "registries" / "datacite"
DATACITE = "https://api.datacite.org"
FIGSHARE = "10.6084/m9.figshare.1449060"
TITLE = (
    "Drosophila melanogaster wing images from low and high altitude populations in "
    "Ethiopia and Zambia."
)


def recorded() -> dict[str, Any]:
    data = json.loads((RECORDED / "doi_10.6084_m9.figshare.1449060.json").read_bytes())
    assert isinstance(data, dict)
    return data


def _agency(doi: str, agency: str) -> httpx.Response:
    # Crossref's /works/{doi}/agency envelope (as in tests/registry/test_throttling.py).
    return httpx.Response(
        200,
        json={
            "status": "ok",
            "message-type": "work-agency",
            "message": {"DOI": doi, "agency": {"id": agency, "label": agency}},
        },
    )


def test_recorded_answer_in_crossref_field_names() -> None:
    rec = doi_record(recorded()["data"])
    assert rec is not None
    assert rec["DOI"] == FIGSHARE
    assert rec["title"] == [TITLE]
    assert rec["author"][:2] == [
        {"family": "Dworkin", "given": "Ian"},
        {"family": "Pool", "given": "John"},
    ]
    assert rec["issued"] == {"date-parts": [[2020]]}
    assert rec["type"] == "dataset" and rec["resource-type-general"] == "Dataset"
    assert rec["publisher"] == "figshare"
    assert "relation" not in rec  # relatedIdentifiers is empty in this record


def test_related_dois_become_relations_but_not_versions_of_the_same_deposit() -> None:
    data = recorded()["data"]
    attrs = dict(data["attributes"])
    attrs["types"] = {**attrs["types"], "resourceTypeGeneral": "Preprint"}
    attrs["relatedIdentifiers"] = [
        # a Zenodo-style link to the deposit's concept DOI: the same repository
        {
            "relatedIdentifier": "10.6084/m9.figshare.1449060.v1",
            "relatedIdentifierType": "DOI",
            "relationType": "IsVersionOf",
        },
        {
            "relatedIdentifier": "10.1101/2020.01.01.000001",
            "relatedIdentifierType": "DOI",
            "relationType": "IsSupplementTo",
        },
        {
            "relatedIdentifier": "https://example.org",
            "relatedIdentifierType": "URL",
            "relationType": "IsDocumentedBy",
        },
    ]
    rec = doi_record({**data, "attributes": attrs})
    assert rec is not None
    assert rec["type"] == "posted-content" and rec["subtype"] == "preprint"
    assert rec["relation"] == {
        "is-supplement-to": [
            {"id-type": "doi", "id": "10.1101/2020.01.01.000001", "asserted-by": "subject"}
        ]
    }


def test_main_title_first_typed_titles_only_when_nothing_else() -> None:
    data = recorded()["data"]
    subtitle = {"title": "Wing images", "titleType": "Subtitle"}
    attrs = {**data["attributes"], "titles": [subtitle, *data["attributes"]["titles"]]}
    rec = doi_record({**data, "attributes": attrs})
    assert rec is not None and rec["title"] == [TITLE]
    attrs = {**data["attributes"], "titles": [{"title": "Alt", "titleType": "AlternativeTitle"}]}
    rec = doi_record({**data, "attributes": attrs})
    assert rec is not None and rec["title"] == ["Alt"]


def test_prefix_route() -> None:
    assert routed_here("10.5281/zenodo.7312345") and routed_here(FIGSHARE)
    assert not routed_here("10.1371/journal.pone.0033693")
    assert routed_here("10.13140/RG.2.2.12345.67890")  # ResearchGate
    assert routed_here("10.4230/LIPIcs.TQC.2013.93")  # Dagstuhl LIPIcs


def test_datacite_prefix_is_asked_at_datacite_only(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    route = mock.get(f"{DATACITE}/dois/{FIGSHARE}").mock(
        return_value=httpx.Response(
            200, json=recorded(), headers={"content-type": "application/vnd.api+json"}
        )
    )
    doc = document(reference(f"Dworkin, I. (2020). {TITLE} figshare.", doi=FIGSHARE))

    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)

    assert route.call_count == 1
    assert "mailto:test@example.org" in route.calls[0].request.headers["user-agent"]
    found = outcome.resolutions[0][0].by_doi
    assert isinstance(found, Found) and found.source == "datacite" and found.agency == "datacite"
    assert found.record["title"] == [TITLE]
    assert outcome.requests == {"datacite": 1}  # no Crossref, no doi.org
    assert outcome.skipped == []


def test_datacite_prefix_unknown_to_datacite_and_to_the_doi_system(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    doi = "10.5281/zenodo.99999999"
    mock.get(f"{DATACITE}/dois/{doi}").mock(
        return_value=httpx.Response(404, json={"errors": [{"status": "404"}]})
    )
    mock.get(f"{DOI_ORG}/api/handles/{doi}").mock(return_value=handle_missing(doi))
    doc = document(reference("x", doi=doi))

    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)

    res = outcome.resolutions[0][0].by_doi
    assert isinstance(res, NotFound) and res.sources == ("datacite", "doi.org")
    assert sum(outcome.requests.values()) == 2


def test_datacite_prefix_lent_to_another_agency_falls_back_to_crossref(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    doi = "10.5281/lent.1"
    mock.get(f"{DATACITE}/dois/{doi}").mock(return_value=httpx.Response(404, json={}))
    mock.get(f"{DOI_ORG}/api/handles/{doi}").mock(return_value=handle_found(doi))
    crossref = mock.get(f"{CROSSREF}/works/{doi}").mock(return_value=not_found_text())
    mock.get(f"{CROSSREF}/works/{doi}/agency").mock(return_value=_agency(doi, "medra"))
    csl = {"type": "article-journal", "DOI": doi, "title": "Lent", "author": []}
    mock.get(f"{DOI_ORG}/{doi}").mock(return_value=httpx.Response(200, json=csl))
    doc = document(reference("x", doi=doi))

    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)

    res = outcome.resolutions[0][0].by_doi
    assert isinstance(res, Found) and res.source == "medra" and res.record["title"] == ["Lent"]
    assert crossref.call_count == 1
    assert outcome.requests["datacite"] == 1  # not asked a second time


def test_datacite_agency_from_crossref_asks_datacite_not_content_negotiation(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    data = recorded()
    doi = "10.1234/datacite.elsewhere"
    data["data"] = {**data["data"], "id": doi}
    data["data"]["attributes"] = {**data["data"]["attributes"], "doi": doi}
    mock.get(f"{CROSSREF}/works/{doi}").mock(return_value=not_found_text())
    mock.get(f"{DOI_ORG}/api/handles/{doi}").mock(return_value=handle_found(doi))
    mock.get(f"{CROSSREF}/works/{doi}/agency").mock(return_value=_agency(doi, "datacite"))
    rest = mock.get(f"{DATACITE}/dois/{doi}").mock(return_value=httpx.Response(200, json=data))
    negotiation = mock.get(f"{DOI_ORG}/{doi}")
    doc = document(reference("x", doi=doi))

    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)

    assert rest.call_count == 1 and negotiation.call_count == 0
    res = outcome.resolutions[0][0].by_doi
    assert isinstance(res, Found) and res.source == "datacite" and res.record["DOI"] == doi


def test_answer_for_another_doi_is_not_a_record(
    mock: respx.MockRouter, settings: Settings, policy: Policy
) -> None:
    doi = "10.6084/m9.figshare.1"
    mock.get(f"{DATACITE}/dois/{doi}").mock(return_value=httpx.Response(200, json=recorded()))
    mock.get(f"{CROSSREF}/works/{doi}").mock(return_value=httpx.Response(503))
    doc = document(reference("x", doi=doi))

    outcome = resolve_all([doc], settings, client=None, progress=None, policy=policy)

    assert isinstance(outcome.resolutions[0][0].by_doi, Unavailable)


def test_base_url_from_flag_environment_and_config(tmp_path: Path) -> None:
    from citecheck.pipeline.config import build_settings

    (tmp_path / "citecheck.toml").write_text('datacite-url = "http://from-file"\n')
    assert build_settings(flags={}, cwd=tmp_path, env={}).datacite_url == "http://from-file"
    env = {"CITECHECK_DATACITE_URL": "http://from-env"}
    assert build_settings(flags={}, cwd=tmp_path, env=env).datacite_url == "http://from-env"
    flags = {"datacite_url": "http://from-flag"}
    assert build_settings(flags=flags, cwd=tmp_path, env=env).datacite_url == "http://from-flag"
