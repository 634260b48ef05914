"""Choose off-topic constants on the dev split and report the test split.

Usage::

    .venv/bin/python -m bench.accuracy.offtopic_calibrate /tmp/ot-usem3.json [--fp-budget 0.01]

Reads the per-reference cosines written by ``offtopic_eval.py``. ``centre`` and
``scale`` of each signal are the mean and SD over the dev split's own references
(not methods, titles of at least 4 words); the threshold is the one that flags
``--fp-budget`` of them. Prints the constants for ``citecheck/topic/calibration.py``
and a Markdown table for docs/benchmarks.md (dev and held-out test, by language).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

SIGNALS = ("references", "neighbours", "manuscript", "citing")
WEIGHTS = {"neighbours": 1.0, "references": 0.3, "manuscript": 0.5, "citing": 0.0}
MIN_WORDS = 4


def load(path: Path) -> tuple[str, dict[str, np.ndarray], dict[str, int]]:
    res = json.loads(path.read_text(encoding="utf-8"))
    rows: list[dict[str, Any]] = []
    abstained = {"dev": 0, "test": 0}
    for run in res["runs"]:
        if run["abstained"]:
            abstained[run["split"]] += 1
            continue
        for row in run["rows"]:
            rec = {
                "case": run["case"],
                "dev": run["split"] == "dev",
                "en": run["lang"] == "en",
                "target": bool(row["target"]),
                "methods": bool(row.get("methods")),
                "short": len(row.get("title", "").split()) < MIN_WORDS,
                "article": run["article"],
            }
            for sig in SIGNALS:
                rec[sig] = row["cos"].get(sig, np.nan)
            rows.append(rec)
    cols = {k: np.asarray([r[k] for r in rows]) for k in rows[0]}
    return res["backend"], cols, abstained


def auroc(neg: np.ndarray, pos: np.ndarray) -> float:
    """P(an injected reference scores below an own reference); ties count half."""
    if len(neg) == 0 or len(pos) == 0:
        return float("nan")
    srt = np.sort(neg)
    right = np.searchsorted(srt, pos, side="right")
    left = np.searchsorted(srt, pos, side="left")
    return float(((len(neg) - right) + 0.5 * (right - left)).sum() / (len(pos) * len(neg)))


def combined(
    a: dict[str, np.ndarray],
    centre: dict[str, float],
    scale: dict[str, float],
    weights: dict[str, float],
) -> np.ndarray:
    num = np.zeros(len(a["case"]))
    den = np.zeros(len(a["case"]))
    for sig in SIGNALS:
        v = (a[sig].astype(float) - centre[sig]) / scale[sig]
        ok = ~np.isnan(v)
        num[ok] += weights[sig] * v[ok]
        den[ok] += weights[sig]
    return np.divide(num, den, out=np.zeros_like(num), where=den > 0)


def report(a: dict[str, np.ndarray], score: np.ndarray, t: float, mask: np.ndarray) -> str:
    judged = ~a["short"]
    flag = (score < t) & judged & ~a["methods"]
    flag_no_exempt = (score < t) & judged
    own = (a["case"] == "clean") & mask
    dist = (a["case"] == "distant") & a["target"] & mask
    near = (a["case"] == "near") & a["target"] & mask
    meth = (a["case"] == "methods") & a["target"] & mask
    own_m = own & a["methods"]
    arts = len(set(a["article"][own]))
    return (
        f"{arts} | {own.sum()} | {flag[own].sum()} ({100 * flag[own].mean():.2f} %) | "
        f"{100 * flag[dist].mean():.1f} % (n={dist.sum()}) | "
        f"{auroc(score[own & ~a['methods']], score[dist]):.3f} | "
        f"{100 * flag[near].mean():.1f} % (n={near.sum()}) | "
        f"{auroc(score[own & ~a['methods']], score[near]):.3f} | "
        f"{100 * flag[meth].mean():.0f} % / {100 * flag_no_exempt[meth].mean():.0f} % "
        f"(n={meth.sum()}) | {flag[own_m].sum()} / {flag_no_exempt[own_m].sum()} of "
        f"{own_m.sum()} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("results", type=Path)
    ap.add_argument("--fp-budget", type=float, default=0.01)
    ap.add_argument(
        "--use-constants",
        action="store_true",
        help="report with the constants in citecheck/topic/calibration.py",
    )
    args = ap.parse_args(argv)
    backend, a, abstained = load(args.results)
    base = (a["case"] == "clean") & a["dev"] & ~a["methods"] & ~a["short"]
    if args.use_constants:
        from citecheck.topic.calibration import calibration_for

        cal = calibration_for(backend)
        centre, scale, weights, t = cal.centre, cal.scale, cal.weights, cal.threshold
    else:
        centre = {s: round(float(np.nanmean(a[s][base])), 3) for s in SIGNALS}
        scale = {s: round(float(np.nanstd(a[s][base])), 3) for s in SIGNALS}
        weights = WEIGHTS
        score = combined(a, centre, scale, weights)
        t = round(float(np.quantile(score[base], args.fp_budget)), 2)
    score = combined(a, centre, scale, weights)
    print(
        f"backend {backend}: threshold={t}, centre={centre}, scale={scale}, "
        f"weights={weights}; abstained runs {abstained}"
    )
    print(
        "| split | languages | articles | own refs | false flags | distant recall "
        "| distant AUROC | near recall | near AUROC | injected methods refs flagged "
        "(exempt / not) | own methods refs flagged (exempt / not) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for split in ("dev", "test"):
        in_split = a["dev"] if split == "dev" else ~a["dev"]
        for lang, m in (
            ("all", in_split),
            ("English", in_split & a["en"]),
            ("translated", in_split & ~a["en"]),
        ):
            print(f"| {split} | {lang} | " + report(a, score, t, m))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
