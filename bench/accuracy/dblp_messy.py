"""DBLP with messy reference strings: how often a real conference paper is still found.

DBLP's search wants every query word to match (as a word prefix), so one misspelt or
split word in a title gives no hit. The real papers: the SIGMOD 1976 conference
papers of the recorded DBLP answer the stand-in serves (as in registry_routes); the
mess is ours, one kind per variant, applied to the title of each (deterministic):

* ``clean``: as DBLP prints it;
* ``typo``: two inner letters of the title's longest word swapped;
* ``split``: a compound split in two ("Database" -> "Data base"), or, when the title
  has none, a word's hyphenated form;
* ``caps``: the title in capitals;
* ``extra``: one word inserted ("A new ...", "... for relational systems");
* ``cut``: the part after a colon left out, else the last two words;
* ``braces``: BibTeX braces and a LaTeX accent kept in the string.

Every variant goes through the whole registry stage against the loopback stand-in
(DBLP, Crossref, OpenAlex), and the harness reports per variant how many are verified
by DBLP, verified at all, and reported by unverified-reference.

    python -m bench.accuracy.dblp_messy
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter

from bench.accuracy.registry_routes import dblp_conference_papers
from citecheck.model.document import Document, Location
from citecheck.model.links import Links
from citecheck.references import parse_reference, to_reference
from citecheck.registry import dblp
from citecheck.registry.http import Policy
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.registry.resolve import resolve_all
from citecheck.registry.verdict import verdict
from citecheck.rules.base import RuleContext
from citecheck.rules.records import unverified_reference
from tests.support import other_registries
from tests.support.registry_standin import StandIn, Store

_TITLE_RE = re.compile(r"^(?P<head>.*?\(\d{4}\)\. )(?P<title>.+?)(?P<tail>\. In Proceedings.*)$")
_COMPOUNDS = (("Database", "Data Base"), ("database", "data base"), ("Dataflow", "Data flow"))


def _swap(word: str) -> str:
    mid = len(word) // 2
    return word[: mid - 1] + word[mid] + word[mid - 1] + word[mid + 1 :]


def variants(title: str) -> dict[str, str]:
    words = title.split()
    longest = max(range(len(words)), key=lambda i: (len(words[i]), -i))
    typo = " ".join(_swap(w) if i == longest else w for i, w in enumerate(words))
    split = title
    for a, b in _COMPOUNDS:
        if a in split:
            split = split.replace(a, b, 1)
            break
    else:
        alpha = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 8]
        if alpha:
            w = words[alpha[0]]
            split = " ".join(
                f"{w[:4]}-{w[4:]}" if i == alpha[0] else x for i, x in enumerate(words)
            )
    cut = title.split(":")[0] if ":" in title else " ".join(words[:-2])
    extra = f"A new {title[0].lower()}{title[1:]}" if words[0] in ("A", "An") else title
    if extra == title:
        extra = f"{title} for relational systems"
    braces = " ".join(f"{{{w}}}" if i == 0 else w for i, w in enumerate(words))
    braces = braces.replace("e", "\\'{e}", 1)
    return {
        "clean": title,
        "typo": typo,
        "split": split,
        "caps": title.upper(),
        "extra": extra,
        "cut": cut,
        "braces": braces,
    }


def main() -> None:
    dblp.RATE = 100.0  # the stand-in is ours: no need to wait DBLP's 2 s per request
    items: list[tuple[str, str]] = []
    for text in dblp_conference_papers():
        m = _TITLE_RE.match(text)
        if m is None:
            continue
        for name, title in variants(m.group("title")).items():
            items.append((name, f"{m.group('head')}{title}{m.group('tail')}"))
    refs = tuple(
        to_reference(parse_reference(t), text=t, location=Location(path="messy.md", line=n))
        for n, (_, t) in enumerate(items, start=1)
    )
    store = Store.load([])
    with StandIn(store) as server, tempfile.TemporaryDirectory() as cache:
        settings = other_registries.standin_settings(server, cache, deadline=600)
        doc = Document(path="messy.md", format="markdown", references=refs)
        policy = Policy(single_rate=200, list_rate=200, doi_rate=200, concurrency=4)
        outcome = resolve_all([doc], settings, policy=policy)
        counts = Counter(server.counts)
    res = outcome.resolutions[0]
    t = Thresholds.from_settings(settings)
    ctx = RuleContext(document=doc, links=Links(), settings=settings, resolutions=res)
    flagged = {f.location.line for f in unverified_reference.RULE.check(ctx) if f.location}
    rows: dict[str, Counter[str]] = {}
    for n, ((name, _), ref) in enumerate(zip(items, refs, strict=True)):
        v = verdict(ref, res[n], t)
        c = rows.setdefault(name, Counter())
        c["n"] += 1
        c["dblp"] += v.status == "verified" and v.registry == "dblp"
        c["verified"] += v.status == "verified"
        c["flagged"] += (n + 1) in flagged
    print("| variant | papers | verified by DBLP | verified | unverified-reference |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, c in rows.items():
        print(f"| {name} | {c['n']} | {c['dblp']} | {c['verified']} | {c['flagged']} |")
    print()
    print(
        f"requests: DBLP {counts['dblp']}, Crossref lists {counts['crossref-array']}, "
        f"OpenAlex {counts['openalex']} ({len(items)} references)"
    )


if __name__ == "__main__":
    main()
