"""Manuscripts per minute of an offline batch with 1 and 2 worker processes (``--jobs``).

Writes N generated manuscripts (``bench.speed.check.generate``: 40 references, five
citations each, mixed styles; a different seed per manuscript) into a temporary
``manuscripts/`` folder, runs ``citecheck check manuscripts --offline --no-cache
--jobs J --format json`` in a fresh process per J, and prints wall and CPU time,
manuscripts per minute, and whether the JSON reports are identical. Results go to
docs/scale.md.

    python -m bench.speed.batch_jobs [--count 500] [--jobs 1,2] [--references 40]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.speed.check import generate

_COMMAND = (sys.executable, "-m", "citecheck", "check", "manuscripts", "--offline", "--no-cache")


def run(folder: Path, jobs: int) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (children) and the report's digest of one batch run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [*_COMMAND, "--jobs", str(jobs), "--format", "json"],
        cwd=folder,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        check=False,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"--jobs {jobs}: exit {proc.returncode}\n{proc.stderr.decode()[-2000:]}")
    return wall, cpu, hashlib.sha256(proc.stdout).hexdigest()[:16]


def main() -> None:
    """Command-line entry point: prints a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--references", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "manuscripts").mkdir()
        for i in range(args.count):
            text = generate(args.references, seed=i + 1)
            (folder / "manuscripts" / f"m{i:04d}.md").write_text(text, encoding="utf-8")
        print("| jobs | manuscripts | wall s | CPU s | manuscripts/min (wall) | report digest |")
        print("| --- | --- | --- | --- | --- | --- |")
        for jobs in (int(j) for j in args.jobs.split(",")):
            wall, cpu, digest = run(folder, jobs)
            print(
                f"| {jobs} | {args.count} | {wall:.1f} | {cpu:.1f} | "
                f"{args.count / wall * 60:.0f} | {digest} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
