"""A PDF must give the findings of its own source: measure it on real source/PDF pairs.

Usage::

    python -m bench.realworld.pdf_pairs [--manifest bench/realworld/pdf/manifest.json]
        [--corpus /work/corpora/pdf] [--citecheck citecheck] [--split dev|test|all]
        [--only ID ...] [--json results.json] [--no-timing]

Materialise the corpus first (``python -m bench.realworld.materialize``, see the README next to
the manifest). For every pair the installed ``citecheck`` CLI is run twice, on the source
(``main``, with ``--references`` for each path in the document's ``references``) and on
the PDF alone, with ``check --offline --no-cache --fail-on never --format json`` and a
configuration file of our own, so neither the network, a cache nor a configuration found
in the third-party folder changes the result. The source's configuration asks for the
uncited entries of its bibliography database (``unused-database-entries = true``, info
findings that are off by default): they are what BibTeX/citeproc leave out of the PDF, so
they predict the printed count, and they are then set aside — a default run does not
report them, so the PDF is not expected to have them (see ``split_database``). Only the CLI's JSON output is read (the
package's internals are not imported), so the script measures any version of citecheck.

R Markdown and Quarto sources are read as pandoc Markdown (a ``.md`` copy), and a
document's ``read_as`` suffix overrides how the source is read (see ``source_target``). Per pair: references the source should print (see ``printed_references``) and references
found in the PDF, citations found in both, the findings
present for the PDF but absent for the source (a PDF finding is matched one-to-one to a
source finding of the same rule and the same normalised subject, see ``subjects``), the
source findings the PDF run lost, and whether the PDF run said it could not check the
document ("unchecked": a skipped check other than registry/topic, an ``unchecked`` flag,
or exit code 2). The load speed is ``citecheck parse PDF`` on one core (CPU affinity),
best of three, minus the start-up time of the same command on a one-line text file.

Pairs whose source citecheck cannot read well (``source_trust: "unusable"`` in the
manifest, decided by hand, see ``verdicts.json``) are reported but left out of the
summary.

Two kinds of PDF-only finding are not counted as false. A *disclosure* is the PDF
reader saying what it could not read (``parse-error`` of kind ``pdf-image-pages``: pages
that are pictures of text), a true statement about the PDF that no source can have; it is
listed per row. A finding named in the manifest's ``pdf_true`` (rule, subject prefix and
why) was judged by hand to be right about the PDF although its source is silent (e.g.
an entry printed only because the source asks for every database entry with
``nocite: '@*'`` and never cited in the text); it counts as right.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BENIGN_SKIPS = {"registry", "topic", "off-topic"}  # offline runs skip these on every document


def _fold(text: str) -> str:
    """Lower-case ASCII letters and digits only (accents, spaces, punctuation, hyphens dropped)."""
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", text.encode("ascii", "ignore").decode().lower())


def subjects(finding: dict[str, Any]) -> set[str]:
    """Normalised subjects of a finding; two findings of one rule match when these intersect.

    A reference is named by first author + year and by the first 40 folded characters of
    its text; a citation by its first author + year, its number or key, and its folded
    text. Author + year survive the change of format (BibTeX key in the source, printed
    text in the PDF); the text forms catch entries without a parsable author or year.
    """
    out: set[str] = set()
    ref = finding.get("reference") or {}
    cit = finding.get("citation") or {}
    if ref:
        authors = ref.get("authors") or []
        first = authors[0].get("family") or authors[0].get("literal") or "" if authors else ""
        if first and ref.get("year"):
            out.add(f"ay:{_fold(first)}|{ref['year']}")
        if ref.get("text"):
            out.add(f"rt:{_fold(ref['text'])[:40]}")
        if ref.get("doi"):
            out.add(f"doi:{ref['doi'].lower()}")
    if cit:
        names = cit.get("authors") or []
        if names and cit.get("year"):
            out.add(f"ay:{_fold(names[0])}|{cit['year']}")
        if cit.get("number") is not None:
            out.add(f"n:{cit['number']}")
        if cit.get("key"):
            out.add(f"k:{cit['key']}")
        if cit.get("text"):
            out.add(f"ct:{_fold(cit['text'])}")
    if not out:  # a finding about the whole document (missing-bibliography, ...)
        out.add("document")
    return out


def subject_label(finding: dict[str, Any]) -> str:
    """A short human label of what a finding is about (citation text or reference start)."""
    cit = finding.get("citation") or {}
    ref = finding.get("reference") or {}
    if cit.get("text"):
        return " ".join(str(cit["text"]).split())[:60]
    if ref.get("key"):
        return str(ref["key"])
    if ref.get("text"):
        return " ".join(str(ref["text"]).split())[:60]
    return " ".join(str(finding.get("message", "")).split())[:60]


def match(
    pdf: list[dict[str, Any]], source: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(PDF findings without a source counterpart, source findings without a PDF counterpart)."""
    free = list(range(len(source)))
    extra = []
    for finding in pdf:
        keys = subjects(finding)
        hit = next(
            (
                i
                for i in free
                if source[i]["rule"] == finding["rule"] and keys & subjects(source[i])
            ),
            None,
        )
        if hit is None:
            extra.append(finding)
        else:
            free.remove(hit)
    return extra, [source[i] for i in free]


