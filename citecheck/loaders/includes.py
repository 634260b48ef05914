"""Which files a manuscript brings in, found the way its loader finds them.

Used to map a changed file back to the main document(s) it belongs to (the
pre-commit hook checks ``main.tex`` when ``chapters/intro.tex`` changes). Only
inclusions the loaders themselves follow count: mapping a file to a main document
that would not read it would let its citations go unchecked.

- LaTeX: ``\\input``, ``\\include``, ``\\subfile``, ``\\import`` and their relatives
  (comments, verbatim and ``\\iffalse`` blocks masked as the LaTeX loader masks them),
  and the ``% !TEX root = main.tex`` line editors write at the top of a chapter.
- Pandoc Markdown, Quarto and R Markdown: ``{{< include part.qmd >}}`` shortcodes and
  knitr ``child=`` chunks (Quarto book chapters need no map: any chapter listed in
  ``_quarto.yml`` is read with the whole book).
"""

from __future__ import annotations

import re
from pathlib import Path

from citecheck.loaders._latex_commands import Include, find_commands
from citecheck.loaders._latex_scan import mask
from citecheck.loaders._quarto import _spliced
from citecheck.loaders.files import read_text
from citecheck.model.errors import InputError

LATEX = frozenset({".tex", ".ltx"})
PANDOC = frozenset({".md", ".markdown", ".qmd", ".rmd"})
MAX_DEPTH = 32
MAX_FILES = 2000
# TeXShop, TeXstudio, VS Code LaTeX Workshop, Overleaf: "% !TEX root = ../thesis.tex"
_TEX_ROOT = re.compile(
    r"^[ \t]*%[ \t]*!T[eE]X[ \t]+root[ \t]*=[ \t]*(?P<name>\S[^\r\n]*?)[ \t]*$", re.M
)


def tex_root(path: Path) -> Path | None:
    """The main file a ``% !TEX root = ...`` line at the top of ``path`` names, if it exists."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return None
    m = _TEX_ROOT.search(head)
    if m is None:
        return None
    target = path.parent / m.group("name")
    for candidate in (target, target.with_name(target.name + ".tex")):
        if candidate.is_file():
            return candidate
    return None


def included_files(main: Path) -> set[Path]:
    """Every file ``main`` includes, directly or not (resolved paths; ``main`` excluded)."""
    out: set[Path] = set()
    todo: list[tuple[Path, int]] = [(main, 0)]
    seen = {main.resolve()}
    while todo and len(out) < MAX_FILES:
        current, depth = todo.pop()
        if depth >= MAX_DEPTH:
            continue
        for child in _direct(current, main):
            resolved = child.resolve()
            if resolved not in seen:
                seen.add(resolved)
                out.add(resolved)
                todo.append((child, depth + 1))
    return out


def _direct(current: Path, main: Path) -> list[Path]:
    try:
        text, _ = read_text(current)
    except (InputError, OSError):
        return []
    suffix = current.suffix.lower()
    if suffix in PANDOC:
        return [p for p in (current.parent / name for name, _ in _spliced(text)) if p.is_file()]
    if suffix not in LATEX:
        return []
    found: list[Path] = []
    for cmd in find_commands(mask(text).text):
        if isinstance(cmd, Include):
            hit = _latex_target(cmd, current, main.parent)
            if hit is not None:
                found.append(hit)
    return found


def _latex_target(cmd: Include, current: Path, root_dir: Path) -> Path | None:
    target = cmd.target.strip().strip('"')
    if not target:
        return None
    if cmd.command in ("import", "inputfrom", "includefrom"):
        dirs = [root_dir / (cmd.directory or "")]
    elif cmd.directory is not None:  # \subimport: relative to the current file
        dirs = [current.parent / cmd.directory]
    else:
        dirs = [root_dir, current.parent]
    for d in dirs:
        p = d / target
        for candidate in (p.with_name(p.name + ".tex"), p) if not target.endswith(".tex") else (p,):
            if candidate.is_file():
                return candidate
    return None
