"""PDF manuscripts through pypdfium2 (PDFium; BSD-3-Clause / Apache-2.0).

Lines are read with their boxes, put in reading order (two-column bands), running
headers/footers and page numbers dropped, superscript citation numbers kept as
``[n]``, and words broken at line ends joined. ``Document.text`` has one PDF line per
text line; locations carry ``page`` and the line on that page. Encrypted PDFs and
PDFs without a text layer (scans) are an :class:`InputError`.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

from citecheck.loaders._pdf_guard import MAX_CONTENT_BYTES, MAX_PAGES, oversized_stream
from citecheck.loaders._pdf_layout import (
    PdfLine,
    dehyphenate,
    drop_running_lines,
    join_fragments,
    merge_superscripts,
    reading_order,
)
from citecheck.loaders.files import read_bytes
from citecheck.model.document import (
    Citation,
    Document,
    LineIndex,
    Location,
    Metadata,
    Problem,
    Reference,
)
from citecheck.model.errors import InputError

_LABEL = re.compile(r"^\s*\[?(\d{1,4})[\].)]\s")
MIN_CHARS_PER_PAGE = 20  # below this on average, the PDF is a scan without a text layer


def _open(path: Path) -> Any:
    try:
        import pypdfium2  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - dependency declared in pyproject
        raise InputError(f"{path}: reading PDF needs pypdfium2 (pip install pypdfium2)") from exc
    data = read_bytes(path, max_bytes=500_000_000)
    bomb = oversized_stream(data)
    if bomb is not None:
        raise InputError(
            f"{path}: a content stream (at byte {bomb:,}) inflates to more than "
            f"{MAX_CONTENT_BYTES // 1_000_000} MB (a compression bomb?); refused"
        )
    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise InputError(
                f"{path}: the PDF is encrypted (password-protected); save an unprotected copy"
            ) from exc
        raise InputError(f"{path}: not a readable PDF ({exc})") from exc
    if len(pdf) > MAX_PAGES:
        pages = len(pdf)
        pdf.close()
        raise InputError(
            f"{path}: {pages:,} pages is more than the limit of {MAX_PAGES:,}; refused"
        )
    return pdf


def extract_pages(path: Path) -> list[list[PdfLine]]:
    """Lines of every page in reading order, running headers/footers removed."""
    pdf = _open(path)
    pages: list[list[PdfLine]] = []
    heights: list[float] = []
    try:
        for i in range(len(pdf)):
            try:
                page = pdf[i]
                width, height = page.get_size()
                tp = page.get_textpage()
            except Exception as exc:  # PdfiumError: a damaged or hostile page tree
                raise InputError(f"{path}: page {i + 1} cannot be read ({exc})") from exc
            raw: list[PdfLine] = []
            for k in range(tp.count_rects()):
                x0, y0, x1, y1 = tp.get_rect(k)
                text = tp.get_text_bounded(x0, y0, x1, y1)
                text = " ".join(text.replace("\r", " ").replace("\n", " ").split())
                if text:
                    raw.append(PdfLine(text=text, x0=x0, y0=y0, x1=x1, y1=y1))
            lines = merge_superscripts(join_fragments(raw, width))
            pages.append(reading_order(lines, width))
            heights.append(height)
            tp.close()
            page.close()
    finally:
        pdf.close()
    total = sum(len(ln.text) for p in pages for ln in p)
    if total < MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise InputError(
            f"{path}: the PDF has no text layer (a scan?); run OCR first (e.g. ocrmypdf) and check the result"
        )
    return drop_running_lines(pages, heights)


def load(path: Path, display_path: str) -> Document:
    """Read a PDF manuscript."""
    pages = extract_pages(path)
    lines: list[str] = []
    where: list[tuple[int, int]] = []  # text line -> (page, line on page)
    boxes: list[PdfLine] = []
    for p, page in enumerate(pages, start=1):
        for n, ln in enumerate(page, start=1):
            lines.append(ln.text)
            where.append((p, n))
            boxes.append(ln)
    lines = dehyphenate(lines)
    text = "\n".join(lines)
    starts = [0]
    for line_text in lines[:-1]:
        starts.append(starts[-1] + len(line_text) + 1)

    def loc(line0: int, col0: int) -> Location:
        page, n = where[line0] if where else (1, 1)
        return Location(path=display_path, line=n, column=col0 + 1, page=page)

    bib = _bibliography_lines(lines)
    chars = list(text)
    for i in bib:
        for k in range(starts[i], starts[i] + len(lines[i])):
            chars[k] = " "
    from citecheck.citations import extract_citations
    from citecheck.citations.known import listed_names

    problems: list[Problem] = []
    # References first: their first authors vouch for names the word lists reject.
    references = _references(lines, boxes, bib, loc, problems)
    citations: list[Citation] = []
    for c in extract_citations(
        "".join(chars),
        path=display_path,
        index=LineIndex(text),
        listed_authors=listed_names(references),
    ):
        line0 = c.location.line - 1
        citations.append(c.model_copy(update={"location": loc(line0, c.location.column - 1)}))
    return Document(
        path=display_path,
        format="pdf",
        text=text,
        citations=tuple(citations),
        references=tuple(references),
        metadata=_metadata(lines, bib),
        problems=tuple(problems),
        bibliography_found=bool(bib),
    )


def _bibliography_lines(lines: list[str]) -> list[int]:
    from citecheck.text import headings as sections

    start = None
    for i, ln in enumerate(lines):
        if len(ln) <= 60 and sections.is_bibliography_heading(ln):
            start = i  # the last such heading wins (a "References" word in the text is rarer late)
    if start is None:
        return []
    out = []
    for j in range(start + 1, len(lines)):
        if len(lines[j]) <= 60 and sections.is_back_matter_heading(lines[j]):
            break
        if lines[j].strip():
            out.append(j)
    return out


def _references(
    lines: list[str], boxes: list[PdfLine], bib: list[int], loc: Any, problems: list[Problem]
) -> list[Reference]:
    """Entries of the reference list; vertical gaps and hanging indents mark entry starts."""
    from citecheck.references import parse_reference, split_entries, to_reference

    if not bib:
        return []
    gaps = [
        boxes[a].y0 - boxes[b].y1 for a, b in itertools.pairwise(bib) if boxes[a].y0 > boxes[b].y1
    ]
    typical = sorted(gaps)[len(gaps) // 4] if gaps else 0.0
    lefts = [boxes[i].x0 for i in bib]
    split_x = (min(lefts) + max(lefts)) / 2 if max(lefts) - min(lefts) > 100 else max(lefts) + 1

    def column_left(box: PdfLine) -> float:
        same = [x for x in lefts if (x < split_x) == (box.x0 < split_x)]
        return min(same)

    section_parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    prev: int | None = None
    for i in bib:
        if prev is not None:
            a, b = boxes[prev], boxes[i]
            same_column = abs(a.x0 - b.x0) < 60 and a.y0 > b.y1
            # at a column or page change, a short last line ended the entry
            rights = [boxes[k].x1 for k in bib if abs(boxes[k].x0 - a.x0) < 60]
            short_end = a.x1 < max(rights) - 15
            if (same_column and typical and (a.y0 - b.y1) > typical + 2.5) or (
                not same_column and short_end and typical
            ):
                section_parts.append("")  # a paragraph gap: a new entry
                pos += 1
        offsets.append((pos, i))
        indent = "    " if boxes[i].x0 > column_left(boxes[i]) + 6 else ""
        section_parts.append(indent + lines[i].strip())
        pos += len(section_parts[-1]) + 1
        prev = i
    section = "\n".join(section_parts)
    breaks = section_parts.count("")
    if breaks >= 2:
        # entries separated by vertical space: each block is one entry
        spans = []
        cursor = 0
        for block in section.split("\n\n"):
            label = _LABEL.match(block)
            spans.append((cursor, " ".join(block.split()), int(label.group(1)) if label else None))
            cursor += len(block) + 2
    else:
        spans = [(sp.start, sp.text, sp.number) for sp in split_entries(section)]
    out: list[Reference] = []
    for start, entry, number in spans:
        if not entry.strip():
            continue
        line_idx = max((i for off, i in offsets if off <= start), default=bib[0])
        where = loc(line_idx, 0)
        try:
            parsed = parse_reference(entry)
        except Exception as exc:  # the parser is total by contract; stay safe anyway
            problems.append(
                Problem(message=f"reference could not be parsed: {exc}", location=where)
            )
            continue
        out.append(to_reference(parsed, text=entry, location=where, number=number))
    return out


def _metadata(lines: list[str], bib: list[int]) -> Metadata:
    from citecheck.text import headings as sections

    abstracts: list[str] = []
    for i, ln in enumerate(lines[:200]):
        if len(ln) <= 40 and sections.is_abstract_heading(ln):
            body = []
            for nxt in lines[i + 1 : i + 25]:
                if len(nxt) <= 40 and re.match(r"^\s*(?:\d+\.?\s*)?[A-Z][A-Za-z ]{2,30}$", nxt):
                    break
                body.append(nxt.strip())
            if body:
                abstracts.append(" ".join(body))
    title = next((ln.strip() for ln in lines[:5] if len(ln.strip()) > 10), None)
    del bib
    return Metadata(title=title, abstracts=tuple(abstracts))
