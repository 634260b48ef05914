"""What the loaders and the reference parser extracted from one file (``citecheck parse``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citecheck.loaders import (
    load_manuscript,
    load_reference_file,
    manuscript_suffixes,
    reference_suffixes,
)
from citecheck.loaders.files import read_text
from citecheck.model.document import Citation, Location, Reference


@dataclass(frozen=True)
class Parsed:
    """The citations and references read from one file."""

    citations: tuple[Citation, ...]
    references: tuple[Reference, ...]

    def to_json(self) -> dict[str, Any]:
        """The ``citecheck parse`` JSON of docs/design.md."""
        return {
            "schema_version": 1,
            "citations": [c.to_json() for c in self.citations],
            "references": [r.to_json() for r in self.references],
        }


def extract(path: Path, *, references_only: bool = False) -> Parsed:
    """Read one manuscript or reference file; with ``references_only``, read ``path``
    as a list of reference strings, one per line (blank lines ignored)."""
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
        return Parsed(citations=(), references=tuple(refs))
    suffix = path.suffix.lower()
    if suffix in reference_suffixes() and suffix not in manuscript_suffixes():
        refs, _problems = load_reference_file(path, shown)
        return Parsed(citations=(), references=tuple(refs))
    doc = load_manuscript(path, shown)
    return Parsed(citations=doc.citations, references=doc.references)
