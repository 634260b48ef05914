"""Print the reference parser's misses on the DEV split only, by field.

Usage::

    .venv/bin/python -m bench.accuracy.refparse_dev_errors FIELD [--dataset NAME] [--limit N]
        [--skip N] [--data ../shared/datasets/refstrings]

Tuning looks at these strings and never at held-out misses (the held-out split is
only ever scored as a whole by ``refparse_accuracy.py``). Each miss is printed with a
category: ``missed`` (gold labelled, nothing predicted), ``spurious`` (predicted,
not labelled) or ``wrong``; a count by category comes first.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from bench.accuracy.refparse import (
    DEFAULT_DATA,
    Item,
    load_anystyle,
    load_crossref,
    load_glutton,
    predicted,
    score_item,
    split_of,
)
from citecheck.references import parse_reference


def _dev_items(data: Path) -> list[Item]:
    items = [
        *load_anystyle(data / "anystyle_gold_full.xml"),
        *load_glutton(data / "glutton_references-doi-matching_sample300.json"),
        *load_crossref(data),
    ]
    return [it for it in items if split_of(it.key or it.text) == "dev"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("field")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--dataset")
    ap.add_argument("--only", choices=("missed", "spurious", "wrong"))
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--skip", type=int, default=0)
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    rows: list[tuple[str, Item, object, object]] = []
    for it in _dev_items(args.data):
        if (args.dataset and it.dataset != args.dataset) or args.field not in it.gold:
            continue
        pred = predicted(parse_reference(it.text))
        if args.field not in score_item(it, pred, {}):
            continue
        g, p = it.gold[args.field], pred[args.field]
        cat = "missed" if p is None else "spurious" if g is None else "wrong"
        counts[cat] += 1
        if args.only is None or cat == args.only:
            rows.append((cat, it, g, p))
    print(dict(counts))
    for cat, it, g, p in rows[args.skip : args.skip + args.limit]:
        print(f"[{cat}] {it.dataset}: {it.text}\n    gold={g!r}\n    pred={p!r}")


if __name__ == "__main__":
    main()
