"""The HTML report never shows a bad citation as fine, puts the worst first, renders Markdown."""

from __future__ import annotations

import os
import re
from pathlib import Path

from reporter_sample import CATALOGUE, DOC, LINKS, REFERENCES, make_report

from citecheck.model.document import Document, Location
from citecheck.model.findings import Finding, Report, Severity
from citecheck.model.links import Links
from citecheck.pipeline.atomic import write_text_atomic
from citecheck.reporters.html import render


def _entry_finding(code: str, rule: str, ref: int, msg: str, **extra: object) -> Finding:
    r = REFERENCES[ref]
    return Finding(
        code=code,
        rule=rule,
        severity=Severity.ERROR,
        message=msg,
        location=r.location,
        reference=r.to_json(),
        **extra,  # type: ignore[arg-type]
    )


def _cite_classes(page: str) -> dict[str, str]:
    pairs = re.findall(r'<a class="cite (s-[a-z]+)" id="(d\d+-c\d+)"', page)
    return {cid: cls for cls, cid in pairs}


def test_citation_of_a_retracted_or_wrong_doi_entry_is_never_green(report: Report) -> None:
    retracted = _entry_finding(
        "CC205",
        "retracted",
        0,
        "the cited work was retracted",
        evidence={"notice": {"doi": "10.1234/retraction", "date": "2020-01-02"}, "ok": False},
    )
    wrong_doi = _entry_finding("CC203", "doi-mismatch", 1, "the DOI points at another paper")
    page = render(
        report.model_copy(update={"findings": (*report.findings, retracted, wrong_doi)}),
        rules=CATALOGUE,
    )
    classes = _cite_classes(page)
    assert classes["d1-c0"] == "s-error"  # (Ansell & Gash, 2008) -> retracted entry
    assert classes["d1-c2"] == "s-error"  # Emerson et al. (2012) -> wrong DOI
    # the citation leads to the finding about its entry
    fid = len(report.findings)
    assert re.search(rf'id="d1-c0" title="[^"]*retracted[^"]*" href="#f{fid}"', page)
    # the summary starts with the retraction, then the wrong DOI, then other errors
    groups = re.findall(r'<details class="group [^"]*" data-rule="([^"]+)"', page)
    assert groups[:2] == ["retracted", "doi-mismatch"]
    assert 'class="group error critical" data-rule="retracted" open' in page
    # evidence of a retraction as fields, open
    assert '<dt>notice</dt><dd><dl class="fields"><dt>doi</dt><dd>10.1234/retraction</dd>' in page
    assert "<dt>ok</dt><dd>no</dd>" in page


def test_a_finding_about_another_citation_of_the_entry_does_not_spread(report: Report) -> None:
    # year-mismatch is about (Ansell & Gash, 2007); (Ansell & Gash, 2008) stays green
    classes = _cite_classes(render(report, rules=CATALOGUE))
    assert classes["d1-c0"] == "s-ok" and classes["d1-c3"] == "s-error"


def _md_report(text: str) -> Report:
    doc = Document(path="m.md", format="markdown", text=text, bibliography_found=True)
    return Report(
        tool_version="0", files=("m.md",), findings=(), documents=(doc,), links=(Links(),)
    )


def test_markdown_is_rendered_and_raw_html_reduced_to_safe_inline_tags() -> None:
    text = (
        "---\ntitle: T\n---\n# Title\n\nText<sup>1</sup> and <b>bold</b> <b>open\n\n"
        '<div onclick="x()">block</div>\n\n![plot](http://example.org/x.png) '
        "[l](javascript:alert(1))\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n"
    )
    page = render(_md_report(text), rules=CATALOGUE)
    body = page[page.index('<div class="text md">') :]
    assert '<pre class="front">---\ntitle: T\n---\n</pre><h1>Title</h1>' in body
    assert "Text<sup>1</sup> and <b>bold</b> &lt;b&gt;open" in body  # unpaired tag is text
    assert '<pre class="raw">&lt;div onclick=&#34;x()&#34;&gt;block&lt;/div&gt;' in body
    assert '<span class="img">[image: plot]</span>' in body and "<img" not in body
    assert 'href="javascript' not in body
    assert "<table>" in body and "style=" not in body  # CSP forbids inline styles


def test_markdown_citation_across_markup_marks_its_start() -> None:
    text = "As *Smith* (2020) said.\n"
    start = text.index("Smith")
    doc = DOC.model_copy(
        update={
            "text": text,
            "citations": (
                DOC.citations[2].model_copy(
                    update={
                        "text": "Smith* (2020)",
                        "start": start,
                        "end": start + len("Smith* (2020)"),
                        "location": Location(path=DOC.path, line=1, column=start + 1),
                    }
                ),
            ),
            "references": (),
        }
    )
    page = render(
        make_report(findings=()).model_copy(update={"documents": (doc,), "links": (Links(),)}),
        rules=CATALOGUE,
    )
    body = page[page.index('<div class="text md">') :]
    assert '<p>As <em><a class="cite s-none" id="d0-c0"' in body
    assert "\ue000" not in page and "\ue002" not in page


def test_plain_text_formats_keep_their_lines() -> None:
    doc = DOC.model_copy(update={"format": "latex"})
    page = render(make_report().model_copy(update={"documents": (doc,), "links": (LINKS,)}))
    assert '<div class="text plain"># A study of &lt;script&gt;' in page


def test_report_file_mode_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "report.html", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "report.html").stat().st_mode & 0o777 == 0o644
