"""Coverage-guided fuzzing of the text path with atheris (not run in CI).

Feeds arbitrary text to the Markdown loader (which runs the citation extractor, the
bibliography splitter and the reference parser) and to the pieces on their own, and
checks the contracts the property tests check: no exception, every citation span
slices back to its text, and a second run gives the same result.

    .venv/bin/pip install atheris
    .venv/bin/python -m bench.fuzz.text [corpus_dir] -max_total_time=600 -max_len=4096

Any crash found goes into tests/property or tests/adversarial as a regression test.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["citecheck"]):
    from citecheck.citations import extract_citations
    from citecheck.loaders.markdown import parse_markdown
    from citecheck.references import parse_reference, split_entries

SEEDS = (
    "Menurut Sugiyono (2019) dan (Ansell & Gash, 2008; Emerson dkk., 2012a, b).\n\n"
    "## Daftar Pustaka\n\nAnsell, C., & Gash, A. (2008). Collaborative governance. "
    "Journal of Public Administration, 18(4), 543–571. https://doi.org/10.1093/jopart/mum032\n",
    "Results [1–3, 5] and (4). <!-- (Hidden, 2001) -->\n\nReferences\n\n[1] A. Smith, “T,” J, 2020.\n",
)


def test_one(data: bytes) -> None:
    """One fuzz input: decode, run every entry point, check the contracts."""
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(len(data))
    doc = parse_markdown(text, "f.md")
    for c in doc.citations:
        if text[c.start : c.end] != c.text:
            raise AssertionError(f"span {c.start}:{c.end} does not slice back to {c.text!r}")
    if parse_markdown(text, "f.md") != doc:
        raise AssertionError("parse_markdown is not deterministic")
    for c in extract_citations(text, path="f.md", mode="numeric"):
        if text[c.start : c.end] != c.text:
            raise AssertionError("numeric span does not slice back")
    previous = 0
    for e in split_entries(text):
        if not previous <= e.start < e.end <= len(text):
            raise AssertionError(f"entry span {e.start}:{e.end} out of order or bounds")
        previous = e.end
        parse_reference(e.text)
    parse_reference(text)


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
