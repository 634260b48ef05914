"""Score citecheck on a real-world corpus against hand-made verdicts.

Usage::

    python -m bench.realworld.verdicts bench/realworld/text/manifest.json \
        [--split dev|test|holdout|blind|blind2|all] [--corpora /work/corpora] [--citecheck citecheck] \
        [--pending pending.json] [--runs DIR] [--reuse] [--only ID ...] [--file-key KEY]
        [--select RULES]

Every document of the manifest is checked with the installed command-line tool
(``citecheck check --offline --fail-on never --format json``, plus ``--references`` for
each path the document lists under ``references``), run from the document's folder
``CORPORA/<corpus>/<id>/`` so that relative bibliography paths resolve as in the
repository. The file checked is ``doc[--file-key]`` when that option is given, else
``check`` (a converted file) when present, else ``main``.

Only the JSON report is read (never citecheck's modules), so this works whatever the
package layout. Each finding is matched to ``verdicts.json`` (next to the manifest) by
``(doc, rule, subject)``; the subject is the citation text when the finding has a
citation, else the reference key or the first 60 characters of the reference text, else
what the evidence names (``duplicate-key smith2020``) or "the document" (rows keyed by the
message's first 60 characters, as older rows were, still match). Subjects are compared after normalisation (Unicode NFKC, case, spacing,
surrounding punctuation, first 60 characters). Verdicts ``"missed"`` record problems a
careful reader found that citecheck did not report (recall).

Printed: precision per rule, false alarms per manuscript (mean, median), manuscripts not
checked (citations read but no reference list, nothing read at all, or a run that
failed), recall against the missed problems, and the findings still without a verdict.
``--pending FILE`` writes those as verdict stubs to fill in.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

Json = dict[str, Any]


def normalise(subject: str) -> str:
    """Comparable form of a subject: NFKC, case-folded, single spaces, trimmed, 60 chars."""
    text = " ".join(unicodedata.normalize("NFKC", subject).casefold().split())
    return text.strip(" .,;:()[]{}*_\"'")[:60].strip()


def subject_of(finding: Json) -> str:
    """What a finding is about, as a reader would name it."""
    citation = finding.get("citation") or {}
    if citation.get("text"):
        return str(citation["text"])
    reference = finding.get("reference") or {}
    if reference.get("key"):
        return str(reference["key"])
    if reference.get("text"):
        return str(reference["text"])[:60]
    return _evidence_subject(finding)


def _evidence_subject(finding: Json) -> str:
    """A finding about neither a citation nor an entry, named by what its evidence
    points at ("duplicate-key smith2020"), else the document as a whole: never its
    message, whose wording changes."""
    evidence = finding.get("evidence") or {}
    parts = [str(evidence[k]) for k in ("kind", "key") if isinstance(evidence.get(k), str)]
    fields = evidence.get("fields")
    if isinstance(fields, list):
        parts += [str(f) for f in fields]
    return " ".join(parts) or "the document"


def legacy_subject(finding: Json) -> str:
    """The subject earlier rows used for such findings: the message's first 60 characters."""
    return str(finding.get("message", ""))[:60]


def target_of(doc: Json, file_key: str | None) -> str:
    """The file of the document that is checked."""
    if file_key:
        return str(doc[file_key])
    return str(doc.get("check") or doc["main"])


def run_citecheck(
    doc: Json, folder: Path, citecheck: str, file_key: str | None, select: str | None = None
) -> Json:
    """One run of the CLI on one document: {"exit", "report" or None, "stderr"}."""
    cmd = [citecheck, "check", "--offline", "--fail-on", "never", "--format", "json"]
    if select:  # only the rules under study (a corpus built for one rule)
        cmd += ["--select", select]
    with tempfile.TemporaryDirectory() as cache:  # no cached registry answers leak in
        cmd += ["--cache-dir", cache, target_of(doc, file_key)]
        for ref in doc.get("references", []):
            cmd += ["--references", str(ref)]
        try:
            proc = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, timeout=600)
        except subprocess.TimeoutExpired:
            return {"exit": None, "report": None, "stderr": "timed out after 600 s"}
    try:
        report = json.loads(proc.stdout) if proc.stdout.strip() else None
    except json.JSONDecodeError:
        report = None
    return {"exit": proc.returncode, "report": report, "stderr": proc.stderr[-2000:]}


