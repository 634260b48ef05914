"""The compiled ``.aux`` / ``.bcf`` that belongs to a LaTeX manuscript.

A project folder often holds several: the ``.aux`` of an old BibTeX build next to the
``.bcf`` of a biblatex one, a build of a renamed main file (a script compiles
``thesis.tex`` made from ``template.tex``), the ``.aux`` of every ``\\include`` d
chapter. The one whose citations are the manuscript's is the one TeX made from it:
the main file's own name first, then the most citation keys in common, then the newest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from citecheck.loaders.files import read_text
from citecheck.model.errors import InputError

MAX_BUILD_FILES = 50  # build files of one folder looked at
NEWER_BY = 2.0  # seconds a build file must postdate the sources to be preferred
_BIBDATA = re.compile(r"\\bibdata\{([^}]*)\}")
_BCF_SOURCE = re.compile(r"<bcf:datasource[^>]*>([^<]+)</bcf:datasource>")
_AUX_CITATION = re.compile(r"\\citation\{([^}]*)\}")
_BCF_CITEKEY = re.compile(r"<bcf:citekey[^>]*>([^<]+)</bcf:citekey>")


@dataclass(frozen=True)
class BuildFile:
    """A compiled file naming bibliography resources, and the keys it cites."""

    path: Path
    names: tuple[str, ...]
    cited: frozenset[str]


def _read(path: Path) -> BuildFile | None:
    try:
        text, _ = read_text(path)
    except InputError:
        return None
    bcf = path.suffix.lower() == ".bcf"
    names_rx, keys_rx = (_BCF_SOURCE, _BCF_CITEKEY) if bcf else (_BIBDATA, _AUX_CITATION)
    names = [n.strip() for m in names_rx.finditer(text) for n in m.group(1).split(",")]
    keys = {k.strip() for m in keys_rx.finditer(text) for k in m.group(1).split(",")}
    names = [n for n in dict.fromkeys(names) if n]
    return BuildFile(path, tuple(names), frozenset(k for k in keys if k)) if names else None


def compiled_for(
    main: Path, cited: Iterable[str], allowed: Callable[[Path], bool]
) -> BuildFile | None:
    """The build file next to ``main`` that names its bibliography, or ``None``.

    ``allowed`` says whether a path may be read (inside the project)."""
    folder = main.parent
    try:
        paths = sorted(p for ext in ("*.bcf", "*.aux") for p in folder.glob(ext))
    except OSError:
        return None
    keys = set(cited)
    scored: list[tuple[tuple[bool, int, float, str], BuildFile]] = []
    for path in paths[:MAX_BUILD_FILES]:
        if not path.is_file() or not allowed(path.resolve()):
            continue
        got = _read(path)
        if got is None:
            continue
        try:
            mtime = path.stat().st_mtime
        except OSError:
            mtime = 0.0
        own = path.stem == main.stem
        scored.append(((own, len(keys & got.cited), mtime, path.name), got))
    if not scored:
        return None
    return max(scored, key=lambda s: s[0])[1]


def newer_than(build: Path, sources: Iterable[Path]) -> bool:
    """Whether ``build`` was written at least :data:`NEWER_BY` seconds after every one of
    ``sources`` (a source that cannot be stat'ed counts as newer: the build is then not
    trusted over the sources). The margin keeps files written together (a ``git clone``,
    an unpacked archive, FAT's 2-second clock) from counting as a build after an edit."""
    try:
        made = build.stat().st_mtime
    except OSError:
        return False
    for path in sources:
        try:
            if path.stat().st_mtime > made - NEWER_BY:
                return False
        except OSError:
            return False
    return True
