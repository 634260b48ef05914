"""The registry verdict of each reference (``summary.registry`` in the JSON report) as
rows the Markdown and HTML reports show: where, verdict, and what the registries said
(docs/registries.md, "The verdict on each reference")."""

from __future__ import annotations

from typing import Any

NAMES = {
    "crossref": "Crossref",
    "datacite": "DataCite",
    "medra": "mEDRA",
    "jalc": "JaLC",
    "arxiv": "arXiv",
    "pubmed": "PubMed",
    "openalex": "OpenAlex",
}


def name(registry: str) -> str:
    """A registry's name in words."""
    return NAMES.get(registry, registry)


def reference_rows(registry: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    """``(where, verdict, detail)`` for every reference the registries were asked about;
    none when no registry answered (the report then says why under skipped checks)."""
    if not registry or not any(registry.get(k) for k in ("verified", "disagrees", "not-found")):
        return []
    rows = []
    for entry in registry.get("references") or ():
        where = f"{entry.get('path') or ''}:{entry.get('line') or ''}".strip(":")
        parts = []
        if entry.get("registry"):
            record = f" ({entry['record']})" if entry.get("record") else ""
            parts.append(f"{name(entry['registry'])}{record}")
        for asked in entry.get("asked") or ():
            parts.append(f"{name(asked.get('registry', ''))}: {asked.get('answer', '')}")
        rows.append((where, str(entry.get("status", "")), "; ".join(parts)))
    return rows
