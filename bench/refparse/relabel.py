"""Re-apply the volume labelling of :func:`render.roman_volume` to generated data.

Usage::

    python -m bench.refparse.relabel [DATA_DIR]

Data generated before Roman volumes were labelled (issue 14, seventh pass) has
``volume: null`` where a style prints the volume as a Roman numeral ("c. CCCLVI",
"xciii/2 (2002)"). This rewrites only those labels, in ``strings.jsonl`` and
``noisy.jsonl``, from the items the data was built from (``generate.build_items``,
same seed), so the data need not be rendered again (20 minutes). Prints how many
labels changed, per split.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from bench.refparse.generate import DEFAULT_OUT, build_items
from bench.refparse.render import roman_volume


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    seed = json.loads((args.data / "manifest.json").read_text())["seed"]
    items = {it["id"]: it for it in build_items(seed)}
    changed: Counter[str] = Counter()
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


if __name__ == "__main__":
    main()
