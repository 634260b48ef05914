"""``citecheck rules`` and ``citecheck rule NAME``: the rule catalogue."""

from __future__ import annotations

import click

from citecheck.cli._shared import fail


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
    if rule is None:
        fail(f"unknown rule '{name}' (see 'citecheck rules')")
        return
    click.echo(f"{rule.code} {rule.name} ({rule.severity.value})\n")
    click.echo(rule.doc.strip() or rule.summary)
