"""PDF text lines built from characters (PDFium's boxes, baselines and font sizes).

PDFium's own text rectangles break a line at every font change (an italic journal
name, a bold volume) and report superscripts, margin line numbers and overprinted
("fake bold") glyphs as ordinary text. Here each character's baseline and font size
are read, so that

- a line is the characters on one baseline, whatever their fonts;
- a glyph printed twice on the same spot (fake bold) is read once;
- a smaller run raised above its line's baseline is a superscript, kept apart
  (``SUP_OPEN`` … ``SUP_CLOSE``) for the loader to judge once it knows the citation style;
- a column of consecutive integers at one x position (``lineno``, Word line numbering,
  ScholarOne proofs) is a line-number gutter and is dropped;
- a glyph set at a slant (neither level nor at a right angle: a "DRAFT" or
  "CONFIDENTIAL" watermark across the page) is not text of the page and is dropped.

Coordinates are PDF points, origin bottom left.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from citecheck.loaders._pdf_layout import PdfLine

SUP_OPEN = "\ue000"
SUP_CLOSE = "\ue001"
_DIGITS = re.compile(r"^\d{1,5}$")
# a superscript is at most this fraction of its line's font size, raised at least RISE
SUP_SIZE = 0.85
SUP_RISE = 0.15
ONE_COLUMN_SHARE = 0.4  # rows with text across the page middle, for a one-column page
MIN_GUTTER_RUN = 4  # consecutive integers at one x on a page before they are line numbers
SLANT = 0.05  # radians off level or a right angle: a diagonal watermark's glyph


@dataclass(slots=True)
class _Glyph:
    ch: str
    x0: float
    x1: float
    base: float
    size: float
    space_before: bool


@dataclass(slots=True)
class _Fragment:
    glyphs: list[_Glyph]
    host: _Fragment | None = None  # set on a superscript: the fragment it is raised above

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)

    @property
    def base(self) -> float:
        return self.glyphs[0].base

    @property
    def size(self) -> float:
        sizes = sorted(g.size for g in self.glyphs if not g.ch.isspace())
        return sizes[len(sizes) // 2] if sizes else self.glyphs[0].size

    def text(self) -> str:
        out: list[str] = []
        prev: _Glyph | None = None
        for g in self.glyphs:
            if prev is not None and (
                g.space_before or g.x0 - prev.x1 > 0.22 * max(g.size, prev.size)
            ):
                out.append(" ")
            out.append(g.ch)
            prev = g
        return "".join(out)


def _glyphs(raw_textpage: Any) -> tuple[list[_Glyph], int, int]:
    """Characters in content order; (glyphs, all characters, characters without unicode)."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    count = pdfium_c.FPDFText_CountChars(raw_textpage)
    rect = pdfium_c.FS_RECTF()
    ox = ctypes.c_double()
    oy = ctypes.c_double()
    get_unicode = pdfium_c.FPDFText_GetUnicode
    generated = pdfium_c.FPDFText_IsGenerated
    loose = pdfium_c.FPDFText_GetLooseCharBox
    origin = pdfium_c.FPDFText_GetCharOrigin
    font_size = pdfium_c.FPDFText_GetFontSize
    angle_of = pdfium_c.FPDFText_GetCharAngle
    matrix_of = getattr(pdfium_c, "FPDFText_GetMatrix", None)
    matrix = pdfium_c.FS_MATRIX() if matrix_of is not None else None
    out: list[_Glyph] = []
    space = False
    bad = 0
    high = 0
    for k in range(count):
        u = get_unicode(raw_textpage, k)
        if 0xD800 <= u < 0xDC00:  # UTF-16 high surrogate: the next code completes it
            high = u
            continue
        if 0xDC00 <= u < 0xE000:
            if not high:
                bad += 1
                continue
            u = 0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00)
            high = 0
        if generated(raw_textpage, k) or u in (32, 0xA0, 9, 10, 13):
            space = True
            continue
        if u == 0 or u == 0xFFFD or 0xE000 <= u <= 0xF8FF:
            bad += 1
            continue
        if _slanted(angle_of(raw_textpage, k)):
            continue
        loose(raw_textpage, k, rect)
        origin(raw_textpage, k, ctypes.byref(ox), ctypes.byref(oy))
        size = font_size(raw_textpage, k) * _scale(matrix_of, matrix, raw_textpage, k)
        if size <= 0:
            size = max(rect.top - rect.bottom, 1.0)
        ch = chr(u) if u < 0x110000 else "\ufffd"
        if out and not space:
            prev = out[-1]
            # the same glyph printed again on (almost) the same spot: fake bold
            dx = abs(prev.x0 - rect.left)
            if (
                prev.ch == ch
                and dx < 0.2 * size
                and (dx > 0.01 or ch not in "fl")  # "ff", "fl" ligatures share one box
                and abs(prev.base - oy.value) < 0.1 * size
            ):
                continue
        out.append(_Glyph(ch, rect.left, rect.right, oy.value, size, space))
        space = False
    return out, count, bad


def _scale(matrix_of: Any, matrix: Any, raw_textpage: Any, k: int) -> float:
    """The vertical scale of a glyph's text matrix: the font size a PDF states (``Tf``)
    is in text space, and some writers set every font at size 1 and scale it by the
    matrix (a Word document printed to PDF: "1 Tf" with a matrix of 12), so the printed
    size is the stated one times this. Horizontal scaling (font expansion) is left out."""
    if matrix_of is None or not matrix_of(raw_textpage, k, matrix):
        return 1.0
    scale = math.hypot(matrix.c, matrix.d)
    return scale if scale > 0 else 1.0


