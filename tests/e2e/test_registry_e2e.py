"""The registry checks end to end: CLI -> resolver -> loopback Crossref/doi.org -> rules.

Three server conditions (healthy; flaky and rate-limited; no server at all) and a
warm offline re-run. See conftest.py for how the ground truth is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from e2e_support import Run, Truth, closed_port_url, environment, run_cli

from tests.support import registry_standin as standin


@dataclass
class Healthy:
    """The reference run against a well-behaved stand-in."""

    run: Run
    cache: Path
    counts: dict[str, int]
    log: list[str]


@pytest.fixture(scope="module")
def healthy(store: Any, tmp_path_factory: pytest.TempPathFactory) -> Healthy:
    cache = tmp_path_factory.mktemp("cache")
    with standin.StandIn(store, standin.Behaviour()) as server:
        run = run_cli(environment(server.crossref_url, server.doi_url, cache))
        return Healthy(run, cache, dict(server.counts), list(server.state.log))


def _pairs(found: dict[tuple[str, int], dict[str, str]]) -> set[tuple[str, int, str]]:
    return {(f, ln, rule) for (f, ln), rules in found.items() for rule in rules}


# -- healthy server ------------------------------------------------------------------------


def test_every_planted_defect_is_found_with_the_right_rule(healthy: Healthy, truth: Truth) -> None:
    got = healthy.run.registry()
    missed = [p for p in truth.planted() if p[2] not in got.get((p[0], p[1]), {})]
    assert not missed, f"planted defects not found: {missed}"
    wrong_severity = [
        (f, ln, rule, sev, got[(f, ln)][rule])
        for (f, ln), rules in truth.expected.items()
        for rule, sev in rules.items()
        if sev is not None and got[(f, ln)][rule] != sev
    ]
    assert not wrong_severity, wrong_severity


def test_nothing_is_flagged_on_the_traps(healthy: Healthy, truth: Truth) -> None:
    extra = [
        (f, ln, rule)
        for (f, ln), rules in healthy.run.registry().items()
        for rule in rules
        if rule not in truth.expected.get((f, ln), {})
        and rule not in truth.allowed.get((f, ln), {})
    ]
    assert not extra, f"false flags: {extra}"


def test_healthy_run_checks_everything_once(healthy: Healthy) -> None:
    assert healthy.run.exit_code == 1  # retractions, mismatches and bad DOIs are errors
    assert healthy.run.skipped == []
    assert healthy.counts.get("429", 0) == 0 and healthy.counts.get("faults", 0) == 0
    paths = [line.split(" ", 1)[1] for line in healthy.log]
    assert len(paths) == len(set(paths)), "a request was repeated"
    batches = [p for p in paths if p.startswith("array /works?filter=")]
    assert len(batches) == 1  # 40 distinct DOIs fit one filter=doi: request
    # Zenodo DOIs go to DataCite's REST API first, not through Crossref and doi.org.
    datacite = [p for p in paths if p.startswith("other /datacite/dois/")]
    assert datacite and all("zenodo" in p for p in datacite)
    assert not [p for p in paths if "zenodo" in p and not p.startswith("other /datacite/")]


def test_evidence_names_the_source_record(healthy: Healthy) -> None:
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for f in healthy.run.findings:
        by_rule.setdefault(f["rule"], []).append(f)
    [wakefield] = [f for f in by_rule["retracted"] if "11096" in f["evidence"]["record_doi"]]
    assert wakefield["evidence"]["notices"][-1]["source"] == "retraction-watch"
    assert "10.1016/s0140-6736(10)60175-4" in wakefield["message"]
    [zenodo] = [f for f in by_rule["metadata-mismatch"] if "zenodo" in f["evidence"]["record_doi"]]
    assert zenodo["evidence"]["source"] == "datacite"
    for f in by_rule["missing-doi"]:
        assert f["evidence"]["record_doi"] and 0 < f["confidence"] <= 1


# -- warm cache, no network ----------------------------------------------------------------


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_warm_offline_rerun_gives_the_same_findings(healthy: Healthy, how: str) -> None:
    dead = closed_port_url()
    env = environment(dead, dead, healthy.cache)
    if how == "environment":
        env["CITECHECK_OFFLINE"] = "1"
        again = run_cli(env)
    else:
        again = run_cli(env, "--offline")
    assert again.findings == healthy.run.findings
    assert again.skipped == [] and again.exit_code == healthy.run.exit_code


# -- flaky and rate-limited servers --------------------------------------------------------

FLAKY = {
    # Random 503/502 pages, truncated JSON, HTML with status 200, dropped connections
    # and spurious 429s without Retry-After, on a server with low limits.
    "flaky": dict(flaky=0.25, single_rate=20, array_rate=10, concurrency=2, seed=7),
    "flaky-retry-after": dict(
        flaky=0.15, retry_after="0", seed=3, faults=("503", "429", "truncated")
    ),
}


@pytest.mark.parametrize("mode", sorted(FLAKY))
def test_flaky_server_never_causes_a_false_finding(
    store: Any, healthy: Healthy, truth: Truth, tmp_path: Path, mode: str
) -> None:
    behaviour = standin.Behaviour(**FLAKY[mode])  # type: ignore[arg-type]
    with standin.StandIn(store, behaviour) as server:
        run = run_cli(environment(server.crossref_url, server.doi_url, tmp_path))
        assert server.counts["faults"] > 0
    good = _pairs(healthy.run.registry())
    assert _pairs(run.registry()) <= good, "a fault turned into a finding"
    assert run.local() == healthy.run.local()
    skipped_files = {Path(s["path"]).name for s in run.skipped}
    missed = {f for f, _, _ in good - _pairs(run.registry())}
    assert missed <= skipped_files, "findings were lost without a skipped check saying why"
    assert all("not checked against the registry: " in s["reason"] for s in run.skipped)
    # Nothing unavailable was cached: a healthy re-run on this cache gives the full result.
    with standin.StandIn(store, standin.Behaviour()) as server:
        again = run_cli(environment(server.crossref_url, server.doi_url, tmp_path))
    assert again.findings == healthy.run.findings and again.skipped == []


def test_rate_limits_cost_time_not_results(store: Any, healthy: Healthy, tmp_path: Path) -> None:
    # Enforced limits that halve after 10 requests (as Crossref did between pools):
    # the client follows the headers, retries the 429s and finishes the job.
    behaviour = standin.Behaviour(
        single_rate=20, array_rate=12, concurrency=2, drop_limits_after=10, retry_after="1"
    )
    with standin.StandIn(store, behaviour) as server:
        run = run_cli(environment(server.crossref_url, server.doi_url, tmp_path))
    assert run.findings == healthy.run.findings
    assert run.skipped == []


# -- a simpler stand-in --------------------------------------------------------------------
# (no list route here; a server rejecting select: tests/registry/test_route_fallbacks.py)

SEARCH_RULES = {"missing-doi", "unverified-reference"}


def test_server_without_list_route_still_checks_every_doi(
    store: Any, healthy: Healthy, tmp_path: Path
) -> None:
    with standin.StandIn(store, standin.Behaviour(list_route=False)) as server:
        run = run_cli(environment(server.crossref_url, server.doi_url, tmp_path))
        batches = server.counts["crossref-array"]
    by_doi = {p for p in _pairs(healthy.run.registry()) if p[2] not in SEARCH_RULES}
    assert _pairs(run.registry()) == by_doi
    # one rejected batch, then only the (failing) searches: 15, and one for the
    # computer-science reference DBLP does not hold (cs-proceedings.md)
    assert batches <= 1 + 16
    assert all("search answer (HTTP 404)" in s["reason"] for s in run.skipped)


# -- no server at all ----------------------------------------------------------------------


def test_no_server_local_checks_report_and_registry_checks_are_listed(
    healthy: Healthy, tmp_path: Path
) -> None:
    dead = closed_port_url()
    run = run_cli(environment(dead, dead, tmp_path))
    offline_rules = {"doi-invalid"}  # reads the reference only
    expected = {p for p in _pairs(healthy.run.registry()) if p[2] in offline_rules}
    assert _pairs(run.registry()) == expected and expected
    assert run.local() == healthy.run.local()
    files = {Path(f).name for f in run.report["files"]}
    skipped = {Path(s["path"]).name: s["reason"] for s in run.skipped}
    assert set(skipped) == files
    assert all("references not checked against the registry" in r for r in skipped.values())
    assert any("cannot connect" in r or "stopped answering" in r for r in skipped.values())
    assert run.exit_code == 1  # the malformed DOIs are errors
    # An unreachable registry alone does not fail the run (a short deadline keeps it quick).
    quiet = run_cli(environment(dead, dead, tmp_path), "--ignore", "doi-invalid", "--deadline", "1")
    assert quiet.exit_code == 0 and quiet.skipped


def test_every_reference_gets_a_registry_verdict(healthy: Healthy) -> None:
    """summary.registry: counts, which registry verified, and one entry per reference."""
    registry = healthy.run.report["summary"]["registry"]
    listed = registry["references"]
    assert len(listed) == healthy.run.report["summary"]["references"]
    statuses = ("verified", "disagrees", "not-found", "not-checked", "not-looked-up")
    assert sum(registry[s] for s in statuses) == len(listed)
    assert registry["not-checked"] == 0  # a healthy stand-in answers everything
    # The two arXiv DOIs (10.48550/arXiv.*) were verified by the arXiv API.
    assert registry["verified_by"].get("arxiv") == 2
    for entry in listed:
        if entry["status"] == "not-found":
            assert entry["asked"] and all("answer" in a for a in entry["asked"])
