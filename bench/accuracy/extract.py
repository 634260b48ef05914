"""Precision and recall of the in-text citation extractor on real JATS articles.

Each article is turned into a Markdown manuscript plus an answer key by the team's
``jats_to_text.py``; the reference section and heading lines are blanked as the
Markdown loader does, and :func:`citecheck.citations.extract_citations` runs on
the rest. A predicted citation is *correct* when its span overlaps a key
occurrence that cites a reference with the same number (numeric styles) or with
the same first-author surname and year (author-year styles). Each key item
(occurrence x cited reference, ranges expanded) is matched at most once.

Usage::

    python -m bench.accuracy.extract [DIR_WITH_JATS_XML ...] [--tool PATH] [--show N]

Default input: ``../shared/datasets/jats-dev`` relative to the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from citecheck.citations import extract_citations
from citecheck.model.document import Citation

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "jats-dev"
DEFAULT_TOOL = ROOT.parent / "shared" / "tools" / "jats_to_text.py"


def fold(text: str) -> str:
    """Lower case without diacritics, letters only."""
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z]", "", "".join(c for c in text if not unicodedata.combining(c)).lower())


@dataclass
class Gold:
    """One key item: an occurrence span and one reference it cites."""

    start: int
    end: int
    ref: dict[str, object]
    used: bool = False


def blank(md: str, refs_start: int) -> str:
    """Blank the reference section and heading lines, keeping offsets."""
    body = md[:refs_start] + re.sub(r"[^\n]", " ", md[refs_start:])
    return re.sub(r"(?m)^#.*$", lambda m: " " * len(m.group()), body)


def matches(c: Citation, ref: dict[str, object]) -> bool:
    """Does the prediction name this reference (number, or first author + year)?"""
    if c.style == "numeric":
        label = str(ref.get("label") or "").strip("[]. ")
        number = int(label) if label.isdigit() else ref.get("order")
        return c.number == number
    names = [str(s) for s in ref.get("surnames") or []] + [str(s) for s in ref.get("collab") or []]
    if not names or not c.authors:
        return False
    year = f"{ref.get('year') or ''}{ref.get('year_suffix') or ''}"
    return fold(c.authors[0]) == fold(names[0]) and (c.year or "") == year


def evaluate(md_path: Path, key_path: Path) -> tuple[Counter[str], list[str]]:
    """Counts for one article and a few example errors."""
    md = md_path.read_text(encoding="utf-8")
    key = json.loads(key_path.read_text(encoding="utf-8"))
    refs = {r["id"]: r for r in key["references"]}
    text = blank(md, key["references_section_start"])
    gold = [
        Gold(occ["start"], occ["end"], refs[rid])
        for occ in key["citations"]
        for rid in [*occ["rids"], *occ["implied_rids"]]
        if rid in refs
    ]
    predicted = extract_citations(text, path=md_path.name)
    counts: Counter[str] = Counter(gold=len(gold), predicted=len(predicted))
    errors: list[str] = []
    for c in predicted:
        near = [g for g in gold if g.start < c.end + 2 and c.start < g.end + 2]
        hit = next((g for g in near if not g.used and matches(c, g.ref)), None)
        if hit is not None:
            hit.used = True
            counts["correct"] += 1
        elif near:
            counts["located"] += 1  # right place, wrong number/name/year
            errors.append(f"WRONG {md_path.stem}: {c.text!r} -> {c.authors} {c.year} {c.number}")
        else:
            errors.append(
                f"FALSE {md_path.stem}: {c.text!r} in {c.sentence[:100] if c.sentence else ''!r}"
            )
    for g in gold:
        if not g.used:
            errors.append(
                f"MISSED {md_path.stem}: {md[g.start : g.end]!r} ctx {md[max(0, g.start - 50) : g.end + 10]!r}"
            )
    counts[f"style:{key['citation_style']}"] += 1
    return counts, errors


def speed() -> float:
    """CPU seconds to extract 5,000 citations (2,500 brackets, 1,250 narrative)."""
    para = (
        "Governance matters (Ansell & Gash, 2007; Emerson & Nabatchi, 2015). Menurut "
        "Sugiyono (2019, hlm. 45) data penting. Smith et al. (2020a) disagree.\n\n"
    )
    text = "".join(para.replace("2007", str(1900 + i % 120)) for i in range(1250))
    t0 = time.process_time()
    n = len(extract_citations(text, path="speed.md"))
    assert n == 5000, n
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    """Convert, extract, compare; print one line per style and the totals."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[DEFAULT_DATA])
    ap.add_argument("--tool", type=Path, default=DEFAULT_TOOL)
    ap.add_argument("--show", type=int, default=0, help="print this many example errors")
    args = ap.parse_args(argv)
    totals: dict[str, Counter[str]] = {}
    errors: list[str] = []
    elapsed = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for d in args.dirs:
            out = Path(tmp) / d.name
            subprocess.run(
                [sys.executable, str(args.tool), "--batch", str(d), "-o", str(out)],
                check=False,
                capture_output=True,
            )  # exit 1 if one file fails
            for key_path in sorted(out.glob("*.key.json")):
                style = json.loads(key_path.read_text(encoding="utf-8"))["citation_style"]
                if style not in ("numeric", "author-year"):
                    continue
                t0 = time.perf_counter()
                counts, errs = evaluate(
                    key_path.with_name(key_path.name[: -len(".key.json")] + ".md"), key_path
                )
                elapsed += time.perf_counter() - t0
                totals.setdefault(style, Counter()).update(counts)
                errors.extend(errs)
    grand: Counter[str] = Counter()
    print(
        f"{'style':12} {'articles':>8} {'key':>6} {'found':>6} {'correct':>7} {'precision':>9} {'recall':>7}"
    )
    for style, c in [*sorted(totals.items()), ("all", grand)]:
        if style != "all":
            grand.update(c)
        p = c["correct"] / c["predicted"] if c["predicted"] else 0.0
        r = c["correct"] / c["gold"] if c["gold"] else 0.0
        n = sum(v for k, v in c.items() if k.startswith("style:"))
        print(
            f"{style:12} {n:8} {c['gold']:6} {c['predicted']:6} {c['correct']:7} {p:9.3f} {r:7.3f}"
        )
    print(f"extraction time (incl. scoring): {elapsed:.2f} s")
    print(f"5,000 author-year citations: {speed():.2f} s CPU")
    for line in errors[: args.show]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
