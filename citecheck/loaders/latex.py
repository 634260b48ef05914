"""LaTeX manuscripts: the ``\\cite`` family, included files and the bibliography, without TeX.

The main file and every file it brings in with ``\\input``, ``\\include``,
``\\subfile`` or ``\\import`` are read in TeX's order; citation locations point into
the file that holds them. ``\\bibliography`` / ``\\addbibresource`` files are read
with the BibTeX loader; a ``thebibliography`` environment with the reference parser.
A missing or cyclic include is a :class:`Problem`, not a failure.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from citecheck.citations.cap import LAST_CAP, MAX_CITATIONS
from citecheck.loaders import refcap
from citecheck.loaders._latex_commands import (
    BibItem,
    BibResource,
    CiteCall,
    Include,
    find_commands,
)
from citecheck.loaders._latex_meta import (
    bibitem_references,
    latex_metadata,
    light_detex,
    sentence_at,
)
from citecheck.loaders._latex_scan import mask
from citecheck.loaders.files import inside, project_bases, read_text
from citecheck.model.document import Citation, Document, LineIndex, Location, Problem, Reference
from citecheck.model.errors import InputError, LimitError

MAX_FILES = 2000  # includes followed per document: guards against include bombs
MAX_DEPTH = 32  # include nesting followed (TeX's own limit, max_in_open, is 15)


@dataclass
class _SourceFile:
    display: str
    text: str
    masked: str
    base: int  # offset of this file in the combined document text
    index: LineIndex


@dataclass
class _State:
    root_dir: Path
    root_display_dir: str
    bases: tuple[Path, ...] = ()
    files: list[_SourceFile] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    bib_resources: list[tuple[str, Location]] = field(default_factory=list)
    bibitems: list[tuple[BibItem, str, str, str, LineIndex]] = field(default_factory=list)
    allow_uncited: bool = False
    group: int = 0
    offset: int = 0
    shared: bool = False


def load(path: Path, display_path: str) -> Document:
    """Read a LaTeX manuscript and everything it includes."""
    text, _ = read_text(path)
    state = _State(
        root_dir=path.parent,
        root_display_dir=posixpath.dirname(display_path),
        bases=project_bases(path),
    )
    _walk(path, display_path, text, state, stack=[path.resolve()])
    combined = "\n".join(f.text for f in state.files)
    refcap.cite(c.key for c in state.citations)  # cited entries are read past the budget
    references, ref_problems, ref_files = _bibliography(state)
    problems = state.problems + ref_problems
    main = state.files[0]
    return Document(
        path=display_path,
        format="latex",
        text=combined,
        citations=tuple(state.citations),
        references=tuple(references),
        metadata=latex_metadata([f.masked for f in state.files]),
        problems=tuple(problems),
        bibliography_found=bool(state.bib_resources or state.bibitems),
        reference_files=tuple(ref_files),
        allow_uncited=state.allow_uncited or state.shared or _marked_shared(main.text),
        cited_only_database=True,
    )


def _marked_shared(text: str) -> bool:
    return re.search(r"%\s*citecheck\s*:\s*shared-bib", text, re.I) is not None


def _walk(path: Path, display: str, text: str, state: _State, *, stack: list[Path]) -> None:
    masked = mask(text)
    src = _SourceFile(
        display=display, text=text, masked=masked.text, base=state.offset, index=LineIndex(text)
    )
    state.files.append(src)
    state.offset += len(text) + 1
    suppress = _suppressions(masked.markers, src)
    if any(name == "shared-bib" for _, name, _ in masked.markers):
        state.shared = True
    for cmd in find_commands(_cap_cites(masked.text, src, state)):
        if isinstance(cmd, CiteCall):
            if len(state.citations) < MAX_CITATIONS:
                _add_citations(cmd, src, state, suppress)
                if len(state.citations) >= MAX_CITATIONS:  # reported by the engine
                    line = src.index.location(src.display, cmd.end).line or 1
                    LAST_CAP.set((line, len(state.citations), len(state.citations)))
            else:
                capped = LAST_CAP.get()
                if capped is not None:
                    LAST_CAP.set((capped[0], capped[1], capped[2] + len(cmd.keys)))
        elif isinstance(cmd, Include):
            _follow(cmd, path, src, state, stack=stack)
        elif isinstance(cmd, BibResource):
            loc = src.index.location(src.display, cmd.start)
            for name in cmd.names:
                state.bib_resources.append((_bib_name(cmd, name, path, state), loc))
        elif isinstance(cmd, BibItem):
            state.bibitems.append((cmd, src.display, src.text, src.masked, src.index))


_CITE_NAME = re.compile(r"\\[A-Za-z]*cite[A-Za-z]*\*?")


def _cap_cites(masked: str, src: _SourceFile, state: _State) -> str:
    """``masked`` with the names of citation commands past the citation cap blanked, so
    the command list of a huge file stays bounded (includes and bibliographies after
    the cut are still read); the engine reports the cut (``LAST_CAP``)."""
    budget = MAX_CITATIONS - len(state.citations)
    cut = None
    for k, m in enumerate(_CITE_NAME.finditer(masked), start=1):
        if k > budget:
            cut = m.start()
            break
    if cut is None:
        return masked
    tail, dropped = _CITE_NAME.subn(lambda m: " " * len(m.group()), masked[cut:])
    line = src.index.location(src.display, cut).line or 1
    LAST_CAP.set((line, MAX_CITATIONS, MAX_CITATIONS + dropped))
    return masked[:cut] + tail


def _suppressions(
    markers: tuple[tuple[int, str, tuple[str, ...]], ...], src: _SourceFile
) -> dict[int, tuple[str, ...]]:
    """``% citecheck: ignore[rule]`` applies to its own line, or the next one when alone."""
    out: dict[int, tuple[str, ...]] = {}
    for offset, name, args in markers:
        if name not in ("ignore", "disable"):
            continue
        line, _ = src.index.line_col(offset)
        line_text = src.text[src.index.line_start(line) : offset]
        target = line if line_text.strip() else line + 1
        out[target] = out.get(target, ()) + (args or ("*",))
    return out


def _add_citations(
    cmd: CiteCall, src: _SourceFile, state: _State, suppress: dict[int, tuple[str, ...]]
) -> None:
    if cmd.nocite and any(k.key == "*" for k in cmd.keys):
        state.allow_uncited = True
    keys = [k for k in cmd.keys if k.key != "*"]
    if not keys:
        return
    state.group += 1
    raw = src.text[cmd.start : cmd.end]
    sentence = None if cmd.nocite else sentence_at(src.masked, cmd.start, cmd.end)
    for k in keys:
        note_index = cmd.key_groups[cmd.keys.index(k)] if cmd.key_groups else 0
        pre, post = cmd.notes[note_index] if cmd.notes else (cmd.prenote, cmd.postnote)
        pre, post = (
            (light_detex(pre) or None) if pre else None,
            (light_detex(post) or None) if post else None,
        )
        loc = src.index.location(src.display, k.start)
        state.citations.append(
            Citation(
                text=raw,
                style="key",
                key=k.key,
                narrative=cmd.narrative,
                prefix=pre,
                locator=post,
                group=state.group,
                start=src.base + cmd.start,
                end=src.base + cmd.end,
                location=loc,
                sentence=sentence,
                suppressed=suppress.get(loc.line, ()),
            )
        )


def _candidates(target: str, base_dirs: list[Path], *, add_tex: bool) -> list[Path]:
    out: list[Path] = []
    for d in base_dirs:
        p = d / target
        out.append(p)
        if add_tex and not target.lower().endswith(".tex"):
            out.insert(len(out) - 1, p.with_name(p.name + ".tex"))
    return out


def _follow(
    cmd: Include, current: Path, src: _SourceFile, state: _State, *, stack: list[Path]
) -> None:
    loc = src.index.location(src.display, cmd.start)
    target = cmd.target.strip().strip('"')
    if not target:
        return
    if cmd.command in ("import", "inputfrom", "includefrom"):
        dirs = [state.root_dir / (cmd.directory or "")]
    elif cmd.directory is not None:  # \subimport: relative to the current file
        dirs = [current.parent / cmd.directory]
    else:
        dirs = [state.root_dir, current.parent]
    found = next((p for p in _candidates(target, dirs, add_tex=True) if p.is_file()), None)
    shown = f"\\{cmd.command}{{{cmd.target}}}"
    if found is None:
        if target.endswith((".bbl", ".aux", ".toc", ".sty", ".cls", ".tikz", ".pgf")):
            return
        state.problems.append(
            Problem(
                message=f"{shown}: file not found; its citations are not checked",
                location=loc,
                kind="missing-include",
                evidence={"target": target},
            )
        )
        return
    resolved = found.resolve()
    if not _inside_project(resolved, state):
        state.problems.append(
            Problem(
                message=f"{shown}: outside the project folder; not followed",
                location=loc,
                kind="include-outside",
                evidence={"target": target},
            )
        )
        return
    if resolved in stack:
        state.problems.append(
            Problem(
                message=f"{shown}: include cycle (the file includes itself); followed once",
                location=loc,
                kind="include-cycle",
                evidence={"target": target},
            )
        )
        return
    if len(stack) > MAX_DEPTH:
        state.problems.append(
            Problem(
                message=f"{shown}: included files nested more than {MAX_DEPTH} levels deep "
                "(TeX stops at 15); not followed",
                location=loc,
                kind="include-limit",
            )
        )
        return
    if len(state.files) >= MAX_FILES:
        state.problems.append(
            Problem(
                message=f"{shown}: more than {MAX_FILES} included files; not followed",
                location=loc,
                kind="include-limit",
            )
        )
        return
    try:
        text, _ = read_text(found)
    except InputError as exc:
        state.problems.append(
            Problem(message=f"{shown}: {exc}", location=loc, kind="missing-include")
        )
        return
    _walk(found, _display_for(found, state), text, state, stack=[*stack, resolved])


def _inside_project(resolved: Path, state: _State) -> bool:
    """Includes may not leave the project: the main file's folder, the working folder
    or the repository holding the main file (:func:`~citecheck.loaders.files.
    project_bases`), so a manuscript cannot pull in (and send to a registry) text from
    elsewhere."""
    return inside(resolved, state.bases)


def _display_for(found: Path, state: _State) -> str:
    """The included file's path as the user sees it: relative to the main file's folder."""
    try:
        rel = found.resolve().relative_to(state.root_dir.resolve()).as_posix()
    except ValueError:
        rel = Path(
            posixpath.relpath(found.resolve().as_posix(), state.root_dir.resolve().as_posix())
        ).as_posix()
    joined = posixpath.join(state.root_display_dir, rel) if state.root_display_dir else rel
    return posixpath.normpath(joined)


def _bib_name(cmd: BibResource, name: str, current: Path, state: _State) -> str:
    del current
    if cmd.command in ("bibliography", "nobibliography") and not name.lower().endswith(".bib"):
        return name + ".bib"
    return name


def _bibliography(state: _State) -> tuple[list[Reference], list[Problem], list[str]]:
    from citecheck.loaders.bibtex import load_references

    refs: list[Reference] = []
    problems: list[Problem] = []
    files: list[str] = []
    seen: set[Path] = set()
    for name, loc in state.bib_resources:
        if re.match(r"^[a-z]+://", name):
            problems.append(
                Problem(
                    message=f"remote bibliography '{name}' is not read",
                    location=loc,
                    kind="missing-bibliography-file",
                )
            )
            continue
        path = state.root_dir / name
        if not path.is_file():
            problems.append(
                Problem(
                    message=f"bibliography file '{name}' not found; its entries are not checked",
                    location=loc,
                    kind="missing-bibliography-file",
                    evidence={"file": name},
                )
            )
            continue
        if not _inside_project(path.resolve(), state):
            problems.append(
                Problem(
                    message=f"bibliography file '{name}' is outside the project folder; not read",
                    location=loc,
                    kind="bibliography-outside",
                    evidence={"file": name},
                )
            )
            continue
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        shown = _display_for(path, state)
        try:
            got, probs = load_references(path, shown)
        except LimitError:
            raise  # refused, not merely unreadable: the run stops with exit 2
        except InputError as exc:
            problems.append(
                Problem(message=str(exc), location=loc, kind="missing-bibliography-file")
            )
            continue
        refs.extend(got)
        problems.extend(probs)
        files.append(shown)
    if state.bibitems:
        refs.extend(bibitem_references(state.bibitems, problems))
    return refs, problems, files
