"""The HTML report in a real browser: headless Chromium loads it, the script runs
without console errors (CSP violations included), and a screenshot is taken.

Skipped when Chromium is not installed (Debian: ``apt-get install chromium``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from reporter_sample import CATALOGUE

from citecheck.model.findings import Report
from citecheck.reporters.html import render

TOOL = Path(__file__).resolve().parents[2] / "tools" / "html_screenshot.py"


def _tool() -> object:
    spec = importlib.util.spec_from_file_location("html_screenshot", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["html_screenshot"] = module
    spec.loader.exec_module(module)
    return module


tool = _tool()
pytestmark = pytest.mark.skipif(tool.find_chromium() is None, reason="chromium is not installed")  # type: ignore[attr-defined]


# Runs after the report's own script: untick one rule, check what the page hid,
# tick it again, and leave the verdict on <html> for --dump-dom to show.
_FILTER_PROBE = """
(function () {
  var box = document.querySelector('input[data-filter-rule][value="cited-not-listed"]');
  box.checked = false;
  box.dispatchEvent(new Event("change"));
  var hidden = document.querySelectorAll('.finding.hidden[data-rule="cited-not-listed"]').length;
  var shown = document.querySelectorAll('.finding:not(.hidden)').length;
  var dimmed = document.querySelectorAll("a.cite.off").length;
  box.checked = true;
  box.dispatchEvent(new Event("change"));
  var back = document.querySelectorAll(".finding.hidden").length;
  document.documentElement.setAttribute("data-probe", [hidden, shown, dimmed, back].join(","));
}());
"""


def _with_probe(page: str) -> str:
    """The page plus the probe script, allowed by adding its hash to the CSP."""
    from citecheck.reporters.html import _csp_hash

    page = page.replace("script-src ", f"script-src {_csp_hash(_FILTER_PROBE)} ", 1)
    return page.replace("</body>", f"<script>{_FILTER_PROBE}</script>\n</body>", 1)


def test_report_renders_and_filters_without_script_errors(report: Report, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(_with_probe(render(report, rules=CATALOGUE)), encoding="utf-8")
    shot = tmp_path / "report.png"
    result = tool.check_page(page, screenshot=shot, height=1200)  # type: ignore[attr-defined]
    assert result.console == ()
    assert result.ready
    # 2 cited-not-listed findings hidden, 2 others shown, their 2 citations dimmed, all back after.
    assert 'data-probe="2,2,2,0"' in result.dom
    assert shot.stat().st_size > 10_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_tampered_script_is_caught(report: Report, tmp_path: Path) -> None:
    """The check can fail: an edited script breaks its CSP hash and never runs."""
    page = tmp_path / "bad.html"
    page.write_text(
        render(report, rules=CATALOGUE).replace("apply();\n  document", "apply(); \n  document"),
        encoding="utf-8",
    )
    result = tool.check_page(page)  # type: ignore[attr-defined]
    assert not result.ready and result.console


REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "manuscript",
    [
        "manuscripts/kolaborasi-smart-city.md",
        "tests/fixtures/formats/latex/project/main.tex",
        "tests/fixtures/formats/proof/proof.docx",
    ],
)
def test_real_formats_render_without_script_errors(manuscript: str, tmp_path: Path) -> None:
    """A Markdown, a LaTeX and a DOCX manuscript (offline check plus a planted
    retraction) load cleanly; the retracted entry's citation is red, never green."""
    import citecheck
    from citecheck.model.findings import Finding, Severity

    report = citecheck.check([str(REPO / manuscript)], citecheck.Settings(offline=True))
    entry = report.documents[0].references[0]
    retracted = Finding(
        code="CC205",
        rule="retracted",
        severity=Severity.ERROR,
        message="the cited work was retracted",
        location=entry.location,
        reference=entry.to_json(),
        evidence={"notice": "10.9999/ret.1"},
    )
    report = report.model_copy(update={"findings": (*report.findings, retracted)})
    page = tmp_path / "report.html"
    page.write_text(render(report), encoding="utf-8")
    shot = tmp_path / "report.png"
    result = tool.check_page(page, screenshot=shot, height=1400)  # type: ignore[attr-defined]
    assert result.ok, result.console
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    fid = len(report.findings) - 1
    assert 'class="cite s-error" id="d0-c' in result.dom
    assert f'href="#f{fid}"' in result.dom
