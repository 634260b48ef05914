"""Limits on PDFs before PDFium renders text from them.

PDFium parses a page's whole content stream when the page is loaded, and cannot be
interrupted; a stream of a few MB that inflates to millions of text operations takes
minutes and gigabytes. So the compressed streams are measured first (inflating at
most :data:`MAX_CONTENT_BYTES` + 1 bytes of each, images skipped), and documents with
more than :data:`MAX_PAGES` pages are refused: reading only the first pages would miss
the reference list at the end, which is worse than saying so.
"""

from __future__ import annotations

import re
import zlib

MAX_PAGES = 2500  # a long thesis or book has under 1,000
MAX_CONTENT_BYTES = 16_000_000  # one inflated non-image stream; a dense page is < 1 MB
_STREAM = re.compile(rb"stream\r?\n")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")


def oversized_stream(data: bytes) -> int | None:
    """The offset of a Flate stream that is not an image and inflates past the limit."""
    view = memoryview(data)  # slices without copies
    for m in _STREAM.finditer(data):
        if data[m.start() - 3 : m.start()] == b"end":
            continue
        head = data[max(0, m.start() - 1000) : m.start()]
        starts = [o.end() for o in _OBJ.finditer(head)]
        head = head[starts[-1] :] if starts else head
        if b"/FlateDecode" not in head or b"/Image" in head:
            continue
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(view[m.end() :], MAX_CONTENT_BYTES + 1)
        except zlib.error:
            continue
        if len(out) > MAX_CONTENT_BYTES:
            return m.start()
    return None
