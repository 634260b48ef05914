"""Run the command line on a generated case under resource limits and measure it.

Peak memory is the child's own ``ru_maxrss`` (from ``os.wait4``), time is wall and
CPU; an address-space limit (``RLIMIT_AS``) and a wall-clock timeout bound a runaway
case, so a regression fails instead of taking the machine down.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .generators import Case


@dataclass(frozen=True)
class Result:
    """What one run did."""

    exit: int  # -9 etc. when killed by a signal
    stdout: str
    stderr: str
    wall: float
    cpu: float
    peak_mb: float
    timed_out: bool

    @property
    def output(self) -> str:
        """Standard output and error together."""
        return self.stdout + "\n" + self.stderr

    def first_message(self) -> str:
        """The last non-empty line of standard error (where the error goes), shortened."""
        lines = [ln for ln in self.stderr.splitlines() if ln.strip()]
        text = lines[-1] if lines else (self.stdout.strip().splitlines() or [""])[-1]
        return text[:160]


def run_cli(
    case: Case,
    folder: Path,
    *,
    args: tuple[str, ...] | None = None,
    mem_bytes: int = 6_000_000_000,
    timeout: float = 120.0,
    niceness: int = 10,
    root: Path | None = None,
) -> Result:
    """``citecheck check --offline`` on ``case`` (or ``args``) in ``folder``; never raises."""
    argv = [
        sys.executable,
        "-m",
        "citecheck",
        "check",
        "--offline",
        "--no-cache",
        *(args if args is not None else case.args),
    ]

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (mem_bytes, mem_bytes))
        os.nice(niceness)

    # ``root``: the checkout whose citecheck runs (default: this one), e.g. a baseline
    env = {**os.environ, "PYTHONPATH": str(root or Path(__file__).resolve().parents[2])}
    env.pop("CITECHECK_DEBUG", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            cwd=folder / case.cwd,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            preexec_fn=limits,
            env=env,
        )
        fired = threading.Event()

        def kill() -> None:
            fired.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        return Result(
            exit=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            peak_mb=usage.ru_maxrss / 1024,
            timed_out=fired.is_set(),
        )


def report_difference(a: str, b: str) -> str | None:
    """None when two JSON reports hold the same findings and counts, once the ``enc/`` and
    ``utf8/`` folder names are dropped; otherwise a short description of the difference."""
    import json

    try:
        ra, rb = json.loads(a), json.loads(b)
    except ValueError:
        return "not a JSON report"

    def norm(rep: dict[str, object]) -> str:
        body = {"findings": rep.get("findings"), "summary": rep.get("summary")}
        return json.dumps(body, sort_keys=True).replace("enc/", "").replace("utf8/", "")

    if norm(ra) == norm(rb):
        return None
    sa, sb = ra.get("summary", {}), rb.get("summary", {})
    return (
        f"{len(ra.get('findings', []))} vs {len(rb.get('findings', []))} findings, "
        f"{sa.get('citations')}/{sa.get('references')} vs {sb.get('citations')}/{sb.get('references')}"
        " citations/references"
    )