REFERENCE_FILES = (".bib", ".bibtex", ".json", ".yaml", ".yml", ".ris")
# the source's own configuration: report the uncited database entries (off by default)
SOURCE_CONFIG = "unused-database-entries = true\n"
DISCLOSURE_KINDS = {"pdf-image-pages"}  # the PDF reader's true statements about the PDF


def is_disclosure(finding: dict[str, Any]) -> bool:
    """Is this the PDF reader saying what it could not read (not a claim about citations)?"""
    kind = (finding.get("evidence") or {}).get("kind")
    return finding.get("rule") == "parse-error" and kind in DISCLOSURE_KINDS


def apply_pdf_verdicts(row: dict[str, Any], doc: dict[str, Any]) -> None:
    """Move the false findings the manifest's ``pdf_true`` judged right out of ``false_findings``."""
    judged = doc.get("pdf_true") or []
    false, right = [], list(row.get("pdf_right_by_verdict", []))
    for f in row["false_findings"]:
        hit = any(
            v["rule"] == f["rule"] and str(f["subject"]).startswith(v["subject"]) for v in judged
        )
        (right if hit else false).append(f)
    row["false_findings"], row["pdf_right_by_verdict"] = false, right


def is_database_entry(finding: dict[str, Any]) -> bool:
    """Is this the opt-in report of an uncited bibliography-database entry?"""
    return finding["rule"] == "listed-not-cited" and bool(
        (finding.get("evidence") or {}).get("database")
    )


def split_database(report: dict[str, Any]) -> int:
    """Take the uncited-database-entry findings out of a source report (in place); how
    many there were. They are asked for only to predict the printed list: a default run
    does not report them, so they take no part in the comparison."""
    findings = report.get("findings", [])
    kept = [f for f in findings if not is_database_entry(f)]
    report["findings"] = kept
    return len(findings) - len(kept)


def printed_references(doc: dict[str, Any], report: dict[str, Any]) -> int | None:
    """How many entries the source's PDF should list.

    BibTeX, biber and citeproc print only the cited entries of a reference file, so the
    source's entries flagged ``listed-not-cited`` *in a reference file* are not expected in
    the PDF; entries typed in the manuscript are printed whether cited or not. A hand count
    in the manifest (``printed_references``) wins.
    """
    if doc.get("printed_references") is not None:
        return int(doc["printed_references"])
    total = (report.get("summary") or {}).get("references")
    if total is None:
        return None
    unprinted = sum(
        1
        for f in report.get("findings", [])
        if f["rule"] == "listed-not-cited"
        and (
            is_database_entry(f)
            or str((f.get("location") or {}).get("path", "")).lower().endswith(REFERENCE_FILES)
        )
    )
    return int(total) - unprinted


