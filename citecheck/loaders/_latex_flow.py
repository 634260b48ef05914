"""LaTeX control flow that decides which files a thesis template reads.

University templates pick their chapters with a loop and a test rather than a list of
``\\include`` lines::

    \\edef\\chapters{1,2,3,4,5}
    \\foreach \\i in \\chapters {\\edef\\f{Bab/bab\\i} \\IfFileExists{\\f}{\\include{\\f}}{}}

Read literally, that is one include of ``Bab/bab\\i`` (not found: nothing checked). Here
a ``\\foreach`` (pgffor) is unrolled over its list, so is an animation's
``\\multiframe`` (animate) over its frames, ``\\IfFileExists`` on a file of the
project takes its branch by whether the file is there, and ``\\IfStrEq`` (xstring)
takes its branch when both sides are plain text once macros are expanded. Anything
else is left as it was: the reader then goes on through the arguments as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from citecheck.loaders._latex_scan import read_group, read_optionals

MAX_ITEMS = 200  # iterations of one loop: a template has tens; "1,...,100000" is refused

_VAR = re.compile(r"\s*(\\[A-Za-z@]+)\s*")
_IN = re.compile(r"\s*in\s*")
_MACRO = re.compile(r"\s*\\([A-Za-z@]+)")
_INT = re.compile(r"-?\d{1,6}")


@dataclass(frozen=True)
class Loop:
    """An unrolled ``\\foreach``: the code of each iteration, and where the loop ends."""

    bodies: tuple[str, ...]
    end: int


def unroll_foreach(text: str, after: int, lookup: dict[str, str]) -> Loop | None:
    """The ``\\foreach`` whose arguments start at ``after``; ``lookup`` gives the bodies
    of parameterless macros (the list may be one). None when it cannot be read."""
    var = _VAR.match(text, after)
    if var is None:
        return None
    _, pos = read_optionals(text, var.end(), 1)  # [count=\n] and other options
    inn = _IN.match(text, pos)
    if inn is None:
        return None
    pos = inn.end()
    group = read_group(text, pos, limit=4000)
    if group is not None:
        raw, pos = group
    else:
        name = _MACRO.match(text, pos)
        if name is None or name.group(1) not in lookup:
            return None
        raw, pos = lookup[name.group(1)], name.end()
    body = read_group(text, pos, limit=20_000)
    if body is None:
        return None
    items = list_items(raw)
    if items is None:
        return None
    pattern = re.compile(re.escape(var.group(1)) + r"(?![A-Za-z@])")
    return Loop(tuple(pattern.sub(_literal(v), body[0]) for v in items), body[1])


_FRAME_VAR = re.compile(r"\s*([A-Za-z]+)\s*=\s*(-?\d{1,6})\s*\+\s*(-?\d{1,6})\s*")


def unroll_multiframe(text: str, after: int) -> Loop | None:
    """``\\multiframe{200}{i=1+1}{\\input{plot\\i}}`` (animate): the frames of the
    loop, each with its integer variables (names starting with ``i``/``I``) set; a
    real or dimension variable is left as written. None when it cannot be read or has
    more than :data:`MAX_ITEMS` frames."""
    count = read_group(text, after, limit=20)
    if count is None or not count[0].strip().isdigit():
        return None
    n = int(count[0].strip())
    _, pos = read_optionals(text, count[1], 1)  # [frame rate]
    variables = read_group(text, pos, limit=400)
    body = read_group(text, variables[1], limit=20_000) if variables is not None else None
    if variables is None or body is None or n > MAX_ITEMS:
        return None
    ints: list[tuple[re.Pattern[str], int, int]] = []
    for spec in variables[0].split(","):
        m = _FRAME_VAR.fullmatch(spec)
        if m is not None and m.group(1)[0] in "iI":
            pattern = re.compile(r"\\" + m.group(1) + r"(?![A-Za-z@])")
            ints.append((pattern, int(m.group(2)), int(m.group(3))))
    bodies = []
    for k in range(n):
        code = body[0]
        for pattern, start, step in ints:
            code = pattern.sub(_literal(str(start + k * step)), code)
        bodies.append(code)
    return Loop(tuple(bodies), body[1])


def _literal(value: str) -> Callable[[re.Match[str]], str]:
    return lambda _m: value


def list_items(raw: str) -> list[str] | None:
    """pgffor's list: "1,2,3", "A,...,E", "1,3,...,9"; None when longer than
    :data:`MAX_ITEMS` or a range cannot be read."""
    parts = [p.strip() for p in raw.split(",")]
    parts = [p for p in parts if p]
    out: list[str] = []
    for i, p in enumerate(parts):
        if p != "...":
            out.append(p)
        else:
            if not out or i + 1 >= len(parts):
                return None
            filled = _fill(out[-2] if len(out) > 1 else None, out[-1], parts[i + 1])
            if filled is None:
                return None
            out.extend(filled)
        if len(out) > MAX_ITEMS:
            return None
    return out


def _fill(before: str | None, start: str, stop: str) -> list[str] | None:
    """The items strictly between ``start`` and ``stop`` ("1", "5" -> 2, 3, 4; with
    ``before`` "1" and ``start`` "3", the step is 2)."""
    if _INT.fullmatch(start) and _INT.fullmatch(stop):
        a, b = int(start), int(stop)
        step = a - int(before) if before is not None and _INT.fullmatch(before) else 1
        if step == 0 or (b - a) * step <= 0 or abs(b - a) // abs(step) > MAX_ITEMS:
            return None
        return [str(x) for x in range(a + step, b, step)]
    if len(start) == len(stop) == 1 and start.isalpha() and stop.isalpha():
        a, b = ord(start), ord(stop)
        if b <= a or b - a > MAX_ITEMS:
            return None
        return [chr(x) for x in range(a + 1, b)]
    return None


@dataclass(frozen=True)
class Untaken:
    """The branch a test does not take, as a span of the text (its braces included):
    the reader blanks it and reads the rest where it stands, so locations stay true."""

    start: int
    end: int


def if_str_eq(text: str, after: int, expand: Callable[[str], str]) -> Untaken | None:
    """``\\IfStrEq{a}{b}{yes}{no}`` with both sides plain once expanded; else None."""
    groups = _groups(text, after, 4)
    if groups is None:
        return None
    a, b = expand(groups[0][0]).strip(), expand(groups[1][0]).strip()
    if "\\" in a or "\\" in b or "#" in a or "#" in b:
        return None
    _, start, end = groups[3] if a == b else groups[2]
    return Untaken(start, end)


def if_file_exists(
    text: str, after: int, expand: Callable[[str], str], exists: Callable[[str], bool]
) -> Untaken | None:
    """``\\IfFileExists{file}{yes}{no}`` for a file of the project (a ``.tex`` file or
    one without extension); None for packages, classes and anything not plain."""
    groups = _groups(text, after, 3) or _groups(text, after, 2)  # "no" may be left out
    if groups is None:
        return None
    target = expand(groups[0][0]).strip()
    if not target or "\\" in target or "#" in target:
        return None
    suffix = target.rsplit("/", 1)[-1]
    if "." in suffix and not suffix.lower().endswith(".tex"):
        return None
    if exists(target):
        return Untaken(groups[2][1], groups[2][2]) if len(groups) == 3 else Untaken(0, 0)
    return Untaken(groups[1][1], groups[1][2])


def _groups(text: str, pos: int, n: int) -> list[tuple[str, int, int]] | None:
    """``n`` groups from ``pos``: (content, start of the opening brace, end)."""
    out: list[tuple[str, int, int]] = []
    for _ in range(n):
        got = read_group(text, pos, limit=20_000)
        if got is None:
            return None
        content, end = got
        out.append((content, end - len(content) - 2, end))
        pos = end
    return out
