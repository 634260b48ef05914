"""Peer truths for the real-world LaTeX / Pandoc / Quarto corpus.

Usage::

    python -m bench.realworld.latex_truth [--corpus /work/corpora/latex]
        [--build /work/corpora/latex-build] [--only ID ...]

For every document of ``bench/realworld/latex/manifest.json`` (materialised first with
``materialize.py``), computes the undefined and unused key sets the peers report —
``checkcites`` on the compiled ``.aux``/``.bcf`` for LaTeX (``peer_tex.py``), ``pandoc
--citeproc`` for R Markdown / Quarto (``peer_pandoc.py``) — corrected where the peer
is known to be wrong, and writes ``bench/realworld/latex/truth/<id>.json``. A hand
adjudication already in a truth file (key ``adjudicated``) is kept and applied.
Needs TeX Live (pdflatex, xelatex, bibtex, biber, checkcites) and pandoc; slow (one
TeX run per project, niced and time-boxed).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.realworld import peer_pandoc, peer_tex

HERE = Path(__file__).resolve().parent


def versions() -> dict[str, str]:
    """Versions of the peers used (first line of each --version)."""
    out = {}
    for tool in ("pdflatex", "biber", "bibtex", "checkcites", "pandoc"):
        try:
            text = subprocess.run(
                [tool, "--version"], capture_output=True, text=True, timeout=30
            ).stdout
        except OSError:
            continue
        lines = [
            ln for ln in text.splitlines() if ln.strip() and not ln.strip().startswith(("_", "|"))
        ]
        out[tool] = lines[0].strip() if lines else "?"
    return out


def apply_adjudication(record: dict[str, Any], adjudicated: dict[str, Any]) -> None:
    """Hand decisions (written after reading the source) override the peer's sets."""
    for field in ("undefined", "unused"):
        for key in adjudicated.get(f"add_{field}", []):
            if key not in record[field]:
                record[field].append(key)
        record[field] = sorted(
            k for k in record[field] if k not in adjudicated.get(f"remove_{field}", [])
        )
    if "peer_checked" in adjudicated:
        record["peer_checked"] = adjudicated["peer_checked"]
    record["adjudicated"] = adjudicated


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpora/latex"))
    parser.add_argument("--build", type=Path, default=Path("/work/corpora/latex-build"))
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args(argv)
    manifest = json.loads((HERE / "latex" / "manifest.json").read_text(encoding="utf-8"))
    tools = versions()
    for doc in manifest["documents"]:
        if args.only is not None and doc["id"] not in args.only:
            continue
        root = args.corpus / doc["id"]
        if doc["format"] == "latex":
            record = peer_tex.truth(
                root,
                doc["main"],
                doc["engine"],
                args.build / doc["id"],
                doc.get("tex_prefix", ""),
                doc.get("tex"),
                doc.get("tex_env"),
                doc.get("tex_timeout", 120),
            )
        else:
            record = peer_pandoc.truth(root, doc["main"])
        out = HERE / "latex" / "truth" / f"{doc['id']}.json"
        previous = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
        record = {"id": doc["id"], "main": doc["main"], "tools": tools, **record}
        if previous.get("adjudicated"):
            apply_adjudication(record, previous["adjudicated"])
        out.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(
            f"{doc['id']}: checked={record.get('peer_checked')} undefined={len(record.get('undefined', []))} "
            f"unused={len(record.get('unused', []))} corrections={[c['class'] for c in record.get('corrections', [])]}"
            + (" ENGINE-DISAGREES" if record.get("engine_disagrees") else ""),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
