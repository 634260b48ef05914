"""Run every hostile-input class (tests/hostile/generators) through the command line.

Each case is generated into a temporary folder, checked with ``citecheck check
--offline`` under an address-space limit and a timeout, at low priority, and reported
as a Markdown table row: exit code, the last message, wall and CPU seconds, peak RSS.

    python -m bench.speed.hostile_cases [--cases a,b] [--group nesting] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.hostile.generators import build, names
from tests.hostile.runner import report_difference, run_cli


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--group", help="only this group")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--mem", type=float, default=6.0, help="address-space limit, GB")
    parser.add_argument("--root", type=Path, help="run the citecheck of this checkout (a baseline)")
    args = parser.parse_args()
    selected = args.cases.split(",") if args.cases else names(args.group)
    print("| case | group | size | exit | message | wall s | CPU s | peak MB |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in selected:
        with tempfile.TemporaryDirectory() as tmp:
            case = build(name, Path(tmp) / "case", args.scale)
            res = run_cli(
                case,
                Path(tmp) / "case",
                mem_bytes=int(args.mem * 1e9),
                timeout=args.timeout,
                root=args.root,
            )
            exit_text = "timeout" if res.timed_out else str(res.exit)
            msg = res.first_message().replace("|", "\\|").replace(str(Path(tmp)), "…")
            if case.twin:
                twin = run_cli(
                    case, Path(tmp) / "case", args=case.twin, timeout=args.timeout, root=args.root
                )
                diff = report_difference(res.stdout, twin.stdout)
                msg = f"twin exit {twin.exit}; {diff or 'same findings'}; " + msg
            forbidden = case.extra.get("forbidden")
            if isinstance(forbidden, str) and forbidden in res.output:
                msg = f"LEAK: outside content in report; {msg}"
        print(
            f"| {name} | {case.group} | {case.size / 1e6:.2f} MB | {exit_text} | {msg} | "
            f"{res.wall:.1f} | {res.cpu:.1f} | {res.peak_mb:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
