"""End-to-end accuracy of the crossmatch rules (CC101-CC107) on realistic manuscripts.

Pipeline per manuscript: load (Markdown loader, citation extractor, reference
parser) -> link -> crossmatch rules, exactly as ``citecheck check --offline``.

Corpus:

* real open-access JATS articles turned into Markdown + answer key by
  ``../shared/tools/jats_to_text.py`` (PLOS ``jats-dev`` by default; more with
  ``--jats DIR``: e.g. ``PLOS/allofplos`` ``allofplos/starter_corpus/`` and
  ``elifesciences/elife-tools`` ``tests/sample-xml/``). Each article is checked as
  the publisher typeset it and re-rendered from its key in APA, Harvard, Chicago
  author-date, Vancouver and an Indonesian APA variant ("dan", "dkk.", "Daftar
  Pustaka"), numeric articles included (their citations become author-year);
* generated Indonesian social-science manuscripts (``e2e_indonesian.py``).

Clean runs measure false alarms (findings the answer key confirms, such as entries
the publisher's XML never cites, count as true). Injected runs plant one defect of
each kind (``e2e_defects.py``) and score per rule: a finding is a true positive when
it touches a planted place of a defect expecting its rule, "also" when its rule is
an honest alternative there, and a false positive otherwise (findings already
present in the clean run are left out of the injected scores).

Usage::

    python -m bench.accuracy.e2e [--jats DIR ...] [--styles apa,...] [--indonesian N]
                                 [--seed S] [--runs R] [--show-fp N] [--json OUT]
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.data.e2e_defects import Planted, fold, plant_all
from bench.data.e2e_indonesian import generate
from bench.data.e2e_model import Manuscript, Ref, from_key
from bench.data.e2e_styles import STYLES, Span, render
from citecheck.model.document import LineIndex
from citecheck.model.findings import Finding
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import prepare, run_rules
from citecheck.rules import crossmatch

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_JATS = ROOT.parent / "shared" / "datasets" / "jats-dev"
DEFAULT_TOOL = ROOT.parent / "shared" / "tools" / "jats_to_text.py"
RULES = [r.name for r in crossmatch.RULES]
Item = tuple[str, str]


@dataclass
class Mapped:
    """A finding with the model items (citations, entries) it touches."""

    finding: Finding
    items: frozenset[Item]

    @property
    def sig(self) -> tuple[str, frozenset[Item]]:
        return self.finding.rule, self.items


@dataclass
class Tally:
    """Counts per rule."""

    clean_true: Counter[str] = field(default_factory=Counter)
    clean_false: Counter[str] = field(default_factory=Counter)
    planted: Counter[str] = field(default_factory=Counter)
    detected: Counter[str] = field(default_factory=Counter)
    tp: Counter[str] = field(default_factory=Counter)
    also: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    kinds: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, outcome)
    articles: int = 0
    quiet: int = 0  # clean manuscripts without any false alarm
    citations: int = 0
    fp_examples: list[str] = field(default_factory=list)
    fn_examples: list[str] = field(default_factory=list)


def check_text(text: str, name: str, tmp: Path) -> list[Finding]:
    """Crossmatch findings of one Markdown manuscript, as ``check --offline`` makes them."""
    path = tmp / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    settings = Settings(offline=True)
    prepared = prepare(path, tmp, settings)
    return run_rules(prepared, crossmatch.RULES, settings)


def _offsets(f: Finding, index: LineIndex) -> list[int]:
    locs: list[tuple[int, int]] = []
    if f.location:
        locs.append((f.location.line, f.location.column))
    locs += [(x.line, x.column) for x in f.related]
    for part in (f.citation, f.reference):
        loc = (part or {}).get("location")
        if isinstance(loc, dict):
            locs.append((int(loc["line"]), int(loc["column"])))
    return [index.line_start(line) + col - 1 for line, col in locs]


def map_findings(findings: list[Finding], text: str, spans: list[Span]) -> list[Mapped]:
    """Attach to every finding the citations / entries its locations fall in."""
    index = LineIndex(text)
    out = []
    for f in findings:
        items: set[Item] = set()
        for off in _offsets(f, index):
            for s in spans:
                if s.start <= off < max(s.end, s.start + 1):
                    if s.kind == "group":
                        items.update(("cite", n) for n in s.id.split(","))
                    else:
                        items.add((s.kind, s.id))
        out.append(Mapped(f, frozenset(items)))
    return out


def real_defects(ms: Manuscript, key: dict[str, object] | None) -> set[tuple[str, Item]]:
    """Defects the original article really has (answer key): uncited entries and
    entries listed twice (same DOI, or same title and year)."""
    out: set[tuple[str, Item]] = set()
    cited = {c.rid for c in ms.cites()}
    for r in ms.refs:
        if r.id not in cited and r.kind != "law":  # statutes are named in the prose
            out.add(("listed-not-cited", ("ref", r.id)))
    seen: dict[str, str] = {}
    for r in ms.refs:
        for k in (f"doi:{r.doi.lower()}" if r.doi else "", f"t:{fold(r.title)}:{r.year}"):
            if k and k in seen:
                out.add(("duplicate-reference", ("ref", r.id)))
                out.add(("duplicate-reference", ("ref", seen[k])))
            elif k:
                seen[k] = r.id
    return out


def score_clean(mapped: list[Mapped], truth: set[tuple[str, Item]], t: Tally, label: str) -> None:
    before = sum(t.clean_false.values())
    for m in mapped:
        rule = m.finding.rule
        if any((rule, it) in truth for it in m.items):
            t.clean_true[rule] += 1
        else:
            t.clean_false[rule] += 1
            t.fp_examples.append(f"[clean {label}] {rule}: {m.finding.message}")
    t.quiet += sum(t.clean_false.values()) == before


def score_injected(
    mapped: list[Mapped],
    baseline: set[tuple[str, frozenset[Item]]],
    planted: list[Planted],
    t: Tally,
    label: str,
) -> None:
    hit: set[int] = set()
    for m in mapped:
        rule = m.finding.rule
        if m.sig in baseline:
            continue
        tps = [i for i, p in enumerate(planted) if rule in p.rules and m.items & p.targets]
        if tps:
            t.tp[rule] += 1
            hit.update(tps)
            for i in tps:
                planted[i].detail += f" |found:{rule}"
        elif any(rule in p.also and m.items & p.targets for p in planted):
            t.also[rule] += 1
        else:
            t.fp[rule] += 1
            t.fp_examples.append(f"[inj {label}] {rule}: {m.finding.message}")
    for p in planted:
        t.kinds[(p.kind, "planted")] += 1
        t.kinds[(p.kind, "flagged")] += any(
            m.items & p.targets and m.sig not in baseline for m in mapped
        )
        every = all(f"|found:{rule}" in p.detail for rule in p.rules)
        t.kinds[(p.kind, "found" if every else "missed")] += 1
        for rule in p.rules:
            t.planted[rule] += 1
            ok = f"|found:{rule}" in p.detail
            t.detected[rule] += ok
            if not ok:
                others = sorted({m.finding.rule for m in mapped if m.items & p.targets})
                t.fn_examples.append(
                    f"[{label}] {p.kind} ({rule}) {p.detail.split('|')[0]} "
                    f"targets={sorted(p.targets)[:3]} other findings there={others}"
                )


def convert(jats_dirs: list[Path], tool: Path, out: Path) -> list[Path]:
    """Run jats_to_text.py on every folder; return the answer keys."""
    keys: list[Path] = []
    for i, d in enumerate(jats_dirs):
        o = out / f"src{i}"
        o.mkdir()
        # a non-zero exit only says some article failed its checks; keep the others
        subprocess.run(
            [sys.executable, str(tool), "--batch", str(d), "-o", str(o)],
            check=False,
            capture_output=True,
        )
        keys += sorted(o.glob("*.key.json"))
    return keys


def run(args: argparse.Namespace) -> dict[str, Tally]:
    rng = random.Random(args.seed)
    styles = args.styles.split(",")
    tallies: dict[str, Tally] = defaultdict(Tally)
    with tempfile.TemporaryDirectory() as tmpd:
        tmp = Path(tmpd)
        work = tmp / "ms"
        work.mkdir()
        corpus: list[tuple[Manuscript, str | None, dict[str, object] | None]] = []
        for kp in convert(args.jats, args.tool, tmp) if args.jats else []:
            ms, md, key = from_key(kp)
            if len(ms.refs) >= 5:
                corpus.append((ms, md, key))
        for ms in generate(args.indonesian, seed=args.seed):
            corpus.append((ms, None, None))
        pool: list[Ref] = [r for ms, _, _ in corpus for r in ms.refs if ms.lang == "en"]
        pool = pool or [r for ms, _, _ in corpus for r in ms.refs]
        for ms, md, key in corpus:
            truth = real_defects(ms, key)
            src = "id-generated" if ms.lang == "id" else f"jats-{ms.notes.get('style')}"
            variants = ["indonesian"] if ms.lang == "id" else styles
            if md is not None and "publisher" in args.clean:
                t = tallies[f"{src}/publisher"]
                found = check_text(md, ms.name, work)
                t.articles += 1
                t.citations += len(ms.cites())
                # publisher text: map via the key's own citation/entry offsets
                spans = _publisher_spans(key or {}, ms)
                score_clean(map_findings(found, md, spans), truth, t, ms.name)
            for style in variants:
                t = tallies[f"{src}/{style}"]
                text, spans = render(ms, style)
                clean = map_findings(check_text(text, ms.name, work), text, spans)
                t.articles += 1
                t.citations += len(ms.cites())
                score_clean(clean, truth, t, f"{ms.name}/{style}")
                baseline = {m.sig for m in clean}
                for r in range(args.runs):
                    bad = copy.deepcopy(ms)
                    planted = plant_all(
                        bad, random.Random(rng.random()), pool, numeric=style == "vancouver"
                    )
                    text2, spans2 = render(bad, style)
                    mapped = map_findings(check_text(text2, ms.name, work), text2, spans2)
                    score_injected(mapped, baseline, planted, t, f"{ms.name}/{style}#{r}")
    return tallies


def _publisher_spans(key: dict[str, object], ms: Manuscript) -> list[Span]:
    spans: list[Span] = []
    for c in key.get("citations", []):  # type: ignore[union-attr]
        spans.append(Span("ref-cite", ",".join(c["rids"]), int(c["start"]), int(c["end"])))
    for r in key.get("references", []):  # type: ignore[union-attr]
        s = int(r["rendered_start"])
        spans.append(Span("ref", str(r["id"]), s, s + len(str(r["rendered_text"]))))
    return spans


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "–"


def report(tallies: dict[str, Tally], args: argparse.Namespace) -> dict[str, object]:
    total = Tally()
    for t in tallies.values():
        for name in (
            "clean_true",
            "clean_false",
            "planted",
            "detected",
            "tp",
            "also",
            "fp",
            "kinds",
        ):
            getattr(total, name).update(getattr(t, name))
        total.articles += t.articles
        total.quiet += t.quiet
        total.citations += t.citations
        total.fp_examples += t.fp_examples
        total.fn_examples += t.fn_examples
    print("\n### Clean manuscripts (false alarms)\n")
    print(
        "| corpus/style | manuscripts | citations | true findings | false alarms | per manuscript "
        "| per 100 citations | manuscripts without false alarm |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, t in [*sorted(tallies.items()), ("**all**", total)]:
        fa = sum(t.clean_false.values())
        print(
            f"| {name} | {t.articles} | {t.citations} | {sum(t.clean_true.values())} | {fa} | "
            f"{fa / max(t.articles, 1):.2f} | {100 * fa / max(t.citations, 1):.2f} | "
            f"{t.quiet / max(t.articles, 1):.0%} |"
        )
    print(
        "\n| rule | clean: true | clean: false | planted | detected | recall | findings TP | also | FP | precision |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for rule in RULES:
        print(
            f"| {rule} | {total.clean_true[rule]} | {total.clean_false[rule]} | {total.planted[rule]} | "
            f"{total.detected[rule]} | {ratio(total.detected[rule], total.planted[rule])} | {total.tp[rule]} | "
            f"{total.also[rule]} | {total.fp[rule]} | {ratio(total.tp[rule], total.tp[rule] + total.fp[rule])} |"
        )
    print("\n### Injected defects by corpus/style (recall; precision of new findings)\n")
    print("| corpus/style | planted | detected | recall | TP | FP | precision |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, t in sorted(tallies.items()):
        p, d = sum(t.planted.values()), sum(t.detected.values())
        tp, fp = sum(t.tp.values()), sum(t.fp.values())
        if p:
            print(f"| {name} | {p} | {d} | {ratio(d, p)} | {tp} | {fp} | {ratio(tp, tp + fp)} |")
    print(
        "\n| defect kind | planted | found by every expected rule | missed | recall | flagged by any rule there |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for kind in sorted({k for k, _ in total.kinds}):
        f, m = total.kinds[(kind, "found")], total.kinds[(kind, "missed")]
        n, any_ = total.kinds[(kind, "planted")], total.kinds[(kind, "flagged")]
        print(f"| {kind} | {n} | {f} | {m} | {ratio(f, f + m)} | {ratio(any_, n)} |")
    if args.dump:
        args.dump.write_text(
            "\n".join([*total.fp_examples, "", "MISSED", *total.fn_examples]) + "\n",
            encoding="utf-8",
        )
    if args.show_fp:
        print("\nFalse alarms (sample):")
        for line in random.Random(1).sample(
            total.fp_examples, min(args.show_fp, len(total.fp_examples))
        ):
            print("  ", line[:300])
        print("\nMissed (sample):")
        for line in random.Random(1).sample(
            total.fn_examples, min(args.show_fp, len(total.fn_examples))
        ):
            print("  ", line[:300])
    return {
        name: {
            k: dict(getattr(t, k))
            for k in ("clean_true", "clean_false", "planted", "detected", "tp", "also", "fp")
        }
        | {"articles": t.articles, "citations": t.citations, "quiet": t.quiet}
        for name, t in tallies.items()
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--jats", type=Path, nargs="*", default=[DEFAULT_JATS], help="folders of JATS XML"
    )
    ap.add_argument("--tool", type=Path, default=DEFAULT_TOOL)
    ap.add_argument("--styles", default=",".join(STYLES))
    ap.add_argument(
        "--clean", default="publisher", help="also check the publisher's rendering ('' to skip)"
    )
    ap.add_argument("--indonesian", type=int, default=40, help="generated Indonesian manuscripts")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=1, help="injected copies per manuscript and style")
    ap.add_argument("--show-fp", type=int, default=0, help="print N false alarms and misses")
    ap.add_argument("--json", type=Path, help="write the counts here")
    ap.add_argument("--dump", type=Path, help="write every false alarm and miss here")
    args = ap.parse_args()
    out = report(run(args), args)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
