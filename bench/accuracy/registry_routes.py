"""Benchmark: routing by identifier and the per-reference verdict, against the stand-in.

A mixed reference list is built from what the loopback stand-in holds (recorded and
synthetic Crossref works, recorded arXiv entries and DataCite records of arXiv DOIs,
DataCite DOIs of data sets, recorded PubMed and PMC summaries, recorded DBLP hits of
conference papers) plus fabricated references written here (invented titles without a
DOI, invented conference papers, arXiv numbers and PMIDs that do not exist, a PMCID
that does not exist, unregistered DOIs, one with a DataCite repository's prefix). Each
reference goes through the registry stage in process; the script reports

* requests per reference, per registry and per route (DOI, arXiv id, PMID, search);
* the verdicts (verified / disagrees / not-found / not-checked / not-looked-up);
* precision and recall of "flagged" (not-found or disagrees: what doi-not-found,
  doi-mismatch and unverified-reference report) for the fabricated references.

The real references are rendered from the very records the stand-in serves, so this
measures routing and request counts, not matching accuracy on messy real strings.

    python -m bench.accuracy.registry_routes [--crossref-only | --no-datacite-rest | --no-dblp]
"""

from __future__ import annotations

import argparse
import html
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from citecheck.model.document import Document, Location, Reference
from citecheck.model.settings import DEFAULT_OPENALEX_URL
from citecheck.registry import datacite, lookup, resolve
from citecheck.registry.http import Policy
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.registry.resolve import plan_reference, resolve_all
from citecheck.registry.verdict import verdict
from tests.support import other_registries
from tests.support.registry_standin import StandIn, Store

ROOT = Path(__file__).resolve().parents[2]
RECORDS = [
    ROOT / "tests" / "fixtures" / "crossref",
    ROOT / "tests" / "fixtures" / "registry_e2e" / "records",
]

