"""Writing minimal DOCX packages for loader tests (our own XML, no Word file)."""

from __future__ import annotations

import zipfile
from pathlib import Path


def write_docx(path: Path, ns: str, body: str, footnotes: str | None = None) -> Path:
    """A DOCX at ``path`` whose document body is ``body`` (and footnotes part, when
    given), both with the namespace declarations ``ns``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>")
        if footnotes is not None:
            z.writestr("word/footnotes.xml", f"<w:footnotes {ns}>{footnotes}</w:footnotes>")
    return path
