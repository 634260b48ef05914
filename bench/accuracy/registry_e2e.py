"""Benchmark: the registry checks end to end, the way CI or a judge runs them.

``citecheck check`` runs as a subprocess on the three test manuscripts of
``tests/fixtures/registry_e2e/manuscripts`` (their reference lines carry the ground
truth: ``<!-- expect: rule -->``, ``<!-- allow: rule -->``, traps unmarked), pointed at
``tests/support/registry_standin.py`` only through ``CITECHECK_CROSSREF_URL`` /
``CITECHECK_DOI_URL`` / ``CITECHECK_MAILTO`` / ``CITECHECK_CACHE_DIR`` /
``CITECHECK_OFFLINE``. Modes: healthy; a warm ``--offline`` re-run on the healthy
run's cache; enforced rate limits that halve mid-run; flaky (random 503/502 pages,
truncated JSON, HTML with status 200, dropped connections, spurious 429s) over
several seeds; no server (connection refused).

    python -m bench.accuracy.registry_e2e [--latency 0.1] [--seeds 5] [--flaky 0.2]

Prints Markdown tables for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tests.support import other_registries
from tests.support.registry_standin import Behaviour, StandIn, Store

ROOT = Path(__file__).resolve().parents[2]
E2E = ROOT / "tests" / "fixtures" / "registry_e2e"
MANUSCRIPTS = E2E / "manuscripts"
RECORDS = [ROOT / "tests" / "fixtures" / "crossref", E2E / "records"]
MARK = re.compile(r"<!--\s*(expect|allow):\s*(.*?)\s*-->\s*$")
Key = tuple[str, int, str]


def truth() -> tuple[set[Key], set[Key]]:
    """(expected, allowed) registry findings as (file, line, rule)."""
    expected: set[Key] = set()
    allowed: set[Key] = set()
    for path in sorted(MANUSCRIPTS.glob("*.md")):
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            m = MARK.search(line)
            if m:
                for item in m.group(2).split(","):
                    rule = item.strip().split("[")[0]
                    (expected if m.group(1) == "expect" else allowed).add((path.name, n, rule))
    return expected, allowed


def run(env: dict[str, str], *extra: str) -> tuple[dict[str, Any], int, float]:
    """One ``citecheck check`` subprocess: (JSON report, exit code, wall seconds)."""
    started = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "citecheck",
            "check",
            str(MANUSCRIPTS),
            "--format",
            "json",
            "--ignore",
            "off-topic",
            *extra,
        ],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return json.loads(proc.stdout), proc.returncode, time.monotonic() - started


def registry(report: dict[str, Any]) -> set[Key]:
    """The report's registry-family findings as (file, line, rule)."""
    return {
        (Path(f["location"]["path"]).name, f["location"]["line"], f["rule"])
        for f in report["findings"]
        if f["code"].startswith("CC2")
    }


def local(report: dict[str, Any]) -> list[Key]:
    """The other families' findings."""
    return sorted(
        (Path(f["location"]["path"]).name, f["location"]["line"], f["rule"])
        for f in report["findings"]
        if not f["code"].startswith("CC2")
    )


def skipped_refs(report: dict[str, Any]) -> int:
    """References the summary lists as not checked against the registry."""
    return sum(
        int(s["reason"].split(" of ", 1)[0])
        for s in report["summary"]["skipped_checks"]
        if s["reason"][:1].isdigit()
    )


def env_for(server: StandIn | None, cache: Path, **more: str) -> dict[str, str]:
    if server is None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
        urls = (dead, dead)
    else:
        urls = (server.crossref_url, server.doi_url)
    return {
        "CITECHECK_CROSSREF_URL": urls[0],
        "CITECHECK_DOI_URL": urls[1],
        **other_registries.urls(urls[0]),
        "CITECHECK_MAILTO": "bench@example.org",
        "CITECHECK_CACHE_DIR": str(cache),
        "CITECHECK_OFFLINE": "",
        **more,
    }


