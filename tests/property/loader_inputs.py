"""Build input files of every format from generated text (for the loader properties)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from .strategies import PIECE, SURNAMES, YEARS

# XML 1.0 cannot carry most control characters or surrogates at all; a real DOCX or
# JATS file never contains them, so the generators leave them out.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

LATEX_PIECES = (
    "\\cite{a}",
    "\\citep[p.~3]{a,b}",
    "\\citet{smith19}",
    "\\parencite*{x}",
    "\\autocite[see][]{k}",
    "\\textcite{k1}",
    "\\nocite{*}",
    "\\bibliography{refs}",
    "\\addbibresource{refs.bib}",
    "\\begin{thebibliography}{9}\n",
    "\\bibitem{a} Smith, J. (2019). T. J.\n",
    "\\end{thebibliography}\n",
    "\\begin{document}\n",
    "\\end{document}\n",
    "\\documentclass{article}\n",
    "\\input{chapter}",
    "\\include{../x}",
    "% comment (Smith, 2019)\n",
    "\\verb|\\cite{x}|",
    "\\begin{verbatim}\\cite{v}\\end{verbatim}",
    "{",
    "}",
    "[",
    "]",
    "\\",
    "%",
    "$x$",
    "\\section{References}",
)
BIB_PIECES = (
    "@article{",
    "@book{",
    "@misc{",
    "@string{j = {Journal}}",
    "@comment{x}",
    '@preamble{"x"}',
    "key1,",
    "key2,",
    "author = {",
    "title = ",
    "year = 2019,",
    "doi = {10.1234/x},",
    "journal = j,",
    "crossref = {key1},",
    "}",
    "{",
    '"',
    ",",
    " and ",
    '{\\"u}',
    "\\'e",
    "#",
    "=",
    "\n",
)
RIS_PIECES = (
    "TY  - JOUR\n",
    "AU  - Smith, J.\n",
    "PY  - 2019\n",
    "TI  - A title\n",
    "DO  - 10.1/x\n",
    "ER  - \n",
    "T2  - Journal\n",
    "SP  - 3\n",
    "\n",
)

latex_texts = st.lists(st.one_of(st.sampled_from(LATEX_PIECES), PIECE), max_size=40).map("".join)
bib_texts = st.lists(
    st.one_of(
        st.sampled_from(BIB_PIECES),
        st.sampled_from(SURNAMES),
        st.sampled_from(YEARS),
        st.text(max_size=6),
    ),
    max_size=50,
).map("".join)
ris_texts = st.lists(st.one_of(st.sampled_from(RIS_PIECES), PIECE), max_size=30).map("".join)
paragraph_lists = st.lists(st.one_of(PIECE, st.lists(PIECE, max_size=6).map("".join)), max_size=12)


def xml_safe(text: str) -> str:
    """Text an XML file can carry, escaped."""
    return escape(_XML_BAD.sub("", text))


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    """A minimal DOCX: one ``w:p`` per paragraph, line breaks as ``w:br``."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(
        "<w:p><w:r>"
        + "<w:br/>".join(
            f'<w:t xml:space="preserve">{xml_safe(line)}</w:t>' for line in p.split("\n")
        )
        + "</w:r></w:p>"
        for p in paragraphs
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>")
    return path


def write_jats(path: Path, paragraphs: list[str]) -> Path:
    """A minimal JATS article whose paragraphs cite r1/r2 and list two references."""
    ps = "".join(
        f'<p>{xml_safe(p)} <xref ref-type="bibr" rid="r{i % 3 + 1}">{i % 3 + 1}</xref></p>'
        for i, p in enumerate(paragraphs)
    )
    refs = "".join(
        f'<ref id="r{i}"><mixed-citation>{xml_safe(p)}</mixed-citation></ref>'
        for i, p in enumerate(paragraphs[:2], start=1)
    )
    path.write_text(
        f"<article><body><sec>{ps}</sec></body><back><ref-list>{refs}</ref-list></back></article>",
        encoding="utf-8",
    )
    return path


def write_csl_json(path: Path, names: list[str], text: str) -> Path:
    """A CSL-JSON list mixing sensible and odd items."""
    items: list[object] = [
        {
            "id": f"k{i}",
            "type": "article-journal",
            "title": text,
            "author": [{"family": n, "given": "A."}],
            "issued": {"date-parts": [[2019 + i]]},
        }
        for i, n in enumerate(names)
    ]
    items.extend([{"id": text}, {"title": 3}, [], None, {"author": text}])
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path
