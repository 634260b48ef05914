"""Shared pieces: made-up names, references, prose and writers that stream big files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

_SYLLABLES = "ba ko ri su ta me no la pi de gu ha ji lo mu ne po ra si to".split()
PROSE = (
    "Groundwater recharge in tropical basins depends on land cover and rainfall intensity, "
    "and the governance of shared aquifers remains contested among local agencies. "
)


def surname(i: int) -> str:
    """A distinct made-up surname for every i (four syllables: 160,000 names)."""
    out = ""
    for _ in range(4):
        i, k = divmod(i, len(_SYLLABLES))
        out += _SYLLABLES[k]
    return out.capitalize()


def year(i: int) -> int:
    """A year for reference i."""
    return 1990 + i % 30


def apa(i: int) -> str:
    """An APA-style reference string for made-up work i."""
    return (
        f"{surname(i)}, A. ({year(i)}). Study number {i} of recharge. "
        f"Journal of Tests, {i % 50}(2), 1–{i % 90 + 10}."
    )


def cite(i: int) -> str:
    """A parenthetical author-year citation of work i."""
    return f"({surname(i)}, {year(i)})"


def bib_entry(i: int, extra: str = "") -> str:
    """A BibTeX entry with key ``k{i}``."""
    return (
        f"@article{{k{i},\n  author = {{{surname(i)}, A.}},\n  title = {{Study {i}}},\n"
        f"  journal = {{J}},\n  year = {{{year(i)}}},{extra}\n}}\n\n"
    )


def small_manuscript(refs: int = 3) -> str:
    """A short valid Markdown manuscript citing works 0..refs-1 and listing them."""
    body = " ".join(f"As shown {cite(i)}." for i in range(refs))
    listing = "\n\n".join(apa(i) for i in range(refs))
    return f"# A study\n\n{PROSE}{body}\n\n## References\n\n{listing}\n"


def write_chunks(path: Path, chunks: Iterable[str], *, encoding: str = "utf-8") -> None:
    """Write a large file piece by piece (no giant string in the generator)."""
    with path.open("w", encoding=encoding, newline="") as fh:
        for chunk in chunks:
            fh.write(chunk)


def repeat_to(unit: str, target_bytes: int) -> Iterable[str]:
    """``unit`` repeated in blocks until about ``target_bytes`` (UTF-8) are produced."""
    size = max(1, len(unit.encode()))
    count = max(1, target_bytes // size)
    block = max(1, min(count, 1_000_000 // size + 1))
    while count > 0:
        n = min(block, count)
        yield unit * n
        count -= n
