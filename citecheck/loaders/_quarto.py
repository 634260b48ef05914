"""Quarto and R Markdown projects: the text Pandoc would see, file by file.

Before Pandoc reads a ``.qmd`` or ``.Rmd`` file, Quarto or knitr splice in other
files: ``{{< include part.qmd >}}`` shortcodes, knitr ``child="part.Rmd"`` chunks and,
for a book (``project: type: book`` in ``_quarto.yml``), every chapter listed under
``book: chapters`` / ``appendices``. The project's ``_quarto.yml`` also carries
metadata every document inherits, such as ``bibliography:``.

Each file is kept as a part of its own, so citation locations point into the file
that holds them. Files are confined to the project (:func:`~citecheck.loaders.files.
project_bases`) and bounded in number and depth like LaTeX includes.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from citecheck.loaders._includes import missing_include, outside_include
from citecheck.loaders._safe_yaml import safe_load
from citecheck.loaders.files import inside, project_bases, read_text
from citecheck.model.document import LineIndex, Location, Problem
from citecheck.model.errors import InputError

MAX_PARTS = 2000  # files spliced into one document (chapters, includes, children)
MAX_DEPTH = 32  # include nesting followed

_INCLUDE = re.compile(r"\{\{<\s*include\s+(?P<q>['\"]?)(?P<name>[^'\"\s>]+)(?P=q)\s*>\}\}")
# ```{r label, child = "a.Rmd"} or child = c("a.Rmd", "b.Rmd")
_CHILD_CHUNK = re.compile(r"^[ \t>]*`{3,}\s*\{r\b[^}\n]*?\bchild\s*=\s*(?P<arg>[^}\n]*)\}", re.M)
_QUOTED = re.compile(r"[\"']([^\"']+)[\"']")
# Quarto cross-reference prefixes (figures, tables, sections, equations, listings,
# theorem-like blocks, appendices): ``@fig-map`` is a link to a label, never a citation.
QUARTO_XREF = re.compile(
    r"^(?:fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg|apx)-[\w]"
)


@dataclass
class Part:
    """One file of the assembled document."""

    path: Path
    display: str
    text: str
    child: bool  # an included file or a later chapter (its front matter is not the document's)


@dataclass
class Project:
    """The files Pandoc would read for one manuscript, and the project configuration."""

    parts: list[Part]
    config: dict[str, Any] = field(default_factory=dict)
    config_dir: Path | None = None
    config_display: str | None = None
    quarto: bool = False
    book: bool = False
    problems: list[Problem] = field(default_factory=list)


def find_config(path: Path) -> Path | None:
    """The nearest ``_quarto.yml`` from the manuscript's folder up to the project root."""
    bases = [b.resolve() for b in project_bases(path)]
    here = path.resolve().parent
    for folder in (here, *here.parents):
        if not any(folder == b or b in folder.parents for b in bases):
            break
        for name in ("_quarto.yml", "_quarto.yaml"):
            if (folder / name).is_file():
                return folder / name
    return None


def _rel_display(target: Path, main: Path, main_display: str) -> str:
    rel = posixpath.relpath(target.resolve().as_posix(), main.resolve().parent.as_posix())
    return posixpath.normpath(posixpath.join(posixpath.dirname(main_display), rel))


_PAGE = (".qmd", ".md", ".rmd", ".ipynb")


def _chapters(items: object) -> list[str]:
    """The files of ``book: chapters`` in order: plain entries, ``- href:``/``- file:``
    entries (with a sidebar ``text:``), a part given as a file (``- part: start.qmd``,
    a page of its own before the part's chapters) and the chapters of each part."""
    out: list[str] = []
    if isinstance(items, list):
        for item in items:
            if isinstance(item, str):
                out.append(item)
            elif isinstance(item, dict):
                page = item.get("href", item.get("file"))
                part = item.get("part")
                if isinstance(page, str) and "://" not in page:  # a link is no chapter
                    out.append(page)
                elif isinstance(part, str) and part.lower().endswith(_PAGE):
                    out.append(part)
                out.extend(_chapters(item.get("chapters")))
    return out


def _load_config(file: Path, problems: list[Problem], shown: str) -> dict[str, Any]:
    try:
        text, _ = read_text(file)
        data = safe_load(text)
    except (InputError, yaml.YAMLError, ValueError) as exc:
        problems.append(
            Problem(
                message=f"{shown}: not read ({str(exc).splitlines()[0][:160]}); "
                "its bibliography and chapters are not known",
                location=Location(path=shown),
                kind="parse-error",
            )
        )
        return {}
    return data if isinstance(data, dict) else {}


