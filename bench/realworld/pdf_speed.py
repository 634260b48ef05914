"""Full-load speed of the PDF reader on the real-world PDF corpus, in process.

Usage::

    python -m bench.realworld.pdf_speed [--manifest ...] [--corpus /work/corpora/pdf]

Each PDF is loaded (characters, layout, citations, references) twice on one core; the
best time counts. Prints total pages, seconds, pages per second and the slowest PDFs.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    import pypdfium2

    from citecheck.loaders.pdf import load

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", type=Path, default=HERE / "pdf" / "manifest.json")
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpora/pdf"))
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    pages_total = 0
    seconds_total = 0.0
    rows = []
    for doc in json.loads(args.manifest.read_text(encoding="utf-8"))["documents"]:
        path = args.corpus / doc["id"] / doc["pdf"]
        if not path.is_file():
            continue
        pages = len(pypdfium2.PdfDocument(str(path)))
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            load(path, path.name)
            best = min(best, time.perf_counter() - start)
        pages_total += pages
        seconds_total += best
        rows.append((round(pages / best, 1), doc["id"], pages))
    print(f"{pages_total} pages, {seconds_total:.2f} s, {pages_total / seconds_total:.1f} pages/s")
    print("slowest:", sorted(rows)[:3])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
