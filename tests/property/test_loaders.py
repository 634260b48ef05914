"""Properties every loader keeps on generated input of its format.

A loader returns a :class:`~citecheck.model.document.Document` (reference loaders: a list of
references and problems) or raises :class:`~citecheck.model.errors.InputError` for input
that is not of its kind; nothing else escapes. Citation spans slice ``Document.text``
back to the citation's text. Text formats are read through the same decoder, so a
file saved with CR LF gives exactly the document an LF file gives, and a file in NFD
the same citations and references modulo offsets (see ``invariants``).
"""

from __future__ import annotations

import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from citecheck.loaders import load_manuscript, load_reference_file
from citecheck.loaders.bibtex import parse_bibtex_string
from citecheck.loaders.markdown import parse_markdown
from citecheck.model.document import Document
from citecheck.model.errors import InputError

from .invariants import check_spans, citation_key, reference_key
from .loader_inputs import (
    bib_texts,
    latex_texts,
    paragraph_lists,
    ris_texts,
    write_csl_json,
    write_docx,
    write_jats,
)
from .profiles import HEAVY, PROFILE
from .strategies import SURNAMES, manuscripts, texts


def _load(name: str, data: bytes) -> Any:
    """Load ``data`` saved as ``name`` in a fresh folder; InputError becomes None."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        loader: Callable[[Path, str], Any] = (
            load_reference_file
            if path.suffix in (".bib", ".ris", ".json", ".yaml")
            else load_manuscript
        )
        try:
            return loader(path, name)
        except InputError:
            return None


def _doc_ok(doc: Document | None) -> None:
    if doc is not None:
        check_spans(doc.text, doc.citations, doc.path, located=doc.format in ("markdown", "text"))


def _same_modulo_offsets(a: Any, b: Any) -> None:
    if isinstance(a, Document) and isinstance(b, Document):
        assert [citation_key(c) for c in a.citations] == [citation_key(c) for c in b.citations]
        refs_a, refs_b = a.references, b.references
    else:
        assert (a is None) == (b is None)
        refs_a, refs_b = (a or ([], []))[0], (b or ([], []))[0]
    assert [reference_key(r) for r in refs_a] == [reference_key(r) for r in refs_b]


def _forms(text: str, name: str) -> None:
    """LF, CR LF and NFD copies of one text file agree."""
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    base = _load(name, lf.encode("utf-8", "surrogatepass"))
    if isinstance(base, Document):
        _doc_ok(base)
    crlf = _load(name, lf.replace("\n", "\r\n").encode("utf-8", "surrogatepass"))
    if "\x00" not in lf:
        # The decoder normalises line ends before anything reads them. Bytes with a NUL
        # may be a wide encoding (UTF-16/32) where inserting a one-byte CR is not a line
        # end but a shift of every later character, so no equality is owed there.
        assert crlf == base
    nfc = _load(name, unicodedata.normalize("NFC", lf).encode("utf-8", "surrogatepass"))
    nfd = _load(name, unicodedata.normalize("NFD", lf).encode("utf-8", "surrogatepass"))
    if isinstance(nfd, Document):
        _doc_ok(nfd)
    _same_modulo_offsets(nfd, nfc)


@PROFILE
@given(st.one_of(manuscripts, texts))
# Found by bench/fuzz/text.py: a narrative name ran across a blanked URL, and the
# citation's text (from the blanked body) no longer sliced the file's text.
@example(
    "Menurut Sugiyono ddn (Ansell & Gash, 2008; Emer Daf.t. https://doi.org/eourut Sugiyono (2019) x."
)
def test_markdown_string(text: str) -> None:
    doc = parse_markdown(text, "p.md")
    check_spans(text, doc.citations, "p.md")
    assert doc.text == text
    assert parse_markdown(text, "p.md") == doc


@HEAVY
@given(manuscripts)
# Found by this property: Pandoc keys in NFD (a combining mark ended the key, and an @
# after a decomposed letter was taken for a citation).
@example("(Smith, 2019)[@smith2019](Smith, 2019)Smith, A. (2019). @\u00c0. Journal, 1(2), 3.\n")
@example("(Smith, 2019)\u00d9@lee2020 says(Smith, 2019)[@smith2019]\n")
def test_markdown_and_text_files(text: str) -> None:
    _forms(text, "paper.md")
    _forms(text, "paper.txt")


@HEAVY
@given(latex_texts)
def test_latex_files(text: str) -> None:
    _forms(text, "paper.tex")


@PROFILE
@given(bib_texts)
def test_bibtex_string(text: str) -> None:
    refs, problems = parse_bibtex_string(text, "refs.bib")
    assert parse_bibtex_string(text, "refs.bib") == (refs, problems)
    lines = text.count("\n") + 1
    assert all(1 <= r.location.line <= lines for r in refs)
    assert all(1 <= p.location.line <= lines for p in problems)


@HEAVY
@given(bib_texts)
def test_bibtex_files(text: str) -> None:
    _forms(text, "refs.bib")


@HEAVY
@given(ris_texts)
def test_ris_files(text: str) -> None:
    _forms(text, "refs.ris")


@HEAVY
@given(st.lists(st.sampled_from(SURNAMES), max_size=4), texts)
def test_csl_json_files(names: list[str], text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_csl_json(Path(tmp) / "refs.json", names, text)
        # a valid JSON list is a reference file: odd items are skipped, never fatal
        refs, _problems = load_reference_file(path, "refs.json")
        families = [a.family for r in refs for a in r.authors]
        assert len(refs) >= len(names)
        assert all(n in families for n in names)


@HEAVY
@given(
    st.lists(
        st.one_of(st.sampled_from(("- id: k\n", "  title: x\n", "  author:\n", ": :", "---\n"))),
        max_size=20,
    ).map("".join)
)
def test_csl_yaml_files(text: str) -> None:
    _forms(text, "refs.yaml")


@HEAVY
@given(paragraph_lists)
def test_docx_files(paragraphs: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        first = load_manuscript(write_docx(Path(tmp) / "a.docx", paragraphs), "a.docx")
        _doc_ok(first)
        nfd = [unicodedata.normalize("NFD", p) for p in paragraphs]
        nfc = [unicodedata.normalize("NFC", p) for p in paragraphs]
        got_nfd = load_manuscript(write_docx(Path(tmp) / "b.docx", nfd), "a.docx")
        got_nfc = load_manuscript(write_docx(Path(tmp) / "c.docx", nfc), "a.docx")
        _same_modulo_offsets(got_nfd, got_nfc)


@HEAVY
@given(paragraph_lists)
def test_jats_files(paragraphs: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        doc = load_manuscript(write_jats(Path(tmp) / "a.xml", paragraphs), "a.xml")
        _doc_ok(doc)
        assert len(doc.references) == min(len(paragraphs), 2)


@HEAVY
@given(st.binary(max_size=2000), st.sampled_from((b"", b"%PDF-1.4\n", b"PK\x03\x04")))
def test_garbage_binary_is_input_error(data: bytes, head: bytes) -> None:
    for name in ("a.pdf", "a.docx", "a.xml"):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            path.write_bytes(head + data)
            with pytest.raises(InputError):
                load_manuscript(path, name)