def unchecked_reason(run: Json) -> str | None:
    """Why a manuscript was not really checked, or None."""
    report = run["report"]
    if run["exit"] not in (0, 1) or report is None:
        return f"run failed (exit {run['exit']}): {run['stderr'].strip()[-200:]}"
    summary = report.get("summary", {})
    cites, refs = summary.get("citations", 0), summary.get("references", 0)
    if cites and not refs:
        return f"{cites} citations read but no reference list"
    if not cites and not refs:
        return "nothing read (no citation, no reference)"
    return None


def silent_reason(run: Json) -> str | None:
    """A reference list but not one citation read: the text may cite in a form not read."""
    summary = ((run["report"] or {}).get("summary")) or {}
    if run["exit"] in (0, 1) and summary.get("references") and not summary.get("citations"):
        return f"{summary['references']} references but no citation read"
    return None


def load_verdicts(path: Path) -> tuple[dict[tuple[str, str, str], Json], list[Json]]:
    """Verdicts by key (true/false) and the list of missed problems."""
    judged: dict[tuple[str, str, str], Json] = {}
    missed: list[Json] = []
    rows = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []
    for row in rows:
        if row["verdict"] == "missed":
            missed.append(row)
        elif row["verdict"] in ("true", "false"):
            judged[(row["doc"], row["rule"], normalise(row["subject"]))] = row
    return judged, missed


def location_of(finding: Json) -> str:
    """line:column or paragraph of a finding, for the pending list."""
    loc = finding.get("location") or {}
    parts = [str(loc[k]) for k in ("line", "column") if loc.get(k) is not None]
    return ":".join(parts) or json.dumps({k: v for k, v in loc.items() if k != "path"})


def score(docs: list[Json], runs: dict[str, Json], verdicts: Path) -> tuple[Json, list[Json]]:
    """Counts per rule and per document, and the pending findings."""
    judged, missed = load_verdicts(verdicts)
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    false_per_doc: dict[str, int] = {}
    pending: list[Json] = []
    unchecked: dict[str, str] = {}
    silent: dict[str, str] = {}
    seen_pending: set[tuple[str, str, str]] = set()
    for doc in docs:
        run, doc_id = runs[doc["id"]], doc["id"]
        reason = unchecked_reason(run)
        if reason:
            unchecked[doc_id] = reason
        elif silent_reason(run):
            silent[doc_id] = str(silent_reason(run))
        false_per_doc[doc_id] = 0
        for finding in (run["report"] or {}).get("findings", []):
            rule, subject = finding["rule"], subject_of(finding)
            key = (doc_id, rule, normalise(subject))
            verdict = judged.get(key) or judged.get(
                (doc_id, rule, normalise(legacy_subject(finding)))
            )
            if verdict is None:
                per_rule[rule]["pending"] += 1
                if key not in seen_pending:
                    seen_pending.add(key)
                    pending.append(
                        {
                            "doc": doc_id,
                            "rule": rule,
                            "subject": subject,
                            "verdict": "",
                            "why": "",
                            "at": location_of(finding),
                            "message": finding.get("message", ""),
                        }
                    )
                continue
            per_rule[rule][verdict["verdict"]] += 1
            false_per_doc[doc_id] += verdict["verdict"] == "false"
    ids = {doc["id"] for doc in docs}
    for row in missed:
        if row["doc"] in ids:
            per_rule[row["rule"]]["missed"] += 1
    result = {"per_rule": per_rule, "false_per_doc": false_per_doc, "unchecked": unchecked}
    return result | {"silent": silent}, pending


