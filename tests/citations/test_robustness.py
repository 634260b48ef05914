"""Hostile input: deep nesting, huge lines, many citations, blanked regions."""

from __future__ import annotations

import time

from citecheck.citations import extract_citations


def run(text: str) -> tuple[int, float]:
    """Citations found and CPU seconds used (CPU time: CI machines are shared)."""
    t0 = time.process_time()
    out = extract_citations(text, path="x.md")
    return len(out), time.process_time() - t0


def test_deeply_nested_brackets_are_fast():
    count, seconds = run("(" * 100_000 + "Smith, 2019" + ")" * 100_000)
    assert count == 1
    assert seconds < 5  # linear work takes well under a second; quadratic would take hours


def test_megabyte_line_is_fast():
    for text in (
        "word (Smith " * 90_000,
        "(a" * 500_000,
        ")" * 1_000_000,
        "Aaa " * 250_000 + "(2019)",
    ):
        _count, seconds = run(text)
        assert seconds < 5


def test_unclosed_brackets_do_not_swallow_paragraphs(cite):
    text = "A broken (bracket starts here.\n\nNew paragraph (Smith, 2019)."
    (c,) = cite(text)
    assert c.authors == ("Smith",)


def test_mismatched_closer(cite):
    (c,) = cite("Text (see [Smith, 2019) more.")
    assert c.authors == ("Smith",)


def test_blanked_regions_keep_offsets(cite):
    text = "Intro (Smith, 2019).\n" + " " * 40 + "\nAfter (Lee, 2020)."
    a, b = cite(text)
    assert (a.location.line, b.location.line, b.location.column) == (1, 3, 8)


def test_empty_and_odd_input(cite):
    assert cite("") == []
    assert cite("()[](((]]]") == []
    assert cite("\0\0(\0, 2019)") == []


def test_many_citations():
    para = "Governance (Ansell & Gash, 2007; Emerson & Nabatchi, 2015). Menurut Sugiyono (2019) benar.\n\n"
    count, _seconds = run(para * 500)
    assert count == 1500
