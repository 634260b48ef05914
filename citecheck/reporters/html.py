"""A self-contained HTML report (``--format html``) for editors.

The page inlines its CSS and JavaScript and forbids every network request with a
Content-Security-Policy (scripts and styles allowed only by their hashes), so it
can be mailed, archived and opened offline. It shows the summary counts, filters
by rule and severity, and for each manuscript its text with every citation
highlighted by status and linked to its entry, the entries, and the findings
grouped by severity with their evidence. Manuscript text is untrusted: all of it
is escaped.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape
from importlib import resources
from typing import Any

from citecheck.model.findings import Finding, Report, Severity
from citecheck.reporters._html_doc import DocView, build_view, highlighted_text, references_list
from citecheck.reporters._rules import RuleCatalogue, catalogue_for, docs_url, info_for

_MARKER = re.compile(r"@@([A-Z]+)@@")
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_TITLES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}


def _asset(name: str) -> str:
    return (
        resources.files("citecheck.reporters")
        .joinpath("assets")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


def _csp_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(report: Report) -> str:
    cells = [
        ("", _plural(len(report.files), "manuscript").split(" ", 1)),
        ("", _plural(report.citations, "citation").split(" ", 1)),
        ("", _plural(report.references, "reference").split(" ", 1)),
        *((s.value, [str(report.count(s)), _TITLES[s].lower()]) for s in _SEVERITIES),
    ]
    items = "".join(
        f'<li class="{cls}"><b>{n}</b>{escape(label)}</li>' for cls, (n, label) in cells
    )
    return f'<ul class="counts">{items}</ul>'


def _filters(report: Report, catalogue: RuleCatalogue) -> str:
    if not report.findings:
        return ""
    sev_boxes = "".join(
        f'<label><input type="checkbox" data-filter-severity value="{s.value}" checked> '
        f'<span class="badge {s.value}">{_TITLES[s]}</span> {report.count(s)}</label>'
        for s in _SEVERITIES
        if report.count(s)
    )
    codes = {f.rule: f.code for f in report.findings}
    rule_boxes = "".join(
        f'<label title="{escape(info_for(catalogue, name=rule, code=codes[rule]).summary)}">'
        f'<input type="checkbox" data-filter-rule value="{escape(rule)}" checked> '
        f"{escape(codes[rule])} {escape(rule)} ({n})</label>"
        for rule, n in report.by_rule().items()
    )
    return (
        '<section class="panel filters" aria-label="Filters">'
        f"<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>"
        f"<fieldset><legend>Rules</legend>{rule_boxes}"
        '<button type="button" data-all="1">all</button> <button type="button" data-all="0">none</button>'
        "</fieldset>"
        '<p class="hint">Unticking a rule hides its findings and dims the citations it marked.</p>'
        "</section>"
    )


def _files_table(report: Report) -> str:
    if len(report.per_file) < 2:
        return ""
    index = {getattr(d, "path", None): i for i, d in enumerate(report.documents)}
    rows = []
    for s in report.per_file:
        name = escape(s.path)
        if s.path in index:
            name = f'<a href="#d{index[s.path]}">{name}</a>'
        rows.append(
            f'<tr><td>{name}</td><td class="n">{s.citations}</td><td class="n">{s.references}</td>'
            f'<td class="n">{s.errors}</td><td class="n">{s.warnings}</td><td class="n">{s.infos}</td></tr>'
        )
    return (
        '<section class="panel"><h2>Manuscripts</h2><table><thead><tr><th>manuscript</th>'
        '<th class="n">citations</th><th class="n">references</th><th class="n">errors</th>'
        '<th class="n">warnings</th><th class="n">info</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></section>"
    )


def _value(value: Any) -> str:
    if isinstance(value, str):
        return escape(value)
    return (
        "<pre>" + escape(json.dumps(value, indent=1, ensure_ascii=False, sort_keys=True)) + "</pre>"
    )


def _finding(fid: int, f: Finding, view: DocView | None, catalogue: RuleCatalogue) -> str:
    info = info_for(catalogue, name=f.rule, code=f.code)
    parts = [
        f'<article class="finding {f.severity.value}" id="f{fid}" data-rule="{escape(f.rule)}" '
        f'data-severity="{f.severity.value}">',
        f'<div><span class="badge {f.severity.value}">{f.severity.value}</span> '
        f'<a href="{escape(docs_url(f.rule))}" title="{escape(info.summary)}"><b>{escape(f.code)} {escape(f.rule)}</b></a>'
        + (
            f' <span class="meta">confidence {f.confidence:.2f}</span>'
            if f.confidence is not None
            else ""
        )
        + "</div>",
        f'<p class="msg">{escape(f.message)}</p>',
    ]
    if f.citation:
        parts.append(
            f"<blockquote>cited as: {escape(str(f.citation.get('text', '')))}</blockquote>"
        )
    if f.reference:
        parts.append(f"<blockquote>entry: {escape(str(f.reference.get('text', '')))}</blockquote>")
    links = view.anchors.get(fid, []) if view else []
    where = f.location.short() if f.location else ""
    meta = " ".join(f'<a href="{href}">{escape(label)}</a>' for href, label in links) or escape(
        where
    )
    if f.related:
        meta += " · also at " + escape(", ".join(loc.short() for loc in f.related))
    if meta:
        parts.append(f'<div class="meta">{meta}</div>')
    if f.evidence:
        rows = "".join(
            f"<dt>{escape(str(k))}</dt><dd>{_value(v)}</dd>" for k, v in f.evidence.items()
        )
        parts.append(f'<dl class="evidence">{rows}</dl>')
    parts.append("</article>")
    return "".join(parts)


def _findings(
    items: list[tuple[int, Finding]], view: DocView | None, catalogue: RuleCatalogue
) -> str:
    if not items:
        return '<p class="empty">No problems found.</p>'
    out = []
    for sev in _SEVERITIES:
        group = [(fid, f) for fid, f in items if f.severity is sev]
        if group:
            body = "".join(_finding(fid, f, view, catalogue) for fid, f in group)
            out.append(
                f'<section class="sev-group" data-severity="{sev.value}"><h3>{_TITLES[sev]} '
                f'(<span class="sev-count">{len(group)}</span>)</h3>{body}</section>'
            )
    return "".join(out)


_LEGEND = (
    '<div class="legend"><span><a class="cite s-error">error</a></span>'
    '<span><a class="cite s-warning">warning</a></span><span><a class="cite s-info">info</a></span>'
    '<span><a class="cite s-ok">linked, no problem</a></span><span><a class="cite s-none">not checked</a></span></div>'
)


def _document(view: DocView, catalogue: RuleCatalogue) -> str:
    doc = view.document
    return (
        # Manuscripts without findings start folded, so a batch of fifty stays scannable.
        f'<details class="doc" id="d{view.index}"{" open" if view.findings else ""}>'
        f'<summary><h2>{escape(doc.path)}</h2> <span class="meta">{_counts(view)}</span></summary>'
        '<div class="cols"><div>'
        f'<div class="panel"><h3>Text</h3>{_LEGEND}<div class="text">{highlighted_text(view)}</div></div>'
        f'<div class="panel"><h3>Findings</h3>{_findings(view.findings, view, catalogue)}</div>'
        f'</div><div class="panel"><h3>References ({len(doc.references)})</h3>{references_list(view)}</div>'
        "</div></details>"
    )


def _counts(view: DocView) -> str:
    found = [f for _, f in view.findings]
    if not found:
        return "no problems found"
    parts = [
        _plural(n, _TITLES[s].lower().rstrip("s")) if s is not Severity.INFO else f"{n} info"
        for s in _SEVERITIES
        if (n := sum(1 for f in found if f.severity is s))
    ]
    return ", ".join(parts)


def render(report: Report, *, color: bool = False, rules: RuleCatalogue | None = None) -> str:
    """The whole page as one string."""
    catalogue = catalogue_for(report, rules)
    links = list(getattr(report, "links", ()) or ())
    views = [
        build_view(i, doc, links[i] if i < len(links) else None)
        for i, doc in enumerate(report.documents)
    ]
    owner: dict[str, DocView] = {}
    for view in views:
        owner[view.document.path] = view
        for ref_file in view.document.reference_files:
            owner.setdefault(ref_file, view)
    loose: list[tuple[int, Finding]] = []
    for fid, f in enumerate(report.findings):
        home = owner.get(f.location.path) if f.location else None
        if home is None:
            loose.append((fid, f))
        else:
            home.attach(fid, f)
    sections = "".join(_document(v, catalogue) for v in views)
    if loose or not views:
        sections += f'<section class="doc panel"><h2>Findings</h2>{_findings(loose, None, catalogue)}</section>'
    notes = [escape(n) for n in report.notes] + [
        escape(f"skipped {s.check}{f' ({s.path})' if s.path else ''}: {s.reason}")
        for s in report.skipped_checks
    ]
    notes_html = (
        '<section class="panel"><h2>Notes</h2><ul class="notes">'
        + "".join(f"<li>{n}</li>" for n in notes)
        + "</ul></section>"
        if notes
        else ""
    )
    css, js = _asset("report.css"), _asset("report.js")
    csp = (
        f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; img-src data:"
    )
    subtitle = (
        ", ".join(report.files)
        if len(report.files) <= 3
        else _plural(len(report.files), "manuscript")
    )
    values = {
        "CSP": csp,
        "VERSION": escape(report.tool_version),
        "TITLE": escape("citecheck report: " + subtitle),
        "SUBTITLE": escape(subtitle),
        "SUMMARY": _summary(report),
        "FILTERS": _filters(report, catalogue),
        "FILES": _files_table(report),
        "DOCUMENTS": sections,
        "NOTES": notes_html,
        "CSS": css,
        "JS": js,
    }
    # One pass over the template: text put in is never scanned for markers again.
    return _MARKER.sub(lambda m: values[m.group(1)], _asset("report.html"))
