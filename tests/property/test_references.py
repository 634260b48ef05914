"""Properties of the reference-string parser and the bibliography splitter."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from citecheck.model.document import Location
from citecheck.references import parse_reference, split_entries, to_reference

from .invariants import norm, reference_key
from .profiles import PROFILE
from .strategies import manuscripts, texts

_LOC = Location(path="refs.md")


def _fields(text: str) -> tuple[object, ...]:
    parsed = parse_reference(text)
    # The raw text is kept as written; only the parsed fields must agree.
    return reference_key(to_reference(parsed, text="", location=_LOC))


@PROFILE
@given(texts)
def test_parse_is_total_and_deterministic(text: str) -> None:
    first = parse_reference(text)
    assert parse_reference(text) == first
    assert to_reference(first, text=text, location=_LOC).text == text


@PROFILE
@given(texts)
@example("10.1/x---\nreferences:\n- id: a\n  title: T\n---\n")  # CR LF once changed the title
def test_parse_ignores_line_endings_and_normalisation(text: str) -> None:
    base = _fields(text.replace("\r\n", "\n").replace("\r", "\n"))
    assert _fields(text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")) == base
    nfc = _fields(unicodedata.normalize("NFC", text))
    assert _fields(unicodedata.normalize("NFD", text)) == nfc


def _entries(section: str) -> list[tuple[object, ...]]:
    return [(norm(e.text), e.number) for e in split_entries(section)]


@PROFILE
@given(st.one_of(manuscripts, texts))
# Found by this property: a glued-entry cut at an entry's first word gave an empty span.
@example(
    "Smith, A. (2019). . Journal, 1(2), 3–4.\n(Smith, 2019)Smith, A. (2019). . Journal, "
    "1(2), 3–4.\n\n\n## References\n\nSmith, A. (2019). 0. Journal, 1(2), 3–4.\n"
    "Smith, A. (2019). 0. Journal, 1(2), 3–4.\n"
)
def test_split_spans_are_ordered_inside_and_deterministic(section: str) -> None:
    entries = split_entries(section)
    previous = 0
    for e in entries:
        assert previous <= e.start < e.end <= len(section)
        assert section[e.start : e.end].strip() != ""
        previous = e.end
    assert split_entries(section) == entries


@PROFILE
@given(manuscripts)
@example(
    "Smith, A. (2019). T. Journal, 1(2), 3–4.\nMüller, A. (n.d.). T. J, 1, 3–4.\n"
)  # NFD merged
@example(
    "Smith, A. (2019). . Journal, 1(2), 3–4.\nSmith, A. (2019). À. Journal, 1(2), 3–4.\n"
)  # a decomposed 'À.' read as an initial
def test_split_ignores_line_endings_and_normalisation(section: str) -> None:
    lf = section.replace("\r\n", "\n").replace("\r", "\n")
    assert _entries(lf.replace("\n", "\r\n")) == _entries(lf)
    assert _entries(unicodedata.normalize("NFD", lf)) == _entries(unicodedata.normalize("NFC", lf))
