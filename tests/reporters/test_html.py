"""The HTML report: self-contained, escaped, every citation highlighted and linked."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reporter_golden import assert_golden
from reporter_sample import CATALOGUE, CITATIONS, make_report

from citecheck.model.findings import Report
from citecheck.reporters.html import render


class _Collect(HTMLParser):
    """Tags with their attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts += 1


def _parse(page: str) -> _Collect:
    parser = _Collect()
    parser.feed(page)
    return parser


def test_manuscript_text_cannot_inject_markup(report: Report) -> None:
    page = render(report, rules=CATALOGUE)
    parsed = _parse(page)
    assert parsed.scripts == 1  # ours only; the manuscript's <script> is text
    assert not [t for t, _ in parsed.tags if t in ("img", "i", "iframe")]
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in page  # Markdown heading, escaped
    assert "onerror=alert(1)&gt;" in page  # escaped entry text
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)


def test_self_contained(report: Report) -> None:
    page = render(report, rules=CATALOGUE)
    parsed = _parse(page)
    loads = [
        (t, a)
        for t, a in parsed.tags
        if t in ("link", "img", "iframe") or (t == "script" and "src" in a)
    ]
    assert loads == []
    csp = next(
        a["content"]
        for t, a in parsed.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and csp.startswith("default-src 'none'")
    assert "unsafe-inline" not in csp


def test_citations_highlighted_by_status_and_linked(report: Report) -> None:
    parsed = _parse(render(report, rules=CATALOGUE))
    cites = {
        a["id"]: a
        for t, a in parsed.tags
        if t == "a" and "cite" in (a.get("class") or "").split() and a.get("id")
    }
    assert len(cites) == len(CITATIONS)
    assert cites["d1-c0"]["class"] == "cite s-ok" and cites["d1-c0"]["href"] == "#d1-r0"
    assert cites["d1-c1"]["class"] == "cite s-error" and cites["d1-c1"]["href"] == "#f0"
    assert cites["d1-c2"]["href"] == "#d1-r1"  # "Emerson et al. (2012)" -> its entry
    assert cites["d1-c3"]["data-findings"] == "year-mismatch:error"
    entries = {
        a["id"]: a for t, a in parsed.tags if t == "li" and (a.get("id") or "").startswith("d1-r")
    }
    assert entries["d1-r0"]["class"] == "s-error"  # the year-mismatch is also about this entry
    assert entries["d1-r2"]["class"] == "s-warning"  # listed-not-cited


def test_findings_ordered_with_readable_evidence_and_filters(report: Report) -> None:
    page = render(report, rules=CATALOGUE)
    assert page.index('id="f1" data-rule="year-mismatch"') < page.index('id="f3" data-rule')
    assert "<dt>cited year</dt><dd>2007</dd>" in page
    # nested evidence: labelled fields, escaped, never a JSON dump
    assert "<dt>text</dt><dd>&lt;i&gt;none&lt;/i&gt;</dd><dt>score</dt><dd>0.12</dd>" in page
    assert "&quot;text&quot;" not in page
    rules = re.findall(r'data-filter-rule value="([^"]+)"', page)
    assert rules == ["cited-not-listed", "listed-not-cited", "year-mismatch"]
    assert '<details class="doc" id="d0">' in page  # no findings: folded
    assert '<details class="doc" id="d1" open>' in page
    # the checks that did not run are said at the top, before any manuscript
    assert page.index("Not checked") < page.index('id="d0"')


def test_marker_text_in_manuscript_is_not_expanded() -> None:
    from reporter_sample import DOC

    doc = DOC.model_copy(update={"text": DOC.text + "@@JS@@ @@CSS@@\n"})
    page = render(make_report().model_copy(update={"documents": (doc,)}), rules=CATALOGUE)
    assert "@@JS@@ @@CSS@@" in page


def test_report_without_documents_lists_findings(report: Report) -> None:
    page = render(report.model_copy(update={"documents": (), "links": ()}), rules=CATALOGUE)
    assert page.count('class="finding ') == len(report.findings)


def test_golden(report: Report) -> None:
    assert_golden("report.html", render(report, rules=CATALOGUE))
