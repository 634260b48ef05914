"""Pandoc Markdown: ``[@key]`` citations and bibliographies named in YAML metadata.

The Markdown loader hands a file here when :func:`is_pandoc` says so. References
come from the front matter: ``bibliography:`` files (BibTeX, CSL-JSON, CSL-YAML,
RIS, resolved next to the manuscript), inline ``references:`` (CSL), and
``nocite:`` keys (``@*`` means every entry is listed on purpose).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import yaml

from citecheck.loaders import refcap
from citecheck.loaders._latex_commands import CiteCall, find_commands
from citecheck.loaders._pandoc_cites import CITE_AT, find_cites, nocite_keys
from citecheck.loaders._safe_yaml import safe_load
from citecheck.loaders.files import inside
from citecheck.loaders.markdown import comments_end, find_headings
from citecheck.model.document import (
    Citation,
    Document,
    LineIndex,
    Location,
    Metadata,
    Problem,
    Reference,
)
from citecheck.model.errors import InputError, LimitError
from citecheck.text.spans import blank_spans

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
# "(?<!`)": a code span opens at the start of a backtick run only (linear on "````...").
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SUPPRESS = re.compile(r"<!--\s*citecheck:\s*(?:ignore|disable)(?:\[([^\]]*)\])?\s*-->", re.I)
_LINK_DEST = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
# Autolinks only: Pandoc parses "@user" in a bare URL as a citation, and so do we.
_URL = re.compile(r"<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>")
# A combining accent ends a word as its letter does: "[U\u0300@0" (decomposed "Ù@0") is
# no citation, as "[Ù@0" is not.
_EXPLICIT_BRACKET = re.compile(r"\[[^\[\]\n]*?(?<![\w\\\u0300-\u036f])-?@[\w{]")
# A BibTeX record pasted into the text ("@software{key," ... "}" on a line of its own):
# its "@software" is no citation.
_BIBTEX_HEAD = re.compile(r"^@[A-Za-z]+[ \t]*\{[^\s{},]*,[ \t]*$", re.M)
_BIBTEX_CLOSE = re.compile(r"^\}[ \t]*$", re.M)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z*_\[@])|\n\s*\n")


def front_matter(text: str) -> tuple[dict[str, Any], int]:
    """The YAML metadata block at the start (or {}) and its end offset."""
    data, end, _ = read_front_matter(text)
    return data, end


def read_front_matter(text: str) -> tuple[dict[str, Any], int, bool]:
    """(metadata, end offset, whether a block was there but could not be read).

    YAML forbids tabs in indentation, but Pandoc's reader takes them; a block that
    fails only on tabs is read again with each tab as two spaces.
    """
    m = _FRONT.match(text)
    if not m:
        return {}, 0, False
    body = m.group("body")
    for attempt in (body, body.replace("\t", "  ") if "\t" in body else None):
        if attempt is None:
            break
        try:
            data = safe_load(attempt)  # YamlLimitError is for the caller to report
        except yaml.YAMLError:
            continue
        return (data if isinstance(data, dict) else {}), m.end(), False
    return {}, m.end(), True


def is_pandoc(text: str) -> bool:
    """A Markdown file written for Pandoc citeproc: bibliography metadata or ``[@key]``."""
    meta, end = front_matter(text)
    if any(k in meta for k in ("bibliography", "references", "nocite")):
        return True
    return _EXPLICIT_BRACKET.search(_masked(text, end)) is not None


def _masked(text: str, front_end: int) -> str:
    """Text with metadata, code, comments and URLs blanked (offsets kept)."""
    hidden = [(0, front_end)]
    fence_open: tuple[int, str] | None = None
    for m in _FENCE.finditer(text):
        if fence_open is None:
            fence_open = (m.start(), m.group(1)[0] * len(m.group(1)))
        elif m.group(1).startswith(fence_open[1]):
            line_end = text.find("\n", m.end())
            hidden.append((fence_open[0], line_end if line_end != -1 else len(text)))
            fence_open = None
    if fence_open is not None:
        hidden.append((fence_open[0], len(text)))
    heads = list(_BIBTEX_HEAD.finditer(text))
    for n, head in enumerate(heads):
        # the close is looked for before the next record only: linear on many heads
        limit = heads[n + 1].start() if n + 1 < len(heads) else len(text)
        close = _BIBTEX_CLOSE.search(text, head.end(), limit)
        hidden.append((head.start(), close.end() if close else head.end()))
    current = blank_spans(text, hidden)
    for rx in (_COMMENT, _INLINE_CODE, _LINK_DEST, _URL):
        # Comments only up to the last "-->": unclosed "<!--" would make it quadratic.
        end = comments_end(current) if rx is _COMMENT else len(current)
        skip = 1 if rx is _LINK_DEST else 0
        current = blank_spans(
            current, ((m.start() + skip, m.end()) for m in rx.finditer(current, 0, end))
        )
    return current


def load_pandoc(path: Path, display_path: str, text: str) -> Document:
    """A :class:`Document` from Pandoc Markdown already read from ``path``, with the
    files Quarto/knitr splice in (book chapters, includes, knitr children)."""
    from citecheck.loaders._quarto import assemble, is_quarto_xref

    project = assemble(path, display_path, text)
    meta, front_end, unreadable = read_front_matter(text)
    problems: list[Problem] = list(project.problems)
    if unreadable:
        problems.append(_front_problem(text, display_path))
    citations: list[Citation] = []
    raw_nocite: list[str] = []  # \\nocite{...} written as raw LaTeX
    texts: list[str] = []
    base = 0
    group_base = 0
    main_masked = ""
    for part in project.parts:
        part_front = front_end if not part.child else front_matter(part.text)[1]
        masked = _masked(part.text, part_front)
        if not part.child:
            main_masked = masked
        index = LineIndex(part.text)
        suppress = _suppressions(part.text, index)
        groups = 0
        for c in find_cites(masked):
            if project.quarto and is_quarto_xref(c.key):
                continue
            loc = index.location(part.display, c.key_start)
            groups = max(groups, c.group)
            citations.append(
                Citation(
                    text=part.text[c.start : c.end],
                    style="key",
                    key=c.key,
                    narrative=c.narrative,
                    prefix=c.prefix,
                    locator=c.locator,
                    group=group_base + c.group,
                    start=base + c.start,
                    end=base + c.end,
                    location=loc,
                    sentence=_sentence(masked, c.start, c.end),
                    suppressed=suppress.get(loc.line, ()),
                )
            )
        for raw in _raw_latex_cites(masked):
            if raw.nocite:
                raw_nocite.extend(k.key for k in raw.keys)
                continue
            groups += 1
            loc = index.location(part.display, raw.start)
            for k in (k for k in raw.keys if k.key != "*"):
                citations.append(
                    Citation(
                        text=part.text[raw.start : raw.end],
                        style="key",
                        key=k.key,
                        narrative=raw.narrative,
                        group=group_base + groups,
                        start=base + raw.start,
                        end=base + raw.end,
                        location=loc,
                        sentence=_sentence(masked, raw.start, raw.end),
                        suppressed=suppress.get(loc.line, ()),
                    )
                )
        group_base += groups
        texts.append(part.text)
        base += len(part.text) + 1
    # Quarto: the document's front matter over the project's _quarto.yml.
    config = project.config
    merged = {**config, **meta}
    keys, star = nocite_keys(merged.get("nocite", ""))
    star = star or "*" in raw_nocite
    keys = [*keys, *(k for k in raw_nocite if k != "*" and k not in keys)]
    nocite_line = _meta_line(text, front_end, "nocite")
    group = max((c.group for c in citations), default=0)
    for key in keys:
        group += 1
        loc = Location(path=display_path, line=nocite_line, column=1)
        citations.append(Citation(text=f"@{key}", style="key", key=key, group=group, location=loc))
    refcap.cite(c.key for c in citations)  # cited entries are read past the budget
    references, files = _references(path, display_path, text, meta, front_end, problems)
    declared = "bibliography" in meta or "references" in meta
    if "bibliography" not in meta and "bibliography" in config and project.config_dir:
        got, got_files = _references(
            project.config_dir / "_quarto.yml",
            posixpath.join(project.config_display or "", "_quarto.yml"),
            "",
            {"bibliography": config["bibliography"]},
            0,
            problems,
        )
        references += got
        files += got_files
        declared = True
    citations.extend(_knitted_citations(project.parts, references, group))
    return Document(
        path=display_path,
        format="pandoc",
        text="\n".join(texts) if len(texts) > 1 else text,
        citations=tuple(citations),
        references=tuple(references),
        metadata=_metadata(text, main_masked or _masked(text, front_end), merged),
        problems=tuple(problems),
        bibliography_found=declared,
        reference_files=tuple(files),
        allow_uncited=star,
        cited_only_database=True,
    )


def _raw_latex_cites(masked: str) -> list[CiteCall]:
    """``\\citep{key}``, ``\\citet{key}``, ``\\cite{key}`` written as raw LaTeX in
    Pandoc Markdown (R Markdown with ``citation_package: natbib`` or biblatex passes them
    to the LaTeX build, where BibTeX/biber resolve them from the same bibliography)."""
    if "\\" not in masked or "cite" not in masked:
        return []
    return [
        c
        for c in find_commands(masked)
        if isinstance(c, CiteCall) and (c.nocite or any(k.key != "*" for k in c.keys))
    ]


# R code whose knitted output cites every entry of a bibliography file: papaja's
# cite_r(file = "r-references.bib") and grateful's cite_packages() (which writes
# grateful-refs.bib, or out.file + ".bib", and cites all of it).
_CITE_R = re.compile(r"\bcite_r\s*\((?P<args>[^()]*)\)")
_CITE_PACKAGES = re.compile(r"\bcite_packages\s*\((?P<args>[^()]*)\)")
_R_ARG = re.compile(r"\b(?P<name>file|out\.file)\s*=\s*[\"'](?P<value>[^\"']+)[\"']")


def _knitted_citations(parts: list[Any], references: list[Reference], group: int) -> list[Citation]:
    """Citations that only exist once the R code is run: each entry of the file that
    ``cite_r`` / ``cite_packages`` cites, located at the call."""
    out: list[Citation] = []
    for part in parts:
        index: LineIndex | None = None
        for rx in (_CITE_R, _CITE_PACKAGES):
            for m in rx.finditer(part.text):
                args = {a.group("name"): a.group("value") for a in _R_ARG.finditer(m.group("args"))}
                if rx is _CITE_R:
                    name = args.get("file")
                else:
                    name = args.get("out.file", "grateful-refs") + ".bib"
                if not name:
                    continue
                base = posixpath.basename(name)
                keys = [
                    r.key
                    for r in references
                    if r.key and posixpath.basename(r.location.path) == base
                ]
                if not keys:
                    continue
                index = index or LineIndex(part.text)
                loc = index.location(part.display, m.start())
                group += 1
                out.extend(
                    Citation(text=m.group(0), style="key", key=k, group=group, location=loc)
                    for k in keys
                )
    return out


def _front_problem(text: str, display_path: str) -> Problem:
    return Problem(
        message="the YAML front matter could not be read, so its bibliography and "
        "nocite settings are not known",
        location=Location(path=display_path, line=1, column=1),
        kind="parse-error",
    )


def load(path: Path, display_path: str) -> Document:
    """Read a Pandoc Markdown file (also used when the suffix says nothing)."""
    from citecheck.loaders._safe_yaml import YamlLimitError
    from citecheck.loaders.files import read_text

    text, _ = read_text(path)
    try:
        return load_pandoc(path, display_path, text)
    except YamlLimitError as exc:  # the front matter starts on line 2
        raise LimitError(
            f"{display_path}: line {exc.line + 1}: YAML front matter {exc.reason}; refused"
        ) from exc


def _suppressions(text: str, index: LineIndex) -> dict[int, tuple[str, ...]]:
    """``<!-- citecheck: ignore[rule] -->``: its own line, or the next line when alone."""
    out: dict[int, tuple[str, ...]] = {}
    for m in _SUPPRESS.finditer(text):
        line, _ = index.line_col(m.start())
        line_start = index.line_start(line)
        alone = not text[line_start : m.start()].strip()
        rest_end = text.find("\n", m.end())
        alone = alone and not text[m.end() : rest_end if rest_end != -1 else len(text)].strip()
        target = line + 1 if alone else line
        args = tuple(a.strip() for a in (m.group(1) or "*").split(",") if a.strip())
        out[target] = out.get(target, ()) + args
    return out


def _meta_line(text: str, front_end: int, key: str) -> int:
    m = re.search(rf"^{re.escape(key)}\s*:", text[:front_end], re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _sentence(masked: str, start: int, end: int) -> str | None:
    left = max(0, start - 1500)
    for m in _SENTENCE_END.finditer(masked, max(0, start - 1500), min(len(masked), start + 2)):
        if m.end() <= start:
            left = m.end()
    right_m = _SENTENCE_END.search(masked, end, end + 1500)
    right = right_m.end() if right_m else min(len(masked), end + 400)
    raw = re.sub(r"\[[^\[\]]*@[^\[\]]*\]", " ", masked[left:right])
    raw = CITE_AT.sub(" ", raw)
    out = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(raw.split()))
    return out or None


def _references(
    path: Path,
    display_path: str,
    text: str,
    meta: dict[str, Any],
    front_end: int,
    problems: list[Problem],
) -> tuple[list[Reference], list[str]]:
    from citecheck.loaders import load_reference_file, reference_suffixes
    from citecheck.loaders.csl_yaml import csl_items_to_references, item_lines

    refs: list[Reference] = []
    files: list[str] = []
    names = _bibliography_names(meta.get("bibliography"))
    line = _meta_line(text, front_end, "bibliography")
    here = posixpath.dirname(display_path)
    for name in names:
        loc = Location(path=display_path, line=line, column=1)
        candidates = [path.parent / name, Path.cwd() / name]
        found = next((p for p in candidates if p.is_file()), None)
        if found is None:
            problems.append(
                Problem(
                    message=f"bibliography file '{name}' not found; its entries are not checked",
                    location=loc,
                    kind="missing-bibliography-file",
                    evidence={"file": name},
                )
            )
            continue
        if not inside(found, (path.parent, Path.cwd())):
            problems.append(
                Problem(
                    message=f"bibliography file '{name}' is outside the project folder; not read",
                    location=loc,
                    kind="bibliography-outside",
                    evidence={"file": name},
                )
            )
            continue
        if found.suffix.lower() not in reference_suffixes():
            problems.append(
                Problem(
                    message=f"bibliography file '{name}': unknown format",
                    location=loc,
                    kind="missing-bibliography-file",
                )
            )
            continue
        shown = posixpath.normpath(posixpath.join(here, name)) if found == candidates[0] else name
        try:
            got, probs = load_reference_file(found, shown)
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
    inline = meta.get("references")
    if isinstance(inline, list):
        body = _FRONT.match(text)
        lines = item_lines(body.group("body"), base_line=1) if body else []
        got, probs = csl_items_to_references(inline, display_path, lines)
        refs.extend(got)
        problems.extend(probs)
    return refs, files


def _bibliography_names(value: Any, depth: int = 0) -> list[str]:
    """File names of ``bibliography:``: a string, a list, or a list of one-element lists
    (``- [refs.bib]``, which papaja templates write and Pandoc reads as the name)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and depth < 3:
        return [name for item in value for name in _bibliography_names(item, depth + 1)]
    return [str(value)] if value is not None and depth and not isinstance(value, dict) else []


def _metadata(text: str, masked: str, meta: dict[str, Any]) -> Metadata:

    def as_text(v: Any) -> str | None:
        if isinstance(v, str) and v.strip():
            return " ".join(v.split())
        return None

    kw = meta.get("keywords") or meta.get("keyword")
    keywords = (
        tuple(str(k) for k in kw)
        if isinstance(kw, list)
        else tuple(k.strip() for k in str(kw).split(",") if k.strip())
        if kw
        else ()
    )
    abstract = as_text(meta.get("abstract"))
    del text
    return Metadata(
        title=as_text(meta.get("title")),
        abstracts=(abstract,) if abstract else (),
        keywords=keywords,
        headings=tuple(h.text for h in find_headings(masked, [])),
        language=(as_text(meta.get("lang")) or "")[:2].lower() or None,
    )
