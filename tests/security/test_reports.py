"""Text from the manuscript cannot become markup or script in a report."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.model.settings import Settings
from citecheck.pipeline.engine import check
from citecheck.reporters import render

SCRIPT = "<script>alert(1)</script>"
PAPER = f"""# Title {SCRIPT}

Text (Smith{SCRIPT}, 2019) and (Lee, 2020).

## References

Smith, A. (2019). A title {SCRIPT}. J, 1, 2. https://doi.org/10.1234/"><img src=x onerror=alert(1)>

Jones, B. (2018). Never cited {SCRIPT}. J, 1, 2.
"""


# JSON and SARIF carry the text as data (their readers escape it); HTML and JUnit XML
# are markup, so the text must arrive escaped.
@pytest.mark.parametrize("fmt", ["html", "junit"])
def test_hostile_text_is_escaped(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    report = check(Settings(paths=("paper.md",), offline=True, no_cache=True), root=tmp_path)
    assert report.findings  # cited-not-listed, listed-not-cited: hostile text reaches reporters
    out = render(report, fmt)
    assert SCRIPT not in out
    assert "<img src=x" not in out
