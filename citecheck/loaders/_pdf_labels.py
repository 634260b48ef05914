"""Alphabetic labels in a PDF (:mod:`citecheck.text.labels`): every bracket of the text
whose parts are labels becomes key citations, linked by the label."""

from __future__ import annotations

from collections.abc import Callable

from citecheck.model.document import Citation, Location
from citecheck.text.labels import is_alphabetic, label_brackets

__all__ = ["citations", "is_alphabetic"]


def citations(
    text: str, labels: set[str], loc: Callable[[int], Location], first_group: int
) -> list[Citation]:
    """Key citations of every bracket in ``text`` whose parts are labels."""
    out: list[Citation] = []
    for group, (_a, _b, parts) in enumerate(label_brackets(text, labels), start=first_group + 1):
        for token, start in parts:
            out.append(
                Citation(
                    text=token,
                    style="key",
                    key=token,
                    group=group,
                    start=start,
                    end=start + len(token),
                    location=loc(start),
                )
            )
    return out
