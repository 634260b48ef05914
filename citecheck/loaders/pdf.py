"""PDF manuscripts through pypdfium2 (PDFium; BSD-3-Clause / Apache-2.0).

Lines are read with their boxes, put in reading order (two-column bands), running
headers/footers and page numbers dropped, superscript citation numbers kept as
``[n]``, and words broken at line ends joined. ``Document.text`` has one PDF line per
text line; locations carry ``page`` and the line on that page. Encrypted PDFs and
PDFs without a text layer (scans) are an :class:`InputError`.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from pathlib import Path
from typing import Any

from citecheck.loaders._pdf_chars import SUP_CLOSE, SUP_OPEN, page_lines
from citecheck.loaders._pdf_guard import MAX_CONTENT_BYTES, MAX_PAGES, oversized_stream
from citecheck.loaders._pdf_labels import citations as alpha_citations
from citecheck.loaders._pdf_labels import is_alphabetic
from citecheck.loaders._pdf_layout import (
    PdfLine,
    dehyphenate,
    drop_running_lines,
    reading_order,
)
from citecheck.loaders._pdf_refs import find_start, list_lines, segment, supplement_starts
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


IMAGE_PAGE_TEXT = 40  # characters of text besides furniture on a page that is one picture
IMAGE_PAGE_SHARE = 0.5  # share of the page an image covers on such a page


def _read(path: Path) -> tuple[list[list[PdfLine]], list[float], int, int, list[int]]:
    """(lines of every page in reading order with furniture removed, page widths,
    characters, characters without a readable code, pages that are pictures of text)."""
    pdf = _open(path)
    pages: list[list[PdfLine]] = []
    heights: list[float] = []
    widths: list[float] = []
    pictured: list[int] = []
    chars = unreadable = 0
    try:
        for i in range(len(pdf)):
            try:
                page = pdf[i]
                width, height = page.get_size()
                tp = page.get_textpage()
            except Exception as exc:  # PdfiumError: a damaged or hostile page tree
                raise InputError(f"{path}: page {i + 1} cannot be read ({exc})") from exc
            lines, count, bad = page_lines(tp.raw, width)
            chars += count
            unreadable += bad
            if sum(len(ln.text) for ln in lines) < 10 * IMAGE_PAGE_TEXT and _pictured(
                page, width * height
            ):
                pictured.append(i)
            pages.append(reading_order(lines, width))
            heights.append(height)
            widths.append(width)
            tp.close()
            page.close()
    finally:
        pdf.close()
    total = sum(len(ln.text) for p in pages for ln in p)
    if total < MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise InputError(
            f"{path}: the PDF has no text layer (a scan?); run OCR first (e.g. ocrmypdf) and check the result"
        )
    kept = drop_running_lines(pages, heights)
    pictured = [i for i in pictured if sum(len(ln.text) for ln in kept[i]) < IMAGE_PAGE_TEXT]
    return kept, widths, chars, unreadable, pictured


def _pictured(page: Any, area: float) -> bool:
    """Is most of the page one image (a scanned or rasterised page in a text PDF)?"""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    try:
        for obj in page.get_objects(max_depth=2):
            if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
                continue
            left, bottom, right, top = obj.get_bounds()
            if (right - left) * (top - bottom) >= IMAGE_PAGE_SHARE * area:
                return True
    except Exception:  # PdfiumError on a damaged object: no verdict, read the text
        return False
    return False


def extract_pages(path: Path) -> list[list[PdfLine]]:
    """Lines of every page in reading order, running headers/footers removed
    (superscripts marked with ``SUP_OPEN`` … ``SUP_CLOSE``)."""
    return _read(path)[0]


FOOTNOTE_SIZE = 0.9  # footnotes are printed at most this fraction of the body's font size


def _footnotes_last(pages: list[list[PdfLine]]) -> list[tuple[int, int, PdfLine]]:
    """(page, line on page, line) in reading order, footnotes moved out of the way.

    A footnote at the foot of a page (smaller than the body text, below every body
    line) would stand between the halves of a sentence, or of a citation, that runs on
    to the next page; such lines are read after the body, just before the reference
    list (or at the end).
    """
    from collections import Counter

    sizes = Counter(round(ln.size, 1) for page in pages for ln in page if ln.size)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    flow: list[tuple[int, int, PdfLine]] = []
    notes: list[tuple[int, int, PdfLine]] = []
    for p, page in enumerate(pages, start=1):
        rows = [(p, n, ln) for n, ln in enumerate(page, start=1)]
        lowest = min((ln.y0 for ln in page if ln.size >= 0.97 * body), default=None)
        cut = len(rows)
        while (
            body
            and lowest is not None
            and cut > 0
            and 0 < rows[cut - 1][2].size <= FOOTNOTE_SIZE * body
            and rows[cut - 1][2].y1 < lowest
        ):
            cut -= 1
        flow.extend(rows[:cut])
        notes.extend(rows[cut:])
    if not notes:
        return flow
    texts = [ln.text for _, _, ln in flow]
    start = find_start(texts, [ln for _, _, ln in flow])
    at = len(flow) if start is None else start
    # footnotes after the list's heading are the list's own small lines: keep them there
    kept = [r for r in notes if start is None or (r[0], r[1]) < (flow[start][0], flow[start][1])]
    late = [r for r in notes if r not in kept]
    out = flow[:at] + kept + flow[at:]
    for r in late:  # back where they were
        k = next((i for i, q in enumerate(out) if (q[0], q[1]) > (r[0], r[1])), len(out))
        out.insert(k, r)
    return out


def _strip_superscripts(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The line without superscript marks, and the (start, end) of each raised run."""
    if SUP_OPEN not in text:
        return text, []
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for part in re.split(f"({SUP_OPEN}[^{SUP_CLOSE}]*{SUP_CLOSE})", text):
        if part.startswith(SUP_OPEN):
            body = part[1:-1]
            spans.append((pos, pos + len(body)))
            part = body
        out.append(part)
        pos += len(part)
    return "".join(out), spans


