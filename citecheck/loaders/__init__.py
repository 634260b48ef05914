"""Loaders turn files into :class:`~citecheck.model.document.Document` s.

The registry is explicit: a suffix names a module and a function, imported only
when a file of that kind is met (so ``citecheck --version`` stays fast).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

from citecheck.model.document import Document, Problem, Reference
from citecheck.model.errors import InputError

# suffix -> (module, function) for manuscripts: fn(path, display_path) -> Document
MANUSCRIPT_LOADERS: dict[str, tuple[str, str]] = {
    ".md": ("citecheck.loaders.markdown_file", "load"),
    ".markdown": ("citecheck.loaders.markdown_file", "load"),
    ".txt": ("citecheck.loaders.markdown_file", "load"),
    ".text": ("citecheck.loaders.markdown_file", "load"),
    ".qmd": ("citecheck.loaders.pandoc", "load"),
    ".rmd": ("citecheck.loaders.pandoc", "load"),
    ".tex": ("citecheck.loaders.latex", "load"),
    ".ltx": ("citecheck.loaders.latex", "load"),
    ".docx": ("citecheck.loaders.docx", "load"),
    ".pdf": ("citecheck.loaders.pdf", "load"),
    ".xml": ("citecheck.loaders.jats", "load"),
    ".nxml": ("citecheck.loaders.jats", "load"),
}

# suffix -> (module, function) for reference files:
# fn(path, display_path) -> (references, problems)
REFERENCE_LOADERS: dict[str, tuple[str, str]] = {
    ".bib": ("citecheck.loaders.bibtex", "load_references"),
    ".json": ("citecheck.loaders.csljson", "load_references"),
    ".bibtex": ("citecheck.loaders.bibtex", "load_references"),
    ".yaml": ("citecheck.loaders.csl_yaml", "load_references"),
    ".yml": ("citecheck.loaders.csl_yaml", "load_references"),
    ".ris": ("citecheck.loaders.ris", "load_references"),
}

# Typed reference lists: read only when named with --references (never guessed, since a
# Markdown or text file beside a manuscript is more often a README than a bibliography).
TYPED_LIST_LOADERS: dict[str, tuple[str, str]] = {
    suffix: ("citecheck.loaders.typed_list", "load_references")
    for suffix in (".md", ".markdown", ".txt", ".text")
}

ManuscriptLoader = Callable[[Path, str], Document]
ReferenceLoader = Callable[[Path, str], tuple[list[Reference], list[Problem]]]


def manuscript_suffixes() -> frozenset[str]:
    """File endings we read as manuscripts."""
    return frozenset(MANUSCRIPT_LOADERS)


def reference_suffixes() -> frozenset[str]:
    """File endings we read as reference lists."""
    return frozenset(REFERENCE_LOADERS)


def looks_like_manuscript(path: Path) -> bool:
    """Whether a file met while walking a folder is a manuscript in its own right.

    Included LaTeX chapters (no ``\\documentclass``) and XML that is not a JATS
    article are parts or data, not manuscripts; files named explicitly are always read.
    """
    suffix = path.suffix.lower()
    if suffix not in (".tex", ".ltx", ".xml", ".nxml"):
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
    except OSError:
        return True
    if suffix in (".tex", ".ltx"):
        return b"\\documentclass" in head or b"\\documentstyle" in head
    return b"<article" in head


def _resolve(table: dict[str, tuple[str, str]], path: Path, what: str) -> Callable[..., object]:
    suffix = path.suffix.lower()
    if suffix not in table:
        known = ", ".join(sorted(table))
        raise InputError(
            f"{path}: cannot read '{suffix or path.name}' files as {what} (known: {known})"
        )
    module, func = table[suffix]
    return cast(Callable[..., object], getattr(importlib.import_module(module), func))


def load_manuscript(path: Path, display_path: str) -> Document:
    """Load one manuscript with the loader for its suffix."""
    loader = cast(ManuscriptLoader, _resolve(MANUSCRIPT_LOADERS, path, "a manuscript"))
    return loader(path, display_path)


def load_reference_file(path: Path, display_path: str) -> tuple[list[Reference], list[Problem]]:
    """Load a separate reference file (BibTeX, CSL-JSON, RIS, a typed list ...)."""
    table = {**REFERENCE_LOADERS, **TYPED_LIST_LOADERS}
    loader = cast(ReferenceLoader, _resolve(table, path, "a reference file"))
    return loader(path, display_path)
