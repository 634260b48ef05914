"""Compare PDF text extraction libraries on accuracy (word 4-gram recall against the
source text, which punishes column interleaving and broken words) and speed.

Usage: python -m bench.accuracy.pdf_libraries PDF SOURCE.md [PDF SOURCE.md ...]
The PDFs are made from Markdown with pandoc (two-column LaTeX), so the Markdown is
the ground truth. Libraries that are not installed are skipped.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path


def _pypdf(path: Path) -> list[str]:
    import pypdf

    return [p.extract_text() or "" for p in pypdf.PdfReader(path).pages]


def _pdfminer(path: Path) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    return [
        "\n".join(el.get_text() for el in page if isinstance(el, LTTextContainer))
        for page in extract_pages(str(path))
    ]


def _pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def _pymupdf(path: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(path) as doc:
        return [p.get_text(sort=False) for p in doc]


def _pypdfium2(path: Path) -> list[str]:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def _citecheck(path: Path) -> list[str]:
    from citecheck.loaders.pdf import extract_pages

    return ["\n".join(line.text for line in page) for page in extract_pages(path)]


LIBRARIES: dict[str, Callable[[Path], list[str]]] = {
    "pypdf": _pypdf,
    "pdfminer.six": _pdfminer,
    "pdfplumber": _pdfplumber,
    "PyMuPDF": _pymupdf,
    "pypdfium2": _pypdfium2,
    "citecheck (pypdfium2 + layout)": _citecheck,
}


def _words(text: str) -> list[str]:
    text = re.sub(r"[#*_>`\[\]()]", " ", text)
    return re.findall(r"[A-Za-z]{2,}", text.lower())


def _recall(source: str, extracted: str, n: int = 4) -> float:
    a, b = _words(source), _words(extracted)
    grams = {tuple(b[i : i + n]) for i in range(len(b) - n + 1)}
    want = [tuple(a[i : i + n]) for i in range(len(a) - n + 1)]
    return sum(1 for g in want if g in grams) / max(1, len(want))


def main() -> None:
    args = sys.argv[1:]
    pairs = [(Path(args[i]), Path(args[i + 1])) for i in range(0, len(args), 2)]
    print("| library | file | pages | seconds | pages/s | 4-gram recall |")
    print("|---|---|---|---|---|---|")
    for name, fn in LIBRARIES.items():
        for pdf, src in pairs:
            try:
                t0 = time.perf_counter()
                pages = fn(pdf)
                dt = time.perf_counter() - t0
            except ImportError:
                continue
            rec = _recall(src.read_text(encoding="utf-8"), "\n".join(pages))
            print(
                f"| {name} | {pdf.name} | {len(pages)} | {dt:.2f} | {len(pages) / dt:.1f} | {rec:.3f} |"
            )


if __name__ == "__main__":
    main()
