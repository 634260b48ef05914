"""Time and memory on adversarial sizes and shapes (issue 7).

Each case runs in a fresh process at its full size and at a quarter of it, so the
ratio shows how the cost grows (linear: about 4x). Reported: wall and CPU seconds,
peak memory (max RSS) and what was found (a sanity check that work was done).

Cases:
  manuscript_20mb   a 20 MB Markdown manuscript (prose, citations, 2,000 references), full offline check
  line_1mb          one 1 MB line of prose with citations, full offline check
  nested_100k       100,000 nested parentheses around one citation, full offline check
  smith_50k         50,000 "Smith, " repetitions in the text and as one reference, full offline check
  bib_10k           a 10,000-entry .bib cited by a manuscript, full offline check
  dois_1000         one reference holding 1,000 DOIs, full offline check

    python -m bench.speed.stress_sizes [--cases a,b] [--no-quarter]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SYLLABLES = "ba ko ri su ta me no la pi de gu ha ji lo mu ne po ra si to".split()
PROSE = (
    "Groundwater recharge in tropical basins depends on land cover and rainfall intensity, "
    "and the governance of shared aquifers remains contested among local agencies. "
)


def _name(i: int) -> str:
    """A distinct made-up surname for every i (four syllables: 160,000 names)."""
    out = ""
    for _ in range(4):
        i, k = divmod(i, len(_SYLLABLES))
        out += _SYLLABLES[k]
    return out.capitalize()


def _reference(i: int) -> str:
    name = _name(i)
    return (
        f"{name}, A. ({1990 + i % 30}). Study number {i} of recharge. "
        f"Journal of Tests, {i % 50}(2), 1–{i % 90 + 10}. https://doi.org/10.1234/t.{i}"
    )


def _cite(i: int) -> str:
    return f"({_name(i)}, {1990 + i % 30})"


def build(case: str, scale: float, folder: Path) -> Path:
    """Write the input of ``case`` at ``scale`` (1.0 = full size) and return its path."""
    out = folder / "paper.md"
    if case == "manuscript_20mb":
        refs = max(int(2000 * scale), 10)
        target = int(20_000_000 * scale)
        parts, size, i = ["# A study\n\n"], 0, 0
        while size < target:
            para = PROSE * 3 + f"As shown {_cite(i % refs)}, and {_cite((i * 7) % refs)}.\n\n"
            parts.append(para)
            size += len(para.encode())
            i += 1
        parts.append("## References\n\n" + "\n\n".join(_reference(k) for k in range(refs)) + "\n")
        out.write_text("".join(parts), encoding="utf-8")
    elif case == "line_1mb":
        unit = PROSE + _cite(1) + " "
        out.write_text(
            unit * int(1_000_000 * scale / len(unit))
            + "\n\n## References\n\n"
            + _reference(1)
            + "\n",
            encoding="utf-8",
        )
    elif case == "nested_100k":
        n = int(100_000 * scale)
        out.write_text(
            "Text "
            + "(" * n
            + _cite(0)[1:-1]
            + ")" * n
            + ".\n\n## References\n\n"
            + _reference(1)
            + "\n",
            encoding="utf-8",
        )
    elif case == "smith_50k":
        n = int(50_000 * scale)
        out.write_text(
            "Text " + "Smith, " * n + "2019.\n\n## References\n\n" + "Smith, " * n + "(2019). T.\n",
            encoding="utf-8",
        )
    elif case == "bib_10k":
        n = int(10_000 * scale)
        entries = "".join(
            f"@article{{k{i},\n  author = {{{_name(i)}, A. and Lee, B.}},\n"
            f"  title = {{Study {i}}},\n  journal = {{J}},\n  year = {{{1990 + i % 30}}},\n"
            f"  doi = {{10.1234/t.{i}}}\n}}\n\n"
            for i in range(n)
        )
        (folder / "refs.bib").write_text(entries, encoding="utf-8")
        out = folder / "paper.tex"
        cites = " ".join(f"\\cite{{k{i}}}." for i in range(n))
        out.write_text(
            "\\documentclass{article}\n\\begin{document}\n"
            + cites
            + "\n\\bibliography{refs}\n\\end{document}\n",
            encoding="utf-8",
        )
    elif case == "dois_1000":
        n = int(1000 * scale)
        dois = " ".join(f"https://doi.org/10.{1000 + i}/x{i}" for i in range(n))
        out.write_text(
            f"Text {_cite(0)}.\n\n## References\n\n{_reference(0)} " + dois + "\n", encoding="utf-8"
        )
    else:
        raise SystemExit(f"unknown case {case}")
    return out


def child(case: str, scale: float) -> None:
    """Run one case in this process and print its figures as JSON."""
    from citecheck.model.settings import Settings
    from citecheck.pipeline.engine import check

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = build(case, scale, folder)
        size = sum(p.stat().st_size for p in folder.iterdir())
        t0, c0 = time.perf_counter(), time.process_time()
        report = check(Settings(paths=(str(path),), offline=True, no_cache=True), root=folder)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
    print(
        json.dumps(
            {
                "case": case,
                "scale": scale,
                "bytes": size,
                "wall": wall,
                "cpu": cpu,
                "rss_mb": rss,
                "citations": report.citations,
                "references": report.references,
                "findings": len(report.findings),
            }
        )
    )


def run(case: str, scale: float) -> dict[str, float]:
    """One case in a fresh interpreter (clean memory figures)."""
    proc = subprocess.run(
        [sys.executable, "-m", "bench.speed.stress_sizes", "--child", case, "--scale", str(scale)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{case} failed:\n{proc.stderr[-2000:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


CASES = ("manuscript_20mb", "line_1mb", "nested_100k", "smith_50k", "bib_10k", "dois_1000")


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--no-quarter", action="store_true", help="skip the quarter-size runs")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.scale)
        return
    print(
        "| case | size | wall s | CPU s | peak RSS MB | citations | references | time ratio full/quarter |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for case in args.cases.split(","):
        quarter = None if args.no_quarter else run(case, 0.25)
        full = run(case, 1.0)
        ratio = f"{full['cpu'] / quarter['cpu']:.1f}" if quarter and quarter["cpu"] > 0 else "-"
        print(
            f"| {case} | {full['bytes'] / 1e6:.2f} MB | {full['wall']:.2f} | {full['cpu']:.2f} | "
            f"{full['rss_mb']:.0f} | {full['citations']:.0f} | {full['references']:.0f} | {ratio} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
