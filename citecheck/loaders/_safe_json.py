"""JSON from untrusted files: nesting bounded before parsing, items with their lines.

Python's decoder recurses once per level, so 100,000 nested ``[`` end in a
``RecursionError`` (and every walk over a deep result would too). A linear pre-scan
refuses nesting past :data:`MAX_DEPTH` with the line where it happens. Integers longer
than 100 digits stay text (Python refuses ``int()`` past 4,300 digits; no
bibliographic number is that long).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from itertools import accumulate
from typing import Any

MAX_DEPTH = 100
_STRING = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"')  # unrolled: linear, no alternation per char
_TOKEN = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|[\[\]{}]')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DELTA = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_SPACE = re.compile(r"[ \t\n\r]*")


class NestingError(ValueError):
    """The document nests deeper than :data:`MAX_DEPTH`; ``line`` is where."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}: too deeply nested (more than {MAX_DEPTH} levels); refused")
        self.line = line


def _int(digits: str) -> int | str:
    return int(digits) if len(digits) <= 100 else digits


_DECODER = json.JSONDecoder(parse_int=_int)


def check_depth(text: str) -> None:
    """Raise :class:`NestingError` if ``text`` nests past :data:`MAX_DEPTH`."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text)).encode("ascii")
    # running depth without a Python-level loop: accumulate over a C-level map
    if max(accumulate(map(_DELTA.__getitem__, brackets)), default=0) <= MAX_DEPTH:
        return
    depth = 0
    for m in _TOKEN.finditer(text):  # only for the message: where it happens
        tok = m.group()
        if tok in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise NestingError(text.count("\n", 0, m.start()) + 1)
        elif tok in "]}":
            depth -= 1
    raise NestingError(1)  # unbalanced brackets inside what the scan took for strings


def loads(text: str) -> Any:
    """``json.loads`` after :func:`check_depth`."""
    check_depth(text)
    return _DECODER.decode(text)


def loads_items(text: str, keep: Callable[[Any, int], bool] | None = None) -> tuple[Any, list[int]]:
    """The parsed document and, when it is a top-level array, the line of each item.

    Items are decoded one by one (``raw_decode``), so their offsets come for free, and
    an item ``keep(item, line)`` refuses is dropped at once (memory stays bounded by
    what is kept); raises :class:`json.JSONDecodeError` like ``json.loads``.
    """
    check_depth(text)
    pos = _SPACE.match(text).end()  # type: ignore[union-attr]
    if not text.startswith("[", pos):
        return _DECODER.decode(text), []
    items: list[Any] = []
    lines: list[int] = []
    line, last = 1, 0
    pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", pos):
        return _DECODER.decode(text), []
    while True:
        line += text.count("\n", last, pos)
        last = pos
        item, pos = _DECODER.raw_decode(text, pos)
        if keep is None or keep(item, line):
            items.append(item)
            lines.append(line)
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith(",", pos):
            pos = _SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
            continue
        if text.startswith("]", pos):
            if _SPACE.match(text, pos + 1).end() != len(text):  # type: ignore[union-attr]
                raise json.JSONDecodeError("Extra data", text, pos + 1)
            return items, lines
        raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