def run_check(
    cli: list[str], folder: Path, target: str, refs: list[str], config: Path
) -> dict[str, Any]:
    """One ``citecheck check`` run; the JSON report plus exit code and wall time."""
    cmd = [
        *cli,
        "check",
        "--offline",
        "--no-cache",
        "--fail-on",
        "never",
        "--format",
        "json",
        "--config",
        str(config),
    ]
    for ref in refs:
        cmd += ["--references", ref]
    cmd.append(target)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        report = {"findings": [], "summary": {}}
    report["exit_code"] = proc.returncode
    report["stderr"] = proc.stderr[-2000:]
    report["seconds"] = elapsed
    return report


def unchecked(report: dict[str, Any]) -> bool:
    """Did the run say it could not really check the document?"""
    summary = report.get("summary") or {}
    if report.get("exit_code") == 2 or summary.get("unchecked") or report.get("unchecked"):
        return True
    skipped = summary.get("skipped_checks") or []
    if any(str(s.get("check", "")) not in BENIGN_SKIPS for s in skipped):
        return True
    # the PDF reader's own verdict: an error-level parse-error saying it could not check
    return any(
        f.get("rule") == "parse-error" and (f.get("evidence") or {}).get("kind") == "pdf-unchecked"
        for f in report.get("findings", [])
    )


def _one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _parse_seconds(cli: list[str], folder: Path, target: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [*cli, "parse", target],
            cwd=folder,
            capture_output=True,
            check=False,
            preexec_fn=_one_core,
        )
        best = min(best, time.perf_counter() - start)
    return best


def page_count(path: Path) -> int | None:
    """Pages of a PDF (pypdfium2, citecheck's own PDF dependency), None if unreadable."""
    try:
        import pypdfium2  # citecheck's own PDF dependency, needed here only

        return len(pypdfium2.PdfDocument(str(path)))
    except Exception:  # a broken PDF is a result, not a crash
        return None


def source_target(doc: dict[str, Any], folder: Path) -> str:
    """The path to give citecheck for the source.

    R Markdown and Quarto files are pandoc Markdown with code chunks, which citecheck reads
    as Markdown but does not accept by suffix; a manifest's ``read_as`` (e.g. ``".tex"``
    for Markdown whose citations are raw ``\\cite`` commands passed through to biblatex)
    overrides the suffix. The copy is made next to the original, so relative
    ``bibliography:``/``\\input`` paths still resolve.
    """
    main = str(doc["main"])
    suffix = doc.get("read_as") or (".md" if doc["format"] in ("rmd", "qmd") else None)
    if suffix:
        copy = Path(main).with_suffix(".citecheck-source" + str(suffix))
        (folder / copy).write_bytes((folder / main).read_bytes())
        return copy.as_posix()
    return main


