"""Coverage-guided fuzzing of every file loader with atheris (not run in CI).

The first input byte picks the loader (by file suffix); the rest becomes the file. The
contract is the one of tests/hostile: a loader returns a document (or references) or
raises ``InputError`` (exit 2) - any other exception, a ``RecursionError`` included, is
a crash atheris reports. Seeds (``SEEDS``) are small hostile shapes written for this
project: deep nesting, alias bombs, inheritance cycles, UTF-16 without a BOM.

    .venv/bin/pip install '.[fuzz]'
    .venv/bin/python -m bench.fuzz.loaders [corpus_dir] -max_total_time=600 -max_len=65536
    .venv/bin/python -m bench.fuzz.loaders --write-seeds corpus_dir   # the seed corpus
    CITECHECK_FUZZ_STAGE=pipeline .venv/bin/python -m bench.fuzz.loaders corpus_dir ...

With ``CITECHECK_FUZZ_STAGE=pipeline`` each input goes through the whole offline check
(loading, linking, every rule, the reporters' JSON), not only its loader.

A crash becomes a generator in tests/hostile/generators (a class, not a sample).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SUFFIXES = (".md", ".tex", ".bib", ".json", ".yaml", ".ris", ".xml", ".docx", ".pdf", ".txt")
SEEDS: dict[str, bytes] = {
    "json_deep": b'[{"id": "a", "title": ' + b"[" * 200 + b"]" * 200 + b"}]",
    "yaml_alias": b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nreferences:\n  - id: k\n    title: *c\n",
    "yaml_self": b"references: &r\n  - id: a\n    note: *r\n",
    "front_matter": b"---\nbibliography: refs.bib\nx: {a: {b: [1, [2]]}}\n---\n\nText [@k].\n",
    "bib_cycle": b"@book{a, crossref={b}, title={A}}\n@book{b, crossref={a}}\n@xdata{x, xdata={x}}\n",
    "latex": b"\\documentclass{article}\\begin{document}\\cite{a}\\input{x}\\bibliography{r}\\end{document}",
    "jats": b"<article><body><sec><sec><p>See <xref ref-type='bibr' rid='r1'>1</xref></p></sec></sec></body>"
    b"<back><ref-list><ref id='r1'><mixed-citation>A. B (2001) T.</mixed-citation></ref></ref-list></back></article>",
    "utf16": "Text (Müller, 2019).\n\nReferences\n\nMüller, A. (2019). T. J, 1.\n".encode(
        "utf-16-le"
    ),
    "ris": b"TY  - JOUR\nAU  - Ba, A.\nPY  - 2001\nTI  - T\nER  - \n",
}


def check_one(data: bytes) -> None:
    """One input: write it with the chosen suffix and load it; only InputError may escape."""
    from citecheck.loaders import load_manuscript, load_reference_file, reference_suffixes
    from citecheck.model.errors import InputError

    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(data[1:])
        try:
            if os.environ.get("CITECHECK_FUZZ_STAGE") == "pipeline":
                _whole_check(path)
            elif suffix in reference_suffixes():
                load_reference_file(path, path.name)
            else:
                load_manuscript(path, path.name)
        except InputError:
            pass


def _whole_check(path: Path) -> None:
    """The offline check of one file (as manuscript, or as the references of a stub)."""
    from citecheck.loaders import reference_suffixes
    from citecheck.model.settings import Settings
    from citecheck.pipeline.engine import check
    from citecheck.reporters import render

    if path.suffix in reference_suffixes():
        paper = path.with_name("paper.md")
        paper.write_text("# A\n\nText [@k] and (Ba, 2001).\n", encoding="utf-8")
        settings = Settings(
            paths=(paper.name,), references=(path.name,), offline=True, no_cache=True
        )
    else:
        settings = Settings(paths=(path.name,), offline=True, no_cache=True)
    render(check(settings, root=path.parent), "json")


def main() -> None:
    """Fuzz (atheris) or, with ``--write-seeds DIR``, write the seed corpus."""
    if len(sys.argv) == 3 and sys.argv[1] == "--write-seeds":
        out = Path(sys.argv[2])
        out.mkdir(parents=True, exist_ok=True)
        for name, body in SEEDS.items():
            for k, suffix in enumerate(SUFFIXES):
                (out / f"{name}{suffix}").write_bytes(bytes([k]) + body)
        return
    import atheris

    # every loader module is imported here: the registry imports them lazily, and a
    # module first imported outside this block is not instrumented (no coverage)
    with atheris.instrument_imports(include=["citecheck"]):
        import importlib

        from citecheck.loaders import MANUSCRIPT_LOADERS, REFERENCE_LOADERS

        for module, _ in (*MANUSCRIPT_LOADERS.values(), *REFERENCE_LOADERS.values()):
            importlib.import_module(module)
        if os.environ.get("CITECHECK_FUZZ_STAGE") == "pipeline":  # linking, rules, reporters
            importlib.import_module("citecheck.pipeline.engine")
            importlib.import_module("citecheck.reporters")

    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
