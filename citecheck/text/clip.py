"""Excerpts for messages: one line, cut at a word boundary, an ellipsis where cut."""

from __future__ import annotations

_TRAILING = " ,;:([{–—-/&"


def clip(text: str | None, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters.

    A longer text is cut after its last whole word that fits and ends with "…"; a word
    is cut only when it alone is longer than half the limit (a URL, a long DOI), so a
    reader never sees half a word passed off as a whole one.
    """
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    room = max(1, limit - 1)  # the ellipsis takes one character
    head = flat[:room]
    if flat[room] != " ":  # the cut falls inside a word: go back to its start
        space = head.rfind(" ")
        if space >= room // 2:
            head = head[:space]
    return head.rstrip(_TRAILING) + "…"