def measure(
    doc: dict[str, Any],
    folder: Path,
    cli: list[str],
    config: Path,
    startup: float | None,
    source_cache: Path | None = None,
    source_config: Path | None = None,
) -> dict[str, Any]:
    """Run both sides of one pair and compare them.

    With ``source_cache`` (a folder), the source's report is read from there when present
    and written there otherwise: while only the PDF reader changes, the sources need not
    be checked again.
    """
    cached = source_cache / f"{doc['id']}.json" if source_cache else None
    if cached and cached.is_file():
        src = json.loads(cached.read_text(encoding="utf-8"))
    else:
        src = run_check(
            cli,
            folder,
            source_target(doc, folder),
            list(doc.get("references", [])),
            source_config or config,
        )
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps(src), encoding="utf-8")
    pdf = run_check(cli, folder, doc["pdf"], [], config)
    printed = printed_references(doc, src)
    unprinted = split_database(src)
    disclosures = [f for f in pdf["findings"] if is_disclosure(f)]
    extra, lost = match([f for f in pdf["findings"] if not is_disclosure(f)], src["findings"])
    pages = page_count(folder / doc["pdf"])
    row: dict[str, Any] = {
        "id": doc["id"],
        "split": doc["split"],
        "format": doc["format"],
        "language": doc["language"],
        "kind": doc["kind"],
        "layout": doc.get("layout", []),
        "source_trust": doc.get("source_trust", "unjudged"),
        "pages": pages,
        "source": {
            "references": src["summary"].get("references"),
            "printed_references": printed,
            "uncited_database_entries": unprinted,
            "citations": src["summary"].get("citations"),
            "findings": len(src["findings"]),
            "exit_code": src["exit_code"],
            "unchecked": unchecked(src),
        },
        "pdf": {
            "references": pdf["summary"].get("references"),
            "citations": pdf["summary"].get("citations"),
            "findings": len(pdf["findings"]),
            "disclosures": [str(f.get("message", ""))[:160] for f in disclosures],
            "exit_code": pdf["exit_code"],
            "unchecked": unchecked(pdf),
            "skipped_checks": pdf["summary"].get("skipped_checks", []),
        },
        "false_findings": [
            {
                "rule": f["rule"],
                "subject": subject_label(f),
                "location": f.get("location"),
                "message": f.get("message"),
            }
            for f in extra
        ],
        "lost_findings": [{"rule": f["rule"], "subject": subject_label(f)} for f in lost],
        "source_findings": [
            {"rule": f["rule"], "subject": subject_label(f)} for f in src["findings"]
        ],
    }
    apply_pdf_verdicts(row, doc)
    if startup is not None and pages:
        seconds = max(_parse_seconds(cli, folder, doc["pdf"]) - startup, 1e-3)
        row["load_seconds"] = round(seconds, 3)
        row["pages_per_second"] = round(pages / seconds, 1)
    return row


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The headline numbers over pairs whose source is trusted."""
    used = [r for r in rows if r["source_trust"] != "unusable"]
    n = len(used)
    if not n:
        return {"pairs": 0}
    equal_refs = sum(r["source"]["printed_references"] == r["pdf"]["references"] for r in used)
    false_total = sum(len(r["false_findings"]) for r in used)
    all_false = [
        r["id"]
        for r in used
        if (n_claims := r["pdf"]["findings"] - len(r["pdf"].get("disclosures", [])))
        and len(r["false_findings"]) == n_claims
    ]
    by_rule = Counter(f["rule"] for r in used for f in r["false_findings"])
    # a PDF finding is right when a source finding of its rule and subject matches it:
    # matched = source findings - lost ones, per rule
    matched = Counter(f["rule"] for r in used for f in r["source_findings"])
    matched.subtract(Counter(f["rule"] for r in used for f in r["lost_findings"]))
    matched.update(f["rule"] for r in used for f in r.get("pdf_right_by_verdict", []))
    precision = {
        rule: f"{matched[rule]}/{matched[rule] + by_rule[rule]}"
        for rule in sorted(set(by_rule) | {k for k, v in matched.items() if v > 0})
    }
    timed = [r for r in used if r.get("load_seconds")]
    pages = sum(r["pages"] for r in timed)
    seconds = sum(r["load_seconds"] for r in timed)
    return {
        "pairs": n,
        "equal_reference_count_pct": round(100 * equal_refs / n, 1),
        "false_findings": false_total,
        "false_findings_per_pdf": round(false_total / n, 2),
        "pdfs_with_false_findings": sum(bool(r["false_findings"]) for r in used),
        "pdfs_all_findings_false": all_false,
        "pdfs_unchecked": [r["id"] for r in used if r["pdf"]["unchecked"]],
        "pdf_disclosures": sum(len(r["pdf"].get("disclosures", [])) for r in used),
        "pdf_right_by_verdict": sum(len(r.get("pdf_right_by_verdict", [])) for r in used),
        "false_by_rule": dict(by_rule.most_common()),
        "pdf_findings_right_by_rule": precision,
        "lost_source_findings": sum(len(r["lost_findings"]) for r in used),
        "load_pages_per_second": round(pages / seconds, 1) if seconds else None,
        "load_slowest": min((r["pages_per_second"], r["id"]) for r in timed) if timed else None,
    }


def summarise_splits(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The headline numbers over all rows, and per split when there are several
    (the hold-out split is reported on its own, never pooled into a tuning figure)."""
    summary = summarise(rows)
    splits = sorted({r["split"] for r in rows})
    if len(splits) > 1:
        summary["by_split"] = {s: summarise([r for r in rows if r["split"] == s]) for s in splits}
    return summary