def assemble(path: Path, display: str, text: str) -> Project:
    """The parts of the manuscript at ``path`` (already read as ``text``)."""
    cfg_file = find_config(path)
    problems: list[Problem] = []
    config: dict[str, Any] = {}
    cfg_display = None
    if cfg_file is not None:
        cfg_display = _rel_display(cfg_file, path, display)
        config = _load_config(cfg_file, problems, cfg_display)
    quarto = cfg_file is not None or path.suffix.lower() == ".qmd"
    project = Project(
        parts=[],
        config=config,
        config_dir=cfg_file.parent if cfg_file else None,
        config_display=posixpath.dirname(cfg_display) if cfg_display else None,
        quarto=quarto,
        problems=problems,
    )
    book = config.get("book")
    proj = config.get("project")
    chapters = (
        _chapters(book.get("chapters")) + _chapters(book.get("appendices"))
        if isinstance(book, dict)
        else []
    )
    kind = proj.get("type", "book") if isinstance(proj, dict) else "book"
    is_book = bool(chapters) and cfg_file is not None and kind == "book"
    if is_book and cfg_file is not None:
        files = [cfg_file.parent / c for c in chapters if not c.lower().endswith(".ipynb")]
        resolved = [f.resolve() for f in files]
        if path.resolve() in resolved:
            project.book = True
            seen: set[Path] = set()
            for f in files:
                _add(project, f, path, display, text, seen, depth=0)
            return project
    _add(project, path, path, display, text, set(), depth=0)
    return project


def _add(
    project: Project,
    file: Path,
    main: Path,
    main_display: str,
    main_text: str,
    seen: set[Path],
    *,
    depth: int,
    where: Location | None = None,
) -> None:
    shown = (
        main_display if file.resolve() == main.resolve() else _rel_display(file, main, main_display)
    )
    loc = where or Location(path=project.config_display or main_display)
    resolved = file.resolve()
    if resolved in seen:
        return
    if not file.is_file():
        project.problems.append(missing_include(shown, loc, shown))
        return
    if not inside(file, project_bases(main)):
        project.problems.append(outside_include(shown, loc, shown))
        return
    if depth > MAX_DEPTH or len(project.parts) >= MAX_PARTS:
        project.problems.append(
            Problem(
                message=f"{shown}: more than {MAX_PARTS} files or {MAX_DEPTH} levels of "
                "includes; not followed",
                location=loc,
                kind="include-limit",
            )
        )
        return
    seen.add(resolved)
    if resolved == main.resolve():
        text = main_text
    else:
        try:
            text, _ = read_text(file)
        except InputError as exc:
            project.problems.append(Problem(message=str(exc), location=loc, kind="missing-include"))
            return
    is_main = resolved == main.resolve()
    project.parts.append(Part(path=file, display=shown, text=text, child=not is_main))
    index = LineIndex(text)
    for name, offset in _spliced(text):
        target = file.parent / name
        _add(
            project,
            target,
            main,
            main_display,
            main_text,
            seen,
            depth=depth + 1,
            where=index.location(shown, offset),
        )


# A fenced block whose attributes turn shortcodes off (```{shortcodes=false}): Quarto
# shows the shortcodes inside as they are (documentation of an include, not an include).
_FENCE_OPEN = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$", re.M)
_NO_SHORTCODES = re.compile(r"\{[^}\n]*\bshortcodes\s*=\s*false\b")


def _literal_spans(text: str) -> list[tuple[int, int]]:
    """Spans of fenced blocks with ``shortcodes=false``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := _FENCE_OPEN.search(text, pos)) is not None:
        fence = m.group("fence")
        close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        c = close.search(text, m.end())
        end = c.end() if c is not None else len(text)
        if _NO_SHORTCODES.search(m.group("info")):
            spans.append((m.start(), end))
        pos = end
    return spans


def _spliced(text: str) -> list[tuple[str, int]]:
    """(file name, offset) of every include shortcode and knitr child chunk; an escaped
    shortcode (``{{{< include x >}}}``) or one in a block with ``shortcodes=false`` is
    text Quarto prints, not an include."""
    literal = _literal_spans(text) if "shortcodes" in text else []
    out = [
        (m.group("name"), m.start())
        for m in _INCLUDE.finditer(text)
        if not (m.start() > 0 and text[m.start() - 1] == "{")
        and not any(a <= m.start() < b for a, b in literal)
    ]
    for m in _CHILD_CHUNK.finditer(text):
        out.extend((q.group(1), m.start()) for q in _QUOTED.finditer(m.group("arg")))
    out.sort(key=lambda x: x[1])
    return out


def is_quarto_xref(key: str) -> bool:
    """``fig-map``, ``sec-intro``, ``tbl-1``… (Quarto cross-reference labels)."""
    return QUARTO_XREF.match(key) is not None
