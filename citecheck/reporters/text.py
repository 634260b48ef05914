"""Text for people: findings grouped by rule, each with its place and a one-line summary."""

from __future__ import annotations

from citecheck.model.findings import Finding, Report, Severity

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _where(f: Finding) -> str:
    return f.location.short() if f.location else "-"


def _evidence_lines(f: Finding) -> list[str]:
    lines = []
    for key, value in f.evidence.items():
        text = str(value)
        if len(text) > 160:
            text = text[:157] + "..."
        lines.append(f"        {key}: {text}")
    return lines


def render(
    report: Report, *, color: bool = False, verbose: bool = False, quiet: bool = False
) -> str:
    """Findings grouped by rule (most severe rules first), then a summary line."""
    out: list[str] = []
    groups: dict[tuple[int, str, str], list[Finding]] = {}
    for f in report.findings:
        groups.setdefault((-f.severity.rank, f.code, f.rule), []).append(f)
    for (_, code, rule), items in sorted(groups.items()):
        sev = items[0].severity
        head = f"{code} {rule} ({len(items)})"
        out.append(_paint(head, _BOLD + _COLORS[sev], color))
        for f in items:
            label = _paint(f"{f.severity.value:<7}", _COLORS[f.severity], color)
            out.append(f"  {_where(f)}  {label} {f.message}")
            if f.related and verbose:
                places = ", ".join(loc.short() for loc in f.related)
                out.append(_paint(f"        also at: {places}", _DIM, color))
            if verbose:
                out.extend(_paint(line, _DIM, color) for line in _evidence_lines(f))
        out.append("")
    if quiet:
        return "\n".join(out)
    for note in report.notes:
        out.append(_paint(f"note: {note}", _DIM, color))
    for s in report.skipped_checks:
        where = f" ({s.path})" if s.path else ""
        out.append(_paint(f"skipped: {s.check}{where}: {s.reason}", _DIM, color))
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
