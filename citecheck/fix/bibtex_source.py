"""Where every entry and field of a BibTeX source is, to the character.

``fix`` edits BibTeX by replacing or inserting small spans of the original text,
so everything it does not touch (comments, ``@string``s, field order, alignment,
odd spacing, line endings) stays byte-for-byte. This scanner only locates; it
never rewrites. It follows BibTeX's own reading: text outside an ``@`` entry is a
comment, values are ``{...}`` (balanced), ``"..."`` (braces inside balanced),
numbers or macro names, joined by ``#``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = re.compile(r"[^\s=,{}()\"#%]+")
_SKIP_TYPES = {"comment", "string", "preamble"}


@dataclass(frozen=True)
class FieldSpan:
    """``name = value`` inside an entry; offsets into the source text."""

    name: str
    name_start: int
    name_end: int
    value_start: int
    value_end: int
    end: int  # after the trailing comma when there is one, else == value_end
    has_comma: bool

    def delimiter(self, text: str) -> str:
        """``{`` or ``"`` for a single delimited value, ``""`` for numbers, macros, ``#``."""
        value = text[self.value_start : self.value_end]
        if value.startswith("{") and _matching_close(value, 0) == len(value) - 1:
            return "{"
        if value.startswith('"') and _quote_end(value, 0) == len(value) - 1:
            return '"'
        return ""


@dataclass(frozen=True)
class EntrySpan:
    """One ``@type{key, fields...}`` entry."""

    entry_type: str
    key: str
    start: int  # the "@"
    type_start: int
    type_end: int
    key_end: int  # after the key (before its comma)
    end: int  # after the closing brace or parenthesis
    closer: str
    fields: tuple[FieldSpan, ...]

    def field(self, *names: str) -> FieldSpan | None:
        """The first field with one of ``names`` (case-insensitive)."""
        wanted = [n.lower() for n in names]
        for name in wanted:
            for f in self.fields:
                if f.name.lower() == name:
                    return f
        return None


def _matching_close(text: str, i: int) -> int:
    """Index of the ``}`` closing the ``{`` at ``i``; -1 when unbalanced."""
    depth = 0
    for j in range(i, len(text)):
        ch = text[j]
        if ch == "{":  # BibTeX counts every brace, escaped or not
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _quote_end(text: str, i: int) -> int:
    """Index of the ``"`` ending the quoted value at ``i`` (quotes inside braces do not)."""
    depth = 0
    for j in range(i + 1, len(text)):
        ch = text[j]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0 and text[j - 1] != "\\":
            return j
    return -1


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _value_end(text: str, i: int, closer: str) -> int:
    """End of a value (parts joined by ``#``) starting at ``i``; -1 when broken."""
    while True:
        i = _skip_ws(text, i)
        if i >= len(text):
            return -1
        ch = text[i]
        if ch == "{":
            j = _matching_close(text, i)
            if j < 0:
                return -1
            i = j + 1
        elif ch == '"':
            j = _quote_end(text, i)
            if j < 0:
                return -1
            i = j + 1
        else:
            m = _NAME.match(text, i)
            if not m:
                return -1
            i = m.end()
        end = i
        k = _skip_ws(text, i)
        if k < len(text) and text[k] == "#":
            i = k + 1
            continue
        return end


def _fields(text: str, i: int, closer: str) -> tuple[list[FieldSpan], int] | None:
    """Fields from ``i`` to the entry's closer; (fields, end after closer) or None."""
    out: list[FieldSpan] = []
    while True:
        i = _skip_ws(text, i)
        if i >= len(text):
            return None
        if text[i] == closer:
            return out, i + 1
        if text[i] == ",":  # a stray comma (",," or a comma right after the key)
            i += 1
            continue
        m = _NAME.match(text, i)
        if not m:
            return None
        eq = _skip_ws(text, m.end())
        if eq >= len(text) or text[eq] != "=":
            return None
        vstart = _skip_ws(text, eq + 1)
        vend = _value_end(text, vstart, closer)
        if vend < 0:
            return None
        after = _skip_ws(text, vend)
        has_comma = after < len(text) and text[after] == ","
        out.append(
            FieldSpan(
                name=m.group(0),
                name_start=m.start(),
                name_end=m.end(),
                value_start=vstart,
                value_end=vend,
                end=after + 1 if has_comma else vend,
                has_comma=has_comma,
            )
        )
        i = after + 1 if has_comma else after


_AT = re.compile(r"@[ \t]*([A-Za-z][\w-]*)[ \t\r\n]*([{(])")


def scan_entries(text: str) -> list[EntrySpan]:
    """Every well-formed entry in source order; broken ones are passed over."""
    out: list[EntrySpan] = []
    pos = 0
    while True:
        m = _AT.search(text, pos)
        if not m:
            return out
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[line_start : m.start()].lstrip().startswith("%"):  # a commented-out entry
            pos = m.end()
            continue
        opener = m.group(2)
        closer = "}" if opener == "{" else ")"
        body = m.end()
        if m.group(1).lower() in _SKIP_TYPES:
            end = _matching_close(text, m.end() - 1) if opener == "{" else text.find(")", body)
            pos = end + 1 if end >= 0 else m.end()
            continue
        key_match = re.compile(r"\s*([^,\s{}()]*)\s*").match(text, body)
        assert key_match is not None  # the pattern matches the empty string
        key = key_match.group(1)
        after_key = key_match.end()
        parsed = _fields(text, after_key, closer) if key else None
        if parsed is None:
            pos = m.end()
            continue
        fields, end = parsed
        out.append(
            EntrySpan(
                entry_type=m.group(1),
                key=key,
                start=m.start(),
                type_start=m.start(1),
                type_end=m.end(1),
                key_end=key_match.start(1) + len(key),
                end=end,
                closer=closer,
                fields=tuple(fields),
            )
        )
        pos = end
