"""Low-level LaTeX scanning: blank out what TeX never typesets, read command arguments.

Masking replaces comments, verbatim-like environments, ``\\verb``, ``\\iffalse … \\fi``
and everything after ``\\end{document}`` with spaces (newlines kept), so offsets
and line numbers of the masked text still point into the source file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Environments whose content TeX does not parse as commands.
VERBATIM_ENVS = frozenset(
    {
        "verbatim",
        "verbatim*",
        "Verbatim",
        "Verbatim*",
        "BVerbatim",
        "LVerbatim",
        "lstlisting",
        "minted",
        "comment",
        "alltt",
        "filecontents",
        "filecontents*",
        "spverbatim",
        "pyglist",
        "pycode",
        "lstinputlisting",
    }
)

# Verbatim environments whose [options] are typeset: a listing's caption={... \cite{x}}.
_TYPESET_OPTIONS = frozenset({"lstlisting", "minted"})
MAX_OPTIONS = 4000  # characters of such an option list read


def _options_end(source: str, pos: int) -> int:
    """Where an environment's ``[options]`` starting at ``pos`` end (brace groups may
    hold ``]``); ``pos`` itself when there are none or they do not close."""
    i = pos
    while i < len(source) and source[i] in " \t":
        i += 1
    if i >= len(source) or source[i] != "[":
        return pos
    depth = 0
    j, stop = i + 1, min(len(source), i + MAX_OPTIONS)
    while j < stop:
        ch = source[j]
        if ch == "\\":
            j += 2  # an escaped brace or bracket does not count
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif ch == "]" and depth == 0:
            return j + 1
        j += 1
    return pos


_SCAN = re.compile(
    r"(?P<esc>\\[^A-Za-z])"
    r"|(?P<verb>\\verb\*?(?P<delim>[^A-Za-z\s*]))"
    r"|(?P<begin>\\begin\s*\{(?P<env>[A-Za-z*]+)\})"
    r"|(?P<iffalse>\\iffalse(?![A-Za-z]))"
    r"|(?P<enddoc>\\end\s*\{document\})"
    r"|(?P<comment>%[^\n]*)"
)
_IF_TOKEN = re.compile(r"\\(if[A-Za-z]*|fi)(?![A-Za-z])")
# Conditionals TeX counts while skipping an \iffalse block: the primitives, e-TeX's and
# any \newif. Macros named \if... (biblatex's \ifentrytype, etoolbox's \ifdef,
# \ifthenelse) are not conditionals; counting them would blank the rest of the file.
_PRIMITIVE_IFS = frozenset(
    "if ifcat ifnum ifdim ifodd ifvmode ifhmode ifmmode ifinner ifvoid ifhbox ifvbox ifx "
    "ifeof iftrue iffalse ifcase ifdefined ifcsname iffontchar ifincsname ifpdfprimitive "
    "ifprimitive ifpdfabsnum ifpdfabsdim".split()
)
_NEWIF = re.compile(r"\\newif\s*\\(if[A-Za-z]+)")
MARKER = re.compile(r"citecheck\s*:\s*(?P<what>[A-Za-z-]+)(?:\[(?P<args>[^\]]*)\])?")


@dataclass(frozen=True)
class Masked:
    """A masked source and the ``% citecheck: ...`` markers found in its comments."""

    text: str
    markers: tuple[tuple[int, str, tuple[str, ...]], ...]  # (offset, name, args)


def mask(source: str, *, stop_at_end_document: bool = True) -> Masked:
    """Blank out comments, verbatim material, ``\\iffalse`` blocks and the tail."""
    spans: list[tuple[int, int]] = []
    markers: list[tuple[int, str, tuple[str, ...]]] = []
    pos = 0
    n = len(source)
    conditionals: frozenset[str] | None = None
    while pos < n:
        m = _SCAN.search(source, pos)
        if m is None:
            break
        if m.group("esc"):
            pos = m.end()
            continue
        if m.group("comment") is not None:
            spans.append((m.start(), m.end()))
            for mk in MARKER.finditer(m.group("comment")):
                args = tuple(a.strip() for a in (mk.group("args") or "").split(",") if a.strip())
                markers.append((m.start(), mk.group("what").lower(), args))
            pos = m.end()
            continue
        if m.group("verb"):
            end = source.find(m.group("delim"), m.end())
            line_end = source.find("\n", m.end())
            if end == -1 or (line_end != -1 and end > line_end):
                end = m.end() - 1  # malformed \verb: mask only the command
            spans.append((m.start(), end + 1))
            pos = end + 1
            continue
        if m.group("begin"):
            env = m.group("env")
            if env in VERBATIM_ENVS:
                closing = re.compile(r"\\end\s*\{" + re.escape(env) + r"\}")
                start = _options_end(source, m.end()) if env in _TYPESET_OPTIONS else m.end()
                close = closing.search(source, start)
                end = close.end() if close else n
                spans.append((start, end))
                pos = end
            else:
                pos = m.end()
            continue
        if m.group("iffalse"):
            if conditionals is None:
                conditionals = _PRIMITIVE_IFS | {c.group(1) for c in _NEWIF.finditer(source)}
            end = _matching_fi(source, m.end(), conditionals)
            spans.append((m.start(), end))
            pos = end
            continue
        if m.group("enddoc") and stop_at_end_document:
            spans.append((m.end(), n))
            break
        pos = m.end()
    return Masked(text=_blank(source, spans), markers=tuple(markers))


def _matching_fi(source: str, pos: int, conditionals: frozenset[str]) -> int:
    """End offset of the ``\\fi`` closing an ``\\iffalse`` (nested conditionals counted)."""
    depth = 1
    for tok in _IF_TOKEN.finditer(source, pos):
        if tok.group(1) == "fi":
            depth -= 1
            if depth == 0:
                return tok.end()
        elif tok.group(1) in conditionals:
            depth += 1
    return len(source)


def _blank(source: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return source
    parts: list[str] = []
    last = 0
    for start, end in spans:
        if start < last:
            start = last
        parts.append(source[last:start])
        parts.append(re.sub(r"[^\n]", " ", source[start:end]))
        last = max(last, end)
    parts.append(source[last:])
    return "".join(parts)


def read_group(
    text: str, pos: int, opening: str = "{", closing: str = "}", *, limit: int | None = None
) -> tuple[str, int] | None:
    """The content of a balanced group starting at ``pos`` (after spaces), and its end.

    Returns None when no group starts there. Spaces and one newline may precede the
    group (TeX skips them before arguments); a blank line ends the search. ``limit``
    bounds the group's length: thousands of unclosed ``\\cite{`` would otherwise each
    scan to the end of the file (quadratic).
    """
    i = _skip_space(text, pos)
    if i >= len(text) or text[i] != opening:
        return None
    depth = 0
    j = i
    n = len(text) if limit is None else min(len(text), i + limit)
    while j < n:
        ch = text[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "{" and opening != "{":
            # braces protect brackets inside optional arguments: [see {[}x{]}]
            inner = read_group(text, j)
            if inner is None:
                return None
            j = inner[1]
            continue
        if ch == opening:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return text[i + 1 : j], j + 1
        j += 1
    return None


def _skip_space(text: str, pos: int) -> int:
    i = pos
    newlines = 0
    while i < len(text) and text[i] in " \t\n":
        if text[i] == "\n":
            newlines += 1
            if newlines > 1:
                return pos
        i += 1
    return i


def read_optionals(text: str, pos: int, limit: int = 2) -> tuple[list[str], int]:
    """Up to ``limit`` ``[...]`` arguments starting at ``pos``."""
    out: list[str] = []
    while len(out) < limit:
        got = read_group(text, pos, "[", "]")
        if got is None:
            break
        out.append(got[0])
        pos = got[1]
    return out, pos


def read_parens(text: str, pos: int, limit: int = 2) -> tuple[list[str], int]:
    """Up to ``limit`` ``(...)`` arguments (biblatex multicite global notes)."""
    out: list[str] = []
    while len(out) < limit:
        got = read_group(text, pos, "(", ")")
        if got is None:
            break
        out.append(got[0])
        pos = got[1]
    return out, pos
