"""Benchmark: the registry snapshot on a generated dump in Crossref's format.

Generates N work records (gzipped JSON lines, as Crossref distributes its public
data file) from the recorded real records of tests/fixtures/crossref used as
templates: each generated record keeps a real record's structure and size and gets
its own DOI, title, authors, container and year (words drawn, Zipf-like, from the
project's own example manuscripts). Then measures

* the build (``citecheck snapshot build``, in a child process): wall and CPU
  seconds, works/s, peak RSS, the snapshot's size (bytes per record, and per
  million records);
* DOI look-ups/s: random held DOIs and DOIs it does not hold;
* searches/s on a ``--complete`` build: reference strings written from generated
  records (title, first author, container, year; 1 in 4 with a word changed), and
  how often the searched record is the top hit.

    python -m bench.speed.snapshot --count 100000 [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from citecheck.registry.crossref import slim
from citecheck.registry.snapshot import Snapshot

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "crossref"
# The shared samples (/work/shared/datasets), found from the main checkout or a worktree.
DATASETS = next(
    (p / "shared" / "datasets" for p in ROOT.parents if (p / "shared" / "datasets").is_dir()),
    ROOT / "missing",
)
TEMPLATES = ("01", "02", "03", "15", "16", "22")


def _fixture(prefix: str) -> dict[str, Any]:
    path = next(
        p for p in sorted(FIXTURES.glob(f"{prefix}_*.json")) if not p.name.endswith(".meta.json")
    )
    message = json.loads(path.read_text(encoding="utf-8"))["message"]
    assert isinstance(message, dict)
    return message


def vocabulary(tail: int = 300_000) -> list[str]:
    """Words by rank: the real words of the shared reference-string and JATS samples
    (most frequent first), then ``tail`` made-up words as the long tail of rare terms
    (gene names, places, compounds) that real titles have and a small sample lacks."""
    counts: Counter[str] = Counter()
    folders = [DATASETS / "refstrings", DATASETS / "jats-dev", ROOT / "manuscripts"]
    for folder in folders:
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            text = path.read_text(encoding="utf-8", errors="ignore")
            counts.update(w for w in re.findall(r"[^\W\d_]{3,}", text.lower()) if w.isascii())
    words = [w for w, _ in counts.most_common()]
    rng = random.Random(7)
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in ("a", "e", "i", "o", "u", "ia", "ou")]
    seen = set(words)
    while len(words) < len(counts) + tail:
        word = "".join(rng.choices(syllables, k=rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Generator:
    """Deterministic records and reference strings from a seed."""

    def __init__(self, seed: int = 18) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary()
        self.cum = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.words))))
        self.templates = [_fixture(p) for p in TEMPLATES]
        self.journals = [" ".join(self._words(self.rng, 3)).title() for _ in range(20_000)]
        self.surnames = [w.title() for w in self.rng.sample(self.words, 200_000)]

    def _words(self, rng: random.Random, n: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=n)

    def record(self, n: int) -> dict[str, Any]:
        rng = random.Random(n * 7919 + 18)
        record = dict(self.templates[n % len(self.templates)])
        authors = [
            {
                "given": rng.choice("ABCDEFGHIJKLMNOPRSTW") + ".",
                "family": rng.choice(self.surnames),
                "sequence": "first" if i == 0 else "additional",
                "affiliation": [],
            }
            for i in range(rng.randint(1, 6))
        ]
        year = rng.randint(1950, 2025)
        title = " ".join(self._words(rng, rng.randint(6, 16)))
        record.update(
            {
                "DOI": f"10.{5000 + n % 4000}/gen.{n}",
                "title": [title.capitalize()],
                "author": authors,
                "container-title": [self.journals[n % len(self.journals)]],
                "issued": {"date-parts": [[year, rng.randint(1, 12)]]},
                "published": {"date-parts": [[year]]},
                "volume": str(rng.randint(1, 80)),
                "page": f"{rng.randint(1, 900)}-{rng.randint(901, 999)}",
            }
        )
        for key in ("updated-by", "relation", "subtitle", "original-title"):
            record.pop(key, None)
        return record

    def reference(self, record: dict[str, Any], *, noisy: bool) -> str:
        title = record["title"][0].split()
        if noisy:
            title[self.rng.randrange(len(title))] = self._words(self.rng, 1)[0]
        first = record["author"][0]
        year = record["issued"]["date-parts"][0][0]
        return (
            f"{first['family']}, {first['given']} ({year}). {' '.join(title)}. "
            f"{record['container-title'][0]}, {record['volume']}, {record['page']}."
        )


def write_dump(gen: Generator, count: int, folder: Path, per_file: int = 50_000) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for start in range(0, count, per_file):
        path = folder / f"{start // per_file:04d}.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as handle:
            for n in range(start, min(count, start + per_file)):
                handle.write(json.dumps(gen.record(n), ensure_ascii=False) + "\n")
        files.append(path)
    return files


def build(dump: Path, out: Path, complete: bool) -> dict[str, float]:
    code = (
        "import resource, sys, time\n"
        "from pathlib import Path\n"
        "from citecheck.registry.snapshot_build import build_from_dump\n"
        "t = time.perf_counter()\n"
        f"s = build_from_dump([Path({str(dump)!r})], Path({str(out)!r}), complete={complete})\n"
        "wall = time.perf_counter() - t\n"
        "ru = resource.getrusage(resource.RUSAGE_SELF)\n"
        "print(s.works, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    works, wall, cpu, rss = done.stdout.split()
    return {"works": int(works), "wall": float(wall), "cpu": float(cpu), "rss_mib": int(rss) / 1024}


def lookups(snap: Path, dois: list[str]) -> float:
    s = Snapshot.open(snap)
    t = time.perf_counter()
    for doi in dois:
        s.work(doi)
    rate = len(dois) / (time.perf_counter() - t)
    s.close()
    return rate


def searches(snap: Path, refs: list[tuple[str, str]]) -> tuple[float, float]:
    s = Snapshot.open(snap)
    top = 0
    t = time.perf_counter()
    for text, doi in refs:
        hits = s.search(text) or []
        top += bool(hits) and hits[0].get("DOI") == doi
    rate = len(refs) / (time.perf_counter() - t)
    s.close()
    return rate, top / len(refs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temp dir)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="snapbench-"))
    gen = Generator()
    t = time.perf_counter()
    files = write_dump(gen, args.count, work / "dump")
    dump_bytes = sum(p.stat().st_size for p in files)
    raw = len(json.dumps(slim(gen.record(1))))
    print(
        f"dump: {args.count} records, {dump_bytes / 2**20:.1f} MiB gz, generated in "
        f"{time.perf_counter() - t:.0f} s (a slimmed record: ~{raw} bytes of JSON)"
    )
    snap = work / "complete.sqlite3"
    b = build(work / "dump", snap, complete=True)
    size = snap.stat().st_size
    print(
        f"build: {b['works']} works in {b['wall']:.1f} s wall, {b['cpu']:.1f} s CPU "
        f"({b['works'] / b['wall']:,.0f} works/s wall, {b['works'] / b['cpu']:,.0f}/s CPU), "
        f"peak RSS {b['rss_mib']:.0f} MiB; size {size / 2**20:.1f} MiB = "
        f"{size / b['works']:.0f} bytes/record = {size / b['works'] * 1e6 / 2**30:.2f} GiB "
        "per million records"
    )
    rng = random.Random(1)
    held = [gen.record(rng.randrange(args.count))["DOI"].lower() for _ in range(20_000)]
    absent = [f"10.1234/absent.{i}" for i in range(20_000)]
    print(
        f"DOI look-ups: held {lookups(snap, held):,.0f}/s, not held {lookups(snap, absent):,.0f}/s"
    )
    refs = []
    for i in range(args.queries):
        record = gen.record(rng.randrange(args.count))
        refs.append((gen.reference(record, noisy=i % 4 == 0), record["DOI"]))
    rate, top = searches(snap, refs)
    print(f"searches: {rate:,.0f}/s; searched record is the top hit in {top:.1%}")
    print(f"work folder: {work}")


if __name__ == "__main__":
    main()
