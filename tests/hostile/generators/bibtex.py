"""BibTeX inheritance chains and cycles, string-macro bombs, huge files."""

from __future__ import annotations

from pathlib import Path

from . import Case, case
from ._base import PROSE, bib_entry, write_chunks


def _tex(folder: Path, keys: list[str], bib: str = "refs") -> None:
    cites = " ".join(f"\\cite{{{k}}}." for k in keys)
    (folder / "paper.tex").write_text(
        f"\\documentclass{{article}}\n\\begin{{document}}\n{PROSE}{cites}\n"
        f"\\bibliography{{{bib}}}\n\\end{{document}}\n",
        encoding="utf-8",
    )


@case("nesting")
def gen_bib_crossref_chain(folder: Path, scale: float) -> Case:
    """20,000 entries, each ``crossref`` to the next (1 MB)."""
    n = max(2000, int(20_000 * scale))
    write_chunks(
        folder / "refs.bib",
        (
            f"@inproceedings{{c{i},\n  author = {{Ba, A.}},\n  title = {{Part {i}}},\n"
            + (
                f"  crossref = {{c{i + 1}}},\n"
                if i + 1 < n
                else "  booktitle = {Proceedings},\n  year = {2001},\n"
            )
            + "}\n\n"
            for i in range(n)
        ),
    )
    _tex(folder, ["c0", f"c{n // 2}"])
    return Case("", "", ("paper.tex",), frozenset({0, 1}), r"crossref")


@case("nesting")
def gen_bib_xdata_chain(folder: Path, scale: float) -> Case:
    """``@xdata`` sets that each refer to a further ``xdata`` set (200 kB)."""
    n = max(2000, int(5000 * scale))
    write_chunks(
        folder / "refs.bib",
        (
            f"@xdata{{x{i},\n"
            + (f"  xdata = {{x{i + 1}}},\n" if i + 1 < n else "  publisher = {P},\n")
            + "}\n\n"
            for i in range(n)
        ),
    )
    with (folder / "refs.bib").open("a", encoding="utf-8") as fh:
        fh.write(
            "@book{b1,\n  author = {Ba, A.},\n  title = {T},\n  year = {2001},\n  xdata = {x0},\n}\n"
        )
    _tex(folder, ["b1"])
    return Case("", "", ("paper.tex",), frozenset({0, 1}), r"xdata")


@case("nesting")
def gen_bib_cycles(folder: Path, scale: float) -> Case:
    """``crossref`` and ``xdata`` cycles, self-references and a wide xdata fan."""
    fan = ", ".join(f"f{i}" for i in range(500))
    parts = [
        "@book{self,\n  author = {Ba, A.},\n  title = {Self},\n  year = {2001},\n  crossref = {self},\n}\n",
        "@book{cy1,\n  author = {Ba, A.},\n  title = {C1},\n  year = {2001},\n  crossref = {cy2},\n}\n",
        "@book{cy2,\n  title = {C2},\n  crossref = {cy3},\n}\n",
        "@book{cy3,\n  title = {C3},\n  crossref = {cy1},\n}\n",
        "@xdata{xa,\n  xdata = {xb},\n  publisher = {P},\n}\n",
        "@xdata{xb,\n  xdata = {xa, xb},\n}\n",
        "@book{xs,\n  author = {Ba, A.},\n  title = {X},\n  year = {2001},\n  xdata = {xa},\n}\n",
        f"@book{{fan,\n  author = {{Ba, A.}},\n  title = {{F}},\n  year = {{2001}},\n  xdata = {{{fan}}},\n}}\n",
        *(f"@xdata{{f{i},\n  xdata = {{{fan}}},\n  note = {{n{i}}},\n}}\n" for i in range(500)),
        "@set{st,\n  entryset = {self, cy1, st},\n}\n",
    ]
    (folder / "refs.bib").write_text("\n".join(parts), encoding="utf-8")
    _tex(folder, ["self", "cy1", "xs", "fan", "st"])
    return Case("", "", ("paper.tex",), frozenset({0, 1}), r"cycle")


@case("size")
def gen_bib_string_bomb(folder: Path, scale: float) -> Case:
    """``@string`` macros that double at each level (2^40 characters if expanded)."""
    parts = ['@string{s0 = "lol"}\n']
    parts += [f"@string{{s{k} = s{k - 1} # s{k - 1}}}\n" for k in range(1, 41)]
    parts.append("@book{b1,\n  author = {Ba, A.},\n  title = s40,\n  year = {2001},\n}\n")
    (folder / "refs.bib").write_text("".join(parts), encoding="utf-8")
    _tex(folder, ["b1"])
    # bibtexparser does not expand "#" concatenations of macros: harmless, must stay so
    return Case("", "", ("paper.tex",), frozenset({0, 1, 2}))


@case("nesting")
def gen_bib_deep_braces(folder: Path, scale: float) -> Case:
    """A title of 100,000 nested braces."""
    d = 100_000
    (folder / "refs.bib").write_text(
        "@book{b1,\n  author = {Ba, A.},\n  title = {"
        + "{" * d
        + "T"
        + "}" * d
        + "},\n  year = {2001},\n}\n",
        encoding="utf-8",
    )
    _tex(folder, ["b1"])
    return Case("", "", ("paper.tex",), frozenset({0, 1, 2}))


@case("size")
def gen_bib_50k_short_manuscript(folder: Path, scale: float) -> Case:
    """A ``.bib`` of 50,000 entries checked against a manuscript citing three of them (5 MB)."""
    n = int(50_000 * scale)
    write_chunks(folder / "refs.bib", (bib_entry(i) for i in range(n)))
    (folder / "paper.md").write_text(
        f"---\nbibliography: refs.bib\n---\n\n{PROSE}[@k0; @k1] and [@k2].\n", encoding="utf-8"
    )
    return Case("", "", ("paper.md",), frozenset({0, 1}))


@case("size")
def gen_bib_50k_all_cited(folder: Path, scale: float) -> Case:
    """A ``.bib`` of 50,000 entries, every one cited by a LaTeX manuscript."""
    n = int(50_000 * scale)
    write_chunks(folder / "refs.bib", (bib_entry(i) for i in range(n)))
    _tex(folder, [f"k{i}" for i in range(n)])
    return Case("", "", ("paper.tex",), frozenset({0, 1}))


@case("size")
def gen_bib_cited_past_budget(folder: Path, scale: float) -> Case:
    """A shared ``.bib`` of 200,000 entries whose cited ones are at its end (20 MB).

    Past the references budget (20,000) cited entries are still read: nothing may be
    reported missing, and the limit is reported.
    """
    n = max(int(200_000 * scale), 21_000)  # always past the budget
    write_chunks(folder / "refs.bib", (bib_entry(i) for i in range(n)))
    _tex(folder, [f"k{n - 1}", f"k{n - 2}", "k0"])
    return Case(
        "",
        "",
        ("paper.tex",),
        frozenset({1}),
        r"references for one document(?![\s\S]*no reference entry has this key)",
    )
