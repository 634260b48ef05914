"""Float content in the text flow (tables, captions, boxes), read from structure."""

from __future__ import annotations

import time

import pytest

from citecheck.text.floats import (
    inside,
    is_box_heading,
    is_caption_paragraph,
    markdown_floats,
)


@pytest.mark.parametrize(
    "text",
    [
        "Figure 2. Sleep by age.",
        "**Table 1:** Characteristics of the studies.",
        "Fig 3 The model of sleep pressure.",
        "Table S1 Key features of the trials",
        "Tabel 2.1 Data penelitian",
        "*Abbildung 4* – Verlauf",
        "Box 1. Milestones",
    ],
)
def test_captions(text: str) -> None:
    assert is_caption_paragraph(text)


@pytest.mark.parametrize(
    "text",
    [
        "Table 2 presents the results of the second experiment.",
        "Fig. 4 shows the probabilities.",
        "Figs. 5A-5D show the growth.",
        "Figure skating is a sport.",
        "The table below lists the trials.",
    ],
)
def test_prose_is_not_a_caption(text: str) -> None:
    assert not is_caption_paragraph(text)


def test_box_headings() -> None:
    assert is_box_heading("Box 1. A decade of milestones")
    assert is_box_heading("Box 2")
    assert not is_box_heading("Boxplots of the scores")


def _covered(text: str, floats: tuple[tuple[int, int], ...], needle: str) -> bool:
    return inside(floats, text.index(needle))


def test_markdown_structures() -> None:
    text = (
        "Intro.\n\n"
        "| A | B |\n|---|---|\n| x | cell |\n\n"
        "Table: a pandoc caption\n\n"
        "Prose after.\n\n"
        "A | B\n--- | ---\nx | bare cell\n\n"
        "<table><tr><td>html cell</td></tr></table>\n\n"
        "![a figure caption [@key]](fig.png)\n\n"
        "Figure 1. A legend\ngoing on.\n\n"
        "Closing prose.\n"
    )
    floats = markdown_floats(text)
    for needle in (
        "cell",
        "a pandoc caption",
        "bare cell",
        "html cell",
        "figure caption",
        "going on",
    ):
        assert _covered(text, floats, needle), needle
    for needle in ("Intro", "Prose after", "Closing prose"):
        assert not _covered(text, floats, needle), needle


def test_a_captioned_table_takes_its_note_and_a_box_its_section() -> None:
    text = (
        "# Title\n\nText.\n\n"
        "Table 1 Trials.\n\n| a | b |\n\n| c | d |\n\n"
        "Adapted from earlier work.\n\n"
        "More text.\n\n"
        "### Box 1. Naps\n\nBox text.\n\n#### Inside\n\nStill box.\n\n"
        "## Next\n\nAfter.\n"
    )
    headings = [
        (line.lstrip("#").strip(), len(line) - len(line.lstrip("#")), text.index(line), 0)
        for line in text.split("\n")
        if line.startswith("#")
    ]
    floats = markdown_floats(text, headings)
    for needle in ("| c | d |", "Adapted from", "Box text", "Still box"):
        assert _covered(text, floats, needle), needle
    for needle in ("Text.", "More text", "After."):
        assert not _covered(text, floats, needle), needle


def test_unclosed_markup_stays_linear() -> None:
    start = time.perf_counter()
    markdown_floats("<table>" * 20000 + "![" * 20000 + "| x\n" * 20000)
    assert time.perf_counter() - start < 5


def test_many_delimiter_rows_and_box_headings_stay_linear() -> None:
    start = time.perf_counter()
    text = "a | b\n" + "---|---\n" * 30000 + "### Box 1\n\nx\n\n" * 3000
    markdown_floats(text, [("Box 1", 3, i, i) for i in range(3000)])
    assert time.perf_counter() - start < 5
