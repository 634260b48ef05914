"""Benchmark: verdicts on real reference strings against real recorded records.

Unlike :mod:`bench.accuracy.registry_routes` (whose real references are rendered from
the very records the stand-in serves), the real references here are strings written
in public reference lists (BibTeX files of papers and theses, curated reading lists),
and the records the loopback stand-in serves come from another source: the registry
records Manubot retrieved for greenelab/deep-review, and the Crossref works recorded in
four client libraries' tests (distractors). The fabricated references are ours
(bench/realworld/regbench/fabricated.json and the recipes in the manifest). Every
item and its provenance is in bench/realworld/regbench/manifest.json; the third-party
text is read from fetched snapshots at run time (fetch each repository of the
manifest first) and never committed.

    python -m bench.accuracy.registry_real [--split dev|test|all] [--misses]

Reports: verdict counts per label and class; "flagged" (not-found or disagrees: what
unverified-reference, doi-not-found and doi-mismatch report) against the hand labels,
precision and recall for fabricated references; per-registry coverage (which registry
verified each real reference); requests per reference.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from bench.realworld.regbench import pool as P
from citecheck.loaders.bibtex import parse_bibtex_string
from citecheck.model.document import Document, Location, Reference
from citecheck.model.links import Links
from citecheck.model.settings import Settings
from citecheck.references import parse_reference, to_reference
from citecheck.registry.http import Policy
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.registry.resolve import resolve_all
from citecheck.registry.verdict import verdict
from citecheck.rules.base import RuleContext
from citecheck.rules.records import RULES as RECORD_RULES
from tests.support import other_registries
from tests.support.registry_standin import StandIn, Store

ROOT = Path(__file__).resolve().parents[2]
ARXIV_AGENCY = {"id": "datacite", "label": "DataCite"}


def _year(work: dict[str, Any]) -> int | None:
    parts = (work.get("issued") or {}).get("date-parts") or [[None]]
    return parts[0][0] if parts and parts[0] else None


def _names(work: dict[str, Any]) -> str:
    out = []
    for a in work.get("author", [])[:6]:
        if a.get("family"):
            initials = "".join(p[0] + "." for p in str(a.get("given") or "").split() if p)
            out.append(f"{a['family']}, {initials}".strip(", "))
        elif a.get("name"):
            out.append(a["name"])
    if len(out) > 1:
        return ", ".join(out[:-1]) + ", & " + out[-1]
    return out[0] if out else ""


def render(
    work: dict[str, Any],
    *,
    title: str | None = None,
    year: int | None = None,
    venue: str | None = None,
    doi: str | None = None,
) -> str:
    """An APA-like string from a record's fields (for the fabricated recipes)."""
    t = title or work["title"][0]
    y = year if year is not None else _year(work)
    c = venue if venue is not None else (work.get("container-title") or [""])[0]
    tail = ", ".join(x for x in (c, work.get("volume", ""), work.get("page", "")) if x)
    text = f"{_names(work)} ({y or 'n.d.'}). {t.rstrip('.')}. {tail}."
    return f"{text} https://doi.org/{doi}" if doi else text


def build(
    manifest: dict[str, Any], records: dict[str, P.PoolRecord], split: str
) -> list[tuple[dict[str, Any], Reference]]:
    """(item, reference as citecheck would load it) for the items of ``split``."""
    out = []
    for line, item in enumerate(manifest["items"], start=1):
        if split != "all" and item["split"] != split:
            continue
        loc = Location(path="regbench.md", line=line)
        if item["label"] == "real":
            kind, text = P.reference_string(item)
            if kind == "bibtex":
                refs, _ = parse_bibtex_string(text, "regbench.bib")
                if not refs:
                    continue
                out.append((item, refs[0].model_copy(update={"location": loc})))
                continue
        else:
            work = records[item["record"]].work if "record" in item else None
            cls = item["class"]
            if cls in ("invented", "title-only") or (cls == "fake-doi" and work is None):
                text = item["text"] + (f" https://doi.org/{item['doi']}" if item.get("doi") else "")
            elif cls == "wrong-title":
                assert work is not None
                text = render(work, title=item["title"])
            elif cls == "wrong-year-venue":
                assert work is not None
                other = records[item["venue_of"]].work
                text = render(
                    work,
                    year=(_year(work) or 2000) + item["year_shift"],
                    venue=(other.get("container-title") or [""])[0],
                )
            else:  # fake-doi under a real work
                assert work is not None
                text = render(work, doi=item["doi"])
        out.append((item, to_reference(parse_reference(text), text=text, location=loc)))
    return out


_PREPRINT = re.compile(r"arxiv|biorxiv|medrxiv|preprint|corr\b", re.I)


