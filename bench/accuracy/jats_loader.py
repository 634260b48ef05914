"""Accuracy of the JATS loader against the answer keys of ``jats_to_text.py``.

Usage: python -m bench.accuracy.jats_loader [DATASET_DIR] [KEY_DIR]
DATASET_DIR defaults to ../shared/datasets/jats-dev; KEY_DIR holds the ``.key.json``
files made by ``../shared/tools/jats_to_text.py --batch DATASET_DIR -o KEY_DIR``.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from citecheck.loaders.jats import load


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/jats-dev")
    keys = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/jk")
    tot = Counter[str]()
    for xml in sorted(data.glob("*.xml")):
        key = json.loads((keys / (xml.stem + ".key.json")).read_text())
        t0 = time.perf_counter()
        doc = load(xml, xml.name)
        dt = time.perf_counter() - t0
        expected = Counter(r for c in key["citations"] for r in c["rids"] + c["implied_rids"])
        got = Counter(c.key for c in doc.citations)
        tp = sum((expected & got).values())
        refs_ok = sum(
            1
            for r, k in zip(doc.references, key["references"], strict=False)
            if r.key == k["id"]
            and (r.year or "")[:4] == (k.get("year") or "")[:4]
            and (r.doi or "").lower() == (k.get("doi") or "").lower()
        )
        tot.update(
            tp=tp,
            exp=sum(expected.values()),
            got=sum(got.values()),
            refs=len(key["references"]),
            refs_ok=refs_ok,
            ours=len(doc.references),
        )
        print(
            f"{xml.name}: citations {tp}/{sum(expected.values())} (ours {sum(got.values())}), "
            f"refs fields ok {refs_ok}/{len(key['references'])}, {dt * 1000:.0f} ms"
        )
    print(
        f"TOTAL recall {tot['tp']}/{tot['exp']}, precision {tot['tp']}/{tot['got']}, "
        f"reference key+year+doi agree {tot['refs_ok']}/{tot['refs']}"
    )


if __name__ == "__main__":
    main()
