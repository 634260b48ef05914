"""Matching ``(...)`` and ``[...]`` pairs in one linear pass.

Citations live in brackets, so the extractors look at bracket pairs rather than
running one large regular expression over the text. Pairs never cross a blank
line (paragraphs end unclosed brackets), and a closing bracket of the wrong kind
closes the nearest matching opener only if it is at most a few levels down
(``(see [1)`` does not swallow the paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_EVENTS = re.compile(r"[()\[\]]|\n[^\S\n]*\n")
#: Longer brackets are prose, not citations (twenty citations fit in ~800 characters).
MAX_LENGTH = 1200
_MAX_SKIP = 3  # wrong-kind openers a closer may jump over


@dataclass
class Pair:
    """One bracket pair: ``open`` and ``close`` are the offsets of the brackets."""

    open: int
    close: int
    kind: str  # "(" or "["
    children: list[Pair] = field(default_factory=list)

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the content between the brackets."""
        return self.open + 1, self.close


def find_pairs(text: str, *, max_length: int = MAX_LENGTH) -> list[Pair]:
    """All matched pairs at most ``max_length`` long, sorted by opening offset.

    Each pair lists the pairs directly inside it (``children``).
    """
    stack: list[tuple[str, int, list[Pair]]] = []
    out: list[Pair] = []
    for m in _EVENTS.finditer(text):
        pos = m.start()
        ch = text[pos]
        if ch == "(" or ch == "[":
            stack.append((ch, pos, []))
            continue
        if ch == "\n":  # a blank line: nothing stays open across paragraphs
            stack.clear()
            continue
        if not stack:
            continue
        want = "(" if ch == ")" else "["
        if stack[-1][0] != want:
            depth = next(
                (d for d in range(2, min(_MAX_SKIP, len(stack)) + 1) if stack[-d][0] == want), 0
            )
            if not depth:
                continue
            del stack[len(stack) - depth + 1 :]
        kind, start, children = stack.pop()
        if pos - start > max_length:
            continue  # its parents are longer still: none of them is read
        pair = Pair(open=start, close=pos, kind=kind, children=children)
        if stack:
            stack[-1][2].append(pair)
        out.append(pair)
    out.sort(key=lambda p: p.open)
    return out


def masked_inner(text: str, pair: Pair, *, keep: set[int] | None = None) -> str:
    """The pair's content with nested pairs replaced by NUL characters.

    Offsets stay the same; pairs whose opening offset is in ``keep`` are left as
    written (an acronym definition such as ``[WHO]`` inside a citation).
    """
    a, b = pair.inner
    if not pair.children:
        return text[a:b]
    parts: list[str] = []
    pos = a
    for child in pair.children:
        if keep is not None and child.open in keep:
            continue
        parts.append(text[pos : child.open])
        parts.append("\0" * (child.close + 1 - child.open))
        pos = child.close + 1
    parts.append(text[pos:b])
    return "".join(parts)
