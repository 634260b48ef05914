"""The composite GitHub Action: pinned actions, caches, list inputs, and the
repository's configuration winning over inputs that were not given.

The run steps are executed here in bash with the inputs a workflow would pass
(no GitHub runner, no network: the check runs offline).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ACTION_TEXT = (ROOT / "action.yml").read_text(encoding="utf-8")
ACTION = yaml.safe_load(ACTION_TEXT)
STEPS: list[dict[str, object]] = ACTION["runs"]["steps"]

PAPER = "# P\n\nSee (Smith, 2019) and (Doe, 2020).\n\n## References\n\nSmith, J. (2019). A title. *J*, 1, 1-2.\n"
# Only a warning: Doe (2021) is listed but never cited.
WARNING_ONLY = (
    "# P\n\nSee (Smith, 2019).\n\n## References\n\n"
    "Doe, A. (2021). Another title. *J*, 2, 3-4.\n\nSmith, J. (2019). A title. *J*, 1, 1-2.\n"
)
BIB = "@article{smith2019, author = {Smith, J.}, title = {A title}, journal = {J}, year = {2019}}\n"
BIB2 = "@article{doe2020, author = {Doe, A.}, title = {Other}, journal = {J}, year = {2020}}\n"
PANDOC = "# P\n\nSee [@smith2019] and [@doe2020].\n"

needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def test_inputs_are_documented() -> None:
    assert ACTION["runs"]["using"] == "composite"
    for name, spec in ACTION["inputs"].items():
        assert spec.get("description"), name
        assert "default" in spec, name
    documented = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for name in ACTION["inputs"]:
        assert f"`{name}`" in documented, f"input {name} is not in docs/ci.md"


def test_third_party_actions_are_pinned_by_full_commit_sha() -> None:
    uses = [str(s["uses"]) for s in STEPS if "uses" in s]
    assert uses, "the action uses no other actions?"
    for ref in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), ref
    # the tag each SHA stands for is written beside it, for people and for updates
    for line in ACTION_TEXT.splitlines():
        if line.strip().startswith(("uses:", "- uses:")):
            assert re.search(r"@[0-9a-f]{40} # v\d+(\.\d+)*$", line), line


def test_settings_are_left_to_the_configuration_unless_given() -> None:
    # an input with a default would always be passed and beat [tool.citecheck]
    for name in ("paths", "references", "fail-on", "offline", "cache-dir", "mailto", "baseline"):
        assert ACTION["inputs"][name]["default"] == "", name


def _uses(prefix: str) -> list[dict[str, object]]:
    return [s for s in STEPS if str(s.get("uses", "")).startswith(prefix)]


def test_pip_downloads_are_cached_before_installing() -> None:
    names = [s.get("name") for s in STEPS]
    (pip_cache,) = [s for s in _uses("actions/cache@") if "pip" in str(s["with"])]  # type: ignore[operator]
    assert names.index(pip_cache["name"]) < names.index("Install citecheck")
    with_ = pip_cache["with"]
    assert isinstance(with_, dict)
    assert with_["path"] == "${{ steps.pip.outputs.dir }}"
    assert "runner.os" in with_["key"] and "steps.pip.outputs.key" in with_["key"]
    assert str(with_["key"]).startswith(str(with_["restore-keys"]))
    assert pip_cache["if"] == "${{ inputs.pip-cache == 'true' }}"


def test_registry_answers_are_restored_before_and_saved_after_the_check() -> None:
    ids = [s.get("id") for s in STEPS]
    (restore,) = _uses("actions/cache/restore@")
    (save,) = _uses("actions/cache/save@")
    assert ids.index(restore["id"]) < ids.index("check") < STEPS.index(save)
    r_with, s_with = restore["with"], save["with"]
    assert isinstance(r_with, dict) and isinstance(s_with, dict)
    # keyed by the documents whose references are looked up: same files, same answers
    assert "hashFiles(" in r_with["key"] and "'**/*.bib'" in r_with["key"]
    assert "runner.os" in r_with["key"]
    assert str(r_with["key"]).startswith(str(r_with["restore-keys"]))
    assert r_with["path"] == s_with["path"] == "${{ steps.registry.outputs.dir }}"
    assert s_with["key"] == "${{ steps.registry-restore.outputs.cache-primary-key }}"
    # saved even when the check fails, never over an exact hit, never when not used
    assert "always()" in str(save["if"])
    assert "cache-hit != 'true'" in str(save["if"])
    assert "steps.registry.outputs.use == 'true'" in str(save["if"])
    assert "steps.registry.outputs.use == 'true'" in str(restore["if"])


def _step(step_id: str) -> dict[str, object]:
    return next(s for s in STEPS if s.get("id") == step_id)


def _run_step(
    step_id: str, cwd: Path, **given: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run a bash step as the runner would, with ``given`` inputs (others: defaults)."""
    step = _step(step_id)
    inputs = {name: spec["default"] for name, spec in ACTION["inputs"].items()}
    inputs.update({k.replace("_", "-"): v for k, v in given.items()})
    out = cwd / "github_output.txt"
    out.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "GITHUB_OUTPUT": str(out),
        "GITHUB_STEP_SUMMARY": str(cwd / "summary.md"),
        "GITHUB_WORKSPACE": str(cwd),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    env.pop("CITECHECK_CACHE_DIR", None)
    env["XDG_CACHE_HOME"] = str(cwd.parent / "xdg-cache")  # the user cache, outside the repo
    for key, template in step["env"].items():  # type: ignore[union-attr]
        name = str(template).split("inputs.")[1].rstrip(" }")
        env[key] = inputs[name]
    run = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", str(step["run"])],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    outputs = dict(
        line.split("=", 1) for line in out.read_text(encoding="utf-8").splitlines() if line
    )
    return run, outputs


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "manuscripts").mkdir(parents=True)
    return root


