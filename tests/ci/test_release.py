"""The release places agree (docs/release.md): version, changelog, tag references."""

from __future__ import annotations

import re
from pathlib import Path

from citecheck._version import __version__

ROOT = Path(__file__).resolve().parents[2]


def _text(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def test_package_version_is_the_distribution_version() -> None:
    project = _text("pyproject.toml").split("[project]", 1)[1].split("\n[", 1)[0]
    assert re.search(r'^name = "citecheck-tool"$', project, re.M)
    assert re.search(rf'^version = "{re.escape(__version__)}"$', project, re.M)


def test_changelog_top_entry_is_this_version() -> None:
    heads = re.findall(
        r"^## (\d+\.\d+\.\d+) — (unreleased|\d{4}-\d{2}-\d{2})$", _text("CHANGELOG.md"), re.M
    )
    assert heads, "CHANGELOG.md has no '## X.Y.Z — date' section"
    assert heads[0][0] == __version__


def test_docs_name_this_release() -> None:
    tag = f"v{__version__}"
    for name in ("docs/ci.md", "README.md", ".pre-commit-hooks.yaml"):
        text = _text(name)
        named = set(re.findall(r"(?:citecheck/citecheck@|rev: )(v\d+\.\d+\.\d+)", text))
        assert named <= {tag}, f"{name} names {sorted(named)}, not {tag}"
    pins = set(
        re.findall(r"citecheck-tool==(\d+\.\d+\.\d+)", _text("docs/ci.md") + _text("action.yml"))
    )
    assert pins <= {__version__}
