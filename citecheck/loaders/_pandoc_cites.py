"""Pandoc's citation syntax: ``[see @key, p. 3; -@other]`` and in-text ``@key [p. 3]``.

Keys follow Pandoc's reader: a letter, digit or ``_`` first, then word characters
and internal punctuation (``:.#$%&-+?<>~/`` followed by a word character), or any
text in braces (``@{odd key}``). An ``@`` right after a word character (an e-mail
address) is not a citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Combining marks: a key typed in NFD ("Mu\u0308ller") is one key, and an @ after a
# decomposed letter is as much inside a word as after a composed one.
_MARK = r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_W = r"[\w" + _MARK[1:-1] + "]"
_KEY = (
    r"(?:\{(?P<braced>[^{}\s]+)\}|(?P<plain>[^\W]"
    rf"(?:{_W}|[:.#$%&\-+?<>~/](?={_W})|[:/](?=/))*))"
)
# Not after a letter or digit (e-mail addresses), a backslash (\@) or another @.
CITE_AT = re.compile(r"(?<![^\W_])(?<!" + _MARK + r")(?<![\\@])(?P<minus>-?)@" + _KEY)
_BRACKET = re.compile(r"\[(?P<body>[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\](?![(\[:])")
_LOCATOR_BRACKET = re.compile(r"[ \t]*\[(?P<loc>[^\[\]\n@]*)\](?![(\[:])")
# pandoc-crossref references (figures, tables, equations, sections): not citations.
CROSSREF_PREFIXES = ("fig:", "tbl:", "eq:", "sec:", "lst:", "thm:", "lem:", "def:")


@dataclass(frozen=True)
class PandocCite:
    """One cited key."""

    key: str
    start: int  # offset of the whole citation (bracket or @)
    end: int
    key_start: int
    narrative: bool
    suppress_author: bool
    prefix: str | None
    locator: str | None
    group: int


def _key(m: re.Match[str]) -> str:
    return m.group("braced") if m.group("braced") is not None else m.group("plain")


def is_crossref(key: str) -> bool:
    """pandoc-crossref labels such as ``fig:map``."""
    return key.startswith(CROSSREF_PREFIXES)


def _clean(text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,;")
    return text or None


def find_cites(masked: str) -> list[PandocCite]:
    """Every citation in masked Markdown, in order; brackets first, then bare keys."""
    out: list[PandocCite] = []
    taken: list[tuple[int, int]] = []
    group = 0
    for b in _BRACKET.finditer(masked):
        body = b.group("body")
        base = b.start() + 1
        items = body.split(";")
        if not all(CITE_AT.search(item) for item in items):
            continue  # Pandoc: every ';'-part of a bracketed citation holds a key
        group += 1
        offset = base
        for item in items:
            found = list(CITE_AT.finditer(item))
            first = found[0]
            for n, m in enumerate(found):
                key = _key(m)
                if is_crossref(key):
                    continue
                # further keys inside the suffix are citations too (Pandoc parses them)
                out.append(
                    PandocCite(
                        key=key,
                        start=b.start(),
                        end=b.end(),
                        key_start=offset + m.start(),
                        narrative=False,
                        suppress_author=bool(m.group("minus")),
                        prefix=_clean(item[: first.start()]) if n == 0 else None,
                        locator=_clean(item[first.end() :]) if n == 0 else None,
                        group=group,
                    )
                )
            offset += len(item) + 1
        taken.append((b.start(), b.end()))
    for m in CITE_AT.finditer(masked):
        if any(a <= m.start() < b for a, b in taken):
            continue
        key = _key(m)
        if is_crossref(key):
            continue
        at = m.start() + len(m.group("minus"))  # outside brackets "-" is just text
        end = m.end()
        locator = None
        lb = _LOCATOR_BRACKET.match(masked, end)
        if lb:
            locator, end = _clean(lb.group("loc")), lb.end()
        group += 1
        out.append(
            PandocCite(
                key=key,
                start=at,
                end=end,
                key_start=at,
                narrative=True,
                suppress_author=False,
                prefix=None,
                locator=locator,
                group=group,
            )
        )
    out.sort(key=lambda c: (c.start, c.key_start))
    # number groups in reading order
    renumber: dict[int, int] = {}
    for c in out:
        renumber.setdefault(c.group, len(renumber) + 1)
    return [replace(c, group=renumber[c.group]) for c in out]


def nocite_keys(value: object) -> tuple[list[str], bool]:
    """Keys named by a YAML ``nocite`` value, and whether ``@*`` is there."""
    text = (
        value
        if isinstance(value, str)
        else " ".join(str(v) for v in value)
        if isinstance(value, list)
        else ""
    )
    keys: list[str] = []
    star = "@*" in text
    for m in CITE_AT.finditer(text):
        keys.append(_key(m))
    return keys, star
