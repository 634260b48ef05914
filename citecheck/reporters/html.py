"""A self-contained HTML report (``--format html``) for editors.

The page inlines its CSS and JavaScript and forbids every network request with a
Content-Security-Policy (scripts and styles allowed only by their hashes), so it
can be mailed, archived and opened offline.

What a reader sees, top down: the counts; a summary of the findings by rule with
retractions and wrong DOIs first, each finding linked; the checks that did not run;
filters; then each manuscript with its text beside its findings and entries. Every
citation is coloured by the worst finding about it or about its entry, and leads to
that finding. Evidence is shown as labelled fields.

The page is built from a Jinja2 template with autoescaping: manuscript text,
messages and evidence are escaped unless they pass through the renderer in
:mod:`citecheck.reporters._html_doc`, which escapes them itself.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup, escape

from citecheck.model.findings import Finding, Report, Severity
from citecheck.reporters._html_doc import (
    CRITICAL,
    DocView,
    build_view,
    finding_order,
    manuscript_html,
    references_list,
)
from citecheck.reporters._registry import reference_rows
from citecheck.reporters._rules import RuleCatalogue, catalogue_for, docs_url, info_for
from citecheck.reporters.text import registry_line, scalar_text

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_TITLES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}


def _asset(name: str) -> str:
    return (
        resources.files("citecheck.reporters")
        .joinpath("assets")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.from_string(_asset("report.html"))


def _csp_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _label(key: str) -> str:
    return key.replace("_", " ").replace("-", " ")


def _scalar(value: Any) -> str:
    return scalar_text(value, none="—")


def _value(value: Any, depth: int = 0) -> Markup:
    """Evidence as readable fields: nested mappings as labelled lists, never JSON."""
    if isinstance(value, dict):
        if not value:
            return Markup("—")
        rows = "".join(
            f"<dt>{escape(_label(str(k)))}</dt><dd>{_value(v, depth + 1)}</dd>"
            for k, v in value.items()
        )
        return Markup(f'<dl class="fields">{rows}</dl>')
    if isinstance(value, (list, tuple)):
        if not value:
            return Markup("none")
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            return escape(", ".join(_scalar(v) for v in value))
        items = "".join(f"<li>{_value(v, depth + 1)}</li>" for v in value)
        return Markup(f'<ul class="fields">{items}</ul>')
    return escape(_scalar(value))


@dataclass(frozen=True)
class _Card:
    """One finding as the template shows it."""

    fid: int
    f: Finding
    summary: str
    docs: str
    links: list[tuple[str, str]]
    where: str
    related: str
    evidence: list[tuple[str, Markup]]

    @property
    def sev(self) -> str:
        return self.f.severity.value


def _card(fid: int, f: Finding, view: DocView | None, catalogue: RuleCatalogue) -> _Card:
    info = info_for(catalogue, name=f.rule, code=f.code)
    return _Card(
        fid=fid,
        f=f,
        summary=info.summary,
        docs=docs_url(f.rule),
        links=view.anchors.get(fid, []) if view else [],
        where=f.location.short() if f.location else "",
        related=", ".join(loc.short() for loc in f.related),
        evidence=[(_label(str(k)), _value(v)) for k, v in f.evidence.items()],
    )


def _groups(report: Report, catalogue: RuleCatalogue) -> list[dict[str, Any]]:
    """Findings by rule for the summary: retractions and wrong DOIs first, then by severity."""
    by_rule: dict[str, list[tuple[int, Finding]]] = {}
    for fid, f in enumerate(report.findings):
        by_rule.setdefault(f.rule, []).append((fid, f))
    ordered = sorted(by_rule.values(), key=lambda items: finding_order(items[0][1]))
    out = []
    for items in ordered:
        first = items[0][1]
        info = info_for(catalogue, name=first.rule, code=first.code)
        out.append(
            {
                "rule": first.rule,
                "code": first.code,
                "sev": worst_severity(f for _, f in items).value,
                "summary": info.summary,
                "critical": first.rule in CRITICAL,
                "entries": [
                    (fid, f.location.short() if f.location else "", f.message) for fid, f in items
                ],
            }
        )
    return out


def worst_severity(findings: Iterable[Finding]) -> Severity:
    """The highest severity among ``findings`` (at least one)."""
    return max((f.severity for f in findings), key=lambda s: s.rank)


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

    def cards(items: list[tuple[int, Finding]], view: DocView | None) -> list[_Card]:
        ranked = sorted(items, key=lambda p: finding_order(p[1]))
        return [_card(fid, f, view, catalogue) for fid, f in ranked]

    docs = [
        {
            "index": v.index,
            "path": v.document.path,
            "open": bool(v.findings),
            "counts": _counts(v),
            "text": manuscript_html(v),
            "findings": cards(v.findings, v),
            "refs": references_list(v),
            "nrefs": len(v.document.references),
        }
        for v in views
    ]
    index = {v.document.path: v.index for v in views}
    css, js = _asset("report.css"), _asset("report.js")
    subtitle = (
        ", ".join(report.files)
        if len(report.files) <= 3
        else _plural(len(report.files), "manuscript")
    )
    codes = {f.rule: f.code for f in report.findings}
    page = _template().render(
        csp=(
            f"default-src 'none'; style-src {_csp_hash(css)}; "
            f"script-src {_csp_hash(js)}; img-src data:"
        ),
        version=report.tool_version,
        title="citecheck report: " + subtitle,
        subtitle=subtitle,
        counts=[
            ("", *_plural(len(report.files), "manuscript").split(" ", 1)),
            ("", *_plural(report.citations, "citation").split(" ", 1)),
            ("", *_plural(report.references, "reference").split(" ", 1)),
            *((s.value, str(report.count(s)), _TITLES[s].lower()) for s in _SEVERITIES),
        ],
        groups=_groups(report, catalogue),
        skipped=[
            f"{s.check}{f' ({s.path})' if s.path else ''}: {s.reason}"
            for s in report.skipped_checks
        ],
        notes=list(report.notes),
        registry_line=registry_line(report.registry),
        registry_rows=reference_rows(report.registry),
        severities=[(s.value, _TITLES[s], report.count(s)) for s in _SEVERITIES if report.count(s)],
        rules=[
            (rule, codes[rule], n, info_for(catalogue, name=rule, code=codes[rule]).summary)
            for rule, n in report.by_rule().items()
        ],
        files=[(s, index.get(s.path)) for s in report.per_file] if len(report.per_file) > 1 else [],
        docs=docs,
        loose=cards(loose, None) if loose or not views else None,
        critical=CRITICAL,
        css=Markup(css),
        js=Markup(js),
    )
    return page
