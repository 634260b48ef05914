"""The composite GitHub Action: documented inputs, and its run step works in bash."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))

PAPER = "# P\n\nSee (Smith, 2019) and (Doe, 2020).\n\n## References\n\nSmith, J. (2019). A title. *J*, 1, 1-2.\n"


def test_inputs_are_documented() -> None:
    assert ACTION["runs"]["using"] == "composite"
    for name, spec in ACTION["inputs"].items():
        assert spec.get("description"), name
        assert "default" in spec, name
    documented = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for name in ACTION["inputs"]:
        assert f"`{name}`" in documented, f"input {name} is not in docs/ci.md"


def _step(step_id: str) -> dict[str, object]:
    return next(s for s in ACTION["runs"]["steps"] if s.get("id") == step_id)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_run_step(tmp_path: Path) -> None:
    step = _step("check")
    (tmp_path / "manuscripts").mkdir()
    (tmp_path / "manuscripts" / "paper.md").write_text(PAPER, encoding="utf-8")
    inputs = {name: spec["default"] for name, spec in ACTION["inputs"].items()}
    inputs.update(
        {"offline": "true", "args": "--select cited-not-listed", "paths": "manuscripts/paper.md"}
    )
    env = {
        **os.environ,
        "GITHUB_OUTPUT": str(tmp_path / "out.txt"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "CITECHECK_CACHE_DIR": str(tmp_path / "cache"),
    }
    for key, template in step["env"].items():  # type: ignore[union-attr]
        name = str(template).split("inputs.")[1].rstrip(" }")
        env[key] = inputs[name]
    run = subprocess.run(
        ["bash", "-e", "-c", str(step["run"])],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr  # the step records the code; a later step fails
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "exit-code=1\n"
    assert run.stdout.startswith("::error file=manuscripts/paper.md,line=3,")
    sarif = json.loads((tmp_path / "citecheck.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "CC101"
    assert "## citecheck" in (tmp_path / "summary.md").read_text(encoding="utf-8")
