"""Inline suppressions: a comment that silences rules for the next citation or entry.

One syntax per markup, as vale and ruff do it::

    <!-- citecheck: ignore[listed-not-cited] -->     Markdown, HTML, plain text
    % citecheck: ignore[CC103, author-mismatch]       LaTeX, BibTeX

``ignore`` without brackets silences every rule. A comment applies to the first
citation or reference entry that starts after it (for a citation written in a
bracket group, ``(A, 2001; B, 2002)``, to the whole group), and to nothing else.

Loaders call :func:`suppressions_for` on the source text and
:func:`assign_suppressions` with the start offsets of what they extracted; the
result goes into ``Citation.suppressed`` / ``Reference.suppressed``, which the
engine honours.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Markup = Literal["markdown", "html", "text", "latex", "bibtex"]

ALL = "*"  # the engine treats "*" as "every rule"

_HTML_COMMENT = re.compile(
    r"<!--\s*citecheck\s*:\s*ignore\s*(?:\[(?P<rules>[^\]]*)\])?\s*-->", re.IGNORECASE
)
# "%" that is not escaped ("\%" is a literal percent sign in LaTeX).
_PERCENT_COMMENT = re.compile(
    r"(?<!\\)%[ \t]*citecheck\s*:\s*ignore[ \t]*(?:\[(?P<rules>[^\]\n]*)\])?", re.IGNORECASE
)
_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "markdown": (_HTML_COMMENT,),
    "html": (_HTML_COMMENT,),
    "text": (_HTML_COMMENT,),
    "latex": (_PERCENT_COMMENT,),
    "bibtex": (_PERCENT_COMMENT,),
}


@dataclass(frozen=True)
class Suppression:
    """One suppression comment: where it ends and which rules it names."""

    offset: int  # the first character after the comment
    rules: tuple[str, ...]  # lower-case names or codes; ("*",) for every rule
    line: int  # 1-based line of the comment, for messages


def parse_rules(raw: str | None) -> tuple[str, ...]:
    """``"CC103, author-mismatch"`` -> ``("cc103", "author-mismatch")``; none -> every rule."""
    if raw is None:
        return (ALL,)
    names = tuple(p.strip().lower() for p in re.split(r"[,\s]+", raw) if p.strip())
    return names or (ALL,)


def suppressions_for(text: str, markup: Markup | str) -> list[Suppression]:
    """Every suppression comment in ``text`` (the source as the loader read it), in order."""
    found: list[Suppression] = []
    for pattern in _PATTERNS.get(markup, (_HTML_COMMENT,)):
        for m in pattern.finditer(text):
            found.append(
                Suppression(
                    offset=m.end(),
                    rules=parse_rules(m.group("rules")),
                    line=text.count("\n", 0, m.start()) + 1,
                )
            )
    found.sort(key=lambda s: s.offset)
    return found


def assign_suppressions(
    suppressions: Sequence[Suppression],
    citation_starts: Sequence[int] = (),
    reference_starts: Sequence[int] = (),
    *,
    citation_groups: Sequence[int] | None = None,
) -> tuple[dict[int, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    """Which citations and references each comment silences.

    Offsets must be in the same text the comments were found in. Returns two
    maps, citation index -> rules and reference index -> rules. With
    ``citation_groups`` (``Citation.group`` per citation; 0 = ungrouped), a
    comment silences every citation of the bracket it lands on.
    """
    items = sorted(
        [(start, 0, i) for i, start in enumerate(citation_starts)]
        + [(start, 1, j) for j, start in enumerate(reference_starts)]
    )
    cites: dict[int, tuple[str, ...]] = {}
    refs: dict[int, tuple[str, ...]] = {}
    starts = [item[0] for item in items]
    for s in suppressions:
        k = bisect.bisect_left(starts, s.offset)
        if k >= len(items):
            continue
        _, kind, index = items[k]
        if kind == 1:
            refs[index] = _merge(refs.get(index, ()), s.rules)
            continue
        targets = [index]
        if citation_groups is not None:
            # The rest of the same bracket. Group 0 means "not grouped" (the default
            # of loaders that do not number brackets), so it never spreads.
            group = citation_groups[index]
            for _, kind2, i in items[k + 1 :]:
                if group == 0 or kind2 != 0 or citation_groups[i] != group:
                    break
                targets.append(i)
        for i in targets:
            cites[i] = _merge(cites.get(i, ()), s.rules)
    return cites, refs


def _merge(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(old + new))
