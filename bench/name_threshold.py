"""Measure fuzzy surname matching: which similarity threshold separates typos from other people.

Labelled pairs (cited name, listed name, same person?) are built from real surnames:

* positives: a real surname and a synthetic misspelling of it (1 edit; 2 edits for
  names of 7+ letters): substitution by a neighbouring key, deletion, insertion,
  doubled/undoubled letter, swap of adjacent letters;
* hard negatives: a real surname and the closest *other* real surname in the pool
  (Wang/Wong, Li/Lu, Kurniawan/Kurniawati);
* document negatives: a real surname and the most similar name among 60 random others
  (what a missing reference meets in one reference list).

Usage: ``python bench/name_threshold.py [DATASETS_DIR]`` (default ``../shared/datasets``).
Prints precision/recall of the production rule (``citecheck.names.fuzzy_accepts``) and
of plain scorers per threshold, separately for short (≤4 letters) and longer names.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from rapidfuzz.distance import DamerauLevenshtein, Indel, JaroWinkler, Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from citecheck.names import SHORT_NAME, fold, fuzzy_accepts  # noqa: E402

# Common Indonesian/Malay surnames and single names (written for this benchmark) so the
# pool also has the -wan/-wati, -a/-i pairs of Indonesian manuscripts.
INDONESIAN = """Rahmawati Rahmawan Nuriawati Hanani Rahman Rahmat Susanti Susanto Wulandari Pratama
Pratiwi Saputra Saputri Hidayat Hidayati Kurniawan Kurniawati Setiawan Setiawati Lestari Sari
Putri Putra Utami Utomo Wijaya Widjaja Santoso Santosa Nugroho Nugraha Rahayu Handayani
Purnamasari Firmansyah Syahputra Hasibuan Siregar Nasution Harahap Simanjuntak Sitompul
Suharto Suharti Suryani Suryadi Yulianti Yuliana Maulana Ramadhan Ramadhani Fitriani Fitriana
Anggraini Anggraeni Permana Permata Kusuma Kusumawati Hartono Hartini Sutrisno Sudarmaji
Iskandar Hakim Halim Salim Sulistyowati Sulistyo Darmawan Darmawati Irawan Irawati Gunawan
Hermawan Budiman Budiarti Astuti Wahyuni Wahyudi Mulyani Mulyadi Prasetyo Prasetya Rachman
Abdullah Ahmad Hassan Hussain Ismail Ibrahim Yusuf Yusof Aziz Azis Nurhayati Nurhadi""".split()

KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm".split()


def neighbours(ch: str) -> str:
    for row_i, row in enumerate(KEYBOARD):
        if ch in row:
            i = row.index(ch)
            out = row[max(0, i - 1) : i] + row[i + 1 : i + 2]
            for other in (row_i - 1, row_i + 1):
                if 0 <= other < len(KEYBOARD):
                    out += KEYBOARD[other][max(0, i - 1) : i + 1]
            return out or "e"
    return "aeiou"


def typo(name: str, rng: random.Random) -> str:
    """One realistic edit of ``name`` (a folded key)."""
    i = rng.randrange(len(name))
    op = rng.choice(["sub", "sub", "del", "ins", "swap", "double"])
    if op == "sub":
        return name[:i] + rng.choice(neighbours(name[i])) + name[i + 1 :]
    if op == "del" and len(name) > 2:
        return name[:i] + name[i + 1 :]
    if op == "ins":
        return name[:i] + rng.choice(neighbours(name[i])) + name[i:]
    if op == "swap" and i + 1 < len(name) and name[i] != name[i + 1]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if op == "double":
        return name[:i] + name[i] + name[i:]
    return name[:i] + rng.choice("aeiou") + name[i + 1 :]


def surnames(datasets: Path) -> list[str]:
    names: set[str] = set(INDONESIAN)
    for xml in sorted((datasets / "jats-dev").glob("*.xml")):
        names.update(re.findall(r"<surname>([^<]+)</surname>", xml.read_text(encoding="utf-8")))
    gold = datasets / "refstrings" / "anystyle_gold_full.xml"
    if gold.exists():
        for field in re.findall(r"<author>([^<]+)</author>", gold.read_text(encoding="utf-8")):
            names.update(re.findall(r"\b[A-Z][a-zà-ÿ'’]{2,}(?:-[A-Z][a-zà-ÿ]+)?\b", field))
    glutton = datasets / "refstrings" / "glutton_references-doi-matching_sample300.json"
    if glutton.exists():
        names.update(r.get("firstAuthor") or "" for r in json.loads(glutton.read_text()))
    stop = {"And", "The", "Van", "Von", "Der", "Den", "For", "Eds", "Editor", "Editors", "Jr"}
    keys = {fold(n).replace(" ", "") for n in names if n and n not in stop}
    return sorted(k for k in keys if k.isalpha() and len(k) >= 2)


def build_pairs(pool: list[str], seed: int = 7) -> list[tuple[str, str, bool, str]]:
    rng = random.Random(seed)
    pairs: list[tuple[str, str, bool, str]] = []
    pool_set = set(pool)
    for name in pool:
        bad = typo(name, rng)
        if len(name) >= 7:
            bad = typo(bad, rng)
        if bad != name and bad not in pool_set:
            pairs.append((bad, name, True, "typo"))
    for name in pool:
        best = max(
            (o for o in pool if o != name and abs(len(o) - len(name)) <= 3),
            key=lambda o: (DamerauLevenshtein.normalized_similarity(name, o), o),
            default=None,
        )
        if best:
            pairs.append((name, best, False, "closest"))
        sample = rng.sample(pool, 60)
        near = max((o for o in sample if o != name), key=lambda o: Indel.normalized_similarity(name, o))
        pairs.append((name, near, False, "document"))
    return pairs


Scorer = Callable[[str, str], float]
SCORERS: dict[str, Scorer] = {
    "damerau-levenshtein": lambda a, b: 100 * DamerauLevenshtein.normalized_similarity(a, b),
    "levenshtein": lambda a, b: 100 * Levenshtein.normalized_similarity(a, b),
    "indel (fuzz.ratio)": lambda a, b: 100 * Indel.normalized_similarity(a, b),
    "jaro-winkler": lambda a, b: 100 * JaroWinkler.normalized_similarity(a, b),
}


def pr(pairs: Iterable[tuple[str, str, bool, str]], accept: Callable[[str, str], bool]) -> str:
    tp = fp = fn = tn = 0
    hard_fp = 0
    for a, b, same, kind in pairs:
        got = accept(a, b)
        if same:
            tp, fn = tp + got, fn + (not got)
        else:
            fp, tn = fp + got, tn + (not got)
            hard_fp += got and kind == "closest"
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"P={p:.3f} R={r:.3f} FP={fp} (closest-name FP={hard_fp}) FN={fn}"


def main(argv: list[str]) -> None:
    datasets = Path(argv[1]) if len(argv) > 1 else Path("../shared/datasets")
    pool = surnames(datasets)
    pairs = build_pairs(pool)
    short = [p for p in pairs if min(len(p[0]), len(p[1])) <= SHORT_NAME]
    long = [p for p in pairs if min(len(p[0]), len(p[1])) > SHORT_NAME]
    print(f"surnames: {len(pool)}  pairs: {len(pairs)} "
          f"(positives {sum(p[2] for p in pairs)}, short-name pairs {len(short)})")
    for label, subset in (("names > 4 letters", long), ("names <= 4 letters", short)):
        print(f"\n## {label}: {len(subset)} pairs, {sum(p[2] for p in subset)} positives")
        for sname, scorer in SCORERS.items():
            print(f"  {sname}")
            for t in (70, 75, 78, 80, 82, 85, 88, 90):
                print(f"    >= {t}: {pr(subset, lambda a, b, s=scorer, t=t: s(a, b) >= t)}")
        for t in (75, 78, 80, 82, 85):
            rule = pr(subset, lambda a, b, t=t: fuzzy_accepts(a, b, float(t))[0])
            print(f"  production rule (fuzzy_accepts, threshold {t}): {rule}")


if __name__ == "__main__":
    main(sys.argv)
