"""The import layers of docs/architecture.md, read from the source (AST), imports inside
functions included:

    model ← text ← citations | references ← loaders ← linking ← registry | topic ← rules
          ← pipeline ← api | batch | reporters | fix ← cli ← __main__

A folder imports its own modules and lower layers only; folders on one layer do not
import each other; no module imports itself back through others (no cycles).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "citecheck"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("_version", "gcpause"),
    ("model", "store"),
    ("text",),
    ("citations", "references"),
    ("loaders",),
    ("linking",),
    ("registry", "topic"),
    ("rules",),
    ("pipeline",),
    ("api", "batch", "reporters", "fix"),
    ("cli", ""),  # "": the package facade (citecheck/__init__.py)
    ("__main__",),
)
LEVEL = {folder: n for n, layer in enumerate(LAYERS) for folder in layer}


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _folder(module: str) -> str:
    """The first name under ``citecheck`` ("" for the package itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _known(name: str) -> str | None:
    """The module of ours that ``name`` refers to (a module, or a name in one)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] != "citecheck":
                continue
            for alias in node.names:
                target = _known(f"{node.module}.{alias.name}") or _known(node.module)
                if target:
                    found.add(target)
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{module}: relative import (use the absolute name)")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                target = _known(alias.name) if alias.name.startswith("citecheck") else None
                if target:
                    found.add(target)
    found.discard(module)
    return found


GRAPH = {m: _imports(m) for m in MODULES}


def test_every_folder_has_a_layer() -> None:
    assert {_folder(m) for m in MODULES} <= set(LEVEL), "add the new folder to LAYERS"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers(module: str) -> None:
    folder = _folder(module)
    wrong = [
        target
        for target in sorted(GRAPH[module])
        if _folder(target) != folder and LEVEL[_folder(target)] >= LEVEL[folder]
    ]
    assert wrong == [], f"{module} ({folder}) may not import {wrong}"


def test_no_import_cycles() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert cycles == []


def test_the_checker_sees_a_violation() -> None:
    # The test above must be able to fail: a made-up rule module importing the engine.
    fake = "citecheck.rules.fake"
    GRAPH[fake] = {"citecheck.pipeline.engine"}
    try:
        with pytest.raises(AssertionError, match="may not import"):
            test_imports_go_down_the_layers(fake)
    finally:
        del GRAPH[fake]
