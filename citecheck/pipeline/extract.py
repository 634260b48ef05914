"""``citecheck parse``: what the loaders and the reference parser extracted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from citecheck.loaders import (
    load_manuscript,
    load_reference_file,
    manuscript_suffixes,
    reference_suffixes,
)
from citecheck.loaders.files import read_text
from citecheck.model.document import Location


def parse_path(path: Path, *, references_only: bool = False) -> dict[str, Any]:
    """The ``citecheck parse`` JSON of docs/design.md for one file."""
    shown = path.as_posix()
    if references_only:
        from citecheck.references import parse_reference, to_reference

        text, _ = read_text(path)
        refs = []
        for lineno, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            loc = Location(path=shown, line=lineno, column=1)
            refs.append(
                to_reference(parse_reference(line.strip()), text=line.strip(), location=loc)
            )
        return {"schema_version": 1, "citations": [], "references": [r.to_json() for r in refs]}
    suffix = path.suffix.lower()
    if suffix in reference_suffixes() and suffix not in manuscript_suffixes():
        refs, _problems = load_reference_file(path, shown)
        return {"schema_version": 1, "citations": [], "references": [r.to_json() for r in refs]}
    doc = load_manuscript(path, shown)
    return {
        "schema_version": 1,
        "citations": [c.to_json() for c in doc.citations],
        "references": [r.to_json() for r in doc.references],
    }
