"""``crossref`` / ``xdata`` inheritance in BibTeX, resolved iteratively and memoised.

Each entry's fields are completed from its parents (biber's default mapping: a
``crossref`` parent's ``title`` becomes the child's ``booktitle``; ``xdata`` copies
fields as they are). A parent is resolved once and reused, so a file of any shape is
linear in its links; chains longer than :data:`MAX_CHAIN` are cut and cycles are
followed once, and both are reported (once per file, with a count), never a crash.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

MAX_CHAIN = 64  # biber itself follows crossref one level and xdata a few; 64 is generous
_LINKS = ("crossref", "xdata")
_INHERIT = {"title": "booktitle", "subtitle": "booksubtitle"}  # crossref parent -> child
_NOT_INHERITED = frozenset({"crossref", "xdata", "ids"})


@dataclass
class Issues:
    """Entries whose inheritance was cut: key -> a description, first seen first."""

    cycles: dict[str, str] = field(default_factory=dict)
    too_long: dict[str, str] = field(default_factory=dict)


def _parents(fields: dict[str, str]) -> Iterator[tuple[str, str]]:
    for link in _LINKS:
        for raw in (fields.get(link) or "").split(","):
            key = raw.strip().lower()
            if key:
                yield link, key


class Inheritance:
    """Resolved fields of the entries of one file (``entries``: key -> own fields)."""

    def __init__(self, entries: dict[str, dict[str, str]]) -> None:
        self.entries = entries
        self.done: dict[str, dict[str, str]] = {}
        self.issues = Issues()

    def fields(self, key: str, own: dict[str, str]) -> dict[str, str]:
        """``own`` completed from the parents of entry ``key`` (a new dict)."""
        for link, parent in _parents(own):
            if parent == key:
                self.issues.cycles.setdefault(key, f"{link} cycle {key} -> {key}")
            elif parent in self.entries and parent not in self.done:
                self._resolve(parent, [key])
        return self._merge(own, key)

    def _resolve(self, start: str, path: list[str]) -> None:
        """Resolve ``start`` and its ancestors depth-first with an explicit stack."""
        on_path = dict.fromkeys(path)
        stack = [(start, _parents(self.entries[start]))]
        on_path[start] = None
        while stack:
            key, todo = stack[-1]
            nxt = next(todo, None)
            if nxt is None:
                stack.pop()
                del on_path[key]
                self.done[key] = self._merge(self.entries[key], key)
                continue
            link, parent = nxt
            if parent not in self.entries or parent in self.done:
                continue
            if parent in on_path:
                chain = [*on_path, parent][list(on_path).index(parent) :]
                self.issues.cycles.setdefault(path[0], f"{link} cycle {' -> '.join(chain)}")
                continue
            if len(on_path) >= MAX_CHAIN:
                self.issues.too_long.setdefault(
                    path[0], f"{link} chain longer than {MAX_CHAIN} levels from '{path[0]}'"
                )
                continue
            on_path[parent] = None
            stack.append((parent, _parents(self.entries[parent])))

    def _merge(self, own: dict[str, str], key: str) -> dict[str, str]:
        fields = dict(own)
        for link, parent in _parents(own):
            got = self.done.get(parent) if parent != key else None
            if got is None:
                continue  # unknown, cut or part of a cycle: nothing (more) to inherit
            for k, v in got.items():
                if k in _NOT_INHERITED:
                    continue
                target = _INHERIT.get(k) if link == "crossref" else None
                if target and target not in fields:
                    fields[target] = v
                fields.setdefault(k, v)
        return fields
