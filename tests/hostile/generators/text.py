"""Markdown/plain text: dense citations, huge lists, long lines, regex traps."""

from __future__ import annotations

from pathlib import Path

from . import Case, case
from ._base import PROSE, apa, cite, repeat_to, small_manuscript, write_chunks

CAPPED = r"only those up to line [\d,]+ were read"


@case("size")
def gen_md_dense_numeric(folder: Path, scale: float) -> Case:
    """20 MB of dense numeric citations ``[n]`` with a 100-entry numbered list."""
    target = int(20_000_000 * scale)
    listing = "\n".join(f"[{i}] {apa(i)}" for i in range(1, 101))
    write_chunks(
        folder / "paper.md",
        [
            "# A study\n\n",
            *repeat_to("".join(f"[{i}] " for i in range(1, 101)) + "\n", target),
            f"\n\n## References\n\n{listing}\n",
        ],
    )
    return Case("", "", ("paper.md",), frozenset({0, 1}), CAPPED)


@case("size")
def gen_md_million_authoryear(folder: Path, scale: float) -> Case:
    """1,000,000 author-year citations of one work (14 MB)."""
    n = int(1_000_000 * scale)
    write_chunks(
        folder / "paper.md",
        [
            "# A study\n\n",
            *repeat_to(f"Text {cite(0)}.\n", n * len(f"Text {cite(0)}.\n")),
            f"\n## References\n\n{apa(0)}\n",
        ],
    )
    return Case("", "", ("paper.md",), frozenset({0, 1}), CAPPED)


@case("size")
def gen_md_20k_list(folder: Path, scale: float) -> Case:
    """A Markdown reference list of 20,000 entries, few of them cited (2 MB)."""
    n = max(int(20_000 * scale), 3_500)  # always past the 3,000 where uncited are summarised
    body = " ".join(f"See {cite(i)}." for i in range(0, n, 97))
    listing = "\n\n".join(apa(i) for i in range(n))
    (folder / "paper.md").write_text(
        f"# A study\n\n{PROSE}{body}\n\n## References\n\n{listing}\n", encoding="utf-8"
    )
    # past 3,000 entries the uncited ones are one finding with counts, not 19,793 warnings
    return Case("", "", ("paper.md",), frozenset({0, 1}), r"[\d,]+ of [\d,]+ reference entries")


@case("size")
def gen_md_50mb_prose(folder: Path, scale: float) -> Case:
    """A 50 MB manuscript of prose with a citation per paragraph (the size limit)."""
    target = int(49_000_000 * scale)
    write_chunks(
        folder / "paper.md",
        [
            "# A study\n\n",
            *repeat_to(PROSE * 3 + cite(0) + ".\n\n", target),
            f"## References\n\n{apa(0)}\n",
        ],
    )
    return Case("", "", ("paper.md",), frozenset({0, 1}))


@case("size")
def gen_md_long_line(folder: Path, scale: float) -> Case:
    """A single 20 MB line: prose and citations without one newline."""
    write_chunks(
        folder / "paper.md",
        [*repeat_to(PROSE + cite(1) + " ", int(20_000_000 * scale)), "References " + apa(1)],
    )
    return Case("", "", ("paper.md",), frozenset({0, 1}))


@case("size")
def gen_txt_cr_only(folder: Path, scale: float) -> Case:
    """10 MB of text with old-Mac ``\\r`` line ends only."""
    write_chunks(
        folder / "paper.txt",
        [
            *repeat_to(PROSE + cite(0) + "\r\r", int(10_000_000 * scale)),
            "References\r\r" + apa(0) + "\r",
        ],
    )
    return Case("", "", ("paper.txt",), frozenset({0, 1}))


_TRAPS = {
    "unclosed_comments": "<!-- x ",
    "open_brackets": "[see ",
    "open_parens": "(Smith ",
    "backticks": "`" * 7 + " ",
    "hash_headings": "# ",
    "blank_lines": "\n",
    "et_al": "et al., ",
    "ampersands": "Smith & ",
    "digits_commas": "1, ",
    "dashes": "----",
    "at_signs": "@a @b [@",
    "doi_prefix": "doi:10.1/",
    "url_chars": "http://x.org/a?b=",
    "caps_words": "SMITH JONES ",
    "initials": "A. B. ",
    "years": "2019a, ",
}


@case("regex")
def gen_md_regex_traps(folder: Path, scale: float) -> Case:
    """Every known regex trap repeated 40,000 times, in the text and in the reference list."""
    n = int(40_000 * max(scale, 0.25))
    pieces = [f"# A study\n\n{PROSE}{cite(0)}\n\n"]
    pieces += [unit * n + "\n\n" for unit in _TRAPS.values()]
    pieces.append("## References\n\n" + apa(0) + "\n\n")
    pieces += [unit * (n // 10) + "\n\n" for unit in _TRAPS.values()]
    write_chunks(folder / "paper.md", pieces)
    return Case("", "", ("paper.md",), frozenset({0, 1}))


@case("nesting")
def gen_md_deep_quotes(folder: Path, scale: float) -> Case:
    """100,000 nested block quotes and list items around a citation."""
    (folder / "paper.md").write_text(
        "> " * 100_000
        + cite(0)
        + "\n\n"
        + "- " * 100_000
        + cite(0)
        + "\n\n## References\n\n"
        + apa(0)
        + "\n",
        encoding="utf-8",
    )
    return Case("", "", ("paper.md",), frozenset({0, 1}))


@case("size")
def gen_md_huge_reference(folder: Path, scale: float) -> Case:
    """One reference entry of 5 MB (no blank line inside)."""
    big = apa(0) + " " + "Word and " * int(5_000_000 * scale / 9)
    (folder / "paper.md").write_text(f"{small_manuscript(1)}\n{big}\n", encoding="utf-8")
    return Case("", "", ("paper.md",), frozenset({0, 1}))


@case("binary")
def gen_binary_named_md(folder: Path, scale: float) -> Case:
    """Random bytes named ``.md`` (and an empty file, and one of NULs)."""
    import random

    rnd = random.Random(20)
    (folder / "paper.md").write_bytes(bytes(rnd.randrange(256) for _ in range(200_000)))
    return Case("", "", ("paper.md",), frozenset({2}), r"binary")


@case("binary")
def gen_empty_and_nul(folder: Path, scale: float) -> Case:
    """A reference file of NUL bytes (would pass a UTF-32 test on zero positions alone)."""
    (folder / "paper.md").write_text(small_manuscript(), encoding="utf-8")
    (folder / "refs.bib").write_bytes(b"\x00" * 100_000)
    return Case("", "", ("paper.md", "-r", "refs.bib"), frozenset({2}), r"binary")


@case("binary")
def gen_nul_late(folder: Path, scale: float) -> Case:
    """UTF-8 text with NUL bytes after the first 8 KiB (a binary test on the head misses them)."""
    head = small_manuscript(3)
    (folder / "paper.md").write_text(
        head + "\n" + "x" * 9000 + "\x00" * 50 + " more\n", encoding="utf-8"
    )
    return Case("", "", ("paper.md",), frozenset({0, 1, 2}))
