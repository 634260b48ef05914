"""Stress ``citecheck fix`` on real BibTeX files: does every edit stay surgical?

For each ``.bib`` file under DIR (default: TeX Live's documentation, where Debian's
texlive-doc packages put hundreds of real bibliographies), this

1. compares the keys our span scanner finds with the keys the project's BibTeX
   loader (bibtexparser 2) reads;
2. for up to ``--per-file`` entries (evenly sampled), asks ``fix`` to set ``doi``
   and ``year`` in one run,
   and counts the edits applied, the ones refused (and why), and any edit whose
   verification failed (the entry-by-entry comparison with the original);
3. checks a no-op run gives the file back byte for byte.

    python -m bench.accuracy.fix_roundtrip [DIR] [--limit N] [--per-file N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from citecheck.fix import edit_files
from citecheck.fix.bibtex_source import scan_entries
from citecheck.fix.changes import Change
from citecheck.loaders.bibtex import parse_bibtex_string


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?", default="/usr/share/doc/texlive-doc", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="at most this many files")
    parser.add_argument(
        "--per-file", type=int, default=40, help="entries edited per file (sampled)"
    )
    args = parser.parse_args()
    files = sorted(p for p in args.dir.rglob("*.bib") if p.is_file())
    if args.limit:
        files = files[: args.limit]
    stats: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    started = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        stats["files"] += 1
        ours = [e.key for e in scan_entries(text)]
        refs, _ = parse_bibtex_string(text.replace("\r\n", "\n"), path.name)
        theirs = [r.key for r in refs]
        stats["entries (loader)"] += len(theirs)
        stats["entries (scanner)"] += len(ours)
        stats["entries found by both"] += sum((Counter(ours) & Counter(theirs)).values())
        root = path.parent
        (noop,) = edit_files([Change(path.name, "\0none", "doi", "10.1/x", "t", "t")], root) or [
            None
        ]
        if noop is None or noop.new_text != text:
            stats["no-op changed the file (BUG)"] += 1
        keys = list(dict.fromkeys(ours))
        # Every k-th entry, all in one run of fix (as a user's run would be): one
        # verification per file, which re-reads the whole file with bibtexparser.
        step = max(1, len(keys) // args.per_file)
        changes = []
        for key in keys[::step]:
            changes += [
                Change(
                    path.name, key, "doi", "10.5555/citecheck.test", "preprint-published", "bench"
                ),
                Change(path.name, key, "year", "1999", "metadata-mismatch", "bench"),
            ]
        if not changes:
            continue
        (edit,) = edit_files(changes, root)
        stats["changes asked"] += len(changes)
        stats["changes applied"] += len(edit.applied)
        for sk in edit.skipped:
            cancelled = sk.why.startswith("not applied")
            reasons[sk.why.split(":")[0] if cancelled else sk.why] += 1
            stats["changes cancelled by verification"] += cancelled
        if edit.changed:
            new_refs, _ = parse_bibtex_string(edit.new_text.replace("\r\n", "\n"), path.name)
            edited = {c.key for c in edit.applied}
            stats["entries edited"] += len(edited)
            stats["edited entries whose DOI the loader reads back"] += sum(
                1 for r in new_refs if r.key in edited and r.doi == "10.5555/citecheck.test"
            )
    elapsed = time.perf_counter() - started
    for name, n in stats.items():
        print(f"{name:40} {n}")
    print("skipped, by reason:")
    for why, n in reasons.most_common():
        print(f"  {n:6}  {why}")
    print(f"time: {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
