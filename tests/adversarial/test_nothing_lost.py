"""Nothing the user gave is modified: only ``fix --write`` writes an input, atomically.

Inputs are made read-only, but tests often run as root (where permission bits do not
stop a write), so an audit hook also records every write-mode ``open``, rename and
removal under the input folder while the command line runs.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from citecheck.cli import main

REPO = Path(__file__).resolve().parents[2]
FORMATS = REPO / "tests" / "fixtures" / "formats"
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


class _Watch:
    """Collects writes under ``root`` while ``active``; one hook for the whole session."""

    root: str = ""
    active: bool = False
    seen: list[str] = []  # noqa: RUF012 - test-only recorder

    @classmethod
    def hook(cls, event: str, args: tuple[Any, ...]) -> None:
        if not cls.active:
            return
        paths: list[object] = []
        if event == "open" and len(args) >= 3:
            path, mode, flags = args[0], args[1], args[2]
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & _WRITE_FLAGS
            )
            if writing:
                paths.append(path)
        elif event in (
            "os.rename",
            "os.replace",
            "os.remove",
            "os.unlink",
            "os.rmdir",
            "os.truncate",
            "os.chmod",
            "os.utime",
            "shutil.rmtree",
        ):
            paths.extend(args[:2])
        for p in paths:
            if isinstance(p, (str, bytes, os.PathLike)):
                text = os.fsdecode(p)
                if os.path.abspath(text).startswith(cls.root):
                    cls.seen.append(f"{event} {text}")


sys.addaudithook(_Watch.hook)


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[Path]:
    """A read-only folder of inputs in every format; yields it, then checks nothing changed."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for src in [
        FORMATS / "proof" / "proof.md",
        FORMATS / "proof" / "proof.docx",
        FORMATS / "proof" / "proof.pdf",
        FORMATS / "jats" / "article.xml",
        FORMATS / "pandoc" / "paper.md",
        FORMATS / "pandoc" / "refs.bib",
        FORMATS / "pandoc" / "extra.yaml",
        REPO / "manuscripts" / "kolaborasi-smart-city.md",
        REPO / "references" / "open-data-ecosystems.bib",
        REPO / "tests" / "fixtures" / "fix" / "zotero-crlf.bib",
    ]:
        name = src.name if src.name not in {p.name for p in inputs.iterdir()} else f"x-{src.name}"
        shutil.copy2(src, inputs / name)
    shutil.copytree(FORMATS / "latex" / "project", inputs / "latex")
    (inputs / "refs.json").write_text(
        '[{"id": "a", "type": "book", "title": "T", "issued": {"date-parts": [[2019]]}}]'
    )
    (inputs / "refs.ris").write_text("TY  - JOUR\nAU  - Smith, J.\nPY  - 2019\nTI  - T\nER  - \n")
    (inputs / "plain.txt").write_text(
        "Text (Smith, 2019).\n\nReferences\n\nSmith, J. (2019). T. J, 1, 2.\n"
    )
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in inputs.rglob("*") if p.is_file()}
    for p in [*before, *(d for d in inputs.rglob("*") if d.is_dir()), inputs]:
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    _Watch.root, _Watch.seen = str(inputs.resolve()), []
    _Watch.active = True
    try:
        yield inputs
    finally:
        _Watch.active = False
        for p in [inputs, *inputs.rglob("*")]:
            p.chmod(p.stat().st_mode | stat.S_IWUSR)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in inputs.rglob("*") if p.is_file()}
    assert after == before
    assert _Watch.seen == []


def _cli(cwd: Path, *args: str) -> int:
    env = {"CITECHECK_OFFLINE": "1", "CITECHECK_CACHE_DIR": str(cwd / "cache")}
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
    return result.exit_code


