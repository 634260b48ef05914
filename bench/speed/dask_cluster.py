"""The same offline batch with ``citecheck check --jobs 1|2``, with
``citecheck check --dask-scheduler`` against a Dask ``LocalCluster`` of 1 and 2
single-threaded worker processes, and as one Dask task a manuscript through
``citecheck.api.check`` (the first measurement, before the option existed).

Needs the optional extra: ``pip install -e '.[dask]'``. Prints wall and CPU seconds (this
process and its children: the cluster's worker and nanny processes are children)
and whether the findings equal those of ``--jobs 1``. Results: docs/scale.md.

    python -m bench.speed.dask_cluster [--count 60] [--engines jobs,option]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.speed.check import generate

ROOT = Path(__file__).resolve().parents[2]


def _cpu() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        ru = resource.getrusage(who)
        total += ru.ru_utime + ru.ru_stime
    return total


def _digest(findings: list[Any]) -> str:
    rows = sorted(json.dumps(f, sort_keys=True) for f in findings)
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]


def check_one(path: str) -> list[dict[str, Any]]:
    """One manuscript, offline, in a Dask worker: its findings as JSON objects."""
    import citecheck.api as api
    from citecheck.model.settings import Settings
    from citecheck.reporters import render

    report = api.check([path], Settings(offline=True, no_cache=True, jobs=1))
    findings = json.loads(render(report, "json"))["findings"]  # as the JSON report has them
    assert isinstance(findings, list)
    return findings


def with_dask(paths: list[str], workers: int) -> tuple[float, float, str]:
    from distributed import Client, LocalCluster

    cpu0, t0 = _cpu(), time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        results = client.gather(client.map(check_one, paths))
    wall = time.perf_counter() - t0
    findings = [f for part in results for f in part]
    return wall, _cpu() - cpu0, _digest(findings)


def with_jobs(folder: Path, jobs: int) -> tuple[float, float, str]:
    cpu0, t0 = _cpu(), time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "citecheck", "check", "manuscripts", "--offline", "--no-cache",
         "--jobs", str(jobs), "--format", "json"],
        cwd=folder, capture_output=True, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr.decode()[-2000:])
    return wall, _cpu() - cpu0, _digest(json.loads(proc.stdout)["findings"])


def with_option(folder: Path, workers: int) -> tuple[float, float, str]:
    """``citecheck check --dask-scheduler`` against a LocalCluster started here (its
    worker processes are this process's children, so their CPU is counted)."""
    from distributed import LocalCluster

    cpu0, t0 = _cpu(), time.perf_counter()
    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        proc = subprocess.run(
            [sys.executable, "-m", "citecheck", "check", "manuscripts", "--offline",
             "--no-cache", "--dask-scheduler", cluster.scheduler_address, "--format", "json"],
            cwd=folder, capture_output=True, check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr.decode()[-2000:])
    return wall, _cpu() - cpu0, _digest(json.loads(proc.stdout)["findings"])


def main() -> None:
    """Command-line entry point: prints a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument(
        "--engines",
        default="jobs,tasks,option",
        help="comma-separated: jobs (--jobs N), tasks (one api.check a manuscript as a "
        "Dask task), option (--dask-scheduler against a LocalCluster)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "manuscripts").mkdir()
        paths = []
        for i in range(args.count):
            path = folder / "manuscripts" / f"m{i:04d}.md"
            text = generate(40, seed=i + 1)
            if i % 3 == 0:  # a third lose their last reference: cited-not-listed findings
                text = text.rstrip().rsplit("\n", 1)[0] + "\n"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        os.chdir(folder)  # findings carry paths relative to the current folder
        print("| engine | workers | manuscripts | wall s | CPU s | findings digest |")
        print("| --- | --- | --- | --- | --- | --- |")
        engines = args.engines.split(",")
        rel = [str(Path(p).relative_to(folder)) for p in paths]
        runs = {
            "jobs": ("--jobs", lambda w: with_jobs(folder, w)),
            "tasks": ("Dask tasks (api.check each)", lambda w: with_dask(rel, w)),
            "option": ("--dask-scheduler LocalCluster", lambda w: with_option(folder, w)),
        }
        for engine in engines:
            label, run = runs[engine]
            for workers in (1, 2):
                wall, cpu, digest = run(workers)
                print(f"| {label} | {workers} | {args.count} | {wall:.1f} | {cpu:.1f} "
                      f"| {digest} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
