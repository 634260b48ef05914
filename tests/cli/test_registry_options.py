"""check and fix take the same registry options, from one definition (cli/_shared.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

import citecheck.api
from citecheck.cli import main
from citecheck.cli._shared import registry_options
from citecheck.cli.check import check
from citecheck.cli.fix import fix
from citecheck.model.findings import Report
from citecheck.model.settings import Settings
from citecheck.pipeline.config import from_environment
from citecheck.registry.resolve import wait_line


def _names(command: click.Command) -> set[str]:
    return {opt for p in command.params for opt in p.opts if opt.startswith("--")}


def test_check_and_fix_share_every_registry_option() -> None:
    @click.command()
    @registry_options
    def probe(**_: Any) -> None: ...

    shared = _names(probe)
    assert {
        "--crossref-url",
        "--arxiv-url",
        "--pubmed-url",
        "--openalex-url",
        "--dblp-url",
    } <= shared
    for command in (check, fix):
        assert shared <= _names(command), command.name


def test_fix_passes_registry_urls_to_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Settings] = []

    def fake_check(paths: Any, settings: Settings, **_: Any) -> Report:
        seen.append(settings)
        return Report(tool_version="0", files=(), findings=())

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(citecheck.api, "check", fake_check)
    (tmp_path / "refs.bib").write_text("@article{a, title={T}}\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "fix",
            "-r",
            "refs.bib",
            "--arxiv-url",
            "http://127.0.0.1:9/arxiv",
            "--dblp-url",
            "http://127.0.0.1:9/dblp",
            "--openalex-url",
            "http://127.0.0.1:9/openalex",
            "--deadline",
            "5",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    (settings,) = seen
    assert settings.arxiv_url == "http://127.0.0.1:9/arxiv"
    assert settings.dblp_url == "http://127.0.0.1:9/dblp"
    assert settings.openalex_url == "http://127.0.0.1:9/openalex"
    assert settings.deadline == 5.0


def test_dblp_url_from_the_environment() -> None:
    assert from_environment({"CITECHECK_DBLP_URL": "http://x/dblp"}) == {
        "dblp_url": "http://x/dblp"
    }


@pytest.mark.parametrize(
    ("label", "why", "line"),
    [
        (
            "registry, OpenAlex",
            "OpenAlex: HTTP 503; waiting 2 s before retrying",
            "registry, OpenAlex: HTTP 503; waiting 2 s before retrying",
        ),
        (
            "registry, OpenAlex",
            "OpenAlex asked us to slow down (HTTP 429); waiting 7 s as it asked (Retry-After)",
            "registry, OpenAlex: asked us to slow down (HTTP 429); waiting 7 s as it asked "
            "(Retry-After)",
        ),
        (
            "registry",
            "Crossref: HTTP 503; waiting 2 s before retrying",
            "registry: Crossref: HTTP 503; waiting 2 s before retrying",
        ),
    ],
)
def test_wait_line_names_the_registry_once(label: str, why: str, line: str) -> None:
    assert wait_line(label, why) == line
