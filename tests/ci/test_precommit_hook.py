"""The published pre-commit hooks, run by pre-commit itself on a sample manuscript repo.

pre-commit builds the hook's environment with pip. To stay off the network the
test installs the package without build isolation and lets pip find the
dependencies already installed here (PYTHONPATH); no index is consulted.
Slow (about 30 s: a virtualenv and a wheel build), so it runs only with
``CITECHECK_SLOW_TESTS=1``; skipped when pre-commit or git is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

PAPER = """# Trust in collaborations

Trust grows slowly (Smith, 2019), but fast in crises (Doe, 2020).

## References

Smith, J. (2019). How trust grows. *Journal of Trust*, 1(1), 1-10.
"""


def test_hook_definitions_are_well_formed() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["citecheck", "citecheck-files"]
    for hook in hooks:
        assert hook["language"] == "python" and hook["entry"].startswith("citecheck check")
        assert {"id", "name", "entry", "language", "files"} <= set(hook)
    # changed files are mapped to their main documents: a chapter alone has no
    # bibliography and would block the commit with missing-bibliography
    by_id = {h["id"]: h for h in hooks}
    assert by_id["citecheck-files"]["entry"] == "citecheck check --find-main"
    assert "--find-main" not in by_id["citecheck-files"]["args"]  # survives replaced args
    pattern = re.compile(by_id["citecheck-files"]["files"])
    for name in ("thesis/chapters/intro.tex", "paper.qmd", "analysis.Rmd", "notes.md"):
        assert pattern.search(name), name


def _git(*args: str, cwd: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _setuptools_builds_wheels() -> bool:
    """Without build isolation pip builds with the setuptools installed here; it
    needs bdist_wheel built in (setuptools >= 70.1) to make a wheel offline."""
    try:
        from importlib.metadata import version

        major, minor = (int(x) for x in version("setuptools").split(".")[:2])
    except Exception:
        return False
    return (major, minor) >= (70, 1)


@pytest.mark.skipif(
    not os.environ.get("CITECHECK_SLOW_TESTS"), reason="slow: set CITECHECK_SLOW_TESTS=1"
)
@pytest.mark.skipif(
    not _setuptools_builds_wheels(), reason="needs setuptools>=70.1 to build offline"
)
@pytest.mark.skipif(
    not PRE_COMMIT.exists() or shutil.which("git") is None, reason="needs pre-commit and git"
)
def test_try_repo_on_a_sample_manuscript_repository(tmp_path: Path) -> None:
    hook_repo = tmp_path / "hook"
    hook_repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, hook_repo / name)
    shutil.copytree(
        ROOT / "citecheck", hook_repo / "citecheck", ignore=shutil.ignore_patterns("__pycache__")
    )
    _git("init", "-q", cwd=hook_repo)
    _git("add", "-A", cwd=hook_repo)
    _git("commit", "-qm", "hook", cwd=hook_repo)

    work = tmp_path / "work"
    (work / "manuscripts").mkdir(parents=True)
    (work / "manuscripts" / "paper.md").write_text(PAPER, encoding="utf-8")
    _git("init", "-q", cwd=work)
    _git("add", "-A", cwd=work)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PYTHONPATH": os.pathsep.join(site.getsitepackages()),
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip's spelling for "no build isolation"
        "CITECHECK_CACHE_DIR": str(tmp_path / "cache"),
    }
    run = subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(hook_repo), "--all-files"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    out = run.stdout + run.stderr
    assert "Installing environment" in out, out
    assert run.returncode == 1, out  # (Doe, 2020) is not in the reference list
    assert out.count("CC101") == 2, out  # cited-not-listed, once per hook
    assert "manuscripts/paper.md:3:" in out

    (work / "manuscripts" / "paper.md").write_text(
        PAPER.replace(", but fast in crises (Doe, 2020)", ""), encoding="utf-8"
    )
    _git("add", "-A", cwd=work)
    again = subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(hook_repo), "--all-files"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.count("Passed") == 2
