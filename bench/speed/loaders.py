"""Speed of the format loaders.

Usage: python -m bench.speed.loaders [ARTICLE.pdf ARTICLE.docx]
Generates a LaTeX project (20 files, 500 BibTeX entries) in a temporary folder and
times the LaTeX loader; with a PDF and a DOCX of a long article (e.g. made with
pandoc from ``../shared/datasets/jats-dev`` via ``../shared/tools/jats_to_text.py``)
also reports pages per second of PDF and DOCX extraction.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from citecheck.loaders import docx, latex, pdf


def make_latex_project(folder: Path, *, files: int = 20, entries: int = 500, seed: int = 1) -> Path:
    """A main file including ``files - 1`` chapters citing ``entries`` keys (plus unknown ones)."""
    rng = random.Random(seed)
    keys = [f"author{i:03d}{1990 + i % 30}" for i in range(entries)]
    bib = [
        f"@article{{{k},\n  author = {{Author{i}, A. and Other{i}, B.}},\n  title = {{Title {i}}},\n"
        f"  journal = {{Journal {i % 17}}},\n  year = {{{1990 + i % 30}}},\n  volume = {{{i % 40}}},\n"
        f"  pages = {{{i}--{i + 9}}}\n}}\n"
        for i, k in enumerate(keys)
    ]
    (folder / "refs.bib").write_text("\n".join(bib), encoding="utf-8")
    (folder / "chapters").mkdir(exist_ok=True)
    includes = []
    for n in range(1, files):
        paras = []
        for _ in range(60):
            cited = ",".join(rng.sample(keys, rng.randint(1, 3)))
            paras.append(
                f"Some sentence about the topic \\citep[p.~{rng.randint(1, 99)}]{{{cited}}}. "
                f"As \\citet{{{rng.choice(keys)}}} argue, more text follows here. % note\n"
            )
        (folder / "chapters" / f"ch{n:02d}.tex").write_text(
            f"\\section{{Chapter {n}}}\n" + "\n".join(paras), encoding="utf-8"
        )
        includes.append(f"\\input{{chapters/ch{n:02d}}}")
    main = (
        "\\documentclass{article}\n\\usepackage{natbib}\n\\begin{document}\n"
        + "\n".join(includes)
        + "\n\\bibliographystyle{plainnat}\n\\bibliography{refs}\n\\end{document}\n"
    )
    (folder / "main.tex").write_text(main, encoding="utf-8")
    return folder / "main.tex"


def _time(fn: object, *args: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        main_tex = make_latex_project(Path(tmp))
        doc = latex.load(main_tex, "main.tex")
        dt = _time(latex.load, main_tex, "main.tex")
        print(f"LaTeX project: 20 files, 500 entries, {len(doc.citations)} citations: {dt:.3f} s")
    if len(sys.argv) >= 3:
        pdf_path, docx_path = Path(sys.argv[1]), Path(sys.argv[2])
        pages = len(pdf.extract_pages(pdf_path))
        dt = _time(pdf.load, pdf_path, pdf_path.name)
        print(
            f"PDF {pdf_path.name}: {pages} pages in {dt:.2f} s = {pages / dt:.1f} pages/s (full load)"
        )
        dt_x = _time(pdf.extract_pages, pdf_path)
        print(f"PDF text extraction only: {pages / dt_x:.1f} pages/s")
        dt = _time(docx.load, docx_path, docx_path.name)
        print(
            f"DOCX {docx_path.name} (same text, {pages} PDF pages): {dt:.2f} s = {pages / dt:.1f} pages/s (full load)"
        )
        dt_x = _time(docx._read, docx_path)
        print(f"DOCX text extraction only: {pages / dt_x:.1f} pages/s")


if __name__ == "__main__":
    main()
