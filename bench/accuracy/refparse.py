"""Accuracy and speed of the reference-string parser on labelled third-party data.

Usage::

    .venv/bin/python -m bench.accuracy.refparse [--data ../shared/datasets/refstrings]
        [--split dev|holdout|all] [--errors FIELD] [--limit N]

Datasets (see SOURCES.md in the data folder):

* AnyStyle gold (``anystyle_gold_full.xml``): 1,669 strings tagged by field.
* biblio-glutton sample (``glutton_references-doi-matching_sample300.json``): PDF-extracted
  strings with first author, title, journal, volume, first page, DOI.
* Crossref APA and Chicago author-date samples: strings generated from Crossref
  metadata. Only the DOI is labelled, so the year and first author are read from the
  APA string with one unambiguous rule (the first "(YYYY)." and the text before the
  first comma in front of it); the Chicago string of the same DOI is scored against
  the values read from its APA twin.

Matching (per field, micro-averaged; P = correct / predicted, R = correct / labelled):

* surnames, year, volume, issue, first page: equality after normalisation (lower case,
  accents removed, letters and digits only; years keep their a/b suffix);
* title and container: character similarity (RapidFuzz ``ratio`` on the normalised
  strings without spaces or punctuation) >= 90, which tolerates PDF hyphenation
  ("tol-erance") and quote styles but not a missing subtitle;
* DOI: ``normalise_doi`` equality.

Fields a dataset does not label are not scored for it (glutton has no year). Strings
are split 60/40 into dev and holdout by a stable hash; tuning looked at dev only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from bench.data.refparse_gold import gold_surnames
from citecheck.references import normalise_doi, parse_reference
from citecheck.references.parse import ParsedReference

FIELDS = (
    "first_author",
    "surnames",
    "year",
    "title",
    "container",
    "volume",
    "issue",
    "first_page",
    "doi",
)
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "refstrings"


@dataclass
class Item:
    """One labelled string: gold values by field (absent = not labelled)."""

    dataset: str
    text: str
    gold: dict[str, object] = field(default_factory=dict)
    key: str = ""  # what the dev/holdout split hashes (the text unless set)


def norm(s: str) -> str:
    """Lower case, accents removed, letters and digits only."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


def first_page(pages: str | None) -> str | None:
    if not pages:
        return None
    m = re.search(r"[A-Za-z]?\d+[A-Za-z]?", pages)
    return norm(m.group(0)) if m else None


def _year(s: str) -> str | None:
    m = re.search(r"(1[5-9]\d\d|20[0-4]\d)([a-z](?![a-z]))?", s)
    if m:
        return m.group(0)
    if re.search(r"n\.\s?d", s):
        return "n.d."
    return None


_LONE_ISSUE_RE = re.compile(
    r"\s*(?:n°|nº|no\.|nr\.?|n\.|issue|heft|num\.?)\s?(\w+(?:[-/]\w+)?)[.,]?\s*$", re.I
)


def split_of(text: str) -> str:
    """Stable 60/40 dev/holdout split."""
    return "dev" if int(hashlib.md5(text.encode()).hexdigest(), 16) % 10 < 6 else "holdout"


