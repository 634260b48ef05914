"""Reading text files safely: size limits, binary detection, encoding detection."""

from __future__ import annotations

import codecs
from pathlib import Path

from citecheck.model.errors import InputError

MAX_BYTES = 50_000_000


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, or an :class:`InputError` that says what is wrong."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: {size:,} bytes is larger than the limit of {max_bytes:,} "
                "(raise it with max-file-bytes in the configuration)"
            )
        return path.read_bytes()
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB (outside a UTF-16 BOM) mean a binary file."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode text: BOMs, then UTF-8, then a detected encoding. Returns (text, encoding).

    Line endings are normalised to ``\\n`` so offsets and lines agree on every platform.
    """
    if looks_binary(data):
        raise InputError(f"{path}: looks like a binary file, not text")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _normalise(data.decode(enc, errors="replace")), enc
    try:
        return _normalise(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only for non-UTF-8 files

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            f"{path}: not UTF-8 and the encoding could not be detected; save it as UTF-8"
        )
    return _normalise(str(best)), best.encoding


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """Read and decode a text file: (text with ``\\n`` line ends, encoding name)."""
    return decode(read_bytes(path, max_bytes=max_bytes), path)