def load(path: Path, display_path: str) -> Document:
    """Read a PDF manuscript."""
    pages, widths, n_chars, unreadable, pictured = _read(path)
    lines: list[str] = []
    where: list[tuple[int, int]] = []  # text line -> (page, line on page)
    boxes: list[PdfLine] = []
    page_of: list[int] = []
    raised: list[list[tuple[int, int]]] = []
    for p, n, ln in _footnotes_last(pages):
        clean, spans = _strip_superscripts(_compose(ln.text))
        lines.append(clean)
        raised.append(spans)
        where.append((p, n))
        boxes.append(ln)
        page_of.append(p - 1)
    lines = dehyphenate(lines, raised)
    text = "\n".join(lines)
    starts = [0]
    for line_text in lines[:-1]:
        starts.append(starts[-1] + len(line_text) + 1)

    def loc(line0: int, col0: int) -> Location:
        page, n = where[line0] if where else (1, 1)
        return Location(path=display_path, line=n, column=col0 + 1, page=page)

    problems: list[Problem] = []
    start = find_start(lines, boxes)
    bib = list_lines(lines, boxes, start) if start is not None else []
    # References first: their first authors vouch for names the word lists reject.
    references, used = _references(lines, boxes, page_of, widths, bib, loc, problems)
    masked = used | ({start} if start is not None else set())
    if start is not None:
        # a supplement after the main list with its own list ("Supplementary
        # References"): its citations name those entries
        for head in supplement_starts(lines, max([start, *bib])):
            more, more_used = _references(
                lines, boxes, page_of, widths, list_lines(lines, boxes, head), loc, problems
            )
            references += more
            masked |= more_used | {head}
    chars = list(text)
    for i in masked:
        for k in range(starts[i], starts[i] + len(lines[i])):
            chars[k] = " "
    from citecheck.citations import extract_citations
    from citecheck.citations.known import listed_names

    superscripts = [
        (starts[i] + a, starts[i] + b)
        for i, spans in enumerate(raised)
        if i not in masked
        for a, b in spans
    ]
    citations: list[Citation] = []
    for c in extract_citations(
        "".join(chars),
        path=display_path,
        index=LineIndex(text),
        superscripts=superscripts,
        numbered_references=sum(r.number is not None for r in references) > len(references) / 2,
        listed_authors=listed_names(references),
    ):
        line0 = c.location.line - 1
        citations.append(c.model_copy(update={"location": loc(line0, c.location.column - 1)}))
    labels = {r.key for r in references if r.key}
    if labels:
        masked_text = "".join(chars)
        keyed = alpha_citations(
            masked_text,
            labels,
            lambda off: loc(*_line_col(starts, off)),
            max((c.group for c in citations), default=0) + 1,
        )
        brackets = {(c.location.page, c.location.line) for c in keyed}
        citations = [
            c
            for c in citations
            if not (
                c.style != "key"
                and (c.location.page, c.location.line) in brackets
                and _inside_bracket(masked_text, c.start)
            )
        ]
        citations = sorted(citations + keyed, key=lambda c: c.start)
    doubt = _untrusted(n_chars, unreadable, references, citations, start, lines)
    if doubt:
        problems.append(
            Problem(
                message=f"the PDF could not be read well enough to check its citations: {doubt}; "
                "its citations and references were not checked (check the source file instead)",
                location=Location(path=display_path),
                kind="pdf-unchecked",
            )
        )
        citations, references = [], []
    # pages before the list that are pictures of text: their citations were not read,
    # so an entry that looks uncited may be cited there
    list_page = page_of[start] if start is not None else len(pages)
    blind = [p + 1 for p in pictured if p < list_page]
    if blind and not doubt:
        problems.append(
            Problem(
                message=f"{_pages(blind)} of the PDF {'is an image' if len(blind) == 1 else 'are images'} "
                "without a text layer: citations there were not read, so uncited entries "
                "are not reported (check the source file, or run OCR)",
                location=Location(path=display_path, page=blind[0]),
                kind="pdf-image-pages",
                evidence={"severity": "warning", "pages": blind},
            )
        )
    return Document(
        path=display_path,
        format="pdf",
        text=text,
        citations=tuple(citations),
        references=tuple(references),
        metadata=_metadata(lines, bib),
        problems=tuple(problems),
        bibliography_found=bool(bib) or bool(doubt),
        allow_uncited=bool(blind),
    )