FABRICATED = [
    "Hartono, B., & Lindqvist, M. (2019). Adaptive resonance in municipal budgeting: A panel study of 212 regencies. Journal of Public Finance Dynamics, 14(2), 101-129.",
    "Okafor, C. N. (2021). Quantum-inspired heuristics for hospital bed allocation under uncertainty. Operations Research for Health Care, 30, 100-117.",
    "Suryani, D., Wibisono, A., & Kato, H. (2020). Peer mentoring and mathematics anxiety among rural junior high school students. Jurnal Pendidikan Matematika Nusantara, 7(1), 45-60.",
    "Brenner, L., & Castillo, R. (2018). The silent ledger: Informal credit networks among coastal fishers. World Development Perspectives, 11, 33-48.",
    "Nakamura, Y., Feld, T., & Osei, K. (2022). Transformer ensembles for early sepsis prediction from triage notes. Journal of Clinical Informatics Research, 9(4), 250-266.",
    "Ivanova, P. (2017). Cultural memory and the design of public squares in post-socialist cities. Urban Form Quarterly, 22(3), 311-330.",
    "Rahmawati, S., & Putra, Y. (2023). Pengaruh literasi digital terhadap kinerja UMKM batik di Pekalongan. Jurnal Ekonomi Kreatif Indonesia, 5(2), 77-90.",
    "Delacroix, M., & Yuen, S. (2016). Thermal fatigue of bamboo-reinforced concrete beams in humid climates. Construction Materials Letters, 3, 12-25.",
    "Abebe, T., Mulugeta, H., & Green, J. (2020). Community radio and maternal health-seeking behaviour in the Ethiopian highlands. African Journal of Health Communication, 6(1), 1-19.",
    "Fischer, K. (2015). A unified theory of queue abandonment in emergency call centres. Management Science Letters, 41(8), 1402-1419.",
    "Liang, W., & Moreau, A. (2021). Soil microbiome shifts after biochar application in terraced rice paddies. Agriculture, Ecosystems and Soil Letters, 18, 220-236.",
    "Santoso, R. (2019). Model prediksi banjir berbasis jaringan saraf tiruan untuk DAS Citarum. Jurnal Teknik Sipil Tropika, 11(2), 88-99.",
]
FABRICATED_CS = [
    "Hartmann, L., & Obi, K. (2019). Speculative index pruning for adaptive columnar stores. In Proceedings of the 2019 ACM SIGMOD International Conference on Management of Data (pp. 88-101).",
    "Reyes, M., Tanaka, S., & Brandt, U. (2021). Contrastive pretraining of query planners from execution traces. In Proceedings of the 38th International Conference on Machine Learning (ICML), 4410-4421.",
    "Kowalczyk, A. (2018). Lock-free skip graphs for persistent memory. In 32nd International Symposium on Distributed Computing (DISC), LIPIcs 121, 12:1-12:16.",
    "Nguyen, T. H., & Varga, P. (2020). Verified garbage collection for a subset of Rust. In Proceedings of the 41st ACM SIGPLAN Conference on Programming Language Design and Implementation (PLDI), 302-317.",
    "Ostrowski, J., & Lind, E. (2017). Energy-proportional scheduling of deep network inference on heterogeneous edge clusters. In IEEE Conference on Computer Communications (INFOCOM), 1-9.",
    "Ferreira, D. (2022). Probabilistic type inference for legacy spreadsheets. In Lecture Notes in Computer Science, vol. 13240 (pp. 211-229). Springer.",
]
FAKE_ARXIV = ["2201.13453", "2201.13454", "2201.13455", "1999.99999"]
FAKE_PMID = ["39999991", "39999992"]
FAKE_PMCID = ["PMC99999991"]
FAKE_DOI = [
    "10.1371/notarealdoi",
    "10.5555/fabricated.2020.001",
    "10.1016/j.fake.2019.12.004",
    "10.5281/zenodo.99999999",
]
ARXIV_REAL = {
    "2201.13452": "Yin, H.-M., & Zou, J. (2022). Asymptotic analysis for a nonlinear reaction-diffusion system modeling an infectious disease.",
    "1706.01836": "Yang, Y., Brorsen, K. R., Culpitt, T., Pak, M. V., & Hammes-Schiffer, S. (2017). Development of a practical multicomponent density functional for electron-proton correlation to produce accurate proton densities.",
    "1602.03411": "Ahmadi, N., Germaschewski, K., & Raeder, J. (2016). Effects of electron temperature anisotropy on proton mirror instability evolution.",
    "2407.11707": "Suzuki, T., Danjo, R., & Suda, T. (2024). The neutron skin-thickness of 208 Pb determined by electron and proton scattering.",
    "1706.03762": "Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., Kaiser, L., & Polosukhin, I. (2017). Attention is all you need.",
    "2104.01234": "Park, L., & Haddad, O. (2021). Deep learning sleep staging from wrist accelerometry.",
}
PMID_REAL = {
    "27933103": "Scalfani VF, Williams AJ, Tkachenko V, Karapetyan K, Pshenichnov A, Hanson RM, Liddie JM, Bara JE. Programmatic conversion of crystal structures into 3D printable files using Jmol. J Cheminform. 2016;8:66.",
    "34813072": "Liu S, Narancic T, Davis C, O'Connor KE. CRISPR-Cas9 editing of the synthesis of biodegradable polyesters polyhydroxyalkanaotes (PHA) in Pseudomonas putida KT2440. Methods Mol Biol. 2022;2397:341-358.",
}

PMCID_REAL = {
    "PMC3539452": "Kind PC, Sengpiel F, Beaver CJ, Crocker-Buque A, Kelly GM, Matthews RT, Mitchell DE. The development and activity-dependent expression of aggrecan in the cat visual cortex. Cereb Cortex. 2013;23(2):349-360.",
}


def _apa(work: dict[str, Any]) -> str | None:
    """An APA-like reference string for a Crossref work (None without title/authors)."""
    title = (work.get("title") or [None])[0]
    authors = [a for a in work.get("author", []) if a.get("family")]
    # Records no one would cite as such: test deposits, titles in MathML markup.
    if not title or not authors or len(title) < 15 or "<" in title:
        return None
    names = ", ".join(
        f"{a['family']}, {''.join(p[0] + '.' for p in (a.get('given') or 'X').split())}"
        for a in authors[:6]
    )
    year = ((work.get("issued") or {}).get("date-parts") or [[None]])[0][0] or "n.d."
    container = (work.get("container-title") or [""])[0]
    vol = work.get("volume", "")
    pages = work.get("page", "")
    return f"{names} ({year}). {title}. {container}, {vol}, {pages}.".replace(", , ", ", ")


