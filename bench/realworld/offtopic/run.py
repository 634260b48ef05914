"""Measure the off-topic rule on the real-world off-topic set.

Usage::

    python -m bench.realworld.offtopic.run [--materialize] [--mirror DIR] [--corpora DIR]
        [--split dev|test|all] [any other option of bench.realworld.verdicts]

Steps: (1) with ``--materialize``, extract the documents with
``bench.realworld.materialize`` into ``CORPORA/offtopic/<id>/``; (2) for every document
whose ``check`` file is a ``.md`` copy of an R Markdown or Quarto main file, write that
copy (today's CLI reads ``.md`` but refuses ``.Rmd``/``.qmd``; both are Markdown with code
chunks); (3) run ``bench.realworld.verdicts`` with ``--select off-topic`` so that only the
rule under study runs, and print its precision, the missed references (recall) and
findings still without a verdict.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from bench.realworld import materialize, verdicts

MANIFEST = Path(__file__).with_name("manifest.json")


def copy_markdown(manifest: Path, corpora: Path) -> None:
    """Write ``check`` copies of R Markdown/Quarto main files (only when missing)."""
    import json

    data = json.loads(manifest.read_text(encoding="utf-8"))
    for doc in data["documents"]:
        check = doc.get("check")
        if doc.get("format") not in ("rmd", "qmd") or not check:
            continue
        folder = corpora / data["corpus"] / doc["id"]
        source, target = folder / doc["main"], folder / check
        if source.is_file() and not target.exists():
            shutil.copyfile(source, target)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; unknown options go to the verdict harness."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--materialize", action="store_true")
    parser.add_argument("--mirror", default="/work/.mirror")
    parser.add_argument("--corpora", type=Path, default=Path("/work/corpora"))
    args, rest = parser.parse_known_args(argv)
    if args.materialize:
        materialize.main([str(MANIFEST), "--mirror", args.mirror, "--out", str(args.corpora)])
    copy_markdown(MANIFEST, args.corpora)
    return verdicts.main(
        [str(MANIFEST), "--corpora", str(args.corpora), "--select", "off-topic", *rest]
    )


if __name__ == "__main__":
    sys.exit(main())
