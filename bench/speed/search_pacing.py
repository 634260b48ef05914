"""Bibliographic searches against the loopback stand-in: pace with and without a
contact e-mail, and after injected 429s; what the progress line said.

The stand-in (``tests/support/registry_standin.py``) advertises and enforces
Crossref's 2026 pools: list requests (searches and DOI batches) 3/s with 3 at once
for the polite pool (a ``mailto:`` in the User-Agent), 1/s with 1 at once for the
public pool; single works 10/s (polite) and 3/s (public); 150 ms latency. References
are written from the stand-in's own records (so most searches find their work), a
few are invented (the search answers, but nothing matches), and a few carry a DOI
registered nowhere (searched in a second round).

Rows: public pool; polite pool; polite pool with ``--faults`` spurious 429s (no
Retry-After) injected into the first requests. Columns: searches, wall seconds,
searches per second over the run and over its last third (does the pace recover
after the 429s?), 429s, and the progress line's totals (every distinct total shown,
so a total that jumps mid-run shows as two numbers) and final counts.

    python -m bench.speed.search_pacing [--n 60] [--faults 4]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from citecheck.model.document import Document, Location, Reference
from citecheck.model.settings import Settings
from citecheck.registry.http import Policy
from citecheck.registry.resolve import resolve_all
from tests.support.registry_standin import Behaviour, StandIn, Store

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "tests" / "fixtures" / "registry_e2e" / "records"


def references(store: Store, n: int) -> list[Reference]:
    """``n`` references: 80 % written from records, 10 % invented, 10 % bad DOIs."""
    rng = random.Random(16)
    works = sorted(
        (w for w in store.works.values() if w.get("title") and w.get("author")),
        key=lambda w: str(w["DOI"]),
    )
    out: list[Reference] = []
    for i in range(n):
        roll = i % 10
        work = works[rng.randrange(len(works))]
        first = work["author"][0]
        name = first.get("family") or first.get("name") or "Anon"
        year = ((work.get("issued") or {}).get("date-parts") or [[2000]])[0][0]
        venue = (work.get("container-title") or [""])[0]
        title = work["title"][0]
        doi = None
        if roll == 8:
            title = f"Invented study number {i} of nothing in particular at all"
        if roll == 9:
            doi = f"10.9999/unregistered.{i}"
        text = f"{name}, A. ({year}). {title}. {venue}."
        out.append(Reference(text=text, doi=doi, location=Location(path="p.md", line=i + 1)))
    return out


def row(label: str, store: Store, refs: list[Reference], *, mailto: str | None, faults: int) -> str:
    """One run in a fresh stand-in and cache; a Markdown table row."""
    behaviour = Behaviour(
        latency=0.15,
        single_rate=10,
        array_rate=3,
        concurrency=3,
        public_factor=1 / 3,
        flaky=1.0 if faults else 0.0,
        faults=("429",),
        max_faults=faults,
    )
    totals: list[int] = []
    last = [""]

    def progress(label: str, done: int, total: int) -> None:
        if not totals or totals[-1] != total:
            totals.append(total)
        if "waiting" not in label:
            last[0] = label
            stamps.append(time.perf_counter())

    stamps: list[float] = []
    with StandIn(store, behaviour) as standin, tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            mailto=mailto,
            crossref_url=standin.crossref_url,
            doi_url=standin.doi_url,
            cache_dir=str(Path(tmp) / "cache"),
            deadline=3600,
        )
        doc = Document(path="p.md", format="markdown", references=tuple(refs))
        t0 = time.perf_counter()
        outcome = resolve_all([doc], settings, progress=progress, policy=Policy())
        wall = time.perf_counter() - t0
        counts = standin.counts
    searches = outcome.requests.get("list", 0)
    third = [s for s in stamps if s >= t0 + 2 * wall / 3]
    tail = len(third) / (wall / 3) if wall else 0.0
    shown = " -> ".join(str(t) for t in totals)
    final = last[0].removeprefix("registry: ")
    return (
        f"| {label} | {searches} | {wall:.1f} | {searches / wall:.2f} | {tail:.2f} "
        f"| {counts['429'] + counts['fault:429']} | {shown} | {final} |"
    )


def main() -> None:
    """Command-line entry point: prints a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--faults", type=int, default=4)
    args = parser.parse_args()
    store = Store.load([RECORDS])
    refs = references(store, args.n)
    print(
        "| run | list requests | wall s | list req/s | answers/s in the last third | 429s "
        "| progress totals | final progress |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(row("public pool (no --mailto)", store, refs, mailto=None, faults=0))
    print(row("polite pool (--mailto)", store, refs, mailto="b@example.org", faults=0))
    print(
        row(
            f"polite, {args.faults} injected 429s",
            store,
            refs,
            mailto="b@example.org",
            faults=args.faults,
        )
    )


if __name__ == "__main__":
    main()
