"""Support for the end-to-end registry runs: the CLI against the loopback Crossref/doi.org stand-in.

The stand-in (``tests/support/registry_standin.py``) serves the real recorded bodies of
``tests/fixtures/crossref`` and ``tests/fixtures/registry_e2e/records/real`` plus the
synthetic records of ``records/synthetic.json``, on 127.0.0.1 with ephemeral ports.
The CLI is pointed at it only through the environment variables users have
(``CITECHECK_CROSSREF_URL``, ``CITECHECK_DOI_URL``, ``CITECHECK_MAILTO``,
``CITECHECK_CACHE_DIR``, ``CITECHECK_OFFLINE``).

Ground truth is written in the manuscripts: a reference line ending in
``<!-- expect: rule[, rule...] -->`` must carry exactly those registry findings
(``rule[severity]`` also pins the severity), ``<!-- allow: rule -->`` findings are
acceptable but not required, every other line (the ``trap:`` lines in particular)
must carry none.
"""

from __future__ import annotations

import json
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from citecheck.cli import main
from tests.support import other_registries

ROOT = Path(__file__).resolve().parents[2]
E2E = ROOT / "tests" / "fixtures" / "registry_e2e"
MANUSCRIPTS = E2E / "manuscripts"
RECORDS = (ROOT / "tests" / "fixtures" / "crossref", E2E / "records")
MARK = re.compile(r"<!--\s*(expect|allow):\s*(.*?)\s*-->\s*$")
ITEM = re.compile(r"^([a-z-]+)(?:\[(error|warning|info)\])?$")
REGISTRY_CODES = ("CC2",)  # doi-invalid .. unverified-reference


@dataclass
class Truth:
    """Expected registry findings per (file, line)."""

    expected: dict[tuple[str, int], dict[str, str | None]] = field(default_factory=dict)
    allowed: dict[tuple[str, int], dict[str, str | None]] = field(default_factory=dict)

    def planted(self) -> list[tuple[str, int, str]]:
        """Every (file, line, rule) that must be found."""
        return sorted((f, ln, r) for (f, ln), rules in self.expected.items() for r in rules)


def read_truth() -> Truth:
    """The expectations written in the test manuscripts."""
    truth = Truth()
    for path in sorted(MANUSCRIPTS.glob("*.md")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            m = MARK.search(line)
            if not m:
                continue
            target = truth.expected if m.group(1) == "expect" else truth.allowed
            for item in (s.strip() for s in m.group(2).split(",")):
                im = ITEM.match(item)
                assert im, f"{path.name}:{lineno}: bad marker item {item!r}"
                target.setdefault((path.name, lineno), {})[im.group(1)] = im.group(2)
    return truth


@dataclass
class Run:
    """One CLI run: exit code, parsed JSON report, stderr."""

    exit_code: int
    report: dict[str, Any]
    stderr: str

    @property
    def findings(self) -> list[dict[str, Any]]:
        return list(self.report["findings"])

    def registry(self) -> dict[tuple[str, int], dict[str, str]]:
        """Registry-family findings as {(file name, line): {rule: severity}}."""
        out: dict[tuple[str, int], dict[str, str]] = {}
        for f in self.findings:
            if f["code"].startswith(REGISTRY_CODES):
                key = (Path(f["location"]["path"]).name, f["location"]["line"])
                out.setdefault(key, {})[f["rule"]] = f["severity"]
        return out

    def local(self) -> list[tuple[str, int, str]]:
        """Findings of the other families (never touched by the registry stage)."""
        return sorted(
            (Path(f["location"]["path"]).name, f["location"]["line"], f["rule"])
            for f in self.findings
            if not f["code"].startswith(REGISTRY_CODES)
        )

    @property
    def skipped(self) -> list[dict[str, Any]]:
        return list(self.report["summary"]["skipped_checks"])


def run_cli(env: dict[str, str], *extra: str) -> Run:
    """``citecheck check`` on the test manuscripts, in process, with ``env`` set."""
    args = ["check", str(MANUSCRIPTS), "--format", "json", "--ignore", "off-topic", *extra]
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    return Run(result.exit_code, json.loads(result.stdout), result.stderr)


def environment(crossref_url: str, doi_url: str, cache: Path, **more: str) -> dict[str, str]:
    """The variables a user (or a judge) sets to point citecheck at a registry."""
    return {
        "CITECHECK_CROSSREF_URL": crossref_url,
        "CITECHECK_DOI_URL": doi_url,
        **other_registries.urls(crossref_url),
        "CITECHECK_MAILTO": "e2e@example.org",
        "CITECHECK_CACHE_DIR": str(cache),
        "CITECHECK_OFFLINE": "",
        **more,
    }


def closed_port_url() -> str:
    """A loopback URL nothing listens on: connections are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
