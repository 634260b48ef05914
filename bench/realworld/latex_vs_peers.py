"""citecheck against the peers on the real-world LaTeX / R Markdown / Quarto corpus.

Usage::

    python -m bench.realworld.latex_vs_peers [--corpus /work/corpora/latex]
        [--citecheck citecheck] [--split dev|test|blind|all] [--only ID ...] [--json out.json]

Runs the installed CLI, ``citecheck check --offline --fail-on never --format json MAIN``
from the project's root (the repository root as materialised), and compares its
``cited-not-listed`` and ``listed-not-cited`` keys with the peer truths in
``bench/realworld/latex/truth/<id>.json`` (made by ``latex_truth.py``). Only the
CLI's JSON envelope is read, never the package's internals.

Verdicts per project:

* ``agree`` — same undefined and same unused key sets;
* ``disagree`` — both checked, the sets differ (the differing keys are listed);
* ``unchecked`` — the peer checked the manuscript but citecheck read no reference
  list (no references, a ``missing-bibliography`` finding, or exit 2); ``silent`` marks
  those that would still exit 0 under the default ``--fail-on error``;
* ``no-truth`` — the peer itself could not check the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


# checkcites and pandoc list every unused database key; citecheck reports those only on
# request (listed-not-cited: an uncited .bib entry is never printed), so ask for them.
_CONFIG = "unused-database-entries = true\n"


def run_citecheck(exe: str, root: Path, main: str, timeout: int = 600) -> dict[str, Any]:
    """The CLI's JSON report (or the reason there is none) plus exit code and time."""
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "citecheck.toml"
        config.write_text(_CONFIG, encoding="utf-8")
        return _run(exe, root, main, config, timeout)


def _run(exe: str, root: Path, main: str, config: Path, timeout: int) -> dict[str, Any]:
    cmd = [
        "nice",
        "-n",
        "10",
        exe,
        "check",
        "--offline",
        "--fail-on",
        "never",
        "--format",
        "json",
        "--config",
        str(config),
        main,
    ]
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"exit": "timeout", "seconds": timeout, "report": None, "stderr": ""}
    try:
        report = json.loads(proc.stdout) if proc.stdout.strip() else None
    except json.JSONDecodeError:
        report = None
    return {
        "exit": proc.returncode,
        "seconds": round(time.monotonic() - start, 1),
        "report": report,
        "stderr": proc.stderr.strip()[-400:],
    }


def key_sets(report: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(cited-not-listed keys, listed-not-cited keys) of a report."""
    undefined, unused = set(), set()
    for finding in report.get("findings", []):
        if finding.get("rule") == "cited-not-listed":
            cite = finding.get("citation") or {}
            undefined.add(cite.get("key") or cite.get("text") or finding.get("message", ""))
        elif finding.get("rule") == "listed-not-cited":
            ref = finding.get("reference") or {}
            unused.add(ref.get("key") or (ref.get("text") or "")[:60])
    return undefined, unused


def compare(truth: dict[str, Any], run: dict[str, Any]) -> dict[str, Any]:
    """The verdict for one project."""
    report = run["report"]
    row: dict[str, Any] = {"exit": run["exit"], "seconds": run["seconds"]}
    if report is not None:
        summary = report.get("summary", {})
        rules = summary.get("by_rule", {})
        row["problems"] = [
            f"{f['rule']}: {f['message']}"[:300]
            for f in report.get("findings", [])
            if f.get("rule") in ("parse-error", "missing-bibliography")
        ][:4]
        errors = sum(1 for f in report.get("findings", []) if f.get("severity") == "error")
        row.update(
            citations=summary.get("citations"),
            references=summary.get("references"),
            rules=rules,
            would_fail=errors > 0,
        )
    if not truth.get("peer_checked"):
        row["verdict"] = "no-truth"
        return row
    # Nothing checked: no reference list read, the input refused, or no citation read
    # while the peer saw some (e.g. the rest of the file taken for a comment).
    unchecked = (
        report is None
        or run["exit"] == 2
        or not row.get("references")
        or "missing-bibliography" in row.get("rules", {})
        or (not row.get("citations") and bool(truth.get("cited")))
    )
    if unchecked:
        row["verdict"] = "unchecked"
        row["silent"] = run["exit"] != 2 and not row.get("would_fail", False)
        if report is None:
            row["stderr"] = run["stderr"]
        return row
    undefined, unused = key_sets(report)
    want_undefined, want_unused = set(truth["undefined"]), set(truth["unused"])
    diff = {
        "undefined_missed": sorted(want_undefined - undefined),
        "undefined_extra": sorted(undefined - want_undefined),
        "unused_missed": sorted(want_unused - unused),
        "unused_extra": sorted(unused - want_unused),
    }
    row["verdict"] = "agree" if not any(diff.values()) else "disagree"
    if row["verdict"] == "disagree":
        row["diff"] = {k: v for k, v in diff.items() if v}
    return row


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpora/latex"))
    parser.add_argument("--citecheck", default="citecheck")
    parser.add_argument("--split", choices=["dev", "test", "blind", "all"], default="all")
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--json", type=Path, default=None, help="write every row here")
    args = parser.parse_args(argv)
    manifest = json.loads((HERE / "latex" / "manifest.json").read_text(encoding="utf-8"))
    rows = []
    for doc in manifest["documents"]:
        if (args.split != "all" and doc["split"] != args.split) or (
            args.only and doc["id"] not in args.only
        ):
            continue
        truth_file = HERE / "latex" / "truth" / f"{doc['id']}.json"
        if not truth_file.is_file():
            print(f"{doc['id']}: no truth file (run latex_truth.py)", file=sys.stderr)
            continue
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        row = {
            "id": doc["id"],
            "split": doc["split"],
            "format": doc["format"],
            "kind": doc["kind"],
            **compare(truth, run_citecheck(args.citecheck, args.corpus / doc["id"], doc["main"])),
        }
        rows.append(row)
        extra = row.get("diff") or ({"silent": row["silent"]} if "silent" in row else "")
        print(
            f"{row['id']:28} {row['split']:4} {row['verdict']:9} exit={row['exit']} refs={row.get('references')} {extra}",
            flush=True,
        )
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        for split in (row["split"], "all"):
            counts.setdefault(split, {}).setdefault(row["verdict"], 0)
            counts[split][row["verdict"]] += 1
    print(
        "\n| split | projects | agree | disagree | unchecked (silent) | no-truth |\n|---|---|---|---|---|---|"
    )
    for split in ("dev", "test", "blind", "all"):
        if split not in counts:
            continue
        c = counts.get(split, {})
        silent = sum(1 for r in rows if r.get("silent") and (split == "all" or r["split"] == split))
        print(
            f"| {split} | {sum(c.values())} | {c.get('agree', 0)} | {c.get('disagree', 0)} | "
            f"{c.get('unchecked', 0)} ({silent}) | {c.get('no-truth', 0)} |"
        )
    if args.json:
        args.json.write_text(
            json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
