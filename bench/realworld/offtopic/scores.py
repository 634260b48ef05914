"""Every reference's off-topic score on the real-world set, for tuning without the CLI.

Usage::

    python -m bench.realworld.offtopic.scores --out /tmp/ot-scores.json [--corpora DIR]
        [--cache-dir /tmp/ot-cache] [--only ID ...] [--split holdout]
        [--manifest bench/realworld/text/manifest.json]

Loads each manuscript of the manifest as the CLI does (``prepare``), runs the topic stage
in-process and writes one row per scored reference: key, title, kind, whether it is
judged, its signals, flag and the hand verdict when one exists (matched by the harness's
subject rule). Embeddings are kept in the topic vector cache of ``--cache-dir``, so a
second run only re-scores. ``python -m bench.realworld.offtopic.run`` stays the measurement of record.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from bench.realworld.offtopic.run import MANIFEST, copy_markdown
from bench.realworld.verdicts import normalise, target_of
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import prepare
from citecheck.topic import stage


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--corpora", type=Path, default=Path("/work/corpora"))
    ap.add_argument("--cache-dir", default="/tmp/ot-cache")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--split", help="only this split")
    ap.add_argument("--manifest", type=Path, default=MANIFEST, help="another corpus (text)")
    args = ap.parse_args(argv)
    copy_markdown(args.manifest, args.corpora)
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    verdicts = json.loads(args.manifest.with_name("verdicts.json").read_text(encoding="utf-8"))
    verdicts = [v for v in verdicts if v.get("rule", "off-topic") == "off-topic"]
    judged = {(v["doc"], normalise(v["subject"])): v for v in verdicts if v["verdict"] != "missed"}
    rows: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for doc in manifest["documents"]:
        if (args.only and doc["id"] not in args.only) or (
            args.split and doc["split"] != args.split
        ):
            continue
        folder = args.corpora / manifest["corpus"] / doc["id"]
        settings = Settings(
            paths=(target_of(doc, None),),
            references=tuple(doc.get("references", [])),
            offline=True,
            cache_dir=args.cache_dir,
        )
        prepared = prepare(folder / target_of(doc, None), folder, settings)
        outcome = stage.score_all([prepared], settings)
        topic = outcome.topics[0]
        refs = prepared.document.references
        doc_row = {"doc": doc["id"], "split": doc["split"], "abstained": topic.abstained}
        if topic.abstained:
            rows.append(doc_row)
            continue
        for i, s in sorted(topic.scores.items()):
            ref = refs[i]
            subject = ref.key or ref.text[:60]
            verdict = judged.get((doc["id"], normalise(subject)))
            rows.append(
                doc_row
                | {
                    "i": i,
                    "key": ref.key,
                    "title": (ref.title or "")[:120],
                    "kind": ref.kind,
                    "venue": ref.container or ref.publisher,
                    "link": ref.url or ref.doi,
                    "score": s.score,
                    "z": s.z,
                    "cos": s.cosines,
                    "exempt": s.exempt,
                    "methods": s.methods,
                    "sentences": list(s.sentences),
                    "flagged": s.flagged,
                    "verdict": verdict["verdict"] if verdict else None,
                    "category": verdict.get("category") if verdict else None,
                }
            )
        far = topic.list_far
        rows.append(doc_row | {"list_far": far.score if far else None, "terms": topic.terms})
    args.out.write_text(json.dumps(rows, indent=0), encoding="utf-8")
    print(f"{len(rows)} rows in {time.perf_counter() - t0:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
