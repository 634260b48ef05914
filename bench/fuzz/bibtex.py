"""Coverage-guided fuzzing of the BibTeX path with atheris (not run in CI).

Arbitrary text goes through :func:`citecheck.loaders.bibtex.parse_bibtex_string`
(bibtexparser 2 plus our field handling: crossref/xdata inheritance, months, LaTeX
to text, names). Contract: no exception (broken entries are problems, not crashes),
locations inside the input, deterministic results.

    .venv/bin/python -m bench.fuzz.bibtex [corpus_dir] -max_total_time=600 -max_len=4096
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["citecheck"]):
    from citecheck.loaders.bibtex import latex_to_text, parse_bibtex_string

SEEDS = (
    '@string{j = "Journal of Tests"}\n@article{a, author = {M{\\"u}ller, A. and Lee, B.},\n'
    "  title = {A {GIS} study}, journal = j, year = 2019, month = mar, doi = {10.1/x}}\n"
    '@inproceedings{b, crossref = {a}, pages = {1--2}}\n@book{c, title = "Broken\n',
)


def test_one(data: bytes) -> None:
    """One fuzz input through the BibTeX loader and the LaTeX-to-text helper."""
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(len(data))
    refs, problems = parse_bibtex_string(text, "f.bib")
    lines = text.count("\n") + 1
    for item in (*refs, *problems):
        if not 1 <= item.location.line <= lines:
            raise AssertionError(f"location line {item.location.line} outside 1..{lines}")
    if parse_bibtex_string(text, "f.bib") != (refs, problems):
        raise AssertionError("parse_bibtex_string is not deterministic")
    latex_to_text(text)


def main() -> None:
    """Run atheris with the seeds written into the corpus folder, if one is given."""
    args = sys.argv
    if len(args) > 1 and not args[1].startswith("-"):
        from pathlib import Path

        corpus = Path(args[1])
        corpus.mkdir(parents=True, exist_ok=True)
        for i, seed in enumerate(SEEDS):
            (corpus / f"seed-{i}").write_bytes(seed.encode())
    atheris.Setup(args, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
