"""Reading parts of a zip container (DOCX) without falling for zip bombs.

Limits: number of members, total uncompressed size, size of one part, and the
compression ratio of large parts. Any breach, a corrupt archive or an encrypted
one is an :class:`InputError` naming the problem.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from citecheck.loaders._xml import MAX_XML_BYTES
from citecheck.model.errors import InputError


@dataclass(frozen=True)
class ZipLimits:
    """How much a container may hold before we refuse it."""

    max_members: int = 5000
    max_total_bytes: int = 500_000_000
    max_part_bytes: int = MAX_XML_BYTES  # an XML part costs ~20x its size as a tree
    max_ratio: float = 200.0  # uncompressed / compressed, checked for parts over 1 MB


class SafeZip:
    """An opened archive whose parts are read under :class:`ZipLimits`."""

    def __init__(self, path: Path, limits: ZipLimits | None = None) -> None:
        self.path = path
        self.limits = limits or ZipLimits()
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
            raise InputError(f"{path}: not a valid DOCX (corrupt zip archive: {exc})") from exc
        if len(infos) > self.limits.max_members:
            raise InputError(
                f"{path}: {len(infos)} parts in the archive (limit {self.limits.max_members}); refused"
            )
        total = sum(i.file_size for i in infos)
        if total > self.limits.max_total_bytes:
            raise InputError(
                f"{path}: {total:,} bytes uncompressed (limit {self.limits.max_total_bytes:,}); refused"
            )
        if any(i.flag_bits & 0x1 for i in infos):
            raise InputError(
                f"{path}: the document is encrypted or password-protected; save an unprotected copy"
            )
        self._infos = {i.filename: i for i in infos}

    def names(self) -> list[str]:
        """Part names in the archive."""
        return list(self._infos)

    def read(self, name: str) -> bytes | None:
        """The bytes of part ``name`` (None when absent), refusing oversized parts."""
        info = self._infos.get(name)
        if info is None:
            return None
        lim = self.limits
        if info.file_size > lim.max_part_bytes:
            raise InputError(
                f"{self.path}: part {name} is {info.file_size:,} bytes (limit {lim.max_part_bytes:,})"
            )
        if (
            info.file_size > 1_000_000
            and info.compress_size
            and info.file_size / info.compress_size > lim.max_ratio
        ):
            raise InputError(
                f"{self.path}: part {name} compresses {info.file_size / info.compress_size:.0f}:1 (zip bomb?); refused"
            )
        try:
            with self._zip.open(info) as fh:
                # never trust the declared size: read at most one byte past it
                data = fh.read(info.file_size + 1)
        except (
            zipfile.BadZipFile,
            OSError,
            EOFError,
            ValueError,
            RuntimeError,
            NotImplementedError,
        ) as exc:
            raise InputError(f"{self.path}: part {name} cannot be read: {exc}") from exc
        if len(data) > info.file_size:
            raise InputError(f"{self.path}: part {name} is larger than declared; refused")
        return data

    def close(self) -> None:
        """Close the archive."""
        self._zip.close()
