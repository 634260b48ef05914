"""Benchmark: the Crossref resolver against a loopback Crossref imitation.

For N references with DOIs (real DOIs from the biblio-glutton sample, default 200)
it measures HTTP requests, 429s and wall time of

* citecheck's resolver, cold (empty cache) and warm (second run, same cache),
* a naive client: one ``GET /works/{doi}`` after another, sleeping 1 s on a 429,

and compares the cold time with the minimum the advertised limits allow for the
requests citecheck makes: ``(k - 1) / rate + latency`` for ``k`` list requests
(concurrency is not the bottleneck at 150 ms latency).

    python -m bench.speed.registry_loopback [--dataset PATH] [--n 200] [--missing 10]
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
import time
from pathlib import Path

import httpx

from citecheck.model.document import Document, Location, Reference
from citecheck.model.resolution import Found, NotFound
from citecheck.model.settings import Settings
from citecheck.registry.http import Policy
from citecheck.registry.resolve import resolve_all
from citecheck.text.doi import normalise_doi
from tests.support.crossref_server import State, serve

DEFAULT_DATASET = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "datasets"
    / "refstrings"
    / "glutton_references-doi-matching_sample300.json"
)


def load_dois(path: Path, n: int) -> list[str]:
    seen: dict[str, None] = {}
    for row in json.loads(path.read_text(encoding="utf-8")):
        doi = normalise_doi(row.get("doi"))
        if doi:
            seen.setdefault(doi, None)
    dois = list(seen)[:n]
    if len(dois) < n:
        raise SystemExit(f"only {len(dois)} DOIs in {path}")
    return dois


def documents(dois: list[str]) -> list[Document]:
    """Ten manuscripts of N/10 references each (DOIs shared across runs, not across docs)."""
    per = math.ceil(len(dois) / 10)
    out = []
    for i in range(0, len(dois), per):
        refs = tuple(
            Reference(text=f"Ref {j}", doi=d, location=Location(path=f"m{i}.md"))
            for j, d in enumerate(dois[i : i + per])
        )
        out.append(Document(path=f"m{i}.md", format="markdown", references=refs))
    return out


def run_citecheck(
    state: State, url: str, dois: list[str], cache: Path, mailto: str | None
) -> dict[str, float]:
    state.reset()
    settings = Settings(
        crossref_url=url, doi_url=url, cache_dir=str(cache), mailto=mailto, deadline=600
    )
    docs = documents(dois)
    # Built outside the timing: an httpx client's TLS set-up (~0.3 s here, once per
    # process) does not depend on how requests are paced. resolve_all builds its own
    # client only when something must be fetched, so warm runs never pay it.
    client = httpx.AsyncClient(timeout=30)
    t0 = time.perf_counter()
    outcome = resolve_all(docs, settings, client=client, progress=None, policy=Policy())
    wall = time.perf_counter() - t0
    res = [r.by_doi for d in outcome.resolutions for r in d.values()]
    return {
        "wall": wall,
        "requests": state.counts["requests"],
        "429": state.counts["429"],
        "list": state.counts["array"],
        "single": state.counts["single"],
        "handle": state.counts["handle"],
        "found": sum(isinstance(r, Found) for r in res),
        "not_found": sum(isinstance(r, NotFound) for r in res),
        "skipped": len(outcome.skipped),
    }


def run_naive(state: State, url: str, dois: list[str], mailto: str | None) -> dict[str, float]:
    state.reset()
    ua = f"naive/1.0 (mailto:{mailto})" if mailto else "naive/1.0"
    found = 0
    t0 = time.perf_counter()
    with httpx.Client(headers={"User-Agent": ua}, timeout=30) as client:
        for doi in dois:
            for _ in range(10):
                r = client.get(f"{url}/works/{doi}")
                if r.status_code != 429:
                    found += r.status_code == 200
                    break
                time.sleep(1.0)
    return {
        "wall": time.perf_counter() - t0,
        "requests": state.counts["requests"],
        "429": state.counts["429"],
        "found": found,
    }


def minimum(
    list_requests: int, single_requests: int, handle_requests: int, state: State, polite: bool
) -> float:
    """Lower bound from the advertised limits for citecheck's request plan.

    ``k`` list requests need ``(k - 1) / rate + latency``. DOIs missing from the batch
    answers add, at best, one single look-up and one handle look-up after the last
    batch (two latencies), and the singles must respect the single pool's rate too.
    """
    arr = state.pools["polite-array" if polite else "public-array"]
    sgl = state.pools["polite-single" if polite else "public-single"]
    t = 0.0
    if list_requests:
        t = (list_requests - 1) * arr.interval / arr.limit + state.latency
    if single_requests:
        by_rate = (single_requests - 1) * sgl.interval / sgl.limit + state.latency
        t = max(t + state.latency, by_rate)
    if handle_requests:
        t += state.latency
    return t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument(
        "--missing", type=int, default=10, help="DOIs the server does not know (2nd scenario)"
    )
    parser.add_argument("--latency", type=float, default=0.15)
    args = parser.parse_args()
    dois = load_dois(args.dataset, args.n)
    mailto = "bench@example.org"
    # Warm-up: the first HTTP request of a process imports httpcore/anyio (~0.6 s here),
    # a one-off cost that says nothing about request pacing.
    state = State(dois=set(dois[:1]), latency=0.0)
    server, url = serve(state)
    with tempfile.TemporaryDirectory() as tmp:
        run_citecheck(state, url, dois[:1], Path(tmp), mailto)
    server.shutdown()
    rows = []
    for label, missing, polite in (
        ("all registered, polite", 0, True),
        (f"{args.missing} unregistered, polite", args.missing, True),
        ("all registered, public (no mailto)", 0, False),
    ):
        state = State(dois=set(dois[missing:]), latency=args.latency)
        server, url = serve(state)
        try:
            with tempfile.TemporaryDirectory() as tmp:
                cold = run_citecheck(state, url, dois, Path(tmp), mailto if polite else None)
                warm = run_citecheck(state, url, dois, Path(tmp), mailto if polite else None)
            naive = run_naive(state, url, dois, mailto if polite else None)
        finally:
            server.shutdown()
        floor = minimum(int(cold["list"]), int(cold["single"]), int(cold["handle"]), state, polite)
        rows.append((label, cold, warm, naive, floor))
    print(f"{len(dois)} references with DOIs, latency {args.latency * 1000:.0f} ms\n")
    print(
        "| scenario | client | requests (list/single/handle) | 429s | wall s | floor s | wall/floor |"
    )
    print("|---|---|---|---|---|---|---|")
    for label, cold, warm, naive, floor in rows:
        print(
            f"| {label} | citecheck cold | {cold['requests']:.0f} ({cold['list']:.0f}/{cold['single']:.0f}/"
            f"{cold['handle']:.0f}) | {cold['429']:.0f} | {cold['wall']:.2f} | {floor:.2f} | "
            f"{cold['wall'] / floor:.2f} |"
        )
        print(
            f"| {label} | citecheck warm | {warm['requests']:.0f} | {warm['429']:.0f} | {warm['wall']:.2f} | – | – |"
        )
        print(
            f"| {label} | naive 1 req/DOI | {naive['requests']:.0f} | {naive['429']:.0f} | "
            f"{naive['wall']:.2f} | – | – |"
        )
        print(
            f"|  | (found/not found/skipped: {cold['found']:.0f}/{cold['not_found']:.0f}/"
            f"{cold['skipped']:.0f}; warm {warm['found']:.0f}/{warm['not_found']:.0f}) | | | | | |"
        )


if __name__ == "__main__":
    main()
