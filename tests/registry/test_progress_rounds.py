"""The progress line over every registry: arXiv and PubMed look-ups are counted in the
first total, the OpenAlex fallback is a round of its own, and nothing is printed past
the end of a round (issue 17). Against the loopback stand-in; no timed assertions."""

from __future__ import annotations

from pathlib import Path

from citecheck.model.settings import Settings
from citecheck.registry.http import Policy
from citecheck.registry.resolve import resolve_all
from tests.support import other_registries
from tests.support import registry_standin as standin

from .conftest import document, reference

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
RECORDS = (ROOT / "crossref", ROOT / "registry_e2e" / "records")
Seen = list[tuple[str, int, int]]

KNOWN_ARXIV = "Yin H-M, Zou J. Asymptotic Analysis for a Nonlinear Reaction-Diffusion System. arXiv:2201.13452"
UNKNOWN_ARXIV = (
    "Doe J, Roe R. A preprint about glacier acoustics nobody ever posted. arXiv:2201.13455"
)
PMID = (
    "Scalfani VF, Williams AJ, Tkachenko V, et al. Programmatic conversion of crystal "
    "structures into 3D printable files using Jmol. J Cheminform. 2016;8:66. PMID: 27933103"
)
INVENTED = (
    "Quinlan, T. (2011). Migratory patterns of invented tardigrades. Journal of Nowhere, 3, 1-9."
)


def _settings(url: str, tmp_path: Path) -> Settings:
    env = other_registries.urls(url)
    return Settings(
        crossref_url=url,
        doi_url=url,
        arxiv_url=env["CITECHECK_ARXIV_URL"],
        pubmed_url=env["CITECHECK_PUBMED_URL"],
        openalex_url=env["CITECHECK_OPENALEX_URL"],
        datacite_url=env["CITECHECK_DATACITE_URL"],
        cache_dir=str(tmp_path),
        mailto="t@example.org",
        deadline=60,
    )


def _run(behaviour: standin.Behaviour, tmp_path: Path, *texts: str) -> Seen:
    seen: Seen = []
    doc = document(*(reference(t) for t in texts))
    with standin.StandIn(standin.Store.load(RECORDS), behaviour) as server:
        settings = _settings(server.crossref_url, tmp_path)
        resolve_all(
            [doc],
            settings,
            client=None,
            progress=lambda *a: seen.append(a),
            policy=Policy(backoff_base=0.01, max_attempts=3),
        )
    return seen


def _rounds(seen: Seen) -> list[Seen]:
    """Split the calls into rounds (a round ends when done reaches its total)."""
    rounds: list[Seen] = [[]]
    for call in seen:
        rounds[-1].append(call)
        if call[1] >= call[2]:
            rounds.append([])
    assert rounds[-1] == [], f"a round did not finish: {seen}"
    return rounds[:-1]


def _check_rounds(seen: Seen) -> list[Seen]:
    rounds = _rounds(seen)
    for r in rounds:
        assert len({total for _, _, total in r}) == 1, f"the total jumped: {r}"
        dones = [done for _, done, _ in r]
        assert dones == sorted(dones) and dones[-1] == r[0][2], r  # never past the end
    return rounds


def test_identifiers_are_in_the_first_total_and_openalex_is_its_own_round(
    tmp_path: Path,
) -> None:
    seen = _run(standin.Behaviour(), tmp_path, KNOWN_ARXIV, UNKNOWN_ARXIV, PMID, INVENTED)
    rounds = _check_rounds(seen)
    # two arXiv ids, one PMID, one Crossref search; the unknown arXiv id's search is
    # part of its look-up, not a fifth one; both references without a DOI fall back
    assert [r[-1][1:] for r in rounds] == [(4, 4), (2, 2)]  # both without a DOI
    assert rounds[0][-1][0] == "registry: 2 found, 2 not found, 0 failed"
    assert rounds[1][-1][0].startswith("registry, OpenAlex: ")


def test_retry_waits_never_print_past_the_end(tmp_path: Path) -> None:
    """Faults make the fetcher wait and retry; every wait message sits on a round that
    is not finished."""
    behaviour = standin.Behaviour(flaky=0.5, faults=("503",), max_faults=6, seed=3)
    seen = _run(behaviour, tmp_path, KNOWN_ARXIV, UNKNOWN_ARXIV, PMID, INVENTED)
    assert any("waiting" in label for label, _, _ in seen)  # the seed's first draw is a fault
    _check_rounds(seen)
