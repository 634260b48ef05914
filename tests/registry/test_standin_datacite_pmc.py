"""DataCite REST and PMC ESummary through the loopback stand-in (its ``/datacite`` and
``/eutils`` routes): what is asked, how often, and each reference's verdict."""

from __future__ import annotations

from pathlib import Path

from citecheck.model.settings import Settings
from citecheck.registry.http import Policy
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.registry.resolve import resolve_all
from citecheck.registry.verdict import verdict
from tests.support import other_registries
from tests.support import registry_standin as standin

from .conftest import document, reference

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
RECORDS = (ROOT / "crossref", ROOT / "registry_e2e" / "records")


def test_datacite_dois_and_pmcids_are_asked_where_they_are_registered(tmp_path: Path) -> None:
    refs = (
        reference(
            "Dworkin I, Pool J, Pitchers W. Drosophila melanogaster wing images from low and "
            "high altitude populations in Ethiopia and Zambia. figshare. 2020.",
            doi="10.6084/m9.figshare.1449060",  # the recorded DataCite answer
        ),
        reference(
            "Kind PC, Sengpiel F, Beaver CJ, et al. The development and activity-dependent "
            "expression of aggrecan in the cat visual cortex. Cereb Cortex. 2013;23(2):349-360. "
            "PMCID: PMC3539452"
        ),
        reference("Doe J. An invented deposit. Zenodo. 2021.", doi="10.5281/zenodo.99999999"),
    )
    doc = document(*refs)
    with standin.StandIn(standin.Store.load(RECORDS)) as server:
        env = other_registries.urls(server.crossref_url)
        settings = Settings(
            crossref_url=server.crossref_url,
            doi_url=server.doi_url,
            pubmed_url=env["CITECHECK_PUBMED_URL"],
            datacite_url=env["CITECHECK_DATACITE_URL"],
            arxiv_url=env["CITECHECK_ARXIV_URL"],
            openalex_url=env["CITECHECK_OPENALEX_URL"],
            cache_dir=str(tmp_path),
            mailto="t@example.org",
            deadline=60,
        )
        outcome = resolve_all([doc], settings, policy=Policy(backoff_base=0.01))
        counts = dict(server.counts)
    t = Thresholds.from_settings(settings)
    got = [verdict(r, outcome.resolutions[0][i], t).status for i, r in enumerate(refs)]
    assert got[:2] == ["verified", "verified"]
    assert got[2] == "not-found"  # then searched: the invented text matches nothing
    assert counts["datacite"] == 2 and counts["eutils"] == 1
    assert counts["doi"] == 1  # the handle look-up of the DOI DataCite does not hold
    assert counts.get("crossref-single", 0) == 0
