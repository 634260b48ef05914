"""Field matching and precision/recall counting for the CSL-style benchmark.

A gold value may list acceptable variants ("van Hove" or "Hove"; volume "B511" or
"511"); ``None`` means *labelled absent* (the style does not print the field), so a
predicted value there counts against precision. Matching follows
``bench/refparse_accuracy.py``: names, year, volume, issue, first page by equality
after normalisation; title and container by character similarity >= 90; DOI after
``normalise_doi``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

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
    "arxiv",
)
_ARXIV = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf)/|10\.48550/arxiv\.|arxiv:\s?)([a-z-]+(?:\.[a-z]{2})?/\d{7}|\d{4}\.\d{4,5})",
    re.I,
)


def norm(s: str) -> str:
    """Lower case, accents removed, letters and digits only."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


def first_page(pages: str | None) -> str | None:
    """The first page or article number of a page field, normalised."""
    if not pages:
        return None
    m = re.search(r"[A-Za-z]?\d+[A-Za-z]?", pages)
    return norm(m.group(0)) if m else None


def arxiv_of(*values: str | None) -> str | None:
    """An arXiv identifier found in a URL, DOI or "arXiv:" field value."""
    for v in values:
        if v and (m := _ARXIV.search(v)):
            return m.group(1).lower()
    return None


def prediction(ref: dict[str, Any]) -> dict[str, Any]:
    """Scored fields of one ``citecheck parse`` JSON reference."""
    fams = [a["family"] for a in ref.get("authors") or [] if a.get("family")]
    doi = ref.get("doi")
    return {
        "first_author": fams[0] if fams else None,
        "surnames": fams or None,
        "year": ref.get("year"),
        "title": ref.get("title"),
        "container": ref.get("container"),
        "volume": ref.get("volume"),
        "issue": ref.get("issue"),
        "first_page": first_page(ref.get("pages")),
        "doi": doi.lower() if doi else None,
        "arxiv": (ref.get("arxiv") or arxiv_of(ref.get("url"), doi) or None),
    }


def _variants(g: Any) -> set[str]:
    return {norm(x) for x in (g if isinstance(g, list) else [g]) if x}


def match(field: str, gold: Any, pred: Any) -> bool:
    """Whether a (non-None) prediction matches a (non-None) gold value."""
    if field in ("title", "container"):
        return fuzz.ratio(norm(str(pred)), norm(str(gold))) >= 90
    if field == "doi":
        return str(pred).lower().rstrip(".") == str(gold).lower()
    if field == "arxiv":
        return re.sub(r"v\d+$", "", str(pred).lower()) == str(gold).lower()
    if field == "first_page":
        return str(pred) in _variants(gold)  # prediction is already normalised
    if field == "year":
        return str(pred) == str(gold)
    return norm(str(pred)) in _variants(gold)


@dataclass
class Score:
    """Counts for one field: correct, predicted, labelled (gold not None)."""

    correct: int = 0
    pred: int = 0
    gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.correct / self.pred if self.pred else 1.0
        r = self.correct / self.gold if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(truth: dict[str, Any], pred: dict[str, Any], into: dict[str, Score]) -> list[str]:
    """Add one string's counts to ``into``; return the fields it got wrong.

    Fields missing from ``truth`` are not labelled and not scored.
    """
    wrong = []
    for f in FIELDS:
        if f not in truth:
            continue
        g, p = truth[f], pred.get(f)
        sc = into.setdefault(f, Score())
        if f == "surnames":
            gl = [_variants(x) for x in g or []]
            pl = [norm(x) for x in p or []]
            common = 0
            for x in pl:
                hit = next((i for i, v in enumerate(gl) if x in v), None)
                if hit is not None:
                    gl.pop(hit)
                    common += 1
            sc.correct += common
            sc.pred += len(pl)
            sc.gold += len(g or [])
            if common != len(g or []) or common != len(pl):
                wrong.append(f)
            continue
        ok = g is not None and p is not None and match(f, g, p)
        sc.pred += p is not None
        sc.gold += g is not None
        sc.correct += ok
        if not ok and (g is not None or p is not None):
            wrong.append(f)
    return wrong
