"""A Markdown summary (``--format markdown``) for pull-request comments and
``$GITHUB_STEP_SUMMARY``: counts, a table per manuscript, findings by severity.

Manuscript text is untrusted: it is HTML-escaped and Markdown-escaped so a
citation cannot inject links, images or markup into the comment. Long reports
are cut (GitHub rejects comments above 65,536 characters).
"""

from __future__ import annotations

import html
import re

from citecheck.model.findings import Finding, Report, Severity
from citecheck.reporters._registry import reference_rows
from citecheck.reporters._rules import docs_url
from citecheck.reporters.text import registry_line

MAX_ROWS = 200  # per severity, keeps a comment well under GitHub's size limit

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")
_ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}
_TITLES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell: no HTML, no markup, one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return " ".join(text.split())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _row(f: Finding) -> str:
    where = escape(f.location.short()) if f.location else ""
    rule = f"[`{f.code}` {f.rule}]({docs_url(f.rule)})"
    return f"| {where} | {rule} | {escape(f.message)} |"


def render(report: Report, *, color: bool = False) -> str:
    """The summary as GitHub-flavoured Markdown."""
    errors, warnings, infos = (
        report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    status = (
        "✅ no problems found"
        if not report.findings
        else (f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}, {infos} info")
    )
    out = [
        "## citecheck",
        "",
        f"**{status}** in {_plural(len(report.files), 'manuscript')} "
        f"({_plural(report.citations, 'citation')}, {_plural(report.references, 'reference')}).",
        "",
    ]
    if len(report.per_file) > 1:
        out += [
            "| manuscript | citations | references | errors | warnings | info |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        out += [
            f"| {escape(s.path)} | {s.citations} | {s.references} | {s.errors} | {s.warnings} | {s.infos} |"
            for s in report.per_file
        ]
        out.append("")
    if report.findings:
        by_rule = report.by_rule()
        out.append("Findings by rule: " + ", ".join(f"{rule} ({n})" for rule, n in by_rule.items()))
        out.append("")
    for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        items = [f for f in report.findings if f.severity is sev]
        if not items:
            continue
        out += [
            f"<details{' open' if sev is Severity.ERROR else ''}>",
            f"<summary>{_ICONS[sev]} {_TITLES[sev]} ({len(items)})</summary>",
            "",
            "| where | rule | problem |",
            "| --- | --- | --- |",
        ]
        out += [_row(f) for f in items[:MAX_ROWS]]
        if len(items) > MAX_ROWS:
            out.append(f"| | | … and {len(items) - MAX_ROWS} more (see the full report) |")
        out += ["", "</details>", ""]
    rows = reference_rows(report.registry)
    if rows:
        out += [
            "<details>",
            # inside an HTML block GitHub reads no Markdown: HTML-escape only
            f"<summary>{html.escape(registry_line(report.registry) or 'registry')}</summary>",
            "",
            "| where | verdict | registries |",
            "| --- | --- | --- |",
        ]
        out += [f"| {escape(w)} | {escape(v)} | {escape(d)} |" for w, v, d in rows[:MAX_ROWS]]
        if len(rows) > MAX_ROWS:
            out.append(f"| | | … and {len(rows) - MAX_ROWS} more (see the full report) |")
        out += ["", "</details>", ""]
    if report.notes or report.skipped_checks:
        out.append("**Notes**")
        out.append("")
        out += [f"- {escape(n)}" for n in report.notes]
        for s in report.skipped_checks:
            where = f" ({s.path})" if s.path else ""
            out.append(f"- skipped {escape(s.check + where)}: {escape(s.reason)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
