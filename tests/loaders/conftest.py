"""Fixtures for loader tests: a project folder we write and run in."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture()
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    """``tmp_path``, made the working folder for the test."""
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def write_files(root: Path, files: dict[str, str]) -> None:
    """Write ``files`` (relative name -> text) under ``root``."""
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


@pytest.fixture()
def write() -> Callable[[Path, dict[str, str]], None]:
    """:func:`write_files` for tests."""
    return write_files