def requests(counts: Counter[str]) -> str:
    return (
        f"{counts['requests']} ({counts['crossref-array']}/{counts['crossref-single']}/"
        f"{counts['doi']})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--flaky", type=float, default=0.2)
    args = parser.parse_args()
    store = Store.load(RECORDS)
    expected, allowed = truth()
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "healthy"
        with StandIn(store, Behaviour(latency=args.latency)) as server:
            healthy, code, wall = run(env_for(server, cache))
            counts = Counter(server.counts)
        got = registry(healthy)
        per_rule: dict[str, list[int]] = {}
        for f, n, rule in expected:
            per_rule.setdefault(rule, [0, 0])[1] += 1
            per_rule[rule][0] += (f, n, rule) in got
        false = sorted(got - expected - allowed)
        print("| rule | found / planted |\n|---|---|")
        for rule, (hit, planted) in sorted(per_rule.items()):
            print(f"| {rule} | {hit} / {planted} |")
        lines = {(f, n) for f, n, _ in expected | allowed}
        traps = sum(
            1
            for p in MANUSCRIPTS.glob("*.md")
            for line in p.read_text(encoding="utf-8").split("\n")
            if "<!-- trap:" in line
        )
        print(
            f"\nfalse flags: {len(false)} {false} (on {traps} trap references and "
            f"{len(lines)} marked ones)\n"
        )
        rows.append(
            f"| healthy | {code} | {len(got & expected)}/{len(expected)} | {len(false)} | "
            f"{skipped_refs(healthy)} | {requests(counts)} | {counts['429']} | 0 | {wall:.1f} |"
        )

        offline, code, wall = run(env_for(None, cache, CITECHECK_OFFLINE="1"))
        same = "identical" if offline["findings"] == healthy["findings"] else "DIFFERENT"
        rows.append(
            f"| warm cache, CITECHECK_OFFLINE=1 ({same}) | {code} | "
            f"{len(registry(offline) & expected)}/{len(expected)} | "
            f"{len(registry(offline) - expected - allowed)} | {skipped_refs(offline)} | 0 | "
            f"0 | 0 | {wall:.1f} |"
        )

        limited = Behaviour(
            latency=args.latency,
            single_rate=10,
            array_rate=5,
            concurrency=2,
            drop_limits_after=12,
            retry_after="1",
        )
        with StandIn(store, limited) as server:
            rep, code, wall = run(env_for(server, Path(tmp) / "limited"))
            counts = Counter(server.counts)
        rows.append(
            f"| rate limits 10/5 per s, halved after 12 requests | {code} | "
            f"{len(registry(rep) & expected)}/{len(expected)} | "
            f"{len(registry(rep) - got)} | {skipped_refs(rep)} | {requests(counts)} | "
            f"{counts['429']} | 0 | {wall:.1f} |"
        )

        for seed in range(1, args.seeds + 1):
            flaky = Behaviour(
                latency=args.latency,
                flaky=args.flaky,
                single_rate=20,
                array_rate=10,
                concurrency=2,
                seed=seed,
            )
            with StandIn(store, flaky) as server:
                rep, code, wall = run(env_for(server, Path(tmp) / f"flaky{seed}"))
                counts = Counter(server.counts)
            wrong = registry(rep) - got
            changed_local = local(rep) != local(healthy)
            rows.append(
                f"| flaky {args.flaky:.0%}, seed {seed} | {code} | "
                f"{len(registry(rep) & expected)}/{len(expected)} | "
                f"{len(wrong)}{' LOCAL CHANGED' if changed_local else ''} | "
                f"{skipped_refs(rep)} | {requests(counts)} | {counts['429']} | "
                f"{counts['faults']} | {wall:.1f} |"
            )

        rep, code, wall = run(env_for(None, Path(tmp) / "none"))
        rows.append(
            f"| no server (connection refused) | {code} | "
            f"{len(registry(rep) & expected)}/{len(expected)} | "
            f"{len(registry(rep) - got)} | {skipped_refs(rep)} | 0 | 0 | 0 | {wall:.1f} |"
        )
    print(
        "| mode | exit | planted found | false findings | refs skipped | requests "
        "(list/single/doi.org) | 429s | faults | wall s |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
