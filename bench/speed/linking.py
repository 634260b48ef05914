"""How long linking takes on big synthetic documents (10,000 references, 5 citations each).

Names are drawn from a pool of generated surnames; 90 % of citations are exact, the
rest carry a misspelt name, another year, a missing co-author or cite an unlisted
work, so the slower paths (fuzzy search) are exercised too.

Usage: ``python -m bench.speed.linking [N_REFERENCES ...]`` (default 1000 5000 10000).
"""

from __future__ import annotations

import random
import string
import sys
import time

from citecheck.linking import link
from citecheck.model.document import Author, Citation, Document, Location, Reference


def surname(rng: random.Random) -> str:
    return rng.choice(string.ascii_uppercase) + "".join(
        rng.choice("aeiounrstlmkh") for _ in range(rng.randrange(3, 10))
    )


def build(n: int, seed: int = 3) -> Document:
    rng = random.Random(seed)
    loc = Location(path="big.md")
    refs: list[Reference] = []
    cits: list[Citation] = []
    for i in range(n):
        names = [surname(rng) for _ in range(rng.choice([1, 2, 3, 4]))]
        year = str(rng.randrange(1990, 2025))
        refs.append(
            Reference(
                text=f"{names[0]} ({year}) {i}",
                year=year,
                location=loc,
                authors=tuple(Author(family=f) for f in names),
            )
        )
        for _ in range(5):
            cited, cyear, et_al = names[:2], year, len(names) >= 3
            roll = rng.random()
            if roll < 0.03:
                first = cited[0]
                j = rng.randrange(1, len(first))
                cited = [first[:j] + rng.choice("aeiou") + first[j + 1 :], *cited[1:]]
            elif roll < 0.06:
                cyear = str(int(year) + 1)
            elif roll < 0.08:
                cited = [surname(rng)]
            cits.append(
                Citation(
                    text="x",
                    authors=tuple(cited[:1] if et_al else cited),
                    year=cyear,
                    et_al=et_al,
                    location=loc,
                )
            )
    return Document(
        path="big.md",
        format="markdown",
        citations=tuple(cits),
        references=tuple(refs),
        bibliography_found=True,
    )


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv[1:]] or [1000, 5000, 10000]
    for n in sizes:
        doc = build(n)
        start = time.process_time()
        links = link(doc)
        took = time.process_time() - start
        counts: dict[str, int] = {}
        for ln in links.links:
            counts[ln.status] = counts.get(ln.status, 0) + 1
        print(
            f"{n:>6} references, {len(doc.citations):>6} citations: {took:6.2f} s "
            f"({took / n * 1000:.2f} s per 1,000 references)  {dict(sorted(counts.items()))}"
        )


if __name__ == "__main__":
    main(sys.argv)
