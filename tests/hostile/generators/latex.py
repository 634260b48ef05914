"""LaTeX: include chains and cycles, unclosed groups, deep braces."""

from __future__ import annotations

from pathlib import Path

from . import Case, case
from ._base import PROSE, bib_entry

_HEAD = "\\documentclass{article}\n\\begin{document}\n"
_TAIL = "\\bibliography{refs}\n\\end{document}\n"


def _bib(folder: Path, n: int = 3) -> None:
    (folder / "refs.bib").write_text("".join(bib_entry(i) for i in range(n)), encoding="utf-8")


@case("nesting")
def gen_latex_input_chain(folder: Path, scale: float) -> Case:
    """``\\input`` nested 1,900 files deep (under the 2,000-file cap, past Python's recursion)."""
    n = 1900
    for i in range(1, n):
        nxt = f"\\input{{part{i + 1}}}\n" if i + 1 < n else "\\cite{k1}.\n"
        (folder / f"part{i}.tex").write_text(f"Part {i}. {nxt}", encoding="utf-8")
    (folder / "paper.tex").write_text(
        f"{_HEAD}{PROSE}\\cite{{k0}}.\n\\input{{part1}}\n{_TAIL}", encoding="utf-8"
    )
    _bib(folder)
    return Case("", "", ("paper.tex",), frozenset({0, 1, 2}), r"too deeply nested|include")


@case("nesting")
def gen_latex_input_cycle(folder: Path, scale: float) -> Case:
    """Files that include each other and themselves."""
    (folder / "a.tex").write_text("A \\input{b} \\input{a} \\cite{k1}.\n", encoding="utf-8")
    (folder / "b.tex").write_text("B \\input{a} \\include{paper}.\n", encoding="utf-8")
    (folder / "paper.tex").write_text(
        f"{_HEAD}{PROSE}\\cite{{k0}}.\n\\input{{a}}\n{_TAIL}", encoding="utf-8"
    )
    _bib(folder)
    return Case("", "", ("paper.tex",), frozenset({0, 1}), r"cycle")


@case("nesting")
def gen_latex_include_fan(folder: Path, scale: float) -> Case:
    """One small file included 100,000 times (the include bomb by repetition)."""
    (folder / "p.tex").write_text("\\cite{k1}. " * 10 + "\n", encoding="utf-8")
    (folder / "paper.tex").write_text(
        _HEAD + "\\input{p}\n" * int(100_000 * max(scale, 0.1)) + _TAIL, encoding="utf-8"
    )
    _bib(folder)
    return Case("", "", ("paper.tex",), frozenset({0, 1, 2}))


@case("regex")
def gen_latex_unclosed_cites(folder: Path, scale: float) -> Case:
    """8,000 unclosed ``\\cite{`` (each scans to the end of the file: quadratic)."""
    n = int(8000 * max(scale, 0.25))
    (folder / "paper.tex").write_text(
        _HEAD + f"{PROSE}\\cite{{k0}}.\n" + "\\cite{ x " * n + "\n" + _TAIL, encoding="utf-8"
    )
    _bib(folder)
    return Case("", "", ("paper.tex",), frozenset({0, 1}))


@case("nesting")
def gen_latex_deep_braces(folder: Path, scale: float) -> Case:
    """A citation inside 100,000 nested groups, and 100,000 unclosed ``{``."""
    d = 100_000
    (folder / "paper.tex").write_text(
        _HEAD + "{" * d + "\\cite{k0}" + "}" * d + "\n\\textbf{" * 1 + "{" * d + "\n" + _TAIL,
        encoding="utf-8",
    )
    _bib(folder)
    return Case("", "", ("paper.tex",), frozenset({0, 1}))


@case("size")
def gen_latex_dense_cites(folder: Path, scale: float) -> Case:
    """20 MB of ``\\cite{k0,k1,k2}`` (about 1.5 million citation keys)."""
    unit = "\\cite{k0,k1,k2} "
    n = int(20_000_000 * scale) // len(unit)
    (folder / "paper.tex").write_text(_HEAD + unit * n + "\n" + _TAIL, encoding="utf-8")
    _bib(folder)
    return Case("", "", ("paper.tex",), frozenset({0, 1}))
