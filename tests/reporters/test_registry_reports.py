"""The registry verdict of every reference (``summary.registry`` in JSON) also reaches
SARIF (run properties), Markdown and HTML (a table: where, verdict, registries) — issue 17."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from reporter_sample import CATALOGUE, make_report

from citecheck.model.findings import Report
from citecheck.reporters import html, markdown, sarif

SCHEMA = Path(__file__).parent.parent / "fixtures" / "schemas" / "sarif-schema-2.1.0.json"
REGISTRY: dict[str, Any] = {
    "verified": 1,
    "disagrees": 0,
    "not-found": 1,
    "not-checked": 0,
    "not-looked-up": 0,
    "verified_by": {"arxiv": 1},
    "references": [
        {
            "path": "paper.md",
            "line": 40,
            "status": "verified",
            "registry": "arxiv",
            "record": "10.48550/arxiv.2201.13452",
        },
        {
            "path": "paper.md",
            "line": 41,
            "status": "not-found",
            "asked": [
                {"registry": "crossref", "answer": "no plausible hit <b>x</b>", "reached": True},
                {"registry": "openalex", "answer": "not asked: no key", "reached": False},
            ],
        },
    ],
}


def _report(registry: dict[str, Any] | None = REGISTRY) -> Report:
    return make_report().model_copy(update={"registry": registry})


def test_sarif_run_properties_carry_the_verdicts() -> None:
    log = sarif.sarif_log(_report(), rules=CATALOGUE)
    assert log["runs"][0]["properties"]["registry"] == REGISTRY
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert not list(jsonschema.validators.validator_for(schema)(schema).iter_errors(log))
    assert "registry" not in sarif.sarif_log(_report(None))["runs"][0]["properties"]


def test_markdown_table_of_verdicts() -> None:
    text = markdown.render(_report())
    assert "<summary>registry: 1 verified (arXiv 1), 0 disagree, 1 found in no" in text
    assert "| paper.md:40 | verified | arXiv \\(10.48550/arxiv.2201.13452\\) |" in text
    assert (
        "| paper.md:41 | not\\-found | Crossref: no plausible hit &lt;b&gt;x&lt;/b&gt;; "
        "OpenAlex: not asked: no key |"
    ) in text
    assert "| where | verdict | registries |" not in markdown.render(_report(None))


def test_html_table_of_verdicts() -> None:
    page = html.render(_report(), rules=CATALOGUE)
    assert "<td>paper.md:41</td><td>not-found</td>" in page
    assert "no plausible hit &lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page
    assert 'aria-label="Registry verdicts"' not in html.render(_report(None), rules=CATALOGUE)
