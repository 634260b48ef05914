"""Reading text files safely: size limits, binary detection, encoding detection."""

from __future__ import annotations

import codecs
from collections.abc import Iterable
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


# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 65536
# Tie-break between equally plausible legacy decodings: Windows-1252 first (the web's
# default for "latin-1" too), then the other common Windows and ISO code pages.
_PREFERRED = {
    name: rank
    for rank, name in enumerate(
        [
            "cp1252",
            "latin_1",
            "iso8859_15",
            "cp1250",
            "iso8859_2",
            "cp1251",
            "koi8_r",
            "cp1253",
            "cp1254",
            "cp1257",
            "cp1256",
            "cp1255",
        ]
    )
}


def _zero_share(head: bytes, start: int, step: int) -> float:
    part = head[start::step]
    return part.count(0) / len(part) if part else 0.0


def unicode_without_bom(data: bytes) -> str | None:
    """UTF-32 or UTF-16 (LE or BE) without a byte-order mark, told by where the zero
    bytes fall: text has spaces, digits or punctuation, whose high bytes are zero in
    these encodings, in whatever script it is written. None when it is neither."""
    head = data[:_SAMPLE]
    if len(head) < 4 or 0 not in head:
        return None
    for enc in _wide_candidates(data, head):
        if _reads_as_text(head, enc):
            return enc
    return None


def _wide_candidates(data: bytes, head: bytes) -> list[str]:
    found: list[str] = []
    if len(data) % 4 == 0:
        high, low = (_zero_share(head, k, 4) for k in (2, 3)), _zero_share(head, 0, 4)
        if all(z > 0.99 for z in high) and low < 0.5:
            found.append("utf-32-le")
        high, low = (_zero_share(head, k, 4) for k in (0, 1)), _zero_share(head, 3, 4)
        if all(z > 0.99 for z in high) and low < 0.5:
            found.append("utf-32-be")
    if len(data) % 2 == 0:
        even, odd = _zero_share(head, 0, 2), _zero_share(head, 1, 2)
        if odd > 0.1 and even < 0.01:
            found.append("utf-16-le")
        if even > 0.1 and odd < 0.01:
            found.append("utf-16-be")
    return found


def _reads_as_text(head: bytes, enc: str) -> bool:
    """The zero bytes' places fit ``enc``; the decoded text must also look like text:
    no NUL characters, and spaces or line breaks as every script has. ASCII with a
    stray NUL byte decodes to CJK-looking pairs with neither, and is not UTF-16."""
    width = 4 if enc.startswith("utf-32") else 2
    text = head[: len(head) - len(head) % width].decode(enc, errors="replace")
    return "\x00" not in text and any(ch in text for ch in " \n\t\u3000")


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 64 KiB of a file that is not UTF-16/32 mean a binary file."""
    if data.startswith(tuple(bom for bom, _ in _BOMS)) or unicode_without_bom(data):
        return False
    return b"\x00" in data[:_SAMPLE]


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode text: BOMs, UTF-16/32 without a BOM, UTF-8, then a detected legacy
    encoding (charset-normalizer). Returns (text, encoding).

    Line endings are normalised to ``\\n`` so offsets and lines agree on every platform.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _normalise(data.decode(enc, errors="replace")), enc
    wide = unicode_without_bom(data)
    if wide is not None:
        try:
            return _normalise(data.decode(wide)), wide
        except UnicodeDecodeError:
            pass  # zero bytes in the right places but not that encoding: binary below
    if b"\x00" in data[:_SAMPLE]:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        return _normalise(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only for non-UTF-8 files

    results = list(from_bytes(data))
    best = results[0] if results else None
    if best is not None:
        # Several code pages often decode a text equally well (Spanish "ñ" is 0xF1 in
        # cp1252 and "ń" in cp1250): among ties, the most widely used one wins.
        tied = [r for r in results if (r.chaos, r.coherence) == (best.chaos, best.coherence)]
        best = min(tied, key=lambda r: _PREFERRED.get(r.encoding, len(_PREFERRED)))
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


def inside(path: Path, bases: Iterable[Path]) -> bool:
    """Whether ``path``, symlinks followed, is one of ``bases`` or inside one: the
    confinement of files a manuscript names (includes, bibliographies) to the project."""
    resolved = path.resolve()
    for base in bases:
        root = base.resolve()
        if resolved == root or root in resolved.parents:
            return True
    return False


# Folders never taken for a repository root: a home folder kept under git (dotfiles)
# would otherwise open every file of the user to a manuscript's includes.
_NOT_A_PROJECT = frozenset({Path.home().resolve(), Path("/").resolve()})


def repository_root(path: Path, *, max_levels: int = 12) -> Path | None:
    """The nearest folder holding ``.git`` at or above ``path``'s folder (not the home
    folder or ``/``), within ``max_levels`` levels; None when there is none."""
    folder = path.resolve().parent
    for candidate in [folder, *folder.parents][:max_levels]:
        if candidate in _NOT_A_PROJECT:
            return None
        if (candidate / ".git").exists():
            return candidate
    return None


def project_bases(manuscript: Path) -> tuple[Path, ...]:
    """The folders a manuscript's includes and bibliographies may come from: its own
    folder, the working folder, and the repository holding it (``..`` inside the
    repository is fine; anything outside all three is refused)."""
    bases = [manuscript.resolve().parent, Path.cwd().resolve()]
    repo = repository_root(manuscript)
    if repo is not None:
        bases.append(repo)
    return tuple(dict.fromkeys(bases))
