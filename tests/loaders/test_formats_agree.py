"""One manuscript in Markdown, DOCX and PDF: the same findings, apart from location style."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import check

FORMATS = Path(__file__).parents[1] / "fixtures" / "formats"


def _findings(name: str) -> list[tuple[str, str]]:
    settings = Settings(paths=(str(FORMATS / "proof" / name),), offline=True, select=("CC1", "CC0"))
    report = check(settings, root=FORMATS)
    return sorted(
        (f.rule, (f.citation or {}).get("text") or (f.reference or {}).get("text", "")[:40])
        for f in report.findings
    )


def test_markdown_docx_pdf_agree() -> None:
    expected = [
        ("cited-not-listed", "Jansen, 2015"),
        ("listed-not-cited", "Morales, T. (2011). Evapotranspiration o"),
        ("year-mismatch", "Lindqvist, 2014"),
    ]
    assert _findings("proof.md") == expected
    assert _findings("proof.docx") == expected
    assert _findings("proof.pdf") == expected


@pytest.mark.parametrize(
    "name, code, text",
    [
        ("encrypted.pdf", 2, "encrypted"),
        ("scanned.pdf", 2, "no text layer"),
        ("corrupt.docx", 2, "corrupt zip"),
        ("missing-input.tex", 1, "file not found"),
    ],
)
def test_bad_input_exit_codes(name: str, code: int, text: str) -> None:
    result = CliRunner().invoke(main, ["check", "--offline", str(FORMATS / "bad" / name)])
    assert result.exit_code == code, result.output
    assert text in result.output
    assert "Traceback" not in result.output