def _pages(numbers: list[int]) -> str:
    """ "page 4", "pages 13, 14"."""
    shown = ", ".join(str(n) for n in numbers[:10]) + (", ..." if len(numbers) > 10 else "")
    return f"page {shown}" if len(numbers) == 1 else f"pages {shown}"


# TeX sets "í" as a dotless i with an accent on it ("Luı́s"): one letter, as typed
_DOTLESS = {"\u0131\u0301": "í", "\u0131\u0300": "ì", "\u0131\u0302": "î", "\u0131\u0308": "ï"}


def _compose(line: str) -> str:
    """Accented letters as one character (NFC), TeX's dotless-i accents included."""
    if "\u0131" in line:
        for pair, letter in _DOTLESS.items():
            line = line.replace(pair, letter)
    return unicodedata.normalize("NFC", line) if not line.isascii() else line


def _line_col(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset) - 1
    return line, offset - starts[line]


def _inside_bracket(text: str, offset: int) -> bool:
    """Is ``offset`` inside a ``[...]`` of alphabetic labels?"""
    before = text.rfind("[", max(0, offset - 300), offset + 1)
    return before >= 0 and "]" not in text[before:offset] and text.find("]", offset) >= 0


# a line that opens like a reference entry: an optional label, "Surname, X." or
# "Surname, Given" (or "X. Surname,"), and a year later on the line
_ENTRY_LIKE = re.compile(
    r"^\s*(?:\[\d{1,4}\]\s*|\d{1,4}[.)]\s+)?"
    r"(?:[A-Z][^\W\d_]+(?:[-'’ ][^\W\d_]+)?,\s+[A-Z]|(?:[A-Z]\.\s?){1,3}[A-Z][^\W\d_]+,)"
    r".*\b(?:1[6-9]|20)\d\d\b"
)
ENTRY_LIKE_MIN = 3  # this many entry-like lines without a heading: a list was missed