def _table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| id | split | pages | refs src/pdf | cites src/pdf | findings src/pdf | false | lost | unchecked | pages/s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        mark = " (source unusable)" if r["source_trust"] == "unusable" else ""
        lines.append(
            f"| {r['id']}{mark} | {r['split']} | {r['pages']} | {r['source']['printed_references']}/{r['pdf']['references']} "
            f"| {r['source']['citations']}/{r['pdf']['citations']} | {r['source']['findings']}/{r['pdf']['findings']} "
            f"| {len(r['false_findings'])} | {len(r['lost_findings'])} | {'yes' if r['pdf']['unchecked'] else ''} "
            f"| {r.get('pages_per_second', '')} |"
        )
    return "\n".join(lines)


def rescore(path: Path, docs: list[dict[str, Any]], out: Path | None) -> int:
    """Re-apply the manifest's ``source_trust`` and ``printed_references`` to saved rows."""
    by_id = {d["id"]: d for d in docs}
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = [r for r in data["rows"] if r["id"] in by_id]
    for row in rows:
        doc = by_id[row["id"]]
        row["source_trust"] = doc.get("source_trust", "unjudged")
        if doc.get("printed_references") is not None:
            row["source"]["printed_references"] = int(doc["printed_references"])
        apply_pdf_verdicts(row, doc)
    summary = summarise_splits(rows)
    print(_table(rows))
    print()
    print(json.dumps(summary, indent=1))
    if out:
        out.write_text(
            json.dumps({"summary": summary, "rows": rows}, indent=1, ensure_ascii=False),
            encoding="utf-8",
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", type=Path, default=HERE / "pdf" / "manifest.json")
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpora/pdf"))
    parser.add_argument("--citecheck", default="citecheck", help="the CLI to run (command or path)")
    parser.add_argument("--split", choices=["dev", "test", "holdout", "all"], default="all")
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument(
        "--json", type=Path, default=None, help="write every row and the summary here"
    )
    parser.add_argument("--no-timing", action="store_true", help="skip the load-speed runs")
    parser.add_argument(
        "--source-cache",
        type=Path,
        default=None,
        help="folder of the sources' reports, reused when present (delete it when the source readers change)",
    )
    parser.add_argument(
        "--rescore",
        type=Path,
        default=None,
        help="recompute the summary of an earlier --json file with the manifest's current trust and counts",
    )
    args = parser.parse_args(argv)
    docs = json.loads(args.manifest.read_text(encoding="utf-8"))["documents"]
    if args.rescore:
        return rescore(
            args.rescore, [d for d in docs if args.split in ("all", d["split"])], args.json
        )
    docs = [
        d
        for d in docs
        if args.split in ("all", d["split"]) and (args.only is None or d["id"] in args.only)
    ]
    cli = args.citecheck.split()
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "citecheck.toml"
        config.write_text("", encoding="utf-8")
        source_config = Path(tmp) / "source.toml"
        source_config.write_text(SOURCE_CONFIG, encoding="utf-8")
        startup = None
        if not args.no_timing:
            tiny = Path(tmp) / "tiny.txt"
            tiny.write_text("One sentence (Smith, 2020).\n", encoding="utf-8")
            startup = _parse_seconds(cli, Path(tmp), tiny.name)
        rows = []
        for doc in docs:
            folder = args.corpus / doc["id"]
            if not (folder / doc["pdf"]).is_file():
                print(f"{doc['id']}: not materialised under {args.corpus}", file=sys.stderr)
                continue
            rows.append(
                measure(doc, folder, cli, config, startup, args.source_cache, source_config)
            )
            print(f"{doc['id']}: {len(rows[-1]['false_findings'])} false", file=sys.stderr)
    summary = summarise_splits(rows)
    print(_table(rows))
    print()
    print(json.dumps(summary, indent=1))
    if args.json:
        args.json.write_text(
            json.dumps({"summary": summary, "rows": rows}, indent=1, ensure_ascii=False),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
