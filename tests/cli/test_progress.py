"""The progress line: for a person at a terminal only; says why it waits; --quiet erases it."""

from __future__ import annotations

import io

from citecheck.cli._shared import progress_printer, wants_progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci_for_people_formats() -> None:
    assert wants_progress(_Tty(), "text", env={})
    assert wants_progress(_Tty(), "html", env={})
    assert not wants_progress(io.StringIO(), "text", env={})  # piped, redirected
    assert not wants_progress(_Tty(), "text", env={"CI": "true"})  # GitHub, GitLab set CI
    for fmt in ("json", "sarif", "junit", "github"):
        assert not wants_progress(_Tty(), fmt, env={})


def test_line_is_redrawn_cleared_and_ended() -> None:
    out = _Tty()
    show = progress_printer(out)
    show("registry: 1 found, 0 not found, 0 failed", 1, 3)
    show("registry: Crossref asked us to slow down (HTTP 429); waiting 7 s", 1, 3)
    show("registry: 3 found, 0 not found, 0 failed", 3, 3)
    text = out.getvalue()
    assert text.count("\r") == 3 and text.count("\x1b[K") == 3  # each redraw clears the tail
    assert text.endswith("registry: 3 found, 0 not found, 0 failed 3/3\x1b[K\n")


def test_quiet_leaves_nothing_behind() -> None:
    out = _Tty()
    show = progress_printer(out, keep=False)
    show("registry: waiting 7 s", 0, 2)
    show("registry: 2 found", 2, 2)
    assert out.getvalue().endswith("\r\x1b[K") and "\n" not in out.getvalue()


def test_long_labels_are_cut_to_the_terminal_width() -> None:
    out = _Tty()
    progress_printer(out)("x" * 500, 1, 2)
    line = out.getvalue().strip("\r").removesuffix("\x1b[K")
    assert len(line) < 500 and line.endswith("…")