def version_in_pool(ref: Reference, rec: P.PoolRecord) -> bool:
    """False when the reference cites another version of the work than the pool's
    record (another DOI or arXiv id, a preprint for a journal record, a journal or
    proceedings for an arXiv record): the real registries hold that version, the
    stand-in does not, so its verdict says nothing about matching."""
    arxiv = re.search(r"(?:arxiv[.:/ ]|abs/)(\d{4}\.\d{4,5})", ref.text, re.I)
    if rec.registry == "crossref":
        if ref.doi and ref.doi.lower() != rec.work["DOI"].lower():
            return False
        cites_preprint = bool(_PREPRINT.search(ref.container or "") or arxiv) or bool(
            ref.doi and ref.doi.startswith("10.1101/")
        )
        return cites_preprint == (rec.work.get("type") == "posted-content")
    if ref.doi and not ref.doi.lower().startswith("10.48550/"):
        return False
    if arxiv and arxiv.group(1) != rec.arxiv:
        return False
    return not (ref.container and not _PREPRINT.search(ref.container))


def _arxiv_openalex(rec: P.PoolRecord) -> dict[str, Any]:
    """An arXiv record in the OpenAlex work shape (OpenAlex indexes arXiv)."""
    csl = rec.work
    return {
        "id": f"https://openalex.org/W{abs(hash(rec.id)) % 10**10}",
        "doi": f"https://doi.org/10.48550/arxiv.{rec.arxiv}",
        "title": csl.get("title"),
        "publication_year": _year(csl),
        "type": "preprint",
        "primary_location": {"source": {"display_name": "arXiv (Cornell University)"}},
        "authorships": [
            {"author": {"display_name": f"{a.get('given', '')} {a.get('family', '')}".strip()}}
            for a in csl.get("author", [])
        ],
        "biblio": {},
        "is_retracted": False,
    }


def store_for(records: dict[str, P.PoolRecord]) -> Store:
    """The stand-in's store: the house fixtures plus every pool record."""
    store = Store.load(
        [
            ROOT / "tests" / "fixtures" / "crossref",
            ROOT / "tests" / "fixtures" / "registry_e2e" / "records",
        ]
    )
    for rec in records.values():
        if rec.registry == "crossref":
            store.works.setdefault(rec.work["DOI"].lower(), rec.work)
            store.real.add(rec.work["DOI"].lower())
        elif rec.arxiv:
            doi = f"10.48550/arxiv.{rec.arxiv}".lower()
            store.other[doi] = (ARXIV_AGENCY, {**rec.work, "DOI": doi.upper()})
    store._build_index()
    arxiv_works = tuple(_arxiv_openalex(r) for r in records.values() if r.arxiv)
    other_registries.recorded_openalex = lambda: arxiv_works  # type: ignore[assignment]
    return store


# Rules whose finding says "this reference may not exist as cited" (fabrication
# detectors); the other registry rules report details of works that exist.
EXISTENCE_RULES = ("unverified-reference", "doi-not-found", "doi-mismatch")


def rule_findings(
    doc: Document, resolutions: dict[int, Any], settings: Settings
) -> dict[str, dict[int, str]]:
    """Each registry rule's findings, as {rule: {reference index: message}}."""
    ctx = RuleContext(document=doc, links=Links(), settings=settings, resolutions=resolutions)
    line_to_index = {ref.location.line: i for i, ref in enumerate(doc.references)}
    out: dict[str, dict[int, str]] = {}
    for rule in RECORD_RULES:
        for f in rule.check(ctx):
            line = f.location.line if f.location is not None else None
            if line in line_to_index:
                out.setdefault(rule.name, {})[line_to_index[line]] = f.message
    return out


