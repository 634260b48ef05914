"""Generators of hostile and oversized inputs, one function per class.

Each generator writes its files into a fresh folder and returns a :class:`Case`: the
command-line arguments to check it with (after ``citecheck check --offline``), what a
correct build must answer (allowed exit codes, a message pattern) and, for encoding
cases, the arguments of the UTF-8 twin that must give the same findings.

``scale`` shrinks or grows the size-driven classes (1.0 = the size named in issue 20);
depth- and shape-driven classes ignore it where the shape alone is the attack. The
suite in ``tests/hostile`` and the benchmark ``bench/hostile_sizes.py`` share these
generators, so a new class is one function here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Case:
    """One generated hostile input and what a correct build answers."""

    name: str
    group: str
    args: tuple[str, ...]
    exits: frozenset[int] = frozenset({0, 1, 2})
    message: str | None = None  # regex the combined output must match (None: anything)
    twin: tuple[str, ...] | None = None  # UTF-8 twin's args: same findings expected
    cwd: str = "."  # folder (relative to the case folder) to run in
    note: str = ""
    size: int = 0  # bytes written (filled in by build)
    extra: dict[str, object] = field(default_factory=dict)


Generator = Callable[[Path, float], Case]
REGISTRY: dict[str, tuple[str, Generator]] = {}


def case(group: str) -> Callable[[Generator], Generator]:
    """Register a generator under its function name (without a leading ``gen_``)."""

    def wrap(fn: Generator) -> Generator:
        REGISTRY[fn.__name__.removeprefix("gen_")] = (group, fn)
        return fn

    return wrap


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(name: str, folder: Path, scale: float = 1.0) -> Case:
    """Write case ``name`` into ``folder`` (created) and return it with its size."""
    _load_all()
    group, fn = REGISTRY[name]
    folder.mkdir(parents=True, exist_ok=True)
    made = fn(folder, scale)
    return Case(**{**made.__dict__, "name": name, "group": group, "size": _folder_size(folder)})


def names(group: str | None = None) -> list[str]:
    """Every registered case (of one group)."""
    _load_all()
    return [n for n, (g, _) in REGISTRY.items() if group is None or g == group]


def _load_all() -> None:
    from . import (  # noqa: F401  (registration side effects)
        bibtex,
        containers,
        encodings,
        latex,
        paths,
        structured,
        text,
    )
