"""Scores on PDF damage (:mod:`noise`): hyphenation repair and glued entries.

* hyphenation: a ``split`` word ("Geo- metric") is repaired when the parsed title
  holds the whole word and not the broken form; a ``compound`` ("metal- poor") when
  it holds the word with its hyphen ("metal-poor");
* glued: the lines go, one entry a paragraph, into a Markdown manuscript's reference
  section read by ``citecheck parse`` (so the section splitter runs); a glued line
  is split right when it gives exactly two entries whose first authors are its two
  parts' first authors. The first part of each pair also goes in alone, as a
  control: it must stay one entry.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from bench.refparse.backend import Backend, Cli
from bench.refparse.score import norm


def _hyphen_ok(rec: dict[str, Any], title: str | None) -> bool:
    if not title:
        return False
    t = " ".join(title.split()).lower()
    w = rec["word"].lower()
    return bool(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", t))


def _doc_refs(entries: list[str]) -> dict[int, list[dict[str, Any]]]:
    """References of a manuscript whose reference section is ``entries``, by entry index."""
    head = "# A manuscript\n\nSome text.\n\n## References\n\n"
    first_line = head.count("\n") + 1
    body = "\n\n".join(" ".join(e.split()) for e in entries)
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as fh:
        fh.write(head + body + "\n")
    try:
        out = subprocess.run(
            [*Cli().cmd, "parse", fh.name], capture_output=True, text=True, check=True
        ).stdout
    finally:
        Path(fh.name).unlink()
    by: dict[int, list[dict[str, Any]]] = {}
    for r in json.loads(out)["references"]:
        by.setdefault((r["location"]["line"] - first_line) // 2, []).append(r)
    return by


def _fa(ref: dict[str, Any]) -> str:
    a = ref.get("authors") or []
    return norm(a[0]["family"]) if a else ""


def evaluate(records: list[dict[str, Any]], be: Backend) -> tuple[str, dict[str, Any]]:
    """Markdown summary and numbers."""
    hy = [r for r in records if r["noise"].startswith("hyphen")]
    refs = be.refs([r["text"] for r in hy])
    ok: Counter[str] = Counter()
    n: Counter[str] = Counter()
    for rec, ref in zip(hy, refs, strict=True):
        n[rec["noise"]] += 1
        ok[rec["noise"]] += _hyphen_ok(rec, ref.get("title"))
    gl = [r for r in records if r["noise"] == "glued"]
    entries = [r["text"] for r in gl] + [r["parts"][0] for r in gl]
    by = _doc_refs(entries) if gl else {}
    split_ok = control_ok = 0
    for i, rec in enumerate(gl):
        got = by.get(i, [])
        want = [t.get("first_author") for t in rec["truths"]]
        if len(got) == 2 and all(
            w is None or _fa(g) in {norm(x) for x in w} for g, w in zip(got, want, strict=True)
        ):
            split_ok += 1
        control_ok += len(by.get(len(gl) + i, [])) == 1
    res = {k: {"n": n[k], "ok": ok[k]} for k in n}
    res["glued"] = {"n": len(gl), "split_right": split_ok, "control_single": control_ok}
    lines = ["| case | n | right |", "|---|---|---|"]
    for k in sorted(n):
        lines.append(f"| {k} (title keeps the word) | {n[k]} | {ok[k] / n[k]:.3f} |")
    if gl:
        lines.append(
            f"| glued: split into the two entries | {len(gl)} | {split_ok / len(gl):.3f} |"
        )
        lines.append(f"| control: one entry stays one | {len(gl)} | {control_ok / len(gl):.3f} |")
    return "\n".join(lines), res
