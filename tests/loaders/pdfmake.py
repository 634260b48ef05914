"""Tiny PDFs for the PDF reader's tests: text placed at given points (no library).

Each run of text is drawn with Helvetica (WinAnsi encoding) by its own text matrix,
so a test can put a line anywhere, at any size, or at a slant (a watermark).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

WIDTH = 595.0
HEIGHT = 842.0


@dataclass(frozen=True)
class Run:
    """One run of text: its baseline origin, font size and angle in degrees."""

    x: float
    y: float
    text: str
    size: float = 10.0
    angle: float = 0.0
    # set at "1 Tf" with the size in the text matrix, as macOS Quartz writes a Word file
    in_matrix: bool = False


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(runs: list[Run]) -> bytes:
    ops: list[bytes] = []
    for r in runs:
        a = math.radians(r.angle)
        cos, sin = math.cos(a), math.sin(a)
        tf, scale = (1.0, r.size) if r.in_matrix else (r.size, 1.0)
        cos, sin = cos * scale, sin * scale
        ops.append(
            b"BT /F1 %.2f Tf %.4f %.4f %.4f %.4f %.2f %.2f Tm (%s) Tj ET"
            % (tf, cos, sin, -sin, cos, r.x, r.y, _escape(r.text))
        )
    return b"\n".join(ops)


def write_pdf(
    path: Path, pages: list[list[Run]], *, pictures: frozenset[int] = frozenset()
) -> Path:
    """Write ``pages`` (runs of text each) as a PDF at ``path``; the pages numbered in
    ``pictures`` (from 0) are also covered by one grey image (a scanned page)."""
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    )
    kids = []
    for n, runs in enumerate(pages):
        stream = _content(runs)
        if n in pictures:
            stream = b"q %d 0 0 %d 0 0 cm /Im1 Do Q\n" % (WIDTH, HEIGHT) + stream
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
                b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> "
                b"/Contents %d 0 R >>" % (tree, WIDTH, HEIGHT, font, image, content)
            )
        )
    objects[tree - 1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
        len(kids),
        b" ".join(b"%d 0 R" % k for k in kids),
    )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def lines(
    x: float, top: float, texts: list[str], *, pitch: float = 12.0, size: float = 10.0
) -> list[Run]:
    """Runs for consecutive lines starting at ``top``, each ``pitch`` below the last;
    a text starting with spaces is indented by 15 points (a hanging indent)."""
    out = []
    for n, text in enumerate(texts):
        indent = 15.0 if text.startswith(" ") else 0.0
        out.append(Run(x + indent, top - n * pitch, text.strip(), size))
    return out
