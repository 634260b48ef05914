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
        return ordered
    out: list[PdfLine] = []
    band_l: list[PdfLine] = []
    band_r: list[PdfLine] = []
    for ln in ordered:
        if ln.x1 <= mid + 4:
            band_l.append(ln)
        elif ln.x0 >= mid - 4:
            band_r.append(ln)
        else:  # a full-width line (title, wide figure caption) closes the band
            out.extend(band_l + band_r)
            band_l, band_r = [], []
            out.append(ln)
    out.extend(band_l + band_r)
    return out


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


def dehyphenate(lines: list[str]) -> list[str]:
    """Join words broken at line ends; the fragment moves up, line numbers stay."""
    out = [ln.replace("\x02", "\u00ad") for ln in lines]
    for i in range(len(out) - 1):
        cur = out[i].rstrip()
        soft = cur.endswith("\u00ad")
        hard = cur.endswith("-") and len(cur) > 1 and cur[-2].isalpha()
        if not (soft or hard):
            continue
        nxt = out[i + 1]
        m = re.match(r"\s*([a-z\u00df-\u00ff][\w'’]*[.,;:)\]]?)", nxt)
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
