"""Bad and hostile input: never a crash, never a regex that runs for minutes."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.model.document import Location
from citecheck.references import parse_reference, split_entries, to_reference


def _quick(fn: object, *args: str) -> float:
    t0 = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return time.perf_counter() - t0


def test_pathological_strings_are_fast() -> None:
    hostile = [
        "Smith, " * 50_000,
        "Smith, J., " * 50_000,
        "Smith AB, " * 50_000,
        "a" * 1_000_000,
        "(" * 300_000,
        "10.1234/" + ")" * 300_000,
        "http://" + "a." * 300_000,
        "Ab Cd " * 150_000,
        "“" * 200_000,
    ]
    for s in hostile:
        # Generous bounds: each takes milliseconds; a backtracking regex takes minutes.
        assert _quick(parse_reference, s) < 2.0
        assert _quick(split_entries, s[:300_000]) < 2.0


def test_large_section_splits_quickly() -> None:
    section = "Smith, J. (2019). Title of a work.\nJournal, 1(2), 3-4.\n" * 2_000
    t0 = time.perf_counter()
    entries = split_entries(section)
    assert time.perf_counter() - t0 < 3.0
    assert len(entries) == 2_000


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_parse_never_raises(text: str) -> None:
    parsed = parse_reference(text)
    ref = to_reference(parsed, text=text, location=Location(path="x.md"))
    assert ref.text == text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab.,;:()[]&- \n12“”\"'")), max_size=400))
def test_split_spans_are_ordered_and_inside(text: str) -> None:
    prev_end = 0
    for e in split_entries(text):
        assert prev_end <= e.start < e.end <= len(text)
        prev_end = e.end


def test_to_reference_copies_fields() -> None:
    parsed = parse_reference(
        "[3] A. Smith, “A title,” J. Tests, vol. 2, pp. 1–2, 2020. doi:10.1000/ABC"
    )
    ref = to_reference(parsed, text="raw", location=Location(path="p.md", line=4), number=3)
    assert (ref.number, ref.year, ref.volume, ref.doi, ref.source) == (
        3,
        "2020",
        "2",
        "10.1000/ABC",
        "bibliography",
    )
    assert ref.authors[0].family == "Smith"
    assert ref.kind == "article"