def entry_like_lines(lines: list[str]) -> int:
    """Lines that open like a reference entry (see ``_ENTRY_LIKE``)."""
    return sum(1 for ln in lines if _ENTRY_LIKE.match(ln))


FRAGMENT_CHARS = 40  # a reference entry shorter than this is a fragment of one
FRAGMENT_SHARE = 0.2  # more fragments than this share of the entries: the list fell apart
FRAGMENT_MIN_ENTRIES = 8
MISSING_NUMBERS = 0.25  # share of cited numbers without an entry: the list was misread
UNREADABLE_SHARE = 0.05  # characters without a unicode mapping: a garbled text layer


def _untrusted(
    n_chars: int,
    unreadable: int,
    references: list[Reference],
    citations: list[Citation],
    start: int | None,
    lines: list[str] | None = None,
) -> str | None:
    """Why what was read cannot be trusted, or None.

    A PDF with citations, no list heading and no line anywhere that reads like an entry
    ("Hughes, C. E. ... 2022", "[3] A. Abel, ... 2019") has no reference list: that is
    the manuscript's fault (missing-bibliography), not the reader's, and is not doubted.
    """
    if n_chars and unreadable > UNREADABLE_SHARE * n_chars:
        return (
            f"{unreadable:,} of {n_chars:,} characters have no readable code "
            "(a font without a unicode map)"
        )
    if start is None and citations and entry_like_lines(lines or []) >= ENTRY_LIKE_MIN:
        return f"{len(citations)} citations but no reference list was found"
    fragments = sum(len(r.text.strip()) < FRAGMENT_CHARS for r in references)
    if len(references) >= FRAGMENT_MIN_ENTRIES and fragments > FRAGMENT_SHARE * len(references):
        # an entry has authors, a year, a title and a source: one this short is a piece
        # of a line (measured: at most 1 in 29 on PDFs read well, 24 in 53 on a list
        # whose lines fell apart)
        return (
            f"{fragments} of the {len(references)} reference entries read are fragments "
            f"shorter than {FRAGMENT_CHARS} characters (the list's layout was not recovered)"
        )
    labels = {r.number for r in references if r.number is not None}
    cited = {c.number for c in citations if c.number is not None}
    if len(labels) >= 0.5 * len(references) > 0 and cited:
        missing = cited - labels
        # on the dev pairs every numbered list read whole has all cited numbers (0 %)
        if len(missing) > MISSING_NUMBERS * len(cited):
            return (
                f"{len(missing)} of the {len(cited)} cited numbers have no entry in the "
                f"{len(labels)} numbered entries read (the list was not read whole)"
            )
    return None


def _join_entry(parts: list[str]) -> str:
    """An entry's lines as one string; a DOI or URL broken at a line end, or spread
    by justification inside a line ("10.1007/978- 3- 319"), is closed up."""
    out = ""
    for part in parts:
        part = part.strip()
        if not out:
            out = part
            continue
        last = out.rsplit(" ", 1)[-1]
        if _URLISH.search(last) and not _NEW_WORD.match(part):
            out += part
        else:
            out += " " + part
    for _ in range(20):  # each pass closes one gap per identifier
        closed = _URL_GAP.sub(_close_gap, out)
        if closed == out:
            break
        out = closed
    return _close_spaced(out)


