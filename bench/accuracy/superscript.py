"""Superscript citations: rewrite "[n]" of numeric JATS manuscripts as raised marks.

Usage: python -m bench.accuracy.superscript [CONVERTED_DIR]
CONVERTED_DIR holds ``<stem>.md`` + ``<stem>.key.json`` pairs written by
``../shared/tools/jats_to_text.py --batch ../shared/datasets/jats-dev -o DIR``.
Prints, per article and form, how many cited numbers of the "[n]" version the
superscript version misses and how many it adds.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from citecheck.loaders.markdown import parse_markdown

_BRACKET = re.compile(r"\[(\d+(?:\s*[-–,]\s*\d+)*)\](?:\s*[-–]\s*\[(\d+)\])?")
_RAISE = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _raised(m: re.Match[str], form: str) -> str:
    inner = m.group(1).replace(" ", "") + (f"-{m.group(2)}" if m.group(2) else "")
    return {"caret": f"^{inner}^", "sup": f"<sup>{inner}</sup>"}.get(form, inner.translate(_RAISE))


def main(folder: Path) -> None:
    totals: Counter[str] = Counter()
    for key_path in sorted(folder.glob("*.key.json")):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        md = key_path.with_name(key_path.name.replace(".key.json", ".md")).read_text(
            encoding="utf-8"
        )
        base = Counter(
            c.number for c in parse_markdown(md, "x.md").citations if c.style == "numeric"
        )
        totals["false_sup_untouched"] += sum(
            c.style == "numeric" and not c.text.startswith(("[", "("))
            for c in parse_markdown(md, "x.md").citations
        )
        if key["citation_style"] != "numeric":
            continue
        cut = key["references_section_start"]
        body = re.sub(r"[ \t]+(?=\[\d)", "", md[:cut])  # "cancer [1]" -> "cancer[1]"
        for form in ("caret", "sup", "unicode"):
            doc = parse_markdown(
                _BRACKET.sub(lambda m, f=form: _raised(m, f), body) + md[cut:], "x.md"
            )
            got = Counter(c.number for c in doc.citations if c.style == "numeric")
            missing, extra = sum((base - got).values()), sum((got - base).values())
            totals[f"{form}_base"] += sum(base.values())
            totals[f"{form}_missing"] += missing
            totals[f"{form}_extra"] += extra
            print(
                f"{key_path.name[:-9]:28} {form:8} base {sum(base.values()):4} missing {missing:3} extra {extra}"
            )
    print(dict(totals))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/jats-converted"))
