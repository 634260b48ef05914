"""Online batch throughput against the loopback Crossref stand-in, with and without a
snapshot, for ``--jobs 1`` and ``--jobs 2``.

Writes N generated manuscripts (``bench.speed.check.generate``, 40 references each)
whose references carry DOIs under ``10.9999/`` (a quarter of them cited from a shared
pool of popular works, as real bibliographies overlap) and, for ``--no-doi`` of
them, none (those are searched). ``tests/support/crossref_server.py`` answers on
loopback with 150 ms latency and Crossref's published polite-pool limits (list
requests 3/s, concurrency 3; single look-ups 10/s), answering 429 when exceeded.
Each row is a fresh ``citecheck check`` process (all rules but off-topic, so that
the registry is what is measured); the floor is the least time those limits allow
for the list requests the run made: ``(k - 1) / 3 + latency``.

Rows: cold cache with 1 and 2 workers; warm cache; no cache but a snapshot built
from the cold run's cache (``snapshot build --from-cache``), with the stand-in
counting that no request was made. Findings must be identical in every row.

    python -m bench.speed.batch_online [--count 50] [--no-doi 0.1]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.speed.check import generate
from tests.support.crossref_server import State, serve

ROOT = Path(__file__).resolve().parents[2]
RATE = 3.0  # polite list requests per second (Crossref, recorded July 2026)


def manuscripts(folder: Path, count: int, no_doi: float) -> tuple[int, int]:
    """Write ``count`` manuscripts; returns (distinct DOIs, references without DOI)."""
    rng = random.Random(18)
    folder.mkdir(parents=True)
    dois: set[str] = set()
    bare = 0
    for k in range(count):
        text = generate(40, seed=k + 1)
        head, refs = text.split("## References\n", 1)
        lines = []
        for j, line in enumerate(refs.split("\n")):
            if line.strip():
                roll = rng.random()
                if roll < no_doi:
                    bare += 1
                else:
                    shared = roll < no_doi + 0.25
                    doi = f"10.9999/shared.{rng.randrange(300)}" if shared else f"10.9999/m{k}.{j}"
                    dois.add(doi)
                    line += f" https://doi.org/{doi}"
            lines.append(line)
        (folder / f"m{k:04d}.md").write_text(head + "## References\n" + "\n".join(lines), "utf-8")
    return len(dois), bare


def run(cwd: Path, url: str, jobs: int, extra: list[str]) -> tuple[float, float, str]:
    """Wall s, CPU s (the citecheck process tree) and the digest of the findings."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "citecheck",
            "check",
            "manuscripts",
            "--ignore",
            "off-topic",
            "--format",
            "json",
            "--jobs",
            str(jobs),
            "--crossref-url",
            url,
            "--doi-url",
            url,
            "--mailto",
            "bench@example.org",
            "--deadline",
            "3600",
            *extra,
        ],
        cwd=cwd,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"exit {proc.returncode}\n{proc.stderr.decode()[-2000:]}")
    findings = json.loads(proc.stdout)["findings"]
    digest = hashlib.sha256(json.dumps(findings, sort_keys=True).encode()).hexdigest()[:16]
    return wall, cpu, digest


def main() -> None:
    """Command-line entry point: prints a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--no-doi", type=float, default=0.1)
    args = parser.parse_args()
    state = State(dois=set(), known_prefix="10.9999/")
    server, url = serve(state)
    work = Path(tempfile.mkdtemp(prefix="online-"))
    n_dois, bare = manuscripts(work / "manuscripts", args.count, args.no_doi)
    print(
        f"{args.count} manuscripts, {args.count * 40} references: {n_dois} distinct DOIs, "
        f"{bare} references without DOI; latency {state.latency * 1000:.0f} ms\n"
    )
    print(
        "| run | jobs | requests (list/single/handle) | 429s | wall s | CPU s "
        "| floor s | wall/floor | manuscripts/min | findings digest |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    rows = [
        ("cold cache", 1, ["--cache-dir", str(work / "c1")]),
        ("cold cache", 2, ["--cache-dir", str(work / "c2")]),
        ("warm cache", 2, ["--cache-dir", str(work / "c2")]),
        ("snapshot from the cache, no cache", 2, ["--no-cache", "--snapshot", "snap.sqlite3"]),
    ]
    for label, jobs, extra in rows:
        if "--snapshot" in extra and not (work / "snap.sqlite3").exists():
            subprocess.run(
                [sys.executable, "-m", "citecheck", "snapshot", "build", "--from-cache",
                 "--cache-dir", str(work / "c1"), "--out", str(work / "snap.sqlite3")],
                cwd=work, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                capture_output=True,
            )  # fmt: skip
        state.reset()
        wall, cpu, digest = run(work, url, jobs, extra)
        c = state.counts
        k = c["array"]
        floor = (k - 1) / RATE + state.latency if k else 0.0
        ratio = f"{wall / floor:.2f}" if floor else ""
        print(
            f"| {label} | {jobs} | {c['requests']} ({c['array']}/{c['single']}/{c['handle']}) "
            f"| {c['429']} | {wall:.1f} | {cpu:.1f} | {floor:.1f} | {ratio} "
            f"| {args.count / wall * 60:.0f} | {digest} |"
        )
    server.shutdown()


if __name__ == "__main__":
    main()
