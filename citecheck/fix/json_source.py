"""A JSON reader that remembers where every value is, for minimal edits of CSL-JSON.

The standard :mod:`json` module gives values, not positions. ``fix`` must change a
single string and leave the rest of the file byte-for-byte, so this small
recursive-descent parser returns a tree of :class:`Node` s with their offsets.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_WS = " \t\r\n"


class JSONSpanError(ValueError):
    """The text is not JSON (the loader reports why; ``fix`` just skips the file)."""


@dataclass
class Node:
    """One JSON value at ``text[start:end]``; objects keep (key node, value node) pairs."""

    kind: str  # "object", "array", "string", "number", "literal"
    start: int
    end: int
    value: Any = None  # decoded value for scalars
    members: list[tuple[Node, Node]] = field(default_factory=list)
    items: list[Node] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        """The value of member ``key`` of an object (exact, then case-insensitive)."""
        for k, v in self.members:
            if k.value == key:
                return v
        for k, v in self.members:
            if isinstance(k.value, str) and k.value.lower() == key.lower():
                return v
        return None

    def key_node(self, value: Node) -> Node | None:
        """The key belonging to member value ``value``."""
        return next((k for k, v in self.members if v is value), None)


def parse(text: str) -> Node:
    """The whole document as a tree; :class:`JSONSpanError` when it is not JSON."""
    node, pos = _value(text, _skip(text, 0))
    if _skip(text, pos) != len(text):
        raise JSONSpanError(f"extra data at offset {pos}")
    return node


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


def _value(text: str, i: int) -> tuple[Node, int]:
    if i >= len(text):
        raise JSONSpanError("unexpected end of data")
    ch = text[i]
    if ch == "{":
        return _object(text, i)
    if ch == "[":
        return _array(text, i)
    if ch == '"':
        return _string(text, i)
    m = _NUMBER.match(text, i)
    if m:
        return Node("number", i, m.end(), json.loads(m.group(0))), m.end()
    for word, val in (("true", True), ("false", False), ("null", None)):
        if text.startswith(word, i):
            return Node("literal", i, i + len(word), val), i + len(word)
    raise JSONSpanError(f"unexpected character at offset {i}")


def _string(text: str, i: int) -> tuple[Node, int]:
    j = i + 1
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if text[j] == '"':
            try:
                decoded = json.loads(text[i : j + 1])
            except json.JSONDecodeError as exc:
                raise JSONSpanError(str(exc)) from exc
            return Node("string", i, j + 1, decoded), j + 1
        j += 1
    raise JSONSpanError("unterminated string")


def _object(text: str, i: int) -> tuple[Node, int]:
    node = Node("object", i, i)
    j = _skip(text, i + 1)
    if j < len(text) and text[j] == "}":
        node.end = j + 1
        return node, j + 1
    while True:
        if j >= len(text) or text[j] != '"':
            raise JSONSpanError(f"expected a member name at offset {j}")
        key, j = _string(text, j)
        j = _skip(text, j)
        if j >= len(text) or text[j] != ":":
            raise JSONSpanError(f"expected ':' at offset {j}")
        val, j = _value(text, _skip(text, j + 1))
        node.members.append((key, val))
        j = _skip(text, j)
        if j < len(text) and text[j] == ",":
            j = _skip(text, j + 1)
            continue
        if j < len(text) and text[j] == "}":
            node.end = j + 1
            return node, j + 1
        raise JSONSpanError(f"expected ',' or '}}' at offset {j}")


def _array(text: str, i: int) -> tuple[Node, int]:
    node = Node("array", i, i)
    j = _skip(text, i + 1)
    if j < len(text) and text[j] == "]":
        node.end = j + 1
        return node, j + 1
    while True:
        val, j = _value(text, j)
        node.items.append(val)
        j = _skip(text, j)
        if j < len(text) and text[j] == ",":
            j = _skip(text, j + 1)
            continue
        if j < len(text) and text[j] == "]":
            node.end = j + 1
            return node, j + 1
        raise JSONSpanError(f"expected ',' or ']' at offset {j}")
