"""PDF page layout: text lines with their boxes, reading order for columns,
running headers/footers and page numbers, superscript citation numbers.

Works on the line boxes PDFium reports (via pypdfium2); coordinates are PDF points
with the origin at the bottom left.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?(?:\d{1,4}|[ivxlcdm]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?$", re.I
)
_SUPERSCRIPT = re.compile(r"^\d{1,3}(?:\s*[,\u2013\u2014-]\s*\d{1,3})*$")


@dataclass(frozen=True)
class PdfLine:
    """One line of text on a page, in reading order once laid out."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float = 0.0  # font size of most of the line's glyphs (0: unknown)

    @property
    def height(self) -> float:
        """Box height, a stand-in for font size."""
        return self.y1 - self.y0


def merge_superscripts(lines: list[PdfLine]) -> list[PdfLine]:
    """Fold small raised number boxes (superscript citations) into their line as ``[n]``."""
    if not lines:
        return lines
    normal = statistics.median(ln.height for ln in lines)
    small = [ln for ln in lines if ln.height < 0.8 * normal and _SUPERSCRIPT.match(ln.text.strip())]
    if not small:
        return lines
    rest = [ln for ln in lines if ln not in small]
    out = list(rest)
    for sup in small:
        # the host line: vertically overlapping, sup sitting in its upper half
        hosts = [
            i
            for i, ln in enumerate(out)
            if ln.y0 - 1 <= sup.y0 <= ln.y1 and sup.y1 > (ln.y0 + ln.y1) / 2
        ]
        if not hosts:
            out.append(sup)
            continue
        i = min(hosts, key=lambda k: min(abs(out[k].x1 - sup.x0), abs(out[k].x0 - sup.x1)))
        host = out[i]
        mark = "[" + re.sub(r"\s+", "", sup.text) + "]"
        text = (
            host.text + mark
            if sup.x0 >= host.x1 - 2
            else mark + " " + host.text
            if sup.x1 <= host.x0 + 2
            else host.text
        )
        out[i] = replace(host, text=text, x0=min(host.x0, sup.x0), x1=max(host.x1, sup.x1))
    return out


def join_fragments(lines: list[PdfLine], width: float) -> list[PdfLine]:
    """Join boxes on the same baseline that touch (PDFium splits lines at font changes),
    never across the page middle (the gutter of two columns)."""
    mid = width / 2
    ordered = sorted(lines, key=lambda ln: (-round(ln.y0), ln.x0))
    out: list[PdfLine] = []
    for ln in ordered:
        if out:
            prev = out[-1]
            same_row = abs(prev.y0 - ln.y0) < 0.5 * max(prev.height, 1) and abs(
                prev.y1 - ln.y1
            ) < 0.8 * max(prev.height, 1)
            gap = ln.x0 - prev.x1
            across_gutter = prev.x1 <= mid + 2 and ln.x0 >= mid - 2
            if same_row and -1 <= gap < 6 and not across_gutter:
                out[-1] = replace(
                    prev,
                    text=prev.text + ("" if gap < 1.5 else " ") + ln.text,
                    x1=ln.x1,
                    y0=min(prev.y0, ln.y0),
                    y1=max(prev.y1, ln.y1),
                )
                continue
        out.append(ln)
    return out


def reading_order(lines: list[PdfLine], width: float) -> list[PdfLine]:
    """Top-to-bottom, with two-column bands read left column first."""
    mid = width / 2
    left = [ln for ln in lines if ln.x1 <= mid + 4]
    right = [ln for ln in lines if ln.x0 >= mid - 4]
    # the last page of a two-column article may hold only a line or two on the right,
    # as wide as a column (a short right-aligned header or date is no column)
    two_columns = len(left) >= 3 and (
        len(right) >= 3 or any(ln.x1 - ln.x0 > 0.3 * width for ln in right)
    )
    ordered = sorted(lines, key=lambda ln: (-ln.y1, ln.x0))
    if not two_columns:
        return table_cells(ordered, width)
    out: list[PdfLine] = []
    band_l: list[PdfLine] = []
    band_r: list[PdfLine] = []
    for ln in ordered:
        if ln.x1 <= mid + 4:
            band_l.append(ln)
        elif ln.x0 >= mid - 4:
            band_r.append(ln)
        else:  # a full-width line (title, wide figure caption) closes the band
            out.extend(table_cells(band_l, width) + table_cells(band_r, width))
            band_l, band_r = [], []
            out.append(ln)
    out.extend(table_cells(band_l, width) + table_cells(band_r, width))
    return out


