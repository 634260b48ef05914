"""Copy the documents of a real-world corpus manifest out of fetched git snapshots.

Usage::

    python -m bench.realworld.materialize bench/realworld/latex/manifest.json \
        [--mirror /work/.mirror] [--out /work/corpora] [--only ID ...] [--force]

For every document of the manifest (format: see TEAM.md / the corpus README), the main
file and every path in ``files`` are extracted at the recorded ``commit`` from the git
directory of ``repo`` into ``OUT/<corpus>/<doc-id>/``, keeping the repository's own paths
(so relative ``\\input``/``bibliography:`` paths still work). A path ending in ``/`` means
the whole folder; ``""`` or ``"/"`` means the whole repository. A ``pdf`` path (the
compiled PDF of a source/PDF pair) is extracted too, from ``pdf_commit`` when the PDF was
committed elsewhere (a CI deploy branch) than its source.

A document with ``"convert": "jats_to_text"`` is a JATS article turned into Markdown
after extraction by the team's converter (``shared/tools/jats_to_text.py``), run through
:mod:`bench.realworld.jats_fixed` (which mends two faults of its reference list; another
converter with the same command line can be given with ``--jats-tool``); the Markdown is
written next to it under the name given by ``check``.

Snapshots lack files of 4 MiB and more: such blobs inside a requested folder are skipped
and counted; a missing main file or PDF is an error.

The git directory of ``owner/name`` is looked up as ``MIRROR/owner+name/repo`` (bare, as
the search tool's ``fetch`` leaves it), ``MIRROR/owner+name/repo/.git``, or
``MIRROR/owner+name`` (a folder made with ``git clone --mirror``). Any public clone of
the repository that contains the commit works: pass its parent folder with ``--mirror``.
Third-party documents stay under ``OUT``; nothing here is ever committed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path, PurePosixPath


def git_dir(mirror: Path, repo: str) -> Path | None:
    """The git directory holding ``repo`` under ``mirror``, or None."""
    base = mirror / repo.replace("/", "+")
    for candidate in (base / "repo", base / "repo" / ".git", base, base / ".git"):
        if (candidate / "objects").is_dir() and (candidate / "HEAD").is_file():
            return candidate
    return None


def _git(gitdir: Path, *args: str, data: bytes | None = None) -> bytes:
    cmd = ["git", f"--git-dir={gitdir}", *args]
    return subprocess.run(cmd, check=True, capture_output=True, input=data).stdout


def _blobs(gitdir: Path, commit: str, paths: list[str]) -> list[tuple[str, str]]:
    """``(path, blob id)`` of the regular files under ``paths`` (files or folders) at ``commit``."""
    spec = [p.rstrip("/") for p in paths if p.strip("/")]
    out = _git(gitdir, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *spec)
    found = []
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, sha = meta.split()
        if kind == b"blob" and mode in (b"100644", b"100755"):  # no symlinks, no submodules
            found.append((name.decode("utf-8", "surrogateescape"), sha.decode()))
    return found


def _read_blobs(gitdir: Path, shas: list[str]) -> dict[str, bytes]:
    """Contents of the blobs the snapshot has (absent ones are left out)."""
    out = _git(gitdir, "cat-file", "--batch", data="".join(s + "\n" for s in shas).encode())
    contents: dict[str, bytes] = {}
    pos = 0
    for sha in shas:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) < 3 or header[1] == b"missing":
            continue
        size = int(header[2])
        contents[sha] = out[pos : pos + size]
        pos += size + 1
    return contents


def _safe_target(dest: Path, name: str) -> Path | None:
    """Where ``name`` goes under ``dest``, or None when it would leave ``dest``."""
    rel = PurePosixPath(name)
    if rel.is_absolute() or ".." in rel.parts:
        return None
    return dest.joinpath(*rel.parts)


def _extract(
    gitdir: Path, commit: str, paths: list[str], dest: Path, required: set[str]
) -> tuple[int, int]:
    """Write the files; returns (written, skipped because absent). Raises if a required one is absent."""
    blobs = _blobs(gitdir, commit, paths)
    contents = _read_blobs(gitdir, sorted({sha for _, sha in blobs}))
    absent = {name for name, sha in blobs if sha not in contents}
    listed = {name for name, _ in blobs}
    lost = sorted((required - listed) | (required & absent))
    if lost:
        raise FileNotFoundError(f"not in the snapshot at {commit[:10]}: {', '.join(lost)}")
    written = 0
    for name, sha in blobs:
        target = _safe_target(dest, name)
        if target is None or sha not in contents:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(contents[sha])
        written += 1
    return written, len(absent)


JATS_TOOL = Path(__file__).with_name("jats_fixed.py")


def _convert(doc: dict[str, object], dest: Path, jats_tool: Path) -> str:
    """Run the converter a document asks for; returns "" or a failure sentence."""
    if doc.get("convert") != "jats_to_text":
        return f"unknown conversion {doc.get('convert')!r}"
    if not jats_tool.is_file():
        return f"converter not found: {jats_tool} (pass --jats-tool)"
    source = dest / str(doc["main"])
    run = subprocess.run(
        [sys.executable, str(jats_tool), str(source), "-o", str(dest)],
        capture_output=True,
        text=True,
    )
    made = dest / str(doc.get("check") or source.with_suffix(".md").name)
    if run.returncode != 0 or not made.is_file():
        return f"conversion failed: {run.stderr.strip()[-300:]}"
    return ""


def materialize(
    doc: dict[str, object],
    corpus: str,
    mirror: Path,
    out: Path,
    force: bool,
    jats_tool: Path = JATS_TOOL,
) -> str:
    """Extract one document; returns a one-line status."""
    doc_id = str(doc["id"])
    dest = out / corpus / doc_id
    if dest.exists() and not force:
        return f"{doc_id}: present"
    gitdir = git_dir(mirror, str(doc["repo"]))
    if gitdir is None:
        return f"{doc_id}: MISSING snapshot of {doc['repo']} under {mirror}"
    main = str(doc["main"])
    files = [main, *[str(f) for f in doc.get("files", [])]]  # type: ignore[attr-defined]
    pdf = str(doc["pdf"]) if doc.get("pdf") else None
    pdf_commit = str(doc["pdf_commit"]) if doc.get("pdf_commit") else None
    required = {main}
    if pdf and not pdf_commit:  # source/PDF pairs (bench/realworld/pdf)
        files.append(pdf)
        required.add(pdf)
    whole = any(not f.strip("/") for f in files)
    try:
        written, skipped = _extract(
            gitdir, str(doc["commit"]), [] if whole else files, dest, required
        )
        if (
            pdf and pdf_commit
        ):  # a PDF built elsewhere (e.g. a CI deploy branch) from the source commit
            more, _ = _extract(gitdir, pdf_commit, [pdf], dest, {pdf})
            written += more
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        detail = (
            exc.stderr.decode(errors="replace").strip()
            if isinstance(exc, subprocess.CalledProcessError)
            else str(exc)
        )
        return f"{doc_id}: extraction failed: {detail}"
    if doc.get("convert"):
        problem = _convert(doc, dest, jats_tool)
        if problem:
            return f"{doc_id}: extraction failed: {problem}"
    note = f" ({skipped} files absent from the snapshot)" if skipped else ""
    return f"{doc_id}: {written} files{note}"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=Path("/work/corpora"))
    parser.add_argument("--only", nargs="*", default=None, help="document ids")
    parser.add_argument("--force", action="store_true", help="extract again over existing folders")
    parser.add_argument(
        "--jats-tool",
        type=Path,
        default=JATS_TOOL,
        help="converter for documents with convert=jats_to_text",
    )
    args = parser.parse_args(argv)
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    corpus = manifest["corpus"]
    failed = 0
    for doc in manifest["documents"]:
        if args.only is not None and doc["id"] not in args.only:
            continue
        status = materialize(doc, corpus, args.mirror, args.out, args.force, args.jats_tool)
        failed += "MISSING" in status or "failed" in status
        print(status)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
