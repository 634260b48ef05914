"""Score the reference parser on CSL-rendered strings and on the real labelled sets.

Usage::

    python -m bench.refparse.evaluate [DATA_DIR] [--split heldout|tune|all]
        [--backend cli|api] [--errors FIELD [--limit N]] [--json OUT] [--speed]

DATA_DIR is what ``generate.py`` wrote (default ``/work/corpora/refstyles``). Prints
markdown: per-field precision/recall on the generated strings of the split (held
out by default: styles never used for tuning), per style family, per locale, the 20
worst styles; the real labelled sets (loaded by the existing refparse benchmark) by
dataset and dev/holdout; PDF damage (hyphenation repair, two entries on one line);
with ``--speed``, the time to parse 10,000 strings.

``--backend cli`` runs ``citecheck parse --references-only`` on a file of strings
(robust to package moves); ``api`` calls ``parse_reference`` in-process. ``--errors``
prints misses of one field, and refuses the held-out split: tune on tune styles.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from bench.refparse import backend, noise_eval
from bench.refparse.score import FIELDS, Score, score

DEFAULT_DATA = Path("/work/corpora/refstyles")


def table(
    title: str,
    rows: dict[str, dict[str, Score]],
    fields: tuple[str, ...] = FIELDS,
    count: dict[str, int] | None = None,
    metric: str = "pr",
) -> str:
    """A markdown table: one row per key, P/R (or F1) per field."""
    head = "| " + title + " | n | " + " | ".join(fields) + " |"
    out = [head, "|" + "---|" * (len(fields) + 2)]
    for key, sc in rows.items():
        cells = []
        for f in fields:
            s = sc.get(f)
            if s is None or (s.gold == 0 and s.pred == 0):
                cells.append("–")
                continue
            p, r, f1 = s.prf()
            cells.append(f"{p:.3f} / {r:.3f}" if metric == "pr" else f"{f1:.3f}")
        out.append(f"| {key} | {(count or {}).get(key, '')} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def style_accuracy(sc: dict[str, Score]) -> float:
    """Share of right decisions over all fields (F1 micro-averaged over fields)."""
    c = sum(s.correct for s in sc.values())
    p = sum(s.pred for s in sc.values())
    g = sum(s.gold for s in sc.values())
    return 2 * c / (p + g) if p + g else 1.0


def generated(
    records: list[dict[str, Any]], preds: list[dict[str, Any]], errors: str | None, limit: int
) -> tuple[str, dict[str, Any]]:
    """Report on generated strings: overall, per family, per locale, worst styles."""
    total: dict[str, Score] = {}
    fam: dict[str, dict[str, Score]] = defaultdict(dict)
    loc: dict[str, dict[str, Score]] = defaultdict(dict)
    sty: dict[str, dict[str, Score]] = defaultdict(dict)
    miss: Counter[str] = Counter()
    shown = 0
    for rec, pred in zip(records, preds, strict=True):
        wrong = score(rec["truth"], pred, total)
        score(rec["truth"], pred, fam[rec["family"]])
        score(rec["truth"], pred, loc[rec["locale"] or "default"])
        score(rec["truth"], pred, sty[rec["style"]])
        miss.update(wrong)
        if errors and errors in wrong and shown < limit:
            shown += 1
            print(
                f"--- {rec['style']} ({rec['family']}, {rec['locale']}): {rec['text']}\n"
                f"    gold={rec['truth'].get(errors)!r} pred={pred.get(errors)!r}"
            )
    n_fam = Counter(r["family"] for r in records)
    n_loc = Counter(r["locale"] or "default" for r in records)
    n_sty = Counter(r["style"] for r in records)
    fams = dict(sorted(fam.items(), key=lambda kv: -n_fam[kv[0]]))
    worst = sorted(sty, key=lambda s: style_accuracy(sty[s]))[:20]
    parts = [
        f"{len(records)} strings, {len(n_sty)} styles ({len({r['parent'] for r in records})} parents)\n",
        table("all", {"all": total}, count={"all": len(records)}),
        "\nPer family (F1):\n",
        table(
            "family", {k: v for k, v in fams.items() if n_fam[k] >= 30}, count=n_fam, metric="f1"
        ),
        "\nPer locale (F1):\n",
        table(
            "locale",
            {k: v for k, v in sorted(loc.items(), key=lambda kv: -n_loc[kv[0]]) if n_loc[k] >= 30},
            count=n_loc,
            metric="f1",
        ),
        "\nWorst 20 styles (F1 per field; score = micro F1 over fields):\n",
        table(
            "style",
            {f"{s} ({style_accuracy(sty[s]):.2f})": sty[s] for s in worst},
            count={f"{s} ({style_accuracy(sty[s]):.2f})": n_sty[s] for s in worst},
            metric="f1",
        ),
    ]
    res = {
        "total": {f: vars(s) for f, s in total.items()},
        "worst": [[s, round(style_accuracy(sty[s]), 3)] for s in worst],
        "families": {k: {f: vars(s) for f, s in v.items()} for k, v in fams.items()},
    }
    return "\n".join(parts), res


def real_sets(be: backend.Backend) -> tuple[str, dict[str, Any]]:
    """The labelled sets, scored with their own gold loading, by dataset and split."""
    items = backend.real_items()
    preds = be.parse([it.text for it in items])
    rows: dict[str, dict[str, Score]] = defaultdict(dict)
    count: Counter[str] = Counter()
    for it, pred in zip(items, preds, strict=True):
        side = backend.real_split(it)
        for key in (f"{it.dataset} / {side}", f"ALL / {side}", "ALL / all"):
            score(it.gold, pred, rows[key])
            count[key] += 1
    rows = dict(sorted(rows.items()))
    return table("dataset / split", rows, count=count), {
        k: {f: vars(s) for f, s in v.items()} for k, v in rows.items()
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=("heldout", "tune", "all"), default="heldout")
    ap.add_argument("--backend", choices=("cli", "api"), default="api")
    ap.add_argument("--errors")
    ap.add_argument("--family", help="only styles of this family (with --errors)")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--no-real", action="store_true")
    args = ap.parse_args(argv)
    if args.errors and args.split != "tune":
        sys.exit("--errors looks at tune styles only (--split tune)")
    be = backend.make(args.backend)
    records = [json.loads(line) for line in (args.data / "strings.jsonl").open()]
    records = [r for r in records if args.split == "all" or r["split"] == args.split]
    if args.family:
        records = [r for r in records if r["family"].startswith(args.family)]
    t0 = time.perf_counter()
    preds = be.parse([r["text"] for r in records])
    dt = time.perf_counter() - t0
    report, res = generated(records, preds, args.errors, args.limit)
    print(
        f"## Generated strings, split={args.split}, backend={args.backend} ({dt:.1f}s)\n\n{report}"
    )
    if not args.errors and not args.no_real:
        rep, res["real"] = real_sets(be)
        print(f"\n## Real labelled sets\n\n{rep}")
        noisy = [json.loads(line) for line in (args.data / "noisy.jsonl").open()]
        noisy = [r for r in noisy if args.split == "all" or r["split"] == args.split]
        rep, res["noise"] = noise_eval.evaluate(noisy, be)
        print(f"\n## PDF damage\n\n{rep}")
    if args.speed:
        res["speed"] = backend.speed([r["text"] for r in records], be)
        print(f"\n## Speed\n\n{res['speed']}")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
