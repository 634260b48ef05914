"""The package never evaluates input, never starts a shell, and imports by fixed names."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "citecheck"
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint", "input"}
FORBIDDEN_ATTRS = {
    ("os", "system"),
    ("os", "popen"),
    ("os", "execv"),
    ("os", "execvp"),
    ("os", "spawnv"),
    ("pickle", "load"),
    ("pickle", "loads"),
    ("marshal", "loads"),
    ("yaml", "load"),
    ("yaml", "unsafe_load"),
    ("yaml", "full_load"),
}
FORBIDDEN_MODULES = {"subprocess", "pickle", "marshal", "shelve", "pty", "commands"}


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_eval_exec_shell_or_unsafe_deserialisation() -> None:
    bad: list[str] = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in FORBIDDEN_CALLS:
                    bad.append(f"{where} {node.func.id}()")
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                if (node.value.id, node.attr) in FORBIDDEN_ATTRS:
                    bad.append(f"{where} {node.value.id}.{node.attr}")
            if isinstance(node, ast.Import):
                bad += [
                    f"{where} import {a.name}"
                    for a in node.names
                    if a.name.split(".")[0] in FORBIDDEN_MODULES
                ]
            if (
                isinstance(node, ast.ImportFrom)
                and (node.module or "").split(".")[0] in FORBIDDEN_MODULES
            ):
                bad.append(f"{where} from {node.module}")
    assert bad == []


def test_dynamic_imports_use_fixed_tables() -> None:
    # importlib.import_module only ever receives a name from a literal registry table.
    users = []
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        if "import_module(" in text:
            users.append(path.relative_to(PACKAGE).as_posix())
    assert set(users) <= {
        "__init__.py",
        "cli/__init__.py",
        "loaders/__init__.py",
        "reporters/__init__.py",
    }, users


def test_xml_is_parsed_only_through_the_defused_parser() -> None:
    offenders = []
    for path in _sources():
        if path.name == "_xml.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in (
            "ET.fromstring(",
            "ET.parse(",
            "ElementTree.parse(",
            "minidom",
            "xml.sax",
            "lxml",
            "XMLParser(",
        ):
            if needle in text:
                offenders.append(f"{path.name}: {needle}")
    assert offenders == []
