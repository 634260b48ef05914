"""``citecheck rules`` and ``citecheck rule NAME``: the rule catalogue."""

from __future__ import annotations

import re
import sys

import click

from citecheck.cli._shared import fail, use_color

_UNDERLINE = re.compile(r"^([-=~^\"'`#*+])\1{2,}\s*$")
_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")


def plain_text(doc: str, *, color: bool = False) -> str:
    """A rule's reStructuredText docstring as terminal text: headings without their
    underlines (bold on a terminal), ``literals`` and roles without markup, ``Bad::`` as ``Bad:``."""
    lines = doc.strip().split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        if _UNDERLINE.match(line) and out and out[-1].strip():
            heading = out.pop()
            out.append(click.style(heading, bold=True) if color else heading)
            continue
        if i + 1 < len(lines) and _UNDERLINE.match(lines[i + 1]) and line.strip():
            out.append(line)
            continue
        line = _ROLE.sub(r"\1", line).replace("``", "")
        if line.rstrip().endswith("::"):
            line = line.rstrip()[:-1]
        out.append(line)
    return "\n".join(out)


@click.command("rules")
def rules_cmd() -> None:
    """List every rule: code, name, default severity, summary."""
    from citecheck.rules import all_rules

    for rule in all_rules():
        click.echo(f"{rule.code}  {rule.name:<24} {rule.severity.value:<8} {rule.summary}")


@click.command("rule")
@click.argument("name")
def rule_cmd(name: str) -> None:
    """Print the documentation of one rule (by code or name)."""
    from citecheck.rules import find_rule

    rule = find_rule(name)
    color = use_color(sys.stdout)
    if rule is None:
        fail(f"unknown rule '{name}' (see 'citecheck rules')")
        return
    click.echo(f"{rule.code} {rule.name} ({rule.severity.value})\n")
    click.echo(plain_text(rule.doc, color=color) if rule.doc.strip() else rule.summary)