TABLE_ROWS = 3  # lines followed by one beside them (not below) before lines are a table
CELL_WIDTH = 0.5  # a table cell's line is narrower than this share of the page (text is wider)
CELL_PITCH = 1.6  # a cell's next line is at most this many typical pitches below


def _aligned(a: PdfLine, b: PdfLine) -> bool:
    """Do two lines share a left edge, a right edge or a centre (one cell's alignment)?"""
    tol = 0.3 * max(a.size, b.size, 1.0)
    return (
        abs(a.x0 - b.x0) < tol
        or abs(a.x1 - b.x1) < tol
        or abs((a.x0 + a.x1) - (b.x0 + b.x1)) < 3 * tol
    )


def table_cells(lines: list[PdfLine], page_width: float) -> list[PdfLine]:
    """``lines`` (top to bottom) with each table cell's lines kept together
    (:func:`_cells` on each run of lines narrower than half the page: a line of text
    across the page is no cell, and a table is read within the text around it)."""
    narrow = CELL_WIDTH * page_width
    out: list[PdfLine] = []
    run: list[PdfLine] = []
    for ln in lines:
        if ln.x1 - ln.x0 < narrow:
            run.append(ln)
            continue
        out.extend(_cells(run))
        run = []
        out.append(ln)
    out.extend(_cells(run))
    return out


