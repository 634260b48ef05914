"""Speed and memory of an offline check on synthetic manuscripts.

Generates manuscripts with N references (N = 10, 100, 1,000, 10,000) and 5 citations
per reference in mixed styles (parenthetical groups, narrative, et al., Indonesian
"dan"/"dkk.", locators), runs ``citecheck check --offline`` on each in a fresh
process, and prints wall time and peak memory (max RSS). Also times
``citecheck --version``.

    python -m bench.speed.check [--sizes 10,100,1000,10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SURNAMES = (
    "Smith Nguyen Rahman Wijaya Putri Santoso García Müller Rossi Kowalski Tanaka Silva "
    "Okafor Johansson Dubois Ivanova Hartono Kusuma Pratama Lestari Suryadi Anderson Brown "
    "Clarke Davies Evans Fischer Gonzalez Hughes Ibrahim Jensen Kim Larsen Martin Novak "
    "Olsen Park Quinn Roberts Schmidt Taylor Usman Vargas Walker Xu Young Zhang"
).split()
WORDS = (
    "governance collaborative urban policy network trust public innovation digital city "
    "service participation local community health education data transparency reform "
    "capacity institutional analysis evidence regional development sustainability"
).split()


def _name(rng: random.Random, i: int) -> str:
    # unique surnames so links are unambiguous: base + index-derived suffix
    return f"{rng.choice(SURNAMES)}{chr(97 + i % 26)}{chr(97 + (i // 26) % 26)}{chr(97 + (i // 676) % 26)}"


def generate(n: int, seed: int = 1) -> str:
    """A Markdown manuscript with ``n`` references and ``5 n`` citations."""
    rng = random.Random(seed)
    refs = []
    for i in range(n):
        authors = [_name(rng, i)] + [rng.choice(SURNAMES) for _ in range(rng.randint(0, 3))]
        year = 1980 + i % 45
        refs.append((authors, year))
    body: list[str] = ["# A synthetic manuscript\n", "## Introduction\n"]
    for k in range(5):
        for i, (authors, year) in enumerate(refs):
            first = authors[0]
            if len(authors) == 1:
                paren, narr = f"{first}, {year}", f"{first} ({year})"
            elif len(authors) == 2:
                paren = f"{first} & {authors[1]}, {year}"
                narr = f"{first} dan {authors[1]} ({year})"
            else:
                paren, narr = f"{first} et al., {year}", f"{first} dkk. ({year})"
            words = " ".join(rng.choice(WORDS) for _ in range(12))
            style = (k + i) % 3
            if style == 0:
                body.append(f"The {words} was studied before ({paren}).")
            elif style == 1:
                body.append(f"{narr} discussed {words}.")
            else:
                body.append(f"See the {words} (see {paren}, p. {1 + i % 300}).")
        body.append("")
    body.append("## References\n")
    for authors, year in refs:
        names = ", ".join(f"{a}, {chr(65 + len(a) % 26)}." for a in authors[:-1])
        last = f"{authors[-1]}, {chr(65 + len(authors[-1]) % 26)}."
        who = f"{names}, & {last}" if names else last
        title = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize()
        body.append(
            f"{who} ({year}). {title}. *Journal of {rng.choice(WORDS).title()} Studies*, "
            f"{1 + year % 40}({1 + year % 4}), {10 + year % 90}–{30 + year % 90}.\n"
        )
    return "\n".join(body)


def run_once(path: Path) -> tuple[float, int]:
    """(seconds, peak RSS in KiB) of one ``citecheck check --offline`` in a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "citecheck",
            "check",
            "--offline",
            "--format",
            "json",
            "--ignore",
            "off-topic",
            str(path),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CITECHECK_OFFLINE": "1"},
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, max(after.ru_maxrss, before.ru_maxrss)


def startup() -> float:
    """Best of five ``python -m citecheck --version`` wall times."""
    best = 1e9
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "citecheck", "--version"], capture_output=True, check=True
        )
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print a Markdown table of time and memory per size."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="10,100,1000,10000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    base = startup()
    print(f"`citecheck --version`: {base * 1000:.0f} ms (best of 5)\n")
    print(
        f"| references | citations | file size | time (best of {args.repeat}) | beyond start-up | peak RSS |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"synthetic-{n}.md"
            path.write_text(generate(n), encoding="utf-8")
            times, peak = [], 0
            for _ in range(args.repeat):
                t, rss = run_once(path)
                times.append(t)
                peak = max(peak, rss)
            best = min(times)
            print(
                f"| {n:,} | {5 * n:,} | {path.stat().st_size / 1024:,.0f} KiB | {best:.2f} s | "
                f"{max(0.0, best - base):.2f} s | {peak / 1024:.0f} MiB |"
            )


if __name__ == "__main__":
    main()
