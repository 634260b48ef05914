"""Peak memory and time of a full offline check at 1, 10 and about 50 MB per input format.

Each format is a generator of tests/hostile/generators scaled to the target size (the
size of everything written: manuscript plus reference files), run through the command
line in a fresh process (``tests/hostile/runner.py``). The table goes to
docs/reliability.md, section "Hostile inputs".

    python -m bench.speed.hostile_sizes [--sizes 1,10,48] [--formats md,bib]

"50 MB" is measured at 48 MB: the files written overshoot a little, and anything over
the 50,000,000-byte limit is refused before it is read.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.hostile.generators import build
from tests.hostile.runner import run_cli

# format -> (generator, MB written at scale 1.0)
FORMATS = {
    "md": ("md_50mb_prose", 49.0),
    "md-dense-numeric": ("md_dense_numeric", 20.0),
    "tex": ("latex_dense_cites", 20.0),
    "bib": ("bib_50k_short_manuscript", 5.3),
    "json": ("json_many_items", 26.0),
    "yaml": ("yaml_items", 5.1),
    "ris": ("ris_many_records", 16.0),
    "jats": ("jats_many_titles", 8.9),
    "docx": ("docx_under_ratio", 25.0),
    "pdf": ("pdf_many_objects", 44.6),
}


def main() -> None:
    """Command-line entry point: prints a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,48")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    print("| format | target MB | written MB | exit | wall s | CPU s | peak MB |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for fmt in args.formats.split(","):
        name, full = FORMATS[fmt]
        for mb in (float(s) for s in args.sizes.split(",")):
            with tempfile.TemporaryDirectory() as tmp:
                case = build(name, Path(tmp) / "c", mb / full)
                res = run_cli(case, Path(tmp) / "c", timeout=args.timeout)
            exit_text = "timeout" if res.timed_out else str(res.exit)
            print(
                f"| {fmt} | {mb:g} | {case.size / 1e6:.1f} | {exit_text} | {res.wall:.1f} | "
                f"{res.cpu:.1f} | {res.peak_mb:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