def test_check_and_parse_write_nothing_into_inputs(
    watched: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    manuscripts = [
        p for p in watched.rglob("*") if p.suffix in (".md", ".txt", ".docx", ".pdf", ".xml")
    ]
    manuscripts.append(watched / "latex" / "main.tex")
    # Reporters only ever write --output; two of them cover the writing paths.
    for fmt in ("json", "html"):
        code = _cli(
            out,
            "check",
            *map(str, manuscripts),
            "--format",
            fmt,
            "--output",
            str(out / f"r.{fmt}"),
            "--fail-on",
            "never",
        )
        assert code == 0, fmt
    code = _cli(
        out,
        "check",
        str(watched / "proof.md"),
        "-r",
        str(watched / "refs.json"),
        "-r",
        str(watched / "refs.ris"),
        "-r",
        str(watched / "extra.yaml"),
        "--fail-on",
        "never",
    )
    assert code == 0
    for path in [*manuscripts, *watched.glob("*.bib")]:
        assert _cli(out, "parse", str(path)) in (0, 2)
    # fix without --write only prints a diff.
    assert (
        _cli(
            out,
            "check",
            str(watched / "proof.md"),
            "--format",
            "json",
            "--output",
            "rep.json",
            "--fail-on",
            "never",
        )
        == 0
    )
    assert _cli(out, "fix", "--from-report", "rep.json") in (0, 1, 2)


# --- fix --write interrupted --------------------------------------------------------

_WRITER = r"""
import sys
from pathlib import Path
from citecheck.pipeline.atomic import write_text_atomic
path = Path(sys.argv[1])
print("ready", flush=True)
write_text_atomic(path, sys.argv[2] * int(sys.argv[3]))
print("done", flush=True)
"""


def test_killed_mid_write_leaves_old_or_new(tmp_path: Path) -> None:
    target = tmp_path / "refs.bib"
    old = "@book{a, title={Old}}\n"
    target.write_text(old)
    unit, count = "@book{b, title={New}}\n", 2_000_000  # ~44 MB: a write that takes a while
    outcomes = set()
    for delay in (0.0, 0.05, 0.1, 0.2, 0.4, 0.8):
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(target), unit, str(count)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        data = target.read_text()
        assert data in (old, unit * count), f"torn file after kill at {delay}s ({len(data)} chars)"
        outcomes.add("new" if data != old else "old")
        target.write_text(old)
        for tmp in tmp_path.glob(".refs.bib.*.tmp"):  # a killed writer cannot tidy up
            tmp.unlink()
    assert "old" in outcomes  # at least one kill landed mid-write


@pytest.mark.parametrize("failing", ["copy2", "fsync", "replace", "write"])
def test_fix_write_interrupted_at_each_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    import citecheck.fix as fix_module
    import citecheck.pipeline.atomic as atomic
    from citecheck.fix import write_edit
    from citecheck.fix.changes import FileEdit

    target = tmp_path / "refs.bib"
    old, new = "@book{a, title={Old}}\n", "@book{a, title={New}, doi={10.1/x}}\n"
    target.write_text(old)

    def boom(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    if failing == "copy2":
        monkeypatch.setattr(fix_module.shutil, "copy2", boom)
    elif failing == "fsync":
        monkeypatch.setattr(atomic.os, "fsync", boom)
    elif failing == "replace":
        monkeypatch.setattr(atomic.os, "replace", boom)
    else:
        real_fdopen = os.fdopen

        class HalfWriter:
            """Writes half of the text, then the user presses Ctrl-C."""

            def __init__(self, fh: Any) -> None:
                self.fh = fh

            def __enter__(self) -> HalfWriter:
                return self

            def __exit__(self, *exc: object) -> None:
                self.fh.close()

            def write(self, text: str) -> None:
                self.fh.write(text[: len(text) // 2])
                self.fh.flush()
                raise KeyboardInterrupt

        monkeypatch.setattr(atomic.os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    edit = FileEdit(path="refs.bib", old_text=old, new_text=new, applied=[], skipped=[])
    with pytest.raises(KeyboardInterrupt):
        write_edit(edit, tmp_path)
    assert target.read_text() == old
    assert list(tmp_path.glob(".refs.bib.*")) == []  # the temp file is removed
    # The backup (made before the write) is a faithful copy when it exists.
    backup = tmp_path / "refs.bib.bak"
    assert not backup.exists() or backup.read_text() == old


def test_the_watch_sees_writes(tmp_path: Path) -> None:
    # The recorder itself must be able to fail the tests above.
    _Watch.root, _Watch.seen, _Watch.active = str(tmp_path.resolve()), [], True
    try:
        (tmp_path / "a.txt").write_text("x")
        os.replace(tmp_path / "a.txt", tmp_path / "b.txt")
        with open(tmp_path / "b.txt", encoding="utf-8") as fh:  # reading is fine
            fh.read()
    finally:
        _Watch.active = False
    assert len(_Watch.seen) == 3 and _Watch.seen[0].startswith("open ")  # open, rename from, to