def load_anystyle(path: Path) -> Iterator[Item]:
    root = ET.parse(path).getroot()
    for seq in root:
        parts: list[str] = []
        tags: dict[str, str] = {}
        for ch in seq:
            txt = "".join(ch.itertext()).strip()
            parts.append(txt)
            tags.setdefault(ch.tag, txt)
        text = " ".join(p for p in parts if p)
        gold: dict[str, object] = {}
        names = tags.get("author") or tags.get("editor")
        if names and not names.startswith(("—", "-", "_")):
            sn = gold_surnames(names)
            if sn:
                gold["surnames"] = sn
                gold["first_author"] = sn[0]
        gold["year"] = _year(tags["date"]) if "date" in tags else None
        if "title" in tags:
            gold["title"] = tags["title"]
        cont = tags.get("journal") or tags.get("container-title")
        gold["container"] = re.sub(r"^(?:In:?|in)\s", "", cont) if cont else None
        vol = tags.get("volume")
        gold["volume"] = gold["issue"] = None
        if vol:
            v = vol.split(";")[-1] if ";" in vol else vol
            lone = _LONE_ISSUE_RE.match(v)
            if lone is not None:
                # "n°58." / "no. 10,": AnyStyle tags the whole span "volume", but a
                # number introduced by an issue word, with no volume, is the issue.
                gold["issue"] = norm(lone.group(1))
            else:
                vm = re.search(r"\b(\d+|[IVXLC]+)\b", v)
                gold["volume"] = norm(vm.group(1)) if vm else None
                im = re.search(r"\((\w+(?:[-/]\w+)?)\)|no\.\s?(\w+)", v, re.I)
                gold["issue"] = norm(im.group(1) or im.group(2)) if im else None
        gold["first_page"] = (
            first_page(re.sub(r"^\D*?(?=[A-Za-z]?\d)", "", tags["pages"]))
            if "pages" in tags
            else None
        )
        if gold["first_page"] is None and vol:
            # "58(5):1583–1606" tagged as one volume span: its pages are labelled too.
            pm = re.search(r":\s?([A-Za-z]?\d+)", vol)
            gold["first_page"] = first_page(pm.group(1)) if pm else None
        # AnyStyle tags "http://dx.doi.org/10..." as a URL: its DOI still counts as labelled.
        gold["doi"] = normalise_doi(tags.get("doi") or tags.get("url") or "")
        yield Item("anystyle", text, gold)


def load_glutton(path: Path) -> Iterator[Item]:
    for row in json.loads(path.read_text()):
        gold: dict[str, object] = {}
        if row.get("firstAuthor"):
            gold["first_author"] = norm(row["firstAuthor"])
        if row.get("atitle"):
            gold["title"] = row["atitle"]
        if row.get("jtitle"):
            gold["container"] = row["jtitle"]
        if row.get("volume"):
            gold["volume"] = norm(row["volume"])
        if row.get("firstPage"):
            gold["first_page"] = norm(row["firstPage"])
        if re.search(r"10\.\s?\d{4}", row["reference"]):
            gold["doi"] = normalise_doi(row["doi"])
        yield Item("glutton", row["reference"], gold)


def load_crossref(folder: Path) -> Iterator[Item]:
    apa = json.loads((folder / "crossref_rme_dataset-apa_sample100.json").read_text())["dataset"]
    chi = json.loads(
        (folder / "crossref_rme_dataset-chicago-author-date_sample100.json").read_text()
    )["dataset"]
    by_doi = {r["target_gt"]["DOI"]: r["ref_string"] for r in chi}
    for row in apa:
        s = row["ref_string"]
        gold: dict[str, object] = {}
        m = re.search(r"\((\d{4}[a-z]?|n\.d\.)\)\.", s)
        if m:
            gold["year"] = m.group(1)
            names = s[: m.start()]
            if re.match(r"^[^,.]+, (?:[A-Z]\.|\w\.)", names):
                gold["first_author"] = norm(names.split(",", 1)[0])
        doi = row["target_gt"]["DOI"]
        yield Item("crossref-apa", s, gold, key=doi)
        twin = by_doi.get(doi)
        if twin:
            yield Item("crossref-chicago", twin, dict(gold), key=doi)


def predicted(p: ParsedReference) -> dict[str, object]:
    fams = [norm(a.family) for a in p.authors]
    return {
        "first_author": fams[0] if fams else None,
        "surnames": fams or None,
        "year": p.year,
        "title": p.title,
        "container": p.container,
        "volume": norm(p.volume) if p.volume else None,
        "issue": norm(p.issue) if p.issue else None,
        "first_page": first_page(p.pages),
        "doi": normalise_doi(p.doi) if p.doi else None,
    }


