"""Linking on real articles: PLOS JATS turned into Markdown with an answer key.

Runs ``../shared/tools/jats_to_text.py --batch`` on the JATS folder, loads each
Markdown manuscript with citecheck's own loader (extractor and reference parser
included), links it, and compares every extracted citation that overlaps a true
citation with the reference the publisher's markup points to. Also counts the
crossmatch findings: these published articles are (almost) clean, so findings are
mostly false alarms of the whole pipeline.

Usage: ``python -m bench.accuracy.linking [JATS_DIR] [TOOL]``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from citecheck.linking import link
from citecheck.loaders import load_manuscript
from citecheck.model.settings import Settings
from citecheck.rules import crossmatch
from citecheck.rules.base import RuleContext


def main(argv: list[str]) -> None:
    jats = Path(argv[1]) if len(argv) > 1 else Path("../shared/datasets/jats-dev")
    tool = Path(argv[2]) if len(argv) > 2 else Path("../shared/tools/jats_to_text.py")
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, str(tool), "--batch", str(jats), "-o", out],
            check=True,
            capture_output=True,
        )
        total: Counter[str] = Counter()
        for key_file in sorted(Path(out).glob("*.key.json")):
            key = json.loads(key_file.read_text(encoding="utf-8"))
            md = key_file.with_name(key_file.name.replace(".key.json", ".md"))
            doc = load_manuscript(md, md.name)
            links = link(doc)
            order = {r["id"]: r["order"] - 1 for r in key["references"]}
            truth = [
                (
                    c["start"],
                    c["end"],
                    {order[r] for r in c["rids"] + c["implied_rids"] if r in order},
                )
                for c in key["citations"]
            ]
            counts: Counter[str] = Counter()
            for ln in links.links:
                c = doc.citations[ln.citation]
                # a group "[3]-[6]" may be one extracted span over several true ones
                hits = [
                    t
                    for s, e, t in truth
                    if s <= c.start < e or c.start <= s < max(c.end, c.start + 1)
                ]
                want = set().union(*hits) if hits else None
                if want is None:
                    counts["extracted, not a true citation"] += 1
                elif ln.status == "ambiguous":
                    counts["ambiguous"] += 1
                elif ln.reference is None:
                    counts["unmatched"] += 1
                elif ln.reference in want:
                    counts[f"correct ({ln.status})"] += 1
                else:
                    counts["wrong reference"] += 1
            ctx = RuleContext(document=doc, links=links, settings=Settings())
            findings = Counter(f.rule for r in crossmatch.RULES for f in r.check(ctx))
            print(
                f"{md.name}: {key['citation_style']}, {len(doc.references)}/{len(key['references'])} refs, "
                f"{dict(sorted(counts.items()))}\n    findings: {dict(sorted(findings.items()))}"
            )
            total.update(counts)
            total.update({f"finding {k}": v for k, v in findings.items()})
        print("\nTOTAL", dict(sorted(total.items())))


if __name__ == "__main__":
    main(sys.argv)
