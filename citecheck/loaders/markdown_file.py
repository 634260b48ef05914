"""Markdown and plain-text files: Pandoc Markdown when the text uses Pandoc's syntax
(:func:`~citecheck.loaders.pandoc.is_pandoc`), plain Markdown otherwise.

A module of its own so that :mod:`~citecheck.loaders.pandoc` can build on
:mod:`~citecheck.loaders.markdown` without the Markdown parser knowing about Pandoc.
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
    try:
        if is_pandoc(text):
            return load_pandoc(path, display_path, text)
    except YamlLimitError as exc:  # the front matter starts on line 2
        raise LimitError(
            f"{display_path}: line {exc.line + 1}: YAML front matter {exc.reason}; refused"
        ) from exc
    fmt = "markdown" if path.suffix.lower() in {".md", ".markdown"} else "text"
    return parse_markdown(text, display_path, fmt=fmt)
