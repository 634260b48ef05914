"""DOCX (zip) bombs and huge parts; PDFs with huge page and object counts."""

from __future__ import annotations

import random
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

from . import Case, case
from ._base import PROSE, apa, cite

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def _para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def write_docx(path: Path, body: Iterable[str], *, level: int = 6) -> None:
    """A minimal DOCX whose ``word/document.xml`` body is streamed from ``body``."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", _CT)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>'.encode())
            for piece in body:
                fh.write(piece.encode())
            fh.write(b"</w:body></w:document>")


def docx_paragraphs(target_bytes: int, refs: int = 100, seed: int = 20) -> Iterable[str]:
    """Prose paragraphs with citations up to ``target_bytes`` of XML, then a reference list.

    A pool of 2,000 varied paragraphs is drawn from at random, so the part deflates
    about 5:1 like real text (not 1,000:1 like one repeated paragraph).
    """
    rnd = random.Random(seed)
    words = PROSE.split()
    pool = [
        _para(" ".join(rnd.choice(words) for _ in range(60)) + f" {cite(rnd.randrange(refs))}.")
        for _ in range(2000)
    ]
    size = 0
    while size < target_bytes:
        block = "".join(rnd.choices(pool, k=200))
        size += len(block)
        yield block
    yield _para("References")
    for i in range(refs):
        yield _para(apa(i))


@case("container")
def gen_docx_zip_bomb(folder: Path, scale: float) -> Case:
    """A 150 MB ``document.xml`` of one repeated paragraph, deflated about 1,000:1."""
    unit = _para(PROSE + cite(0))
    n = int(150_000_000 * max(scale, 0.05)) // len(unit)
    write_docx(folder / "paper.docx", (unit * 1000 for _ in range(n // 1000)), level=9)
    return Case("", "", ("paper.docx",), frozenset({2}), r"zip bomb|compresses")


@case("container")
def gen_docx_under_ratio(folder: Path, scale: float) -> Case:
    """A ``document.xml`` of 190 MB that deflates below the ratio limit (refused by size)."""
    write_docx(folder / "paper.docx", docx_paragraphs(int(190_000_000 * scale)), level=9)
    return Case("", "", ("paper.docx",), frozenset({0, 1, 2}))


@case("container")
def gen_docx_many_members(folder: Path, scale: float) -> Case:
    """A DOCX of 4,999 empty parts plus a document (under the member cap)."""
    path = folder / "paper.docx"
    write_docx(path, [_para(PROSE + cite(0)), _para("References"), _para(apa(0))])
    with zipfile.ZipFile(path, "a") as z:
        for i in range(4990):
            z.writestr(f"word/media/x{i}.xml", "")
    return Case("", "", ("paper.docx",), frozenset({0, 1, 2}))


@case("nesting")
def gen_docx_deep_xml(folder: Path, scale: float) -> Case:
    """A ``document.xml`` whose body nests 40,000 ``w:sdt``/``w:sdtContent`` levels.

    Under 1 MB uncompressed, so the zip-ratio check (parts over 1 MB) does not stop it.
    """
    d = 20_000
    write_docx(
        folder / "paper.docx",
        [
            "<w:sdt><w:sdtContent>" * d,
            _para(PROSE + cite(0)),
            "</w:sdtContent></w:sdt>" * d,
            _para("References"),
            _para(apa(0)),
        ],
    )
    return Case("", "", ("paper.docx",), frozenset({0, 1, 2}))


@case("container")
def gen_docx_lying_header(folder: Path, scale: float) -> Case:
    """A zip whose central directory declares a tiny size for a large member."""
    path = folder / "paper.docx"
    write_docx(path, [_para(PROSE + cite(0)) * 20000])
    data = bytearray(path.read_bytes())
    # Patch the uncompressed size in the central directory entry of document.xml.
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(b"word/document.xml"))
    if cd >= 0:
        data[cd + 24 : cd + 28] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return Case("", "", ("paper.docx",), frozenset({2}))


# --- PDF -----------------------------------------------------------------------------------


class PdfWriter:
    """Writes a PDF object by object, keeping the xref offsets (no library)."""

    def __init__(self, path: Path) -> None:
        self.fh = path.open("wb")
        self.offsets: list[int] = []
        self.pos = 0
        self._out(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def _out(self, data: bytes) -> None:
        self.fh.write(data)
        self.pos += len(data)

    def obj(self, body: bytes, stream: bytes | None = None) -> int:
        """Write the next object; returns its number."""
        self.offsets.append(self.pos)
        num = len(self.offsets)
        if stream is None:
            self._out(b"%d 0 obj\n%s\nendobj\n" % (num, body))
        else:
            self._out(b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (num, body, stream))
        return num

    def reserve(self) -> int:
        """An object number to be written later with :meth:`fill`."""
        self.offsets.append(-1)
        return len(self.offsets)

    def fill(self, num: int, body: bytes) -> None:
        """Write a reserved object."""
        self.offsets[num - 1] = self.pos
        self._out(b"%d 0 obj\n%s\nendobj\n" % (num, body))

    def close(self, root: int) -> None:
        """The xref table and trailer."""
        xref = self.pos
        self._out(b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.offsets) + 1))
        self._out(b"".join(b"%010d 00000 n \n" % max(o, 0) for o in self.offsets))
        self._out(
            b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(self.offsets) + 1, root, xref)
        )
        self.fh.close()


def _text_stream(lines: list[str]) -> bytes:
    ops = [b"BT /F1 10 Tf 72 760 Td 12 TL"]
    for ln in lines:
        safe = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + safe.encode("latin-1", "replace") + b") '")
    ops.append(b"ET")
    return b"\n".join(ops)


def write_pdf(path: Path, pages: int, *, extra_objects: int = 0, flate_copies: int = 0) -> None:
    """A PDF of ``pages`` pages that share content streams (so it stays small)."""
    w = PdfWriter(path)
    catalog, tree = w.reserve(), w.reserve()
    font = w.obj(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    body = _text_stream([PROSE[:90], PROSE[90:] + cite(0), "More text " + cite(1) + "."])
    if flate_copies:
        raw = b"\n".join([_text_stream([PROSE[:90]])] * flate_copies)
        content = w.obj(
            b"<< /Length %d /Filter /FlateDecode >>" % len(z := zlib.compress(raw, 9)), z
        )
    else:
        content = w.obj(b"<< /Length %d >>" % len(body), body)
    refs = _text_stream(["References", apa(0), apa(1)])
    last = w.obj(b"<< /Length %d >>" % len(refs), refs)
    kids = []
    for i in range(pages):
        kids.append(
            w.obj(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources "
                b"<< /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (tree, font, last if i == pages - 1 else content)
            )
        )
    for i in range(extra_objects):
        w.obj(b"<< /N %d >>" % i)
    w.fill(
        tree,
        b"<< /Type /Pages /Count %d /Kids [%s] >>"
        % (pages, b" ".join(b"%d 0 R" % k for k in kids)),
    )
    w.fill(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    w.close(catalog)


@case("container")
def gen_pdf_many_pages(folder: Path, scale: float) -> Case:
    """A PDF of 200,000 pages sharing one content stream (about 20 MB)."""
    write_pdf(folder / "paper.pdf", max(100, int(200_000 * scale)))
    return Case("", "", ("paper.pdf",), frozenset({0, 1, 2}))


@case("container")
def gen_pdf_many_objects(folder: Path, scale: float) -> Case:
    """A two-page PDF with 800,000 unused objects (about 44 MB)."""
    write_pdf(folder / "paper.pdf", 2, extra_objects=int(800_000 * scale))
    return Case("", "", ("paper.pdf",), frozenset({0, 1, 2}))


@case("container")
def gen_pdf_flate_bomb(folder: Path, scale: float) -> Case:
    """A content stream of 3 million text lines deflated into about 1 MB, on 10 pages."""
    write_pdf(folder / "paper.pdf", 10, flate_copies=3_000_000)  # small file at any scale
    return Case("", "", ("paper.pdf",), frozenset({0, 1, 2}))


@case("nesting")
def gen_pdf_deep_pages(folder: Path, scale: float) -> Case:
    """A page tree nested 50,000 levels deep."""
    w = PdfWriter(folder / "paper.pdf")
    font = w.obj(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    body = _text_stream([PROSE[:90], cite(0)])
    content = w.obj(b"<< /Length %d >>" % len(body), body)
    depth = 50_000
    nodes = [w.reserve() for _ in range(depth)]
    page = w.reserve()
    for i, n in enumerate(nodes):
        kid = nodes[i + 1] if i + 1 < depth else page
        parent = b" /Parent %d 0 R" % nodes[i - 1] if i else b""
        w.fill(n, b"<< /Type /Pages /Count 1 /Kids [%d 0 R]%s >>" % (kid, parent))
    w.fill(
        page,
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font "
        b"<< /F1 %d 0 R >> >> /Contents %d 0 R >>" % (nodes[-1], font, content),
    )
    catalog = w.obj(b"<< /Type /Catalog /Pages %d 0 R >>" % nodes[0])
    w.close(catalog)
    return Case("", "", ("paper.pdf",), frozenset({0, 1, 2}))
