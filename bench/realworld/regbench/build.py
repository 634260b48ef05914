"""Build ``manifest.json`` of the registry benchmark (run once; the manifest is committed).

Real items: every BibTeX entry or reading-list line of the scanned repositories whose
title begins with the first eight words of a pool record's title (checked by hand
afterwards: ``exclude`` lists the pairs judged wrong). Fabricated items: recipes over
``fabricated.json`` (written by us) and pool records. Split: dev/test by a hash of the
item id.

    python -m bench.realworld.regbench.build [--mirror /work/.mirror]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
from pathlib import Path
from typing import Any

from bench.realworld.regbench import pool as P

RECORD_SOURCES = [
    {
        "kind": "manubot",
        "repo": "greenelab/deep-review",
        "commit": "0265a4b82f16869695dc50b3f0d739dc29f60480",
        "path": "references.json",
        "what": "Manubot's retrieved records (CSL) of the review's 615 references, output branch",
    },
    {
        "kind": "cassettes",
        "repo": "ropensci/rcrossref",
        "commit": "bf3fcfe0d7deede6c93847081f84e8ab45ba079e",
        "under": ["tests/fixtures"],
        "what": "VCR recordings of api.crossref.org",
    },
    {
        "kind": "cassettes",
        "repo": "sckott/habanero",
        "commit": "461adbcf3970a1448daf2896165c9e43fd269b8f",
        "under": ["test/cassettes"],
        "what": "VCR recordings of api.crossref.org",
    },
    {
        "kind": "cassettes",
        "repo": "front-matter/commonmeta-py",
        "commit": "8cfcdf30642181b5e1300c0338b3ae396460e8ae",
        "under": ["tests/cassettes"],
        "what": "VCR recordings of api.crossref.org",
    },
    {
        "kind": "cassettes",
        "repo": "datacite/bolognese",
        "commit": "ff9ced47b98be806732919d3bf0bd6cbafd9125a",
        "under": ["spec/fixtures"],
        "what": "VCR recordings of api.crossref.org",
    },
]
STRING_REPOS = [
    ("gokceneraslan/awesome-deepbio", "biomed"),
    ("hussius/deeplearning-biology", "biomed"),
    ("koo-lab/koo-lab.github.io", "biomed"),
    ("Currie32/s-enformer-website", "biomed"),
    ("hsiaoyi0504/awesome-cheminformatics", "biomed"),
    ("christophM/interpretable-ml-book", "cs"),
    ("JonasLamy/ManuscriptTheseJonas", "cs"),
    ("valdirachman/srl-doc", "cs"),
    ("DanishRitonga/RayCastED-undergraduate-thesis", "cs"),
    ("JayaniLakshika/paper-nldr-vis-algorithm", "cs"),
    ("KReguieg/Bachelorarbeit", "cs"),
    ("TengMCing/autovi_paper", "cs"),
    ("greenelab/meta-review", "social"),
]
# Pairs looked at by hand and judged not to cite the pool record (same opening words,
# another work), by item string locator.
EXCLUDE: set[str] = set()


def split_of(item_id: str) -> str:
    """dev or test, stable per id."""
    return "dev" if int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _head(repo: str) -> str:
    gd = P.MIRROR / repo.replace("/", "+", 1) / "repo"
    return subprocess.run(
        ["git", "-C", str(gd), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


def real_items(records: dict[str, P.PoolRecord]) -> list[dict[str, Any]]:
    """Reference strings of the scanned repositories that cite a pool record."""
    keys: dict[str, str] = {}
    for rid, rec in records.items():
        title = rec.work["title"][0] if rec.registry == "crossref" else rec.work.get("title", "")
        words = P.norm(str(title)).split()
        if len(words) >= 4:
            keys.setdefault(" ".join(words[:8]), rid)
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for repo, domain in STRING_REPOS:
        try:
            commit = _head(repo)
        except subprocess.CalledProcessError:
            continue
        for path in P.git_files(repo, commit):
            if not path.endswith((".bib", ".md")):
                continue
            try:
                text = P.git_show(repo, commit, path).decode("utf-8", "replace")
            except FileNotFoundError:
                continue  # a blob the snapshot lacks (4 MiB and more)
            if path.endswith(".bib"):
                for m in P._ENTRY_RE.finditer(text):
                    tm = re.search(r"\btitle\s*=\s*[{\"](.+?)[}\"]\s*,?\s*\n", m.group(3), re.S)
                    if tm is None:
                        continue
                    nt = P.norm(tm.group(1))
                    rid = next((r for k, r in keys.items() if nt.startswith(k)), None)
                    loc = f"{repo}:{path}:{m.group(2)}"
                    if rid is None or loc in EXCLUDE or (repo, rid) in seen:
                        continue
                    seen.add((repo, rid))
                    src = {"repo": repo, "commit": commit, "path": path, "kind": "bibtex"}
                    out.append(
                        {"record": rid, "domain": domain, "string": {**src, "key": m.group(2)}}
                    )
                continue
            for line in text.splitlines():
                s = line.strip()
                if not (s.startswith("- **") and " | " in s) and not s.startswith("**"):
                    continue  # only reading-list entries, not prose
                nl = P.norm(s)
                rid = next((r for k, r in keys.items() if k in nl), None)
                loc = f"{repo}:{path}:{P.line_hash(s)}"
                if rid is None or loc in EXCLUDE or (repo, rid) in seen:
                    continue
                seen.add((repo, rid))
                src = {"repo": repo, "commit": commit, "path": path, "kind": "line"}
                out.append(
                    {"record": rid, "domain": domain, "string": {**src, "sha1": P.line_hash(s)}}
                )
    return out


def fabricated_items(
    records: dict[str, P.PoolRecord], real: list[dict[str, Any]], seed: int = 17
) -> list[dict[str, Any]]:
    """Recipes for the fabricated references (see fabricated.json)."""
    fab = json.loads(P.FABRICATED.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    cited = sorted(
        {
            it["record"]
            for it in real
            if records[it["record"]].registry == "crossref"
            and records[it["record"]].work.get("author")
            and records[it["record"]].work.get("container-title")
        }
    )
    rng.shuffle(cited)
    out: list[dict[str, Any]] = []
    for domain, text in fab["invented"]:
        out.append({"class": "invented", "domain": domain, "text": text})
    # Real authors, year and journal of a cited record under an invented title.
    for title, rid in zip(fab["titles"], cited, strict=False):
        out.append({"class": "wrong-title", "domain": "biomed", "record": rid, "title": title})
    # A cited record's title and authors with another year and another record's journal.
    rest = cited[len(fab["titles"]) :] + cited[: len(fab["titles"])]
    for n, rid in enumerate(rest[:30]):
        other = rest[(n + 7) % len(rest)]
        out.append(
            {
                "class": "wrong-year-venue",
                "domain": "biomed",
                "record": rid,
                "year_shift": 3 + n % 4,
                "venue_of": other,
            }
        )
    # Plausible DOIs that the pool does not hold: under an invented reference, or
    # under a real cited work.
    for n, doi in enumerate(fab["dois"]):
        if n % 2 == 0:
            domain, text = fab["invented"][(n * 5) % len(fab["invented"])]
            out.append({"class": "fake-doi", "domain": domain, "text": text, "doi": doi})
        else:
            out.append(
                {
                    "class": "fake-doi",
                    "domain": "biomed",
                    "record": cited[n % len(cited)],
                    "doi": doi,
                }
            )
    # Invented titles cited alone (as reading lists cite works): the title-only rule
    # must not make them plausible.
    for domain, text in fab.get("title_only", []):
        out.append({"class": "title-only", "domain": domain, "text": text})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mirror", type=Path, default=P.MIRROR)
    args = parser.parse_args()
    P.MIRROR = args.mirror
    manifest: dict[str, Any] = {"corpus": "regbench", "record_sources": RECORD_SOURCES}
    records = P.pool(manifest)
    real = real_items(records)
    fake = fabricated_items(records, real)
    items = []
    for n, it in enumerate(real, start=1):
        iid = f"r{n:03d}"
        items.append({"id": iid, "split": split_of(iid), "label": "real", **it})
    for n, it in enumerate(fake, start=1):
        iid = f"f{n:03d}"
        items.append({"id": iid, "split": split_of(iid), "label": "fabricated", **it})
    manifest["items"] = items
    P.MANIFEST.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(records)} records; {len(real)} real, {len(fake)} fabricated items")


if __name__ == "__main__":
    main()
