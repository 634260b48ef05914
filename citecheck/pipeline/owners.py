"""Changed files -> the main documents to check (``check --find-main``, pre-commit).

A LaTeX chapter or a Quarto include is not a manuscript on its own: checked alone it
has no bibliography and would block a commit with ``missing-bibliography``. Its main
document is: the file its ``% !TEX root`` line names, else every manuscript under the
project folder that includes it (directly or not). A file nothing includes is checked
as given, so a changed file is never left unchecked.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from citecheck.loaders import looks_like_manuscript
from citecheck.loaders.includes import LATEX, PANDOC, included_files, tex_root

MAX_SCANNED = 5000  # candidate main documents read per run


def _candidates(root: Path) -> list[Path]:
    """Files under ``root`` that may include others (hidden folders skipped)."""
    out: list[Path] = []
    for p in sorted(root.rglob("*")):
        if len(out) >= MAX_SCANNED:
            break
        rel = p.relative_to(root).parts
        if any(part.startswith(".") for part in rel) or not p.is_file():
            continue
        suffix = p.suffix.lower()
        if (suffix in LATEX and looks_like_manuscript(p)) or suffix in PANDOC:
            out.append(p)
    return out


def main_documents(files: Sequence[Path], root: Path) -> tuple[list[Path], list[str]]:
    """The documents to check for ``files``, and one note per file that was mapped."""
    owners: dict[Path, list[Path]] | None = None
    out: dict[Path, None] = {}
    notes: list[str] = []
    for file in files:
        suffix = file.suffix.lower()
        if suffix not in LATEX | PANDOC or not file.is_file():
            out.setdefault(file, None)
            continue
        if suffix in LATEX and looks_like_manuscript(file):
            out.setdefault(file, None)  # a main document itself (also a subfiles chapter)
            continue
        mains: list[Path] = []
        named = tex_root(file) if suffix in LATEX else None
        if named is not None:
            mains = [named]
        else:
            if owners is None:
                owners = _owners(root)
            mains = owners.get(file.resolve(), [])
        if not mains:
            out.setdefault(file, None)
            continue
        for m in mains:
            out.setdefault(m, None)
        shown = ", ".join(_shown(m, root) for m in mains)
        notes.append(f"{_shown(file, root)} is part of {shown}: checking {shown}")
    return list(out), notes


def _owners(root: Path) -> dict[Path, list[Path]]:
    """Included file (resolved) -> the top-level documents that include it."""
    candidates = _candidates(root)
    includes = {c: included_files(c) for c in candidates}
    inner: set[Path] = set().union(*includes.values()) if includes else set()
    owners: dict[Path, list[Path]] = {}
    for c, parts in includes.items():
        if c.resolve() in inner and c.suffix.lower() in PANDOC:
            continue  # an included part, not a document of its own
        for part in parts:
            owners.setdefault(part, []).append(c)
    return owners


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
