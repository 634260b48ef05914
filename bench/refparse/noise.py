"""PDF-extraction damage added to clean renderings, with the truth kept.

* ``hyphen``: one title word broken at a line end as a PDF gives it back, "Geo- metric"
  (truth: the unbroken word) or, for a word that had a hyphen, "metal- poor" (truth:
  the hyphen stays);
* ``glued``: two entries of one style on one line (truth: both entries' fields).
"""

from __future__ import annotations

import random
import re
from typing import Any

Record = dict[str, Any]


def hyphenate(rec: Record, rng: random.Random) -> Record | None:
    """A copy of ``rec`` with one printed title word broken, or None if none fits."""
    title = rec["truth"].get("title")
    text = rec["text"]
    if not title:
        return None
    words = [m for m in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)?", text) if len(m.group(0)) >= 7]
    words = [m for m in words if m.group(0).lower() in title.lower()]
    if not words:
        return None
    m = rng.choice(words)
    w = m.group(0)
    if "-" in w:
        broken, kind = w.replace("-", "- ", 1), "compound"
    else:
        cut = rng.randint(3, len(w) - 3)
        broken, kind = f"{w[:cut]}- {w[cut:]}", "split"
    out = dict(rec, text=text[: m.start()] + broken + text[m.end() :], noise=f"hyphen-{kind}")
    out["word"] = w
    return out


def glue(a: Record, b: Record) -> Record:
    """Two records of one style as one line."""
    return {
        **a,
        "id": f"{a['id']}+{b['id']}",
        "text": f"{a['text']} {b['text']}",
        "noise": "glued",
        "parts": [a["text"], b["text"]],
        "truths": [a["truth"], b["truth"]],
    }


def noisy(records: list[Record], seed: int, n: int) -> list[Record]:
    """``n`` hyphenated and ``n`` glued records drawn from ``records``."""
    rng = random.Random(seed)
    out: list[Record] = []
    for rec in rng.sample(records, min(len(records), 4 * n)):
        if len([r for r in out if r["noise"].startswith("hyphen")]) >= n:
            break
        if (h := hyphenate(rec, rng)) is not None:
            out.append(h)
    by_style: dict[str, list[Record]] = {}
    for r in records:
        by_style.setdefault(r["style"], []).append(r)
    styles = sorted(s for s, rs in by_style.items() if len(rs) >= 2)
    for _ in range(n):
        rs = by_style[rng.choice(styles)]
        i = rng.randrange(len(rs) - 1)
        out.append(glue(rs[i], rs[i + 1]))
    return out
