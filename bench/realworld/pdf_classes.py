"""Sort the false findings of ``pdf_pairs.py`` into failure classes (a rough, automatic triage).

Usage::

    python -m bench.realworld.pdf_classes RESULTS.json [--citecheck citecheck]
        [--corpus /work/corpora/pdf] [--manifest bench/realworld/pdf/manifest.json]
        [--examples 3] [--json classes.json]

``RESULTS.json`` is written by ``pdf_pairs.py --json``. For each pair the CLI is run again
(``check`` on the PDF, ``parse`` on both sides, JSON only) and every PDF finding that the
source does not have is given one class:

- ``fragment``: a "reference" whose words are mostly found in one source entry but which
  covers little of it (an entry cut at a line, an italic run, a font change, a bullet);
- ``not-a-reference``: a "reference" whose words match no source entry (text after or
  around the list read as entries: appendices, code listings, response letters, margin
  line numbers, page furniture);
- ``whole-entry-unlinked``: a complete entry flagged because its citations did not reach
  it (labels lost, citations not found);
- ``spurious-number``: a numeric citation where the source has none of that number
  (line numbers, footnote marks, superscript digits in maths, tables or tables of
  contents read as citations);
- ``numbered-list-lost``: a numeric citation the source does have whose entry the PDF
  run did not number (label column read apart, entries merged or split);
- ``author-year-unlinked``: an author-year citation the source has but whose entry the PDF
  run did not find (the entry was cut or merged);
- ``text-misread``: an author-year citation the source does not have (furniture, words
  glued across columns, reading order);
- ``broken-doi-url``: ``doi-invalid`` on a DOI/URL cut across lines;
- ``no-list``: ``missing-bibliography`` (the list was not found: heading with a number or
  line number in front, list in an unexpected place).

The thresholds are crude on purpose; the classes point at where to look, and the counts
rank them. ``NOTES.md`` next to the corpus gives hand-checked examples of each.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from bench.realworld.pdf_pairs import subject_label

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def words(text: str) -> set[str]:
    """Lower-case words of three letters or more."""
    return {w.lower() for w in WORD.findall(text or "")}


def cli_json(cli: list[str], folder: Path, *args: str) -> dict[str, Any]:
    """Run the CLI and parse its JSON output ({} when it fails)."""
    proc = subprocess.run([*cli, *args], cwd=folder, capture_output=True, text=True, check=False)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        return {}


def best_match(text: str, sources: list[set[str]]) -> tuple[float, float]:
    """(share of the text's words found in the closest source entry, share of that entry covered)."""
    mine = words(text)
    if not mine:
        return 0.0, 0.0
    best_share, best_cover = 0.0, 0.0
    for theirs in sources:
        common = len(mine & theirs)
        share = common / len(mine)
        cover = common / len(theirs) if theirs else 0.0
        if (share, cover) > (best_share, best_cover):
            best_share, best_cover = share, cover
    return best_share, best_cover


def classify_reference(
    text: str, page: int | None, span: tuple[int, int], sources: list[set[str]]
) -> str:
    """fragment / not-a-reference / whole-entry-unlinked for a reference-subject finding.

    ``span`` is the first and last page holding a PDF entry that matches a source entry:
    anything outside it is text around the list read as entries.
    """
    if page is not None and not span[0] <= page <= span[1]:
        return "not-a-reference"
    if not words(text):
        return "fragment"  # punctuation, page numbers, lone labels inside the list
    share, cover = best_match(text, sources)
    if share < 0.5:
        return "not-a-reference"
    return "whole-entry-unlinked" if cover >= 0.6 else "fragment"


def classify(
    finding: dict[str, Any],
    sources: list[set[str]],
    source_numbers: set[int],
    source_authors: set[tuple[str, str]],
    span: tuple[int, int],
) -> str:
    """One class for one false finding."""
    rule = finding["rule"]
    cit = finding.get("citation") or {}
    ref = finding.get("reference") or {}
    if rule == "doi-invalid":
        return "broken-doi-url"
    if rule == "missing-bibliography":
        return "no-list"
    if cit:
        if cit.get("number") is not None:
            return (
                "numbered-list-lost" if int(cit["number"]) in source_numbers else "spurious-number"
            )
        names = cit.get("authors") or []
        key = (names[0].lower(), str(cit.get("year"))) if names else ("", "")
        return "author-year-unlinked" if key in source_authors else "text-misread"
    page = (ref.get("location") or {}).get("page")
    return classify_reference(str(ref.get("text", "")), page, span, sources)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path)
    parser.add_argument("--citecheck", default="citecheck")
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpora/pdf"))
    parser.add_argument("--manifest", type=Path, default=HERE / "pdf" / "manifest.json")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    cli = args.citecheck.split()
    docs = {d["id"]: d for d in json.loads(args.manifest.read_text(encoding="utf-8"))["documents"]}
    rows = json.loads(args.results.read_text(encoding="utf-8"))["rows"]
    totals: Counter[str] = Counter()
    per_doc: dict[str, Counter[str]] = {}
    examples: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        doc = docs[row["id"]]
        if doc.get("source_trust") == "unusable" or not row["false_findings"]:
            continue
        folder = args.corpus / doc["id"]
        target = doc["main"]
        suffix = doc.get("read_as") or (".md" if doc["format"] in ("rmd", "qmd") else None)
        if suffix:
            target = Path(target).with_suffix(".citecheck-source" + suffix).as_posix()
        refs = [a for r in doc.get("references", []) for a in ("--references", r)]
        src = cli_json(
            cli,
            folder,
            "check",
            "--offline",
            "--no-cache",
            "--fail-on",
            "never",
            "--format",
            "json",
            *refs,
            target,
        )
        src_parse = cli_json(cli, folder, "parse", target)
        pdf = cli_json(
            cli,
            folder,
            "check",
            "--offline",
            "--no-cache",
            "--fail-on",
            "never",
            "--format",
            "json",
            doc["pdf"],
        )
        sources = [words(r.get("text", "")) for r in src_parse.get("references", [])]
        for f in src.get(
            "findings", []
        ):  # entries from reference files carry their text in findings only
            if f.get("reference"):
                sources.append(words(f["reference"].get("text", "")))
        sources = [
            w for w in sources if len(w) <= 150
        ]  # a source entry that swallowed an appendix matches anything
        pdf_parse = cli_json(cli, folder, "parse", doc["pdf"])
        labelled = [
            r
            for r in pdf_parse.get("references", [])
            if re.match(r"\s*\[?(\d+)[\].]", r.get("text", ""))
        ]
        matched = [
            (r.get("location") or {}).get("page")
            for r in pdf_parse.get("references", [])
            if len(words(r.get("text", ""))) >= 4
            and best_match(r.get("text", ""), sources)[0] >= 0.6
        ]
        pages = [p for p in matched if p is not None]
        span = (min(pages), max(pages)) if pages else (0, 10**6)
        printed = row["source"].get("printed_references") or 0
        source_numbers = (
            set(range(1, printed + 1))
            if any(c.get("number") for c in src_parse.get("citations", []))
            or labelled
            or "numeric" in " ".join(doc.get("layout", []))
            else set()
        )
        source_authors = {
            ((c.get("authors") or [""])[0].lower(), str(c.get("year")))
            for c in src_parse.get("citations", [])
            if c.get("authors")
        }
        for r in src_parse.get("references", []):
            names = r.get("authors") or []
            if names:
                source_authors.add(((names[0].get("family") or "").lower(), str(r.get("year"))))
        wanted = Counter((f["rule"], f["subject"]) for f in row["false_findings"])
        counts: Counter[str] = Counter()
        for f in pdf.get("findings", []):
            key = (f["rule"], subject_label(f))
            if not wanted[key]:
                continue
            wanted[key] -= 1
            cls = classify(f, sources, source_numbers, source_authors, span)
            counts[cls] += 1
            if len(examples[cls]) < 40:
                loc = f.get("location") or {}
                examples[cls].append(
                    f"{doc['id']} p{loc.get('page')}:{loc.get('line')} {f['rule']}: {subject_label(f)!r}"
                )
        per_doc[doc["id"]] = counts
        totals.update(counts)
    print("| class | false findings | PDFs |")
    print("|---|---|---|")
    for cls, n in totals.most_common():
        print(f"| {cls} | {n} | {sum(1 for c in per_doc.values() if c[cls])} |")
    print()
    for doc_id, counts in per_doc.items():
        print(f"{doc_id}: {dict(counts.most_common())}")
    print()
    for cls, lines in examples.items():
        print(f"## {cls}")
        step = max(1, len(lines) // max(1, args.examples))
        for line in lines[::step][: args.examples]:
            print("  " + line)
    if args.json:
        args.json.write_text(
            json.dumps({"totals": totals, "per_doc": per_doc, "examples": examples}, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