def run(split: str, show_misses: bool, with_other_versions: bool = False) -> None:
    import json

    manifest = json.loads(P.MANIFEST.read_text(encoding="utf-8"))
    records = P.pool(manifest)
    pairs = build(manifest, records, split)
    store = store_for(records)
    refs = tuple(r for _, r in pairs)
    with StandIn(store) as server, tempfile.TemporaryDirectory() as cache:
        settings = other_registries.standin_settings(server, cache, deadline=1200)
        doc = Document(path="regbench.md", format="markdown", references=refs)
        policy = Policy(single_rate=200, list_rate=200, doi_rate=200, concurrency=4)
        outcome = resolve_all([doc], settings, policy=policy)
        counts = Counter(server.counts)
        by_rule = rule_findings(doc, dict(outcome.resolutions[0]), settings)
    t = Thresholds.from_settings(settings)
    verdicts = [verdict(r, outcome.resolutions[0][i], t) for i, r in enumerate(refs)]
    n = len(pairs)
    real = [it["label"] == "real" for it, _ in pairs]
    print(f"split {split}: {n} references ({sum(real)} real, {n - sum(real)} fabricated)")
    print()
    print("| group | references | verified | disagrees | not-found | not-checked | not-looked-up |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    groups: dict[str, list[str]] = {}
    for (it, ref), v in zip(pairs, verdicts, strict=True):
        route = (
            "DOI" if ref.doi else ("arXiv id" if re.search(r"arxiv", ref.text, re.I) else "search")
        )
        if it["label"] == "real":
            same = version_in_pool(ref, records[it["record"]])
            name = f"real, {it['string']['kind']}, {route}" + ("" if same else ", other version")
        elif it["class"] == "fake-doi" and "record" in it:
            name = "miscited: real work, DOI that does not exist"
        else:
            name = f"fabricated: {it['class']}"
        groups.setdefault(name, []).append(v.status)
    for name in sorted(groups):
        c = Counter(groups[name])
        print(
            f"| {name} | {len(groups[name])} | {c['verified']} | {c['disagrees']} "
            f"| {c['not-found']} | {c['not-checked']} | {c['not-looked-up']} |"
        )
    # A real work under a DOI that does not exist is neither real-as-cited nor
    # fabricated: reported in its own row, left out of precision and recall.
    keep = [not (it.get("class") == "fake-doi" and "record" in it) for it, _ in pairs]
    if not with_other_versions:
        keep = [
            k and (it["label"] != "real" or version_in_pool(ref, records[it["record"]]))
            for k, (it, ref) in zip(keep, pairs, strict=True)
        ]
    flagged = [
        v.status in ("not-found", "disagrees") for v, k in zip(verdicts, keep, strict=True) if k
    ]
    fake = [not r for r, k in zip(real, keep, strict=True) if k]
    tp = sum(a and b for a, b in zip(flagged, fake, strict=True))
    fp = sum(a and not b for a, b in zip(flagged, fake, strict=True))
    fn = sum(b and not a for a, b in zip(flagged, fake, strict=True))
    print()
    scope = "all real" if with_other_versions else "real citing a version the pool holds"
    print(
        f"flagged vs fabricated ({scope}): TP {tp}, FP {fp}, FN {fn}; precision "
        f"{tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f}"
    )
    cover = Counter(
        v.registry or "-"
        for v, r in zip(verdicts, real, strict=True)
        if r and v.status == "verified"
    )
    print(f"coverage (real references verified, by registry): {dict(cover)} of {sum(real)}")
    total = counts["requests"]
    per = ", ".join(
        f"{k} {counts[k]}"
        for k in ("crossref-array", "crossref-single", "doi", "arxiv", "eutils", "openalex", "dblp")
    )
    print(f"requests: {total} ({total / max(n, 1):.2f} per reference): {per}")
    print()
    print("Each registry rule's own findings (references of the precision/recall scope):")
    print()
    print("| rule | findings | on fabricated | on real | precision | recall (fabricated) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    kept_idx = [i for i, k in enumerate(keep) if k]
    n_fake = sum(1 for i in kept_idx if not real[i])
    union: set[int] = set()
    for rule in RECORD_RULES:
        hits = {i for i in by_rule.get(rule.name, {}) if i in set(kept_idx)}
        if rule.name in EXISTENCE_RULES:
            union |= hits
        if not hits and rule.name not in EXISTENCE_RULES:
            continue
        on_fake = sum(1 for i in hits if not real[i])
        rec = f"{on_fake / max(n_fake, 1):.3f}" if rule.name in EXISTENCE_RULES else "-"
        print(
            f"| {rule.name} | {len(hits)} | {on_fake} | {len(hits) - on_fake} "
            f"| {on_fake / max(len(hits), 1):.3f} | {rec} |"
        )
    on_fake = sum(1 for i in union if not real[i])
    print(
        f"| any of {', '.join(EXISTENCE_RULES)} | {len(union)} | {on_fake} "
        f"| {len(union) - on_fake} | {on_fake / max(len(union), 1):.3f} "
        f"| {on_fake / max(n_fake, 1):.3f} |"
    )
    if show_misses:
        for name, found in sorted(by_rule.items()):
            for i, msg in sorted(found.items()):
                it = pairs[i][0]
                if it["label"] == "real" or name not in EXISTENCE_RULES:
                    print(
                        f"  {name} on {it['id']} {it['label']} {it.get('class', '')}: {msg[:150]}"
                    )
        missed = [i for i in kept_idx if not real[i] and i not in union]
        for i in missed:
            it, ref = pairs[i]
            print(f"  unreported {it['id']} {it.get('class', '')}: {ref.text[:140]!r}")
        kept = [(p, v) for p, v, k in zip(pairs, verdicts, keep, strict=True) if k]
        for ((it, ref), v), f in zip(kept, flagged, strict=True):
            if f == (it["label"] == "real"):
                print(
                    f"  miss {it['id']} {it['label']} {it.get('class', '')} {v.status} {v.fields}: {ref.text[:160]!r}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--misses", action="store_true", help="list every wrong verdict")
    parser.add_argument(
        "--with-other-versions",
        action="store_true",
        help="count real references citing a version the pool lacks in precision/recall",
    )
    args = parser.parse_args()
    run(args.split, args.misses, args.with_other_versions)


if __name__ == "__main__":
    main()