def print_report(result: Json, docs: list[Json], split: str) -> None:
    """The summary a human reads."""
    per_rule, false_per_doc = result["per_rule"], result["false_per_doc"]
    print(f"## {split}: {len(docs)} manuscripts")
    print(
        f"{'rule':28} {'true':>5} {'false':>5} {'pend.':>5} {'missed':>6} {'precision':>9} {'recall':>6}"
    )
    totals: Counter[str] = Counter()
    for rule in sorted(per_rule):
        c = per_rule[rule]
        totals.update(c)
        judged = c["true"] + c["false"]
        prec = f"{c['true'] / judged:.3f}" if judged else "-"
        rec = f"{c['true'] / (c['true'] + c['missed']):.2f}" if c["true"] + c["missed"] else "-"
        print(
            f"{rule:28} {c['true']:5} {c['false']:5} {c['pending']:5} {c['missed']:6} {prec:>9} {rec:>6}"
        )
    judged = totals["true"] + totals["false"]
    overall = f"{totals['true'] / judged:.3f}" if judged else "-"
    print(
        f"{'all rules':28} {totals['true']:5} {totals['false']:5} {totals['pending']:5} "
        f"{totals['missed']:6} {overall:>9}"
    )
    counts = list(false_per_doc.values()) or [0]
    print(
        f"false alarms per manuscript: mean {statistics.mean(counts):.2f}, "
        f"median {statistics.median(counts):g}, max {max(counts)}; "
        f"manuscripts with any: {sum(1 for n in counts if n)}"
    )
    print(f"manuscripts not checked: {len(result['unchecked'])}")
    for doc_id, reason in sorted(result["unchecked"].items()):
        print(f"  {doc_id}: {reason}")
    print(f"manuscripts with a reference list but no citation read: {len(result['silent'])}")
    for doc_id, reason in sorted(result["silent"].items()):
        print(f"  {doc_id}: {reason}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("manifest", type=Path)
    parser.add_argument(
        "--split",
        default="all",
        help="a split of the manifest (dev, test, holdout, blind ...) or all",
    )
    parser.add_argument("--corpora", type=Path, default=Path("/work/corpora"))
    parser.add_argument("--citecheck", default="citecheck", help="the CLI to run")
    parser.add_argument("--verdicts", type=Path, help="default: verdicts.json by the manifest")
    parser.add_argument("--pending", type=Path, help="write unjudged findings here")
    parser.add_argument("--runs", type=Path, help="keep each document's JSON report here")
    parser.add_argument("--reuse", action="store_true", help="read reports kept in --runs")
    parser.add_argument("--only", nargs="*", default=None, help="document ids")
    parser.add_argument("--file-key", help="manifest field naming the file to check")
    parser.add_argument("--select", help="run only these rules (passed to citecheck --select)")
    args = parser.parse_args(argv)
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    corpus = manifest["corpus"]
    docs = [
        d
        for d in manifest["documents"]
        if (args.split == "all" or d["split"] == args.split)
        and (args.only is None or d["id"] in args.only)
    ]
    runs: dict[str, Json] = {}
    for doc in docs:
        kept = args.runs / f"{doc['id']}.json" if args.runs else None
        if kept and args.reuse and kept.is_file():
            runs[doc["id"]] = json.loads(kept.read_text(encoding="utf-8"))
            continue
        folder = args.corpora / corpus / doc["id"]
        if not folder.is_dir():
            runs[doc["id"]] = {
                "exit": None,
                "report": None,
                "stderr": f"not materialised: {folder}",
            }
        else:
            runs[doc["id"]] = run_citecheck(doc, folder, args.citecheck, args.file_key, args.select)
        if kept:
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_text(json.dumps(runs[doc["id"]], ensure_ascii=False), encoding="utf-8")
    verdicts = args.verdicts or args.manifest.with_name("verdicts.json")
    result, pending = score(docs, runs, verdicts)
    print_report(result, docs, args.split)
    print(f"findings without a verdict: {len(pending)} distinct")
    for row in pending[:40]:
        print(f"  {row['doc']} {row['rule']} [{row['at']}] {row['subject'][:60]!r}")
    if args.pending:
        args.pending.write_text(
            json.dumps(pending, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
