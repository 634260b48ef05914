"""A typed reference list given with ``--references`` (``.md``, ``.txt``).

Chapter-split theses keep the "Daftar Pustaka" as typed text in a file of its own;
its entries are read as the entries of a manuscript's reference section are (split,
then parsed). Only an explicit ``--references`` reads such a file: a stray README
beside a manuscript is never taken for its bibliography.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.loaders.files import read_text
from citecheck.loaders.markdown import list_entries, reference_list_spans
from citecheck.model.document import LineIndex, Location, Problem, Reference


def load_references(path: Path, display_path: str) -> tuple[list[Reference], list[Problem]]:
    """The entries of a typed reference list; a file with none is a problem."""
    text, _encoding = read_text(path)
    refs, problems = list_entries(
        text, reference_list_spans(text), display_path, index=LineIndex(text)
    )
    if not refs:
        problems.append(
            Problem(
                message=f"{display_path}: no reference entries found in this typed list",
                location=Location(path=display_path),
                kind="missing-bibliography-file",
                evidence={"file": display_path},
            )
        )
    return refs, problems
