"""Measure fuzzy surname matching: which similarity threshold separates typos from other people.

Labelled pairs (cited name, listed name, same person?) are built from real surnames:

* positives: a real surname and a synthetic misspelling of it (1 edit; 2 edits for
  names of 7+ letters): substitution by a neighbouring key, deletion, insertion,
  doubled/undoubled letter, swap of adjacent letters;
* hard negatives: a real surname and the closest *other* real surname in the pool
  (Wang/Wong, Li/Lu, Kurniawan/Kurniawati);
* document negatives: a real surname and the most similar name among 60 random others
  (what a missing reference meets in one reference list).

Usage: ``python -m bench.accuracy.name_threshold [DATASETS_DIR]`` (default ``../shared/datasets``).
Prints precision/recall of the production rule (``citecheck.text.names.fuzzy_accepts``) and
of plain scorers per threshold, separately for short (≤4 letters) and longer names.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein, Indel, JaroWinkler

from citecheck.text.names import SHORT_NAME, fold, fuzzy_accepts

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
    """(cited, listed, same person?, kind) pairs; kinds: typo1, typo2, closest, document."""
    rng = random.Random(seed)
    pairs: list[tuple[str, str, bool, str]] = []
    pool_set = set(pool)
    for name in pool:
        bad = typo(name, rng)
        if bad != name and bad not in pool_set:
            pairs.append((bad, name, True, "typo1"))
        if len(name) >= 7:
            bad2 = typo(typo(name, rng), rng)
            if DamerauLevenshtein.distance(bad2, name) == 2 and bad2 not in pool_set:
                pairs.append((bad2, name, True, "typo2"))
    for name in pool:
        # the closest other real surname in the whole pool: the worst case
        hits = process.extract(name, pool, scorer=DamerauLevenshtein.normalized_similarity, limit=2)
        best = next((h[0] for h in hits if h[0] != name), None)
        if best:
            pairs.append((name, best, False, "closest"))
        sample = rng.sample(pool, 60)
        near = max(
            (o for o in sample if o != name), key=lambda o: Indel.normalized_similarity(name, o)
        )
        pairs.append((name, near, False, "document"))
    return pairs


Scorer = Callable[[str, str], float]
SCORERS: dict[str, Scorer] = {
    "damerau-levenshtein": lambda a, b: 100 * DamerauLevenshtein.normalized_similarity(a, b),
    "indel (fuzz.ratio)": lambda a, b: 100 * Indel.normalized_similarity(a, b),
    "jaro-winkler": lambda a, b: 100 * JaroWinkler.normalized_similarity(a, b),
}


def rates(pairs: list[tuple[str, str, bool, str]], accept: Callable[[str, str], bool]) -> str:
    """Acceptance rate per kind: recall for typos, false-positive rate for negatives."""
    out = []
    for kind in ("typo1", "typo2", "closest", "document"):
        sel = [p for p in pairs if p[3] == kind]
        if sel:
            hit = sum(accept(a, b) for a, b, _, _ in sel)
            label = "R" if kind.startswith("typo") else "FPR"
            out.append(f"{label}({kind})={hit / len(sel):.3f}")
    return "  ".join(out)


def simulate(pool: list[str], accept: Callable[[str, str], bool], trials: int = 3000) -> str:
    """Linker-like setting: a 60-entry list with years 2005-2024; one misspelt
    citation of a listed work and one citation of an unlisted work (random real name,
    random year). A fuzzy link needs the same year. Precision/recall of the links."""
    rng = random.Random(11)
    tp = fp = fn = 0
    for _ in range(trials):
        listed = [(n, rng.randrange(2005, 2025)) for n in rng.sample(pool, 60)]
        names = {n for n, _ in listed}
        target = rng.choice(listed)
        cited = typo(target[0], rng)
        if len(target[0]) >= 7 and rng.random() < 0.3:
            cited = typo(cited, rng)
        if cited in names or cited == target[0]:
            continue
        got = [n for n, y in listed if y == target[1] and accept(cited, n)]
        best = max(
            got, key=lambda n: DamerauLevenshtein.normalized_similarity(cited, n), default=None
        )
        tp, fp, fn = (
            tp + (best == target[0]),
            fp + (best not in (None, target[0])),
            fn + (best is None),
        )
        missing = rng.choice([n for n in pool if n not in names])
        year = rng.randrange(2005, 2025)
        fp += any(y == year and accept(missing, n) for n, y in listed)
    p = tp / (tp + fp) if tp + fp else 1.0
    return f"P={p:.3f} R={tp / (tp + fn):.3f} (TP={tp} FP={fp} FN={fn})"


def real_lists(datasets: Path) -> None:
    """Within each real JATS reference list: pairs of *different* surnames that a rule
    would call one misspelt name (the false links it could make in that document)."""
    print("\n## real reference lists (jats-dev): distinct surname pairs a rule would join")
    rules: dict[str, Callable[[str, str], bool]] = {
        "DL >= 75, no short-name rule": lambda a, b: (
            100 * DamerauLevenshtein.normalized_similarity(a, b) >= 75
        ),
        "fuzzy_accepts(75) (production)": lambda a, b: fuzzy_accepts(a, b, 75.0)[0],
        "fuzzy_accepts(80)": lambda a, b: fuzzy_accepts(a, b, 80.0)[0],
    }
    for xml in sorted((datasets / "jats-dev").glob("*.xml")):
        names = sorted(
            {
                fold(n).replace(" ", "")
                for n in re.findall(r"<surname>([^<]+)</surname>", xml.read_text(encoding="utf-8"))
            }
        )
        pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
        parts = []
        for label, rule in rules.items():
            hits = [f"{a}/{b}" for a, b in pairs if rule(a, b)]
            parts.append(f"{label}: {len(hits)} {hits[:4]}")
        print(f"  {xml.name} ({len(names)} surnames)\n    " + "\n    ".join(parts))


def main(argv: list[str]) -> None:
    datasets = Path(argv[1]) if len(argv) > 1 else Path("../shared/datasets")
    pool = surnames(datasets)
    pairs = build_pairs(pool)
    short = [p for p in pairs if min(len(p[0]), len(p[1])) <= SHORT_NAME]
    long = [p for p in pairs if min(len(p[0]), len(p[1])) > SHORT_NAME]
    counts = {k: sum(p[3] == k for p in pairs) for k in ("typo1", "typo2", "closest", "document")}
    print(f"surnames: {len(pool)}  pairs: {len(pairs)} {counts}")
    for label, subset in (
        (f"names > {SHORT_NAME} letters", long),
        (f"names <= {SHORT_NAME} letters", short),
    ):
        print(f"\n## {label}: {len(subset)} pairs")
        for sname, scorer in SCORERS.items():
            print(f"  {sname}")
            for t in (70, 75, 78, 80, 85, 90):
                print(f"    >= {t}: {rates(subset, lambda a, b, s=scorer, t=t: s(a, b) >= t)}")
        for t in (75, 80, 85):
            rule = rates(subset, lambda a, b, t=t: fuzzy_accepts(a, b, float(t))[0])
            print(f"  production rule fuzzy_accepts({t}): {rule}")
    print("\n## simulated reference lists (60 entries, fuzzy link needs the same year)")
    for t in (70, 75, 80, 85):
        print(
            f"  fuzzy_accepts({t}): {simulate(pool, lambda a, b, t=t: fuzzy_accepts(a, b, float(t))[0])}"
        )
    dl = SCORERS["damerau-levenshtein"]
    print(f"  plain DL >= 75, no short-name rule: {simulate(pool, lambda a, b: dl(a, b) >= 75)}")
    real_lists(datasets)


if __name__ == "__main__":
    main(sys.argv)
