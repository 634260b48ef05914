"""``citecheck fix``: safe, minimal edits of BibTeX and CSL-JSON reference files.

The flow is plan -> edit -> verify -> (diff | write). Each file is read as bytes
and decoded without touching line endings; changes are applied as span edits;
the result is re-read and compared with the original entry by entry (same keys
in the same order, untouched entries identical to the byte, untouched fields of
touched entries identical) before anything is shown or written. Writing goes
through a temporary file and a rename, after copying the original to ``FILE.bak``.
"""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Iterable
from pathlib import Path

from citecheck.fix.changes import Change, FileEdit, Skipped
from citecheck.fix.plan import plan
from citecheck.fix.verify import verify
from citecheck.pipeline.atomic import write_text_atomic

__all__ = ["Change", "FileEdit", "Skipped", "edit_files", "plan", "unified_diff", "write_edit"]


def _decode(data: bytes) -> tuple[str, str]:
    """Text and the codec that gives the same bytes back (UTF-8, else Latin-1)."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"  # every byte maps, so it round-trips


def _apply(path: str, text: str, changes: list[Change]) -> tuple[str, list[Change], list[Skipped]]:
    if path.lower().endswith(".bib"):
        from citecheck.fix.bibtex_edit import apply_changes as apply_bib

        return apply_bib(text, changes)
    from citecheck.fix.csljson_edit import apply_changes as apply_json

    return apply_json(text, changes)


def edit_files(changes: Iterable[Change], root: Path) -> list[FileEdit]:
    """One :class:`FileEdit` per reference file named by ``changes`` (paths under ``root``)."""
    by_path: dict[str, list[Change]] = {}
    for c in changes:
        by_path.setdefault(c.path, []).append(c)
    out: list[FileEdit] = []
    for path, items in sorted(by_path.items()):
        file = Path(path) if Path(path).is_absolute() else root / path
        try:
            text, codec = _decode(file.read_bytes())
        except OSError as exc:
            out.append(
                FileEdit(
                    path, "", "", [], [Skipped(c, f"cannot read the file: {exc}") for c in items]
                )
            )
            continue
        new, applied, skipped = _apply(path, text, items)
        problem = verify(path, text, new, applied) if new != text else None
        if problem is None and new != text:
            try:
                new.encode(codec)
            except UnicodeEncodeError:
                problem = f"a new value cannot be written in the file's encoding ({codec})"
        if problem is not None:
            skipped += [Skipped(c, f"not applied: {problem}") for c in applied]
            new, applied = text, []
        out.append(
            FileEdit(
                path=path,
                old_text=text,
                new_text=new,
                applied=applied,
                skipped=skipped,
                encoding=codec,
            )
        )
    return out


def unified_diff(edit: FileEdit) -> str:
    """The change as a unified diff (``a/PATH`` -> ``b/PATH``)."""
    lines = difflib.unified_diff(
        edit.old_text.splitlines(keepends=True),
        edit.new_text.splitlines(keepends=True),
        fromfile=f"a/{edit.path}",
        tofile=f"b/{edit.path}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_edit(edit: FileEdit, root: Path, *, backup: bool = True) -> Path | None:
    """Write one edited file atomically; returns the backup's path (if one was made).

    Refuses (``RuntimeError``) when the file changed on disk since it was read.
    """
    file = Path(edit.path) if Path(edit.path).is_absolute() else root / edit.path
    codec = edit.encoding
    if file.read_bytes() != edit.old_text.encode(codec):
        raise RuntimeError(f"{edit.path} changed on disk since it was read; run fix again")
    saved = None
    if backup:
        saved = file.with_name(file.name + ".bak")
        shutil.copy2(file, saved)
    write_text_atomic(file, edit.new_text, encoding=codec)
    return saved
