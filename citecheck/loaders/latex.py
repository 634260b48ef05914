"""LaTeX manuscripts: the ``\\cite`` family, included files and the bibliography, without TeX.

The main file and every file it brings in with ``\\input``, ``\\include``,
``\\subfile`` or ``\\import`` are read in TeX's order; citation locations point into
the file that holds them. ``\\bibliography`` / ``\\addbibresource`` files are read
with the BibTeX loader; a ``thebibliography`` environment with the reference parser.
A missing or cyclic include is a :class:`Problem`, not a failure.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from citecheck.citations.cap import LAST_CAP, MAX_CITATIONS
from citecheck.loaders import refcap
from citecheck.loaders._includes import missing_include, outside_include
from citecheck.loaders._latex_build import BuildFile, compiled_for, newer_than
from citecheck.loaders._latex_commands import (
    ARG_LIMIT,
    BIB_RESOURCES,
    INCLUDES,
    BibItem,
    BibResource,
    CiteCall,
    CiteKey,
    Command,
    Include,
    command_at,
)
from citecheck.loaders._latex_flow import (
    if_file_exists,
    if_str_eq,
    unroll_foreach,
    unroll_multiframe,
)
from citecheck.loaders._latex_macros import CS, Macro, Macros, split_options, substitute
from citecheck.loaders._latex_meta import (
    bibitem_references,
    latex_metadata,
    light_detex,
    sentence_at,
)
from citecheck.loaders._latex_scan import mask, read_group, read_optionals
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
    bib_resources: list[tuple[str, str, Location, Path]] = field(default_factory=list)
    macros: Macros = field(default_factory=Macros)
    packages: set[Path] = field(default_factory=set)
    passed: dict[str, list[str]] = field(default_factory=dict)  # \PassOptionsTo…
    bibitems: list[tuple[BibItem, str, str, str, LineIndex]] = field(default_factory=list)
    allow_uncited: bool = False
    group: int = 0
    offset: int = 0
    shared: bool = False
    sources: list[Path] = field(default_factory=list)  # every file read: .tex, .cls, .sty
    unrolled: int = 0  # characters of \foreach bodies read so far (MAX_UNROLLED)


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
    references, ref_problems, ref_files, declared = _bibliography(
        state, path, bool(state.citations)
    )
    problems = state.problems + ref_problems
    if state.macros.limited:
        problems.append(
            Problem(
                message="more than 20,000 macro uses expanded; later ones are not followed",
                location=Location(path=display_path),
                kind="include-limit",
            )
        )
    main = state.files[0]
    return Document(
        path=display_path,
        format="latex",
        text=combined,
        citations=tuple(state.citations),
        references=tuple(references),
        metadata=latex_metadata([f.masked for f in state.files]),
        problems=tuple(problems),
        bibliography_found=declared,
        reference_files=tuple(ref_files),
        allow_uncited=state.allow_uncited or state.shared or _marked_shared(main.text),
        cited_only_database=True,
    )


def _marked_shared(text: str) -> bool:
    return re.search(r"%\s*citecheck\s*:\s*shared-bib", text, re.I) is not None


def _walk(
    path: Path,
    display: str,
    text: str,
    state: _State,
    *,
    stack: list[Path],
    package: bool = False,
    options: tuple[str, ...] = (),
) -> None:
    """Read one file in TeX's order: definitions recorded, local classes/packages and
    includes followed where they are loaded, user macros expanded where they are used.
    A package (``.sty``/``.cls``) adds definitions and bibliography resources only."""
    state.sources.append(path)
    masked = mask(text, stop_at_end_document=not package)
    src = _SourceFile(
        display=display, text=text, masked=masked.text, base=state.offset, index=LineIndex(text)
    )
    if not package:
        state.files.append(src)
        state.offset += len(text) + 1
    if any(name == "shared-bib" for _, name, _ in masked.markers):
        state.shared = True
    ctx = _Ctx(
        path=path,
        src=src,
        stack=stack,
        package=package,
        suppress={} if package else _suppressions(masked.markers, src),
        options=list(options),
    )
    scan = masked.text if package else _cap_cites(masked.text, src, state)
    _interpret(scan, ctx, state, span=None, depth=0)
    if ctx.options:  # a package that never processed its options: they apply at its end
        _run_code(state.macros.keyval_code(",".join(ctx.options)), ctx, state, (0, 0), 0)


@dataclass
class _Ctx:
    path: Path
    src: _SourceFile
    stack: list[Path]
    package: bool
    suppress: dict[int, tuple[str, ...]]
    options: list[str]


_LOADERS = {
    "documentclass": "cls",
    "LoadClass": "cls",
    "LoadClassWithOptions": "cls",
    "usepackage": "sty",
    "RequirePackage": "sty",
    "RequirePackageWithOptions": "sty",
}
_PASS_OPTIONS = {"PassOptionsToPackage": "sty", "PassOptionsToClass": "cls"}


def _pass_options(text: str, after: int, ext: str, state: _State) -> int:
    """Record ``\\PassOptionsToPackage{opts}{names}``: the options are processed before
    the package's own when it is loaded (a thesis setup file configures its class this
    way). Returns where reading goes on."""
    opts = read_group(text, after, limit=ARG_LIMIT)
    names = read_group(text, opts[1], limit=ARG_LIMIT) if opts else None
    if opts is None or names is None:
        return after
    for pkg in names[0].split(","):
        if pkg.strip():
            state.passed.setdefault(f"{pkg.strip()}.{ext}", []).extend(split_options(opts[0]))
    return names[1]


# Code run when a user macro is used may hold these: worth expanding.
_ACTIVE = re.compile(
    r"\\(?:[A-Za-z]*cite[A-Za-z]*|input|include|subfile|import|subimport|bibliography|"
    r"addbibresource|addglobalbib|addsectionbib|nobibliography|def|gdef|edef|xdef|"
    r"newcommand|renewcommand|providecommand|setkeys)(?![A-Za-z])"
)


def _interpret(
    text: str, ctx: _Ctx, state: _State, *, span: tuple[int, int] | None, depth: int
) -> None:
    """The commands of ``text`` in order. ``span`` is the source range of the macro use
    whose expansion ``text`` is (every command found in it is located there)."""
    macros = state.macros
    pos = 0
    while True:
        m = CS.search(text, pos)
        if m is None:
            return
        name = m.group(1)
        after = m.end()
        end = macros.definition(name, text, after)
        if end is not None:
            pos = end
            continue
        if name == "setkeys":
            _, p2 = read_optionals(text, after, 1)
            family = read_group(text, p2, limit=200)
            values = read_group(text, family[1], limit=ARG_LIMIT) if family else None
            if values is None:
                pos = after
                continue
            _run_code(
                macros.keyval_code(values[0]), ctx, state, span or (m.start(), values[1]), depth
            )
            pos = values[1]
            continue
        if name.startswith(("ProcessOptions", "ProcessKeyvalOptions")) and ctx.options:
            code = macros.keyval_code(",".join(ctx.options))
            ctx.options = []
            _run_code(code, ctx, state, span or (m.start(), after), depth)
            pos = after
            continue
        if name in _PASS_OPTIONS:
            pos = _pass_options(text, after, _PASS_OPTIONS[name], state)
            continue
        if name in _LOADERS:
            opts, p2 = read_optionals(text, after, 1)
            group = read_group(text, p2, limit=ARG_LIMIT)
            if group is None:
                pos = after
                continue
            if span is None:
                for pkg in group[0].split(","):
                    _load_package(
                        pkg.strip(),
                        _LOADERS[name],
                        split_options(opts[0]) if opts else [],
                        m.start(),
                        ctx,
                        state,
                    )
            pos = group[1]
            continue
        if name in _FLOW and name not in macros.defs and depth < MAX_MACRO_DEPTH:
            if name in ("foreach", "multiframe"):
                loop = (
                    unroll_foreach(text, after, _plain_macros(macros))
                    if name == "foreach"
                    else unroll_multiframe(text, after)
                )
                cost = sum(len(b) for b in loop.bodies) if loop is not None else 0
                if loop is not None and state.unrolled + cost <= MAX_UNROLLED:
                    state.unrolled += cost
                    for code in loop.bodies:
                        if not macros.count():
                            break
                        _run_code(code, ctx, state, span or (m.start(), loop.end), depth)
                    pos = loop.end
                    continue
            else:
                untaken = (
                    if_str_eq(text, after, macros.expand_names)
                    if name == "IfStrEq"
                    else if_file_exists(
                        text, after, macros.expand_names, lambda t: _project_file(t, ctx, state)
                    )
                )
                if untaken is not None:
                    # blank the branch not taken; the rest is read where it stands
                    gap = " " * (untaken.end - untaken.start)
                    text = text[: untaken.start] + gap + text[untaken.end :]
            pos = after
            continue
        if name in ("begin", "end") and macros.envs:
            group = read_group(text, after, limit=200)
            env = macros.envs.get(group[0].strip()) if group is not None else None
            if group is not None and env is not None:
                pos = _environment(name, env, text, group[1], ctx, state, span, depth, m.start())
                continue
        macro = macros.defs.get(name)
        if macro is not None and name not in _BUILTIN:
            got = macros.invocation(text, after, macro)
            if got is None:
                pos = after
                continue
            args, inv_end = got
            if not _ACTIVE.search(macro.body) and _uses_every_argument(macro):
                pos = after  # its arguments are typeset where they stand: read them there
                continue
            if depth < MAX_MACRO_DEPTH and macros.count():
                code = substitute(macro.body, args)
                if _ACTIVE.search(code):
                    _run_code(code, ctx, state, span or (m.start(), inv_end), depth + 1)
            pos = inv_end
            continue
        cmd = command_at(text, m.start(), after, name, m.group(0).endswith("*"))
        if cmd is None:
            pos = after
            continue
        pos = max(cmd.end, after)
        if span is not None:
            cmd = _relocate(cmd, span)
        _handle(cmd, ctx, state)


MAX_MACRO_DEPTH = 8
MAX_UNROLLED = 400_000  # characters of loop bodies unrolled per document (nested loops)
_FLOW = frozenset({"foreach", "multiframe", "IfStrEq", "IfFileExists"})


def _environment(
    which: str,
    env: tuple[Macro, str],
    text: str,
    after: int,
    ctx: _Ctx,
    state: _State,
    span: tuple[int, int] | None,
    depth: int,
    start: int,
) -> int:
    """``\\begin``/``\\end`` of an environment defined with ``\\newenvironment``: its
    code runs here when it can cite, include or name a bibliography (otherwise its
    arguments are typeset where they stand and read there). Returns where reading goes on."""
    begin, end_code = env
    code, stop = end_code, after
    args: list[str] = []
    if which == "begin":
        got = state.macros.invocation(text, after, begin) if begin.nargs else ([], after)
        if got is None:
            return after
        args, stop = got
        code = begin.body
    if not _ACTIVE.search(code):
        return after
    if depth < MAX_MACRO_DEPTH and state.macros.count():
        _run_code(substitute(code, args), ctx, state, span or (start, stop), depth + 1)
    return stop


def _plain_macros(macros: Macros) -> dict[str, str]:
    """Parameterless macros' bodies (a loop's list may be one)."""
    return {k: v.body for k, v in macros.defs.items() if not v.nargs}


def _project_file(target: str, ctx: _Ctx, state: _State) -> bool:
    """Whether ``\\IfFileExists{target}`` finds a file where ``\\input`` would."""
    dirs = _search_dirs(ctx.path, state)
    return any(p.is_file() for p in _candidates(target, dirs, add_tex=True))


def _uses_every_argument(macro: Macro) -> bool:
    """Whether the body uses each parameter (``\\flcaption{…\\cite{x}}`` defined as
    ``\\caption{\\textsl{#1}}``): then the arguments are ordinary text. A macro that
    drops one (``\\newcommand\\hide[1]{}``) is expanded instead, so what it drops stays
    unread."""
    return all(f"#{k}" in macro.body for k in range(1, macro.nargs + 1))


# Names LaTeX itself gives meaning to: a redefinition in a class does not make them
# macros of ours to expand (their arguments are read as usual).
_BUILTIN = frozenset(INCLUDES | BIB_RESOURCES | {"bibitem", "nocite"})


def _run_code(code: str, ctx: _Ctx, state: _State, span: tuple[int, int], depth: int) -> None:
    if code.strip():
        _interpret(code, ctx, state, span=span, depth=depth + 1)


def _relocate(cmd: Command, span: tuple[int, int]) -> Command:
    """A command found in a macro's expansion, placed at the macro's use."""
    start, end = span
    if isinstance(cmd, CiteCall):
        keys = tuple(CiteKey(key=k.key, start=start) for k in cmd.keys)
        return dataclasses.replace(cmd, start=start, end=end, keys=keys)
    if isinstance(cmd, Include):
        return dataclasses.replace(cmd, start=start, end=end)
    if isinstance(cmd, BibResource):
        return dataclasses.replace(cmd, start=start, end=end)
    return cmd


def _handle(cmd: Command, ctx: _Ctx, state: _State) -> None:
    src = ctx.src
    if isinstance(cmd, CiteCall):
        if ctx.package:
            return
        if len(state.citations) < MAX_CITATIONS:
            _add_citations(cmd, src, state, ctx.suppress)
            if len(state.citations) >= MAX_CITATIONS:  # reported by the engine
                line = src.index.location(src.display, cmd.end).line or 1
                LAST_CAP.set((line, len(state.citations), len(state.citations)))
        else:
            capped = LAST_CAP.get()
            if capped is not None:
                LAST_CAP.set((capped[0], capped[1], capped[2] + len(cmd.keys)))
    elif isinstance(cmd, Include):
        target = state.macros.expand_names(cmd.target)
        if target != cmd.target:
            cmd = dataclasses.replace(cmd, target=target)
        _follow(cmd, ctx.path, src, state, stack=ctx.stack)
    elif isinstance(cmd, BibResource):
        loc = src.index.location(src.display, cmd.start)
        for name in cmd.names:
            state.bib_resources.append((name, cmd.command, loc, ctx.path))
    elif isinstance(cmd, BibItem) and not ctx.package:
        state.bibitems.append((cmd, src.display, src.text, src.masked, src.index))


def _load_package(
    name: str, ext: str, options: list[str], at: int, ctx: _Ctx, state: _State
) -> None:
    """Read a class or package kept in the project (TeX's own are not there)."""
    if not name or "\\" in name or "#" in name:
        return
    file_name = name if name.lower().endswith("." + ext) else f"{name}.{ext}"
    found = next(
        (
            p
            for p in (state.root_dir / file_name, ctx.path.parent / file_name)
            if p.is_file() and _inside_project(p.resolve(), state)
        ),
        None,
    )
    if found is None:
        return
    resolved = found.resolve()
    if resolved in state.packages or resolved in ctx.stack or len(ctx.stack) > MAX_DEPTH:
        return
    state.packages.add(resolved)
    try:
        text, _ = read_text(found)
    except InputError:
        return
    passed = state.passed.get(f"{name.removesuffix('.' + ext)}.{ext}", [])
    _walk(
        found,
        _display_for(found, state),
        text,
        state,
        stack=[*ctx.stack, resolved],
        package=True,
        options=(*passed, *options),
    )
    del at


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
        dirs = _search_dirs(current, state)
    candidates = _candidates(target, dirs, add_tex=True)
    found = next((p for p in candidates if p.is_file()), None)
    shown = f"\\{cmd.command}{{{cmd.target}}}"
    if found is None:
        found = next((m for p in candidates if (m := _other_case(p)) is not None), None)
        if found is not None:
            state.problems.append(
                _note(
                    f"{shown} read as '{_display_for(found, state)}': the names differ in "
                    "case (LaTeX on Windows or macOS finds it, on Linux it stops here)",
                    loc,
                    "file-name-case",
                )
            )
    if found is None:
        if target.endswith((".bbl", ".aux", ".toc", ".sty", ".cls", ".tikz", ".pgf")):
            return
        if "\\jobname" in target:  # a file the run itself writes (\jobname.exa)
            return
        state.problems.append(missing_include(shown, loc, target))
        return
    resolved = found.resolve()
    if not _inside_project(resolved, state):
        state.problems.append(outside_include(shown, loc, target))
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


_PATH_ITEM = re.compile(r"\{([^{}]{1,200})\}")


def _search_dirs(current: Path, state: _State) -> list[Path]:
    """Where ``\\input{name}`` looks, in order: the main file's folder, the including
    file's, then the ``\\input@path`` folders."""
    return [state.root_dir, current.parent, *_input_path(state)]


def _input_path(state: _State) -> list[Path]:
    """The folders of ``\\def\\input@path{{include/}{lib/}}`` (LaTeX looks there for a
    file it does not find in the current folder), relative to the main file."""
    macro = state.macros.defs.get("input@path")
    if macro is None or macro.nargs:
        return []
    return [state.root_dir / m.group(1).strip() for m in _PATH_ITEM.finditer(macro.body)][:20]


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


def _bib_names(state: _State) -> list[tuple[str, str, Location]]:
    """Every declared bibliography resource, macros expanded with the final definitions
    (as TeX would when the bibliography is printed), in order, without repeats."""
    out: list[tuple[str, str, Location]] = []
    for raw, command, loc, _ in state.bib_resources:
        expanded = state.macros.expand_names(raw)
        for name in expanded.split(","):
            name = name.strip().strip("{}").strip()
            if not name or "#" in name:
                continue
            item = (name, command, loc)
            if item not in out:
                out.append(item)
    return out


MAX_GUESSED_BIBS = 20


def _find(state: _State, name: str, command: str) -> tuple[Path | None, str | None]:
    """The file TeX would read for a resource name, and a note when its case differs."""
    names = [name]
    if command in ("bibliography", "nobibliography", "bibdata"):
        names = [name if name.lower().endswith(".bib") else name + ".bib"]
    elif not name.lower().endswith(".bib"):
        names.append(name + ".bib")
    for n in names:
        path = state.root_dir / n
        if path.is_file():
            return path, None
    for n in names:
        match = _other_case(state.root_dir / n)
        if match is not None:
            return match, f"'{n}' read as '{match.name}' (the names differ in case)"
    return None, None


def _other_case(path: Path) -> Path | None:
    """A file whose name differs from ``path``'s only in case (in the same folder):
    what TeX finds on the case-insensitive file systems of Windows and macOS."""
    folder = path.parent
    if not folder.is_dir():
        return None
    try:
        return next(
            (c for c in folder.iterdir() if c.name.lower() == path.name.lower() and c.is_file()),
            None,
        )
    except OSError:
        return None


def _bibliography(
    state: _State, main: Path, cited: bool
) -> tuple[list[Reference], list[Problem], list[str], bool]:
    """(references, problems, files read, whether a bibliography was declared).

    The sources' names are read, unless the compiled ``.aux``/``.bcf`` says better what
    BibTeX/biber read (:func:`_prefer_build`); when every name of the sources is missing,
    the compiled file's names are read instead, with a note."""
    refs: list[Reference] = []
    problems: list[Problem] = []
    files: list[str] = []
    seen: set[Path] = set()
    resources = _bib_names(state)
    declared = bool(resources or state.bibitems)
    build = None
    if cited and (resources or not declared):
        build = compiled_for(
            main, (c.key for c in state.citations if c.key), lambda p: _inside_project(p, state)
        )
    build_names = _build_resources(build, state) if build is not None else None
    if not declared and build is not None:
        compiled = _display_for(build.path, state)
        resources = [(n, "bibdata", Location(path=compiled)) for n in build.names]
        declared, build_names = True, None
        problems.append(
            _note(
                f"no \\bibliography or \\addbibresource was found in the sources; the "
                f"bibliography named in the compiled {compiled} is read ({', '.join(build.names)})",
                resources[0][2],
                "bibliography-from-build",
            )
        )
    elif resources and build is not None and build_names is not None:
        note = _prefer_build(state, build, resources)
        if note is not None:
            problems.append(note)
            resources, build_names = build_names, None
    own: list[Problem] = []
    read = _read_resources(resources, state, seen, refs, own, files)
    if read == 0 and resources and build_names is not None and build is not None:
        compiled = _display_for(build.path, state)
        own = [_softened(p) for p in own]
        own.append(
            _note(
                f"no bibliography named in the sources was found; the one named in the "
                f"compiled {compiled} is read instead ({', '.join(build.names)})",
                build_names[0][2],
                "bibliography-from-build",
            )
        )
        _read_resources(build_names, state, seen, refs, own, files)
    problems.extend(own)
    if build is not None:
        problems.extend(_unseen_citations(state, build))
    if not declared and cited:
        guessed = _project_bibs(state, main)
        if guessed:
            declared = True
            loc = Location(path=state.files[0].display if state.files else main.name)
            shown = [_display_for(g, state) for g in guessed]
            problems.append(
                Problem(
                    message="no \\bibliography, \\addbibresource or compiled .aux/.bcf "
                    "names the bibliography; the project's .bib files are read instead ("
                    + ", ".join(shown)
                    + "), which may not be what TeX uses",
                    location=loc,
                    kind="bibliography-guessed",
                    evidence={"files": shown, "severity": "warning"},
                )
            )
            for g in guessed:
                _read_bib(g, loc, state, seen, refs, problems, files)
    if state.bibitems:
        refs.extend(bibitem_references(state.bibitems, problems))
    return refs, problems, files, declared


def _build_resources(build: BuildFile, state: _State) -> list[tuple[str, str, Location]] | None:
    """The compiled file's names as resources, or ``None`` unless every one is a file
    inside the project (a build naming a missing file is no better than the sources)."""
    loc = Location(path=_display_for(build.path, state))
    out = [(n, "bibdata", loc) for n in build.names]
    for name, command, _ in out:
        path, _case = _find(state, name, command)
        if path is None or not _inside_project(path.resolve(), state):
            return None
    return out


def _prefer_build(
    state: _State, build: BuildFile, resources: list[tuple[str, str, Location]]
) -> Problem | None:
    """A note when the compiled file is to be read instead of the sources' names: it
    names other files than the sources do and is newer than every source file read and
    every ``.bib`` the sources name, so it records what BibTeX/biber really read."""
    mine = {_found_path(state, n, c) for n, c, _ in resources}
    theirs = {_found_path(state, n, "bibdata") for n in build.names}
    if mine == theirs:
        return None
    sources = [*state.sources, *(p for p in mine if p is not None)]
    if not newer_than(build.path, sources):
        return None
    compiled = _display_for(build.path, state)
    named = ", ".join(dict.fromkeys(n for n, _, _ in resources))
    return _note(
        f"the compiled {compiled} is newer than every source and names "
        f"{', '.join(build.names)} where the sources name {named}; it is read, as "
        "BibTeX/biber last read it",
        Location(path=compiled),
        "bibliography-from-build",
    )


MAX_UNSEEN_SHOWN = 10


def _unseen_citations(state: _State, build: BuildFile) -> list[Problem]:
    """A note naming the keys a compiled file newer than every source cites but the
    sources do not seem to: citations made by a command citecheck did not read."""
    seen = {c.key for c in state.citations if c.key}
    unseen = sorted(build.cited - seen - {"*"})
    if not unseen or not newer_than(build.path, state.sources):
        return []
    compiled = _display_for(build.path, state)
    shown = ", ".join(unseen[:MAX_UNSEEN_SHOWN]) + (" …" if len(unseen) > MAX_UNSEEN_SHOWN else "")
    return [
        Problem(
            message=f"the compiled {compiled}, newer than every source, cites {len(unseen)} "
            f"key(s) citecheck did not find in the sources ({shown}); they are not checked",
            location=Location(path=compiled),
            kind="citations-from-build",
            evidence={"keys": unseen, "severity": "info"},
        )
    ]


def _found_path(state: _State, name: str, command: str) -> Path | None:
    path, _ = _find(state, name, command) if "\\" not in name else (None, None)
    return path.resolve() if path is not None else None


def _softened(problem: Problem) -> Problem:
    """A missing source bibliography, when the compiled one is read instead: a warning."""
    if problem.kind != "missing-bibliography-file":
        return problem
    return problem.model_copy(update={"evidence": {**problem.evidence, "severity": "warning"}})


def _read_resources(
    resources: list[tuple[str, str, Location]],
    state: _State,
    seen: set[Path],
    refs: list[Reference],
    problems: list[Problem],
    files: list[str],
) -> int:
    """Read every resource that is a file in the project; how many were read."""
    before = len(files)
    for name, command, loc in resources:
        if re.match(r"^[a-z]+://", name):
            problems.append(
                Problem(
                    message=f"remote bibliography '{name}' is not read",
                    location=loc,
                    kind="missing-bibliography-file",
                )
            )
            continue
        if "\\" in name:
            problems.append(
                Problem(
                    message=f"bibliography '{name}' is named through a macro citecheck could "
                    "not expand; its entries are not checked",
                    location=loc,
                    kind="missing-bibliography-file",
                    evidence={"file": name},
                )
            )
            continue
        path, case_note = _find(state, name, command)
        if path is None:
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
        if case_note:
            problems.append(_note(case_note, loc, "file-name-case"))
        _read_bib(path, loc, state, seen, refs, problems, files)
    return len(files) - before


def _note(message: str, loc: Location, kind: str) -> Problem:
    return Problem(message=message, location=loc, kind=kind, evidence={"severity": "info"})


def _project_bibs(state: _State, main: Path) -> list[Path]:
    """``.bib`` files in the main file's folder, else one level below it."""
    folder = main.parent
    try:
        found = sorted(p for p in folder.glob("*.bib") if p.is_file())
        if not found:
            found = sorted(p for p in folder.glob("*/*.bib") if p.is_file())
    except OSError:
        return []
    found = [p for p in found if _inside_project(p.resolve(), state)]
    return found if 0 < len(found) <= MAX_GUESSED_BIBS else []


def _read_bib(
    path: Path,
    loc: Location,
    state: _State,
    seen: set[Path],
    refs: list[Reference],
    problems: list[Problem],
    files: list[str],
) -> None:
    from citecheck.loaders.bibtex import load_references

    if path.resolve() in seen:
        return
    seen.add(path.resolve())
    shown = _display_for(path, state)
    try:
        got, probs = load_references(path, shown)
    except LimitError:
        raise  # refused, not merely unreadable: the run stops with exit 2
    except InputError as exc:
        problems.append(Problem(message=str(exc), location=loc, kind="missing-bibliography-file"))
        return
    earlier = {r.key: r for r in refs if r.key}
    for ref in got:
        first = earlier.get(ref.key) if ref.key else None
        if first is None:
            refs.append(ref)
            continue
        # BibTeX and biber keep the first entry of a key across all the files named
        problems.append(
            Problem(
                message=f"duplicate BibTeX key '{ref.key}' (first in "
                f"{first.location.path if first.location else 'an earlier file'}): "
                "this entry is ignored by BibTeX and biber",
                location=ref.location or loc,
                kind="duplicate-key",
                evidence={"key": ref.key},
            )
        )
    problems.extend(probs)
    files.append(shown)