def similar(a: str, b: str) -> bool:
    return fuzz.ratio(norm(a), norm(b)) >= 90


@dataclass
class Score:
    correct: int = 0
    pred: int = 0
    gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.correct / self.pred if self.pred else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score_item(item: Item, pred: dict[str, object], scores: dict[str, Score]) -> list[str]:
    """Update scores; return the names of fields that were wrong."""
    wrong = []
    for f in FIELDS:
        if f not in item.gold:
            continue  # not labelled in this dataset
        g, p = item.gold[f], pred[f]
        sc = scores.setdefault(f, Score())
        if f == "surnames":
            gl = list(g) if isinstance(g, list) else []
            pl = list(p) if isinstance(p, list) else []
            common = 0
            rest = list(gl)
            for x in pl:
                if x in rest:
                    rest.remove(x)
                    common += 1
            sc.correct += common
            sc.pred += len(pl)
            sc.gold += len(gl)
            if common != len(gl) or common != len(pl):
                wrong.append(f)
            continue
        ok = False
        if g is not None and p is not None:
            if f in ("title", "container"):
                ok = similar(str(p), str(g))
            else:
                ok = str(p) == str(g)
        sc.pred += p is not None
        sc.gold += g is not None
        sc.correct += ok
        if not ok and (g is not None or p is not None):
            wrong.append(f)
    return wrong


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=("dev", "holdout", "all"), default="all")
    ap.add_argument("--errors", help="print the strings where FIELD was wrong")
    ap.add_argument("--dataset", help="only this dataset (anystyle, glutton, crossref-apa, ...)")
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    items = [
        *load_anystyle(args.data / "anystyle_gold_full.xml"),
        *load_glutton(args.data / "glutton_references-doi-matching_sample300.json"),
        *load_crossref(args.data),
    ]
    if args.dataset:
        items = [it for it in items if it.dataset == args.dataset]
    tables: dict[str, dict[str, dict[str, Score]]] = {}
    shown = 0
    t0 = time.perf_counter()
    for it in items:
        sp = split_of(it.key or it.text)
        if args.split != "all" and sp != args.split:
            continue
        parsed = parse_reference(it.text)
        pred = predicted(parsed)
        for key in (it.dataset, "ALL"):
            for spl in (sp, "total"):
                score_item(it, pred, tables.setdefault(key, {}).setdefault(spl, {}))
        wrong = [f for f in FIELDS if f in it.gold and f in score_item(it, pred, {})]
        if args.errors and args.errors in wrong and shown < args.limit:
            shown += 1
            print(
                f"--- {it.dataset}: {it.text!r}\n    gold={it.gold.get(args.errors)!r} pred={pred.get(args.errors)!r}"
            )
            print(f"    {parsed}")
    elapsed = time.perf_counter() - t0
    n = sum(1 for it in items if args.split == "all" or split_of(it.key or it.text) == args.split)
    for key, by_split in tables.items():
        for spl in ("dev", "holdout", "total"):
            if spl not in by_split:
                continue
            print(f"\n## {key} / {spl}")
            print("| field | P | R | F1 | labelled |")
            print("|---|---|---|---|---|")
            for f in FIELDS:
                if f in by_split[spl]:
                    s = by_split[spl][f]
                    p, r, f1 = s.prf()
                    print(f"| {f} | {p:.3f} | {r:.3f} | {f1:.3f} | {s.gold} |")
    print(f"\n{n} strings parsed (with scoring) in {elapsed:.2f}s")
    # Speed alone: parse every string 3 times.
    t0 = time.perf_counter()
    for _ in range(3):
        for it in items:
            parse_reference(it.text)
    dt = time.perf_counter() - t0
    print(f"speed: {3 * len(items) / dt:,.0f} strings/s ({len(items)} strings x 3)")


if __name__ == "__main__":
    main()