def dblp_conference_papers() -> list[str]:
    """Reference strings for the recorded DBLP hits of conference papers (no DOI given:
    the DBLP route is for references without one)."""
    out = []
    for hit in other_registries.recorded_dblp():
        info = hit["info"]
        if info.get("type") != "Conference and Workshop Papers" or info.get("venue") != (
            "SIGMOD Conference"
        ):
            continue
        people = info["authors"]["author"]
        people = people if isinstance(people, list) else [people]
        names = []
        for p in people:
            parts = re.sub(r"\s+\d{4}$", "", p["text"]).split()
            names.append(f"{parts[-1]}, {' '.join(w[0] + '.' for w in parts[:-1])}")
        title = html.unescape(info["title"]).rstrip(".")
        out.append(
            f"{', '.join(names)} ({info['year']}). {title}. In Proceedings of the "
            f"{info['year']} ACM SIGMOD International Conference on Management of Data "
            f"(pp. {info.get('pages', '')})."
        )
    return out


def references(store: Store) -> list[tuple[Reference, str, bool]]:
    """(reference, route label, fabricated?) for the mixed list."""
    out: list[tuple[Reference, str, bool]] = []
    line = 0

    def add(text: str, label: str, fake: bool, doi: str | None = None) -> None:
        nonlocal line
        line += 1
        ref = Reference(text=text, doi=doi, location=Location(path="bench.md", line=line))
        out.append((ref, label, fake))

    for doi, work in sorted(store.works.items()):
        if work.get("type") != "journal-article":
            continue
        text = _apa(work)
        if text is None:
            continue
        add(f"{text} https://doi.org/{doi}", "doi", False)
        add(text, "search", False)
    for doi, (agency, csl) in sorted(store.other.items()):
        if agency.get("id") != "datacite" or doi.startswith("10.48550/"):
            continue  # arXiv DOIs are cited by arXiv id above
        names = ", ".join(a["family"] for a in csl.get("author", []) if a.get("family"))
        year = (csl.get("issued", {}).get("date-parts") or [["n.d."]])[0][0]
        text = f"{names} ({year}). {csl['title']} [Data set]. {csl.get('publisher', '')}."
        add(f"{text} https://doi.org/{doi}", "datacite", False)
    for ident, text in ARXIV_REAL.items():
        add(f"{text} arXiv:{ident}", "arxiv", False)
    for pmid, text in PMID_REAL.items():
        add(f"{text} PMID: {pmid}", "pmid", False)
    for pmcid, text in PMCID_REAL.items():
        add(f"{text} PMCID: {pmcid}", "pmcid", False)
    for text in dblp_conference_papers():
        add(text, "dblp", False)
    for text in FABRICATED:
        add(text, "search", True)
    for text in FABRICATED_CS:
        add(text, "dblp", True)
    for n, ident in enumerate(FAKE_ARXIV):
        add(f"{FABRICATED[n][:90]}. arXiv:{ident}", "arxiv", True)
    for n, pmid in enumerate(FAKE_PMID):
        add(f"{FABRICATED[n + 4][:90]}. PMID: {pmid}", "pmid", True)
    for n, pmcid in enumerate(FAKE_PMCID):
        add(f"{FABRICATED[n + 10][:90]}. PMCID: {pmcid}", "pmcid", True)
    for n, doi in enumerate(FAKE_DOI):
        label = "datacite" if datacite.routed_here(doi) else "doi"
        add(f"{FABRICATED[n + 6]} https://doi.org/{doi}", label, True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--crossref-only",
        action="store_true",
        help="the route before issue 17: identifiers ignored, no OpenAlex (for before/after)",
    )
    parser.add_argument(
        "--no-datacite-rest",
        action="store_true",
        help="DataCite DOIs by content negotiation and PMCIDs not read, as before the "
        "DataCite REST and PMCID routes",
    )
    parser.add_argument(
        "--no-dblp",
        action="store_true",
        help="every route but DBLP (computer-science references go to Crossref's search)",
    )
    args = parser.parse_args()
    if args.crossref_only or args.no_datacite_rest:
        resolve.pmcid_of = lambda ref: None
        lookup.routed_here = lambda doi: False  # type: ignore[assignment]

        async def no_rest(self: datacite.DataCite, doi: str) -> None:
            return None  # "not held": content negotiation follows, no request made

        datacite.DataCite.work = no_rest  # type: ignore[assignment,method-assign]
    if args.crossref_only:
        resolve.arxiv_of = lambda ref: None
        resolve.pmid_of = lambda ref: None
        resolve.pmcid_of = lambda ref: None
        resolve._ARXIV_DOI = "no arxiv route"
    if args.crossref_only or args.no_dblp:
        resolve.dblp_query = lambda ref: None
    store = Store.load(RECORDS)
    refs = references(store)
    with StandIn(store) as server, tempfile.TemporaryDirectory() as cache:
        settings = other_registries.standin_settings(
            server,
            cache,
            deadline=600,
            **({"openalex_url": DEFAULT_OPENALEX_URL} if args.crossref_only else {}),
        )
        doc = Document(path="bench.md", format="markdown", references=tuple(r for r, _, _ in refs))
        policy = Policy(single_rate=200, list_rate=200, doi_rate=200, concurrency=4)
        outcome = resolve_all([doc], settings, policy=policy)
        counts = Counter(server.counts)
    t = Thresholds.from_settings(settings)
    verdicts = [verdict(r, outcome.resolutions[0][i], t) for i, (r, _, _) in enumerate(refs)]
    routes = Counter(label for _, label, _ in refs)
    planned = Counter(plan_reference(r).id_kind for r, _, _ in refs)
    n = len(refs)
    total = counts["requests"]
    print(
        f"{n} references ({sum(f for _, _, f in refs)} fabricated); routes {dict(routes)}; "
        f"planned identifier kinds {dict(planned)}"
    )
    print()
    print("| registry | requests | per reference |")
    print("| --- | ---: | ---: |")
    for key, name in (
        ("crossref-array", "Crossref lists (batches, searches)"),
        ("crossref-single", "Crossref single works"),
        ("doi", "doi.org"),
        ("arxiv", "arXiv API"),
        ("eutils", "PubMed ESummary"),
        ("openalex", "OpenAlex"),
        ("datacite", "DataCite REST"),
        ("dblp", "DBLP"),
    ):
        print(f"| {name} | {counts[key]} | {counts[key] / n:.2f} |")
    print(f"| all | {total} | {total / n:.2f} |")
    print()
    print("| route | references | verified | disagrees | not-found | not-checked | not-looked-up |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for route in sorted(routes):
        for fake in (False, True):
            sel = [
                v
                for v, (_, lab, f) in zip(verdicts, refs, strict=True)
                if lab == route and f == fake
            ]
            if not sel:
                continue
            c = Counter(v.status for v in sel)
            name = f"{route} ({'fabricated' if fake else 'real'})"
            print(
                f"| {name} | {len(sel)} | {c['verified']} | {c['disagrees']} | {c['not-found']} "
                f"| {c['not-checked']} | {c['not-looked-up']} |"
            )
    flagged = [v.status in ("not-found", "disagrees") for v in verdicts]
    fake = [f for _, _, f in refs]
    tp = sum(a and b for a, b in zip(flagged, fake, strict=True))
    fp = sum(a and not b for a, b in zip(flagged, fake, strict=True))
    fn = sum(b and not a for a, b in zip(flagged, fake, strict=True))
    print()
    print(
        f"flagged (not-found or disagrees) vs fabricated: TP {tp}, FP {fp}, FN {fn}; "
        f"precision {tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f}"
    )
    for v, (r, lab, f) in zip(verdicts, refs, strict=True):
        if (v.status in ("not-found", "disagrees")) != f:
            print(f"  miss: {lab} {'fabricated' if f else 'real'} {v.status}: {r.text[:100]}")


if __name__ == "__main__":
    main()