@needs_bash
def test_run_step(repo: Path) -> None:
    (repo / "manuscripts" / "paper.md").write_text(PAPER, encoding="utf-8")
    run, outputs = _run_step(
        "check",
        repo,
        offline="true",
        args="--select cited-not-listed",
        paths="manuscripts/paper.md",
    )
    assert run.returncode == 0, run.stderr  # the step records the code; a later step fails
    assert outputs == {"exit-code": "1"}
    assert run.stdout.startswith("::error file=manuscripts/paper.md,line=3,")
    sarif = json.loads((repo / "citecheck.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "CC101"
    assert "## citecheck" in (repo / "summary.md").read_text(encoding="utf-8")


@needs_bash
def test_list_inputs_take_one_item_per_line_spaces_kept(repo: Path) -> None:
    (repo / "manuscripts" / "my paper.md").write_text(PANDOC, encoding="utf-8")
    (repo / "manuscripts" / "second.md").write_text(PANDOC, encoding="utf-8")
    (repo / "refs").mkdir()
    (repo / "refs" / "main refs.bib").write_text(BIB, encoding="utf-8")
    (repo / "refs" / "more.bib").write_text(BIB2, encoding="utf-8")
    run, outputs = _run_step(
        "check",
        repo,
        offline="true",
        paths="manuscripts/my paper.md\n  manuscripts/second.md  \n\n",
        references="refs/main refs.bib\nrefs/more.bib\n",
        args="--select 'cited-not-listed,listed-not-cited'",
    )
    assert run.returncode == 0, run.stderr
    # both reference files were used: every citation of both manuscripts is found
    assert outputs == {"exit-code": "0"}, run.stdout + run.stderr
    report = (repo / "summary.md").read_text(encoding="utf-8")
    assert "my paper.md" in report and "second.md" in report


@needs_bash
def test_configuration_wins_over_inputs_not_given(repo: Path) -> None:
    (repo / "manuscripts" / "paper.md").write_text(WARNING_ONLY, encoding="utf-8")
    (repo / "pyproject.toml").write_text(
        '[tool.citecheck]\nfail-on = "warning"\noffline = true\n', encoding="utf-8"
    )
    run, outputs = _run_step("check", repo)
    assert outputs == {"exit-code": "1"}, run.stdout + run.stderr  # the warning fails the run
    assert "title=listed-not-cited" in run.stdout or "CC102" in run.stdout
    # an input that is given wins over the configuration
    run, outputs = _run_step("check", repo, fail_on="error")
    assert outputs == {"exit-code": "0"}, run.stdout + run.stderr


@needs_bash
def test_offline_input_must_be_true_false_or_empty(repo: Path) -> None:
    (repo / "manuscripts" / "paper.md").write_text(PAPER, encoding="utf-8")
    run, _ = _run_step("check", repo, offline="yes")
    assert run.returncode == 2
    assert "::error" in run.stdout


@needs_bash
def test_registry_cache_is_the_one_citecheck_uses_and_never_a_committed_one(
    repo: Path,
) -> None:
    run, outputs = _run_step("registry", repo)
    assert run.returncode == 0, run.stderr
    assert outputs["use"] == "true"
    assert Path(outputs["dir"]) == repo.parent / "xdg-cache" / "citecheck"
    # the configuration names a folder in the repository (a committed cache)
    (repo / "pyproject.toml").write_text(
        '[tool.citecheck]\ncache-dir = "references/.citecheck-cache"\n', encoding="utf-8"
    )
    run, outputs = _run_step("registry", repo)
    assert run.returncode == 0, run.stderr
    assert outputs == {"use": "false"}
    # an input outside the repository is cached
    run, outputs = _run_step("registry", repo, cache_dir=str(repo.parent / "cc"))
    assert outputs == {"use": "true", "dir": str(repo.parent / "cc")}


def test_online_flag_overrides_offline_in_the_configuration(tmp_path: Path) -> None:
    from citecheck.cli.check import check
    from citecheck.pipeline.config import build_settings

    (tmp_path / "pyproject.toml").write_text("[tool.citecheck]\noffline = true\n", encoding="utf-8")

    def offline(*argv: str) -> bool:
        flag = check.make_context("check", list(argv)).params["offline"]
        return build_settings(flags={"offline": flag}, cwd=tmp_path, env={}).offline

    assert offline() is True  # not given: the configuration decides
    assert offline("--online") is False
    assert offline("--offline") is True