def _close_spaced(text: str) -> str:
    """Close up a DOI or URL printed letter-spaced ("10 . 1109 / MC . 2008 . 306",
    "https : / / host . org / a"; biblatex's breakable URLs): from its start to the
    first two words side by side or a sentence mark ("306. url", " (visited")."""
    out: list[str] = []
    pos = 0
    for m in _SPACED_START.finditer(text):
        if m.start() < pos:
            continue
        end = _SPACED_END.search(text, m.end())
        stop = end.start() if end else len(text)
        out.append(text[pos : m.start()])
        out.append(text[m.start() : stop].replace(" ", ""))
        pos = stop
    out.append(text[pos:])
    return "".join(out)


_P = r"./:~#=%?&_\-+@"
_SPACED_START = re.compile(r"\b(?:10 \. \d{4,9} /|https? : / /)")
_SPACED_END = re.compile(rf"(?<=[^\s{_P}]) (?=[^\s{_P}])|(?<! )[.,;](?= |$)")


def _close_gap(m: re.Match[str]) -> str:
    return m.group(0) if _NEW_WORD.match(m.group(2)) else m.group(1) + m.group(2)


_URLISH = re.compile(
    r"(?:https?://|doi\.org/|\b10\.\d{4,9}/|www\.)\S*[/\-._=?&#:~%]$"
    r"|(?:https?://|doi\.org/|\b10\.\d{4,9}/)\S*[A-Za-z0-9]$"
)
_NEW_WORD = re.compile(
    r"^(?:[A-Z][a-z]+[\s,.:]|\[|\(|(?i:accessed|retrieved|diakses|url\b|available|tersedia))"
)
# a space after a DOI/URL's "-", "/" or "_" inside the identifier, or after "https:"
_URL_GAP = re.compile(r"((?:https?://|doi\.org/|\b10\.\d{4,9}/)\S*?[-/_]|\bhttps?:)\s+(\S+)")


_ALPHA_LABEL = re.compile(r"^\s*\[[^\[\]\s]{1,12}(?: \d{2}[a-z]?)?\]\s*")


def _references(
    lines: list[str],
    boxes: list[PdfLine],
    page_of: list[int],
    widths: list[float],
    bib: list[int],
    loc: Any,
    problems: list[Problem],
) -> tuple[list[Reference], set[int]]:
    """Entries of the reference list, cut by geometry (labels, indents, gaps); by the
    text's own marks when the geometry says nothing. Also the lines the list holds."""
    from citecheck.references import parse_reference, split_entries, to_reference

    if not bib:
        return [], set()
    entries = segment(lines, boxes, page_of, widths, bib)
    used = {i for e in entries for i in e.lines} if entries is not None else set(bib)
    spans: list[tuple[int, str, int | None]] = []
    keys: list[str | None] = []
    if entries is not None:
        for e in entries:
            spans.append((e.lines[0], _join_entry([lines[i] for i in e.lines]), e.number))
            keys.append(e.label)
        if not is_alphabetic(keys):
            keys = []
        else:  # "[Heu16] Marijn J. H. Heule. ...": the label is the key, not the text
            spans = [(at, _ALPHA_LABEL.sub("", entry, count=1), n) for at, entry, n in spans]
    else:
        firsts = list(itertools.accumulate((len(lines[i]) + 1 for i in bib[:-1]), initial=0))
        for sp in split_entries("\n".join(lines[i] for i in bib)):
            line_idx = bib[max(0, bisect.bisect_right(firsts, sp.start) - 1)]
            spans.append((line_idx, " ".join(sp.text.split()), sp.number))
    out: list[Reference] = []
    for n, (line_idx, entry, number) in enumerate(spans):
        if not entry.strip():
            continue
        key = keys[n] if keys else None
        where = loc(line_idx, 0)
        try:
            parsed = parse_reference(entry)
        except Exception as exc:  # the parser is total by contract; stay safe anyway
            problems.append(
                Problem(message=f"reference could not be parsed: {exc}", location=where)
            )
            continue
        out.append(to_reference(parsed, text=entry, location=where, number=number, key=key))
    return out, used


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
