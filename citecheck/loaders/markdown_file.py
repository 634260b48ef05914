"""Markdown and plain-text files: Pandoc Markdown when the text uses Pandoc's syntax
(:func:`~citecheck.loaders.pandoc.is_pandoc`), plain Markdown otherwise.

A module of its own so that :mod:`~citecheck.loaders.pandoc` can build on
:mod:`~citecheck.loaders.markdown` without the Markdown parser knowing about Pandoc.

A file whose YAML names a bibliography but which cites no Pandoc key at all, and
prints a typed reference list cited by typed citations ("(Smith et al., 2020)"), is
read as the plain Markdown it is: Pandoc would print nothing from the database, so
the typed list is the list and the typed citations are the citations.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.loaders._safe_yaml import YamlLimitError
from citecheck.loaders.files import read_text
from citecheck.loaders.markdown import parse_markdown
from citecheck.loaders.pandoc import is_pandoc, load_pandoc
from citecheck.model.document import Document
from citecheck.model.errors import LimitError


def load(path: Path, display_path: str) -> Document:
    """Read a Markdown or plain-text manuscript."""
    text, _encoding = read_text(path)
    fmt = "markdown" if path.suffix.lower() in {".md", ".markdown"} else "text"
    try:
        if is_pandoc(text):
            doc = load_pandoc(path, display_path, text)
            return _typed_instead(doc, text, display_path, fmt) or doc
    except YamlLimitError as exc:  # the front matter starts on line 2
        raise LimitError(
            f"{display_path}: line {exc.line + 1}: YAML front matter {exc.reason}; refused"
        ) from exc
    return parse_markdown(text, display_path, fmt=fmt)


def _typed_instead(doc: Document, text: str, display_path: str, fmt: str) -> Document | None:
    """The plain reading of a Pandoc file that cites no key but types its citations and
    its reference list, else None. The Pandoc reading's problems (a bibliography file
    that is missing) are kept."""
    if doc.citations:
        return None
    plain = parse_markdown(text, display_path, fmt=fmt)
    if not (plain.citations and plain.references):
        return None
    return plain.model_copy(update={"problems": plain.problems + doc.problems})
