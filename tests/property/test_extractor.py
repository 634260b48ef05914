"""Properties of :func:`citecheck.citations.extract_citations` on arbitrary text."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given

from citecheck.citations import extract_citations

from .invariants import check_spans, citation_key
from .profiles import PROFILE
from .strategies import texts


@PROFILE
@given(texts)
@example("(Mu\u0308ller, 2019) and So\u0308rensen (2020)")  # NFD names once lost citations
def test_spans_slice_back_and_run_is_deterministic(text: str) -> None:
    first = extract_citations(text, path="p.md")
    check_spans(text, first, "p.md")
    assert extract_citations(text, path="p.md") == first


@PROFILE
@given(texts)
def test_line_endings_do_not_matter(text: str) -> None:
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    crlf = lf.replace("\n", "\r\n")
    got_lf = extract_citations(lf, path="p.md")
    got_crlf = extract_citations(crlf, path="p.md")
    check_spans(crlf, got_crlf, "p.md")
    assert [citation_key(c) for c in got_crlf] == [citation_key(c) for c in got_lf]
    # Line numbers agree too: CR LF is one line break, not two.
    assert [c.location.line for c in got_crlf] == [c.location.line for c in got_lf]


@PROFILE
@given(texts)
@example("Smith (2019)\u1100\u1161")  # Hangul jamo compose with each other, not with ")"
@example("Menurut Mu\u0308ller dan C\u0327elik (2019) benar (O\u0308ztu\u0308rk & Lee, 2020).")
def test_unicode_normalisation_does_not_matter(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    got_nfc = extract_citations(nfc, path="p.md")
    got_nfd = extract_citations(nfd, path="p.md")
    check_spans(nfd, got_nfd, "p.md")
    assert [citation_key(c) for c in got_nfd] == [citation_key(c) for c in got_nfc]
