"""Text for people, like ruff: findings grouped by manuscript, one line each.

Each finding is ``path:line:col  CODE  severity: message``; below it, for text
formats (Markdown, plain text, LaTeX), the source line with a caret under the
citation, and for DOCX/PDF (paragraph or page numbers an editor cannot jump to) a
quoted snippet. A finding in a reference file shared by several manuscripts is
listed once, under the first manuscript that uses it.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence
from typing import Any

from citecheck.model.findings import Finding, Report, Severity
from citecheck.reporters._registry import name as registry_name

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_SOURCE_FORMATS = frozenset({"markdown", "text", "pandoc", "quarto", "rmarkdown", "latex"})
_SNIPPET = 100  # characters of a quoted snippet


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _where(f: Finding) -> str:
    return f.location.short() if f.location else "-"


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when too long."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    return textwrap.shorten(flat, width=width, placeholder=" …")


def scalar_text(value: Any, none: str = "none") -> str:
    """An evidence value in words: yes/no for booleans, 3 significant digits for floats,
    ``none`` for a missing value (every report renders scalars this way)."""
    if value is None:
        return none
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(v)}" for k, v in value.items()) or "none"
    if isinstance(value, (list, tuple)):
        return ", ".join(_value(v) for v in value) or "none"
    return scalar_text(value)


def _evidence_lines(f: Finding, width: int) -> list[str]:
    lines = []
    for key, value in f.evidence.items():
        label = f"    {key.replace('_', ' ')}: "
        wrapped = textwrap.wrap(
            _value(value),
            width=max(40, width),
            initial_indent=label,
            subsequent_indent=" " * len(label),
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines.extend(wrapped[:4] + (["    …"] if len(wrapped) > 4 else []))
    return lines


class _Sources:
    """Source lines of the report's text documents, by path."""

    def __init__(self, documents: Sequence[Any]) -> None:
        self.lines: dict[str, list[str]] = {}
        self.context: dict[Any, str] = {}  # a citation's place -> the words around it
        for doc in documents:
            if getattr(doc, "format", "") in _SOURCE_FORMATS and doc.text:
                self.lines[doc.path] = doc.text.split("\n")
            elif doc.text:
                for c in doc.citations:
                    lo, hi = max(0, c.start - 60), min(len(doc.text), c.end + 60)
                    window = doc.text[lo:hi]
                    if lo:  # whole words only
                        window = "…" + window[window.find(" ") + 1 :]
                    if hi < len(doc.text):
                        window = window[: window.rfind(" ")] + "…"
                    self.context[c.location] = window

    def show(self, f: Finding) -> list[str]:
        loc = f.location
        if loc is None:
            return []
        cited = str(f.citation.get("text", "")) if f.citation else ""
        lines = self.lines.get(loc.path)
        if lines is None or loc.page is not None or loc.paragraph is not None:
            if loc in self.context:
                return [f'    "{shorten(self.context[loc], 2 * _SNIPPET)}"']
            quoted = cited or (str(f.reference.get("text", "")) if f.reference else "")
            return [f'    "{shorten(quoted, _SNIPPET)}"'] if quoted else []
        if not 1 <= loc.line <= len(lines):
            return []
        line = lines[loc.line - 1].replace("\t", " ")
        col = loc.column - 1
        span = len(cited) if cited and line[col : col + len(cited)] == cited else 1
        if not 0 <= col < len(line):
            col, span = 0, 0
        # long lines (a paragraph on one line): a window around the column
        start = max(0, col - 60)
        end = min(len(line), max(col + span + 40, start + 120))
        shown = ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")
        pad = col - start + (1 if start else 0)
        caret = " " * pad + "^" * max(1, min(span, end - col)) if span else ""
        number = str(loc.line)
        out = [f"  {number} | {shown}"]
        if caret:
            out.append(f"  {' ' * len(number)} | {caret}")
        return out


def _groups(report: Report) -> list[tuple[str, list[Finding]]]:
    """Findings by manuscript (in report order); reference-file findings under their user."""
    owner: dict[str, str] = {}
    for doc in report.documents:
        owner.setdefault(doc.path, doc.path)
        for ref_file in doc.reference_files:
            owner.setdefault(ref_file, doc.path)
    for path in report.files:
        owner.setdefault(path, path)
    groups: dict[str, list[Finding]] = {path: [] for path in report.files}
    for f in report.findings:
        path = f.location.path if f.location else ""
        groups.setdefault(owner.get(path, path), []).append(f)
    return [(path, items) for path, items in groups.items() if items]


def registry_line(registry: dict[str, Any] | None) -> str | None:
    """References per registry verdict, once some registry answered."""
    if not registry or not any(registry.get(k) for k in ("verified", "disagrees", "not-found")):
        return None
    by = ", ".join(
        f"{registry_name(k)} {n}" for k, n in (registry.get("verified_by") or {}).items()
    )
    return (
        f"registry: {registry['verified']} verified{f' ({by})' if by else ''}, "
        f"{registry['disagrees']} disagree, {registry['not-found']} found in no registry asked, "
        f"{registry['not-checked']} not checked, {registry['not-looked-up']} not looked up"
    )


def render(
    report: Report, *, color: bool = False, verbose: bool = False, quiet: bool = False
) -> str:
    """Findings grouped by manuscript, one line each, then notes and a summary line."""
    width = min(shutil.get_terminal_size((100, 24)).columns, 120) - 8
    sources = _Sources(report.documents)
    out: list[str] = []
    for path, items in _groups(report):
        out.append(_paint(path or "(no file)", _BOLD, color))
        for f in sorted(items, key=lambda f: f.sort_key()):
            label = _paint(f"{f.severity.value}:", _COLORS[f.severity], color)
            out.append(f"{_where(f)}  {_paint(f.code, _BOLD, color)}  {label} {f.message}")
            if not quiet:
                out.extend(_paint(line, _DIM, color) for line in sources.show(f))
            if f.related and verbose:
                places = ", ".join(loc.short() for loc in f.related)
                out.append(_paint(f"    also at: {places}", _DIM, color))
            if verbose:
                out.extend(_paint(line, _DIM, color) for line in _evidence_lines(f, width))
        out.append("")
    if quiet:
        return "\n".join(out)
    for note in report.notes:
        out.append(_paint(f"note: {note}", _DIM, color))
    for s in report.skipped_checks:
        where = f" ({s.path})" if s.path else ""
        out.append(_paint(f"not checked: {s.check}{where}: {s.reason}", _DIM, color))
    line = registry_line(report.registry)
    if line:
        out.append(_paint(line, _DIM, color))
    errors, warnings, infos = (
        report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    files = len(report.files)
    summary = (
        f"{files} manuscript{'s' if files != 1 else ''}, {report.citations} citations, "
        f"{report.references} references: {errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}, {infos} info"
    )
    if not report.findings:
        summary += " - no problems found"
    out.append(_paint(summary, _BOLD, color))
    return "\n".join(out) + "\n"