def _slanted(angle: float) -> bool:
    """Is a glyph at ``angle`` (radians; -1 when unknown) set diagonally?"""
    if angle < 0:
        return False
    quarter = math.pi / 2
    off = angle % quarter
    return min(off, quarter - off) > SLANT


def _fragments(glyphs: list[_Glyph]) -> list[_Fragment]:
    """Runs of glyphs on one baseline, moving right, in content order."""
    out: list[_Fragment] = []
    cur: list[_Glyph] = []
    for g in glyphs:
        if cur:
            p = cur[-1]
            size = max(p.size, g.size)
            same = (
                abs(g.base - p.base) < 0.12 * size
                and -0.5 * size < g.x0 - p.x1 < 2.5 * size
                and 0.9 < g.size / p.size < 1.11  # a size change: a line number, a superscript
            )
            if not same:
                out.append(_Fragment(cur))
                cur = []
        cur.append(g)
    if cur:
        out.append(_Fragment(cur))
    return out


def _gutter(fragments: list[_Fragment]) -> set[int]:
    """Indexes of fragments that are margin line numbers.

    Line numbers are integers on their own, right- or left-aligned at one x position,
    increasing down the page; at least :data:`MIN_GUTTER_RUN` of them.
    """
    columns: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, f in enumerate(fragments):
        t = f.text()
        if _DIGITS.match(t):
            columns[("r", round(f.x1))].append(i)
            columns[("l", round(f.x0))].append(i)
    out: set[int] = set()
    for members in columns.values():
        if len(members) < MIN_GUTTER_RUN:
            continue
        down = sorted(members, key=lambda i: -fragments[i].base)
        values = [int(fragments[i].text()) for i in down]
        rising = sum(b > a for a, b in itertools.pairwise(values))
        if rising >= 0.8 * (len(values) - 1):
            out.update(members)
    return out


def _superscripts(frags: list[_Fragment]) -> None:
    """Mark small fragments raised above a neighbouring (in content order) larger one."""
    for i, f in enumerate(frags):
        size = f.size
        for j in (i - 1, i + 1, i - 2, i + 2):
            if not 0 <= j < len(frags) or frags[j].host is not None:
                continue
            h = frags[j]
            hs = h.size
            if not (size < SUP_SIZE * hs and SUP_RISE * hs < f.base - h.base < 0.7 * hs):
                continue
            # touching the host's right end (or its left end, a leading mark)
            if -0.3 * hs < f.x0 - h.x1 < 1.0 * hs or -0.3 * hs < h.x0 - f.x1 < 1.0 * hs:
                f.host = h
                break


def page_lines(raw_textpage: Any, width: float) -> tuple[list[PdfLine], int, int]:
    """Lines of one page (not yet in reading order); (lines, characters, unreadable)."""
    glyphs, count, bad = _glyphs(raw_textpage)
    frags = _fragments(glyphs)
    numbers = _gutter(frags)
    frags = [f for i, f in enumerate(frags) if i not in numbers]
    _superscripts(frags)

    def base_of(f: _Fragment) -> float:
        return f.host.base if f.host is not None else f.base

    def size_of(f: _Fragment) -> float:
        return f.host.size if f.host is not None else f.size

    body = sorted(frags, key=lambda f: (-base_of(f), f.x0))
    rows: list[list[_Fragment]] = []
    for f in body:
        if rows and abs(base_of(rows[-1][0]) - base_of(f)) < 0.2 * max(
            size_of(f), size_of(rows[-1][0])
        ):
            rows[-1].append(f)
        else:
            rows.append([f])
    out: list[PdfLine] = []
    mid = width / 2
    crossing = sum(any(f.x0 < mid - 20 and f.x1 > mid + 20 for f in row) for row in rows)
    # a page whose lines mostly run across the middle has one column: a wide gap inside a
    # line is justification (Word spreads a line before a long URL), not a gutter
    split_gap = 6.0 if crossing >= ONE_COLUMN_SHARE * len(rows) else 1.6
    for row in rows:
        row.sort(key=lambda f: f.x0)
        group: list[_Fragment] = [row[0]]
        for f in row[1:]:
            p = group[-1]
            gap = f.x0 - p.x1
            size = max(size_of(p), size_of(f))
            across = split_gap < 2 and p.x1 <= mid + 2 and f.x0 >= mid - 2 and gap > 0.6 * size
            if gap > split_gap * size or across:
                out.append(_line(group))
                group = [f]
            else:
                group.append(f)
        out.append(_line(group))
    return out, count, bad


def _line(group: list[_Fragment]) -> PdfLine:
    body = [f for f in group if f.host is None] or group
    size = _size(body)
    base = body[0].base
    parts: list[str] = []
    prev_x1: float | None = None
    for f in group:
        if f.host is not None:
            parts.append(SUP_OPEN + f.text() + SUP_CLOSE)
            continue
        gap = f.x0 - prev_x1 if prev_x1 is not None else 0.0
        if parts and (f.glyphs[0].space_before or gap > 0.25 * size):
            parts.append(" ")
        parts.append(f.text())
        prev_x1 = f.x1
    return PdfLine(
        text="".join(parts),
        x0=group[0].x0,
        y0=base - 0.2 * size,
        x1=max(f.x1 for f in group),
        y1=base + 0.75 * size,
        size=size,
    )


def _size(group: list[_Fragment]) -> float:
    weights: dict[float, int] = defaultdict(int)
    for f in group:
        for g in f.glyphs:
            weights[round(g.size, 1)] += 1
    return max(weights.items(), key=lambda kv: kv[1])[0]
