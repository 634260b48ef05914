"""Measure the title similarity that tells a repeated entry from another work.

Positives: a real title and the same title written again the way duplicates occur
in reference lists (other case, punctuation lost, subtitle dropped, one or two
typos, a word dropped, "&"/"and", British/American spelling).
Negatives: a real title and the most similar *other* real title in the pool, plus
numbered series ("Part 1"/"Part 2").

Usage: ``python -m bench.accuracy.title_duplicates [DATASETS_DIR]`` (default ``../shared/datasets``).
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz, process

from citecheck.rules.crossmatch._duplicates import same_title, title_key


def numbers(t: str) -> list[str]:
    return sorted(re.findall(r"\b(\d+|[ivxlc]+)\b", title_key(t)))


def titles(datasets: Path) -> list[str]:
    out: set[str] = set()
    gold = datasets / "refstrings" / "anystyle_gold_full.xml"
    for t in re.findall(r"<title>([^<]+)</title>", gold.read_text(encoding="utf-8")):
        out.add(html.unescape(t).strip(" .,"))
    glutton = datasets / "refstrings" / "glutton_references-doi-matching_sample300.json"
    for r in json.loads(glutton.read_text(encoding="utf-8")):
        if r.get("atitle"):
            out.add(r["atitle"].strip(" ."))
    for xml in sorted((datasets / "jats-dev").glob("*.xml")):
        for t in re.findall(
            r"<article-title>([^<]{10,})</article-title>", xml.read_text(encoding="utf-8")
        ):
            out.add(t.strip(" ."))
    return sorted(t for t in out if len(title_key(t).split()) >= 3)


def variant(t: str, rng: random.Random) -> str:
    op = rng.choice(["case", "punct", "subtitle", "typo", "typo2", "dropword", "amp", "spelling"])
    if op == "case":
        return t.upper() if rng.random() < 0.5 else t.lower()
    if op == "punct":
        return re.sub(r"[^\w\s]", "", t)
    if op == "subtitle" and ":" in t:
        return t.split(":")[0]
    if op in ("typo", "typo2"):
        for _ in range(1 if op == "typo" else 2):
            i = rng.randrange(len(t))
            t = t[:i] + rng.choice("aeioutnrs") + t[i + 1 :]
        return t
    if op == "dropword":
        words = t.split()
        if len(words) > 4:
            del words[rng.randrange(1, len(words))]
        return " ".join(words)
    if op == "amp":
        return t.replace(" and ", " & ") if " and " in t else t.replace("&", "and")
    return t.replace("ization", "isation").replace("yze", "yse").replace("or ", "our ")


def main(argv: list[str]) -> None:
    datasets = Path(argv[1]) if len(argv) > 1 else Path("../shared/datasets")
    pool = titles(datasets)
    keys = [title_key(t) for t in pool]
    rng = random.Random(5)
    pairs: list[tuple[str, str, bool]] = [(t, variant(t, rng), True) for t in pool]
    for i, t in enumerate(pool):
        hits = process.extract(keys[i], keys, scorer=fuzz.token_sort_ratio, limit=2)
        j = next((h[2] for h in hits if h[2] != i), None)
        if j is not None:
            pairs.append((t, pool[j], False))
    for t in pool[:200]:
        pairs.append((f"{t}: Part 1", f"{t}: Part 2", False))
        pairs.append((f"{t} I", f"{t} II", False))
    print(f"titles: {len(pool)}  pairs: {len(pairs)} (positives {sum(p[2] for p in pairs)})")
    for name, scorer in (
        ("ratio", fuzz.ratio),
        ("token_sort_ratio", fuzz.token_sort_ratio),
        ("token_set_ratio", fuzz.token_set_ratio),
    ):
        print(f"  {name} (plain / with the same-numbers rule)")
        for th in (80, 85, 88, 90, 92, 95):
            tp = fp = fn = 0
            for a, b, same in pairs:
                got = scorer(title_key(a), title_key(b)) >= th
                tp, fp, fn = tp + (got and same), fp + (got and not same), fn + (same and not got)
            plain = f"P={tp / max(1, tp + fp):.3f} R={tp / max(1, tp + fn):.3f} FP={fp}"
            tp = fp = fn = 0
            for a, b, same in pairs:
                got = scorer(title_key(a), title_key(b)) >= th and numbers(a) == numbers(b)
                tp, fp, fn = tp + (got and same), fp + (got and not same), fn + (same and not got)
            print(
                f"    >= {th}: {plain} | P={tp / max(1, tp + fp):.3f} R={tp / max(1, tp + fn):.3f} FP={fp} FN={fn}"
            )
    print("  production rule (same_title: ratio, subtitle dropped, same numbers)")
    for th in (80, 85, 88, 90, 92, 95):
        tp = fp = fn = 0
        for a, b, same in pairs:
            got = same_title(a, b, float(th))[0]
            tp, fp, fn = tp + (got and same), fp + (got and not same), fn + (same and not got)
        print(
            f"    >= {th}: P={tp / max(1, tp + fp):.3f} R={tp / max(1, tp + fn):.3f} FP={fp} FN={fn}"
        )


if __name__ == "__main__":
    main(sys.argv)
