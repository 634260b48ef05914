"""Render the rule catalogue as Markdown (``docs/rules.md`` is generated from it)."""

from __future__ import annotations

import inspect

from citecheck.rules import all_rules


def rules_markdown() -> str:
    """One section per rule: code, name, severity, summary, then the rule's docstring."""
    lines = [
        "# Rules",
        "",
        "Generated from the rules' docstrings by `python tools/gen_rules_doc.py`;",
        "`citecheck rule NAME` prints the same text. Codes are never reused.",
        "",
        "| code | name | default severity | summary |",
        "| --- | --- | --- | --- |",
    ]
    rules = all_rules()
    for r in rules:
        lines.append(f"| {r.code} | [{r.name}](#{r.name}) | {r.severity.value} | {r.summary} |")
    for r in rules:
        lines += ["", f"## {r.name}", "", f"`{r.code}` · default severity **{r.severity.value}**"]
        if r.needs:
            lines.append(f" · needs the {', '.join(sorted(r.needs))} stage")
        lines += ["", inspect.cleandoc(r.doc or r.summary)]
    return "\n".join(lines) + "\n"
