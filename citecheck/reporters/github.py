"""GitHub Actions workflow commands (``--format github``): one annotation a finding.

``::error file=paper.md,line=12,col=5,title=CC101 cited-not-listed::message``.
Values are escaped as the Actions runner expects: in the message ``%``, CR and LF
become ``%25``, ``%0D``, ``%0A``; in a property also ``:`` and ``,`` (``%3A``, ``%2C``),
so a manuscript's text can never end a command early or inject another one.
"""

from __future__ import annotations

from citecheck.model.findings import Finding, Report, Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property's value (file, title...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    """The workflow command for one finding."""
    props: list[tuple[str, str]] = []
    loc = f.location
    if loc is not None:
        props.append(("file", loc.path))
        # Only real file lines: a PDF line counts from the top of its page.
        if loc.page is None and loc.paragraph is None:
            props.append(("line", str(loc.line)))
            props.append(("col", str(loc.column)))
    props.append(("title", f"{f.code} {f.rule}"))
    message = f.message
    if loc is not None and (loc.page is not None or loc.paragraph is not None):
        message += f" ({loc.short()})"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{_COMMANDS[f.severity]} {head}::{escape_data(message)}"


def render(report: Report, *, color: bool = False) -> str:
    """One annotation per finding; notes and skipped checks in a collapsed log group.

    Notes ("3 known findings hidden by the baseline") and skipped checks recur on every
    run: as annotations they would bury the findings on each pull request. A run with
    skipped checks still gets one notice that says so (a check that did not run is
    never silent).
    """
    lines = [annotation(f) for f in report.findings]
    if report.notes or report.skipped_checks:
        lines.append("::group::citecheck notes")
        lines.extend(f"note: {_plain(note)}" for note in report.notes)
        for s in report.skipped_checks:
            where = f" ({s.path})" if s.path else ""
            lines.append(f"not checked: {_plain(f'{s.check}{where}: {s.reason}')}")
        lines.append("::endgroup::")
    if report.skipped_checks:
        n = len(report.skipped_checks)
        lines.append(
            f"::notice title=citecheck::{n} check{'s' if n != 1 else ''} did not run "
            "(see 'citecheck notes' in the log)"
        )
    errors, warnings, infos = (
        report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    lines.append(
        f"citecheck: {len(report.files)} manuscript(s), {errors} error(s), "
        f"{warnings} warning(s), {infos} info"
    )
    return "\n".join(lines) + "\n"


def _plain(text: str) -> str:
    """One log line that can never be read as a workflow command (``::``) by the runner."""
    return " ".join(text.split()).replace("::", ": :")