def _cells(lines: list[PdfLine]) -> list[PdfLine]:
    """Lines of a run read cell by cell where they form a table.

    A table whose cells wrap ("Iddi &" / "Donohue" / "(2022)" in one cell, "designs
    with two" / "levels" in the next) is printed row by row, and read line by line its
    cells interleave: a citation in a cell is cut by the text of the cells beside it.
    Where three or more lines are followed (in reading order) by one beside them rather
    than below, on another baseline, the lines from the first such pair to the last (and narrow lines just
    above or below, a cell's start or end) are read
    cell by cell: a cell is a chain of lines each the nearest line below the one before
    that overlaps it and shares its left edge, right edge or centre (and the other way
    round), within :data:`CELL_PITCH` typical pitches; cells are read by their top,
    then from the left.
    Text outside the table, and pages without one, keep their order.
    """
    if len(lines) <= TABLE_ROWS:
        return lines
    # side by side: a line and the next in reading order share no horizontal stretch
    # interleaved: a line and the next in reading order share no horizontal stretch and
    # no baseline (pieces of one justified line share theirs; cells of a row that wrap
    # or are centred do not)
    beside = [
        i
        for i in range(len(lines) - 1)
        if (lines[i + 1].x0 >= lines[i].x1 or lines[i + 1].x1 <= lines[i].x0)
        and abs(lines[i].y0 - lines[i + 1].y0) >= 0.3 * max(lines[i].size, 1.0)
    ]
    if len(beside) < TABLE_ROWS:
        return lines
    first = beside[0]
    last = beside[-1] + 1
    width = max(ln.x1 for ln in lines) - min(ln.x0 for ln in lines)
    while (
        last + 1 < len(lines)
        and lines[last + 1].x1 - lines[last + 1].x0 < 0.3 * width
        and lines[last].y0 - lines[last + 1].y0 < 3 * max(lines[last].size, 1.0)
    ):
        last += 1
    while (  # a cell that starts above the row beside it ("Watson" over "no  yes  none")
        first > 0
        and lines[first - 1].x1 - lines[first - 1].x0 < 0.3 * width
        and lines[first - 1].y0 - lines[first].y0 < 3 * max(lines[first].size, 1.0)
    ):
        first -= 1
    region = lines[first : last + 1]
    below: dict[int, int] = {}
    above: dict[int, int] = {}
    for a, la in enumerate(region):
        under = [
            (la.y0 - lb.y0, b)
            for b, lb in enumerate(region)
            if lb.y0 < la.y0 - 0.3 * max(la.size, 1.0) and lb.x0 < la.x1 and lb.x1 > la.x0
        ]
        under = [(gap, b) for gap, b in under if _aligned(la, region[b])] if under else under
        if under:
            below[a] = min(under)[1]
    for a, b in below.items():
        if b not in above or region[a].y0 < region[above[b]].y0:
            above[b] = a
    gaps = sorted(region[a].y0 - region[b].y0 for a, b in below.items() if above.get(b) == a)
    if not gaps:
        return lines
    limit = CELL_PITCH * gaps[len(gaps) // 4]
    nxt = {
        a: b for a, b in below.items() if above.get(b) == a and region[a].y0 - region[b].y0 <= limit
    }
    heads = [a for a in range(len(region)) if a not in set(nxt.values())]
    cells: list[list[PdfLine]] = []
    for h in heads:
        chain = [h]
        while chain[-1] in nxt:
            chain.append(nxt[chain[-1]])
        cells.append([region[k] for k in chain])
    cells.sort(key=lambda c: (-round(c[0].y1), c[0].x0))
    # an empty line after each cell of several lines: the text of one cell does not run
    # on into the next ("Suzuki &" in one header cell, "Aguila et" in the next)
    out: list[PdfLine] = []
    for c in cells:
        out.extend(c)
        if len(c) > 1:
            out.append(replace(c[-1], text=""))
    return lines[:first] + out + lines[last + 1 :]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def drop_running_lines(pages: list[list[PdfLine]], heights: list[float]) -> list[list[PdfLine]]:
    """Remove page numbers and headers/footers repeated across pages (in the margins)."""
    margin_shapes: Counter[str] = Counter()
    for page, h in zip(pages, heights, strict=True):
        seen = {_shape(ln.text) for ln in page if ln.y0 > 0.9 * h or ln.y1 < 0.1 * h}
        margin_shapes.update(seen)
    # odd and even pages often differ (title left, authors right): a quarter of the pages
    repeated = {s for s, n in margin_shapes.items() if n >= 3 and n >= 0.25 * len(pages)}
    numbered = _numbered_edges(pages)
    out: list[list[PdfLine]] = []
    for page, h in zip(pages, heights, strict=True):
        kept = []
        for ln in page:
            in_margin = ln.y0 > 0.9 * h or ln.y1 < 0.1 * h
            if in_margin and (_PAGE_NUMBER.match(ln.text.strip()) or _shape(ln.text) in repeated):
                continue
            if id(ln) in numbered:
                continue
            kept.append(ln)
        out.append(kept)
    return out


def _numbered_edges(pages: list[list[PdfLine]]) -> set[int]:
    """``id``s of page numbers printed above the top or below the bottom line of the
    text but inside the 10 % margin strip (a thesis class's deep footer): a bare number
    as a page's lowest (or highest) line, counting on from the neighbouring page's."""
    edges: list[dict[str, tuple[int, PdfLine]]] = []
    for page in pages:
        found: dict[str, tuple[int, PdfLine]] = {}
        if page:
            for side, ln in (
                ("bottom", min(page, key=lambda ln: ln.y0)),
                ("top", max(page, key=lambda ln: ln.y1)),
            ):
                text = ln.text.strip()
                if text.isdigit() and len(text) <= 4:
                    found[side] = (int(text), ln)
        edges.append(found)
    out: set[int] = set()
    for i, found in enumerate(edges):
        for side, (value, ln) in found.items():
            for j in (i - 1, i + 1):
                other = edges[j].get(side) if 0 <= j < len(edges) else None
                if other is not None and other[0] - value == j - i:
                    out.add(id(ln))
    return out


_NAME_PART = re.compile(r"(?:^|[\s(])[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+-$")


def dehyphenate(lines: list[str], raised: list[list[tuple[int, int]]] | None = None) -> list[str]:
    """Join words broken at line ends; the fragment moves up, line numbers stay.

    ``raised`` gives each line's superscript spans: a fragment with a raised number
    stays where it is ("interpo-" / "lation²¹ , and": the 21 cites after its word).
    """
    out = [ln.replace("\x02", "\u00ad") for ln in lines]
    for i in range(len(out) - 1):
        cur = out[i].rstrip()
        soft = cur.endswith("\u00ad")
        hard = cur.endswith("-") and len(cur) > 1 and cur[-2].isalpha()
        if not (soft or hard):
            continue
        nxt = out[i + 1]
        m = re.match(r"\s*([a-z\u00df-\u00ff][\w'’]*[.,;:)\]]?)", nxt)
        spans = raised[i + 1] if raised is not None and i + 1 < len(raised) else []
        if m and spans and min(a for a, _ in spans) <= m.end():
            out[i] = cur[:-1] + "-" if soft else cur  # the raised number needs its word
            continue
        if not m:
            # "Armon-" / "Lotem, 2016": a hyphenated name broken at its hyphen keeps it
            # (PDFium reports a hyphen at a line end as a soft one, "\x02")
            cap = re.match(r"\s*([A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+[.,;:)\]]?)(?=\s|$)", nxt)
            if cap and _NAME_PART.search(cur[:-1] + "-"):
                out[i] = cur[:-1] + "-" + cap.group(1)
                out[i + 1] = " " * cap.end() + nxt[cap.end() :]
            elif soft:
                out[i] = cur[:-1] + "-"
            continue
        out[i] = cur[:-1] + m.group(1)
        out[i + 1] = " " * m.end() + nxt[m.end() :]
    return [ln.replace("\u00ad", "") for ln in out]
