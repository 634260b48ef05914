"""Re-apply the volume labelling of :func:`render.roman_volume` to generated data.

Usage::

    python -m bench.refparse.relabel [DATA_DIR] [--rerender STYLE ...]

Data generated before Roman volumes were labelled (issue 14, seventh pass) has
``volume: null`` where a style prints the volume as a Roman numeral ("c. CCCLVI",
"xciii/2 (2002)"). This rewrites only those labels, in ``strings.jsonl`` and
``noisy.jsonl``, from the items the data was built from (``generate.build_items``,
same seed), so the data need not be rendered again (20 minutes). Prints how many
labels changed, per split.

``--rerender`` renders the named styles again with the current renderer (same items:
the item ids of their records) and replaces their texts, refusing any record whose
labels would change; used for the styles that printed an empty macro's terms ("Journal,
490, traduit par , p. 279590": see :func:`render._macro_as_group`).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from bench.refparse import render, styles
from bench.refparse.generate import DEFAULT_OUT, build_items
from bench.refparse.render import roman_volume


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--rerender", nargs="*", default=[])
    args = ap.parse_args(argv)
    seed = json.loads((args.data / "manifest.json").read_text())["seed"]
    items = {it["id"]: it for it in build_items(seed)}
    changed: Counter[str] = Counter()
    if args.rerender:
        changed.update(_rerender(args.data / "strings.jsonl", items, set(args.rerender), seed))
    for name in ("strings.jsonl", "noisy.jsonl"):
        path = args.data / name
        out = []
        for line in path.read_text().splitlines():
            rec = json.loads(line)
            if rec["truth"].get("volume") is None and "volume" in rec["truth"]:
                label = roman_volume(items[rec["item"]].get("volume"), rec["text"])
                if label:
                    rec["truth"]["volume"] = label
                    changed[f"{name} {rec['split']}"] += 1
                    line = json.dumps(rec, ensure_ascii=False)
            out.append(line)
        path.write_text("".join(line + "\n" for line in out))
    print(dict(changed))


def _rerender(path: Path, items: dict[str, Any], names: set[str], seed: int) -> Counter[str]:
    """Render ``names`` again; replace the texts of their records (labels must agree)."""
    lines = path.read_text().splitlines()
    recs = [json.loads(line) for line in lines]
    by_name = {st.name: st for st in styles.select(seed, 400)}  # generate's defaults
    changed: Counter[str] = Counter()
    for name in sorted(names):
        idx = [i for i, r in enumerate(recs) if r["style"] == name]
        rows = render.render(by_name[name], [items[recs[i]["item"]] for i in idx])
        by_item = {it["id"]: (text, truth) for it, text, truth in rows}
        for i in idx:
            text, truth = by_item[recs[i]["item"]]
            if truth != recs[i]["truth"]:
                raise SystemExit(f"{recs[i]['id']}: labels would change; not replaced")
            if text != recs[i]["text"]:
                recs[i]["text"] = text
                lines[i] = json.dumps(recs[i], ensure_ascii=False)
                changed[f"rerendered {recs[i]['split']}"] += 1
    path.write_text("".join(line + "\n" for line in lines))
    return changed


if __name__ == "__main__":
    main()
